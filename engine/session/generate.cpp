// The prefill-then-decode generation loop (see generate.h).
#include "lectern/engine/generate.h"

#include <algorithm>

namespace lectern {

Result<Generation> generate(Session& session, std::span<const int32_t> prompt, Sampler& sampler,
                            const GenerateOptions& options) {
    std::span<const float> logits;
    if (!prompt.empty()) {
        PrefillOptions po;
        po.cancel = options.cancel;
        po.progress = options.on_prefill_progress;
        auto r = session.prefill(prompt, po);
        if (!r) return r.error();
        logits = *r;
    } else {
        logits = session.last_logits();
        if (logits.empty())
            return make_error(ErrorCode::InvalidArgument,
                              "an empty prompt needs a session whose last logits are known");
    }
    Generation g;
    g.tokens.reserve(static_cast<size_t>(std::max<int64_t>(options.max_tokens, 0)));
    while (static_cast<int64_t>(g.tokens.size()) < options.max_tokens) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return make_error(ErrorCode::Cancelled, "generation was cancelled");
        const int32_t token = sampler.sample(logits, session.tokens());
        g.tokens.push_back(token);
        const bool keep_going = !options.on_token || options.on_token(token, logits);
        if (std::find(options.stop_ids.begin(), options.stop_ids.end(), token) != options.stop_ids.end()) {
            g.reason = StopReason::StopToken;
            return g;
        }
        if (!keep_going) {
            g.reason = StopReason::Callback;
            return g;
        }
        if (static_cast<int64_t>(g.tokens.size()) == options.max_tokens) break;
        if (session.n_past() >= session.n_ctx()) {
            g.reason = StopReason::ContextFull;
            return g;
        }
        auto r = session.decode(token, options.cancel);
        if (!r) return r.error();
        logits = *r;
    }
    g.reason = StopReason::MaxTokens;
    return g;
}

}  // namespace lectern
