#include "theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QPalette>
#include <QStyleFactory>

namespace veloce {

void Theme::apply(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, panel());
    p.setColor(QPalette::WindowText, text());
    p.setColor(QPalette::Base, background());
    p.setColor(QPalette::AlternateBase, QColor(0x1f, 0x23, 0x30));
    p.setColor(QPalette::ToolTipBase, raised());
    p.setColor(QPalette::ToolTipText, text());
    p.setColor(QPalette::Text, text());
    p.setColor(QPalette::PlaceholderText, mutedText());
    p.setColor(QPalette::Button, raised());
    p.setColor(QPalette::ButtonText, text());
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent().lighter(130));
    p.setColor(QPalette::Mid, border());
    p.setColor(QPalette::Dark, background());
    p.setColor(QPalette::Light, raised().lighter(130));
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, mutedText().darker(130));
    app.setPalette(p);
    app.setStyleSheet(QStringLiteral(R"(
QMainWindow::separator { background: #131722; width: 4px; height: 4px; }
QDockWidget { color: #d1d4dc; font-weight: 600; }
QDockWidget::title { background: #1b1f2b; padding: 5px 8px; border-bottom: 1px solid #2a2e39; }
QToolBar { background: #1b1f2b; border: none; border-bottom: 1px solid #2a2e39; spacing: 6px; padding: 3px; }
QStatusBar { background: #1b1f2b; border-top: 1px solid #2a2e39; }
QStatusBar QLabel { padding: 0 8px; }
QTabWidget::pane { border: 1px solid #2a2e39; top: -1px; }
QTabBar::tab { background: #1b1f2b; color: #878b96; padding: 6px 14px; border: 1px solid #2a2e39;
               border-bottom: none; margin-right: 1px; }
QTabBar::tab:selected { background: #131722; color: #d1d4dc; border-top: 2px solid #2962ff; }
QHeaderView::section { background: #1b1f2b; color: #878b96; padding: 4px 6px; border: none;
                       border-right: 1px solid #2a2e39; border-bottom: 1px solid #2a2e39; }
QTableView { gridline-color: #2a2e39; selection-background-color: #2a3a66; border: none; }
QToolButton:checked { background: #2962ff; color: white; border-radius: 3px; }
QToolButton { padding: 3px 8px; }
QProgressBar { border: 1px solid #363a45; border-radius: 3px; background: #131722; text-align: center; }
QProgressBar::chunk { background: #2962ff; }
QGroupBox { border: 1px solid #2a2e39; border-radius: 4px; margin-top: 14px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; color: #878b96; }
)"));
}

QColor Theme::level(double fraction)
{
    if (fraction <= 0)
        return QColor(0x4a, 0x4e, 0x59);
    if (fraction < 0.34)
        return accent();
    if (fraction < 0.67)
        return warning();
    return up();
}

void Theme::styleChart(QChart* chart)
{
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundBrush(background());
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundBrush(background());
    chart->setPlotAreaBackgroundVisible(true);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
}

void Theme::styleAxis(QAbstractAxis* axis)
{
    axis->setLabelsColor(mutedText());
    axis->setGridLineColor(grid());
    axis->setLinePenColor(border());
    axis->setMinorGridLineVisible(false);
    QFont f = axis->labelsFont();
    f.setPointSizeF(8.5);
    axis->setLabelsFont(f);
}

} // namespace veloce
