// The models already on this computer, as a list (see found_models.h).
#include "found_models.h"

#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <thread>

#include "appearance.h"
#include "status_panel.h"

namespace lectern::ui {
namespace {

enum Column { NameColumn, SourceColumn, SizeColumn, TypeColumn, ContextColumn, FitColumn, ColumnCount };
constexpr int kPathRole = Qt::UserRole;

QString contextText(std::int64_t n) {
    if (n <= 0) return QStringLiteral("–");
    return n % 1024 == 0 ? QStringLiteral("%1K").arg(n / 1024) : QLocale().toString(qlonglong(n));
}

}  // namespace

FoundModels::FoundModels(QStringList folders, QWidget* parent) : QWidget(parent), m_folders(std::move(folders)) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Models on this computer"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Model"), tr("From"), tr("Size"), tr("Type"), tr("Context"), tr("Here")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setMinimumHeight(130);
    m_list->setMinimumWidth(760);  // the Here column says what the model would get: "fits (128K, 16-bit KV cache)"
    column->addWidget(m_list, 1);
    auto* row = new QHBoxLayout;
    m_state = new QLabel(this);
    m_state->setAccessibleName(tr("Search state"));
    row->addWidget(m_state, 1);
    m_add = new QPushButton(tr("&Add a folder…"), this);
    m_add->setToolTip(tr("Search a folder of yours for GGUF files and Hugging Face model folders"));
    row->addWidget(m_add);
    column->addLayout(row);
    connect(m_add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("A folder with models"));
        if (!dir.isEmpty()) addFolder(dir);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && !item->isDisabled()) emit modelChosen(item->data(NameColumn, kPathRole).toString());
    });
    search();
}

void FoundModels::addFolder(const QString& folder) {
    if (m_folders.contains(folder)) return;
    m_folders << folder;
    emit foldersChanged(m_folders);
    search();
}

void FoundModels::search() {
    m_state->setText(tr("Searching the Hugging Face cache, Ollama, LM Studio, GPT4All and your folders…"));
    const int generation = ++m_generation;
    std::vector<std::string> folders;
    for (const QString& f : m_folders) folders.push_back(f.toStdString());
    QPointer<FoundModels> self(this);
    // Reading the headers may take a moment (a GGUF vocabulary is megabytes): not on the UI thread.
    std::thread([self, generation, folders = std::move(folders)] {
        auto models = std::make_shared<std::vector<app::FoundModel>>(app::AppCore::findModels(folders));
        QMetaObject::invokeMethod(qApp, [self, generation, models] {
            if (self && generation == self->m_generation) self->show(*models);
        }, Qt::QueuedConnection);
    }).detach();
}

void FoundModels::show(const std::vector<app::FoundModel>& models) {
    m_list->clear();
    int usable = 0;
    for (const app::FoundModel& f : models) {
        const hub::DiscoveredModel& m = f.model;
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, QString::fromStdString(m.name));
        item->setData(NameColumn, kPathRole, QString::fromStdString(m.path));
        item->setToolTip(NameColumn, QString::fromStdString(m.path));
        item->setText(SourceColumn, m.source == hub::ModelSource::Folder ? tr("your folder")
                                                                         : QString::fromLatin1(hub::modelSourceName(m.source)));
        item->setText(SizeColumn, formatBytes(double(m.bytes)));
        item->setText(TypeColumn, QString::fromStdString(m.quantization.empty() ? m.format : m.quantization));
        item->setText(ContextColumn, contextText(m.nCtxTrain));
        if (!m.supported) {
            item->setText(FitColumn, tr("cannot run: %1").arg(QString::fromStdString(m.architecture.empty() ? "?" : m.architecture)));
            item->setToolTip(FitColumn, QString::fromStdString(m.reason));
            item->setDisabled(true);  // listed with the reason, not chosen
            continue;
        }
        ++usable;
        if (f.footprint && f.footprint->fits) {
            item->setText(FitColumn, tr("fits (%1, %2 KV cache)").arg(contextText(f.footprint->nCtx), kvTypeText(f.footprint->kvType)));
            item->setToolTip(FitColumn, QString::fromStdString(f.footprint->choice));
        } else {
            item->setText(FitColumn, tr("too large"));
            item->setForeground(FitColumn, errorTextColor(m_list->palette()));
            if (f.footprint) item->setToolTip(FitColumn, QString::fromStdString(f.footprint->advice));
        }
    }
    for (int c = 0; c < FitColumn; ++c) m_list->resizeColumnToContents(c);
    m_state->setText(models.empty() ? tr("No models found on this computer: get one, or add a folder.")
                                    : tr("%1 models found, %2 that Lectern can run.").arg(models.size()).arg(usable));
    emit found(static_cast<int>(models.size()));
}

}  // namespace lectern::ui
