// Loading and filling prompt templates (see prompts.h).
#include "prompts.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace lectern::app {

std::filesystem::path configDirectory() {
    if (const char* dir = std::getenv("LECTERN_CONFIG_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "lectern";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".config" / "lectern";
}

Result<std::string> promptTemplate(const std::string& name) {
    const auto override = configDirectory() / "prompts" / (name + ".txt");
    std::error_code ec;
    if (std::filesystem::is_regular_file(override, ec)) {
        std::ifstream in(override, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (!in.good() && !in.eof())
            return make_error(ErrorCode::Io, "cannot read a prompt template", override.string());
        return ss.str();
    }
    const auto& built_in = embeddedPrompts();
    auto it = built_in.find(name);
    if (it == built_in.end())
        return make_error(ErrorCode::NotFound, "no prompt template of that name", name);
    return it->second;
}

std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t open = text.find("{{", pos);
        if (open == std::string::npos) break;
        const size_t close = text.find("}}", open + 2);
        if (close == std::string::npos) break;
        out.append(text, pos, open - pos);
        auto it = values.find(text.substr(open + 2, close - open - 2));
        if (it != values.end())
            out += it->second;
        else
            out.append(text, open, close + 2 - open);
        pos = close + 2;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

Result<std::string> renderPrompt(const std::string& name,
                                 const std::map<std::string, std::string>& values) {
    auto text = promptTemplate(name);
    if (!text) return text.error();
    std::string out = fillTemplate(*text, values);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

}  // namespace lectern::app
