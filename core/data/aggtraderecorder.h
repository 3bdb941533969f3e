#pragma once

#include "data/aggtrade.h"
#include "data/binancevenue.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <memory>
#include <vector>

class QTimer;

namespace veloce {

class AggTradeCsvWriter;

// Records the trades of a live feed as Binance aggTrades dumps (AggTradeCsvWriter: spot or USD-M
// layout by venue), one file per market, so that a session can be backtested later from exactly
// what it saw. Flushed as it goes: every syncIntervalMs what was written is made readable in the
// file (gzip sync flush), so a crash loses at most that much. A QObject for the feed's thread.
class AggTradeRecorder : public QObject
{
    Q_OBJECT
public:
    // Throws DataError when a file cannot be created.
    AggTradeRecorder(const QString& path, const QList<BinanceMarket>& markets, int syncIntervalMs = 500,
        QObject* parent = nullptr);
    ~AggTradeRecorder() override;

    // `path` itself for a single market; with several, "-<venue>-<SYMBOL>" goes before the
    // extension (.csv / .csv.gz): rec.csv.gz -> rec-spot-BTCUSDT.csv.gz.
    static QString pathFor(const QString& path, const QList<BinanceMarket>& markets, int market);

    void record(int market, const AggTrade& trade);
    // Flushes and closes every file; throws DataError if anything could not be written.
    void close();

    QStringList paths() const { return m_paths; }
    std::int64_t trades() const { return m_trades; }
    bool isOpen() const { return !m_writers.empty(); }

Q_SIGNALS:
    // Writing failed (disk full, file removed): recording has stopped.
    void failed(const QString& message);

private:
    void sync();

    std::vector<std::unique_ptr<AggTradeCsvWriter>> m_writers;
    QStringList m_paths;
    QTimer* m_timer = nullptr;
    std::int64_t m_trades = 0;
    bool m_dirty = false;
};

} // namespace veloce
