#pragma once

#include "data/binancelivesource.h"
#include "engine/livefeed.h"

#include <memory>

namespace veloce {

class AggTradeRecorder;

// Binance's public trade streams as a LiveFeed (data/BinanceLiveSource): final 1-second bars of
// one or more markets, the connection's health, and a recording of the trades on request. Bar
// times are market (wall-clock) times, so the watchdog also checks them for staleness; every
// message and pong counts as a sign of life for it.
//
// Lives on the engine thread with its Session; the source is created in start(), there.
// startRecording()/stopRecording() are slots: queue them from other threads.
class BinanceFeed : public LiveFeed
{
    Q_OBJECT
public:
    explicit BinanceFeed(BinanceLiveSource::Settings settings, QObject* parent = nullptr);
    ~BinanceFeed() override;

    QString description() const override { return m_description; }
    SourceStats stats() const override;
    bool wallClockTimes() const override { return true; }
    std::int64_t barOriginNs() const override { return m_originNs; }
    bool canRecord() const override { return true; }
    BinanceLiveSource* source() const { return m_source; }

public Q_SLOTS:
    void start() override;
    void stop() override;
    void startRecording(const QString& path) override;
    void stopRecording() override;

private:
    void onBar(const veloce::Bar& bar, qint64 originNs);
    void closeRecording(const QString& message);

    BinanceLiveSource::Settings m_settings;
    QString m_description;
    BinanceLiveSource* m_source = nullptr;
    AggTradeRecorder* m_recorder = nullptr;
    std::int64_t m_originNs = 0;
};

} // namespace veloce
