// The context and KV cache type a model gets on this machine: what the user asked for, or
// automatic choices (a context of 0: the model's trained one; no KV type: f16, or q8_0 when
// f16 does not fit), planned against the memory available (memory_plan.h) before anything
// is allocated. The local engine opens with it; the model picker shows it before loading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "lectern/engine/backend.h"
#include "lectern/engine/memory_plan.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern::app {

struct MemoryAsk {
    std::int64_t nCtx = 0;           // 0: the model's trained context, lowered to what fits
    std::optional<KvType> kvType;    // empty: f16, else q8_0 when f16 does not fit
    MemoryKind kind = MemoryKind::Host;
    int threads = 1;                 // host: each thread has a row of attention scores
    std::int64_t chunk = 256;        // tokens per prefill forward pass
    bool ctxBeyondTraining = false;  // accept nCtx above the model's trained context
};

struct MemoryChoice {
    std::int64_t nCtx = 0;
    KvType kvType = KvType::F16;
    MemoryPlan plan;     // what the choice needs (weights, KV cache, scratch, reserve)
    std::string line;    // "context 128K, q8_0 KV cache: f16 would need …": what and why
};

// The choice, or the planner's error (OutOfMemory / OutOfDeviceMemory, saying what would
// fit) when even the smallest choice does not. `available` 0: unknown, nothing is refused.
Result<MemoryChoice> chooseMemory(const ModelConfig& config, std::size_t weightBytes, const MemoryAsk& ask,
                                  std::size_t available);

}  // namespace lectern::app
