// Accessibility events, to Qt or to a test's sink (see accessibility_events.h).
#include "accessibility_events.h"

#include <QAccessible>

namespace lectern::ui {
namespace {

AccessibilityEventSink g_sink = nullptr;

}  // namespace

void sendAccessibilityEvent(QAccessibleEvent* event) {
    if (g_sink) g_sink(event);
    else QAccessible::updateAccessibility(event);
}

void setAccessibilityEventSink(AccessibilityEventSink sink) { g_sink = sink; }

}  // namespace lectern::ui
