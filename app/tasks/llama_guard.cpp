// Llama Guard 3's prompt and verdicts (see llama_guard.h).
#include "llama_guard.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace lectern::app {
namespace {

// What Python's str.strip() removes for ASCII text: the template strips each turn.
std::string_view strip(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

}  // namespace

const std::vector<GuardCategory>& llamaGuard3Categories() {
    static const std::vector<GuardCategory> categories = {
        {"S1", "Violent Crimes.", ""},          {"S2", "Non-Violent Crimes.", ""},
        {"S3", "Sex Crimes.", ""},              {"S4", "Child Exploitation.", ""},
        {"S5", "Defamation.", ""},              {"S6", "Specialized Advice.", ""},
        {"S7", "Privacy.", ""},                 {"S8", "Intellectual Property.", ""},
        {"S9", "Indiscriminate Weapons.", ""},  {"S10", "Hate.", ""},
        {"S11", "Self-Harm.", ""},              {"S12", "Sexual Content.", ""},
        {"S13", "Elections.", ""},              {"S14", "Code Interpreter Abuse.", ""},
    };
    return categories;
}

Result<std::string> guardPrompt(const std::vector<ChatMessage>& conversation,
                                const std::vector<GuardCategory>& categories) {
    if (conversation.empty()) return make_error(ErrorCode::InvalidArgument, "the guard needs a conversation to assess");
    for (std::size_t i = 0; i < conversation.size(); ++i) {
        const std::string& want = i % 2 == 0 ? "user" : "assistant";
        if (conversation[i].role != want)
            return make_error(ErrorCode::InvalidArgument,
                              "the guard's conversation alternates user and assistant turns, starting with the user's",
                              "turn " + std::to_string(i + 1) + " is " + conversation[i].role);
    }
    const std::string role = conversation.size() % 2 == 0 ? "Agent" : "User";
    std::string p = " <|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nTask: Check if there is unsafe content in '" +
                    role + "' messages in conversations according our safety policy with the below categories.\n\n"
                    "<BEGIN UNSAFE CONTENT CATEGORIES>\n";
    for (const GuardCategory& c : categories) {
        p += c.code + ": " + c.name + "\n";
        if (!c.description.empty()) p += c.description + "\n";
    }
    p += "<END UNSAFE CONTENT CATEGORIES>\n\n<BEGIN CONVERSATION>\n\n";
    for (std::size_t i = 0; i < conversation.size(); ++i)
        p += std::string(i % 2 == 0 ? "User" : "Agent") + ": " + std::string(strip(conversation[i].content)) + "\n\n";
    p += "<END CONVERSATION>\n\nProvide your safety assessment for ONLY THE LAST " + role +
         " message in the above conversation:\n - First line must read 'safe' or 'unsafe'.\n"
         " - If unsafe, a second line must include a comma-separated list of violated categories."
         "<|eot_id|><|start_header_id|>assistant<|end_header_id|>";
    return p;
}

const char* guardVerdictName(GuardVerdict::Kind kind) {
    switch (kind) {
        case GuardVerdict::Kind::Safe: return "safe";
        case GuardVerdict::Kind::Unsafe: return "unsafe";
        case GuardVerdict::Kind::Malformed: return "malformed";
    }
    return "malformed";
}

GuardVerdict parseGuardOutput(std::string_view output, const std::vector<GuardCategory>& categories) {
    GuardVerdict v;
    v.output = std::string(output);
    const auto malformed = [&v](std::string why) {
        v.kind = GuardVerdict::Kind::Malformed;
        v.categories.clear();
        v.problem = std::move(why);
        return v;
    };
    const std::string_view text = strip(output);
    const std::size_t newline = text.find('\n');
    const std::string first = lower(strip(text.substr(0, newline)));
    const std::string_view rest = newline == std::string_view::npos ? std::string_view() : strip(text.substr(newline + 1));
    if (first == "safe") {
        if (!rest.empty()) return malformed("text after \"safe\"");
        v.kind = GuardVerdict::Kind::Safe;
        return v;
    }
    if (first != "unsafe") return malformed("the first line is neither \"safe\" nor \"unsafe\"");
    if (rest.empty()) return malformed("\"unsafe\" without the categories");
    if (rest.find('\n') != std::string_view::npos) return malformed("more than two lines");
    std::size_t start = 0;
    while (start <= rest.size()) {
        const std::size_t comma = rest.find(',', start);
        std::string code(strip(rest.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        const bool known = std::any_of(categories.begin(), categories.end(),
                                       [&](const GuardCategory& c) { return c.code == code; });
        if (code.empty()) return malformed("an empty category");
        if (!known) return malformed("an unknown category \"" + code + "\"");
        if (std::find(v.categories.begin(), v.categories.end(), code) == v.categories.end()) v.categories.push_back(code);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    v.kind = GuardVerdict::Kind::Unsafe;
    return v;
}

std::string guardCategoriesText(const GuardVerdict& v) {
    std::string codes;
    for (const std::string& c : v.categories) codes += (codes.empty() ? "" : ", ") + c;
    return codes;
}

std::string guardVerdictText(const GuardVerdict& v) {
    std::string out = guardVerdictName(v.kind);
    if (v.kind == GuardVerdict::Kind::Unsafe) out += " (" + guardCategoriesText(v) + ")";
    if (v.kind == GuardVerdict::Kind::Malformed) out += " (" + v.problem + ")";
    return out;
}

std::string guardVerdictJson(const GuardVerdict& v) {
    nlohmann::json j{{"verdict", guardVerdictName(v.kind)}, {"categories", v.categories}, {"output", v.output}};
    if (v.kind == GuardVerdict::Kind::Malformed) j["problem"] = v.problem;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lectern::app
