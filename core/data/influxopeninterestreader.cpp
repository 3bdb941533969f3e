#include "data/influxopeninterestreader.h"

#include "data/dataerror.h"
#include "data/influxclient.h"
#include "data/influxql.h"
#include "data/influxrowreader.h"

namespace veloce {

namespace {
bool isTagValue(const QString& v)
{
    if (v.isEmpty() || v.size() > 64)
        return false;
    for (const QChar c : v)
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('_') && c != QLatin1Char('-'))
            return false;
    return true;
}
} // namespace

InfluxOpenInterestReader::InfluxOpenInterestReader(InfluxSettings settings, QString symbol, QString exchange,
    std::int64_t fromMs, std::int64_t toMs, QString measurement)
    : m_settings(std::move(settings))
{
    if (!isTagValue(symbol) || !isTagValue(exchange))
        throw DataError(
            QStringLiteral("invalid open-interest symbol \"%1\" or exchange \"%2\": letters, digits, _ and - "
                           "only (e.g. BTC, TOTAL_AGG)")
                .arg(symbol.left(64), exchange.left(64)));
    m_settings.measurement = measurement;
    m_client = std::make_unique<InfluxClient>(m_settings);
    InfluxRowQuery q;
    q.select = QStringLiteral("SELECT open_interest FROM %1").arg(m_settings.qualifiedMeasurement());
    q.filter = QStringLiteral("symbol = $symbol AND exchange = $exchange");
    q.params = { { "symbol", symbol.toStdString() }, { "exchange", exchange.toStdString() } };
    q.fields = { "open_interest" };
    m_reader = std::make_unique<InfluxRowReader>(
        *m_client, std::move(q), fromMs, toMs, 7LL * 24 * 3600 * 1000, 10000);
}

InfluxOpenInterestReader::~InfluxOpenInterestReader() = default;

bool InfluxOpenInterestReader::next(OpenInterestPoint& out)
{
    InfluxRow row;
    while (m_reader->next(row)) {
        if (InfluxRow::isNull(row.v[0]))
            continue;
        out = OpenInterestPoint { row.t, row.v[0] };
        return true;
    }
    return false;
}

} // namespace veloce
