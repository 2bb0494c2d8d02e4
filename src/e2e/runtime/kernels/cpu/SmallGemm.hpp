#pragma once
// A single-threaded fp32 GEMM for blocks that already sit in cache (attention tiles): C = A * B, all row-major
// with explicit row strides. Register-blocked 6 x 32 micro-kernel on GCC vector extensions (AVX-512 with
// -march=native, narrower vectors elsewhere); no allocation, deterministic (fixed summation order over k).
#include <cstdint>

namespace e2e::runtime::cpu {

void smallGemm(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t lda, const float* b,
               std::int64_t ldb, float* c, std::int64_t ldc) noexcept;

}  // namespace e2e::runtime::cpu
