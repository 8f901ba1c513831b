// The picker's "Get a model" page (see get_model_page.h).
#include "get_model_page.h"

#include <QColor>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "appearance.h"
#include "status_panel.h"

namespace lectern::ui {
namespace {

enum Column { NameColumn, SizeColumn, FitColumn };
constexpr int kRepoRole = Qt::UserRole;
constexpr int kFileRole = Qt::UserRole + 1;
constexpr int kBarSteps = 1000;  // the bar counts in thousandths: byte counts overflow an int

// A transfer's bytes: one decimal under 100 MiB, KiB under one, so a slow start still moves.
QString transferBytes(double bytes) {
    constexpr double kKiB = 1024.0, kMiB = kKiB * 1024.0;
    if (bytes >= 100 * kMiB) return formatBytes(bytes);
    if (bytes >= kMiB) return GetModelPage::tr("%1 MiB").arg(bytes / kMiB, 0, 'f', 1);
    return GetModelPage::tr("%1 KiB").arg(bytes / kKiB, 0, 'f', 0);
}

QString duration(double seconds) {
    const auto s = static_cast<qint64>(seconds + 0.5);
    if (s < 60) return GetModelPage::tr("%1 s").arg(s);
    if (s < 3600) return GetModelPage::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return GetModelPage::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

}  // namespace

GetModelPage::GetModelPage(CoreBridge& bridge, QWidget* parent) : QWidget(parent), m_bridge(bridge) {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Download a Llama 3 model from the Hugging Face Hub into its cache on this "
                                "computer (shared with the Hub's own tools). Sizes are approximate."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Suggested models"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Model"), tr("Size"), tr("This computer")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(FitColumn, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);

    auto* form = new QFormLayout;
    m_repo = new QLineEdit(this);
    m_repo->setPlaceholderText(QStringLiteral("bartowski/Llama-3.2-3B-Instruct-GGUF"));
    m_repo->setAccessibleName(tr("Repository"));
    form->addRow(tr("&Repository:"), m_repo);
    m_file = new QLineEdit(this);
    m_file->setPlaceholderText(tr("the GGUF file (empty: the repository's only one)"));
    m_file->setAccessibleName(tr("File in the repository"));
    form->addRow(tr("F&ile:"), m_file);
    layout->addLayout(form);

    auto* row = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->setRange(0, kBarSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_download = new QPushButton(tr("&Download"), this);
    m_download->setAccessibleName(tr("Download"));
    m_stop = new QPushButton(tr("S&top download"), this);
    m_stop->setAccessibleName(tr("Stop download"));
    row->addWidget(m_progress, 1);
    row->addWidget(m_download);
    row->addWidget(m_stop);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Download status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_error = new QLabel(this);
    m_error->setAccessibleName(tr("Download error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColor(errorPalette));
    m_error->setPalette(errorPalette);
    m_error->hide();
    layout->addWidget(m_error);
    m_anyway = new QPushButton(tr("Download &anyway"), this);
    m_anyway->setAccessibleName(tr("Download anyway"));
    m_anyway->setToolTip(tr("Download the model even though it does not fit here at this context "
                            "(for a smaller context, or another computer)"));
    m_anyway->hide();
    auto* anywayRow = new QHBoxLayout;
    anywayRow->addWidget(m_anyway);
    anywayRow->addStretch(1);
    layout->addLayout(anywayRow);

    fillList();
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) setRequest(item->data(NameColumn, kRepoRole).toString(), item->data(NameColumn, kFileRole).toString());
    });
    // Enter on the list or a field reaches the dialog's default button: Download while this
    // page is shown (setDownloadDefault).
    connect(m_download, &QPushButton::clicked, this, &GetModelPage::download);
    connect(m_stop, &QPushButton::clicked, this, &GetModelPage::stop);
    connect(m_anyway, &QPushButton::clicked, this, &GetModelPage::downloadAnyway);
    connect(m_repo, &QLineEdit::textChanged, this, [this] {
        m_anyway->hide();  // "anyway" was said of another model
        setRunning(m_job != 0);
    });
    connect(m_file, &QLineEdit::textChanged, m_anyway, &QWidget::hide);
    setRunning(false);
}

GetModelPage::~GetModelPage() {
    if (m_job) m_bridge.core().cancel(m_job);
}

void GetModelPage::fillList() {
    m_list->clear();
    for (const app::CuratedModel& m : app::AppCore::curatedModels()) {
        const app::ModelFootprint f = app::AppCore::curatedFootprint(m, m_nCtx, m_kvType, m_available);
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, QString::fromStdString(m.name));
        item->setToolTip(NameColumn, QString::fromStdString(m.repo + " / " + m.file));
        item->setData(NameColumn, kRepoRole, QString::fromStdString(m.repo));
        item->setData(NameColumn, kFileRole, QString::fromStdString(m.file));
        item->setText(SizeColumn, tr("about %1").arg(formatBytes(double(m.sizeBytes))));
        item->setText(FitColumn, f.fits ? tr("fits here") : tr("too large for this computer"));
        item->setToolTip(FitColumn, tr("Weights %1 + KV cache %2 (%3 tokens, %4); %5 free.")
                                        .arg(formatBytes(double(f.weightsBytes)), formatBytes(double(f.kvBytes)),
                                             QLocale().toString(qlonglong(f.nCtx)), kvTypeText(f.kvType),
                                             f.availableBytes ? formatBytes(double(f.availableBytes)) : tr("unknown")));
        if (!f.fits) item->setForeground(FitColumn, errorTextColor(m_list->palette()));
    }
}

