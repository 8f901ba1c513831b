// The main window's tasks (Ask, regenerate, Summarize, Review, Translate, Stop), citations,
// search, "what the model saw" and exports (see main_window.h).
#include "main_window.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QStatusBar>

#include <algorithm>

#include "answer_markdown.h"
#include "document_viewer.h"
#include "library_panel.h"
#include "prompt_dialog.h"
#include "status_panel.h"

namespace lectern::ui {
namespace {

template <class T>
std::int64_t sessionIn(const app::JobEvent& e) {
    const T* r = app::finishedValue<T>(e);
    return r ? r->sessionId : 0;
}

}  // namespace

void MainWindow::followTask(app::JobId job, const QString& heading,
                            std::function<std::int64_t(const app::JobEvent&)> session) {
    m_task = job;
    m_taskSession = m_sessionId;
    m_streamed.clear();
    m_streamedTokens = 0;
    m_decodeStartMs = 0;
    m_conversation->beginAnswer(heading);
    updateActions();
    m_bridge->watch(job, [this, session = std::move(session)](const app::JobEvent& e) {
        if (const auto* p = std::get_if<app::JobProgress>(&e.payload)) {
            if (p->phase == app::Phase::Decode) {
                if (m_decodeStartMs == 0) m_decodeStartMs = QDateTime::currentMSecsSinceEpoch();
                m_streamedTokens = p->done;
                const double s = double(QDateTime::currentMSecsSinceEpoch() - m_decodeStartMs) / 1000.0;
                if (s > 0.2) m_status->showSpeed(double(m_streamedTokens) / s);
            } else {
                m_status->showProgress(*p);
            }
        } else if (const auto* t = std::get_if<app::JobToken>(&e.payload)) {
            const QString text = QString::fromStdString(t->text);
            m_streamed += text;
            if (m_sessionId == m_taskSession) m_conversation->appendStreamed(text);
        }
        if (!e.isFinal()) return;
        m_task = 0;
        m_status->clearProgress();
        bool ok = true;
        if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
            ok = false;
            showError(tr("The task did not finish."), f->error);
        } else if (std::holds_alternative<app::JobCancelled>(e.payload)) {
            m_status->announce(tr("Stopped."));
        } else if (!app::finishedValue<app::AskResult>(e)) {
            m_status->announce(tr("Done: the result is in the conversation."));
        }
        if (const auto* a = app::finishedValue<app::AskResult>(e)) {
            m_lastAsk = *a;
            m_status->announce(a->stopped ? tr("Stopped: the partial answer is kept.")
                                               : tr("%1 tokens at %2 tokens/s; %3 prompt tokens processed (%4)")
                                                     .arg(a->stats.tokens.size())
                                                     .arg(a->stats.tokensPerS, 0, 'f', 1)
                                                     .arg(a->stats.prefilledTokens)
                                                     .arg(QString::fromStdString(a->contextSource)));
            for (const auto& note : a->notes) statusBar()->showMessage(QString::fromStdString(note), 8000);
        }
        // The task's session is shown if the user is still where it started; a session they
        // went to in the meantime stays.
        const std::int64_t id = session(e);
        const bool stayed = m_sessionId == m_taskSession;
        m_streamed.clear();
        if (stayed && id > 0 && id == m_sessionId) {
            refreshTranscript();
            replan();
            refreshSessions();
        } else if (stayed && id > 0) {
            openSession(id);
        } else if (stayed && m_sessionId > 0) {
            refreshTranscript();
        } else {
            refreshSessions();
            statusBar()->showMessage(tr("A task in another session has ended; it is in the library."), 8000);
        }
        updateActions();
        emit taskEnded(ok);
    });
}

void MainWindow::ask(const QString& question) {
    const QString q = question.trimmed();
    if (q.isEmpty() || m_task != 0) return;
    if (!m_bridge->core().model()) {
        showError(tr("No model is open."), make_error(ErrorCode::InvalidArgument, "open a model first (File › Choose model)"));
        return;
    }
    app::AskRequest request;
    request.sessionId = m_sessionId;
    request.question = q.toStdString();
    const AnswerPreferences answers = m_prefs->answers();
    request.sampling = answers.samplingFor(app::TaskKind::Ask);
    request.maxTokens = answers.maxTokens;
    m_question->clear();
    followTask(m_bridge->core().ask(request), q, sessionIn<app::AskResult>);
}

