#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <limits>

namespace veloce {

// Where the bars of a run come from, as chosen on the command line or in the GUI.
struct SourceSpec
{
    enum class Kind
    {
        Simulator,
        File,
        Influx,
        Binance // live trade streams of Binance (sessions and the recorder only)
    };
    Kind kind = Kind::Simulator;

    QString path; // File
    QString format = QStringLiteral("auto");
    bool skipBadRows = false;

    std::int64_t simulateBars = 0; // Simulator; 0 = endless (live sessions)
    quint64 seed = 42;

    QString influxUrl; // Influx: overrides influx_host/port of the config when set
    QString influxDatabase;
    QStringList markets;

    QString binanceMarkets; // Binance: "btcusdt" or "btcusdt,spot:btcusdt"; the first gives OHLC
    QString binanceVenue; // venue of unprefixed markets; empty: binance_venue of the config

    std::int64_t fromMs = std::numeric_limits<std::int64_t>::min();
    std::int64_t toMs = std::numeric_limits<std::int64_t>::max();
    bool hasRange() const
    {
        return fromMs != std::numeric_limits<std::int64_t>::min()
            || toMs != std::numeric_limits<std::int64_t>::max();
    }
};

} // namespace veloce
