// chooseMemory (see memory_choice.h).
#include "memory_choice.h"

#include <limits>

#include "lectern/engine/session.h"

namespace lectern::app {
namespace {

std::string name(std::int64_t nCtx, KvType kv) {
    return "context " + context_name(nCtx) + ", " + kv_type_name(kv) + " KV cache";
}

}  // namespace

Result<MemoryChoice> chooseMemory(const ModelConfig& c, std::size_t weightBytes, const MemoryAsk& ask,
                                  std::size_t available) {
    MemoryRequest r;
    r.max_chunk = ask.chunk;
    r.weight_bytes = weightBytes;
    r.kind = ask.kind;
    r.n_threads = ask.threads;
    const bool kvGiven = ask.kvType.has_value();
    r.kv = kvGiven ? *ask.kvType : KvType::F16;
    if (!kv_type_supported(c, r.kv))
        return make_error(ErrorCode::InvalidArgument, "an 8-bit (q8_0) KV cache needs head_dim to be a multiple of 32",
                          "head_dim " + std::to_string(c.head_dim) + ": use --kv f16");
    const bool automatic = ask.nCtx == 0;
    r.n_ctx = automatic ? (c.n_ctx_train > 0 ? c.n_ctx_train : 8192) : ask.nCtx;
    if (!automatic) LECTERN_TRY(check_context_size(c, r.n_ctx, ask.ctxBeyondTraining));
    const std::size_t unlimited = std::numeric_limits<std::size_t>::max();
    if (available == 0) {  // unknown: nothing to plan against
        auto plan = plan_memory(c, r, unlimited);
        if (!plan) return plan.error();
        return MemoryChoice{r.n_ctx, r.kv, *plan, name(r.n_ctx, r.kv) + " (the memory free is unknown)"};
    }
    if (automatic) {
        auto choice = fit_context(c, r, kvGiven, available);
        if (!choice) return choice.error();
        return MemoryChoice{choice->n_ctx, choice->kv, choice->plan, name(choice->n_ctx, choice->kv) + ": " + choice->reason};
    }
    auto plan = plan_memory(c, r, available);
    if (!plan && !kvGiven && kv_type_supported(c, KvType::Q8_0) &&
        (plan.error().code == ErrorCode::OutOfMemory || plan.error().code == ErrorCode::OutOfDeviceMemory)) {
        // An automatic KV type at a given context: the 8-bit cache before refusing.
        MemoryRequest q = r;
        q.kv = KvType::Q8_0;
        if (auto q8 = plan_memory(c, q, available)) {
            const std::size_t f16Needs = plan_memory(c, r, unlimited)->total();
            return MemoryChoice{r.n_ctx, KvType::Q8_0, *q8,
                                name(r.n_ctx, KvType::Q8_0) + ": f16 would need " + format_bytes(f16Needs) + ", " +
                                    format_bytes(available) + " free"};
        }
    }
    if (!plan) return plan.error();
    return MemoryChoice{r.n_ctx, r.kv, *plan,
                        name(r.n_ctx, r.kv) + " (needs " + format_bytes(plan->total()) + " of " +
                            format_bytes(available) + " free)"};
}

}  // namespace lectern::app