void MainWindow::regenerate() {
    if (m_task != 0 || m_sessionId == 0 || !m_askSession) return;
    app::AskRequest request;
    request.sessionId = m_sessionId;
    request.regenerate = true;
    const AnswerPreferences answers = m_prefs->answers();
    request.sampling = answers.samplingFor(app::TaskKind::Ask);
    request.maxTokens = answers.maxTokens;
    // Another draw, not the same answer again.
    request.sampling.seed = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
    followTask(m_bridge->core().ask(request), {}, sessionIn<app::AskResult>);
}

void MainWindow::stop() {
    if (m_task) m_bridge->core().cancel(m_task);
    if (m_readJob) m_bridge->core().cancel(m_readJob);
}

void MainWindow::summarize() {
    if (m_task != 0 || m_documents.empty()) return;
    app::SummarizeRequest request;
    request.documents = m_documents;
    const AnswerPreferences answers = m_prefs->answers();
    request.sampling = answers.samplingFor(app::TaskKind::Summarize);
    request.maxTokens = answers.maxTokens;
    followTask(m_bridge->core().summarize(request), tr("Summarize the documents."), sessionIn<app::SummarizeResult>);
}

void MainWindow::translate(const QString& language) {
    if (m_task != 0 || m_documents.empty()) return;
    app::TranslateRequest request;
    request.document = m_documents.front();
    request.language = language.toStdString();
    request.sampling = m_prefs->answers().samplingFor(app::TaskKind::Translate);
    const int shown = m_language->findData(language);
    followTask(m_bridge->core().translate(request), tr("Translate %1 into %2.")
                                                        .arg(QString::fromStdString(m_documents.front().metadata.title),
                                                             shown >= 0 ? m_language->itemText(shown) : language),
               sessionIn<app::TranslateResult>);
}

void MainWindow::review(const QString& folder, bool uncommittedChanges) {
    if (m_task != 0) return;
    app::ReviewSource source;
    if (uncommittedChanges) source.diffRepository = folder.toStdString();
    else source.paths = {folder.toStdString()};
    const QString heading = uncommittedChanges ? tr("Review the uncommitted changes in %1.").arg(folder)
                                               : tr("Review the code in %1.").arg(folder);
    app::ReviewRequest request;
    request.sampling = m_prefs->answers().samplingFor(app::TaskKind::Review);
    followTask(m_bridge->core().review(request, source), heading, sessionIn<app::ReviewResult>);
}

void MainWindow::showMessages() {
    std::vector<ShownMessage> shown;
    std::int64_t question = 0;
    // The running task's answer is shown from what has streamed, not from the store.
    const bool replay = m_task != 0 && m_taskSession == m_sessionId;
    for (const auto& m : m_messages) {
        if (m.role != "user" && m.role != "assistant") continue;
        if (replay && m.status == app::MessageStatus::Streaming) continue;
        ShownMessage s;
        s.id = m.id;
        s.role = m.role;
        s.text = m.text;
        s.status = m.status;
        s.tokensPerS = m.tokensPerS;
        s.completionTokens = m.completionTokens;
        if (!m.guard.empty()) {  // {"verdict": "unsafe", "categories": ["S1"], ...}
            const QJsonObject guard = QJsonDocument::fromJson(QByteArray::fromStdString(m.guard)).object();
            s.guardVerdict = guard.value(QStringLiteral("verdict")).toString(QStringLiteral("malformed"));
            for (const QJsonValue& c : guard.value(QStringLiteral("categories")).toArray()) s.guardCategories << c.toString();
        }
        if (m.role == "user") {
            question = m.id;
        } else {
            s.questionId = question;
            auto cached = m_citations.find(m.id);
            if (cached == m_citations.end() || m.status == app::MessageStatus::Streaming)
                cached = m_citations.insert_or_assign(m.id, app::findCitations(m.text, m_documents)).first;
            s.citations = cached->second;
            // Answers given again to one question: number the versions.
            if (!shown.empty() && shown.back().role == "assistant") s.version = shown.back().version + 1;
        }
        shown.push_back(std::move(s));
    }
    for (std::size_t i = shown.size(); i-- > 0;)
        if (shown[i].role == "assistant")
            shown[i].versions = (i + 1 < shown.size() && shown[i + 1].role == "assistant") ? shown[i + 1].versions
                                                                                          : shown[i].version;
    m_conversation->showMessages(shown,
                                 m_documents.empty() ? QString()
                                                     : tr("Ask a question about %1.")
                                                           .arg(QString::fromStdString(m_documents.front().metadata.title)),
                                 m_askSession);
    if (replay) {
        m_conversation->beginAnswer({});
        m_conversation->appendStreamed(m_streamed);
    }
}

