#pragma once

#include <QString>
#include <QStringList>

namespace veloce {

enum class KeltnerMode
{
    Range,
    Atr
};
enum class TradingMode
{
    Backtest,
    Paper,
    DryRun,
    Live
};
enum class HeartbeatAction
{
    Alert,
    Halt
};

// Every setting of docs/strategy.md §8 with its documented default. Parsed and validated once in app/
// (ConfigJson), then passed down as a plain value; nothing below app/ reads configuration itself.
struct Config
{
    // Strategy (§2, §3)
    int squeezeLength = 20;
    double squeezeMultBb = 2.0;
    double squeezeMultKc = 1.5;
    KeltnerMode squeezeKeltner = KeltnerMode::Range;
    int divergenceLookback = 100;
    double minEntryScore = 4.0;
    double sizeLow = 0.0; // "0-3.9"
    double sizeMid = 0.5; // "4-5"
    double sizeHigh = 1.0; // "6-7"
    double sizeTop = 1.5; // "8+"
    double entryCooldownS = 0;

    // Portfolio and risk (§5)
    double initialCapital = 100000.0;
    double leverage = 1.0;
    double feeRate = 0.0;
    double slippageBps = 0.0;
    double baseRiskPerTrade = 0.02;
    int maxOpenPositions = 2;
    double maxDrawdownPercent = 0.20;

    // Safety
    double heartbeatTimeoutS = 10;
    HeartbeatAction heartbeatAction = HeartbeatAction::Alert;

    // Data: InfluxDB (aggr-server schema)
    QString influxHost = QStringLiteral("127.0.0.1");
    int influxPort = 8086;
    QString influxDatabase = QStringLiteral("significant_trades");
    QString influxRetentionPolicy = QStringLiteral("aggr_1s");
    QString influxMeasurement = QStringLiteral("trades_1s");
    QStringList influxMarkets; // first = primary (OHLC); volumes summed over all
    QString influxUser;
    QString influxPassword; // secret: may come from VELOCE_INFLUX_PASSWORD
    int influxPollIntervalMs = 500;
    int influxTimeoutMs = 10000; // idle timeout, and deadline of a whole ordinary reply
    int influxStreamDeadlineMs = 300000; // deadline of one streamed page of history

    // Data: Binance public market data (live source, recorder)
    QString binanceVenue = QStringLiteral("futures"); // "spot" | "futures": markets without a venue prefix
    // Endpoints; empty = the venue's public ones. "{venue}" in them becomes "spot" or "futures",
    // for a proxy that serves both venues.
    QString binanceWsUrl;
    QString binanceRestUrl;
    int binanceWarmupS = 300; // history fetched from REST before the stream is used

    // Execution: FreqTrade REST API
    QString freqtradeUrl = QStringLiteral("http://localhost:8080");
    QString freqtradeUsername = QStringLiteral("freqtrader");
    QString freqtradePassword; // secret: may come from VELOCE_FREQTRADE_PASSWORD
    QString freqtradePair = QStringLiteral("BTC/USDT:USDT");
    int freqtradeTimeoutMs = 10000;

    TradingMode mode = TradingMode::Backtest;

    // Simulator (the embedded default source)
    quint64 simulatorSeed = 42;
    double simulatorSpeed = 1.0;
};

const char* modeName(TradingMode m);

} // namespace veloce
