// Preferences over the core's settings store (see preferences.h).
#include "preferences.h"

#include <QRandomGenerator>
#include <QSettings>
#include <QtGlobal>

namespace lectern::ui {
namespace {

// The sections this class owns: Reset removes every key in them.
const char* const kSections[] = {"ui/", "model/", "models/", "remote/", "answers/", "ocr/", "guard/"};

}  // namespace

SamplerOptions AnswerPreferences::samplingFor(app::TaskKind kind) const {
    if (!custom) return app::defaultSampling(kind);
    SamplerOptions o;
    o.temperature = temperature;
    o.top_p = topP;
    o.top_k = topK;
    o.min_p = minP;
    o.repeat_penalty = repeatPenalty;
    // 0: a new draw for every answer (the sampler repeats itself for a given seed).
    o.seed = seed != 0 ? seed : QRandomGenerator::global()->generate64();
    return o;
}

QString Preferences::value(const QString& key, const QString& fallback) const {
    auto v = m_core.setting(key.toStdString());
    if (!v) {
        qWarning("lectern: the setting %s could not be read: %s", qPrintable(key), v.error().to_string().c_str());
        return fallback;
    }
    return v->has_value() ? QString::fromStdString(**v) : fallback;
}

std::int64_t Preferences::integer(const QString& key, std::int64_t fallback) const {
    bool ok = false;
    const std::int64_t n = value(key).toLongLong(&ok);
    return ok ? n : fallback;
}

double Preferences::real(const QString& key, double fallback) const {
    bool ok = false;
    const double x = value(key).toDouble(&ok);
    return ok ? x : fallback;
}

void Preferences::setValue(const QString& key, const QString& value) {
    if (auto s = m_core.setSetting(key.toStdString(), value.toStdString()); !s)
        qWarning("lectern: the setting %s could not be saved: %s", qPrintable(key), s.error().to_string().c_str());
}

void Preferences::remove(const QString& key) {
    if (auto s = m_core.removeSetting(key.toStdString()); !s)
        qWarning("lectern: the setting %s could not be removed: %s", qPrintable(key), s.error().to_string().c_str());
}

AnswerPreferences Preferences::answers() const {
    AnswerPreferences a;
    a.custom = integer(QStringLiteral("answers/custom"), 0) != 0;
    a.temperature = float(real(QStringLiteral("answers/temperature"), a.temperature));
    a.topP = float(real(QStringLiteral("answers/topP"), a.topP));
    a.topK = int(integer(QStringLiteral("answers/topK"), a.topK));
    a.minP = float(real(QStringLiteral("answers/minP"), a.minP));
    a.repeatPenalty = float(real(QStringLiteral("answers/repeatPenalty"), a.repeatPenalty));
    a.seed = static_cast<std::uint64_t>(integer(QStringLiteral("answers/seed"), 0));
    a.maxTokens = integer(QStringLiteral("answers/maxTokens"), a.maxTokens);
    return a;
}

void Preferences::setAnswers(const AnswerPreferences& a) {
    setValue(QStringLiteral("answers/custom"), a.custom ? 1 : 0);
    setValue(QStringLiteral("answers/temperature"), QString::number(double(a.temperature)));
    setValue(QStringLiteral("answers/topP"), QString::number(double(a.topP)));
    setValue(QStringLiteral("answers/topK"), a.topK);
    setValue(QStringLiteral("answers/minP"), QString::number(double(a.minP)));
    setValue(QStringLiteral("answers/repeatPenalty"), QString::number(double(a.repeatPenalty)));
    setValue(QStringLiteral("answers/seed"), static_cast<std::int64_t>(a.seed));
    setValue(QStringLiteral("answers/maxTokens"), a.maxTokens);
}

void Preferences::resetAll() {
    auto all = m_core.settings();
    if (!all) {
        qWarning("lectern: the settings could not be read: %s", all.error().to_string().c_str());
        return;
    }
    for (const auto& [key, v] : *all)
        for (const char* section : kSections)
            if (key.rfind(section, 0) == 0) remove(QString::fromStdString(key));
}

void Preferences::importModelChoice(const QSettings& legacy) {
    if (!value(QStringLiteral("model/kind")).isEmpty() || !value(QStringLiteral("model/path")).isEmpty()) return;
    for (const char* key : {"model/kind", "model/path", "model/context", "model/kv", "model/backend", "remote/url",
                            "remote/model", "remote/keyFile", "remote/tokenizer"}) {
        const QString k = QString::fromLatin1(key);
        if (legacy.contains(k)) setValue(k, legacy.value(k).toString());
    }
}

}  // namespace lectern::ui
