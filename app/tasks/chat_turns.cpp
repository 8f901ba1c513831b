// Single-turn token ids from differences of full renderings (see chat_turns.h).
#include "chat_turns.h"

#include <algorithm>

namespace lectern::app {
namespace {

const ChatMessage kProbeSystem{"system", "x"};

// The tokens `longer` adds after `shorter`, when `shorter` is its prefix.
Result<std::vector<std::int32_t>> difference(const std::vector<std::int32_t>& shorter,
                                             const std::vector<std::int32_t>& longer) {
    if (longer.size() < shorter.size() || !std::equal(shorter.begin(), shorter.end(), longer.begin()))
        return make_error(ErrorCode::Unsupported,
                          "this chat template does not render a conversation turn by turn");
    return std::vector<std::int32_t>(longer.begin() + static_cast<std::ptrdiff_t>(shorter.size()),
                                     longer.end());
}

}  // namespace

bool turnsAreAppendable(const TaskEngine& engine) {
    return systemPrefixTokens(engine, "x").ok() && userTurnTokens(engine, "q").ok() &&
           endOfTurnTokens(engine).ok();
}

Result<std::vector<std::int32_t>> systemPrefixTokens(const TaskEngine& engine,
                                                     const std::string& system) {
    const ChatMessage m{"system", system};
    return engine.renderChat({&m, 1}, false);
}

Result<std::vector<std::int32_t>> userTurnTokens(const TaskEngine& engine,
                                                 const std::string& question) {
    const std::vector<ChatMessage> one{kProbeSystem};
    const std::vector<ChatMessage> two{kProbeSystem, {"user", question}};
    auto a = engine.renderChat(one, false);
    if (!a) return a.error();
    auto b = engine.renderChat(two, true);
    if (!b) return b.error();
    return difference(*a, *b);
}

Result<std::vector<std::int32_t>> endOfTurnTokens(const TaskEngine& engine) {
    const std::vector<ChatMessage> asked{kProbeSystem, {"user", "q"}};
    const std::vector<ChatMessage> answered{kProbeSystem, {"user", "q"}, {"assistant", "a"}};
    auto a = engine.renderChat(asked, true);
    if (!a) return a.error();
    auto b = engine.renderChat(answered, false);
    if (!b) return b.error();
    auto tail = difference(*a, *b);
    if (!tail) return tail.error();
    // Drop the answer text itself: what is left after "a" is the end of the turn.
    const auto answer = engine.tokenizer().encode("a");
    if (tail->size() < answer.size() || !std::equal(answer.begin(), answer.end(), tail->begin()))
        return make_error(ErrorCode::Unsupported, "this chat template changes the answer's text");
    return std::vector<std::int32_t>(tail->begin() + static_cast<std::ptrdiff_t>(answer.size()), tail->end());
}

}  // namespace lectern::app
