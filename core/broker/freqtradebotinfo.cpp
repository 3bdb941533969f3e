#include "broker/freqtradebotinfo.h"

namespace veloce {

namespace {
QString text(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool flag(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}
} // namespace

FreqtradeBotInfo FreqtradeBotInfo::fromShowConfig(const nlohmann::json& j)
{
    FreqtradeBotInfo info;
    if (!j.is_object())
        return info;
    if (const auto it = j.find("dry_run"); it != j.end() && it->is_boolean())
        info.dryRun = it->get<bool>();
    info.runmode = text(j, "runmode");
    info.state = text(j, "state");
    info.exchange = text(j, "exchange");
    info.tradingMode = text(j, "trading_mode");
    info.botName = text(j, "bot_name");
    info.version = text(j, "version");
    info.strategy = text(j, "strategy");
    info.forceEntryEnable = flag(j, "force_entry_enable");
    info.positionAdjustment = flag(j, "position_adjustment_enable");
    return info;
}

QString FreqtradeBotInfo::modeName() const
{
    if (!dryRun)
        return QStringLiteral("unknown");
    // runmode is "dry_run" or "live" for a trading bot; when present it must agree.
    const QString expected = *dryRun ? QStringLiteral("dry_run") : QStringLiteral("live");
    if (!runmode.isEmpty() && runmode != expected)
        return QStringLiteral("unknown");
    return expected;
}

QString FreqtradeBotInfo::refusal(TradingMode wanted, bool liveConfirmed, const QString& endpoint) const
{
    const QString mode = modeName();
    const QString where = exchange.isEmpty() ? QString() : QStringLiteral(" on %1").arg(exchange);
    if (mode == QLatin1String("unknown"))
        return QStringLiteral("FreqTrade at %1 does not say clearly whether it trades live or in dry-run "
                              "(show_config: dry_run %2, runmode \"%3\"): not starting")
            .arg(endpoint,
                dryRun ? (*dryRun ? QStringLiteral("true") : QStringLiteral("false"))
                       : QStringLiteral("missing"),
                runmode);
    if (wanted == TradingMode::Live) {
        if (mode != QLatin1String("live"))
            return QStringLiteral("FreqTrade at %1 is in dry-run, but this session's mode is \"live\": not "
                                  "starting (set \"mode\": \"dry_run\", or switch the bot to live trading)")
                .arg(endpoint);
        if (!liveConfirmed)
            return QStringLiteral(
                "FreqTrade at %1 trades LIVE%2 (real money): not starting without an explicit "
                "confirmation (veloce-cli paper --confirm-live, or type it in the window)")
                .arg(endpoint, where);
        return {};
    }
    if (mode != QLatin1String("dry_run"))
        return QStringLiteral("FreqTrade at %1 trades LIVE%2 (real money), but this session's mode is "
                              "\"dry_run\": not starting. To trade real money set \"mode\": \"live\" and "
                              "confirm with --confirm-live")
            .arg(endpoint, where);
    return {};
}

nlohmann::json FreqtradeBotInfo::toJson() const
{
    nlohmann::json j;
    j["mode"] = modeName().toStdString();
    j["dry_run"] = dryRun ? nlohmann::json(*dryRun) : nlohmann::json();
    j["runmode"] = runmode.toStdString();
    j["state"] = state.toStdString();
    j["exchange"] = exchange.toStdString();
    j["trading_mode"] = tradingMode.toStdString();
    j["bot_name"] = botName.toStdString();
    j["version"] = version.toStdString();
    j["strategy"] = strategy.toStdString();
    return j;
}

} // namespace veloce
