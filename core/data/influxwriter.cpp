#include "data/influxwriter.h"

#include "data/influxcatalog.h"
#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/influxql.h"
#include "types/numberformat.h"

#include <cmath>

namespace veloce {

namespace {
// Line protocol escapes commas, spaces and '=' in measurement names and tag values.
QByteArray escaped(const QString& text)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == ',' || c == ' ' || c == '=')
            out += '\\';
        out += c;
    }
    return out;
}
} // namespace

InfluxWriter::InfluxWriter(InfluxClient& client, QString market, int batchSize)
    : m_client(client)
    , m_batchSize(std::max(1, batchSize))
{
    InfluxQl::requireValidMarkets({ market });
    InfluxQl::quoted(client.settings().measurement, "measurement");
    m_prefix = escaped(client.settings().measurement) + ",market=" + escaped(market) + ' ';
}

QString InfluxWriter::ensureSchema()
{
    const auto& s = m_client.settings();
    const QString db = InfluxQl::quoted(s.database, "database");
    const QString rp = InfluxQl::quoted(s.retentionPolicy, "retention policy");
    QStringList created;
    InfluxCatalog catalog(m_client);
    if (!catalog.databases().contains(s.database)) {
        m_client.execute(QStringLiteral("CREATE DATABASE ") + db);
        created << QStringLiteral("database %1").arg(s.database);
    }
    if (!catalog.retentionPolicies().contains(s.retentionPolicy)) {
        m_client.execute(
            QStringLiteral("CREATE RETENTION POLICY %1 ON %2 DURATION INF REPLICATION 1").arg(rp, db));
        created << QStringLiteral("retention policy %1 (kept forever)").arg(s.retentionPolicy);
    }
    return created.join(QLatin1String(", "));
}

void InfluxWriter::add(const Bar& b)
{
    for (const double v : { b.open, b.high, b.low, b.close, b.vbuy, b.vsell })
        if (!std::isfinite(v))
            throw DataError(QStringLiteral("bar at %1 has a value that is not a finite number").arg(b.t));
    m_lines.append(m_prefix.constData(), static_cast<std::size_t>(m_prefix.size()));
    m_lines += "open=";
    appendDouble(m_lines, b.open);
    m_lines += ",high=";
    appendDouble(m_lines, b.high);
    m_lines += ",low=";
    appendDouble(m_lines, b.low);
    m_lines += ",close=";
    appendDouble(m_lines, b.close);
    if (b.vbuy != 0) {
        m_lines += ",vbuy=";
        appendDouble(m_lines, b.vbuy);
    }
    if (b.vsell != 0) {
        m_lines += ",vsell=";
        appendDouble(m_lines, b.vsell);
    }
    m_lines += ' ';
    appendInt(m_lines, b.t);
    m_lines += '\n';
    if (++m_pending >= m_batchSize)
        flush();
}

void InfluxWriter::flush()
{
    if (m_pending == 0)
        return;
    m_client.write(QByteArray(m_lines.data(), static_cast<qsizetype>(m_lines.size())));
    m_written += m_pending;
    m_pending = 0;
    m_lines.clear();
}

} // namespace veloce
