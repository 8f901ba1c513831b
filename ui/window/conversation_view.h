// The conversation: the session's messages rendered from Markdown (no HTML from the model),
// the answer being generated streamed at the end, and under each answer its actions (copy,
// what the model saw, regenerate) and its citations as links. Streaming inserts each batch
// of text at the end of the document; the conversation is laid out again only when an
// answer ends or a session is shown.
#pragma once

#include <QTextBrowser>

#include <optional>
#include <string>
#include <vector>

#include "app_core.h"

namespace lectern::ui {

struct ShownMessage {
    std::int64_t id = 0;
    std::string role;  // "user", "assistant"
    std::string text;
    app::MessageStatus status = app::MessageStatus::Complete;
    std::optional<double> tokensPerS;
    std::optional<std::int64_t> completionTokens;
    int version = 1;   // of the answers to one question
    int versions = 1;
    std::int64_t questionId = 0;  // an answer's question (its user message)
    std::vector<app::Citation> citations;
    // The guard model's verdict: "safe", "unsafe" or "malformed" (empty: not screened), and the
    // categories of an unsafe one ("S1", "S10").
    QString guardVerdict;
    QStringList guardCategories;
};

// Each paragraph of `document` from position `from` on takes its text's direction (Arabic
// right to left, the rest left to right); code blocks are always left to right.
void setTextDirections(QTextDocument& document, int from = 0);

// A citation link that was clicked: which citation, and the sentence it ends.
struct CitationTarget {
    app::Citation citation;
    QString sentence;
};

class ConversationView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ConversationView(QWidget* parent = nullptr);

    // Shows the messages (an empty list: `placeholder`, Markdown). `askActions`: answers can
    // be given again and their prompts shown (an Ask session).
    void showMessages(const std::vector<ShownMessage>& messages, const QString& placeholder = {},
                      bool askActions = true);
    // The question and the answer that is about to stream.
    void beginAnswer(const QString& question);
    void appendStreamed(const QString& text);
    bool streaming() const { return m_streaming; }
    QString streamedText() const { return m_streamed; }
    // Scrolls to a message (a search hit).
    void scrollToMessage(std::int64_t messageId);
    const std::vector<CitationTarget>& citations() const { return m_citations; }
    // The link of citation `index`.
    QString citationLink(int index) const;
    // The next (step +1) or previous (-1) citation of the conversation, wrapping around:
    // selected, scrolled to and activated (F8, Shift+F8). Nothing without citations.
    void activateCitation(int step);
    // Nothing is loaded for the model's Markdown: no images or files from its links.
    QVariant loadResource(int type, const QUrl& name) override;

signals:
    void citationActivated(const lectern::ui::CitationTarget& target);
    void copyRequested(std::int64_t messageId);
    void promptViewRequested(std::int64_t questionId);
    void regenerateRequested();

private:
    void onAnchor(const QUrl& url);
    void insertMessage(QTextCursor& cursor, const ShownMessage& m, bool last);
    QString guardNote(const ShownMessage& m) const;
    // Each paragraph from `from` to the end takes its text's direction (an Arabic answer is
    // right-aligned in an English window, an English one left-aligned in an Arabic window);
    // code blocks are always left to right.
    void setDirections(int from);

    std::vector<CitationTarget> m_citations;
    int m_currentCitation = -1;
    bool m_streaming = false;
    bool m_placeholder = true;
    bool m_askActions = true;
    // In every link the window makes, so a link written by the model is not taken for one.
    QString m_token;
    QString m_streamed;
};

}  // namespace lectern::ui
