#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <string>

namespace veloce::InfluxQl {

// InfluxDB 1.6 can bind only literal values ($name + params=), never identifiers. Database,
// retention policy and measurement names are therefore checked and double-quoted here, and
// everything a user types as a value (markets, times) is bound, never spliced into a query.

// Non-empty, at most 255 characters, no quote, backslash or control character.
bool isValidIdentifier(const QString& name);
// "name" for InfluxQL; throws DataError naming `what` when the name is not valid.
QString quoted(const QString& name, const char* what = "identifier");

// aggr-server market: EXCHANGE:symbol, e.g. BINANCE:btcusdt, OKEX:BTC-USDT-SWAP, KRAKEN:XBT/USD.
// Letters, digits and _ before the first colon; letters, digits and . _ - / : after it.
bool isValidMarket(const QString& market);
// Throws DataError explaining the rule when a market name is not valid.
void requireValidMarkets(const QStringList& markets);

// Times InfluxDB can store (its nanosecond int64 range), in ms; requests are clamped to it.
constexpr std::int64_t kMinTimeMs = -9'223'372'036'854LL + 1;
constexpr std::int64_t kMaxTimeMs = 9'223'372'036'854LL - 1;
std::int64_t clampTime(std::int64_t ms);

// "2024-01-01T00:00:00.000Z": how times are bound (an integer would be read as nanoseconds).
std::string rfc3339(std::int64_t ms);
// For messages: "2024-01-01T00:00:00Z" (ms only when not whole seconds), or "the beginning"/"now".
QString displayTime(std::int64_t ms);

} // namespace veloce::InfluxQl
