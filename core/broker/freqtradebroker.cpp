#include "broker/freqtradebroker.h"

#include "portfolio/portfolio.h"
#include "types/redaction.h"

#include <QDateTime>
#include <QTimer>
#include <limits>
#include <set>

namespace veloce {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

ExitReason exitReasonOf(const QString& ft)
{
    if (ft.contains(QLatin1String("stop")))
        return ExitReason::Stop;
    if (ft == QLatin1String("roi"))
        return ExitReason::Target;
    return ExitReason::Manual;
}
} // namespace

FreqtradeBroker::FreqtradeBroker(Settings settings)
    : m_settings(std::move(settings))
{
}

FreqtradeBroker::~FreqtradeBroker()
{
    stop();
}

double FreqtradeBroker::entryPrice(const Signal& signal) const
{
    return Portfolio::slipped(signal.price, signal.side, true, m_settings.slippageBps);
}

double FreqtradeBroker::exitPrice(const Position& position, double close) const
{
    return Portfolio::slipped(close, position.side, false, m_settings.slippageBps);
}

void FreqtradeBroker::start(std::function<void()> onChange, std::function<void(const QString&)> onFailure,
    std::function<void(const QString&)> onFatal)
{
    m_onChange = std::move(onChange);
    m_onFailure = std::move(onFailure);
    m_onFatal = std::move(onFatal);
    m_sessionTag = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    m_client = new FreqtradeClient(m_settings.client); // on the engine thread
    m_timer = new QTimer(m_client);
    m_timer->setSingleShot(true);
    QObject::connect(m_timer, &QTimer::timeout, m_client, [this] { poll(); });
    m_client->get(QStringLiteral("/show_config"),
        [this](const nlohmann::json& j, const FreqtradeError& e) { onShowConfig(j, e); });
}

void FreqtradeBroker::onShowConfig(const nlohmann::json& j, const FreqtradeError& e)
{
    // The mode decides whether orders are real: without an answer it cannot be verified, and
    // nothing is sent.
    if (e || !j.is_object()) {
        m_onFatal(QStringLiteral("FreqTrade at %1: cannot verify the bot's mode (GET /show_config: %2): not "
                                 "starting")
                      .arg(m_client->endpoint(), e ? e.message : QStringLiteral("not a JSON object")));
        return;
    }
    m_bot = FreqtradeBotInfo::fromShowConfig(j);
    const QString refusal = m_bot.refusal(m_settings.mode, m_settings.liveConfirmed, m_client->endpoint());
    if (!refusal.isEmpty()) {
        m_onFatal(refusal);
        return;
    }
    m_verified = true;
    if (!m_bot.forceEntryEnable)
        m_onFailure(QStringLiteral("FreqTrade: force_entry_enable is off in the bot's config -- Veloce "
                                   "cannot enter positions"));
    // With position adjustment a second /forceenter for the pair adds to the open trade
    // instead of being refused -- and Qt may re-send a POST whose connection dropped.
    if (m_bot.positionAdjustment)
        m_onFailure(QStringLiteral("FreqTrade: position_adjustment_enable is on in the bot's config "
                                   "-- a repeated entry would add to the open position instead of "
                                   "being refused; turn it off for Veloce"));
    if (m_bot.state != QLatin1String("running"))
        m_onFailure(QStringLiteral("FreqTrade: the bot is \"%1\", not running").arg(m_bot.state));
    poll(); // reconcile on start
}

void FreqtradeBroker::stop()
{
    m_ready = false;
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
        m_timer = nullptr;
    }
}

bool FreqtradeBroker::pending() const
{
    for (const auto& [id, l] : m_links)
        if (l.state == Link::State::Sending || l.state == Link::State::Unknown
            || l.state == Link::State::Exiting || (l.state == Link::State::Open && !l.confirmedFill))
            return true;
    return false;
}

void FreqtradeBroker::changed()
{
    // Deferred: orders are placed from inside the engine's bar (account locked).
    if (m_client)
        QMetaObject::invokeMethod(
            m_client,
            [this] {
                if (m_onChange)
                    m_onChange();
            },
            Qt::QueuedConnection);
}

void FreqtradeBroker::order(OrderEvent::Kind kind, OrderEvent::Status status, std::int64_t positionId,
    const QString& message, double qty, double price)
{
    OrderEvent o;
    o.kind = kind;
    o.status = status;
    o.positionId = positionId;
    o.message = message;
    const auto it = m_links.find(positionId);
    if (it != m_links.end()) {
        o.tag = it->second.tag;
        o.venueId = it->second.tradeId;
        o.side = it->second.side;
        o.qty = it->second.qty;
        o.price = it->second.price;
    }
    if (qty >= 0)
        o.qty = qty;
    if (price >= 0)
        o.price = price;
    m_orders.push_back(o);
    changed();
}

