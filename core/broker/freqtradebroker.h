#pragma once

#include "broker/broker.h"
#include "broker/freqtradebotinfo.h"
#include "broker/freqtradeclient.h"
#include "types/config.h"

#include <QString>
#include <deque>
#include <map>
#include <memory>

class QTimer;

namespace veloce {

// Live and dry-run execution through FreqTrade (docs/architecture.md §5). Veloce decides: entries
// become POST /forceenter (market, the signal's stake, entry_tag = a unique Veloce id), exits
// at Veloce's stop/target become POST /forceexit. FreqTrade is the source of truth for
// positions: GET /status is polled (fast while orders are in flight) and reconcile() rebuilds
// the account's positions from it -- confirming entries at FreqTrade's fill, closing positions
// FreqTrade closed (also by its own stop-loss, the crash backstop), adopting open trades on the
// pair that Veloce did not open, and dropping entries FreqTrade refused.
//
// An entry whose answer never came (timeout, dropped connection) is NOT blindly retried: the
// open trades are searched for its entry_tag first; only if absent is it sent once more, with
// the same tag. All calls happen on the engine thread (the client is created by start()).
//
// Modes (docs/freqtrade.md): start() reads GET /show_config first and refuses the bot (onFatal,
// no order ever sent) unless its mode is the session's -- dry_run needs a dry-run bot, live a
// live bot and liveConfirmed. Until then every entry is rejected. The verified mode is reported
// once through reconcile() (VenueUpdate::venueMode) for the journal.
class FreqtradeBroker final : public Broker
{
public:
    struct Settings
    {
        FreqtradeClient::Settings client;
        QString pair = QStringLiteral("BTC/USDT:USDT"); // Veloce's instrument at FreqTrade
        double slippageBps = 0; // for the provisional (estimated) fills
        double leverage = 1;
        int pollMs = 2000; // /status while idle
        int fastPollMs = 250; // while orders are in flight
        QString tagPrefix = QStringLiteral("veloce"); // entry_tag = prefix-session-position
        TradingMode mode = TradingMode::DryRun; // DryRun or Live: what the bot must be
        bool liveConfirmed = false; // the user confirmed live trading (--confirm-live, typed)
    };

    explicit FreqtradeBroker(Settings settings);
    ~FreqtradeBroker() override;

    QString name() const override { return QStringLiteral("freqtrade"); }
    bool fillsImmediately() const override { return false; }
    double entryPrice(const Signal& signal) const override;
    double exitPrice(const Position& position, double close) const override;
    void placeEntry(const Position& provisional, const Signal& signal) override;
    void placeExit(const Position& position, ExitReason reason) override;
    void start(std::function<void()> onChange, std::function<void(const QString&)> onFailure,
        std::function<void(const QString&)> onFatal) override;
    void stop() override;
    bool ready() const override { return m_ready; }
    void reconcile(Portfolio& portfolio, VenueUpdate& out) override;

    FreqtradeClient* client() const { return m_client; }
    bool verified() const { return m_verified; }
    // What /show_config said (empty before the answer).
    const FreqtradeBotInfo& bot() const { return m_bot; }

    // One trade of FreqTrade's /status or /trade/{id} answer.
    struct VenueTrade
    {
        std::int64_t id = 0;
        QString tag;
        bool isShort = false;
        double amount = 0;
        double openRate = 0;
        std::int64_t openMs = 0;
        std::optional<double> stopLoss;
        std::optional<double> closeRate;
        std::int64_t closeMs = 0;
        QString exitReason;
    };
    // Reads what it can and leaves the rest at its default: a reply of another shape (a number
    // where an object belongs, a string id, a timestamp of 1e300) never throws.
    static VenueTrade parseTrade(const nlohmann::json& t);

private:
    // One Veloce position's life at FreqTrade.
    struct Link
    {
        QString tag;
        std::int64_t tradeId = 0;
        enum class State
        {
            Sending,
            Unknown,
            Open,
            Exiting,
            Closed,
            Failed
        } state
            = State::Sending;
        bool retried = false;
        bool confirmedFill = false;
        ExitReason exitReason = ExitReason::Manual;
        Side side = Side::Long;
        double stake = 0;
        double qty = 0; // base amount: requested, then FreqTrade's `amount`
        double price = 0; // estimate, then FreqTrade's `open_rate`
    };

    void onShowConfig(const nlohmann::json& showConfig, const FreqtradeError& error);
    void sendEntry(std::int64_t positionId);
    void afterUnknownEntry(std::int64_t positionId, const FreqtradeError& error);
    void poll();
    void schedulePoll();
    void fetchClosed(std::int64_t tradeId);
    // An order event; qty/price < 0 take the link's (entry) numbers.
    void order(OrderEvent::Kind kind, OrderEvent::Status status, std::int64_t positionId,
        const QString& message, double qty = -1, double price = -1);
    // FreqTrade's numbers for the entry, from a trade it reported.
    void takeVenueFill(Link& link, const VenueTrade& trade);
    void changed();
    bool pending() const;

    Settings m_settings;
    FreqtradeClient* m_client = nullptr;
    QTimer* m_timer = nullptr;
    std::function<void()> m_onChange;
    std::function<void(const QString&)> m_onFailure;
    std::function<void(const QString&)> m_onFatal;
    bool m_ready = false;
    bool m_verified = false; // /show_config says the bot's mode is the session's
    bool m_venueReported = false;
    FreqtradeBotInfo m_bot;
    bool m_polling = false;
    bool m_haveStatus = false;
    QString m_sessionTag;
    std::map<std::int64_t, Link> m_links; // by Veloce position id
    std::map<std::int64_t, VenueTrade> m_open; // the last /status, by trade id
    std::map<std::int64_t, VenueTrade> m_closed; // closed trades we asked /trade/{id} about
    std::map<std::int64_t, Signal> m_signals; // entry signals by position id (stop/target/score)
    std::deque<OrderEvent> m_orders; // to report at the next reconcile
    std::int64_t m_adopted = 0;
};

} // namespace veloce
