#include "optimizerwindow.h"

#include "sweepview.h"
#include "walkforwardview.h"

#include <QHBoxLayout>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <algorithm>

namespace veloce {

OptimizerWindow::OptimizerWindow(QWidget* setupPanel, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_sweep(new SweepView(this))
    , m_walkForward(new WalkForwardView(this))
    , m_tabs(new QTabWidget(this))
    , m_setup(new QScrollArea(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("optimizerWindow"));
    setWindowTitle(tr("Veloce \u2014 Optimizer"));
    setAttribute(Qt::WA_QuitOnClose, false);
    m_tabs->setObjectName(QStringLiteral("optimizerTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_sweep, tr("Sweep"));
    m_tabs->addTab(m_walkForward, tr("Walk-forward"));

    // The form scrolls when the window is short; it never squeezes the results.
    m_setup->setWidget(setupPanel);
    m_setup->setWidgetResizable(true);
    m_setup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_setup->setFrameShape(QFrame::NoFrame);
    m_split->addWidget(m_setup);
    m_split->addWidget(m_tabs);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);
    m_split->setCollapsible(1, false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);
    resize(1560, 960);
}

void OptimizerWindow::showSweep()
{
    m_tabs->setCurrentWidget(m_sweep);
}

void OptimizerWindow::showWalkForward()
{
    m_tabs->setCurrentWidget(m_walkForward);
}

bool OptimizerWindow::walkForwardShown() const
{
    return m_tabs->currentWidget() == m_walkForward;
}

void OptimizerWindow::present()
{
    if (!m_placed) {
        m_placed = true;
        // As wide as the form wants now that it is filled in: nothing in it is cut off.
        const QWidget* panel = m_setup->widget();
        const int form
            = std::max({ panel->sizeHint().width(), panel->minimumSizeHint().width(), panel->minimumWidth() })
            + m_setup->verticalScrollBar()->sizeHint().width() + 4;
        m_setup->setMinimumWidth(form);
        m_split->setSizes({ form, std::max(1, width() - form) });
        // Never larger than the screen it opens on; a screen about its size (1600 x 1000) it fills.
        if (const QScreen* s = screen()) {
            const QRect free = s->availableGeometry();
            if (free.width() <= width() + 120 || free.height() <= height() + 120)
                setGeometry(free);
        }
    }
    show();
    raise();
    activateWindow();
}

} // namespace veloce
