// The model picker with its memory check (see model_dialog.h).
#include "model_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "found_models.h"
#include "get_model_page.h"
#include "status_panel.h"

namespace lectern::ui {

ModelChoice savedModelChoice(const Preferences& prefs) {
    ModelChoice c;
    c.path = prefs.value(QStringLiteral("model/path"));
    c.nCtx = prefs.integer(QStringLiteral("model/context"), 0);  // 0: automatic
    // Bits per value: 32, 16 or 8 (q8_0); 0: automatic.
    const std::int64_t bits = prefs.integer(QStringLiteral("model/kv"), 0);
    if (bits == 32) c.kvType = KvType::F32;
    else if (bits == 16) c.kvType = KvType::F16;
    else if (bits == 8) c.kvType = KvType::Q8_0;
    c.backend = prefs.value(QStringLiteral("model/backend"), QStringLiteral("auto"));
    c.remote = prefs.value(QStringLiteral("model/kind")) == QLatin1String("remote");
    c.url = prefs.value(QStringLiteral("remote/url"));
    c.remoteModel = prefs.value(QStringLiteral("remote/model"));
    c.apiKeyFile = prefs.value(QStringLiteral("remote/keyFile"));
    c.tokenizer = prefs.value(QStringLiteral("remote/tokenizer"));
    c.modelFolders = prefs.value(QStringLiteral("models/folders")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return c;
}

void saveModelChoice(Preferences& prefs, const ModelChoice& c) {
    if (c.remote) {
        prefs.setValue(QStringLiteral("model/kind"), QStringLiteral("remote"));
        prefs.setValue(QStringLiteral("remote/url"), c.url);
        prefs.setValue(QStringLiteral("remote/model"), c.remoteModel);
        prefs.setValue(QStringLiteral("remote/keyFile"), c.apiKeyFile);
        prefs.setValue(QStringLiteral("remote/tokenizer"), c.tokenizer);
        return;
    }
    prefs.setValue(QStringLiteral("model/kind"), QStringLiteral("local"));
    prefs.setValue(QStringLiteral("model/path"), c.path);
    prefs.setValue(QStringLiteral("model/context"), c.nCtx);
    prefs.setValue(QStringLiteral("model/kv"), !c.kvType                 ? 0
                                               : *c.kvType == KvType::F32 ? 32
                                               : *c.kvType == KvType::Q8_0 ? 8
                                                                           : 16);
    prefs.setValue(QStringLiteral("model/backend"), c.backend);
    prefs.setValue(QStringLiteral("models/folders"), c.modelFolders.join(QLatin1Char('\n')));
}

ModelDialog::ModelDialog(const ModelChoice& initial, QWidget* parent) : ModelDialog(initial, nullptr, parent) {}

ModelDialog::ModelDialog(const ModelChoice& initial, CoreBridge* bridge, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Choose a model"));
    auto* outer = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setTabBarAutoHide(true);  // without a core there is one page
    m_tabs->setAccessibleName(tr("Where the model is"));
    outer->addWidget(m_tabs, 1);
    auto* filePage = new QWidget(m_tabs);
    m_tabs->addTab(filePage, tr("&Model on this computer"));
    auto* form = new QFormLayout(filePage);
    auto* intro = new QLabel(tr("Lectern runs a Llama 3 model on this computer. Choose a GGUF file or a "
                                "Hugging Face folder (config.json, *.safetensors, tokenizer.json)."), this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_found = new FoundModels(initial.modelFolders, filePage);
    form->addRow(m_found);
    connect(m_found, &FoundModels::modelChosen, this, &ModelDialog::setPath);
    m_path = new QLineEdit(initial.path, this);
    m_path->setAccessibleName(tr("Model path"));
    auto* file = new QPushButton(tr("File…"), this);
    auto* folder = new QPushButton(tr("Folder…"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(file);
    row->addWidget(folder);
    form->addRow(tr("Model:"), row);
    m_context = new QComboBox(this);
    m_context->addItem(tr("Automatic (the model's own, as much as fits)"), QVariant::fromValue<qlonglong>(0));
    for (std::int64_t k : {4, 8, 16, 32, 64, 128})
        m_context->addItem(tr("%1K tokens").arg(k), QVariant::fromValue<qlonglong>(k * 1024));
    // A context chosen on the command line that is not in the list is offered as it is.
    if (m_context->findData(QVariant::fromValue<qlonglong>(initial.nCtx)) < 0 && initial.nCtx > 0)
        m_context->addItem(tr("%1 tokens").arg(initial.nCtx), QVariant::fromValue<qlonglong>(initial.nCtx));
    m_context->setCurrentIndex(std::max(0, m_context->findData(QVariant::fromValue<qlonglong>(initial.nCtx))));
    form->addRow(tr("&Context:"), m_context);
    m_kv = new QComboBox(this);
    m_kv->addItem(tr("Automatic (16-bit, or 8-bit when that does not fit)"), -1);
    m_kv->addItem(tr("16-bit (half the memory)"), static_cast<int>(KvType::F16));
    m_kv->addItem(tr("32-bit"), static_cast<int>(KvType::F32));
    m_kv->addItem(tr("8-bit (a quarter of the memory, for 128K)"), static_cast<int>(KvType::Q8_0));
    m_kv->setCurrentIndex(initial.kvType ? std::max(0, m_kv->findData(static_cast<int>(*initial.kvType))) : 0);
    form->addRow(tr("&KV cache:"), m_kv);
    m_backend = new QComboBox(this);
    m_backend->addItem(tr("Automatic (GPU when there is one)"), QStringLiteral("auto"));
    m_backend->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_backend->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    m_backend->setCurrentIndex(std::max(0, m_backend->findData(initial.backend)));
    form->addRow(tr("&Backend:"), m_backend);
    m_footprint = new QLabel(this);
    m_footprint->setWordWrap(true);
    m_footprint->setAccessibleName(tr("Memory needed"));
    m_footprint->setMinimumWidth(420);
    form->addRow(m_footprint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    outer->addWidget(m_buttons);
    if (bridge) {
        m_get = new GetModelPage(*bridge, m_tabs);
        m_tabs->addTab(m_get, tr("&Get a model"));
        m_tabs->setTabToolTip(1, tr("Download a model from the Hugging Face Hub"));
        // A downloaded model that fits opens at once; one that does not stays on the first tab,
        // which says why.
        connect(m_get, &GetModelPage::modelPulled, this, [this](const QString& path) {
            setPath(path);
            m_tabs->setCurrentIndex(0);
            if (m_ok) accept();
        });
        connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
            m_buttons->button(QDialogButtonBox::Ok)->setDefault(m_tabs->widget(index) != m_get);
            m_get->setDownloadDefault(m_tabs->widget(index) == m_get);
        });
    }

    buildServerPage(initial);
    if (initial.remote) showServerPage();
    connect(m_tabs, &QTabWidget::currentChanged, this, &ModelDialog::update);

    connect(file, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Model file"), m_path->text(), tr("GGUF models (*.gguf);;All files (*)"));
        if (!f.isEmpty()) setPath(f);
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getExistingDirectory(this, tr("Hugging Face model folder"), m_path->text());
        if (!f.isEmpty()) setPath(f);
    });
    connect(m_path, &QLineEdit::editingFinished, this, &ModelDialog::update);
    connect(m_context, &QComboBox::currentIndexChanged, this, &ModelDialog::update);
    connect(m_kv, &QComboBox::currentIndexChanged, this, &ModelDialog::update);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &ModelDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void ModelDialog::buildServerPage(const ModelChoice& initial) {
    m_serverPage = new QWidget(m_tabs);
    m_tabs->addTab(m_serverPage, tr("Model on a &server"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_serverPage), tr("vLLM, llama.cpp's server, Ollama or lectern-cli serve"));
    auto* form = new QFormLayout(m_serverPage);
    auto* intro = new QLabel(tr("For models too large for this computer (Llama 3.1 70B, 405B): an OpenAI-compatible "
                                "server runs the model; the documents, the packing and the sessions stay here. "
                                "The same model's tokenizer is needed here, so documents are counted exactly."),
                             m_serverPage);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_url = new QLineEdit(m_serverPage);
    m_url->setPlaceholderText(QStringLiteral("http://gpu-node:8000/v1"));
    m_url->setAccessibleName(tr("Server URL"));
    form->addRow(tr("Server &URL:"), m_url);
    m_remoteModel = new QLineEdit(m_serverPage);
    m_remoteModel->setPlaceholderText(tr("its only model"));
    m_remoteModel->setAccessibleName(tr("Server model"));
    form->addRow(tr("Server's m&odel:"), m_remoteModel);
    const auto pathRow = [this, form](QLineEdit* edit, const QString& label, bool folderToo) {
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto* file = new QPushButton(tr("File…"), m_serverPage);
        row->addWidget(file);
        connect(file, &QPushButton::clicked, this, [this, edit] {
            const QString f = QFileDialog::getOpenFileName(this, tr("Choose a file"), edit->text());
            if (!f.isEmpty()) edit->setText(f), update();
        });
        if (folderToo) {
            auto* folder = new QPushButton(tr("Folder…"), m_serverPage);
            row->addWidget(folder);
            connect(folder, &QPushButton::clicked, this, [this, edit] {
                const QString f = QFileDialog::getExistingDirectory(this, tr("Hugging Face model folder"), edit->text());
                if (!f.isEmpty()) edit->setText(f), update();
            });
        }
        auto* name = new QLabel(label, m_serverPage);
        name->setBuddy(edit);  // the label's mnemonic focuses the field
        form->addRow(name, row);
    };
    m_keyFile = new QLineEdit(m_serverPage);
    m_keyFile->setPlaceholderText(tr("none, or $OPENAI_API_KEY"));
    m_keyFile->setAccessibleName(tr("API key file"));
    m_keyFile->setToolTip(tr("A file whose first line is the server's key; the key itself is never stored"));
    pathRow(m_keyFile, tr("API &key file:"), false);
    m_tokenizer = new QLineEdit(m_serverPage);
    m_tokenizer->setPlaceholderText(tr("the model's GGUF file, Hugging Face folder or tokenizer.json"));
    m_tokenizer->setAccessibleName(tr("Tokenizer"));
    pathRow(m_tokenizer, tr("&Tokenizer:"), true);
    m_serverNote = new QLabel(m_serverPage);
    m_serverNote->setWordWrap(true);
    form->addRow(m_serverNote);
    m_url->setText(initial.url);
    m_remoteModel->setText(initial.remoteModel);
    m_keyFile->setText(initial.apiKeyFile);
    m_tokenizer->setText(initial.tokenizer);
    for (QLineEdit* e : {m_url, m_remoteModel, m_keyFile, m_tokenizer})
        connect(e, &QLineEdit::textChanged, this, &ModelDialog::update);
}

void ModelDialog::setServer(const ModelChoice& c) {
    m_url->setText(c.url);
    m_remoteModel->setText(c.remoteModel);
    m_keyFile->setText(c.apiKeyFile);
    m_tokenizer->setText(c.tokenizer);
    update();
}

void ModelDialog::showServerPage() { m_tabs->setCurrentWidget(m_serverPage); }

void ModelDialog::setPath(const QString& path) {
    m_path->setText(path);
    update();
}

ModelChoice ModelDialog::choice() const {
    ModelChoice c;
    c.path = m_path->text().trimmed();
    c.nCtx = m_context->currentData().toLongLong();
    if (const int kv = m_kv->currentData().toInt(); kv >= 0) c.kvType = static_cast<KvType>(kv);
    c.backend = m_backend->currentData().toString();
    c.remote = m_tabs->currentWidget() == m_serverPage;
    c.url = m_url->text().trimmed();
    c.remoteModel = m_remoteModel->text().trimmed();
    c.apiKeyFile = m_keyFile->text().trimmed();
    c.tokenizer = m_tokenizer->text().trimmed();
    c.modelFolders = m_found->folders();
    return c;
}

void ModelDialog::showGetModelPage() {
    if (m_get) m_tabs->setCurrentWidget(m_get);
}

QString ModelDialog::footprintText() const { return m_footprint->text(); }
bool ModelDialog::acceptable() const { return m_ok; }

void ModelDialog::update() {
    const ModelChoice c = choice();
    if (c.remote) {
        // Whether the server answers and the tokenizer is its model's is learnt on Load.
        const bool http = c.url.startsWith(QLatin1String("http://")) || c.url.startsWith(QLatin1String("https://"));
        m_ok = http && !c.tokenizer.isEmpty();
        m_serverNote->setText(!http ? tr("Give the server's base URL, starting with http:// or https://.")
                              : c.tokenizer.isEmpty() ? tr("Give the model's tokenizer on this computer.")
                                                      : tr("Load connects, reads the server's context and checks "
                                                           "the tokenizer against the server's."));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_ok);
        return;
    }
    if (m_get) m_get->setBudget(c.nCtx, c.kvType);
    m_ok = false;
    if (c.path.isEmpty()) {
        m_footprint->setText(tr("No model chosen."));
    } else if (auto f = app::AppCore::footprint(c.path.toStdString(), c.nCtx, c.kvType); !f) {
        m_footprint->setText(tr("<b>This model cannot be used:</b> %1")
                                 .arg(QString::fromStdString(f.error().to_string()).toHtmlEscaped()));
    } else {
        QString text = tr("%1<br>%2 tokens, %3 KV cache: weights %4 + KV cache %5 + working memory %6 = <b>%7</b>; "
                          "%8 free.")
                           .arg(QString::fromStdString(f->description).toHtmlEscaped(),
                                QLocale().toString(qlonglong(f->nCtx)), kvTypeText(f->kvType),
                                formatBytes(double(f->weightsBytes)), formatBytes(double(f->kvBytes)),
                                formatBytes(double(f->otherBytes)), formatBytes(double(f->totalBytes())),
                                f->availableBytes ? formatBytes(double(f->availableBytes)) : tr("unknown"));
        const bool cpu = c.backend == QLatin1String("cpu");
        if (f->nCtxTrain > 0 && c.nCtx > f->nCtxTrain) {
            text += tr("<br><b>The model was trained for %1 tokens:</b> choose a smaller context.").arg(f->nCtxTrain);
        } else if (!f->fits && cpu) {
            text += tr("<br><b>It does not fit:</b> %1.").arg(QString::fromStdString(f->advice).toHtmlEscaped());
        } else {
            m_ok = true;
            if (f->fits && (c.nCtx == 0 || !c.kvType))
                text += tr("<br>Automatic: %1.").arg(QString::fromStdString(f->choice).toHtmlEscaped());
            // On a GPU the weights and the cache live in its memory, checked when the model loads.
            if (!f->fits) text += tr("<br>It would not fit in RAM (%1); on the GPU it may.").arg(QString::fromStdString(f->advice).toHtmlEscaped());
        }
        if (!cpu) text += tr("<br>GPU memory is checked when the model loads.");
        m_footprint->setText(text);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_ok);
}

}  // namespace lectern::ui
