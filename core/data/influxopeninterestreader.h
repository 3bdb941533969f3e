#pragma once

#include "data/influxsettings.h"

#include <QString>
#include <cstdint>
#include <memory>

namespace veloce {

class InfluxClient;
class InfluxRowReader;

struct OpenInterestPoint
{
    std::int64_t t = 0; // ms
    double openInterest = 0;
};

// aggr-server's optional open-interest series: measurement `open_interest`, tags `symbol`
// (e.g. BTC) and `exchange` (TOTAL_AGG, BINANCE, ...), field `open_interest`, in the retention
// policy of `settings` unless another is given. Streams [fromMs, toMs) in time order with
// constant memory, like InfluxSource; null values are skipped.
class InfluxOpenInterestReader
{
public:
    InfluxOpenInterestReader(InfluxSettings settings, QString symbol, QString exchange, std::int64_t fromMs,
        std::int64_t toMs, QString measurement = QStringLiteral("open_interest"));
    ~InfluxOpenInterestReader();

    bool next(OpenInterestPoint& out);

private:
    InfluxSettings m_settings;
    std::unique_ptr<InfluxClient> m_client;
    std::unique_ptr<InfluxRowReader> m_reader;
};

} // namespace veloce
