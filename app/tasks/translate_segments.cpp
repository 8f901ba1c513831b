// Segmenting, glossary lines and reassembly for Translate (see translate_segments.h).
#include "translate_segments.h"

#include <algorithm>

namespace lectern::app {
namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find("\n\n", pos);
        if (end == std::string::npos) end = text.size();
        if (auto p = trim(std::string_view(text).substr(pos, end - pos)); !p.empty()) out.push_back(std::move(p));
        pos = end + 2;
    }
    return out;
}

// Cuts after ". ", "! ", "? " or a newline so that each piece counts at most maxTokens
// (a single sentence longer than that is cut by bytes at a UTF-8 boundary).
std::vector<std::string> splitLong(const std::string& p, const TokenCount& count, std::size_t maxTokens) {
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const bool end = p[i] == '\n' || ((p[i] == '.' || p[i] == '!' || p[i] == '?') && i + 1 < p.size() && p[i + 1] == ' ');
        if (end) {
            sentences.push_back(p.substr(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start < p.size()) sentences.push_back(p.substr(start));
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t k = 0; k < sentences.size(); ++k) {
        std::string s = sentences[k];
        while (count(s) > maxTokens && s.size() > 1) {
            std::size_t cut = s.size() / 2;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
            if (cut == 0) break;
            // The rest comes next, in order.
            sentences.insert(sentences.begin() + static_cast<std::ptrdiff_t>(k + 1), s.substr(cut));
            s.resize(cut);
        }
        if (!cur.empty() && count(cur + s) > maxTokens) {
            out.push_back(trim(cur));
            cur.clear();
        }
        cur += s;
    }
    if (!trim(cur).empty()) out.push_back(trim(cur));
    return out;
}

}  // namespace

std::vector<TranslateSegment> segmentDocument(const ingest::Document& document, const TokenCount& count,
                                              std::size_t maxTokens) {
    std::vector<TranslateSegment> out;
    for (std::size_t u = 0; u < document.units.size(); ++u) {
        bool first = true;
        for (auto& p : paragraphs(document.units[u].text)) {
            auto pieces = count(p) > maxTokens ? splitLong(p, count, maxTokens) : std::vector<std::string>{p};
            for (auto& piece : pieces) {
                out.push_back({u, document.units[u].page, first, std::move(piece)});
                first = false;
            }
        }
    }
    return out;
}

std::string takeGlossaryLines(const std::string& output, Glossary& glossary) {
    std::string kept;
    std::size_t pos = 0;
    while (pos < output.size()) {
        std::size_t nl = output.find('\n', pos);
        if (nl == std::string::npos) nl = output.size();
        const std::string line = trim(std::string_view(output).substr(pos, nl - pos));
        const std::size_t eq = line.find(" = ");
        if (line.rfind("GLOSSARY:", 0) == 0 && eq != std::string::npos) {
            auto source = trim(std::string_view(line).substr(9, eq - 9));
            auto target = trim(std::string_view(line).substr(eq + 3));
            if (!source.empty() && !target.empty()) glossary[source] = target;
        } else {
            kept.append(output, pos, nl - pos);
            kept += '\n';
        }
        pos = nl + 1;
    }
    return trim(kept);
}

std::string glossaryText(const Glossary& glossary) {
    if (glossary.empty()) return "(none yet)";
    std::string out;
    for (const auto& [source, target] : glossary) out += source + " = " + target + "\n";
    return trim(out);
}

std::string assembleTranslation(const std::vector<TranslateSegment>& segments,
                                const std::vector<std::string>& outputs) {
    std::string out;
    for (std::size_t i = 0; i < segments.size() && i < outputs.size(); ++i) {
        if (!out.empty()) out += "\n\n";
        if (segments[i].startsUnit && segments[i].page > 0)
            out += "--- page " + std::to_string(segments[i].page) + " ---\n\n";
        out += outputs[i];
    }
    return out;
}

}  // namespace lectern::app
