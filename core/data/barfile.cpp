#include "data/barfile.h"

#include "data/barrowreader.h"
#include "data/csvfields.h"
#include "data/dataerror.h"
#include "data/filebarsource.h"
#include "data/klinereader.h"
#include "data/linereader.h"
#include "data/tradereader.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace veloce {

FileFormat parseFileFormat(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("auto"))
        return FileFormat::Auto;
    if (n == QLatin1String("klines") || n == QLatin1String("kline"))
        return FileFormat::Klines;
    if (n == QLatin1String("aggtrades"))
        return FileFormat::AggTrades;
    if (n == QLatin1String("trades"))
        return FileFormat::Trades;
    if (n == QLatin1String("bars"))
        return FileFormat::Bars;
    throw DataError(
        QStringLiteral("unknown file format '%1' (use auto, klines, aggtrades, trades or bars)").arg(name));
}

QString fileFormatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Auto:
        return QStringLiteral("auto");
    case FileFormat::Klines:
        return QStringLiteral("klines");
    case FileFormat::AggTrades:
        return QStringLiteral("aggtrades");
    case FileFormat::Trades:
        return QStringLiteral("trades");
    case FileFormat::Bars:
        return QStringLiteral("bars");
    }
    return {};
}

namespace {

FileFormat formatFromHeader(std::string_view header, int columns)
{
    const QString h = QString::fromUtf8(header.data(), qsizetype(header.size())).toLower();
    const QString first = h.section(QLatin1Char(','), 0, 0).trimmed().remove(QLatin1Char('"'));
    if (h.contains(QLatin1String("open_time")) || (columns == 12 && h.contains(QLatin1String("taker"))))
        return FileFormat::Klines;
    if (h.contains(QLatin1String("agg_trade_id")) || h.contains(QLatin1String("first_trade_id")))
        return FileFormat::AggTrades;
    if (h.contains(QLatin1String("quote_qty"))
        || (first == QLatin1String("id") && (columns == 6 || columns == 7)))
        return FileFormat::Trades;
    if (first == QLatin1String("t") && columns == 7)
        return FileFormat::Bars;
    return FileFormat::Auto;
}

FileFormat formatFromRow(const std::string_view* f, int columns)
{
    switch (columns) {
    case 12:
        return FileFormat::Klines;
    case 8:
        return FileFormat::AggTrades;
    case 7:
        // trades: ...,time,is_buyer_maker,is_best_match; aggTrades without is_best_match:
        // ...,transact_time,is_buyer_maker; bars end in two volumes.
        if (csv::isBoolWord(f[6]))
            return csv::isBoolWord(f[5]) ? FileFormat::Trades : FileFormat::AggTrades;
        return FileFormat::Bars;
    case 6:
        return csv::isBoolWord(f[5]) ? FileFormat::Trades : FileFormat::Auto;
    default:
        return FileFormat::Auto;
    }
}

} // namespace

FileFormat detectFileFormat(const QString& path)
{
    LineReader lines(path, std::size_t(1) << 16);
    std::string_view line;
    while (lines.next(line)) {
        if (csv::trimmed(line).empty())
            continue;
        std::string_view fields[16];
        const int columns = csv::split(line, fields, 16);
        const bool header = csv::looksLikeHeader(line);
        const FileFormat format = header ? formatFromHeader(line, columns) : formatFromRow(fields, columns);
        if (format != FileFormat::Auto)
            return format;
        const QString text
            = QString::fromUtf8(line.data(), qsizetype(std::min<std::size_t>(line.size(), 80)));
        throw DataError(
            QStringLiteral("%1:%2: cannot tell the file format from %3 '%4' (%5 columns); expected "
                           "Binance klines, aggTrades or trades, or Veloce bars -- or name the format")
                .arg(path)
                .arg(lines.lineNumber())
                .arg(header ? QStringLiteral("the header") : QStringLiteral("the row"), text)
                .arg(columns));
    }
    throw DataError(QStringLiteral("%1: the file is empty").arg(path));
}

std::unique_ptr<BarSource> openBarFile(const QString& path, FileFormat format, bool skipBadRows)
{
    if (format == FileFormat::Auto)
        format = detectFileFormat(path);
    std::unique_ptr<CsvRecordReader> reader;
    switch (format) {
    case FileFormat::Auto:
    case FileFormat::Klines:
        reader = std::make_unique<KlineReader>(path, skipBadRows);
        break;
    case FileFormat::AggTrades:
        reader = std::make_unique<TradeReader>(path, TradeLayout::AggTrades, skipBadRows);
        break;
    case FileFormat::Trades:
        reader = std::make_unique<TradeReader>(path, TradeLayout::Trades, skipBadRows);
        break;
    case FileFormat::Bars:
        reader = std::make_unique<BarRowReader>(path, skipBadRows);
        break;
    }
    return std::make_unique<FileBarSource>(std::move(reader));
}

QString symbolFromFileName(const QString& path)
{
    // Binance dump names: SYMBOL-<interval>-..., SYMBOL-trades-..., SYMBOL-aggTrades-...
    static const QRegularExpression re(
        QStringLiteral("^([A-Z0-9]{2,20})-(?:\\d+[smhdwM]|trades|aggTrades|klines|bookTicker)[-.]"));
    const QRegularExpressionMatch m = re.match(QFileInfo(path).fileName());
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace veloce
