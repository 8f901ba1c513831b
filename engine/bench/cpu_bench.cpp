// run_bench: per thread count, one warm-up step (faults in mapped weights), then the timed
// prompt (chunks of up to 512 tokens, logits of the last token only, as a real prefill) and
// the timed decode steps (one token, its logits), then the bandwidth and multiply-add rate
// measurements.
#include "lectern/bench/cpu_bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>

#include "quant/dequant.h"

#include "lectern/engine/backend.h"
#include "machine_limits.h"

namespace lectern::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// User + system CPU time of the whole process so far.
double process_cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

struct Timings {
    double prefill_s = 0, decode_s = 0;
    double prefill_cpu_s = 0, decode_cpu_s = 0;
};

// Positions [0, n) of every layer hold random keys and values of the sequence's type.
Status fill_cache(SequenceState& seq, const ModelConfig& c, int64_t n, std::mt19937& rng) {
    const KvType type = seq.options().kv_type;
    const size_t row = kv_row_bytes(type, c.head_dim);
    std::vector<uint8_t> layer(kv_snapshot_bytes(c, type, n) / static_cast<size_t>(c.n_layer));
    std::uniform_real_distribution<float> value(-1.0f, 1.0f);
    std::vector<float> x(static_cast<size_t>(c.head_dim));
    // 64 distinct rows repeated: random enough for attention, quick to build for 128K positions.
    for (size_t r = 0; r < layer.size() / row; ++r) {
        if (r < 64) {
            for (float& v : x) v = value(rng);
            quant::quantize_row(kv_dtype(type), x.data(), layer.data() + r * row, c.head_dim);
        } else {
            std::memcpy(layer.data() + r * row, layer.data() + (r % 64) * row, row);
        }
    }
    for (int64_t l = 0; l < c.n_layer; ++l) LECTERN_TRY(seq.write_kv(n, l, layer));
    return {};
}

Result<Timings> time_forward(Backend& backend, const BenchOptions& o, KvType kv, int64_t ctx) {
    const ModelConfig& c = backend.config();
    const int64_t chunk = std::min<int64_t>(o.n_prompt, 512);
    auto seq = backend.create_sequence({std::max(o.n_prompt, ctx) + o.n_decode + 1, std::max<int64_t>(chunk, 1), kv});
    if (!seq) return seq.error();
    std::mt19937 rng(o.seed);
    std::uniform_int_distribution<int32_t> token(0, static_cast<int32_t>(c.n_vocab - 1));
    std::vector<int32_t> prompt(static_cast<size_t>(o.n_prompt));
    for (int32_t& t : prompt) t = token(rng);
    std::vector<float> logits(static_cast<size_t>(c.n_vocab));
    const int32_t first = token(rng);
    const int64_t row0 = 0;
    // Warm-up at position 0; the prompt then overwrites it.
    LECTERN_TRY(backend.forward(**seq, {&first, 1}, 0, {&row0, 1}, logits.data()));

    Timings t;
    auto t0 = Clock::now();
    double c0 = process_cpu_seconds();
    for (int64_t p = 0; p < o.n_prompt; p += chunk) {
        const int64_t n = std::min(chunk, o.n_prompt - p);
        const int64_t last = n - 1;
        const bool final_chunk = p + n == o.n_prompt;
        LECTERN_TRY(backend.forward(**seq, {prompt.data() + p, static_cast<size_t>(n)}, p,
                                    final_chunk ? std::span<const int64_t>(&last, 1) : std::span<const int64_t>(),
                                    logits.data()));
    }
    t.prefill_s = seconds_since(t0);
    t.prefill_cpu_s = process_cpu_seconds() - c0;
    // Every position the decode steps will reach is written too, so the timed steps do not
    // pay for the first touch (zeroing) of the cache's pages.
    if (ctx > 0) LECTERN_TRY(fill_cache(**seq, c, (**seq).options().n_ctx, rng));
    const int64_t start = ctx > 0 ? ctx : o.n_prompt;
    t0 = Clock::now();
    c0 = process_cpu_seconds();
    for (int64_t i = 0; i < o.n_decode; ++i) {
        const int32_t next = token(rng);
        LECTERN_TRY(backend.forward(**seq, {&next, 1}, start + i, {&row0, 1}, logits.data()));
    }
    t.decode_s = seconds_since(t0);
    t.decode_cpu_s = process_cpu_seconds() - c0;
    return t;
}

}  // namespace

