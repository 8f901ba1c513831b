// bench-cuda: the CUDA backend on a synthetic Llama 3.1 8B (random weights generated on the
// device, no file): prefill tokens/s at 4K and 32K tokens and decode tokens/s at a 1K
// context, for bf16 and Q4_K weights, each against its floor. The floor uses the device's
// ceilings measured here first: a 1 GiB device-to-device copy (bytes read + written per
// second) and a bf16 8192^3 cuBLAS product (float32 accumulation).
//   prefill floor = (2 x matrix parameters x N + causal attention 2 x 2 x n_layer x n_head x
//                   head_dim x N^2 / 2) / GEMM rate
//   decode floor  = (weight bytes + f16 KV bytes at the context) / copy bandwidth
// Usage: bench-cuda [--types bf16,q4_k] [--prefill 4096,32768] [--decode-ctx 1024]
//                   [--decode-tokens 32] [--chunk 1024]
// --types (or --type) takes the weight-type names of lectern/engine/weight_types.h. A bad
// command line exits with 2 before any device is touched; no CUDA device exits with 1.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cuda/bench_weights.h"
#include "cuda/cuda_backend_impl.h"
#include "cuda/cuda_check.h"
#include "kernels/random_fill.cuh"
#include "lectern/engine/weight_types.h"

namespace lectern::cuda {
namespace {

constexpr const char* kUsage =
    "usage: bench-cuda [--types bf16,q4_k] [--prefill 4096,32768] [--decode-ctx 1024]\n"
    "                  [--decode-tokens 32] [--chunk 1024]\n";

struct Args {
    std::vector<DType> types = {DType::BF16, DType::Q4_K};
    std::vector<int64_t> prefill = {4096, 32768};
    int64_t decode_ctx = 1024, decode_tokens = 32, chunk = 1024;
};

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');) out.push_back(item);
    return out;
}

Result<int64_t> parse_count(const std::string& option, const std::string& text) {
    int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 1)
        return make_error(ErrorCode::InvalidArgument, option + " takes positive whole numbers", text);
    return n;
}

// Every error is a usage error (exit 2): an unknown option, a missing value, a weight type
// the backend does not run (the accepted names are in the message), a bad number.
Result<Args> parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; i += 2) {
        const std::string k = argv[i];
        if (i + 1 == argc) return make_error(ErrorCode::InvalidArgument, k + " needs a value");
        const std::string v = argv[i + 1];
        if (k == "--types" || k == "--type") {
            a.types.clear();
            for (const std::string& name : split(v)) {
                auto type = parse_weight_type(name);
                if (!type) return type.error();
                a.types.push_back(*type);
            }
        } else if (k == "--prefill") {
            a.prefill.clear();
            for (const std::string& n : split(v)) {
                auto count = parse_count(k, n);
                if (!count) return count.error();
                a.prefill.push_back(*count);
            }
        } else if (k == "--decode-ctx" || k == "--decode-tokens" || k == "--chunk") {
            auto count = parse_count(k, v);
            if (!count) return count.error();
            (k == "--decode-ctx" ? a.decode_ctx : k == "--decode-tokens" ? a.decode_tokens : a.chunk) = *count;
        } else {
            return make_error(ErrorCode::InvalidArgument, "unknown option", k);
        }
    }
    if (a.types.empty()) return make_error(ErrorCode::InvalidArgument, "--types needs at least one type");
    return a;
}

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Ceilings {
    double copy_bytes_per_s = 0, gemm_flops_per_s = 0;
};

// Median of `reps` timings of `body` with device events.
template <class F>
Result<double> time_events(cudaStream_t st, int reps, F body) {
    cudaEvent_t a, b;
    LECTERN_CUDA_CHECK(cudaEventCreate(&a));
    LECTERN_CUDA_CHECK(cudaEventCreate(&b));
    std::vector<double> ms;
    for (int i = 0; i < reps + 2; ++i) {  // two warm-up runs
        LECTERN_CUDA_CHECK(cudaEventRecord(a, st));
        LECTERN_TRY(body());
        LECTERN_CUDA_CHECK(cudaEventRecord(b, st));
        LECTERN_CUDA_CHECK(cudaEventSynchronize(b));
        float t = 0;
        LECTERN_CUDA_CHECK(cudaEventElapsedTime(&t, a, b));
        if (i >= 2) ms.push_back(t);
    }
    cudaEventDestroy(a);
    cudaEventDestroy(b);
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2] / 1e3;
}

