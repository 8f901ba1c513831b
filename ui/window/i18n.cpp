// Loading the window's translations (see i18n.h).
#include "i18n.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

#include "pseudo_translation.h"

namespace lectern::ui {
namespace {

// The translators installed now: Lectern's, then Qt's (standard buttons, file dialogs).
struct Installed {
    QString code = QStringLiteral("en");
    std::unique_ptr<QTranslator> lectern;
    std::unique_ptr<QTranslator> qt;
};

Installed& installed() {
    static Installed i;
    return i;
}

}  // namespace

QStringList shippedLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"),
            QStringLiteral("es"), QStringLiteral("zh_CN"), QStringLiteral("ar")};
}

QString languageName(const QString& code) {
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (code == QLatin1String("zh_CN")) name += QStringLiteral("（简体）");
    if (name.isEmpty()) return code;
    return name.left(1).toUpper() + name.mid(1);
}

QString systemLanguage() {
    const QStringList shipped = shippedLanguages();
    for (QString ui : QLocale::system().uiLanguages()) {
        ui.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (shipped.contains(ui)) return ui;
        const QString language = ui.section(QLatin1Char('_'), 0, 0);
        // Chinese in any region reads the simplified translation; other languages their own.
        if (language == QLatin1String("zh")) return QStringLiteral("zh_CN");
        if (shipped.contains(language)) return language;
    }
    return QStringLiteral("en");
}

QString chosenLanguage(const QString& setting) {
    return shippedLanguages().contains(setting) ? setting : systemLanguage();
}

bool installLanguage(const QString& code) {
    if (!shippedLanguages().contains(code) && code != QLatin1String("pseudo")) return false;
    if (code == QLatin1String("pseudo")) {
        installPseudoTranslation();
        return true;
    }
    Installed& i = installed();
    if (i.lectern) QCoreApplication::removeTranslator(i.lectern.get());
    if (i.qt) QCoreApplication::removeTranslator(i.qt.get());
    i.lectern.reset();
    i.qt.reset();
    if (code != QLatin1String("en")) {
        auto lectern = std::make_unique<QTranslator>();
        if (!lectern->load(QStringLiteral(":/i18n/lectern_%1.qm").arg(code))) return false;
        QCoreApplication::installTranslator(lectern.get());
        i.lectern = std::move(lectern);
        // Qt's own strings (the buttons of standard dialogs); missing ones stay English.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
            qt->load(QStringLiteral("qtbase_%1").arg(code.section(QLatin1Char('_'), 0, 0)),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            i.qt = std::move(qt);
        }
    }
    i.code = code;
    QLocale::setDefault(QLocale(code));
    QGuiApplication::setLayoutDirection(code == QLatin1String("ar") ? Qt::RightToLeft : Qt::LeftToRight);
    return true;
}

void installPseudoTranslation() {
    installLanguage(QStringLiteral("en"));
    Installed& i = installed();
    i.lectern = std::make_unique<PseudoTranslator>();
    QCoreApplication::installTranslator(i.lectern.get());
    i.code = QStringLiteral("pseudo");
}

QString installedLanguage() { return installed().code; }

}  // namespace lectern::ui
