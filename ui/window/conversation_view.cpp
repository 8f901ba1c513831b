// Rendering and streaming the conversation (see conversation_view.h).
#include "conversation_view.h"

#include <QAccessible>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocumentFragment>

#include "accessibility_events.h"
#include "appearance.h"
#include "answer_markdown.h"

namespace lectern::ui {
namespace {

constexpr auto kMarkdown = QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                           QTextDocument::MarkdownNoHTML);

QString roleHeading(const ShownMessage& m) {
    if (m.role == "user") return ConversationView::tr("You");
    QString h = ConversationView::tr("Lectern");
    if (m.versions > 1) h += ConversationView::tr(" (version %1 of %2)").arg(m.version).arg(m.versions);
    return h;
}

QString statusNote(const ShownMessage& m) {
    switch (m.status) {
        case app::MessageStatus::Stopped: return ConversationView::tr("Stopped: the answer is incomplete.");
        case app::MessageStatus::Failed: return ConversationView::tr("Failed: the answer is incomplete.");
        case app::MessageStatus::Streaming: return ConversationView::tr("Being written…");
        case app::MessageStatus::Complete: break;
    }
    return {};
}

}  // namespace

ConversationView::ConversationView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Conversation"));
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &ConversationView::onAnchor);
    m_token = QString::number(QRandomGenerator::global()->generate64(), 36);
}

QString ConversationView::citationLink(int index) const { return QStringLiteral("cite:%1/%2").arg(m_token).arg(index); }

QVariant ConversationView::loadResource(int, const QUrl&) { return {}; }

QString ConversationView::guardNote(const ShownMessage& m) const {
    // An unsafe or unreadable verdict stands out (the message is marked, not hidden).
    const bool safe = m.guardVerdict == QLatin1String("safe");
    const QString text = m.guardVerdict == QLatin1String("safe")     ? tr("Guard: safe")
                         : m.guardVerdict == QLatin1String("unsafe") ? tr("Guard: unsafe (%1)").arg(m.guardCategories.join(QStringLiteral(", ")))
                                                                     : tr("Guard: its verdict could not be read");
    if (safe) return text.toHtmlEscaped();
    return QStringLiteral("<b style=\"color:%1\">%2</b>").arg(errorTextColor(palette()).name(), text.toHtmlEscaped());
}

void ConversationView::insertMessage(QTextCursor& cursor, const ShownMessage& m, bool last) {
    cursor.insertHtml(QStringLiteral("<a name=\"msg-%1\"></a><p><b>%2</b></p>")
                          .arg(m.id)
                          .arg(roleHeading(m).toHtmlEscaped()));
    cursor.insertBlock();
    if (m.role == "user") {
        const int from = cursor.position();
        cursor.insertFragment(QTextDocumentFragment::fromMarkdown(QString::fromStdString(m.text), kMarkdown));
        setDirections(from);
        cursor.insertBlock();
        if (!m.guardVerdict.isEmpty()) {
            cursor.insertHtml(QStringLiteral("<p><small>%1</small></p>").arg(guardNote(m)));
            cursor.insertBlock();
        }
        return;
    }
    const int first = static_cast<int>(m_citations.size());
    for (std::size_t i = 0; i < m.citations.size(); ++i) {
        // The n-th time this citation's text occurs in the answer.
        int occurrence = 0;
        for (std::size_t j = 0; j < i; ++j) occurrence += m.citations[j].text == m.citations[i].text;
        m_citations.push_back({m.citations[i], citedSentence(m.text, m.citations[i], occurrence)});
    }
    const QString md = answerMarkdown(m.text, m.citations, first, QStringLiteral("cite:%1/").arg(m_token));
    const int from = cursor.position();
    cursor.insertFragment(QTextDocumentFragment::fromMarkdown(md.isEmpty() ? tr("*(no text)*") : md, kMarkdown));
    setDirections(from);
    cursor.insertBlock();
    QStringList parts;
    if (const QString note = statusNote(m); !note.isEmpty()) parts << QStringLiteral("<i>%1</i>").arg(note);
    if (!m.guardVerdict.isEmpty()) parts << guardNote(m);
    if (m.tokensPerS && *m.tokensPerS > 0)
        parts << tr("%1 tokens, %2 tokens/s").arg(m.completionTokens.value_or(0)).arg(*m.tokensPerS, 0, 'f', 1);
    const QString act = QStringLiteral("act:%1/").arg(m_token);
    parts << QStringLiteral("<a href=\"%1copy/%2\">%3</a>").arg(act).arg(m.id).arg(tr("Copy"));
    if (m_askActions && m.questionId > 0)
        parts << QStringLiteral("<a href=\"%1saw/%2\">%3</a>").arg(act).arg(m.questionId).arg(tr("What the model saw"));
    if (m_askActions && last)
        parts << QStringLiteral("<a href=\"%1regenerate/0\">%2</a>").arg(act, tr("Regenerate"));
    // Quieter than the answer, still 4.5:1 against the background (appearance.h).
    cursor.insertHtml(QStringLiteral("<p style=\"color:%1\"><small>%2</small></p>")
                          .arg(palette().color(QPalette::PlaceholderText).name(), parts.join(QStringLiteral(" · "))));
    // The window's own words: they follow the window's direction, whatever the answer's.
    QTextBlockFormat meta = cursor.blockFormat();
    meta.setLayoutDirection(layoutDirection());
    cursor.setBlockFormat(meta);
    cursor.insertBlock();
}

