// `veloce-cli backtest` on the real Q1 2024 klines: all §7 files are written, and a few trades
// are recomputed here by hand from the raw bars, independently of the engine's code.
#include "clirunner.h"
#include "data/barfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>
#include <vector>

using namespace veloce;

class TestBacktestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void writesAllFiles();
    void tradesRecomputedByHand_data();
    void tradesRecomputedByHand();
    void summaryCountsMatchFiles();

private:
    QStringList rows(const char* file) const;
    QTemporaryDir m_out;
    std::vector<Bar> m_bars;
    std::map<std::int64_t, std::size_t> m_index; // bar time -> position in m_bars
};

void TestBacktestCli::initTestCase()
{
    const QString data
        = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-1m-2024-01-01_2024-03-31.csv.gz");
    const CliRun run = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), data,
        QStringLiteral("--out"), m_out.path(), QStringLiteral("--scores") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    auto source = openBarFile(data);
    Bar b;
    while (source->next(b)) {
        m_index[b.t] = m_bars.size();
        m_bars.push_back(b);
    }
    QCOMPARE(m_bars.size(), std::size_t(131040));
}

QStringList TestBacktestCli::rows(const char* file) const
{
    QFile f(m_out.filePath(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.removeFirst(); // header
    return lines;
}

void TestBacktestCli::writesAllFiles()
{
    for (const char* f : { "summary.json", "trades.csv", "signals.csv", "equity.csv", "scores.csv" })
        QVERIFY2(QFile::exists(m_out.filePath(QLatin1String(f))), f);
    QCOMPARE(rows("scores.csv").size(), 131040); // one row per bar
    QCOMPARE(rows("equity.csv").size(), 131040); // one per minute, and these are 1-minute bars
    QVERIFY(rows("trades.csv").size() > 10);
}

void TestBacktestCli::tradesRecomputedByHand_data()
{
    QTest::addColumn<int>("tradeIndex");
    QTest::newRow("first trade") << 0;
    QTest::newRow("fifth trade") << 4;
    QTest::newRow("tenth trade") << 9;
}

void TestBacktestCli::tradesRecomputedByHand()
{
    QFETCH(int, tradeIndex);
    const QStringList trades = rows("trades.csv");
    QVERIFY(trades.size() > tradeIndex);
    const QStringList t = trades[tradeIndex].split(QLatin1Char(','));
    const std::int64_t entryMs = t[0].toLongLong();
    const std::int64_t exitMs = t[1].toLongLong();
    const bool isLong = t[2] == QLatin1String("LONG");
    const double entry = t[3].toDouble(), exit = t[4].toDouble(), qty = t[5].toDouble(),
                 pnl = t[6].toDouble();

    // Defaults: no slippage, no fees -> fills at the bar close.
    QVERIFY(m_index.count(entryMs) && m_index.count(exitMs));
    const std::size_t ei = m_index[entryMs];
    QCOMPARE(entry, m_bars[ei].close);
    QCOMPARE(exit, m_bars[m_index[exitMs]].close);

    // Stop and target from the signal: atr = 2 * population sd of the last 20 closes.
    double mean = 0;
    for (std::size_t k = ei - 19; k <= ei; ++k)
        mean += m_bars[k].close / 20.0;
    double var = 0;
    for (std::size_t k = ei - 19; k <= ei; ++k)
        var += (m_bars[k].close - mean) * (m_bars[k].close - mean) / 20.0;
    const double atr = 2 * std::sqrt(var);
    const double dir = isLong ? 1 : -1;
    const double stop = entry - dir * 2 * atr, target = entry + dir * 4 * atr;

    // The exit is the first later close beyond the stop or the target (or the end of data).
    std::size_t xi = ei + 1;
    while (xi < m_bars.size()) {
        const double c = m_bars[xi].close;
        if (isLong ? (c <= stop || c >= target) : (c >= stop || c <= target))
            break;
        ++xi;
    }
    QCOMPARE(m_bars[std::min(xi, m_bars.size() - 1)].t, exitMs);
    const QString reason = t[8];
    QCOMPARE(reason,
        (isLong ? m_bars[xi].close <= stop : m_bars[xi].close >= stop) ? QStringLiteral("stop")
                                                                       : QStringLiteral("target"));
    QVERIFY(std::fabs(pnl - dir * (exit - entry) * qty) <= 1e-9 * std::fabs(pnl) + 1e-9);

    // Size: half of equity for a 4-5 score, capped so the loss at the stop is 2 % of equity.
    // Equity on the entry bar's row equals the equity before the entry (fill = close, no fee).
    double equityAtEntry = 0;
    for (const QString& row : rows("equity.csv"))
        if (row.startsWith(QString::number(entryMs) + QLatin1Char(',')))
            equityAtEntry = row.split(QLatin1Char(','))[1].toDouble();
    const double score = t[9].toDouble();
    const double fraction = score >= 8 ? 1.5 : score >= 6 ? 1.0 : 0.5;
    const double expectedQty
        = std::min(fraction * equityAtEntry / entry, 0.02 * equityAtEntry / std::fabs(entry - stop));
    QVERIFY2(std::fabs(qty - expectedQty) <= 1e-9 * expectedQty,
        qPrintable(QStringLiteral("qty %1 vs %2").arg(qty, 0, 'g', 17).arg(expectedQty, 0, 'g', 17)));
}

void TestBacktestCli::summaryCountsMatchFiles()
{
    QFile f(m_out.filePath(QStringLiteral("summary.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
    const QStringList trades = rows("trades.csv");
    const QStringList signalRows = rows("signals.csv");
    QCOMPARE(s.value(QStringLiteral("bars")).toInteger(), 131040);
    QCOMPARE(s.value(QStringLiteral("total_trades")).toInteger(), trades.size());
    QCOMPARE(s.value(QStringLiteral("signals")).toInteger(), signalRows.size());
    int rejected = 0, wins = 0;
    double sum = 0;
    for (const QString& r : signalRows)
        rejected += r.split(QLatin1Char(','))[6] == QLatin1String("0");
    for (const QString& r : trades) {
        const double pnl = r.split(QLatin1Char(','))[6].toDouble();
        wins += pnl > 0;
        sum += pnl;
    }
    QCOMPARE(s.value(QStringLiteral("rejected_signals")).toInteger(), rejected);
    QCOMPARE(s.value(QStringLiteral("winning_trades")).toInteger(), wins);
    const double finalEquity = s.value(QStringLiteral("final_equity")).toDouble();
    QVERIFY(std::fabs(finalEquity - (100000.0 + sum)) < 1e-6 * finalEquity); // cash moves only by PnL
}

QTEST_GUILESS_MAIN(TestBacktestCli)
#include "tst_backtestcli.moc"
