#pragma once

#include "data/barsource.h"

#include <QString>
#include <memory>

namespace veloce {

// The file layouts the data layer reads (docs/strategy.md §1).
enum class FileFormat
{
    Auto, // decide from the header, the column count and the first row
    Klines, // Binance kline CSV, 12 columns
    AggTrades, // Binance aggTrades CSV -> 1-second bars
    Trades, // Binance trades dump -> 1-second bars
    Bars, // Veloce bar CSV t,open,high,low,close,vbuy,vsell
};

// "auto" | "klines" | "aggtrades" | "trades" | "bars" (case-insensitive; "aggTrades" works too).
// Throws DataError listing the valid names for anything else.
FileFormat parseFileFormat(const QString& name);
// The name parseFileFormat() accepts for `format`.
QString fileFormatName(FileFormat format);

// Looks at the first lines of `path` and names its layout; never returns Auto. Throws DataError
// naming the file when it cannot be read or matches no layout.
FileFormat detectFileFormat(const QString& path);

// Opens a `.csv` or `.csv.gz` file as a bar stream. Errors (missing, unreadable, empty, corrupt
// gzip, malformed row without skipBadRows) throw DataError "FILE[:LINE]: what"; the first ones
// already here, so a bad file fails before any work starts. With skipBadRows, malformed rows are
// counted in stats().skippedRows instead.
std::unique_ptr<BarSource> openBarFile(
    const QString& path, FileFormat format = FileFormat::Auto, bool skipBadRows = false);

// "BTCUSDT" for Binance dump names such as BTCUSDT-1m-2024-01-01.csv.gz or
// BTCUSDT-aggTrades-2026-01-01.csv; empty for any other name.
QString symbolFromFileName(const QString& path);

} // namespace veloce
