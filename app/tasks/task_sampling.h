// How each task samples its answers unless the user says otherwise. The choices:
// - Ask: temperature 0.6, top-p 0.9, the values Meta ships in Llama 3.1 Instruct's
//   generation_config.json; a conversation reads better than argmax text and loops less.
// - Summarize: temperature 0.3, top-p 0.9: close to the model's most likely reading of the
//   document, with a little room so long summaries do not fall into repetition.
// - Review and Translate: greedy (temperature 0). Findings and translations should not
//   change from one run to the next, and a resumed translation must continue in the same
//   voice; argmax is what makes both reproducible without a seed.
// Every option is overridden by the request (CLI --temperature, --top-k, --top-p, --min-p,
// --repeat-penalty, --seed); with a seed, a sampled answer is reproduced token for token.
#pragma once

#include "lectern/engine/sampler.h"

namespace lectern::app {

enum class TaskKind { Ask, Summarize, Review, Translate };

constexpr SamplerOptions defaultSampling(TaskKind kind) {
    SamplerOptions o;
    switch (kind) {
        case TaskKind::Ask:
            o.temperature = 0.6f;
            o.top_p = 0.9f;
            break;
        case TaskKind::Summarize:
            o.temperature = 0.3f;
            o.top_p = 0.9f;
            break;
        case TaskKind::Review:
        case TaskKind::Translate:
            break;
    }
    return o;
}

}  // namespace lectern::app
