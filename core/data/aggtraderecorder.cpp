#include "data/aggtraderecorder.h"

#include "data/aggtradecsvwriter.h"
#include "data/dataerror.h"

#include <QTimer>

namespace veloce {

AggTradeRecorder::AggTradeRecorder(
    const QString& path, const QList<BinanceMarket>& markets, int syncIntervalMs, QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    for (int i = 0; i < markets.size(); ++i) {
        m_paths << pathFor(path, markets, i);
        m_writers.push_back(
            std::make_unique<AggTradeCsvWriter>(m_paths.back(), markets[i].venue == BinanceVenue::Spot));
    }
    connect(m_timer, &QTimer::timeout, this, &AggTradeRecorder::sync);
    m_timer->start(std::max(10, syncIntervalMs));
}

AggTradeRecorder::~AggTradeRecorder() = default; // writers close without reporting: call close()

QString AggTradeRecorder::pathFor(const QString& path, const QList<BinanceMarket>& markets, int market)
{
    if (markets.size() <= 1)
        return path;
    const BinanceMarket& m = markets[market];
    const QString tag = QStringLiteral("-%1-%2").arg(BinanceVenues::name(m.venue), m.symbol);
    for (const QString& ext : { QStringLiteral(".csv.gz"), QStringLiteral(".csv"), QStringLiteral(".gz") })
        if (path.endsWith(ext, Qt::CaseInsensitive))
            return path.left(path.size() - ext.size()) + tag + path.right(ext.size());
    return path + tag;
}

void AggTradeRecorder::record(int market, const AggTrade& trade)
{
    if (m_writers.empty())
        return;
    try {
        m_writers[std::size_t(market)]->write(trade);
        ++m_trades;
        m_dirty = true;
    } catch (const DataError& e) {
        m_writers.clear();
        m_timer->stop();
        Q_EMIT failed(e.message());
    }
}

void AggTradeRecorder::sync()
{
    if (!m_dirty || m_writers.empty())
        return;
    try {
        for (auto& w : m_writers)
            w->sync();
        m_dirty = false;
    } catch (const DataError& e) {
        m_writers.clear();
        m_timer->stop();
        Q_EMIT failed(e.message());
    }
}

void AggTradeRecorder::close()
{
    m_timer->stop();
    std::vector<std::unique_ptr<AggTradeCsvWriter>> writers;
    writers.swap(m_writers);
    for (auto& w : writers)
        w->close();
}

} // namespace veloce