Result<Ceilings> measure_ceilings(cudaStream_t st) {
    Ceilings c;
    const size_t bytes = size_t{1} << 30;
    auto src = DeviceBuffer::allocate(bytes, "copy source");
    auto dst = DeviceBuffer::allocate(bytes, "copy destination");
    if (!src || !dst) return src ? dst.error() : src.error();
    LECTERN_CUDA_CHECK(launch_random_fill(src->data(), DType::F32, 1, bytes / 4, 7, 1.0f, st));
    auto t = time_events(st, 10, [&]() -> Status {
        LECTERN_CUDA_CHECK(cudaMemcpyAsync(dst->data(), src->data(), bytes, cudaMemcpyDeviceToDevice, st));
        return {};
    });
    if (!t) return t.error();
    c.copy_bytes_per_s = 2.0 * static_cast<double>(bytes) / *t;

    const int n = 8192;
    const size_t mbytes = size_t{n} * n * 2;
    auto A = DeviceBuffer::allocate(mbytes, "gemm A");
    auto B = DeviceBuffer::allocate(mbytes, "gemm B");
    auto C = DeviceBuffer::allocate(size_t{n} * n * 4, "gemm C");
    if (!A || !B || !C) return make_error(ErrorCode::OutOfDeviceMemory, "no memory for the GEMM ceiling");
    LECTERN_CUDA_CHECK(launch_random_fill(A->data(), DType::BF16, n, n, 11, 1.0f, st));
    LECTERN_CUDA_CHECK(launch_random_fill(B->data(), DType::BF16, n, n, 12, 1.0f, st));
    auto blas = BlasHandle::create(st);
    if (!blas) return blas.error();
    const float one = 1.0f, zero = 0.0f;
    t = time_events(st, 10, [&]() -> Status {
        LECTERN_CUBLAS_CHECK(cublasGemmEx(blas->get(), CUBLAS_OP_T, CUBLAS_OP_N, n, n, n, &one,
                                          A->data(), CUDA_R_16BF, n, B->data(), CUDA_R_16BF, n, &zero,
                                          C->data(), CUDA_R_32F, n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
        return {};
    });
    if (!t) return t.error();
    c.gemm_flops_per_s = 2.0 * n * static_cast<double>(n) * n / *t;
    return c;
}

struct Row {
    std::string type, test;
    int64_t tokens;
    double seconds, floor_seconds;  // measured, and the floor's
};

double matrix_params(const ModelConfig& c) {
    const double q = static_cast<double>(c.n_head * c.head_dim), kv = static_cast<double>(c.n_kv_head * c.head_dim);
    const double d = static_cast<double>(c.d_model), f = static_cast<double>(c.d_ffn);
    return static_cast<double>(c.n_layer) * (d * (q + 2 * kv) + q * d + 3 * d * f);
}

// Prefills `n` tokens from position 0 in chunks; only the last row's logits are taken.
Result<double> prefill(CudaBackend& b, SequenceState& seq, int64_t n, int64_t chunk,
                       std::vector<float>& logits) {
    std::vector<int32_t> ids(static_cast<size_t>(chunk));
    for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<int32_t>((i * 7919) % 128000);
    const double t0 = now_s();
    for (int64_t pos = 0; pos < n; pos += chunk) {
        const int64_t m = std::min(chunk, n - pos);
        const int64_t last = m - 1;
        const bool end = pos + m == n;
        LECTERN_TRY(b.forward(seq, std::span(ids.data(), static_cast<size_t>(m)), pos,
                              end ? std::span<const int64_t>(&last, 1) : std::span<const int64_t>(),
                              logits.data(), nullptr));
    }
    return now_s() - t0;
}

void print_row(const Row& r) {
    const double tps = static_cast<double>(r.tokens) / r.seconds;
    const double floor_tps = static_cast<double>(r.tokens) / r.floor_seconds;
    std::printf("%-6s %-12s %8lld %10.4f %12.1f %12.1f %7.3f\n", r.type.c_str(), r.test.c_str(),
                static_cast<long long>(r.tokens), r.seconds, tps, floor_tps, tps / floor_tps);
    std::fflush(stdout);  // rows survive a time limit that stops the run
}

// Prefills of the given lengths and, if decode_tokens > 0, decode at decode_ctx.
Status bench_type(const Args& args, const std::vector<int64_t>& prefills, bool decode, DType type,
                  const Ceilings& ceil) {
    const std::string type_name = weight_type_name(type);
    const ModelConfig c = llama31_8b_config();
    auto stream = Stream::create();
    if (!stream) return stream.error();
    auto w = random_device_weights(c, type, 1234, stream->get());
    if (!w) return w.error();
    auto b = CudaBackend::create(c, std::move(w.value()), std::move(stream.value()), {});
    if (!b) return b.error();
    int64_t n_ctx = decode ? args.decode_ctx + args.decode_tokens : 1;
    for (int64_t n : prefills) n_ctx = std::max(n_ctx, n);
    auto seq = (*b)->create_sequence({.n_ctx = n_ctx, .max_chunk = args.chunk, .kv_type = KvType::F16});
    if (!seq) return seq.error();
    std::vector<float> logits(static_cast<size_t>(c.n_vocab));
    // Warm-up: module load, cuBLAS heuristics, first touch of the scratch.
    if (auto warm = prefill(**b, **seq, args.chunk, args.chunk, logits); !warm) return warm.error();
    const double P = matrix_params(c);
    for (int64_t n : prefills) {
        auto t = prefill(**b, **seq, n, args.chunk, logits);
        if (!t) return t.error();
        const double att = 2.0 * 2.0 * c.n_layer * c.n_head * c.head_dim * static_cast<double>(n) * n / 2.0;
        print_row({type_name, "prefill " + std::to_string(n / 1024) + "K", n, *t,
                   (2.0 * P * n + att) / ceil.gemm_flops_per_s});
    }
    if (!decode) return {};
    auto t = prefill(**b, **seq, args.decode_ctx, args.chunk, logits);
    if (!t) return t.error();
    std::vector<double> steps;
    const int64_t zero = 0;
    for (int64_t i = 0; i < args.decode_tokens; ++i) {
        const int32_t id = static_cast<int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
        const double t0 = now_s();
        LECTERN_TRY((*b)->forward(**seq, std::span(&id, 1), args.decode_ctx + i,
                                  std::span<const int64_t>(&zero, 1), logits.data(), nullptr));
        steps.push_back(now_s() - t0);
    }
    std::sort(steps.begin(), steps.end());
    const double kv_bytes = 2.0 * c.n_layer * c.n_kv_head * c.head_dim * 2.0 * static_cast<double>(args.decode_ctx);
    print_row({type_name, "decode @" + std::to_string(args.decode_ctx / 1024) + "K", 1,
               steps[steps.size() / 2],
               (static_cast<double>(decode_weight_bytes(c, type)) + kv_bytes) / ceil.copy_bytes_per_s});
    return {};
}

}  // namespace
}  // namespace lectern::cuda

