// The settings dialog (see settings_dialog.h).
#include "settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core_bridge.h"
#include "i18n.h"
#include "model_dialog.h"
#include "status_panel.h"

namespace lectern::ui {
namespace {

QDoubleSpinBox* realBox(QWidget* parent, double lo, double hi, double step, const QString& name) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(2);
    box->setAccessibleName(name);
    return box;
}

QSpinBox* intBox(QWidget* parent, int lo, int hi, const QString& name) {
    auto* box = new QSpinBox(parent);
    box->setRange(lo, hi);
    box->setAccessibleName(name);
    return box;
}

}  // namespace

SettingsDialog::SettingsDialog(CoreBridge& bridge, Preferences& prefs, QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_prefs(prefs) {
    setWindowTitle(tr("Settings"));
    auto* outer = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Settings pages"));
    m_tabs->addTab(buildGeneralPage(), tr("&General"));
    m_tabs->addTab(buildModelPage(), tr("&Model"));
    m_tabs->addTab(buildAnswersPage(), tr("&Answers"));
    m_tabs->addTab(buildPromptsPage(), tr("&Prompts"));
    m_tabs->addTab(buildStoragePage(), tr("&Storage"));
    outer->addWidget(m_tabs, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
                                     this);
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setAccessibleDescription(
        tr("Puts every setting back to its default; nothing is saved until OK"));
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    loadFields();
    resize(640, 520);
}

QWidget* SettingsDialog::buildGeneralPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_language = new QComboBox(page);
    m_language->setAccessibleName(tr("Interface language"));
    m_language->addItem(tr("The system's (%1)").arg(languageName(systemLanguage())), QString());
    for (const QString& code : shippedLanguages()) m_language->addItem(languageName(code), code);
    form->addRow(tr("Interface &language:"), m_language);
    m_appearance = new QComboBox(page);
    m_appearance->setAccessibleName(tr("Appearance"));
    m_appearance->addItem(tr("The system's (light or dark)"), QString());
    m_appearance->addItem(tr("Light"), QStringLiteral("light"));
    m_appearance->addItem(tr("Dark"), QStringLiteral("dark"));
    form->addRow(tr("Appeara&nce:"), m_appearance);
    m_ocr = new QListWidget(page);
    m_ocr->setAccessibleName(tr("OCR languages"));
    m_ocr->setAccessibleDescription(tr("None checked: each scanned page is read in the language of its script"));
    m_ocr->setToolTip(tr("Languages Tesseract reads scanned pages in; none checked: chosen for each page from its script"));
    // Tesseract's codes and the locale that names them.
    const std::pair<const char*, const char*> names[] = {{"eng", "en"}, {"deu", "de"}, {"fra", "fr"}, {"spa", "es"},
                                                         {"rus", "ru"}, {"chi_sim", "zh_CN"}, {"ara", "ar"}};
    for (const auto& [code, installed] : app::AppCore::ocrLanguages()) {
        QString name = QString::fromStdString(code);
        for (const auto& [tess, locale] : names)
            if (code == tess) name = languageName(QString::fromLatin1(locale));
        auto* item = new QListWidgetItem(name, m_ocr);
        item->setData(Qt::UserRole, QString::fromStdString(code));
        item->setFlags(installed ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        if (!installed) item->setToolTip(tr("Not installed (Debian package tesseract-ocr-%1)").arg(QString::fromStdString(code).replace(QLatin1Char('_'), QLatin1Char('-'))));
    }
    m_ocr->setMaximumHeight(m_ocr->sizeHintForRow(0) * 4 + 2 * m_ocr->frameWidth());
    form->addRow(tr("&OCR languages:"), m_ocr);
    auto* note = new QLabel(tr("The window changes language at once; the open session stays as it is."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget* SettingsDialog::buildModelPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    m_model = new QLabel(page);
    m_model->setWordWrap(true);
    m_model->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model->setAccessibleName(tr("Model settings"));
    column->addWidget(m_model);
    auto* choose = new QPushButton(tr("&Choose model…"), page);
    choose->setToolTip(tr("The model file or server, its context size, KV cache and backend"));
    connect(choose, &QPushButton::clicked, this, [this] {
        emit chooseModelRequested();
        showModel();
    });
    auto* row = new QHBoxLayout;
    row->addWidget(choose);
    row->addStretch(1);
    column->addLayout(row);
    // A guard model screens each question before it is answered and each answer after.
    auto* guardLabel = new QLabel(tr("Guar&d model (Llama Guard 3), optional:"), page);
    column->addWidget(guardLabel);
    auto* guardRow = new QHBoxLayout;
    m_guard = new QLineEdit(page);
    m_guard->setAccessibleName(tr("Guard model"));
    m_guard->setPlaceholderText(tr("none: questions and answers are not screened"));
    guardLabel->setBuddy(m_guard);
    auto* guardFile = new QPushButton(tr("File…"), page);
    connect(guardFile, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Guard model"), m_guard->text(), tr("GGUF models (*.gguf)"));
        if (!f.isEmpty()) m_guard->setText(f);
    });
    guardRow->addWidget(m_guard, 1);
    guardRow->addWidget(guardFile);
    column->addLayout(guardRow);
    auto* guardNote = new QLabel(tr("An unsafe question is not answered; an unsafe answer is marked in the conversation, "
                                    "not hidden. The guard runs beside the model and needs its own memory."), page);
    guardNote->setWordWrap(true);
    column->addWidget(guardNote);
    column->addStretch(1);
    return page;
}

QWidget* SettingsDialog::buildAnswersPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_custom = new QCheckBox(tr("&Use these values for every task"), page);
    m_custom->setAccessibleDescription(tr("Off: Ask samples at temperature 0.6 and top-p 0.9, Summarize at 0.3 and "
                                          "0.9, Review and Translate take the most likely word"));
    form->addRow(m_custom);
    m_temperature = realBox(page, 0.0, 2.0, 0.05, tr("Temperature"));
    m_temperature->setToolTip(tr("0: always the most likely word; higher: more varied answers"));
    form->addRow(tr("&Temperature:"), m_temperature);
    m_topP = realBox(page, 0.0, 1.0, 0.05, tr("Top-p"));
    form->addRow(tr("T&op-p:"), m_topP);
    m_topK = intBox(page, 0, 100000, tr("Top-k"));
    m_topK->setSpecialValueText(tr("off"));
    form->addRow(tr("Top-&k:"), m_topK);
    m_minP = realBox(page, 0.0, 1.0, 0.01, tr("Min-p"));
    form->addRow(tr("M&in-p:"), m_minP);
    m_repeatPenalty = realBox(page, 1.0, 2.0, 0.05, tr("Repetition penalty"));
    form->addRow(tr("&Repetition penalty:"), m_repeatPenalty);
    m_seed = intBox(page, 0, 2147483647, tr("Seed"));
    m_seed->setSpecialValueText(tr("new for every answer"));
    form->addRow(tr("S&eed:"), m_seed);
    m_maxTokens = intBox(page, 16, 131072, tr("Answer length"));
    m_maxTokens->setSuffix(tr(" tokens"));
    m_maxTokens->setToolTip(tr("The longest answer, and the room kept for it in the context"));
    form->addRow(tr("Answer &length:"), m_maxTokens);
    connect(m_custom, &QCheckBox::toggled, this, &SettingsDialog::updateSamplingEnabled);
    return page;
}

QWidget* SettingsDialog::buildPromptsPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    auto* row = new QHBoxLayout;
    m_promptName = new QComboBox(page);
    m_promptName->setAccessibleName(tr("Prompt template"));
    for (const std::string& name : app::AppCore::promptNames()) {
        m_promptName->addItem(QString::fromStdString(name), QString::fromStdString(name));
        if (auto t = app::AppCore::promptTemplate(name)) {
            m_promptText[name] = t->text;
            m_promptShipped[name] = t->shipped;
        }
    }
    auto* label = new QLabel(tr("&Template:"), page);
    label->setBuddy(m_promptName);
    row->addWidget(label);
    row->addWidget(m_promptName, 1);
    m_promptReset = new QPushButton(tr("Reset to the &shipped text"), page);
    row->addWidget(m_promptReset);
    column->addLayout(row);
    m_prompt = new QPlainTextEdit(page);
    m_prompt->setAccessibleName(tr("Template text"));
    m_prompt->setAccessibleDescription(tr("Placeholders in double braces, such as {{documents}}, are filled in by the task"));
    m_prompt->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_prompt->setLayoutDirection(Qt::LeftToRight);  // templates are English text for the model
    column->addWidget(m_prompt, 1);
    m_promptState = new QLabel(page);
    m_promptState->setAccessibleName(tr("Template state"));
    column->addWidget(m_promptState);
    connect(m_promptName, &QComboBox::currentIndexChanged, this, [this] {
        keepPromptEdit();
        showPrompt();
    });
    connect(m_prompt, &QPlainTextEdit::textChanged, this, [this] {
        keepPromptEdit();
        const std::string name = m_shownPrompt.toStdString();
        const bool shipped = m_promptText[name] == m_promptShipped[name];
        m_promptState->setText(shipped ? tr("The shipped text.") : tr("Edited: the tasks use this text."));
        m_promptReset->setEnabled(!shipped);
    });
    connect(m_promptReset, &QPushButton::clicked, this, [this] {
        m_prompt->setPlainText(QString::fromStdString(m_promptShipped[m_shownPrompt.toStdString()]));
    });
    return page;
}

