// An answer as the conversation shows it: the model's Markdown with its citations turned
// into links ("cite:<token>/<n>", n counting the conversation's citations), a citation that names
// no page or line of the documents struck through and flagged. Raw HTML from the model is
// never interpreted: the conversation parses Markdown without HTML.
#pragma once

#include <QString>

#include <string>
#include <vector>

#include "app_core.h"

namespace lectern::ui {

// `answer` with citations[i] linked as "<linkPrefix><firstIndex + i>", found in order.
QString answerMarkdown(const std::string& answer, const std::vector<app::Citation>& citations, int firstIndex,
                       const QString& linkPrefix = QStringLiteral("cite:"));

// The words of the sentence that ends where `citation` is written in `answer`: what the
// viewer looks for on the cited page.
QString citedSentence(const std::string& answer, const app::Citation& citation, int occurrence);

// The longest run of `sentence`'s words (at least two, or one of six letters or more) that
// occurs in `pageText`, compared without case and with runs of spaces as one; empty if none.
QString quoteOnPage(const QString& sentence, const QString& pageText);

}  // namespace lectern::ui
