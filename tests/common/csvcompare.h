#pragma once

#include <QFile>
#include <QString>
#include <QStringList>
#include <cmath>

// Compares two CSV files cell by cell: numbers within a relative tolerance, text exactly.
// Returns an empty string when equal, else the first difference, phrased for a test failure.
namespace CsvCompare {

inline bool readLines(const QString& path, QStringList& lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return true;
}

inline bool numbersClose(double a, double b, double rel)
{
    if (a == b)
        return true;
    return std::fabs(a - b) <= rel * std::max({ std::fabs(a), std::fabs(b), 1e-300 });
}

inline QString compare(const QString& actualPath, const QString& expectedPath, double rel = 1e-9)
{
    QStringList a, e;
    if (!readLines(actualPath, a))
        return QStringLiteral("cannot read %1").arg(actualPath);
    if (!readLines(expectedPath, e))
        return QStringLiteral("cannot read %1").arg(expectedPath);
    if (a.size() != e.size())
        return QStringLiteral("%1 has %2 lines, expected %3").arg(actualPath).arg(a.size()).arg(e.size());
    for (int i = 0; i < a.size(); ++i) {
        const QStringList ca = a[i].split(QLatin1Char(','));
        const QStringList ce = e[i].split(QLatin1Char(','));
        if (ca.size() != ce.size())
            return QStringLiteral("line %1: %2 cells vs %3").arg(i + 1).arg(ca.size()).arg(ce.size());
        for (int c = 0; c < ca.size(); ++c) {
            bool okA = false, okE = false;
            const double va = ca[c].toDouble(&okA);
            const double ve = ce[c].toDouble(&okE);
            const bool same = (okA && okE) ? numbersClose(va, ve, rel) : ca[c] == ce[c];
            if (!same)
                return QStringLiteral(
                    "line %1, column %2: got \"%3\", expected \"%4\"\n  got:      %5\n  expected: %6")
                    .arg(i + 1)
                    .arg(c + 1)
                    .arg(ca[c], ce[c], a[i], e[i]);
        }
    }
    return {};
}

} // namespace CsvCompare
