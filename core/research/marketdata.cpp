#include "research/marketdata.h"

#include "data/barsource.h"
#include "portfolio/metrics.h"

#include <QCryptographicHash>
#include <algorithm>

namespace veloce {

std::shared_ptr<const MarketData> MarketData::load(
    BarSource& source, const QString& label, const QString& fileSha256, const std::atomic<bool>* cancel)
{
    auto data = std::make_shared<MarketData>();
    data->label = label;
    data->fileSha256 = fileSha256;
    data->source = source.description();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Bar bar;
    std::int64_t n = 0;
    while (source.next(bar)) {
        data->bars.push_back(bar);
        if ((++n & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return nullptr;
    }
    // The fields one by one: Bar's padding bytes are not part of the data.
    for (const Bar& b : data->bars) {
        const double fields[] = { b.open, b.high, b.low, b.close, b.vbuy, b.vsell };
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(&b.t), sizeof b.t));
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(fields), sizeof fields));
    }
    data->barsSha256 = QString::fromLatin1(hash.result().toHex());
    data->symbol = source.symbol();
    data->stats = source.stats();
    data->bars.shrink_to_fit();
    return data;
}

std::size_t MarketData::lowerBound(std::int64_t ms) const
{
    return static_cast<std::size_t>(
        std::lower_bound(bars.begin(), bars.end(), ms, [](const Bar& b, std::int64_t t) { return b.t < t; })
        - bars.begin());
}

std::int64_t MarketData::minutes(std::size_t begin, std::size_t end) const
{
    std::int64_t count = 0;
    std::int64_t last = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const std::int64_t m = Metrics::minuteOf(bars[i].t);
        count += (i == begin || m != last);
        last = m;
    }
    return count;
}

} // namespace veloce
