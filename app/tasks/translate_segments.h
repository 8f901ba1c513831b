// Translate's units of work: a document cut into segments (its paragraphs, page by page;
// a paragraph too long for one generation is cut at sentence ends), the glossary the model
// extends after each segment ("GLOSSARY: source = target" lines, removed from the
// translation), and the translated document put back together with its paragraph and page
// structure.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::app {

struct TranslateSegment {
    std::size_t unit = 0;     // index in Document::units
    int page = 0;             // PDF page, 0 otherwise
    bool startsUnit = false;  // the first segment of its unit
    std::string text;
};

using TokenCount = std::function<std::size_t(std::string_view)>;
using Glossary = std::map<std::string, std::string>;

std::vector<TranslateSegment> segmentDocument(const ingest::Document& document, const TokenCount& count,
                                              std::size_t maxTokens);

// The translation without its glossary lines; their entries are added to `glossary`.
std::string takeGlossaryLines(const std::string& output, Glossary& glossary);
// "source = target" lines, or "(none yet)".
std::string glossaryText(const Glossary& glossary);

// Paragraphs separated by a blank line; each PDF page opens with "--- page N ---".
std::string assembleTranslation(const std::vector<TranslateSegment>& segments,
                                const std::vector<std::string>& outputs);

}  // namespace lectern::app
