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

namespace {

bool by_logit(const Sampler::Candidate& a, const Sampler::Candidate& b) {
    return a.logit != b.logit ? a.logit > b.logit : a.id < b.id;
}

}  // namespace

// Orders cands_ most probable first as far as steps 3-6 can reach and returns that count
// (sets *mx_out to the largest logit and *sum to the softmax denominator over the tokens
// top-k left). With no cutoff at all, nothing is sorted. Without top-k, a
// sorted prefix grows 4x at a time until it holds the top-p mass or crosses the min-p
// cutoff, so a 128K vocabulary is rarely sorted whole.
size_t Sampler::sort_candidates(double inv_t, double* mx_out, double* sum) {
    const size_t n_all = cands_.size();
    const auto mid = [&](size_t k) { return cands_.begin() + static_cast<ptrdiff_t>(k); };
    if (options_.top_k > 0 && static_cast<size_t>(options_.top_k) < n_all) {
        const auto k = static_cast<size_t>(options_.top_k);
        std::partial_sort(cands_.begin(), mid(k), cands_.end(), by_logit);
        *mx_out = cands_[0].logit;
        *sum = 0.0;
        for (size_t i = 0; i < k; ++i) *sum += std::exp((cands_[i].logit - *mx_out) * inv_t);
        return k;
    }
    // by_logit orders most probable first, so its "smallest" element is the largest logit.
    const float mx = std::min_element(cands_.begin(), cands_.end(), by_logit)->logit;
    *mx_out = mx;
    *sum = 0.0;
    for (const Candidate& c : cands_) *sum += std::exp((c.logit - mx) * inv_t);
    if (options_.top_p >= 1.0f && options_.min_p <= 0.0f) return n_all;  // no cutoff: no order needed
    for (size_t k = std::min<size_t>(n_all, 64);; k = std::min(n_all, k * 4)) {
        std::partial_sort(cands_.begin(), mid(k), cands_.end(), by_logit);
        double mass = 0.0;
        for (size_t i = 0; i < k; ++i) mass += std::exp((cands_[i].logit - mx) * inv_t) / *sum;
        const double p_last = std::exp((cands_[k - 1].logit - mx) * inv_t) / *sum;
        const bool top_p_reached = options_.top_p < 1.0f && mass >= options_.top_p;
        const bool min_p_crossed = options_.min_p > 0.0f && p_last < options_.min_p / *sum;
        if (top_p_reached || min_p_crossed || k == n_all) return k;
    }
}

// Steps 3-6 over cands_; the first n_cands_ are what is left.
void Sampler::truncate_candidates() {
    const double inv_t = 1.0 / options_.temperature;
    double mx = 0.0, sum = 0.0;
    const size_t n = sort_candidates(inv_t, &mx, &sum);
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
