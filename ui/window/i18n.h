// The window's languages: English (the source text) and the translations shipped in
// ui/translations (embedded under :/i18n), with Qt's own for its standard dialogs. Arabic
// turns the whole application right-to-left. The choice is the setting "ui/language" (empty:
// the system's locale, when a shipped language matches it).
#pragma once

#include <QString>
#include <QStringList>

namespace lectern::ui {

// "en", "de", "fr", "es", "zh_CN", "ar".
QStringList shippedLanguages();
// The language's own name ("Deutsch", "中文（简体）", "العربية").
QString languageName(const QString& code);
// The shipped language closest to the system's UI languages; "en" when none matches.
QString systemLanguage();
// The setting ("ui/language" of the preferences), or the system's language when it is empty
// or not shipped.
QString chosenLanguage(const QString& setting);
// Installs `code`'s translators in the application (replacing the ones installed before)
// and its layout direction. False when the language is not shipped; English always works.
bool installLanguage(const QString& code);
// Installs the pseudo-translation instead (pseudo_translation.h): what a check for
// untranslated and clipped text runs with. installLanguage() takes it out again.
void installPseudoTranslation();
// The language installed now.
QString installedLanguage();

}  // namespace lectern::ui
