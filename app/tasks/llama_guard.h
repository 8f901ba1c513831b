// Llama Guard 3: the prompt that asks it to classify the last turn of a conversation
// (a user's question, or the model's answer in reply to it) against hazard categories, and
// its answer read as a verdict. The prompt is what Llama-Guard-3-8B's own chat template
// (tokenizer_config.json) renders, byte for byte, including the space before
// <|begin_of_text|> and no newline after the assistant header: the tokens it was trained on.
// Malformed output is a verdict of its own, never read as "safe".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/chat_template.h"

namespace lectern::app {

struct GuardCategory {
    std::string code;         // "S1"
    std::string name;         // "Violent Crimes."
    std::string description;  // empty: the name alone is listed (as the published template does)
};

// S1 Violent Crimes … S14 Code Interpreter Abuse, as the model card lists them.
const std::vector<GuardCategory>& llamaGuard3Categories();

// The prompt for `conversation` (user and assistant turns alternating, starting with the
// user's; 1 turn: the user's message is assessed, 2 or more: the last one's role), listing
// `categories` ("CODE: NAME", then the description on the next lines when there is one).
// InvalidArgument when the conversation is empty or its roles do not alternate.
Result<std::string> guardPrompt(const std::vector<ChatMessage>& conversation,
                                const std::vector<GuardCategory>& categories = llamaGuard3Categories());

struct GuardVerdict {
    enum class Kind { Safe, Unsafe, Malformed };
    Kind kind = Kind::Malformed;
    std::vector<std::string> categories;  // "S1", "S10" (unsafe only), in the model's order
    std::string problem;                  // malformed: what is wrong with the output
    std::string output;                   // what the model wrote
};
const char* guardVerdictName(GuardVerdict::Kind kind);  // "safe", "unsafe", "malformed"
// "S1, S10": the categories of an unsafe verdict.
std::string guardCategoriesText(const GuardVerdict& verdict);
// "safe", "unsafe (S1, S10)", "malformed (the first line is neither ...)".
std::string guardVerdictText(const GuardVerdict& verdict);

// {"verdict": "unsafe", "categories": ["S1"], "output": "...", "problem": "..."} as stored with a
// message (problem only when malformed).
std::string guardVerdictJson(const GuardVerdict& verdict);

// The model's output: "safe", or "unsafe" and a line of comma-separated codes (S1..S99;
// surrounding whitespace and case tolerated). A code outside `categories`, a missing or
// empty category line, or anything else is Malformed, with the reason.
GuardVerdict parseGuardOutput(std::string_view output,
                              const std::vector<GuardCategory>& categories = llamaGuard3Categories());

}  // namespace lectern::app
