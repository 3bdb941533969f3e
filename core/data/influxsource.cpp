#include "data/influxsource.h"

#include "data/influxcatalog.h"
#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/influxql.h"
#include "data/influxrowreader.h"
#include "types/barlimits.h"

namespace veloce {

InfluxSource::InfluxSource(
    InfluxSettings settings, QStringList markets, std::int64_t fromMs, std::int64_t toMs)
    : InfluxSource(std::move(settings), std::move(markets), fromMs, toMs, Options())
{
}

InfluxSource::InfluxSource(
    InfluxSettings settings, QStringList markets, std::int64_t fromMs, std::int64_t toMs, Options options)
    : m_settings(std::move(settings))
    , m_markets(std::move(markets))
    , m_from(InfluxQl::clampTime(fromMs))
    , m_to(InfluxQl::clampTime(toMs))
    , m_options(options)
{
    InfluxQl::requireValidMarkets(m_markets);
    m_settings.qualifiedMeasurement(); // throws for invalid identifiers
}

InfluxSource::~InfluxSource() = default;

QString InfluxSource::symbolOf(const QString& market)
{
    return market.mid(market.indexOf(QLatin1Char(':')) + 1).toUpper();
}

QString InfluxSource::symbol() const
{
    return symbolOf(m_markets.first());
}

QString InfluxSource::description() const
{
    return QStringLiteral("InfluxDB %1 %2 %3")
        .arg(m_settings.endpoint(), m_settings.qualifiedMeasurement(), m_markets.join(QLatin1Char('+')));
}

void InfluxSource::open()
{
    m_opened = true;
    m_client = std::make_unique<InfluxClient>(m_settings);
    InfluxCatalog catalog(*m_client);
    catalog.requireSchema(m_markets);
    const auto extent = catalog.extent(m_markets.first(), m_from, m_to);
    if (!extent) {
        QStringList withData;
        throw InfluxError(InfluxError::Kind::NoData,
            QStringLiteral("no data for market %1 between %2 and %3 in %4 on %5 (markets: %6)")
                .arg(m_markets.first(), InfluxQl::displayTime(m_from), InfluxQl::displayTime(m_to),
                    m_settings.qualifiedMeasurement(), m_settings.endpoint(),
                    InfluxCatalog::listForMessage(catalog.markets())));
    }
    m_rangeFrom = extent->firstMs;
    m_rangeTo = extent->lastMs + 1;

    InfluxRowQuery q;
    const bool several = m_markets.size() > 1;
    q.fields = { "open", "high", "low", "close", "vbuy", "vsell", "lbuy", "lsell" };
    QString columns = QStringLiteral("open,high,low,close,vbuy,vsell,lbuy,lsell");
    if (several) {
        // The tag as a column keeps one time-ordered stream over all markets (GROUP BY market
        // would return one market after the other).
        columns.prepend(QLatin1String("market,"));
        q.tagColumn = "market";
    }
    q.select = QStringLiteral("SELECT %1 FROM %2").arg(columns, m_settings.qualifiedMeasurement());
    QStringList terms;
    for (qsizetype i = 0; i < m_markets.size(); ++i) {
        const std::string key = "m" + std::to_string(i);
        terms << QStringLiteral("market = $") + QString::fromStdString(key);
        q.params[key] = m_markets[i].toStdString();
        q.tagValues.push_back(m_markets[i].toStdString());
    }
    q.filter
        = several ? QLatin1Char('(') + terms.join(QLatin1String(" OR ")) + QLatin1Char(')') : terms.first();
    m_reader = std::make_unique<InfluxRowReader>(
        *m_client, std::move(q), m_rangeFrom, m_rangeTo, m_options.pageMs, m_options.chunkSize);
}

bool InfluxSource::next(Bar& out)
{
    if (m_done)
        return false;
    if (!m_opened)
        open();
    InfluxRow row;
    while (m_reader->next(row)) {
        if (m_merger.add(row, out))
            return accept(out);
    }
    m_done = true;
    m_client.reset(); // closes the connection; stats stay
    if (m_merger.flush(out))
        return accept(out);
    return false;
}

bool InfluxSource::accept(const Bar& bar)
{
    // The server's numbers obey the same rules as a file's (docs/input-rules.md).
    if (const char* problem = BarLimits::violation(bar))
        throw InfluxError::malformed(m_settings,
            QStringLiteral("the bar of %1 at %2 ms has %3")
                .arg(m_markets.join(QLatin1Char('+')))
                .arg(bar.t)
                .arg(QLatin1String(problem)));
    ++m_bars;
    return true;
}

SourceStats InfluxSource::stats() const
{
    SourceStats s;
    s.rows = m_reader ? m_reader->rows() : 0;
    s.bars = m_bars;
    s.outOfOrder = m_merger.outOfOrder();
    s.firstOutOfOrderMs = m_merger.firstOutOfOrderMs();
    s.skippedNoPrice = m_merger.skippedNoPrice();
    return s;
}

double InfluxSource::progress() const
{
    if (m_done)
        return 1.0;
    if (!m_reader || m_rangeTo <= m_rangeFrom)
        return 0.0;
    const double p = double(m_reader->position() - m_rangeFrom) / double(m_rangeTo - m_rangeFrom);
    return std::clamp(p, 0.0, 1.0);
}

int InfluxSource::retries() const
{
    return m_reader ? m_reader->retries() : 0;
}

} // namespace veloce