QWidget* SettingsDialog::buildStoragePage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    m_storage = new QLabel(page);
    m_storage->setWordWrap(true);
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storage->setAccessibleName(tr("Data and cache folders"));
    column->addWidget(m_storage);
    m_clearPrefixes = new QPushButton(tr("&Clear saved KV prefixes"), page);
    m_clearPrefixes->setToolTip(tr("Follow-up questions on a document read before start from its saved prefix; "
                                   "without it the document is read again"));
    connect(m_clearPrefixes, &QPushButton::clicked, this, [this] {
        m_clearPrefixes->setEnabled(false);
        m_bridge.watch(m_bridge.core().clearKvSnapshots(), [this](const app::JobEvent& e) {
            if (!e.isFinal()) return;
            const auto* done = std::get_if<app::JobFinished>(&e.payload);
            const int removed = done ? std::any_cast<int>(done->value) : 0;
            showStorage();
            emit prefixesCleared(removed);
        });
    });
    auto* row = new QHBoxLayout;
    row->addWidget(m_clearPrefixes);
    row->addStretch(1);
    column->addLayout(row);
    column->addStretch(1);
    return page;
}

void SettingsDialog::loadFields() {
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_prefs.language())));
    m_appearance->setCurrentIndex(std::max(0, m_appearance->findData(m_prefs.value(QStringLiteral("ui/appearance")))));
    m_guard->setText(m_prefs.value(QStringLiteral("guard/path")));
    const QStringList ocr = m_prefs.value(QStringLiteral("ocr/languages")).split(QLatin1Char('+'), Qt::SkipEmptyParts);
    for (int i = 0; i < m_ocr->count(); ++i)
        m_ocr->item(i)->setCheckState(ocr.contains(m_ocr->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                    : Qt::Unchecked);
    showAnswers(m_prefs.answers());
    showModel();
    showPrompt();
    showStorage();
}

