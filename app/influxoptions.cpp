#include "influxoptions.h"

#include "cliparser.h"
#include "types/config.h"

namespace veloce {

void InfluxOptions::add(CliParser& p)
{
    p.addOption({ QStringLiteral("influx"),
        QStringLiteral("InfluxDB 1.x URL, e.g. http://127.0.0.1:8086 (default: influx_host, influx_port)."),
        QStringLiteral("url") });
    p.addOption({ QStringLiteral("db"),
        QStringLiteral("Database (default: influx_database, significant_trades)."), QStringLiteral("name") });
    p.addOption({ QStringLiteral("rp"),
        QStringLiteral("Retention policy (default: influx_retention_policy, aggr_1s)."),
        QStringLiteral("name") });
    p.addOption({ QStringLiteral("measurement"),
        QStringLiteral("Measurement (default: influx_measurement, trades_1s)."), QStringLiteral("name") });
}

InfluxSettings InfluxOptions::settings(const CliParser& p, const Config& config)
{
    InfluxSettings s = InfluxSettings::fromConfig(config);
    if (p.isSet(QStringLiteral("influx")))
        s.setUrl(p.value(QStringLiteral("influx")));
    if (p.isSet(QStringLiteral("db")))
        s.database = p.value(QStringLiteral("db"));
    if (p.isSet(QStringLiteral("rp")))
        s.retentionPolicy = p.value(QStringLiteral("rp"));
    if (p.isSet(QStringLiteral("measurement")))
        s.measurement = p.value(QStringLiteral("measurement"));
    s.qualifiedMeasurement(); // checks the names before anything is sent
    return s;
}

} // namespace veloce
