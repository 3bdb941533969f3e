#pragma once

#include <QColor>

class QAbstractAxis;
class QApplication;
class QChart;

namespace veloce {

// The dark look of the workstation in one place: palette, style sheet and chart colours, so that
// every view agrees and a light theme would be a change to this file only.
class Theme
{
public:
    // Fusion style, dark palette and the application style sheet.
    static void apply(QApplication& app);

    static QColor background() { return QColor(0x13, 0x17, 0x22); }
    static QColor panel() { return QColor(0x1b, 0x1f, 0x2b); }
    static QColor raised() { return QColor(0x24, 0x29, 0x36); }
    static QColor grid() { return QColor(0x2a, 0x2e, 0x39); }
    static QColor border() { return QColor(0x36, 0x3a, 0x45); }
    static QColor text() { return QColor(0xd1, 0xd4, 0xdc); }
    static QColor mutedText() { return QColor(0x87, 0x8b, 0x96); }
    static QColor up() { return QColor(0x26, 0xa6, 0x9a); }
    static QColor down() { return QColor(0xef, 0x53, 0x50); }
    static QColor accent() { return QColor(0x29, 0x62, 0xff); }
    static QColor warning() { return QColor(0xf0, 0xb9, 0x0b); }
    static QColor kill() { return QColor(0xd3, 0x2f, 0x2f); }
    // Colour for a value on a 0..1 scale of "how strong": grey, then blue, amber, green.
    static QColor level(double fraction);

    // Background, plot area, grid and label colours of a chart, legend hidden, tight margins.
    static void styleChart(QChart* chart);
    static void styleAxis(QAbstractAxis* axis);
};

} // namespace veloce