// The box of the row of table `number` on `unit` whose label and figures the sentence names
// most of; the whole table's box when it names none; empty when the page has no such table.
QRectF MainWindow::citedTableBox(const ingest::Unit& unit, int number, const QString& sentence) {
    const auto table = std::find_if(unit.tables.begin(), unit.tables.end(),
                                    [&](const ingest::Table& t) { return t.number == number; });
    if (table == unit.tables.end()) return {};
    auto rect = [](const ingest::TableBox& b) { return QRectF(QPointF(b.x0, b.y0), QPointF(b.x1, b.y1)); };
    int best = 0;
    QRectF bestBox;
    for (std::size_t r = static_cast<std::size_t>(std::max(table->header_rows, 0)); r < table->cells.size(); ++r) {
        int score = 0;
        QRectF box;
        for (std::size_t c = 0; c < table->cells[r].size(); ++c) {
            const QString cell = QString::fromStdString(table->cells[r][c]);
            if (c < table->boxes[r].size() && !cell.isEmpty()) box = box.united(rect(table->boxes[r][c]));
            if (cell.size() >= 2 && sentence.contains(cell, Qt::CaseInsensitive)) score += int(cell.size());
        }
        if (score > best) {
            best = score;
            bestBox = box;
        }
    }
    return best > 0 ? bestBox : rect(table->box);
}

void MainWindow::onCitation(const CitationTarget& target) {
    const app::Citation& c = target.citation;
    if (!c.valid) {
        statusBar()->showMessage(tr("%1 names no page, line, paragraph or section of these documents.")
                                     .arg(QString::fromStdString(c.text)), 8000);
        emit citationShown(0, 0);
        return;
    }
    // Of the pages or files the citation can name (two PDFs both have a page 3), the one where
    // the cited words are found (the longest quote) is shown.
    std::size_t bestDoc = 0, bestUnit = 0;
    QString bestQuote;
    bool any = false;
    for (std::size_t d = 0; d < m_documents.size(); ++d) {
        const auto& doc = m_documents[d];
        const std::string file = QFileInfo(QString::fromStdString(doc.path)).fileName().toStdString();
        for (std::size_t u = 0; u < doc.units.size(); ++u) {
            const auto& unit = doc.units[u];
            const bool page = c.page > 0 && doc.kind == ingest::DocumentKind::Pdf && unit.page == c.page &&
                              (c.path.empty() || doc.metadata.title == c.path || file == c.path);
            const bool line = c.page == 0 && !c.path.empty() && (unit.path == c.path || unit.locator == c.path);
            const bool part = app::unitCitedBy(doc, unit, c);  // "[¶14]", "[§7.2]"
            if (!page && !line && !part) continue;
            const QString quote = quoteOnPage(target.sentence, QString::fromStdString(unit.text));
            if (!any || quote.size() > bestQuote.size()) {
                bestDoc = d;
                bestUnit = u;
                bestQuote = quote;
            }
            any = true;
        }
    }
    if (!any) {
        statusBar()->showMessage(tr("%1 names no page or file of these documents.").arg(QString::fromStdString(c.text)), 8000);
        emit citationShown(0, 0);
        return;
    }
    const auto& unit = m_documents[bestDoc].units[bestUnit];
    showDocument(bestDoc, static_cast<int>(bestUnit));
    if (c.page == 0 && c.line > 0) m_viewer->showFileLine(QString::fromStdString(unit.path), static_cast<int>(c.line));
    // "[¶14]": the cursor on the paragraph's line, so the quote nearest it is the one shown.
    if (const int line = app::citedLine(unit, c); line > 0)
        m_viewer->showFileLine(QString::fromStdString(unit.path.empty() ? unit.locator : unit.path), line);
    // "[p. 12, table 2]": the row the sentence speaks of (its label or figures), else the table.
    if (c.table > 0) {
        if (const QRectF box = citedTableBox(unit, c.table, target.sentence); !box.isEmpty()) {
            m_viewer->highlightBox(unit.page, box);
            return;
        }
    }
    if (bestQuote.isEmpty()) {
        statusBar()->showMessage(tr("The cited words were not found on %1.").arg(QString::fromStdString(unit.locator)), 8000);
        emit citationShown(unit.page, 0);
        return;
    }
    m_viewer->highlight(unit.page, bestQuote);
}

