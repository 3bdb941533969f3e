#include "data/csvrecordreader.h"

#include "data/csvfields.h"
#include "data/dataerror.h"
#include "types/barlimits.h"

#include <QLocale>

namespace veloce {

namespace {
QString quoted(std::string_view s)
{
    constexpr std::size_t kMax = 40; // keep messages readable when a field is binary junk
    QString text = QString::fromUtf8(s.data(), qsizetype(std::min(s.size(), kMax)));
    if (s.size() > kMax)
        text += QStringLiteral("...");
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}
} // namespace

CsvRecordReader::CsvRecordReader(const QString& path, bool skipBadRows)
    : m_lines(path)
    , m_skipBadRows(skipBadRows)
{
    // Read up to the first data line now, so that an empty, binary or corrupt file fails when it
    // is opened rather than somewhere inside a backtest.
    std::string_view line;
    bool found = false;
    while (m_lines.next(line)) {
        if (!csv::trimmed(line).empty()) {
            found = true;
            break;
        }
    }
    if (!found)
        throw DataError(QStringLiteral("%1: the file is empty").arg(path));
    if (csv::looksLikeHeader(line)) {
        m_header.assign(line);
        m_headerLine = m_lines.lineNumber();
        found = false;
        while (m_lines.next(line)) {
            if (!csv::trimmed(line).empty()) {
                found = true;
                break;
            }
        }
        if (!found)
            fail(m_headerLine, QStringLiteral("the file has a header but no data rows"));
    }
    m_line = line; // stays valid: the reader is not advanced again before nextRow()
    m_pendingFirst = true;
}

QString CsvRecordReader::num(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

void CsvRecordReader::addStatsTo(SourceStats& stats) const
{
    stats.rows += m_rows;
    stats.skippedRows += m_skipped;
    if (m_skipped > 0 && stats.firstSkippedLine == 0)
        stats.firstSkippedLine = m_firstSkippedLine;
}

bool CsvRecordReader::nextRow()
{
    if (m_pendingFirst) {
        m_pendingFirst = false;
    } else {
        do {
            if (!m_lines.next(m_line))
                return false;
        } while (m_line.empty() || ((m_line[0] == ' ' || m_line[0] == '\t') && csv::trimmed(m_line).empty()));
    }
    ++m_rows;
    m_fieldCount = csv::split(m_line, m_fields, kMaxFields);
    return true;
}

int CsvRecordReader::headerFieldCount() const
{
    if (m_header.empty())
        return 0;
    std::string_view dummy[kMaxFields];
    return csv::split(m_header, dummy, kMaxFields);
}

void CsvRecordReader::reject(const QString& what)
{
    if (!m_skipBadRows)
        fail(m_lines.lineNumber(), what);
    if (m_skipped++ == 0)
        m_firstSkippedLine = m_lines.lineNumber();
}

void CsvRecordReader::fail(std::int64_t line, const QString& what) const
{
    throw DataError(QStringLiteral("%1:%2: %3").arg(m_lines.path()).arg(line).arg(what));
}

bool CsvRecordReader::doubleField(int i, const char* name, double& out)
{
    if (csv::toDouble(m_fields[i], out))
        return true;
    reject(QStringLiteral("%1 %2 is not a number").arg(QLatin1String(name), quoted(m_fields[i])));
    return false;
}

bool CsvRecordReader::intField(int i, const char* name, std::int64_t& out)
{
    if (csv::toInt(m_fields[i], out))
        return true;
    reject(QStringLiteral("%1 %2 is not an integer").arg(QLatin1String(name), quoted(m_fields[i])));
    return false;
}

bool CsvRecordReader::boolField(int i, const char* name, bool& out)
{
    if (csv::toBool(m_fields[i], out))
        return true;
    reject(QStringLiteral("%1 %2 is not a boolean (True/False, true/false or 1/0)")
               .arg(QLatin1String(name), quoted(m_fields[i])));
    return false;
}

bool CsvRecordReader::timeField(int i, const char* name, std::int64_t& ms)
{
    std::int64_t raw = 0;
    if (!intField(i, name, raw))
        return false;
    if (BarLimits::timeToMs(raw, ms))
        return true;
    reject(QStringLiteral("%1 %2 is not a time since 1970 in seconds, milliseconds, microseconds or "
                          "nanoseconds (told apart by size; dates from 2001-09-09 on)")
               .arg(QLatin1String(name))
               .arg(raw));
    return false;
}

bool CsvRecordReader::priceValid(const char* name, double v)
{
    if (BarLimits::priceInRange(v))
        return true;
    reject(QStringLiteral("%1 %2 is outside the supported price range [%3, %4]")
               .arg(QLatin1String(name), num(v), num(BarLimits::kMinPrice), num(BarLimits::kMaxPrice)));
    return false;
}

bool CsvRecordReader::volumeValid(const char* name, double v)
{
    if (v < 0) {
        reject(QStringLiteral("%1 %2 is negative").arg(QLatin1String(name), num(v)));
        return false;
    }
    if (!BarLimits::volumeInRange(v)) {
        reject(QStringLiteral("%1 %2 is above the supported maximum %3")
                   .arg(QLatin1String(name), num(v), num(BarLimits::kMaxVolume)));
        return false;
    }
    return true;
}

bool CsvRecordReader::columnCount(int expected, const char* layout)
{
    return columnCount(expected, expected, layout);
}

bool CsvRecordReader::columnCount(int minimum, int maximum, const char* layout)
{
    if (m_fieldCount >= minimum && m_fieldCount <= maximum)
        return true;
    const QString want = minimum == maximum ? QString::number(minimum)
                                            : QStringLiteral("%1 or %2").arg(minimum).arg(maximum);
    reject(QStringLiteral("expected %1 columns (%2), found %3")
               .arg(want, QLatin1String(layout))
               .arg(m_fieldCount));
    return false;
}

bool CsvRecordReader::ohlcValid(double open, double high, double low, double close)
{
    if (!(open > 0 && high > 0 && low > 0 && close > 0)) {
        reject(QStringLiteral("prices must be positive (open %1, high %2, low %3, close %4)")
                   .arg(num(open))
                   .arg(num(high))
                   .arg(num(low))
                   .arg(num(close)));
        return false;
    }
    if (!priceValid("open", open) || !priceValid("high", high) || !priceValid("low", low)
        || !priceValid("close", close))
        return false;
    if (high < low) {
        reject(QStringLiteral("high %1 is below low %2").arg(num(high)).arg(num(low)));
        return false;
    }
    if (high < open || high < close) {
        reject(QStringLiteral("high %1 is below open %2 or close %3")
                   .arg(num(high))
                   .arg(num(open))
                   .arg(num(close)));
        return false;
    }
    if (low > open || low > close) {
        reject(QStringLiteral("low %1 is above open %2 or close %3")
                   .arg(num(low))
                   .arg(num(open))
                   .arg(num(close)));
        return false;
    }
    return true;
}

} // namespace veloce
