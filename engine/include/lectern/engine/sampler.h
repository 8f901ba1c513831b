// Choosing the next token from logits. In order:
//   1. repetition penalty over the last `repeat_last_n` tokens of the history (each distinct
//      token once: a positive logit is divided by the penalty, a negative one multiplied);
//   2. greedy (temperature <= 0): the argmax (lowest id on ties); otherwise
//   3. top-k (k > 0): keep the k largest logits;
//   4. softmax of logits / temperature;
//   5. top-p (< 1): keep the smallest set of most probable tokens whose mass reaches p;
//   6. min-p (> 0): keep tokens whose probability is at least min_p times the largest;
//   7. draw from what is left, renormalized, with a seeded generator (splitmix64), so one
//      seed gives one sequence on every platform.
// Buffers are allocated once (n_vocab entries); sample() does not allocate. Without top-k,
// only as much of the vocabulary is sorted as top-p / min-p can keep.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace lectern {

struct SamplerOptions {
    float temperature = 0.0f;     // <= 0: greedy
    int top_k = 0;                // 0: off
    float top_p = 1.0f;           // 1: off
    float min_p = 0.0f;           // 0: off
    float repeat_penalty = 1.0f;  // 1: off
    int repeat_last_n = 64;       // history tokens the penalty looks at
    uint64_t seed = 0;
};

class Sampler {
public:
    explicit Sampler(const SamplerOptions& options = {});

    // Picks a token id from logits (n_vocab f32). history: the tokens so far (only its last
    // repeat_last_n are read). logits must not be empty.
    int32_t sample(std::span<const float> logits, std::span<const int32_t> history);

    // The candidates left after steps 1-6 of the last sample(), with their renormalized
    // probabilities: most probable first when top-k, top-p or min-p is on, in id order
    // otherwise (empty after a greedy pick). For tests and tools.
    struct Candidate {
        int32_t id;
        float logit;
        float p;
    };
    std::span<const Candidate> last_candidates() const { return {cands_.data(), n_cands_}; }

    const SamplerOptions& options() const { return options_; }
    void reseed(uint64_t seed);

private:
    double next_uniform();  // in [0, 1)
    void apply_penalty(std::span<const int32_t> history);
    size_t sort_candidates(double inv_t, double* mx_out, double* sum);
    void truncate_candidates();

    SamplerOptions options_;
    uint64_t rng_state_ = 0;
    std::vector<float> work_;       // (n_vocab) penalized logits
    std::vector<Candidate> cands_;  // (n_vocab)
    size_t n_cands_ = 0;
};

}  // namespace lectern