void GetModelPage::setBudget(std::int64_t nCtx, std::optional<KvType> kvType) {
    if (nCtx == m_nCtx && kvType == m_kvType) return;
    m_nCtx = nCtx;
    m_kvType = kvType;
    const QString repo = m_repo->text(), file = m_file->text();
    const QSignalBlocker block(m_list);
    fillList();
    setRequest(repo, file);
}

void GetModelPage::setAvailableMemory(std::optional<std::size_t> bytes) {
    m_available = bytes;
    const QString repo = m_repo->text(), file = m_file->text();
    const QSignalBlocker block(m_list);
    fillList();
    setRequest(repo, file);
}

void GetModelPage::setDownloadDefault(bool on) { m_download->setDefault(on); }

void GetModelPage::setRequest(const QString& repo, const QString& file) {
    m_repo->setText(repo);
    m_file->setText(file);
}

QString GetModelPage::statusText() const { return m_status->text(); }
QString GetModelPage::errorText() const { return m_error->text(); }

void GetModelPage::setRunning(bool running) {
    m_download->setEnabled(!running && !m_repo->text().trimmed().isEmpty());
    if (running) m_anyway->hide();
    m_stop->setEnabled(running);
    m_repo->setReadOnly(running);
    m_file->setReadOnly(running);
}

void GetModelPage::download() { start(true); }
void GetModelPage::downloadAnyway() { start(false); }

void GetModelPage::start(bool checkMemory) {
    if (m_job || m_repo->text().trimmed().isEmpty()) return;
    app::PullOptions options;
    options.nCtx = m_nCtx;
    options.kvType = m_kvType;
    options.checkMemory = checkMemory;
    options.available = m_available;
    app::PullRequest request;
    request.repo = m_repo->text().trimmed().toStdString();
    if (const QString file = m_file->text().trimmed(); !file.isEmpty()) request.files = {file.toStdString()};
    m_error->clear();
    m_error->hide();
    m_anyway->hide();
    m_progress->setValue(0);
    m_status->setText(tr("Asking the Hub for %1…").arg(m_repo->text().trimmed()));
    m_firstDone = -1;
    QPointer<GetModelPage> self(this);
    m_job = m_bridge.watch(m_bridge.core().pullModel(std::move(request), options), [self](const app::JobEvent& e) {
        if (self) self->onEvent(e);
    });
    setRunning(true);
}

void GetModelPage::stop() {
    if (m_job) m_bridge.core().cancel(m_job);
}

