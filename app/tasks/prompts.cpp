// Loading and filling prompt templates, and the sentences that depend on the documents
// (see prompts.h).
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

namespace {

Result<std::string> sentenceWhen(bool wanted, const std::string& name) {
    if (!wanted) return std::string();
    auto text = renderPrompt(name, {});
    if (!text) return text.error();
    return text->empty() ? std::string() : " " + *text;
}

bool numbersParagraphs(const ingest::Document& document) {
    for (const auto& u : document.units)
        if (u.first_paragraph > 0) return true;
    return false;
}

}  // namespace

bool hasNumberedParagraphs(const std::vector<ingest::Document>& documents) {
    for (const auto& d : documents)
        if (numbersParagraphs(d)) return true;
    return false;
}

bool hasTables(const std::vector<ingest::Document>& documents) {
    for (const auto& d : documents)
        for (const auto& u : d.units)
            if (!u.tables.empty() || u.text.find("<table n=\"") != std::string::npos) return true;
    return false;
}

Result<std::string> citationNotes(const std::vector<ingest::Document>& documents) {
    auto paragraphs = sentenceWhen(hasNumberedParagraphs(documents), "cite_paragraphs");
    if (!paragraphs) return paragraphs.error();
    auto tables = sentenceWhen(hasTables(documents), "cite_tables");
    if (!tables) return tables.error();
    return *paragraphs + *tables;
}

Result<std::string> paragraphMarks(const ingest::Document& document) {
    return sentenceWhen(numbersParagraphs(document), "keep_paragraph_marks");
}

}  // namespace lectern::app
