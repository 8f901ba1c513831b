// ViewerToolbar: the row above the document: previous/next page and a "Page N of M" box
// (PDF only), the document's title, and zoom out / percent / zoom in / fit width. It only
// shows state and reports clicks; DocumentViewer decides what they do.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QSpinBox;
class QToolButton;

namespace lectern::ui {

class ViewerToolbar : public QWidget {
    Q_OBJECT
public:
    explicit ViewerToolbar(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    // Page buttons and the page box (PDF mode); fit width goes with them.
    void setPageControlsVisible(bool visible);
    void setPage(int page, int pageCount);
    void setZoom(double factor);

signals:
    void previousClicked();
    void nextClicked();
    void pageEntered(int page);
    void zoomOutClicked();
    void zoomInClicked();
    void fitWidthClicked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QToolButton* addButton(const QString& text, const QString& accessibleName, const QString& toolTip);
    void updateTitle();

    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QSpinBox* m_page = nullptr;
    QLabel* m_title = nullptr;
    QToolButton* m_zoomOut = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QToolButton* m_zoomIn = nullptr;
    QToolButton* m_fitWidth = nullptr;
    QString m_fullTitle;
};

}  // namespace lectern::ui
