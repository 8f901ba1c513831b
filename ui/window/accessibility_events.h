// What the window tells assistive technology as it happens (streamed text, a finished job):
// sendAccessibilityEvent passes the event to Qt's accessibility bridge, which hands it to a
// screen reader when one is running. A test installs a sink to see the events instead (Qt
// drops them when no assistive technology is active, as on the offscreen platform).
#pragma once

class QAccessibleEvent;

namespace lectern::ui {

using AccessibilityEventSink = void (*)(QAccessibleEvent* event);

void sendAccessibilityEvent(QAccessibleEvent* event);
// Tests: every event goes to `sink` instead (null: to Qt again).
void setAccessibilityEventSink(AccessibilityEventSink sink);

}  // namespace lectern::ui
