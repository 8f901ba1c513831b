// TextView: files are swapped into one CodeView on selection; marks are QTextEdit extra
// selections, so the text itself is never changed.
#include "text_view.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBlock>

#include <algorithm>
#include <cstdlib>

#include "code_view.h"

namespace lectern::ui {

namespace {

constexpr int kMaxMarkedMatches = 1000;  // beyond this the yellow adds nothing and costs time

QRegularExpression quotePattern(const QString& words) {
    QStringList parts = words.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& part : parts)
        part = QRegularExpression::escape(part);
    return QRegularExpression(parts.join(QStringLiteral("\\s+")), QRegularExpression::CaseInsensitiveOption);
}

}  // namespace

TextView::TextView(QWidget* parent) : QWidget(parent) {
    m_fileList = new QListWidget;
    m_fileList->setAccessibleName(tr("Files"));
    m_fileList->setToolTip(tr("Files: click one to show it"));
    m_code = new CodeView;

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_fileList);
    m_splitter->addWidget(m_code);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({200, 600});
    m_splitter->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    setFocusProxy(m_code);

    connect(m_fileList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_current)
            showFile(row);
    });
    m_fileList->hide();
}

void TextView::setFiles(const QList<ViewerFile>& files, bool lineNumbers) {
    clear();
    m_files = files;
    m_code->setLineNumbersVisible(lineNumbers);
    m_code->setLineWrapMode(lineNumbers ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    {
        const QSignalBlocker blocker(m_fileList);
        for (const ViewerFile& file : files)
            m_fileList->addItem(file.path);
    }
    m_fileList->setVisible(files.size() > 1);
    // A list shown again would take half the width: it gets its names' width, at most a third.
    if (files.size() > 1) {
        const int width = m_splitter->width() > 0 ? m_splitter->width() : 800;  // 0 until shown
        int names = 0;
        for (const ViewerFile& file : files) names = std::max(names, m_fileList->fontMetrics().horizontalAdvance(file.path));
        names += 2 * m_fileList->frameWidth() + 16;
        const int list = std::clamp(names, 80, std::max(80, width / 3));
        m_splitter->setSizes({list, std::max(1, width - list)});
    }
    if (!files.isEmpty())
        showFile(0);
}

void TextView::clear() {
    const QSignalBlocker blocker(m_fileList);
    m_fileList->clear();
    m_fileList->hide();
    m_files.clear();
    m_current = -1;
    m_lineMark.clear();
    m_matches.clear();
    m_code->clear();
    applySelections();
}

void TextView::showFile(int index) {
    if (index < 0 || index >= int(m_files.size()))
        return;
    m_current = index;
    m_lineMark.clear();
    m_matches.clear();
    m_code->setPlainText(m_files.at(index).text);
    applySelections();
    const QSignalBlocker blocker(m_fileList);
    m_fileList->setCurrentRow(index);
}

int TextView::findFile(const QString& path) const {
    for (int i = 0; i < int(m_files.size()); ++i)
        if (m_files.at(i).path == path)
            return i;
    // A citation may name the file relative to a different root.
    for (int i = 0; i < int(m_files.size()); ++i) {
        const QString& candidate = m_files.at(i).path;
        if (candidate.endsWith(QLatin1Char('/') + path) || path.endsWith(QLatin1Char('/') + candidate))
            return i;
    }
    return -1;
}

bool TextView::showFileLine(const QString& path, int line) {
    const int index = findFile(path);
    if (index < 0)
        return false;
    if (index != m_current)
        showFile(index);
    const int lineCount = m_code->document()->blockCount();
    const QTextBlock block = m_code->document()->findBlockByNumber(std::clamp(line, 1, lineCount) - 1);
    QTextCursor cursor(block);
    m_code->setTextCursor(cursor);
    m_code->centerCursor();

    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(QColor(255, 244, 186));
    mark.format.setForeground(Qt::black);  // readable on the light mark in a dark palette too
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_lineMark = {mark};
    applySelections();
    return true;
}

int TextView::highlight(const QString& words) {
    m_matches.clear();
    const QRegularExpression pattern = quotePattern(words);
    if (m_current < 0 || pattern.pattern().isEmpty()) {
        applySelections();
        return 0;
    }
    QTextDocument* document = m_code->document();
    const int cursorLine = m_code->textCursor().blockNumber();
    int count = 0;
    int nearest = -1;
    int nearestDistance = 0;
    QRegularExpressionMatchIterator it = pattern.globalMatch(document->toPlainText());
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        ++count;
        if (m_matches.size() >= kMaxMarkedMatches)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document);
        selection.cursor.setPosition(int(match.capturedStart()));
        selection.cursor.setPosition(int(match.capturedEnd()), QTextCursor::KeepAnchor);
        selection.format.setBackground(QColor(255, 221, 0));
        selection.format.setForeground(Qt::black);
        const int distance = std::abs(document->findBlock(int(match.capturedStart())).blockNumber() - cursorLine);
        if (nearest < 0 || distance < nearestDistance) {
            nearest = int(m_matches.size());
            nearestDistance = distance;
        }
        m_matches.append(selection);
    }
    if (nearest >= 0) {
        QTextCursor cursor(document);
        cursor.setPosition(m_matches.at(nearest).cursor.selectionStart());
        m_code->setTextCursor(cursor);
        m_code->centerCursor();
    }
    applySelections();
    return count;
}

void TextView::applySelections() {
    m_code->setExtraSelections(m_lineMark + m_matches);
}

QString TextView::currentFile() const {
    return m_current >= 0 ? m_files.at(m_current).path : QString();
}

int TextView::currentLine() const {
    return m_current >= 0 ? m_code->textCursor().blockNumber() + 1 : 0;
}

void TextView::setZoom(double factor) {
    m_zoom = factor;
    m_code->setZoom(factor);
}

}  // namespace lectern::ui