void FreqtradeBroker::takeVenueFill(Link& link, const VenueTrade& trade)
{
    if (trade.amount > 0 && trade.openRate > 0) {
        link.qty = trade.amount;
        link.price = trade.openRate;
    }
}

FreqtradeBroker::VenueTrade FreqtradeBroker::parseTrade(const nlohmann::json& t)
{
    // Whole numbers (ids, ms timestamps) within int64; anything else reads as 0.
    const auto whole = [&](const char* key) -> std::int64_t {
        const double v = ftNumber(t, key).value_or(0);
        return v >= -9.2e18 && v <= 9.2e18 ? static_cast<std::int64_t>(v) : 0;
    };
    const auto text = [&](const char* key) { return QString::fromStdString(ftString(t, key)); };
    VenueTrade v;
    v.id = whole("trade_id");
    v.tag = text("enter_tag");
    v.isShort = ftBool(t, "is_short", false);
    v.amount = ftNumber(t, "amount").value_or(0);
    v.openRate = ftNumber(t, "open_rate").value_or(0);
    v.openMs = whole("open_timestamp");
    v.stopLoss = ftNumber(t, "stop_loss_abs");
    v.closeRate = ftNumber(t, "close_rate");
    v.closeMs = whole("close_timestamp");
    v.exitReason = text("exit_reason");
    return v;
}

void FreqtradeBroker::placeEntry(const Position& provisional, const Signal& signal)
{
    Link l;
    l.tag = QStringLiteral("%1-%2-%3").arg(m_settings.tagPrefix, m_sessionTag).arg(provisional.id);
    l.side = provisional.side;
    l.stake = provisional.qty * provisional.entry / m_settings.leverage;
    l.qty = provisional.qty;
    l.price = provisional.entry;
    m_links[provisional.id] = l;
    m_signals[provisional.id] = signal;
    if (!m_client || !m_verified) {
        m_links[provisional.id].state = Link::State::Failed;
        order(OrderEvent::Kind::Entry, OrderEvent::Status::Rejected, provisional.id,
            m_client ? QStringLiteral("FreqTrade's mode is not verified yet (waiting for /show_config)")
                     : QStringLiteral("FreqTrade is not connected"));
        return;
    }
    sendEntry(provisional.id);
}

void FreqtradeBroker::sendEntry(std::int64_t id)
{
    Link& l = m_links[id];
    l.state = Link::State::Sending;
    nlohmann::json body
        = { { "pair", m_settings.pair.toStdString() }, { "side", l.side == Side::Long ? "long" : "short" },
              { "ordertype", "market" }, { "stakeamount", l.stake }, { "entry_tag", l.tag.toStdString() } };
    if (m_settings.leverage != 1)
        body["leverage"] = m_settings.leverage;
    order(OrderEvent::Kind::Entry, OrderEvent::Status::Placed, id,
        QStringLiteral("market, stake %1").arg(l.stake, 0, 'f', 2));
    m_client->post(
        QStringLiteral("/forceenter"), body, [this, id](const nlohmann::json& j, const FreqtradeError& e) {
            auto it = m_links.find(id);
            if (it == m_links.end())
                return;
            if (!e) {
                it->second.state = Link::State::Open;
                // The answer is the trade (TradeSchema) -- or {"status": ...} from older bots.
                if (j.is_object() && j.contains("trade_id") && j["trade_id"].is_number_integer()) {
                    it->second.tradeId = j["trade_id"].get<std::int64_t>();
                    takeVenueFill(it->second, parseTrade(j));
                }
                order(OrderEvent::Kind::Entry, OrderEvent::Status::Confirmed, id, QString());
                schedulePoll();
            } else if (e.unknownOutcome()) {
                order(OrderEvent::Kind::Entry, OrderEvent::Status::TimedOut, id, e.message);
                afterUnknownEntry(id, e);
            } else if (e.kind == FreqtradeError::Kind::Business) {
                // QNetworkAccessManager silently re-sends a POST whose connection dropped before
                // any answer; the bot then refuses the copy ("position ... already open") though
                // the first one landed. Only /status can tell, so look for our tag first.
                it->second.retried = true;
                afterUnknownEntry(id, e);
            } else {
                it->second.state = Link::State::Failed;
                order(OrderEvent::Kind::Entry, OrderEvent::Status::Rejected, id, e.message);
            }
        });
}

