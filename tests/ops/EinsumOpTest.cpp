// Einsum against a brute-force reference that walks every assignment of every label: matrix and batched
// products, attention-style contractions, transposes, sums, traces and diagonals, "..." broadcasting, implicit
// outputs, float32 and float64.
#include <map>

#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

struct Term {
  std::string labels;  // letters; '.' stands for one broadcast dim (expanded by the case)
};

// Reference einsum for equations without "..." (cases spell broadcast dims out as capital letters).
std::vector<double> bruteEinsum(const std::vector<std::string>& terms, const std::string& out,
                                const std::vector<Dims>& shapes, const std::vector<std::vector<double>>& data,
                                Dims& outDims) {
  std::map<char, std::int64_t> size;
  for (std::size_t k = 0; k < terms.size(); ++k)
    for (std::size_t i = 0; i < terms[k].size(); ++i) size[terms[k][i]] = std::max(size[terms[k][i]], shapes[k][i]);
  std::vector<char> labels;
  for (auto& [c, n] : size) labels.push_back(c);
  outDims.clear();
  for (char c : out) outDims.push_back(size[c]);
  std::vector<double> y(static_cast<std::size_t>(product(outDims)), 0.0);
  std::map<char, std::int64_t> at;
  for (char c : labels) at[c] = 0;
  while (true) {
    double prod = 1;
    for (std::size_t k = 0; k < terms.size(); ++k) {
      std::int64_t off = 0;
      const Dims st = stridesOf(shapes[k]);
      for (std::size_t i = 0; i < terms[k].size(); ++i) off += (shapes[k][i] == 1 ? 0 : at[terms[k][i]]) * st[i];
      prod *= data[k][off];
    }
    std::int64_t o = 0;
    const Dims os = stridesOf(outDims);
    for (std::size_t i = 0; i < out.size(); ++i) o += at[out[i]] * os[i];
    y[o] += prod;
    std::size_t l = labels.size();
    while (l > 0 && ++at[labels[l - 1]] == size[labels[l - 1]]) at[labels[--l]] = 0;
    if (l == 0) break;
  }
  return y;
}

struct EinsumCase {
  std::string equation;              // what the node gets
  std::vector<std::string> terms;    // the reference's spelled-out form
  std::string out;
  std::vector<Dims> shapes;
};

void checkEinsum(const EinsumCase& c, int elemType, Rng& rng) {
  OnnxBuilder b(12);
  std::vector<std::string> names;
  for (std::size_t k = 0; k < c.shapes.size(); ++k) {
    names.push_back(indexedName("x", static_cast<std::size_t>(k)));
    b.input(names.back(), c.shapes[k], elemType);
  }
  b.output("y", elemType);
  OnnxBuilder::attrString(b.node("Einsum", names, {"y"}), "equation", c.equation);
  auto s = b.session();
  std::vector<std::vector<double>> data;
  std::vector<HostTensor> in;
  for (const auto& d : c.shapes) {
    const auto v = randomVec(rng, static_cast<std::size_t>(product(d)));
    data.emplace_back(v.begin(), v.end());
    if (elemType == kFloat) in.push_back(HostTensor::of(d, v));
    else in.push_back(HostTensor::of(d, data.back()));
  }
  Dims outDims;
  const auto want = bruteEinsum(c.terms, c.out, c.shapes, data, outDims);
  const std::int64_t batch = c.shapes[0].empty() ? 0 : c.shapes[0][0];
  ASSERT_EQ(s.outputDims(0, batch), outDims) << c.equation;
  const auto out = runTyped(s, in, batch)[0];
  if (elemType == kFloat) {
    expectClose(out.as<float>(), want, c.equation, 1e-5);
  } else {
    const auto got = out.as<double>();
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12 * (1 + std::abs(want[i]))) << c.equation;
  }
}

TEST(EinsumOp, ContractionsTracesAndBroadcasting) {
  Rng rng(641);
  const std::vector<EinsumCase> cases = {
      {"ij,jk->ik", {"ij", "jk"}, "ik", {{3, 4}, {4, 5}}},
      {"bij, bjk -> bik", {"bij", "bjk"}, "bik", {{2, 3, 4}, {2, 4, 5}}},
      {"bhqd,bhkd->bhqk", {"bhqd", "bhkd"}, "bhqk", {{2, 3, 5, 4}, {2, 3, 6, 4}}},
      {"ij->ji", {"ij"}, "ji", {{3, 5}}},
      {"ij->i", {"ij"}, "i", {{4, 6}}},
      {"i,i", {"i", "i"}, "", {{7}, {7}}},
      {"ii", {"ii"}, "", {{5, 5}}},
      {"ii->i", {"ii"}, "i", {{4, 4}}},
      {"ij,jk", {"ij", "jk"}, "ik", {{2, 3}, {3, 4}}},
      {"ba,ca", {"ba", "ca"}, "bc", {{2, 3}, {4, 3}}},
      {"i,j->ij", {"i", "j"}, "ij", {{3}, {4}}},
      {"ij,jk,kl->il", {"ij", "jk", "kl"}, "il", {{2, 3}, {3, 4}, {4, 2}}},
      {"...ii->...i", {"ABii"}, "ABi", {{2, 3, 4, 4}}},
      {"...ij,...jk->...ik", {"Aij", "Ajk"}, "Aik", {{3, 2, 4}, {1, 4, 5}}},
      {"b...,b->...", {"bA", "b"}, "A", {{3, 5}, {3}}},
      {"...ij->ij", {"Aij"}, "ij", {{4, 2, 3}}},
  };
  for (const auto& c : cases) {
    checkEinsum(c, kFloat, rng);
    checkEinsum(c, kDouble, rng);
  }
}

TEST(EinsumOp, MalformedEquationsFailAtLoad) {
  for (const std::string eq : {"ij,jk->iq", "ij->ii", "i..j...->ij", "ij"}) {
    OnnxBuilder b(12);
    b.input("a", {2, 2}).input("b", {2, 2}).output("y");
    OnnxBuilder::attrString(b.node("Einsum", {"a", "b"}, {"y"}, "es"), "equation", eq);
    EXPECT_THROW(b.session(), Error) << eq;
  }
}

}  // namespace
}  // namespace e2e::test