int main(int argc, char** argv) {
    using namespace lectern;
    using namespace lectern::cuda;
    const Result<Args> parsed = parse(argc, argv);
    if (!parsed) {
        std::fprintf(stderr, "bench-cuda: %s\n%s", parsed.error().to_string().c_str(), kUsage);
        return 2;
    }
    const Args& args = *parsed;
    if (device_count() == 0) {
        std::printf("bench-cuda: no CUDA device\n");
        return 1;
    }
    auto st = Stream::create();
    if (!st) return std::printf("bench-cuda: %s\n", st.error().to_string().c_str()), 1;
    auto ceil = measure_ceilings(st->get());
    if (!ceil) return std::printf("bench-cuda: %s\n", ceil.error().to_string().c_str()), 1;
    std::printf("device %s: copy %.0f GB/s (read + write), bf16 GEMM %.0f TFLOP/s\n",
                device_name(0).c_str(), ceil->copy_bytes_per_s / 1e9, ceil->gemm_flops_per_s / 1e12);
    std::printf("%-6s %-12s %8s %10s %12s %12s %7s\n", "type", "test", "tokens", "seconds",
                "tok/s", "floor tok/s", "ratio");
    // Short prefills and decode for every type first, long prefills last: if a time limit
    // stops the run, the cheap rows are already printed.
    std::vector<int64_t> short_prefills, long_prefills;
    for (int64_t n : args.prefill) (n <= 8192 ? short_prefills : long_prefills).push_back(n);
    for (int phase = 0; phase < 2; ++phase) {
        for (DType type : args.types) {
            const Status s = phase == 0 ? bench_type(args, short_prefills, true, type, *ceil)
                                        : bench_type(args, long_prefills, false, type, *ceil);
            if (!s) std::printf("bench-cuda: %s: %s\n", weight_type_name(type).c_str(), s.error().to_string().c_str());
        }
        if (long_prefills.empty()) break;
    }
    return 0;
}