void GetModelPage::onEvent(const app::JobEvent& e) {
    if (const auto* p = std::get_if<app::JobProgress>(&e.payload)) showProgress(*p);
    if (!e.isFinal()) return;
    m_job = 0;
    setRunning(false);
    if (const auto* pulled = app::finishedValue<app::ModelPulled>(e)) {
        m_progress->setValue(kBarSteps);
        const QString path = QString::fromStdString(pulled->path);
        m_status->setText(pulled->downloadedBytes > 0
                              ? tr("Downloaded %1: %2").arg(transferBytes(double(pulled->downloadedBytes)), path)
                              : tr("Already here: %1").arg(path));
        emit modelPulled(path);
    } else if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
        showFailure(f->error);
    } else if (std::holds_alternative<app::JobCancelled>(e.payload)) {
        m_status->setText(tr("Stopped. What came is kept: the next download of this file continues from there."));
    }
    emit downloadEnded();
}

void GetModelPage::showProgress(const app::JobProgress& p) {
    if (p.phase != app::Phase::Download || p.total <= 0) return;
    if (m_firstDone < 0) {
        m_firstDone = p.done;
        m_clock.start();
    }
    m_progress->setValue(static_cast<int>(double(p.done) / double(p.total) * kBarSteps));
    const double seconds = double(m_clock.elapsed()) / 1000.0;
    const double rate = seconds > 0.2 ? double(p.done - m_firstDone) / seconds : 0.0;
    QString text = tr("%1 of %2").arg(transferBytes(double(p.done)), transferBytes(double(p.total)));
    if (p.done >= p.total) {
        text += tr(", checking the file…");
    } else if (rate > 0) {
        text += tr(", %1/s, about %2 left").arg(transferBytes(rate), duration(double(p.total - p.done) / rate));
    }
    m_status->setText(text);
}

void GetModelPage::showFailure(const Error& error) {
    QString what;
    switch (error.code) {
        case ErrorCode::NeedsPassword:
            what = tr("<b>This repository is gated.</b> Accept its license on the Hugging Face Hub, then give "
                      "Lectern an access token (HF_TOKEN, or <tt>huggingface-cli login</tt>) and download again.");
            break;
        case ErrorCode::OutOfMemory: {
            // The facade's message says what it needs and what to change; the model's shape
            // goes to the tooltip.
            QString message = QString::fromStdString(error.message);
            if (!message.isEmpty()) message[0] = message[0].toUpper();
            m_status->clear();
            m_error->setText(tr("<b>Too large for this computer.</b>") + QStringLiteral(" ") + message.toHtmlEscaped() +
                             QStringLiteral("."));
            m_error->setToolTip(QString::fromStdString(error.context));
            m_error->show();
            m_anyway->show();
            return;
        }
        case ErrorCode::UnsupportedModel:
            what = tr("<b>Lectern cannot run this model</b> (its header says so); choose a Llama 3 model.");
            break;
        case ErrorCode::DiskFull:
            what = tr("<b>Not enough disk space</b> for this model. Free some space, or choose a smaller file.");
            break;
        case ErrorCode::Io:
            what = tr("<b>The download failed.</b> Check the network connection; what came is kept, and the "
                      "next download continues from there.");
            break;
        case ErrorCode::NotFound:
            what = tr("<b>Not found on the Hub.</b> Check the repository's and the file's names.");
            break;
        case ErrorCode::InvalidArgument:
            what = tr("<b>Name the file to download.</b>");
            break;
        case ErrorCode::Corrupt:
            what = tr("<b>The file that came is damaged</b> (its checksum does not match); it was deleted. Try again.");
            break;
        default:
            what = tr("<b>The model could not be downloaded.</b>");
            break;
    }
    m_status->clear();
    m_error->setToolTip(QString());
    m_error->setText(what + QStringLiteral("<br>") + QString::fromStdString(error.to_string()).toHtmlEscaped());
    m_error->show();
}

}  // namespace lectern::ui