void FreqtradeBroker::afterUnknownEntry(std::int64_t id, const FreqtradeError& error)
{
    m_links[id].state = Link::State::Unknown;
    // An answer can still arrive after stop(): the client is only deleted later, and a reply it
    // had already received calls back first. Nothing more is asked then.
    if (!m_client)
        return;
    // The bot may have entered even though no answer came back: look for our tag before any
    // retry, so a retry can never double the position.
    m_client->get(
        QStringLiteral("/status"), [this, id, error](const nlohmann::json& j, const FreqtradeError& e) {
            auto it = m_links.find(id);
            if (it == m_links.end() || !m_client)
                return;
            if (e || !j.is_array()) {
                // Still unknown: the regular /status poll decides (it adopts the tag if it shows up).
                QTimer::singleShot(
                    m_settings.fastPollMs * 4, m_client, [this, id, error] { afterUnknownEntry(id, error); });
                return;
            }
            m_open.clear();
            for (const auto& t : j) {
                const VenueTrade v = parseTrade(t);
                m_open[v.id] = v;
                if (v.tag == it->second.tag) {
                    it->second.tradeId = v.id;
                    takeVenueFill(it->second, v);
                }
            }
            m_haveStatus = true;
            if (it->second.tradeId != 0) {
                it->second.state = Link::State::Open;
                order(OrderEvent::Kind::Entry, OrderEvent::Status::Confirmed, id,
                    QStringLiteral("found at FreqTrade by entry_tag after: %1").arg(error.message));
            } else if (!it->second.retried) {
                it->second.retried = true;
                sendEntry(id); // same tag: the reconciliation recognises it whichever copy lands
            } else if (error.kind == FreqtradeError::Kind::Business) {
                it->second.state = Link::State::Failed;
                order(OrderEvent::Kind::Entry, OrderEvent::Status::Rejected, id, error.message);
            } else {
                it->second.state = Link::State::Failed;
                order(OrderEvent::Kind::Entry, OrderEvent::Status::Failed, id,
                    QStringLiteral("no answer from FreqTrade twice and no trade with this entry_tag: %1")
                        .arg(error.message));
            }
        });
}

void FreqtradeBroker::placeExit(const Position& position, ExitReason reason)
{
    auto it = m_links.find(position.id);
    if (it == m_links.end() || it->second.state != Link::State::Open || it->second.tradeId == 0 || !m_client)
        return; // not at FreqTrade yet, or already exiting: the next bar asks again
    Link& l = it->second;
    l.state = Link::State::Exiting;
    l.exitReason = reason;
    const std::int64_t id = position.id;
    // A market exit of the whole amount, estimated at the close Veloce decided on.
    const double qty = position.qty;
    const double price = exitPrice(position, position.last);
    order(OrderEvent::Kind::Exit, OrderEvent::Status::Placed, id, QString::fromLatin1(exitReasonName(reason)),
        qty, price);
    m_client->post(QStringLiteral("/forceexit"), { { "tradeid", l.tradeId }, { "ordertype", "market" } },
        [this, id, qty, price](const nlohmann::json&, const FreqtradeError& e) {
            auto it = m_links.find(id);
            if (it == m_links.end())
                return;
            if (e) {
                // Safe to repeat: a second forceexit re-places the exit order.
                it->second.state = Link::State::Open;
                order(OrderEvent::Kind::Exit,
                    e.unknownOutcome() ? OrderEvent::Status::TimedOut : OrderEvent::Status::Rejected, id,
                    e.message, qty, price);
            }
            schedulePoll();
        });
}

void FreqtradeBroker::schedulePoll()
{
    if (m_timer && !m_polling)
        m_timer->start(pending() ? m_settings.fastPollMs : m_settings.pollMs);
}

void FreqtradeBroker::poll()
{
    if (!m_client || m_polling)
        return;
    m_polling = true;
    m_client->get(QStringLiteral("/status"), [this](const nlohmann::json& j, const FreqtradeError& e) {
        m_polling = false;
        if (e) {
            m_onFailure(QStringLiteral("FreqTrade /status: %1").arg(e.message));
        } else if (j.is_array()) {
            m_open.clear();
            for (const auto& t : j) {
                const VenueTrade v = parseTrade(t);
                m_open[v.id] = v;
            }
            m_haveStatus = true;
            m_ready = true;
            changed();
        }
        schedulePoll();
    });
}

void FreqtradeBroker::fetchClosed(std::int64_t tradeId)
{
    if (m_closed.count(tradeId) || !m_client)
        return;
    m_closed[tradeId] = VenueTrade(); // asked
    m_client->get(QStringLiteral("/trade/%1").arg(tradeId),
        [this, tradeId](const nlohmann::json& j, const FreqtradeError& e) {
            if (e || !j.is_object() || !ftNumber(j, "close_rate")) {
                m_closed.erase(tradeId); // ask again at the next reconcile
                return;
            }
            m_closed[tradeId] = parseTrade(j);
            changed();
        });
}

