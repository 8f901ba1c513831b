// POST /v1/moderations in OpenAI's shape over the guard model (Llama Guard 3): the request's
// input (a string or an array of them) read, and each input's verdict written as a result
// with "flagged", OpenAI's "categories" and "category_scores" (1 or 0: Llama Guard gives a
// verdict, not a probability) mapped from the Llama Guard codes, and the codes themselves
// under "llama_guard". Output the guard wrote that is neither safe nor unsafe is flagged
// (verdict "malformed", with the problem): never passed as safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llama_guard.h"
#include "openai_protocol.h"

namespace lectern::app::serve {

// The inputs of a moderation request: 1 to 32 non-empty strings.
std::optional<ApiError> parseModeration(const std::string& body, std::vector<std::string>& inputs);

std::string moderationBody(const std::string& id, const std::string& model, const std::vector<GuardVerdict>& verdicts);

}  // namespace lectern::app::serve
