#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <string>
#include <vector>

// Reads the research outputs of a sweep folder the way a script would: CSV rows as column -> text
// (the grids in these tests hold no commas), JSON with Qt's own parser.
namespace SweepFiles {

// "a b c" -> {"a", "b", "c"}: expected lists, written compactly.
inline QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

struct Table
{
    QStringList header;
    std::vector<std::map<std::string, QString>> rows; // column name -> cell
};

inline Table readCsv(const QString& path)
{
    Table t;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return t;
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return t;
    t.header = lines.takeFirst().split(QLatin1Char(','));
    for (const QString& line : lines) {
        const QStringList cells = line.split(QLatin1Char(','));
        std::map<std::string, QString> row;
        for (int i = 0; i < t.header.size() && i < cells.size(); ++i)
            row[t.header[i].toStdString()] = cells[i];
        t.rows.push_back(row);
    }
    return t;
}

inline QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// summary.json flattened as sweep.csv names its columns (phase_activity.squeeze, ...).
inline std::map<QString, QJsonValue> flatten(const QJsonObject& o, const QString& prefix = QString())
{
    std::map<QString, QJsonValue> out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isObject()) {
            const auto inner = flatten(it.value().toObject(), prefix + it.key() + QLatin1Char('.'));
            out.insert(inner.begin(), inner.end());
        } else {
            out[prefix + it.key()] = it.value();
        }
    }
    return out;
}

// The rows of two sweep.csv files are equal in every column but the timings.
inline QString sameRows(const Table& a, const Table& b)
{
    if (a.header != b.header)
        return QStringLiteral("headers differ");
    if (a.rows.size() != b.rows.size())
        return QStringLiteral("%1 rows vs %2").arg(a.rows.size()).arg(b.rows.size());
    for (std::size_t r = 0; r < a.rows.size(); ++r)
        for (const QString& column : a.header)
            if (column != QLatin1String("elapsed_ms") && column != QLatin1String("bars_per_second")
                && a.rows[r].at(column.toStdString()) != b.rows[r].at(column.toStdString()))
                return QStringLiteral("row %1, %2: %3 vs %4")
                    .arg(r)
                    .arg(column, a.rows[r].at(column.toStdString()), b.rows[r].at(column.toStdString()));
    return QString();
}

} // namespace SweepFiles
