// The prompt of an answer and its coverage (see prompt_dialog.h).
#include "prompt_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QToolTip>
#include <QVBoxLayout>

namespace lectern::ui {

CoverageStrip::CoverageStrip(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Coverage: pages or files in the context"));
    setMinimumHeight(18);
    setMouseTracking(true);
}

void CoverageStrip::setUnits(const std::vector<ingest::PackedUnit>& units) {
    m_units = units;
    update();
}

int CoverageStrip::included() const {
    int n = 0;
    for (const auto& u : m_units) n += u.included;
    return n;
}

int CoverageStrip::cellAt(int x) const {
    if (m_units.empty() || width() <= 0) return -1;
    const int i = static_cast<int>(static_cast<double>(x) * static_cast<double>(m_units.size()) / width());
    return i >= 0 && i < static_cast<int>(m_units.size()) ? i : -1;
}

void CoverageStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QColor in = palette().color(QPalette::Highlight);
    const QColor out = palette().color(QPalette::Mid);
    const double cell = m_units.empty() ? 0 : static_cast<double>(width()) / static_cast<double>(m_units.size());
    for (std::size_t i = 0; i < m_units.size(); ++i) {
        const QRectF r(cell * static_cast<double>(i), 0, std::max(1.0, cell - (cell > 4 ? 1 : 0)), height());
        if (m_units[i].included) p.fillRect(r, in);
        else p.fillRect(r, QBrush(out, Qt::BDiagPattern));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

bool CoverageStrip::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int i = cellAt(help->pos().x());
        if (i >= 0) {
            const auto& u = m_units[static_cast<std::size_t>(i)];
            QToolTip::showText(help->globalPos(), tr("%1: %2 tokens, %3")
                                                      .arg(QString::fromStdString(u.locator))
                                                      .arg(u.tokens)
                                                      .arg(u.included ? tr("in the context") : tr("left out")));
        }
        return true;
    }
    return QWidget::event(e);
}

PromptDialog::PromptDialog(const app::PromptView& view, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("What the model saw"));
    resize(820, 620);
    auto* layout = new QVBoxLayout(this);
    m_strip = new CoverageStrip(this);
    m_strip->setUnits(view.units);
    const int left = m_strip->total() - m_strip->included();
    auto* summary = new QLabel(this);
    summary->setWordWrap(true);
    summary->setToolTip(tr("Earlier answers are shown as stored text; encoded again, an answer can take a few "
                           "tokens more or fewer than the ones the model sampled."));
    summary->setText(tr("The prompt of this answer: %1 tokens. %2 of %3 pages or files were in the context%4.")
                         .arg(QLocale().toString(static_cast<qlonglong>(view.tokens)))
                         .arg(m_strip->included())
                         .arg(m_strip->total())
                         .arg(left > 0 ? tr("; %1 were left out (hatched)").arg(left) : QString()));
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Prompt text"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setPlainText(QString::fromStdString(view.text));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(summary);
    layout->addWidget(m_strip);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
}

QString PromptDialog::promptText() const { return m_text->toPlainText(); }

}  // namespace lectern::ui
