#pragma once

#include <QWidget>

class QScrollArea;
class QSplitter;
class QTabWidget;

namespace veloce {

class SweepView;
class WalkForwardView;

// The Optimizer's own window (a second screen is where it belongs): the app's setup panel on the
// left, and on the right the sweep's result (heatmap, best configuration with its overfitting
// check, results table) and the walk-forward view as tabs. It does not quit the application when
// closed; closing the main window closes it.
class OptimizerWindow : public QWidget
{
    Q_OBJECT
public:
    explicit OptimizerWindow(QWidget* setupPanel, QWidget* parent = nullptr);

    SweepView* sweepView() const { return m_sweep; }
    WalkForwardView* walkForwardView() const { return m_walkForward; }
    void showSweep();
    void showWalkForward();
    bool walkForwardShown() const;
    // Shows, raises and activates the window, sized to its screen the first time.
    void present();

private:
    SweepView* m_sweep;
    WalkForwardView* m_walkForward;
    QTabWidget* m_tabs;
    QScrollArea* m_setup;
    QSplitter* m_split;
    bool m_placed = false;
};

} // namespace veloce
