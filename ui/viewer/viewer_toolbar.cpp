// ViewerToolbar: plain tool buttons with themed icons where the desktop has them and text
// where it does not; the page box commits on Enter, not on every digit typed.
#include "viewer_toolbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace lectern::ui {

ViewerToolbar::ViewerToolbar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(4);

    m_previous = addButton(tr("Previous"), tr("Previous page"), tr("Previous page (PageUp)"));
    m_previous->setIcon(QIcon::fromTheme(QStringLiteral("go-up"), style()->standardIcon(QStyle::SP_ArrowUp)));
    m_next = addButton(tr("Next"), tr("Next page"), tr("Next page (PageDown)"));
    m_next->setIcon(QIcon::fromTheme(QStringLiteral("go-down"), style()->standardIcon(QStyle::SP_ArrowDown)));
    m_page = new QSpinBox(this);
    m_page->setAccessibleName(tr("Page number"));
    m_page->setToolTip(tr("Page number: type one and press Enter"));
    m_page->setKeyboardTracking(false);
    m_page->setPrefix(tr("Page "));
    m_page->setRange(0, 0);

    m_title = new QLabel(this);
    m_title->setAccessibleName(tr("Document title"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(40);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->installEventFilter(this);  // the title is elided to the label's width

    m_zoomOut = addButton(QStringLiteral("−"), tr("Zoom out"), tr("Zoom out (Ctrl+-)"));
    m_zoomOut->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setAccessibleName(tr("Zoom level"));
    m_zoomLabel->setToolTip(tr("Zoom level (Ctrl+0: 100%)"));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888%")));
    m_zoomIn = addButton(QStringLiteral("+"), tr("Zoom in"), tr("Zoom in (Ctrl+=)"));
    m_zoomIn->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    m_fitWidth = addButton(tr("Fit width"), tr("Fit width"), tr("Fit the page to the width of the view"));
    m_fitWidth->setIcon(QIcon::fromTheme(QStringLiteral("zoom-fit-width")));

    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_page);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_zoomOut);
    layout->addWidget(m_zoomLabel);
    layout->addWidget(m_zoomIn);
    layout->addWidget(m_fitWidth);

    connect(m_previous, &QToolButton::clicked, this, &ViewerToolbar::previousClicked);
    connect(m_next, &QToolButton::clicked, this, &ViewerToolbar::nextClicked);
    connect(m_page, &QSpinBox::valueChanged, this, [this](int page) {
        if (page > 0)
            emit pageEntered(page);
    });
    connect(m_zoomOut, &QToolButton::clicked, this, &ViewerToolbar::zoomOutClicked);
    connect(m_zoomIn, &QToolButton::clicked, this, &ViewerToolbar::zoomInClicked);
    connect(m_fitWidth, &QToolButton::clicked, this, &ViewerToolbar::fitWidthClicked);
    setPage(0, 0);
    setZoom(1.0);
}

QToolButton* ViewerToolbar::addButton(const QString& text, const QString& accessibleName, const QString& toolTip) {
    auto* button = new QToolButton(this);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    return button;
}

void ViewerToolbar::setTitle(const QString& title) {
    m_fullTitle = title;
    m_title->setToolTip(title);
    updateTitle();
}

void ViewerToolbar::setPageControlsVisible(bool visible) {
    m_previous->setVisible(visible);
    m_next->setVisible(visible);
    m_page->setVisible(visible);
    m_fitWidth->setVisible(visible);
}

void ViewerToolbar::setPage(int page, int pageCount) {
    const QSignalBlocker blocker(m_page);
    m_page->setRange(pageCount > 0 ? 1 : 0, std::max(0, pageCount));
    m_page->setSuffix(tr(" of %1").arg(pageCount));
    m_page->setValue(page);
    m_page->setEnabled(pageCount > 0);
    m_previous->setEnabled(page > 1);
    m_next->setEnabled(page < pageCount);
}

void ViewerToolbar::setZoom(double factor) {
    m_zoomLabel->setText(tr("%1%").arg(std::lround(factor * 100.0)));
}

bool ViewerToolbar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_title && event->type() == QEvent::Resize)
        updateTitle();
    return QWidget::eventFilter(watched, event);
}

void ViewerToolbar::updateTitle() {
    const int width = std::max(0, m_title->width() - 4);
    m_title->setText(m_title->fontMetrics().elidedText(m_fullTitle, Qt::ElideMiddle, width));
}

}  // namespace lectern::ui
