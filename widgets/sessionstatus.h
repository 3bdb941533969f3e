#pragma once

#include "data/feedhealth.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace veloce {

// The status bar's live fields: data source and connection state, age of the last bar (the
// heartbeat, ticking on its own timer so a stalled feed shows up even when nothing arrives), bars
// per second, session PnL and the trading state; for live exchange feeds also the connection's
// own state and health: exchange-to-local lag, reconnects and repaired gaps.
class SessionStatus : public QWidget
{
    Q_OBJECT
public:
    enum class Connection
    {
        Idle,
        Connecting,
        Live,
        Stale,
        Finished,
        Failed
    };

    explicit SessionStatus(QWidget* parent = nullptr);

    void setSource(const QString& source);
    void setConnection(Connection state, const QString& detail = QString());
    // A live exchange feed's health: replaces the connection text with the feed's own state and
    // shows lag, reconnects and repaired gaps. State None hides the health field.
    void setFeedHealth(const FeedHealth& health);
    // A bar was processed `ageMs` ago (as the snapshot reports it); the age keeps counting here.
    void setLastBarAge(double ageMs);
    void setBarsPerSecond(double rate);
    void setSessionPnl(double pnl, double fraction);
    void setTradingHalted(bool halted);
    void setStaleAfterMs(double ms) { m_staleAfterMs = ms; }

    QString sourceText() const;
    QString connectionText() const;
    QString tradingText() const;
    QString pnlText() const;
    QString barAgeText() const;
    QString feedText() const;
    double lastBarAgeMs() const;

private:
    void tick();

    QLabel* m_source;
    QLabel* m_connection;
    QLabel* m_feed;
    QLabel* m_age;
    QLabel* m_rate;
    QLabel* m_pnl;
    QLabel* m_trading;
    QElapsedTimer m_sinceBar;
    double m_ageAtUpdate = -1;
    double m_staleAfterMs = 10000;
    Connection m_state = Connection::Idle;
    QTimer m_timer;
};

} // namespace veloce
