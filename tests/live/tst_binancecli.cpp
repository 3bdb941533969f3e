// `veloce-cli paper --binance` and `veloce-cli record --binance` as a user runs them, against the
// loopback Binance (loopbackbinance.h) in this process: the paper session's signals and trades
// are the backtest's, its JSON lines show the feed's health (warm-up, live, a reconnect and the
// repaired gap); the recording is the served trades row for row and backtests like them; bad
// markets, venues and symbols stop with exit code 2 and a message naming them.
#include "clirunner.h"
#include "loopbackbinance.h"
#include "tradedata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <functional>

using namespace veloce;

namespace {
const QString kSample
    = QStringLiteral(VELOCE_SAMPLE_DATA "/binance/BTCUSDT-aggTrades-2026-01-01_first5000.csv.gz");

QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

// A veloce-cli child whose JSON lines are collected while this process's event loop keeps
// running (the loopback exchange lives in it).
class CliChild
{
public:
    explicit CliChild(const QStringList& args)
    {
        QObject::connect(&m_proc, &QProcess::readyReadStandardOutput, [this] { read(); });
        m_proc.start(QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli"), args);
    }
    ~CliChild()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished();
        }
    }
    bool waitFor(const std::function<bool(const QJsonObject&)>& pred, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            for (const QJsonObject& o : std::as_const(m_lines))
                if (pred(o))
                    return true;
            if (m_proc.state() == QProcess::NotRunning)
                return false;
            QTest::qWait(20);
        }
        return false;
    }
    bool interruptAndWait(int timeoutMs)
    {
        ::kill(static_cast<pid_t>(m_proc.processId()), SIGINT);
        QElapsedTimer t;
        t.start();
        while (m_proc.state() != QProcess::NotRunning && t.elapsed() < timeoutMs)
            QTest::qWait(20);
        read();
        return m_proc.state() == QProcess::NotRunning;
    }
    bool finish(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (m_proc.state() != QProcess::NotRunning && t.elapsed() < timeoutMs)
            QTest::qWait(20);
        read();
        return m_proc.state() == QProcess::NotRunning;
    }
    QList<QJsonObject> events(const QString& name) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject& o : m_lines)
            if (str(o, "event") == name)
                out << o;
        return out;
    }
    int exitCode() const { return m_proc.exitCode(); }
    QString err() { return QString::fromUtf8(m_proc.readAllStandardError()); }

private:
    void read()
    {
        while (m_proc.canReadLine()) {
            const QJsonDocument d = QJsonDocument::fromJson(m_proc.readLine().trimmed());
            if (d.isObject())
                m_lines << d.object();
        }
    }
    QProcess m_proc;
    QList<QJsonObject> m_lines;
};

QString writeConfig(const QTemporaryDir& dir, const LoopbackBinance& server, const QByteArray& extra = {})
{
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"squeeze_length": 10, "divergence_lookback": 20, "min_entry_score": 1.5,
        "position_size_by_score": {"0-3.9": 0.5}, "max_open_positions": 3, "heartbeat_timeout_s": 600,
        "binance_warmup_s": 120, "binance_ws_url": ")"
        + server.wsUrl().toUtf8() + R"(", "binance_rest_url": ")" + server.restUrl().toUtf8() + "\"" + extra
        + "}");
    return path;
}

QStringList csvRows(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
}
} // namespace

class TestBinanceCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void paperEqualsBacktest_data();
    void paperEqualsBacktest();
    void recordEqualsServed_data();
    void recordEqualsServed();
    void badInput_data();
    void badInput();

private:
    std::vector<AggTrade> m_sample;
};

void TestBinanceCli::initTestCase()
{
    m_sample = livetest::readAggTrades(kSample);
    QVERIFY(!m_sample.empty());
}

void TestBinanceCli::paperEqualsBacktest_data()
{
    QTest::addColumn<QString>("venue");
    QTest::addColumn<bool>("disconnect");
    QTest::newRow("spot, clean") << "spot" << false;
    QTest::newRow("futures, connection lost mid-second") << "futures" << true;
}

