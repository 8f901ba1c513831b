// Light or dark: the window follows the system's choice (a dark platform palette, or GNOME's
// "prefer-dark" colour scheme) unless the preference "ui/appearance" says "light" or "dark".
// Both palettes are Lectern's own, so every pair of text and background it draws with has a
// contrast of at least 4.5:1 (WCAG AA); contrastRatio measures it.
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace lectern::ui {

QPalette lightPalette();
QPalette darkPalette();
// Whether the desktop asks for dark windows.
bool systemPrefersDark();
// Applies "light", "dark" or "" (the system's) to the application; returns whether it is dark.
bool applyAppearance(const QString& setting);
bool darkAppearance();

// Text that reports an error or a refusal, readable on `palette`'s base colour.
QColor errorTextColor(const QPalette& palette);
// A passage marked in a document (a citation's words), and the text drawn on it.
QColor markBackground();
QColor markText();

// WCAG 2 contrast ratio of two opaque colours: 1 (same) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);

}  // namespace lectern::ui
