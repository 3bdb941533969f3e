// libFuzzer target: a whole InfluxDB /query reply (series JSON) as InfluxClient::results() and
// the catalog read it (SHOW DATABASES / RETENTION POLICIES / MEASUREMENTS / TAG VALUES). Only
// InfluxError may come out, whatever the server sends.
#include "data/influxcatalog.h"
#include "data/influxclient.h"
#include "data/influxerror.h"
#include "fuzzinput.h"

#include <nlohmann/json.hpp>

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const InfluxSettings settings;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const nlohmann::json results = InfluxClient::results(settings, body);
        for (const auto& r : results) {
            for (int column : { 0, 1 })
                InfluxCatalog::values(settings, r, column);
        }
    } catch (const InfluxError&) {
    }
    return 0;
}
