#include "data/aggtradejson.h"

#include "data/csvfields.h"
#include "data/dataerror.h"

#include <nlohmann/json.hpp>

namespace veloce {

using nlohmann::json;

namespace {

[[noreturn]] void malformed(const QString& what, std::string_view text)
{
    constexpr std::size_t kShown = 160;
    const QString shown = QString::fromUtf8(text.data(), qsizetype(std::min(text.size(), kShown)));
    throw DataError(QStringLiteral("malformed reply: %1 in %2%3")
                        .arg(what, shown, text.size() > kShown ? QStringLiteral("...") : QString()));
}

json parse(std::string_view text)
{
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        malformed(QStringLiteral("not JSON"), text);
    return j;
}

std::int64_t integer(const json& o, const char* key, std::string_view text)
{
    const auto it = o.find(key);
    if (it == o.end() || !it->is_number_integer())
        malformed(QStringLiteral("\"%1\" is not an integer").arg(QLatin1String(key)), text);
    return it->get<std::int64_t>();
}

// A decimal string ("0.01633102"): kept as text and parsed like a CSV field.
void decimal(const json& o, const char* key, double& value, DecimalText& textOut, std::string_view text)
{
    const auto it = o.find(key);
    if (it == o.end() || !it->is_string())
        malformed(QStringLiteral("\"%1\" is not a decimal string").arg(QLatin1String(key)), text);
    const std::string& s = it->get_ref<const std::string&>();
    if (!csv::toDouble(s, value) || !textOut.assign(s))
        malformed(QStringLiteral("\"%1\" is not a decimal number").arg(QLatin1String(key)), text);
}

AggTrade readTrade(const json& o, std::string_view text)
{
    if (!o.is_object())
        malformed(QStringLiteral("a trade is not an object"), text);
    AggTrade t;
    t.id = integer(o, "a", text);
    t.firstId = integer(o, "f", text);
    t.lastId = integer(o, "l", text);
    t.t = integer(o, "T", text);
    decimal(o, "p", t.price, t.priceText, text);
    decimal(o, "q", t.qty, t.qtyText, text);
    const auto m = o.find("m");
    if (m == o.end() || !m->is_boolean())
        malformed(QStringLiteral("\"m\" is not a boolean"), text);
    t.buyerMaker = m->get<bool>();
    const auto best = o.find("M"); // spot only
    t.bestMatch = best == o.end() || !best->is_boolean() || best->get<bool>();
    if (t.price <= 0 || t.qty < 0 || t.lastId < t.firstId || t.t < 0)
        malformed(QStringLiteral("trade %1 has impossible values").arg(t.id), text);
    return t;
}

} // namespace

AggTradeJson::StreamMessage AggTradeJson::parseStreamMessage(std::string_view text)
{
    const json j = parse(text);
    if (!j.is_object())
        malformed(QStringLiteral("a message is not an object"), text);
    // Combined streams wrap the payload: {"stream":"btcusdt@aggTrade","data":{...}}.
    const auto data = j.find("data");
    const json& payload = data != j.end() && j.contains("stream") ? *data : j;
    StreamMessage out;
    if (!payload.is_object())
        return out;
    const auto event = payload.find("e");
    if (event == payload.end() || !event->is_string())
        return out; // e.g. {"result":null,"id":1}
    const std::string& type = event->get_ref<const std::string&>();
    const auto time = payload.find("E");
    if (time != payload.end() && time->is_number_integer())
        out.eventMs = time->get<std::int64_t>();
    if (type == "serverShutdown") {
        out.kind = Kind::ServerShutdown;
        return out;
    }
    if (type != "aggTrade")
        return out;
    out.kind = Kind::Trade;
    out.trade = readTrade(payload, text);
    const auto symbol = payload.find("s");
    if (symbol == payload.end() || !symbol->is_string())
        malformed(QStringLiteral("\"s\" is not a symbol"), text);
    out.symbol = symbol->get<std::string>();
    return out;
}

void AggTradeJson::parseRestPage(std::string_view body, std::vector<AggTrade>& out)
{
    const json j = parse(body);
    if (!j.is_array())
        malformed(QStringLiteral("expected an array of trades"), body);
    for (const json& o : j)
        out.push_back(readTrade(o, body));
}

std::int64_t AggTradeJson::parseServerTime(std::string_view body)
{
    const json j = parse(body);
    if (!j.is_object())
        malformed(QStringLiteral("expected {\"serverTime\": ...}"), body);
    return integer(j, "serverTime", body);
}

QString AggTradeJson::errorText(std::string_view body)
{
    const json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object() || !j.contains("msg"))
        return {};
    const json& msg = j["msg"];
    QString text = msg.is_string() ? QString::fromStdString(msg.get<std::string>()) : QString();
    if (j.contains("code") && j["code"].is_number_integer())
        text += QStringLiteral(" (code %1)").arg(j["code"].get<long long>());
    return text;
}

} // namespace veloce