void ConversationView::showMessages(const std::vector<ShownMessage>& messages, const QString& placeholder,
                                    bool askActions) {
    m_askActions = askActions;
    m_streaming = false;
    m_streamed.clear();
    m_citations.clear();
    m_currentCitation = -1;
    clear();
    m_placeholder = messages.empty();
    if (messages.empty()) {
        setMarkdown(placeholder);
        return;
    }
    QTextCursor cursor(document());
    // The last answer (the newest version of the last question's) can be regenerated.
    std::size_t lastAnswer = messages.size();
    for (std::size_t i = messages.size(); i-- > 0;)
        if (messages[i].role == "assistant") {
            lastAnswer = i;
            break;
        }
    for (std::size_t i = 0; i < messages.size(); ++i) insertMessage(cursor, messages[i], i == lastAnswer);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ConversationView::beginAnswer(const QString& question) {
    // A placeholder is replaced, a conversation is continued.
    if (m_placeholder) clear();
    m_placeholder = false;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!question.isEmpty()) {
        cursor.insertHtml(QStringLiteral("<p><b>%1</b></p>").arg(tr("You")));
        cursor.insertBlock();
        cursor.insertText(question, QTextCharFormat());
        cursor.insertBlock();
    }
    cursor.insertHtml(QStringLiteral("<p><b>%1</b></p>").arg(tr("Lectern")));
    cursor.insertBlock();
    cursor.setCharFormat(QTextCharFormat());
    m_streaming = true;
    m_streamed.clear();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ConversationView::appendStreamed(const QString& text) {
    if (!m_streaming || text.isEmpty()) return;
    QScrollBar* bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    // Plain characters: the heading's bold does not run on into the answer.
    const int from = cursor.position();
    cursor.insertText(text, QTextCharFormat());
    setDirections(from);
    // The streamed words, for a screen reader to read as they come.
    QAccessibleTextInsertEvent inserted(this, from, text);
    sendAccessibilityEvent(&inserted);
    m_streamed += text;
    if (atEnd) bar->setValue(bar->maximum());
}

void setTextDirections(QTextDocument& document, int from) {
    for (QTextBlock b = document.findBlock(from); b.isValid(); b = b.next()) {
        QTextBlockFormat f = b.blockFormat();
        const bool code = f.hasProperty(QTextFormat::BlockCodeFence) || f.nonBreakableLines() ||
                          b.charFormat().fontFixedPitch();
        const Qt::LayoutDirection dir = code || !b.text().isRightToLeft() ? Qt::LeftToRight : Qt::RightToLeft;
        if (f.layoutDirection() == dir) continue;
        f.setLayoutDirection(dir);
        QTextCursor c(b);
        c.setBlockFormat(f);
    }
}

void ConversationView::setDirections(int from) { setTextDirections(*document(), from); }

void ConversationView::activateCitation(int step) {
    const int n = static_cast<int>(m_citations.size());
    if (n == 0) return;
    m_currentCitation = m_currentCitation < 0 ? (step > 0 ? 0 : n - 1) : ((m_currentCitation + step) % n + n) % n;
    // Select the link's text, so keyboard users see where they are.
    const QString href = citationLink(m_currentCitation);
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            if (!frag.isValid() || frag.charFormat().anchorHref() != href) continue;
            QTextCursor c(document());
            c.setPosition(frag.position());
            c.setPosition(frag.position() + frag.length(), QTextCursor::KeepAnchor);
            setTextCursor(c);
            ensureCursorVisible();
            emit citationActivated(m_citations[static_cast<std::size_t>(m_currentCitation)]);
            return;
        }
    }
    emit citationActivated(m_citations[static_cast<std::size_t>(m_currentCitation)]);
}

void ConversationView::scrollToMessage(std::int64_t messageId) {
    scrollToAnchor(QStringLiteral("msg-%1").arg(messageId));
}

void ConversationView::onAnchor(const QUrl& url) {
    const QString scheme = url.scheme();
    // Only the window's own links (with its token); one the model wrote does nothing.
    if (url.path().section(QLatin1Char('/'), 0, 0) != m_token) return;
    const QString path = url.path().section(QLatin1Char('/'), 1);
    if (scheme == QLatin1String("cite")) {
        bool ok = false;
        const int index = path.toInt(&ok);
        if (ok && index >= 0 && index < static_cast<int>(m_citations.size()))
            emit citationActivated(m_citations[static_cast<std::size_t>(index)]);
        return;
    }
    if (scheme != QLatin1String("act")) return;
    const QString action = path.section(QLatin1Char('/'), 0, 0);
    const std::int64_t id = path.section(QLatin1Char('/'), 1, 1).toLongLong();
    if (action == QLatin1String("copy")) emit copyRequested(id);
    else if (action == QLatin1String("saw")) emit promptViewRequested(id);
    else if (action == QLatin1String("regenerate")) emit regenerateRequested();
}

}  // namespace lectern::ui