void MainWindow::onSearch(const QString& query) {
    if (query.isEmpty()) {
        refreshSessions();
        return;
    }
    app::SearchOptions options;
    options.markBegin = "«";
    options.markEnd = "»";
    auto hits = m_bridge->core().search(app::plainWordsQuery(query.toStdString()), options);
    m_library->setSearchResults(hits ? *hits : std::vector<app::SearchHit>{},
                                hits ? QString() : QString::fromStdString(hits.error().message));
}

void MainWindow::onUnitHit(std::int64_t documentId, const QString& locator) {
    // The newest session that holds the document.
    auto sessions = m_bridge->core().sessions();
    if (!sessions) return;
    for (const auto& s : *sessions) {
        const auto& ids = s.documentIds;
        const auto at = std::find(ids.begin(), ids.end(), documentId);
        if (at == ids.end()) continue;
        openSession(s.id);
        const auto d = static_cast<std::size_t>(at - ids.begin());
        if (d >= m_documents.size()) return;
        for (std::size_t u = 0; u < m_documents[d].units.size(); ++u)
            if (QString::fromStdString(m_documents[d].units[u].locator) == locator) showDocument(d, static_cast<int>(u));
        return;
    }
}

void MainWindow::showPromptView(std::int64_t questionId) {
    if (m_sessionId == 0 || questionId == 0) return;
    m_bridge->watch(m_bridge->core().promptView(m_sessionId, questionId, m_prefs->answers().maxTokens), [this](const app::JobEvent& e) {
        if (!e.isFinal()) return;
        if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
            showError(tr("The prompt could not be rebuilt."), f->error);
            return;
        }
        const auto* view = app::finishedValue<app::PromptView>(e);
        if (!view) return;
        auto* dialog = new PromptDialog(*view, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        emit promptShown(dialog);
    });
}

Status MainWindow::exportSession(const QString& path, ExportFormat format) {
    std::string text;
    if (format == ExportFormat::Json) {
        auto t = m_bridge->core().transcript(m_sessionId);
        if (!t) return t.error();
        text = app::transcriptJson(*t).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
        auto md = m_bridge->core().exportMarkdown(m_sessionId);
        if (!md) return md.error();
        text = std::move(md.value());
    }
    const auto failed = [&path](const QString& why, bool full) {
        return make_error(full ? ErrorCode::DiskFull : ErrorCode::Io, "the export could not be written: " + why.toStdString(),
                          path.toStdString());
    };
    if (format == ExportFormat::Html || format == ExportFormat::Pdf) {
        QTextDocument document;
        document.setMarkdown(QString::fromStdString(text));
        setTextDirections(document);  // Arabic paragraphs right to left, code left to right
        if (format == ExportFormat::Html) {
            text = document.toHtml().toStdString();
        } else {
            QFile probe(path);  // QPdfWriter says nothing when it cannot write
            if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) return failed(probe.errorString(), false);
            probe.close();
            QPdfWriter pdf(path);
            pdf.setTitle(QFileInfo(path).completeBaseName());
            pdf.setCreator(QStringLiteral("Lectern"));
            pdf.setPageSize(QPageSize(QPageSize::A4));
            pdf.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
            document.print(&pdf);
            if (QFileInfo(path).size() == 0) return failed(QStringLiteral("nothing was written"), true);
            return {};
        }
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) || !f.flush())
        return failed(f.errorString(), f.error() == QFileDevice::ResourceError);
    return {};
}

}  // namespace lectern::ui