void SettingsDialog::showAnswers(const AnswerPreferences& a) {
    m_custom->setChecked(a.custom);
    m_temperature->setValue(a.temperature);
    m_topP->setValue(a.topP);
    m_topK->setValue(a.topK);
    m_minP->setValue(a.minP);
    m_repeatPenalty->setValue(a.repeatPenalty);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(a.seed, 2147483647)));
    m_maxTokens->setValue(static_cast<int>(a.maxTokens));
    updateSamplingEnabled();
}

void SettingsDialog::restoreDefaults() {
    m_language->setCurrentIndex(0);
    m_appearance->setCurrentIndex(0);
    m_guard->clear();
    for (int i = 0; i < m_ocr->count(); ++i) m_ocr->item(i)->setCheckState(Qt::Unchecked);
    showAnswers(AnswerPreferences{});
    m_promptText = m_promptShipped;
    showPrompt();
}

void SettingsDialog::save() {
    keepPromptEdit();
    const QString language = m_language->currentData().toString();
    if (language.isEmpty()) m_prefs.remove(QStringLiteral("ui/language"));
    else m_prefs.setValue(QStringLiteral("ui/language"), language);
    const QString appearance = m_appearance->currentData().toString();
    if (appearance.isEmpty()) m_prefs.remove(QStringLiteral("ui/appearance"));
    else m_prefs.setValue(QStringLiteral("ui/appearance"), appearance);
    if (m_guard->text().trimmed().isEmpty()) m_prefs.remove(QStringLiteral("guard/path"));
    else m_prefs.setValue(QStringLiteral("guard/path"), m_guard->text().trimmed());
    QStringList ocr;
    for (int i = 0; i < m_ocr->count(); ++i)
        if (m_ocr->item(i)->checkState() == Qt::Checked) ocr << m_ocr->item(i)->data(Qt::UserRole).toString();
    if (ocr.isEmpty()) m_prefs.remove(QStringLiteral("ocr/languages"));
    else m_prefs.setValue(QStringLiteral("ocr/languages"), ocr.join(QLatin1Char('+')));
    AnswerPreferences a;
    a.custom = m_custom->isChecked();
    a.temperature = float(m_temperature->value());
    a.topP = float(m_topP->value());
    a.topK = m_topK->value();
    a.minP = float(m_minP->value());
    a.repeatPenalty = float(m_repeatPenalty->value());
    a.seed = static_cast<std::uint64_t>(m_seed->value());
    a.maxTokens = m_maxTokens->value();
    m_prefs.setAnswers(a);
    for (const auto& [name, text] : m_promptText) {
        auto now = app::AppCore::promptTemplate(name);
        if (now && now->text == text) continue;
        const Status s = text == m_promptShipped[name] ? app::AppCore::resetPromptTemplate(name)
                                                       : app::AppCore::savePromptTemplate(name, text);
        if (!s) qWarning("lectern: the template %s could not be saved: %s", name.c_str(), s.error().to_string().c_str());
    }
}

