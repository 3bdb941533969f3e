// libFuzzer target: a config file's text through ConfigJson::parse (StrictJson + the schema), as
// ConfigLoader reads --config. Only ConfigError may come out; an accepted config written back by
// toJson() and read again gives the same config (same hash), so nothing is lost or changed.
#include "fuzzinput.h"
#include "types/configjson.h"

#include <nlohmann/json.hpp>

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const Config c = ConfigJson::parse(text, QStringLiteral("fuzz.json"));
        const Config again = ConfigJson::apply(ConfigJson::toJson(c, false), QStringLiteral("round trip"));
        fuzz::check(ConfigJson::hash(again) == ConfigJson::hash(c), "config changed in a round trip");
    } catch (const ConfigError& e) {
        fuzz::check(!e.problem().isEmpty(), "error without a message");
    }
    return 0;
}
