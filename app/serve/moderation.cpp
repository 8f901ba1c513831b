// The moderation endpoint's request and response (see moderation.h).
#include "moderation.h"

#include <map>
#include <nlohmann/json.hpp>

namespace lectern::app::serve {
namespace {

// OpenAI's moderation categories.
const char* const kOpenAiCategories[] = {"harassment", "harassment/threatening", "hate", "hate/threatening",
                                         "illicit", "illicit/violent", "self-harm", "self-harm/intent",
                                         "self-harm/instructions", "sexual", "sexual/minors", "violence",
                                         "violence/graphic"};

// Which of OpenAI's categories a Llama Guard 3 code falls under (S6 Specialized Advice, S7
// Privacy, S8 Intellectual Property and S13 Elections have none: they show under llama_guard).
const std::map<std::string, std::vector<const char*>>& openAiCategoriesOf() {
    static const std::map<std::string, std::vector<const char*>> map = {
        {"S1", {"violence", "illicit/violent"}},  // Violent Crimes
        {"S2", {"illicit"}},                      // Non-Violent Crimes
        {"S3", {"sexual"}},                       // Sex Crimes
        {"S4", {"sexual/minors"}},                // Child Exploitation
        {"S5", {"harassment"}},                   // Defamation
        {"S9", {"illicit/violent"}},              // Indiscriminate Weapons
        {"S10", {"hate"}},                        // Hate
        {"S11", {"self-harm"}},                   // Self-Harm
        {"S12", {"sexual"}},                      // Sexual Content
        {"S14", {"illicit"}},                     // Code Interpreter Abuse
    };
    return map;
}

ApiError badRequest(std::string message) {
    ApiError e;
    e.status = 400;
    e.message = std::move(message);
    e.param = "input";
    return e;
}

}  // namespace

std::optional<ApiError> parseModeration(const std::string& body, std::vector<std::string>& inputs) {
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return badRequest("the body is not a JSON object");
    const auto input = j.find("input");
    if (input == j.end()) return badRequest("input is required");
    if (input->is_string()) {
        inputs = {input->get<std::string>()};
    } else if (input->is_array() && !input->empty() && input->size() <= 32) {
        for (const auto& item : *input) {
            if (!item.is_string()) return badRequest("input holds only strings (images are not supported)");
            inputs.push_back(item.get<std::string>());
        }
    } else {
        return badRequest("input is a string or an array of 1 to 32 strings");
    }
    for (const std::string& s : inputs)
        if (s.find_first_not_of(" \t\r\n") == std::string::npos) return badRequest("an input is empty");
    return std::nullopt;
}

std::string moderationBody(const std::string& id, const std::string& model, const std::vector<GuardVerdict>& verdicts) {
    nlohmann::json results = nlohmann::json::array();
    for (const GuardVerdict& v : verdicts) {
        nlohmann::json categories = nlohmann::json::object(), scores = nlohmann::json::object();
        for (const char* c : kOpenAiCategories) {
            categories[c] = false;
            scores[c] = 0.0;
        }
        for (const std::string& code : v.categories) {
            const auto it = openAiCategoriesOf().find(code);
            if (it == openAiCategoriesOf().end()) continue;
            for (const char* c : it->second) {
                categories[c] = true;
                scores[c] = 1.0;
            }
        }
        nlohmann::json guard{{"verdict", guardVerdictName(v.kind)}, {"categories", v.categories}};
        if (v.kind == GuardVerdict::Kind::Malformed) {
            guard["problem"] = v.problem;
            guard["output"] = v.output;
        }
        results.push_back({{"flagged", v.kind != GuardVerdict::Kind::Safe},
                           {"categories", categories},
                           {"category_scores", scores},
                           {"llama_guard", guard}});
    }
    const nlohmann::json out{{"id", id}, {"model", model}, {"results", results}};
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lectern::app::serve
