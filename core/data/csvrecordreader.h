#pragma once

#include "data/linereader.h"
#include "data/sourcestats.h"
#include "types/bar.h"

#include <QString>
#include <string>
#include <string_view>

namespace veloce {

// Common part of the CSV readers: the optional header, splitting rows into fields, and the one
// policy for malformed rows -- throw DataError "FILE:LINE: what" or, with skipBadRows, count the
// row and go on. Subclasses decode fields into records and records into bars.
class CsvRecordReader
{
public:
    static constexpr int kMaxFields = 16;

    CsvRecordReader(const QString& path, bool skipBadRows);
    virtual ~CsvRecordReader() = default;
    CsvRecordReader(const CsvRecordReader&) = delete;
    CsvRecordReader& operator=(const CsvRecordReader&) = delete;

    // The bar stream of docs/strategy.md §1, before the order check (FileBarSource does that).
    virtual bool nextBar(Bar& out) = 0;
    // Short name of the layout, for descriptions ("Binance klines").
    virtual QString formatName() const = 0;

    // rows, skippedRows and firstSkippedLine.
    void addStatsTo(SourceStats& stats) const;
    double progress() const { return m_lines.progress(); }
    const QString& path() const { return m_lines.path(); }
    bool hasHeader() const { return !m_header.empty(); }

protected:
    // Advances to the next data row (blank lines are ignored) and splits it; false at the end.
    bool nextRow();
    int fieldCount() const { return m_fieldCount; }
    std::string_view field(int i) const { return m_fields[i]; }
    // The header line, empty when the file has none.
    const std::string& header() const { return m_header; }
    int headerFieldCount() const;
    std::int64_t headerLine() const { return m_headerLine; }
    std::int64_t lineNumber() const { return m_lines.lineNumber(); }

    // A malformed current row: throws, or counts it when skipping. Callers `continue` after it.
    void reject(const QString& what);
    // A malformed file (e.g. a header of another format): always throws "FILE:LINE: what".
    [[noreturn]] void fail(std::int64_t line, const QString& what) const;

    // Strict field decoders that reject the row with a message naming the column.
    bool doubleField(int i, const char* name, double& out);
    bool intField(int i, const char* name, std::int64_t& out);
    bool boolField(int i, const char* name, bool& out);
    // A time in s, ms, µs or ns (BarLimits::timeToMs) -> ms.
    bool timeField(int i, const char* name, std::int64_t& ms);
    bool columnCount(int expected, const char* layout);
    bool columnCount(int minimum, int maximum, const char* layout);
    // OHLC positive, inside BarLimits' price range and consistent (low <= open, close <= high).
    bool ohlcValid(double open, double high, double low, double close);
    // A price inside BarLimits' range.
    bool priceValid(const char* name, double v);
    // A volume or quantity in [0, BarLimits::kMaxVolume].
    bool volumeValid(const char* name, double v);
    // Shortest round-trip text of a number, for messages.
    static QString num(double v);

private:
    LineReader m_lines;
    bool m_skipBadRows = false;
    std::string m_header;
    std::int64_t m_headerLine = 0;
    bool m_pendingFirst = false; // the first data line was read while looking for the header
    std::string_view m_line;
    std::string_view m_fields[kMaxFields];
    int m_fieldCount = 0;
    std::int64_t m_rows = 0;
    std::int64_t m_skipped = 0;
    std::int64_t m_firstSkippedLine = 0;
};

} // namespace veloce