void TestBinanceCli::paperEqualsBacktest()
{
    QFETCH(QString, venue);
    QFETCH(bool, disconnect);
    QTemporaryDir dir;
    LoopbackBinance server;
    QVERIFY(server.listen());
    BinanceVenue v = BinanceVenue::Spot;
    QVERIFY(BinanceVenues::parse(venue, v));
    server.addMarket(v, QStringLiteral("BTCUSDT"), m_sample);
    const qint64 startMs = m_sample.front().t - m_sample.front().t % 1000 + 300'000;
    if (disconnect)
        server.faults.disconnectAfter = { m_sample[3000].id };
    server.startClock(startMs, 100, true);
    const QString config = writeConfig(dir, server);

    CliChild paper({ QStringLiteral("paper"), QStringLiteral("--binance"), QStringLiteral("btcusdt"),
        QStringLiteral("--venue"), venue, QStringLiteral("--config"), config, QStringLiteral("--journal"),
        dir.filePath(QStringLiteral("j.sqlite")) });
    const QString served = dir.filePath(QStringLiteral("served.csv"));
    QVERIFY(livetest::writeDump(
        served, server.tradesFrom(v, QStringLiteral("BTCUSDT"), startMs - 120'000), v == BinanceVenue::Spot));
    const qint64 lastSecond = m_sample.back().t - m_sample.back().t % 1000;
    QVERIFY2(paper.waitFor(
                 [&](const QJsonObject& o) {
                     return str(o, "event") == QLatin1String("bar")
                         && qint64(o.value(QLatin1String("t")).toDouble()) == lastSecond;
                 },
                 120000),
        qPrintable(paper.err()));
    QVERIFY(paper.interruptAndWait(30000));
    QCOMPARE(paper.exitCode(), 0);

    const CliRun bt = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), served,
        QStringLiteral("--config"), config, QStringLiteral("--out"), dir.filePath(QStringLiteral("bt")) });
    QVERIFY2(bt.exitCode == 0, qPrintable(bt.err));
    QStringList trades;
    for (const QString& row : csvRows(dir.filePath(QStringLiteral("bt/trades.csv"))))
        if (!row.contains(QLatin1String(",end,")))
            trades << row;
    const QList<QJsonObject> liveTrades = paper.events(QStringLiteral("trade"));
    QVERIFY(trades.size() > 1);
    QCOMPARE(liveTrades.size(), trades.size());
    for (int i = 0; i < trades.size(); ++i) {
        const QStringList c = trades[i].split(QLatin1Char(','));
        const QJsonObject& t = liveTrades[i];
        QCOMPARE(qint64(t.value(QLatin1String("entry_ms")).toDouble()), c[0].toLongLong());
        QCOMPARE(qint64(t.value(QLatin1String("exit_ms")).toDouble()), c[1].toLongLong());
        QCOMPARE(str(t, "side"), c[2]);
        QCOMPARE(t.value(QLatin1String("pnl")).toDouble(), c[6].toDouble());
        QCOMPARE(str(t, "exit_reason"), c[8]);
    }
    const QStringList signalRows = csvRows(dir.filePath(QStringLiteral("bt/signals.csv")));
    const QList<QJsonObject> liveSignals = paper.events(QStringLiteral("signal"));
    QCOMPARE(liveSignals.size(), signalRows.size());
    for (int i = 0; i < signalRows.size(); ++i) {
        const QStringList c = signalRows[i].split(QLatin1Char(','));
        QCOMPARE(qint64(liveSignals[i].value(QLatin1String("t")).toDouble()), c[0].toLongLong());
        QCOMPARE(liveSignals[i].value(QLatin1String("score")).toDouble(), c[2].toDouble());
        QCOMPARE(str(liveSignals[i], "reject_reason"), c[7]);
    }

    // The health a person watching the terminal sees.
    QStringList states;
    for (const QJsonObject& f : paper.events(QStringLiteral("feed")))
        if (states.isEmpty() || states.last() != str(f, "state"))
            states << str(f, "state");
    QVERIFY2(states.contains(QLatin1String("warming_up")) && states.contains(QLatin1String("live")),
        qPrintable(states.join(QLatin1Char(' '))));
    const QJsonObject end = paper.events(QStringLiteral("end")).value(0);
    const QJsonObject feed = end.value(QLatin1String("feed")).toObject();
    QCOMPARE(feed.value(QLatin1String("late_trades")).toInt(), 0);
    if (disconnect) {
        QVERIFY2(states.contains(QLatin1String("reconnecting")), qPrintable(states.join(QLatin1Char(' '))));
        QCOMPARE(feed.value(QLatin1String("reconnects")).toInt(), 1);
        QCOMPARE(feed.value(QLatin1String("gaps_repaired")).toInt(), 1);
        bool alerted = false;
        for (const QJsonObject& a : paper.events(QStringLiteral("alert")))
            alerted = alerted || str(a, "message").contains(QLatin1String("stream lost"));
        QVERIFY(alerted);
    } else {
        QCOMPARE(feed.value(QLatin1String("reconnects")).toInt(), 0);
    }
    const QJsonObject lastBar = paper.events(QStringLiteral("bar")).constLast();
    QVERIFY(lastBar.value(QLatin1String("feed")).toObject().contains(QLatin1String("lag_ms")));
}

void TestBinanceCli::recordEqualsServed_data()
{
    QTest::addColumn<QString>("markets");
    QTest::addColumn<QString>("file");
    QTest::newRow("spot, gzip") << "spot:btcusdt"
                                << "rec.csv.gz";
    QTest::newRow("futures and spot, two files") << "btcusdt,spot:btcusdt"
                                                 << "rec.csv";
}

