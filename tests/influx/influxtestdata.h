#pragma once

// Rows in aggr-server's schema for the InfluxDB tests, and the bars the source must make of
// them -- computed here independently of the code under test.

#include "influxserver.h"
#include "types/bar.h"

#include <QByteArray>
#include <QString>
#include <QTest>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

struct AggrRow
{
    using Value = std::optional<double>;
    AggrRow(QString m, std::int64_t time)
        : market(std::move(m))
        , t(time)
    {
    }
    AggrRow(
        QString m, std::int64_t time, Value o, Value h, Value l, Value c, Value vb, Value vs, Value lb = {})
        : market(std::move(m))
        , t(time)
        , open(o)
        , high(h)
        , low(l)
        , close(c)
        , vbuy(vb)
        , vsell(vs)
        , lbuy(lb)
    {
    }

    QString market;
    std::int64_t t = 0;
    Value open, high, low, close, vbuy, vsell, lbuy;
};

inline QByteArray toLineProtocol(
    const std::vector<AggrRow>& rows, const QString& measurement = QStringLiteral("trades_1s"))
{
    QByteArray out;
    for (const AggrRow& r : rows) {
        QByteArray fields;
        auto add = [&](const char* name, const std::optional<double>& v) {
            if (!v)
                return;
            if (!fields.isEmpty())
                fields += ',';
            fields += QByteArray(name) + '=' + QByteArray::number(*v, 'g', 17);
        };
        add("open", r.open);
        add("high", r.high);
        add("low", r.low);
        add("close", r.close);
        add("vbuy", r.vbuy);
        add("vsell", r.vsell);
        add("lbuy", r.lbuy);
        out += measurement.toUtf8() + ",market=" + r.market.toUtf8() + ' ' + fields + ' '
            + QByteArray::number(r.t) + '\n';
    }
    return out;
}

// Writes rows in batches; fails the test on any error.
inline bool writeRows(InfluxServer& server, const QString& db, const std::vector<AggrRow>& rows,
    const QString& measurement = QStringLiteral("trades_1s"))
{
    for (std::size_t i = 0; i < rows.size(); i += 20000) {
        const std::vector<AggrRow> part(rows.begin() + static_cast<std::ptrdiff_t>(i),
            rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), i + 20000)));
        const auto r = server.write(db, QStringLiteral("aggr_1s"), toLineProtocol(part, measurement));
        if (r.status != 204) {
            qWarning("write failed: %d %s", r.status, r.body.constData());
            return false;
        }
    }
    return true;
}

// Expected bars: one per timestamp where the primary market has full OHLC; volumes summed over
// `markets`, null = 0. Also returns the number of timestamps without a primary price.
inline std::vector<veloce::Bar> expectedBars(const std::vector<AggrRow>& rows, const QStringList& markets,
    std::int64_t from, std::int64_t to, std::int64_t* noPrice = nullptr)
{
    std::map<std::int64_t, std::pair<std::optional<veloce::Bar>, veloce::Bar>> byTime; // primary bar, sums
    for (const AggrRow& r : rows) {
        const qsizetype m = markets.indexOf(r.market);
        if (m < 0 || r.t < from || r.t >= to)
            continue;
        auto& slot = byTime[r.t];
        slot.second.vbuy += r.vbuy.value_or(0);
        slot.second.vsell += r.vsell.value_or(0);
        if (m == 0 && r.open && r.high && r.low && r.close)
            slot.first = veloce::Bar { r.t, *r.open, *r.high, *r.low, *r.close, 0, 0 };
    }
    std::vector<veloce::Bar> out;
    std::int64_t skipped = 0;
    for (const auto& [t, slot] : byTime) {
        if (!slot.first) {
            ++skipped;
            continue;
        }
        veloce::Bar b = *slot.first;
        b.vbuy = slot.second.vbuy;
        b.vsell = slot.second.vsell;
        out.push_back(b);
    }
    if (noPrice)
        *noPrice = skipped;
    return out;
}

inline QString describe(const veloce::Bar& b)
{
    return QStringLiteral("t=%1 o=%2 h=%3 l=%4 c=%5 vb=%6 vs=%7")
        .arg(b.t)
        .arg(b.open, 0, 'g', 17)
        .arg(b.high, 0, 'g', 17)
        .arg(b.low, 0, 'g', 17)
        .arg(b.close, 0, 'g', 17)
        .arg(b.vbuy, 0, 'g', 17)
        .arg(b.vsell, 0, 'g', 17);
}

// Exact comparison (the doubles must survive InfluxDB unchanged).
inline QString compareBars(const std::vector<veloce::Bar>& got, const std::vector<veloce::Bar>& want)
{
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
        const auto& a = got[i];
        const auto& b = want[i];
        if (a.t != b.t || a.open != b.open || a.high != b.high || a.low != b.low || a.close != b.close
            || a.vbuy != b.vbuy || a.vsell != b.vsell)
            return QStringLiteral("bar %1 differs:\n  got  %2\n  want %3")
                .arg(i)
                .arg(describe(a), describe(b));
    }
    if (got.size() != want.size())
        return QStringLiteral("got %1 bars, want %2").arg(got.size()).arg(want.size());
    return {};
}
