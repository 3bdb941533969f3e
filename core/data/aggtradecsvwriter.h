#pragma once

#include "data/aggtrade.h"
#include "data/csvfilewriter.h"

#include <QString>

namespace veloce {

// Writes aggregated trades in Binance's aggTrades dump layout, so that a recording of a live
// session reads back through the aggTrades file reader into the same bars:
//   spot:    no header, agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,
//            is_buyer_maker,is_best_match with Python's True/False (as data.binance.vision's spot files)
//   futures: the header line, the first seven columns, true/false (as the USD-M files)
// Prices and quantities are written as the exchange sent them; times in milliseconds. A path
// ending in ".gz" is gzip-compressed. sync() makes everything so far readable from the file.
class AggTradeCsvWriter
{
public:
    AggTradeCsvWriter(const QString& path, bool spotLayout);

    void write(const AggTrade& trade);
    void sync() { m_file.sync(); }
    void close() { m_file.close(); }
    std::int64_t trades() const { return m_trades; }
    const QString& path() const { return m_file.path(); }

private:
    void decimal(const DecimalText& text, double value);

    CsvFileWriter m_file;
    bool m_spot;
    std::int64_t m_trades = 0;
};

} // namespace veloce
