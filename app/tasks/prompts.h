// Prompt templates of the tasks: the files in resources/prompts/ are built in; a file of the
// same name in the config folder's prompts/ ($LECTERN_CONFIG_DIR, else
// $XDG_CONFIG_HOME/lectern, else ~/.config/lectern) replaces one, so users can edit them.
// Placeholders are {{name}}; fillTemplate replaces each with its value. Some text depends on
// the documents shown: how to cite paragraphs is said only when a document numbers them.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "lectern/engine/result.h"
#include "lectern/ingest/document.h"

namespace lectern::app {

const std::map<std::string, std::string>& embeddedPrompts();

// $LECTERN_CONFIG_DIR, else $XDG_CONFIG_HOME/lectern, else ~/.config/lectern.
std::filesystem::path configDirectory();

// The template `name` (e.g. "ask_system"): the user's override when present, else the
// built-in one. Errors: NotFound (no such template), Io (an unreadable override).
Result<std::string> promptTemplate(const std::string& name);

// Replaces every {{key}} of `values` in `text`; unknown placeholders stay as they are.
std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values);

// promptTemplate + fillTemplate, trimmed of trailing whitespace.
Result<std::string> renderPrompt(const std::string& name,
                                 const std::map<std::string, std::string>& values);

// Whether any of `documents` numbers its paragraphs in the prompt ("¶14"), as office
// documents and web pages do; PDFs, text files and code do not.
bool hasNumberedParagraphs(const std::vector<ingest::Document>& documents);

// Whether a PDF page of `documents` holds a table (shown inside <table n="K">).
bool hasTables(const std::vector<ingest::Document>& documents);

// The value of {{citation_notes}} (ask_system, summarize_system): the cite_paragraphs
// template after a space when a document numbers its paragraphs, and cite_tables when a page
// holds a table; empty for documents with neither.
Result<std::string> citationNotes(const std::vector<ingest::Document>& documents);

// The value of {{paragraph_marks}} (translate_system): keep_paragraph_marks after a space
// when `document` numbers its paragraphs, else empty.
Result<std::string> paragraphMarks(const ingest::Document& document);

}  // namespace lectern::app
