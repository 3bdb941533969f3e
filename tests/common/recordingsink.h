#pragma once

#include "engine/backtestsink.h"

#include <QString>
#include <QStringList>
#include <vector>

// Keeps everything a run emits, plus the order of trade and signal events ("trade 1 stop",
// "signal SHORT accepted", "signal LONG max_positions") so tests can assert the per-bar order.
class RecordingSink : public veloce::BacktestSink
{
public:
    void onSignal(const veloce::SignalRecord& r) override
    {
        signalRecords.push_back(r);
        events << QStringLiteral("signal %1 %2")
                      .arg(QLatin1String(veloce::sideName(r.signal.side)),
                          r.accepted ? QStringLiteral("accepted")
                                     : QLatin1String(veloce::rejectReasonName(r.reason)));
    }
    void onTrade(const veloce::Trade& t) override
    {
        trades.push_back(t);
        events << QStringLiteral("trade %1 %2")
                      .arg(t.positionId)
                      .arg(QLatin1String(veloce::exitReasonName(t.reason)));
    }
    void onEquity(const veloce::EquityPoint& p) override { equity.push_back(p); }

    std::vector<veloce::SignalRecord> signalRecords;
    std::vector<veloce::Trade> trades;
    std::vector<veloce::EquityPoint> equity;
    QStringList events;
};
