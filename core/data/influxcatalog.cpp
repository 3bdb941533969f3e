#include "data/influxcatalog.h"

#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/influxql.h"
#include "data/influxsettings.h"

namespace veloce {

InfluxCatalog::InfluxCatalog(InfluxClient& client)
    : m_client(client)
{
}

QStringList InfluxCatalog::column(const QString& statement, int column)
{
    QStringList out;
    for (const auto& result : m_client.read(statement))
        out << values(m_client.settings(), result, column);
    return out;
}

QStringList InfluxCatalog::databases()
{
    return column(QStringLiteral("SHOW DATABASES"), 0);
}

QStringList InfluxCatalog::retentionPolicies()
{
    return column(QStringLiteral("SHOW RETENTION POLICIES ON ")
            + InfluxQl::quoted(m_client.settings().database, "database"),
        0);
}

QStringList InfluxCatalog::measurements()
{
    return column(
        QStringLiteral("SHOW MEASUREMENTS ON ") + InfluxQl::quoted(m_client.settings().database, "database"),
        0);
}

QStringList InfluxCatalog::markets()
{
    const auto& s = m_client.settings();
    QStringList list = column(
        QStringLiteral("SHOW TAG VALUES ON %1 FROM %2 WITH KEY = \"market\"")
            .arg(InfluxQl::quoted(s.database, "database"), InfluxQl::quoted(s.measurement, "measurement")),
        1);
    list.sort();
    return list;
}

QString InfluxCatalog::listForMessage(const QStringList& names, int max)
{
    if (names.isEmpty())
        return QStringLiteral("none");
    QString text = names.mid(0, max).join(QLatin1String(", "));
    if (names.size() > max)
        text += QStringLiteral(" ... and %1 more").arg(names.size() - max);
    return text;
}

QString InfluxCatalog::schemaStatements(const InfluxSettings& s)
{
    // Sent after the retention policies were read: with a missing database InfluxDB answers
    // this whole batch with "not executed", which would not say what is wrong.
    return QStringLiteral("SHOW MEASUREMENTS ON %1; SHOW TAG VALUES ON %1 FROM %2 WITH KEY = \"market\"")
        .arg(InfluxQl::quoted(s.database, "database"), InfluxQl::quoted(s.measurement, "measurement"));
}

QString InfluxCatalog::retentionPoliciesStatement(const InfluxSettings& s)
{
    return QStringLiteral("SHOW RETENTION POLICIES ON ") + InfluxQl::quoted(s.database, "database");
}

QStringList InfluxCatalog::values(const InfluxSettings& s, const nlohmann::json& result, int column)
{
    QStringList out;
    try {
        for (const auto& series : result.value("series", nlohmann::json::array()))
            // A series with no rows (e.g. SHOW DATABASES on a fresh server) has no "values" key.
            for (const auto& row : series.value("values", nlohmann::json::array()))
                out << QString::fromStdString(row.at(static_cast<std::size_t>(column)).get<std::string>());
    } catch (const nlohmann::json::exception&) {
        throw InfluxError::malformed(s, QStringLiteral("unexpected reply to a SHOW statement"));
    }
    return out;
}

void InfluxCatalog::requireSchema(const QStringList& wanted)
{
    const auto& s = m_client.settings();
    QStringList rps;
    try {
        rps = retentionPolicies();
    } catch (const InfluxError& e) {
        if (e.kind() != InfluxError::Kind::NotFound)
            throw;
        QStringList dbs;
        try {
            dbs = databases();
        } catch (const InfluxError&) {
            throw e; // e.g. a user allowed to read one database but not to list them
        }
        throw InfluxError(InfluxError::Kind::NotFound,
            QStringLiteral("database \"%1\" does not exist on InfluxDB at %2 (databases: %3)")
                .arg(s.database, s.endpoint(), listForMessage(dbs)));
    }
    const nlohmann::json results = m_client.read(schemaStatements(s));
    if (results.size() < 2)
        throw InfluxError::malformed(s, QStringLiteral("too few results for SHOW statements"));
    check(s, rps, values(s, results[0], 0), values(s, results[1], 1), wanted);
}

void InfluxCatalog::check(const InfluxSettings& s, const QStringList& rps, const QStringList& ms,
    const QStringList& markets, const QStringList& wanted)
{
    const QString at = s.endpoint();
    if (!rps.contains(s.retentionPolicy))
        throw InfluxError(InfluxError::Kind::NotFound,
            QStringLiteral("retention policy \"%1\" does not exist in database \"%2\" on %3 (retention "
                           "policies: %4); aggr-server names them aggr_<timeframe>, e.g. aggr_10s")
                .arg(s.retentionPolicy, s.database, at, listForMessage(rps)));
    if (!ms.contains(s.measurement))
        throw InfluxError(InfluxError::Kind::NotFound,
            QStringLiteral("measurement \"%1\" does not exist in database "
                           "\"%2\" on %3 (measurements: %4)")
                .arg(s.measurement, s.database, at, listForMessage(ms)));
    QStringList known = markets;
    known.sort();
    for (const QString& m : wanted)
        if (!known.contains(m))
            throw InfluxError(InfluxError::Kind::NotFound,
                QStringLiteral("market \"%1\" does not exist in %2 on %3 (markets are matched exactly, "
                               "case included; markets: %4)")
                    .arg(m, s.qualifiedMeasurement(), at, listForMessage(known)));
}

std::optional<InfluxCatalog::Extent> InfluxCatalog::extent(
    const QString& market, std::int64_t fromMs, std::int64_t toMs)
{
    const auto& s = m_client.settings();
    const QString where = QStringLiteral(" FROM %1 WHERE market = $m AND time >= $from AND time < $to")
                              .arg(s.qualifiedMeasurement());
    const nlohmann::json params = { { "m", market.toStdString() }, { "from", InfluxQl::rfc3339(fromMs) },
        { "to", InfluxQl::rfc3339(toMs) } };
    const nlohmann::json results = m_client.read(
        QStringLiteral("SELECT first(close)") + where + QStringLiteral("; SELECT last(close)") + where,
        params);
    std::int64_t t[2] = { 0, 0 };
    try {
        for (std::size_t i = 0; i < 2; ++i) {
            const auto& r = results.at(i);
            if (!r.contains("series"))
                return std::nullopt;
            t[i] = r.at("series").at(0).at("values").at(0).at(0).get<std::int64_t>();
        }
    } catch (const nlohmann::json::exception&) {
        throw InfluxError::malformed(s, QStringLiteral("unexpected reply to first()/last()"));
    }
    return Extent { t[0], t[1] };
}

} // namespace veloce
