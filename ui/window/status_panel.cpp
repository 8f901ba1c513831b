// Model, budget meter, progress and memory in the status bar (see status_panel.h).
#include "status_panel.h"

#include "accessibility_events.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>

#include <unistd.h>

namespace lectern::ui {
namespace {

QString number(std::int64_t n) { return QLocale().toString(static_cast<qlonglong>(n)); }

QString phaseText(const app::JobProgress& p) {
    switch (p.phase) {
        case app::Phase::LoadModel: return StatusPanel::tr("Loading the model");
        case app::Phase::Extract:
            return p.unit == app::ProgressUnit::Pages ? StatusPanel::tr("Reading pages") : StatusPanel::tr("Reading files");
        case app::Phase::Prefill: return StatusPanel::tr("Reading the prompt");
        case app::Phase::Decode: return StatusPanel::tr("Answering");
        case app::Phase::Map: return StatusPanel::tr("Summarizing parts");
        case app::Phase::Reduce: return StatusPanel::tr("Combining summaries");
        case app::Phase::Review: return StatusPanel::tr("Reviewing");
        case app::Phase::Translate: return StatusPanel::tr("Translating");
        case app::Phase::Download: return StatusPanel::tr("Downloading the model");
    }
    return {};
}

// Resident memory of this process, from /proc/self/statm (pages).
double residentBytes() {
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    if (fields.size() < 2) return 0;
    return fields[1].toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE));
}

}  // namespace

QString formatBytes(double bytes) {
    const QString text = bytes >= 1024.0 * 1024.0 * 1024.0
                             ? QStringLiteral("%1 GiB").arg(bytes / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1)
                             : QStringLiteral("%1 MiB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 0);
    // In a right-to-left window "281 MiB" would read "MiB 281": kept together, left to right.
    if (QGuiApplication::layoutDirection() == Qt::RightToLeft) return QChar(0x2066) + text + QChar(0x2069);
    return text;
}

QString kvTypeText(KvType type) {
    switch (type) {
    case KvType::F32: return QCoreApplication::translate("lectern::ui::StatusPanel", "32-bit");
    case KvType::F16: return QCoreApplication::translate("lectern::ui::StatusPanel", "16-bit");
    case KvType::BF16: return QCoreApplication::translate("lectern::ui::StatusPanel", "bfloat16");
    case KvType::Q8_0: return QCoreApplication::translate("lectern::ui::StatusPanel", "8-bit");
    }
    return QString();
}

StatusPanel::StatusPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    m_model = new QLabel(this);
    m_model->setAccessibleName(tr("Model"));
    m_budget = new QProgressBar(this);
    m_budget->setAccessibleName(tr("Context budget"));
    m_budget->setMinimumWidth(260);
    m_budget->setTextVisible(true);
    m_budget->setRange(0, 1);
    m_budget->setValue(0);
    m_budget->setFormat(tr("no documents"));
    m_activity = new QLabel(this);
    m_activity->setAccessibleName(tr("Activity"));
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_memory = new QLabel(this);
    m_memory->setAccessibleName(tr("Memory"));
    m_memory->setToolTip(tr("Memory this process holds (resident)"));
    layout->addWidget(m_model);
    layout->addWidget(m_budget);
    layout->addWidget(m_progress);
    layout->addWidget(m_activity, 1);
    layout->addWidget(m_memory);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &StatusPanel::updateMemory);
    timer->start(2000);
    updateMemory();
    setModel(std::nullopt);
}

void StatusPanel::setModel(const std::optional<app::ModelInfo>& model, const QString& state) {
    if (!state.isEmpty()) {
        m_model->setText(state);
        return;
    }
    if (!model) {
        m_model->setText(tr("No model"));
        return;
    }
    // A file's name, or a server's "<model> at <url>" whole.
    const QString path = QString::fromStdString(model->path);
    const QString name = model->backend == "remote" ? path : path.section(QLatin1Char('/'), -1);
    m_model->setText(QStringLiteral("%1 · %2").arg(name, QString::fromStdString(model->backend).toUpper()));
    // The path, then what was chosen for it and why (backend, context, KV cache type).
    QString tip = QString::fromStdString(model->path);
    if (!model->choice.empty()) tip += QLatin1Char('\n') + QString::fromStdString(model->choice);
    m_model->setToolTip(tip);
}

QString StatusPanel::modelText() const { return m_model->text(); }

void StatusPanel::setBudget(const app::AskPlan* plan) {
    if (!plan) {
        m_used = 0;
        m_budget->setRange(0, 1);
        m_budget->setValue(0);
        m_budget->setFormat(tr("no documents"));
        m_budget->setToolTip({});
        return;
    }
    m_used = plan->used();
    m_budget->setRange(0, static_cast<int>(plan->nCtx));
    m_budget->setValue(static_cast<int>(std::min(plan->used(), plan->nCtx)));
    m_budget->setFormat(tr("%1 / %2 tokens").arg(number(plan->used()), number(plan->nCtx)));
    m_budget->setToolTip(tr("System prompt and documents: %1\nEarlier turns: %2\nReserved for the answer: %3\n"
                            "Counted with the model's tokenizer.%4")
                             .arg(number(plan->prefixTokens), number(plan->historyTokens), number(plan->answerReserve),
                                  plan->fits ? QString() : tr("\nSome pages or files do not fit and are left out.")));
}

void StatusPanel::showProgress(const app::JobProgress& p) {
    m_progress->show();
    if (p.total > 0) {
        m_progress->setRange(0, static_cast<int>(std::min<std::int64_t>(p.total, 1 << 30)));
        m_progress->setValue(static_cast<int>(std::min(p.done, p.total)));
    } else {
        m_progress->setRange(0, 0);  // a walk that does not know its end
    }
    QString text = phaseText(p);
    const QString unit = QString::fromLatin1(app::unitName(p.unit));
    if (p.total > 0) text += QStringLiteral(": %1 / %2 %3").arg(number(p.done), number(p.total), unit);
    else text += QStringLiteral(": %1 %2").arg(number(p.done), unit);
    if (p.etaSeconds && p.done < p.total) text += tr(", about %1 s left").arg(*p.etaSeconds, 0, 'f', 0);
    m_activity->setText(text);
}

void StatusPanel::showSpeed(double tokensPerS) {
    m_activity->setText(tr("Answering: %1 tokens/s").arg(tokensPerS, 0, 'f', 1));
}

void StatusPanel::clearProgress(const QString& message) {
    m_progress->hide();
    m_activity->setText(message);
}

void StatusPanel::announce(const QString& message) {
    clearProgress(message);
    // The label is named "Activity"; what happened is its description, read with the alert.
    m_activity->setAccessibleDescription(message);
    QAccessibleEvent changed(m_activity, QAccessible::DescriptionChanged);
    sendAccessibilityEvent(&changed);
    QAccessibleEvent alert(m_activity, QAccessible::Alert);
    sendAccessibilityEvent(&alert);
}

QString StatusPanel::budgetText() const { return m_budget->text(); }
QString StatusPanel::progressText() const { return m_activity->text(); }

void StatusPanel::updateMemory() { m_memory->setText(tr("Memory %1").arg(formatBytes(residentBytes()))); }

}  // namespace lectern::ui