void FreqtradeBroker::reconcile(Portfolio& portfolio, VenueUpdate& out)
{
    while (!m_orders.empty()) {
        out.orders.push_back(m_orders.front());
        m_orders.pop_front();
    }
    if (m_verified && !m_venueReported) {
        m_venueReported = true;
        out.venueMode = m_bot.modeName();
        nlohmann::json detail = m_bot.toJson();
        detail["url"] = m_client ? m_client->endpoint().toStdString() : std::string();
        // The bot's own words (name, strategy) are server text like any other.
        out.venueDetail = redactSecrets(
            QString::fromStdString(detail.dump()), m_client ? m_client->secrets() : QStringList());
    }
    if (!m_haveStatus)
        return;
    struct Closing
    {
        std::int64_t positionId;
        VenueTrade venue;
        ExitReason reason;
    };
    std::vector<Position> kept;
    std::vector<Closing> closings;
    std::vector<Position> confirmed;
    std::set<std::int64_t> seen;
    for (Position p : portfolio.positions()) {
        auto it = m_links.find(p.id);
        if (it == m_links.end()) {
            kept.push_back(p);
            continue;
        }
        Link& l = it->second;
        if (l.state == Link::State::Failed || l.state == Link::State::Closed)
            continue; // refused, or already booked: the provisional position goes
        if (l.tradeId == 0)
            for (const auto& [id, v] : m_open)
                if (v.tag == l.tag)
                    l.tradeId = id;
        if (l.tradeId != 0 && l.state == Link::State::Unknown)
            l.state = Link::State::Open; // a timed-out entry that did land
        const auto open = l.tradeId ? m_open.find(l.tradeId) : m_open.end();
        if (open != m_open.end()) {
            seen.insert(l.tradeId);
            // FreqTrade's fill replaces Veloce's estimate.
            if (open->second.openRate > 0 && open->second.amount > 0) {
                p.entry = open->second.openRate;
                p.qty = open->second.amount;
                takeVenueFill(l, open->second);
            }
            if (!l.confirmedFill) {
                l.confirmedFill = true;
                confirmed.push_back(p);
            }
            kept.push_back(p);
        } else if (l.tradeId != 0 && (l.state == Link::State::Open || l.state == Link::State::Exiting)) {
            const auto closed = m_closed.find(l.tradeId);
            if (closed != m_closed.end() && closed->second.closeRate) {
                closings.push_back({ p.id, closed->second,
                    l.state == Link::State::Exiting ? l.exitReason
                                                    : exitReasonOf(closed->second.exitReason) });
                l.state = Link::State::Closed;
            } else {
                fetchClosed(l.tradeId);
            }
            kept.push_back(p);
        } else {
            kept.push_back(p); // in flight
        }
    }
    // Open trades on FreqTrade that Veloce does not know (opened before this session, by hand or
    // by the bot's own strategy): the venue is the truth, so they are positions too. Their stop
    // is FreqTrade's; Veloce sets no target for them.
    std::int64_t nextId = portfolio.nextId();
    for (const auto& [id, v] : m_open) {
        if (seen.count(id))
            continue;
        bool linked = false;
        for (const auto& [pid, l] : m_links)
            linked = linked || l.tradeId == id || (!v.tag.isEmpty() && l.tag == v.tag);
        if (linked)
            continue;
        Position p;
        p.id = nextId++;
        p.side = v.isShort ? Side::Short : Side::Long;
        p.entryMs = v.openMs;
        p.entry = v.openRate;
        p.qty = v.amount;
        p.stop = v.stopLoss.value_or(v.isShort ? kInf : 0.0);
        p.target = v.isShort ? 0.0 : kInf;
        p.last = v.openRate;
        Link l;
        l.tag = v.tag;
        l.tradeId = id;
        l.state = Link::State::Open;
        l.confirmedFill = true;
        l.side = p.side;
        m_links[p.id] = l;
        kept.push_back(p);
        confirmed.push_back(p);
        ++m_adopted;
    }
    portfolio.restore(portfolio.cash(), kept, nextId, portfolio.lastEntryMs());
    for (const Position& p : confirmed)
        out.fills.push_back({ p.id, p.entryMs, true, p.side, p.entry, p.qty, p.entryFee, portfolio.cash(),
            ExitReason::Stop });
    for (const Closing& c : closings) {
        const auto& ps = portfolio.positions();
        for (std::size_t i = 0; i < ps.size(); ++i) {
            if (ps[i].id != c.positionId)
                continue;
            const std::int64_t t
                = c.venue.closeMs > 0 ? c.venue.closeMs : QDateTime::currentMSecsSinceEpoch();
            const double entryFee = ps[i].entryFee;
            const Trade trade = portfolio.close(i, *c.venue.closeRate, t, c.reason);
            out.fills.push_back({ trade.positionId, t, false, trade.side, trade.exitPrice, trade.qty,
                trade.fees - entryFee, portfolio.cash(), trade.reason });
            out.trades.push_back(trade);
            break;
        }
    }
}

} // namespace veloce
