// Token sampling (see sampler.h for the order of the steps).
#include "lectern/engine/sampler.h"

#include <algorithm>
#include <cmath>

namespace lectern {

Sampler::Sampler(const SamplerOptions& options) : options_(options) { reseed(options.seed); }

void Sampler::reseed(uint64_t seed) { rng_state_ = seed; }

double Sampler::next_uniform() {
    // splitmix64: tiny, well mixed, and the same on every platform (unlike std distributions).
    uint64_t z = (rng_state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
}

void Sampler::apply_penalty(std::span<const int32_t> history) {
    const float pen = options_.repeat_penalty;
    if (pen == 1.0f || options_.repeat_last_n <= 0) return;
    const size_t n = std::min(history.size(), static_cast<size_t>(options_.repeat_last_n));
    const int64_t n_vocab = static_cast<int64_t>(work_.size());
    for (size_t i = history.size() - n; i < history.size(); ++i) {
        const int32_t id = history[i];
        if (id < 0 || id >= n_vocab) continue;
        // Penalize each distinct token once: skip ids seen earlier in the window.
        bool seen = false;
        for (size_t j = history.size() - n; j < i && !seen; ++j) seen = history[j] == id;
        if (seen) continue;
        float& l = work_[static_cast<size_t>(id)];
        l = l > 0.0f ? l / pen : l * pen;
    }
}

// Steps 3-6 over cands_ (sorted by logit, most probable first when this returns).
void Sampler::truncate_candidates() {
    const auto by_logit = [](const Candidate& a, const Candidate& b) {
        return a.logit != b.logit ? a.logit > b.logit : a.id < b.id;
    };
    size_t n = cands_.size();
    if (options_.top_k > 0 && static_cast<size_t>(options_.top_k) < n) {
        n = static_cast<size_t>(options_.top_k);
        std::partial_sort(cands_.begin(), cands_.begin() + static_cast<ptrdiff_t>(n), cands_.end(), by_logit);
    } else {
        std::sort(cands_.begin(), cands_.end(), by_logit);
    }
    const double inv_t = 1.0 / options_.temperature;
    const double mx = cands_[0].logit;
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) sum += std::exp((cands_[i].logit - mx) * inv_t);
    double mass = 0.0;
    size_t keep = n;
    const double p_max = 1.0 / sum;
    for (size_t i = 0; i < n; ++i) {
        const double p = std::exp((cands_[i].logit - mx) * inv_t) / sum;
        cands_[i].p = static_cast<float>(p);
        if (i > 0 && options_.min_p > 0.0f && p < options_.min_p * p_max) {
            keep = i;
            break;
        }
        mass += p;
        if (options_.top_p < 1.0f && mass >= options_.top_p) {
            keep = i + 1;
            break;
        }
    }
    double kept = 0.0;
    for (size_t i = 0; i < keep; ++i) kept += cands_[i].p;
    for (size_t i = 0; i < keep; ++i) cands_[i].p = static_cast<float>(cands_[i].p / kept);
    n_cands_ = keep;
}

int32_t Sampler::sample(std::span<const float> logits, std::span<const int32_t> history) {
    work_.assign(logits.begin(), logits.end());  // no allocation once sized for n_vocab
    apply_penalty(history);
    n_cands_ = 0;
    if (options_.temperature <= 0.0f) {
        return static_cast<int32_t>(std::max_element(work_.begin(), work_.end()) - work_.begin());
    }
    cands_.resize(work_.size());
    for (size_t i = 0; i < work_.size(); ++i)
        cands_[i] = Candidate{static_cast<int32_t>(i), work_[i], 0.0f};
    truncate_candidates();
    const double u = next_uniform();
    double acc = 0.0;
    for (size_t i = 0; i < n_cands_; ++i) {
        acc += cands_[i].p;
        if (u < acc) return cands_[i].id;
    }
    return cands_[n_cands_ - 1].id;
}

}  // namespace lectern