void SettingsDialog::showModel() {
    const ModelChoice c = savedModelChoice(m_prefs);
    QString text;
    if (c.remote) {
        text = tr("<b>Model on a server:</b> %1 %2<br>Tokenizer: %3")
                   .arg(c.url.toHtmlEscaped(), c.remoteModel.toHtmlEscaped(), c.tokenizer.toHtmlEscaped());
    } else if (c.path.isEmpty()) {
        text = tr("No model chosen yet.");
    } else {
        const QString context = c.nCtx == 0 ? tr("automatic (the model's own, as much as fits)")
                                            : tr("%1 tokens").arg(QLocale().toString(qlonglong(c.nCtx)));
        const QString kv = c.kvType ? kvTypeText(*c.kvType) : tr("automatic (16-bit, or 8-bit when that does not fit)");
        const QString backend = c.backend == QLatin1String("cpu")    ? tr("CPU")
                                : c.backend == QLatin1String("cuda") ? tr("GPU (CUDA)")
                                                                     : tr("automatic (GPU when there is one)");
        text = tr("<b>Model:</b> %1<br><b>Context:</b> %2<br><b>KV cache:</b> %3<br><b>Backend:</b> %4")
                   .arg(c.path.toHtmlEscaped(), context, kv, backend);
    }
    m_model->setText(text);
}

void SettingsDialog::showStorage() {
    const app::StorageUsage u = m_bridge.core().storage();
    QString text = tr("<b>Sessions and documents:</b> %1 (%2)")
                       .arg(QString::fromStdString(u.databasePath).toHtmlEscaped(), formatBytes(double(u.databaseBytes)));
    if (!u.snapshotDirectory.empty()) {
        text += tr("<br><b>Saved KV prefixes:</b> %1 (%2 in %3 files)")
                    .arg(QString::fromStdString(u.snapshotDirectory).toHtmlEscaped(),
                         formatBytes(double(u.snapshotBytes)), QLocale().toString(qlonglong(u.snapshotFiles)));
    }
    m_storage->setText(text);
    m_clearPrefixes->setEnabled(u.snapshotFiles > 0);
}

void SettingsDialog::showPrompt() {
    m_shownPrompt = m_promptName->currentData().toString();
    const QSignalBlocker block(m_prompt);
    const std::string name = m_shownPrompt.toStdString();
    m_prompt->setPlainText(QString::fromStdString(m_promptText[name]));
    const bool shipped = m_promptText[name] == m_promptShipped[name];
    m_promptState->setText(shipped ? tr("The shipped text.") : tr("Edited: the tasks use this text."));
    m_promptReset->setEnabled(!shipped);
}

void SettingsDialog::keepPromptEdit() {
    if (!m_shownPrompt.isEmpty()) m_promptText[m_shownPrompt.toStdString()] = m_prompt->toPlainText().toStdString();
}

void SettingsDialog::updateSamplingEnabled() {
    for (QWidget* w : std::initializer_list<QWidget*>{m_temperature, m_topP, m_topK, m_minP, m_repeatPenalty, m_seed})
        w->setEnabled(m_custom->isChecked());
}

}  // namespace lectern::ui