void TestBinanceCli::recordEqualsServed()
{
    QFETCH(QString, markets);
    QFETCH(QString, file);
    QTemporaryDir dir;
    LoopbackBinance server;
    QVERIFY(server.listen());
    const QList<BinanceMarket> list = BinanceVenues::parseMarkets(markets, BinanceVenue::Futures);
    for (int i = 0; i < list.size(); ++i)
        server.addMarket(list[i].venue, list[i].symbol,
            i == 0 ? m_sample
                   : livetest::syntheticTrades(
                       5, 800, m_sample.front().t - m_sample.front().t % 1000, 77'000'000));
    const qint64 startMs = m_sample.front().t - m_sample.front().t % 1000 + 300'000;
    server.startClock(startMs, 150, true);
    const QString out = dir.filePath(file);
    CliChild record({ QStringLiteral("record"), QStringLiteral("--binance"), markets,
        QStringLiteral("--config"), writeConfig(dir, server), QStringLiteral("--out"), out });
    QVERIFY2(
        record.waitFor([](const QJsonObject& o) { return str(o, "event") == QLatin1String("start"); }, 30000),
        qPrintable(record.err()));
    QTRY_VERIFY_WITH_TIMEOUT(server.allReleased(), 60000);
    QTest::qWait(1500); // the last burst on its way
    QVERIFY(record.interruptAndWait(30000));
    QCOMPARE(record.exitCode(), 0);
    const QJsonObject end = record.events(QStringLiteral("end")).value(0);
    QCOMPARE(str(end, "reason"), QStringLiteral("SIGINT"));

    qint64 total = 0;
    for (int i = 0; i < list.size(); ++i) {
        const QString expected = dir.filePath(QStringLiteral("served-%1.csv").arg(i));
        const std::vector<AggTrade> trades
            = server.tradesFrom(list[i].venue, list[i].symbol, startMs - 120'000);
        total += qint64(trades.size());
        QVERIFY(livetest::writeDump(expected, trades, list[i].venue == BinanceVenue::Spot));
        const QString path = list.size() == 1
            ? out
            : dir.filePath(
                QStringLiteral("rec-%1-%2.csv").arg(BinanceVenues::name(list[i].venue), list[i].symbol));
        QCOMPARE(livetest::readLines(path), livetest::readLines(expected));
        // Today's recording, backtested tomorrow: the same result as the served trades.
        const CliRun a = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), path,
            QStringLiteral("--out"), dir.filePath(QStringLiteral("a%1").arg(i)) });
        const CliRun b = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), expected,
            QStringLiteral("--out"), dir.filePath(QStringLiteral("b%1").arg(i)) });
        QVERIFY2(a.exitCode == 0 && b.exitCode == 0, qPrintable(a.err + b.err));
        QCOMPARE(csvRows(dir.filePath(QStringLiteral("a%1/signals.csv").arg(i))),
            csvRows(dir.filePath(QStringLiteral("b%1/signals.csv").arg(i))));
    }
    QCOMPARE(qint64(end.value(QLatin1String("trades")).toDouble()), total);
}

void TestBinanceCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown venue") << words("paper --binance btcusdt --venue margin")
                                   << "--venue: \"margin\" is not one of spot, futures";
    QTest::newRow("bad market") << words("paper --binance btc/usdt") << "Binance market \"btc/usdt\"";
    QTest::newRow("venue prefix") << words("record --binance perp:btcusdt --out x.csv")
                                  << "unknown venue \"perp\"";
    QTest::newRow("record without --out") << words("record --binance btcusdt") << "--out FILE";
    QTest::newRow("two sources") << words("paper --binance btcusdt --simulate") << "exactly one source";
    QTest::newRow("unknown symbol (exchange says)")
        << words("paper --binance nosuchcoin") << "Invalid symbol. (code -1121)";
}

void TestBinanceCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QTemporaryDir dir;
    LoopbackBinance server;
    QVERIFY(server.listen());
    server.addMarket(BinanceVenue::Futures, QStringLiteral("BTCUSDT"), m_sample);
    server.startClock(m_sample.front().t + 300'000, 1);
    args << QStringLiteral("--config") << writeConfig(dir, server);
    if (args.first() == QLatin1String("paper"))
        args << QStringLiteral("--journal") << dir.filePath(QStringLiteral("j.sqlite"));
    // Run as a child while this event loop serves the loopback exchange.
    CliChild child(args);
    QVERIFY(child.finish(60000));
    QCOMPARE(child.exitCode(), 2);
    const QString err = child.err();
    QVERIFY2(err.contains(says), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestBinanceCli)
#include "tst_binancecli.moc"
