// Reference float32 operations of the forward pass (see ops.h).
#include "cpu/ops.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "cpu/attention_simd.h"  // exp8, the vector exp SwiGLU shares with attention
#include "quant/dequant.h"

namespace lectern::cpu {

void rms_norm(const float* x, const float* weight, int64_t n_tok, int64_t d, float eps,
              float* out) {
    for (int64_t t = 0; t < n_tok; ++t) {
        const float* xr = x + t * d;
        float* yr = out + t * d;
        double ss = 0.0;
        for (int64_t i = 0; i < d; ++i) ss += static_cast<double>(xr[i]) * xr[i];
        const float scale = static_cast<float>(1.0 / std::sqrt(ss / static_cast<double>(d) + eps));
        for (int64_t i = 0; i < d; ++i) yr[i] = xr[i] * scale * weight[i];
    }
}

void rope_angles(int64_t pos0, int64_t n_tok, int64_t head_dim, double theta,
                 const float* freq_factors, float* cos_out, float* sin_out) {
    const int64_t half = head_dim / 2;
    for (int64_t i = 0; i < half; ++i) {
        double inv_freq = std::pow(theta, -2.0 * static_cast<double>(i) / static_cast<double>(head_dim));
        if (freq_factors) inv_freq /= static_cast<double>(freq_factors[i]);
        for (int64_t t = 0; t < n_tok; ++t) {
            const double angle = static_cast<double>(pos0 + t) * inv_freq;
            cos_out[t * half + i] = static_cast<float>(std::cos(angle));
            sin_out[t * half + i] = static_cast<float>(std::sin(angle));
        }
    }
}

void rope(float* x, int64_t n_tok, int64_t n_heads, int64_t head_dim, const float* cos,
          const float* sin) {
    const int64_t half = head_dim / 2;
    for (int64_t t = 0; t < n_tok; ++t) {
        const float* c = cos + t * half;
        const float* s = sin + t * half;
        for (int64_t h = 0; h < n_heads; ++h) {
            float* v = x + (t * n_heads + h) * head_dim;
            for (int64_t i = 0; i < half; ++i) {
                const float x0 = v[2 * i], x1 = v[2 * i + 1];
                v[2 * i] = x0 * c[i] - x1 * s[i];
                v[2 * i + 1] = x0 * s[i] + x1 * c[i];
            }
        }
    }
}

void swiglu(const float* gate, const float* up, int64_t n, float* out) {
    int64_t i = 0;
#if LECTERN_ATTENTION_AVX2
    const __m256 one = _mm256_set1_ps(1.0f);
    for (; i + 8 <= n; i += 8) {
        const __m256 g = _mm256_loadu_ps(gate + i);
        const __m256 e = simd::exp8(_mm256_sub_ps(_mm256_setzero_ps(), g));
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_div_ps(g, _mm256_add_ps(one, e)), _mm256_loadu_ps(up + i)));
    }
#endif
    for (; i < n; ++i) {
        const float g = gate[i];
        out[i] = g / (1.0f + std::exp(-g)) * up[i];
    }
}

void add(float* x, const float* y, int64_t n) {
    for (int64_t i = 0; i < n; ++i) x[i] += y[i];
}

void softmax(float* x, int64_t n) {
    if (n <= 0) return;
    const float mx = *std::max_element(x, x + n);
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        x[i] = std::exp(x[i] - mx);
        sum += x[i];
    }
    const float inv = static_cast<float>(1.0 / sum);
    for (int64_t i = 0; i < n; ++i) x[i] *= inv;
}

float dot(const float* a, const float* b, int64_t n) {
    // Eight independent partial sums: the compiler maps them onto one SIMD register
    // without reassociating a single float reduction.
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int l = 0; l < 8; ++l) acc[l] += a[i + l] * b[i + l];
    }
    for (; i < n; ++i) acc[0] += a[i] * b[i];
    return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
}

void axpy(float a, const float* x, float* y, int64_t n) {
    for (int64_t i = 0; i < n; ++i) y[i] += a * x[i];
}

Status embed_tokens(const TensorView& tok_embd, const int32_t* tokens, int64_t n_tok,
                    float* out) {
    const int64_t d = tok_embd.n_cols;
    for (int64_t t = 0; t < n_tok; ++t) {
        const int32_t id = tokens[t];
        if (id < 0 || id >= tok_embd.n_rows) {
            return make_error(ErrorCode::InvalidArgument,
                              "token id " + std::to_string(id) + " is outside the vocabulary of " +
                                  std::to_string(tok_embd.n_rows) + " tokens",
                              "position " + std::to_string(t) + " of the chunk");
        }
        quant::dequantize_row(tok_embd.type, tok_embd.row(id), out + t * d, d);
    }
    return {};
}

}  // namespace lectern::cpu
