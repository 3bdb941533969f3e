#include "sessionjson.h"

#include <cstdio>

namespace veloce::SessionJson {

nlohmann::ordered_json event(const SessionEvent& e)
{
    nlohmann::ordered_json j;
    j["event"] = sessionEventKindName(e.kind);
    j["seq"] = e.seq;
    j["wall_ms"] = e.wallMs;
    switch (e.kind) {
    case SessionEvent::Kind::Signal: {
        const Signal& s = e.signal.signal;
        j["t"] = s.t;
        j["side"] = sideName(s.side);
        j["score"] = s.score;
        j["size_fraction"] = s.sizeFraction;
        j["price"] = s.price;
        j["stop"] = s.stop;
        j["target"] = s.target;
        j["accepted"] = e.signal.accepted;
        j["reject_reason"] = rejectReasonName(e.signal.reason);
        break;
    }
    case SessionEvent::Kind::Order:
        j["kind"] = orderKindName(e.order.kind);
        j["status"] = orderStatusName(e.order.status);
        j["position"] = e.order.positionId;
        j["tag"] = e.order.tag.toStdString();
        j["venue_id"] = e.order.venueId;
        j["side"] = sideName(e.order.side);
        j["qty"] = e.order.qty;
        j["price"] = e.order.price;
        j["message"] = e.order.message.toStdString();
        break;
    case SessionEvent::Kind::Fill:
        j["kind"] = e.fill.entry ? "entry" : "exit";
        j["position"] = e.fill.positionId;
        j["t"] = e.fill.t;
        j["side"] = sideName(e.fill.side);
        j["price"] = e.fill.price;
        j["qty"] = e.fill.qty;
        j["fee"] = e.fill.fee;
        j["cash"] = e.fill.cashAfter;
        if (e.fill.entry) {
            j["stop"] = e.position.stop;
            j["target"] = e.position.target;
        } else {
            j["reason"] = exitReasonName(e.fill.reason);
        }
        break;
    case SessionEvent::Kind::Trade: {
        const Trade& t = e.trade;
        j["position"] = t.positionId;
        j["entry_ms"] = t.entryMs;
        j["exit_ms"] = t.exitMs;
        j["side"] = sideName(t.side);
        j["entry_price"] = t.entryPrice;
        j["exit_price"] = t.exitPrice;
        j["qty"] = t.qty;
        j["pnl"] = t.pnl;
        j["fees"] = t.fees;
        j["exit_reason"] = exitReasonName(t.reason);
        j["score"] = t.score;
        break;
    }
    case SessionEvent::Kind::Equity:
        j["t"] = e.equity.t;
        j["equity"] = e.equity.equity;
        j["cash"] = e.equity.cash;
        j["drawdown"] = e.equity.drawdown;
        break;
    case SessionEvent::Kind::State:
        j["state"] = e.text.toStdString();
        j["reason"] = e.detail.toStdString();
        break;
    case SessionEvent::Kind::Alert:
        j["message"] = e.text.toStdString();
        break;
    case SessionEvent::Kind::Venue: {
        j["mode"] = e.text.toStdString();
        const auto detail = nlohmann::ordered_json::parse(e.detail.toStdString(), nullptr, false);
        if (detail.is_object())
            for (auto it = detail.begin(); it != detail.end(); ++it)
                if (it.key() != "mode")
                    j[it.key()] = it.value();
        break;
    }
    }
    return j;
}

nlohmann::ordered_json barSummary(const SessionSnapshot& s)
{
    nlohmann::ordered_json j;
    j["event"] = "bar";
    j["wall_ms"] = s.wallMs;
    if (!s.bars.empty()) {
        j["t"] = s.bars.back().t;
        j["close"] = s.bars.back().close;
    }
    j["total"] = s.current.total;
    j["equity"] = s.equity;
    j["cash"] = s.cash;
    j["drawdown"] = s.drawdown;
    j["positions"] = s.positions.size();
    j["bars"] = s.barCount;
    j["signals"] = s.signalCount;
    j["trades"] = s.tradeCount;
    j["bars_per_second"] = s.barsPerSecond;
    j["last_bar_age_ms"] = s.lastBarAgeMs;
    j["state"] = sessionStateName(s.state);
    j["trading"] = s.halted ? "halted" : "active";
    if (s.feed.state != FeedHealth::State::None) {
        nlohmann::ordered_json f;
        f["state"] = FeedHealth::stateName(s.feed.state);
        f["lag_ms"] = s.feed.lagMs;
        f["reconnects"] = s.feed.reconnects;
        f["gaps_repaired"] = s.feed.gapsRepaired;
        j["feed"] = f;
    }
    return j;
}

nlohmann::ordered_json feedHealth(const FeedHealth& h)
{
    nlohmann::ordered_json j;
    j["event"] = "feed";
    j["state"] = FeedHealth::stateName(h.state);
    j["detail"] = h.detail.toStdString();
    j["lag_ms"] = h.lagMs;
    j["connections"] = h.connections;
    j["trades"] = h.trades;
    j["warmup_trades"] = h.warmupTrades;
    j["reconnects"] = h.reconnects;
    j["handovers"] = h.handovers;
    j["gaps_repaired"] = h.gapsRepaired;
    j["trades_repaired"] = h.tradesRepaired;
    j["duplicates"] = h.duplicates;
    j["late_trades"] = h.lateTrades;
    j["rest_requests"] = h.restRequests;
    j["rate_limited"] = h.rateLimited;
    j["used_weight"] = h.usedWeight;
    return j;
}

bool feedChanged(const FeedHealth& a, const FeedHealth& b)
{
    return a.state != b.state || a.detail != b.detail || a.connections != b.connections
        || a.reconnects != b.reconnects || a.handovers != b.handovers || a.gapsRepaired != b.gapsRepaired
        || a.lateTrades != b.lateTrades || a.rateLimited != b.rateLimited;
}

void print(const nlohmann::ordered_json& line)
{
    const std::string text = line.dump() + '\n';
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

} // namespace veloce::SessionJson
