// Citation links and cited words for the conversation (see answer_markdown.h).
#include "answer_markdown.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace lectern::ui {
namespace {

// Markdown's punctuation escaped, so a citation is link text and nothing else.
QString escapeMarkdown(const QString& text) {
    QString out;
    for (const QChar c : text) {
        if (QStringLiteral("\\`*_{}[]()#+-.!|~<>").contains(c)) out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString simplified(const QString& text) {
    return text.toCaseFolded().simplified();
}

}  // namespace

QString answerMarkdown(const std::string& answer, const std::vector<app::Citation>& citations, int firstIndex,
                       const QString& linkPrefix) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < citations.size(); ++i) {
        const auto& c = citations[i];
        const std::size_t at = answer.find(c.text, pos);
        if (at == std::string::npos) continue;
        out += answer.substr(pos, at - pos);
        const QString label = escapeMarkdown(QString::fromStdString(c.text));
        const QString link = linkPrefix + QString::number(firstIndex + static_cast<int>(i));
        // A citation that does not match the documents is struck through and flagged.
        const QString missing =
            c.page > 0           ? QCoreApplication::translate("lectern::ui::ConversationView", "(no such page)")
            : c.paragraph > 0    ? QCoreApplication::translate("lectern::ui::ConversationView", "(no such paragraph)")
            : !c.section.empty() ? QCoreApplication::translate("lectern::ui::ConversationView", "(no such section)")
                                 : QCoreApplication::translate("lectern::ui::ConversationView", "(no such line)");
        const QString shown = c.valid ? label : QStringLiteral("~~%1~~ %2").arg(label, missing);
        out += QStringLiteral("[%1](%2)").arg(shown, link).toStdString();
        pos = at + c.text.size();
    }
    out += answer.substr(pos);
    return QString::fromStdString(out);
}

QString citedSentence(const std::string& answer, const app::Citation& citation, int occurrence) {
    std::size_t at = std::string::npos;
    std::size_t from = 0;
    for (int i = 0; i <= occurrence; ++i) {
        at = answer.find(citation.text, from);
        if (at == std::string::npos) return {};
        from = at + citation.text.size();
    }
    const QString before = QString::fromStdString(answer.substr(0, at));
    // Back to the previous sentence end or line break.
    static const QRegularExpression end(QStringLiteral("[.!?\\n](?=\\s|$)"));
    qsizetype start = 0;
    auto it = end.globalMatch(before.left(before.size() - 1));
    while (it.hasNext()) start = it.next().capturedEnd();
    QString sentence = before.mid(start);
    static const QRegularExpression markup(QStringLiteral("[*_`#>\"\\[\\]()]"));
    sentence.replace(markup, QStringLiteral(" "));
    return sentence.simplified();
}

QString quoteOnPage(const QString& sentence, const QString& pageText) {
    static const QRegularExpression nonWord(QStringLiteral("[^\\w'-]+"));
    // The words nearest the citation: a long sentence costs words² searches of the page.
    const QStringList all = sentence.split(nonWord, Qt::SkipEmptyParts);
    const QStringList words = all.mid(std::max<qsizetype>(0, all.size() - 24));
    const QString page = simplified(pageText);
    for (qsizetype n = words.size(); n >= 1; --n) {
        for (qsizetype first = 0; first + n <= words.size(); ++first) {
            const QString run = words.mid(first, n).join(QLatin1Char(' '));
            if (n == 1 && run.size() < 6) continue;
            if (page.contains(simplified(run))) return run;
        }
    }
    return {};
}

}  // namespace lectern::ui