size_t decode_weight_bytes(const ModelWeights& w) {
    size_t n = w.weight_bytes();
    if (!w.config.tied_embeddings) {
        n -= w.tok_embd.bytes();
        n += row_bytes(w.tok_embd.type, w.tok_embd.n_cols);
    }
    return n;
}

double prefill_macs_per_token(const ModelConfig& c, int64_t n_prompt) {
    const double d = static_cast<double>(c.d_model), q_dim = static_cast<double>(c.n_head * c.head_dim);
    const double kv_dim = static_cast<double>(c.n_kv_head * c.head_dim);
    const double matrices = d * q_dim + 2 * d * kv_dim + q_dim * d + 3 * d * static_cast<double>(c.d_ffn);
    const double attention = q_dim * static_cast<double>(n_prompt + 1);
    return static_cast<double>(c.n_layer) * (matrices + attention) +
           d * static_cast<double>(c.n_vocab) / static_cast<double>(n_prompt);
}

Result<std::vector<BenchResult>> run_bench(std::shared_ptr<const ModelWeights> weights,
                                           const BenchOptions& o) {
    if (o.threads.empty() || o.activations.empty() || o.kv.empty() || o.ctx.empty() || o.n_prompt < 1 ||
        o.n_decode < 1)
        return make_error(ErrorCode::InvalidArgument,
                          "the prompt, the decode steps, the thread counts, the activations, the KV types and "
                          "the contexts must not be empty");
    const double bytes_per_token = static_cast<double>(decode_weight_bytes(*weights));
    std::vector<BenchResult> results;
    for (int threads : o.threads) {
        if (threads < 1) return make_error(ErrorCode::InvalidArgument, "thread counts must be >= 1");
        const size_t first = results.size();
        for (CpuActivations activations : o.activations) {
            auto backend = make_cpu_backend(weights, {threads, activations});
            if (!backend) return backend.error();
            for (KvType kv : o.kv) {
                for (int64_t ctx : o.ctx) {
                    BenchResult r;
                    r.threads = threads;
                    r.activations = activations;
                    r.kv = kv;
                    r.ctx = ctx;
                    auto t = time_forward(**backend, o, kv, ctx);
                    if (!t) return t.error();
                    // Decoding at position p reads the keys and values of p + 1 positions.
                    const double positions = static_cast<double>(ctx > 0 ? ctx : o.n_prompt) +
                                             static_cast<double>(o.n_decode + 1) / 2.0;
                    r.kv_bytes_per_token =
                        positions * static_cast<double>(kv_snapshot_bytes(weights->config, kv, 1));
                    if (t->prefill_s > 0) r.prefill_tok_s = static_cast<double>(o.n_prompt) / t->prefill_s;
                    if (t->decode_s > 0) r.decode_tok_s = static_cast<double>(o.n_decode) / t->decode_s;
                    r.decode_bytes_s = r.decode_tok_s * (bytes_per_token + r.kv_bytes_per_token);
                    r.prefill_macs_s = r.prefill_tok_s * prefill_macs_per_token(weights->config, o.n_prompt);
                    if (t->prefill_s > 0) r.prefill_cpu_share = t->prefill_cpu_s / (t->prefill_s * threads);
                    if (t->decode_s > 0) r.decode_cpu_share = t->decode_cpu_s / (t->decode_s * threads);
                    results.push_back(r);
                }
            }
        }
        cpu::ThreadPool pool(threads);
        const double memory = measure_read_bandwidth(pool, {o.bandwidth_buffer_bytes, 5});
        const double multiply_add = measure_multiply_add_rate(pool, o.multiply_add_iterations);
        for (size_t i = first; i < results.size(); ++i) {
            results[i].memory_bytes_s = memory;
            results[i].multiply_add_s = multiply_add;
        }
    }
    return results;
}

}  // namespace lectern::bench
