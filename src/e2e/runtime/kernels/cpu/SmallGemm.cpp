#include "e2e/runtime/kernels/cpu/SmallGemm.hpp"

namespace e2e::runtime::cpu {
namespace {

constexpr int kLanes = 16;
constexpr int kRows = 6;  // micro-tile rows: 6 x 2 accumulators + 2 B vectors + 1 broadcast fit the registers
typedef float Vec __attribute__((vector_size(kLanes * sizeof(float))));
typedef float UnalignedVec __attribute__((vector_size(kLanes * sizeof(float)), aligned(alignof(float))));

inline Vec load(const float* p) { return *reinterpret_cast<const UnalignedVec*>(p); }
inline void store(float* p, Vec v) { *reinterpret_cast<UnalignedVec*>(p) = v; }

// C[MR x NV*16] = A[MR x k] * B[k x NV*16].
template <int MR, int NV>
void microTile(std::int64_t k, const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float* c,
               std::int64_t ldc) noexcept {
  Vec acc[MR][NV];
  for (int i = 0; i < MR; ++i)
    for (int j = 0; j < NV; ++j) acc[i][j] = Vec{};  // element-wise: `= {}` became a memset through the stack
  for (std::int64_t p = 0; p < k; ++p) {
    Vec bv[NV];
#pragma GCC unroll 4
    for (int j = 0; j < NV; ++j) bv[j] = load(b + p * ldb + j * kLanes);
#pragma GCC unroll 8
    for (int i = 0; i < MR; ++i) {
      const float av = a[i * lda + p];
#pragma GCC unroll 4
      for (int j = 0; j < NV; ++j) acc[i][j] += av * bv[j];
    }
  }
  for (int i = 0; i < MR; ++i)
    for (int j = 0; j < NV; ++j) store(c + i * ldc + j * kLanes, acc[i][j]);
}

template <int NV>
void rowDispatch(int rows, std::int64_t k, const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float* c,
                 std::int64_t ldc) noexcept {
  switch (rows) {
    case 6: microTile<6, NV>(k, a, lda, b, ldb, c, ldc); break;
    case 5: microTile<5, NV>(k, a, lda, b, ldb, c, ldc); break;
    case 4: microTile<4, NV>(k, a, lda, b, ldb, c, ldc); break;
    case 3: microTile<3, NV>(k, a, lda, b, ldb, c, ldc); break;
    case 2: microTile<2, NV>(k, a, lda, b, ldb, c, ldc); break;
    default: microTile<1, NV>(k, a, lda, b, ldb, c, ldc); break;
  }
}

}  // namespace

void smallGemm(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t lda, const float* b,
               std::int64_t ldb, float* c, std::int64_t ldc) noexcept {
  const std::int64_t vecCols = n / kLanes * kLanes;
  for (std::int64_t i0 = 0; i0 < m; i0 += kRows) {
    const int rows = static_cast<int>(m - i0 < kRows ? m - i0 : kRows);
    const float* ai = a + i0 * lda;
    float* ci = c + i0 * ldc;
    std::int64_t j0 = 0;
    for (; j0 + 2 * kLanes <= vecCols; j0 += 2 * kLanes) rowDispatch<2>(rows, k, ai, lda, b + j0, ldb, ci + j0, ldc);
    if (j0 < vecCols) {
      rowDispatch<1>(rows, k, ai, lda, b + j0, ldb, ci + j0, ldc);
      j0 += kLanes;
    }
    // Fewer than 16 columns left: plain dot products (same k order as the vector path).
    for (int i = 0; i < rows; ++i)
      for (std::int64_t j = j0; j < n; ++j) {
        float s = 0.f;
        for (std::int64_t p = 0; p < k; ++p) s += ai[i * lda + p] * b[p * ldb + j];
        ci[i * ldc + j] = s;
      }
  }
}

}  // namespace e2e::runtime::cpu
