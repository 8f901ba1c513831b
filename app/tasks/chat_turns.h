// Token ids of single chat turns, so a conversation can grow by appending a question's own
// tokens to a kept prefix instead of rendering (and prefilling) it all again. Supported for
// templates where a conversation's rendering is the concatenation of its messages'
// (Llama 3); turnsAreAppendable() says whether the model's template is one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "local_engine.h"
#include "task_engine.h"

namespace lectern::app {

bool turnsAreAppendable(const TaskEngine& engine);

// The kept prefix: BOS and the system message.
Result<std::vector<std::int32_t>> systemPrefixTokens(const TaskEngine& engine,
                                                     const std::string& system);
// A user message and the assistant header that follows it (where the answer starts).
Result<std::vector<std::int32_t>> userTurnTokens(const TaskEngine& engine,
                                                 const std::string& question);
// What ends an answer in the history: the template's end-of-turn token.
Result<std::vector<std::int32_t>> endOfTurnTokens(const TaskEngine& engine);

}  // namespace lectern::app
