// Every failure a user can meet with an InfluxDB source gives a clear message, against a real
// influxd: connection refused, timeout, 401, unknown database / retention policy / measurement
// / market, malformed reply, no data in the range; and a server that dies mid-stream is either
// resumed seamlessly or reported, never with a duplicated bar. Against a misbehaving loopback
// server (issue 11): credentials it echoes never reach a message, a reply that never ends or
// trickles fails with a clear message naming the endpoint and memory stays bounded -- for
// statements, chunked history streams and live polls, in the library and in veloce-cli.
#include "clirunner.h"
#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/influxlivepoller.h"
#include "data/influxquerystream.h"
#include "data/influxsource.h"
#include "data/networkreplyguard.h"
#include "influxserver.h"
#include "influxtestdata.h"
#include "loopbackhttpserver.h"
#include "processmemory.h"
#include "secretleaks.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace veloce;
using veloce::test::peakRss;

namespace {
constexpr std::int64_t kT0 = 1700000000000;
const QString kSpot = QStringLiteral("BINANCE:btcusdt");
constexpr std::int64_t kAll = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();

// What reading a whole source throws, or "" when it does not.
QString errorOf(InfluxSource& source, InfluxError::Kind* kind = nullptr)
{
    try {
        Bar b;
        while (source.next(b)) { }
    } catch (const InfluxError& e) {
        if (kind)
            *kind = e.kind();
        return e.message();
    } catch (const DataError& e) {
        return QStringLiteral("(plain DataError) ") + e.message();
    }
    return {};
}

// What the first request of `path` fails with: an InfluxSource (a statement, read whole), a
// chunked query stream, or the live poller (reported through stalled()).
QString failureOf(const QString& path, const InfluxSettings& s, InfluxError::Kind* kind)
{
    if (path == QLatin1String("source")) {
        InfluxSource source(s, { kSpot }, kNone, kAll);
        return errorOf(source, kind);
    }
    if (path == QLatin1String("stream")) {
        InfluxClient client(s);
        try {
            InfluxQueryStream stream(client, QStringLiteral("SELECT close FROM x"), {}, 1000);
            const char* b = nullptr;
            const char* e = nullptr;
            while (stream.nextLine(b, e)) { }
        } catch (const InfluxError& e) {
            *kind = e.kind();
            return e.message();
        }
        return {};
    }
    InfluxLivePoller poller(s, { kSpot }, kT0, {});
    QSignalSpy stalled(&poller, &InfluxLivePoller::stalled);
    poller.start();
    if (!stalled.wait(30000))
        return {};
    return stalled.first().at(0).toString();
}
} // namespace

class TestInfluxErrors : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void errors_data();
    void errors();
    void timeout();
    void malformedReply();
    void authentication();
    void killedMidStream_data();
    void killedMidStream();
    void echoedCredentialsAreRedacted_data();
    void echoedCredentialsAreRedacted();
    void repliesAreBounded_data();
    void repliesAreBounded();
    void cliRedactsAndBounds_data();
    void cliRedactsAndBounds();

private:
    InfluxSettings settings(const QString& db = QStringLiteral("errs")) const;

    InfluxServer m_server;
};

InfluxSettings TestInfluxErrors::settings(const QString& db) const
{
    InfluxSettings s;
    s.setUrl(m_server.url());
    s.database = db;
    s.retryDelayMs = 50;
    s.retries = 1;
    return s;
}

void TestInfluxErrors::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_server.createDatabase(QStringLiteral("errs")));
    std::vector<AggrRow> rows;
    for (int i = 0; i < 10; ++i) {
        AggrRow r { kSpot, kT0 + i * 1000 };
        r.open = r.high = r.low = r.close = 100.0 + i;
        r.vbuy = 1;
        rows.push_back(r);
    }
    rows.push_back(AggrRow { QStringLiteral("BYBIT:BTCUSDT"), kT0, 1, 1, 1, 1, 1, 1, {} });
    QVERIFY(writeRows(m_server, QStringLiteral("errs"), rows));
    // A measurement whose "open" is a string field: the reply is valid JSON but not bars.
    QCOMPARE(m_server
                 .write(QStringLiteral("errs"), QStringLiteral("aggr_1s"),
                     "trades_text,market=BINANCE:btcusdt open=\"x\",high=1,low=1,close=1 1700000000000\n")
                 .status,
        204);
}

void TestInfluxErrors::errors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("db");
    QTest::addColumn<QString>("rp");
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<QString>("market");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("mustContain");
    const QString refused = QStringLiteral("http://127.0.0.1:%1").arg(InfluxServer::freePort());
    const QString ok; // the test server
    const QString db = QStringLiteral("errs");
    const QString rp = QStringLiteral("aggr_1s");
    const QString ms = QStringLiteral("trades_1s");
    QTest::newRow("connection refused")
        << refused << db << rp << ms << kSpot << qint64(kNone) << int(InfluxError::Kind::Connection)
        << QStringList { QStringLiteral("connection refused"), refused };
    QTest::newRow("unknown database") << ok << QStringLiteral("nope") << rp << ms << kSpot << qint64(kNone)
                                      << int(InfluxError::Kind::NotFound)
                                      << QStringList { QStringLiteral("database \"nope\" does not exist"),
                                             QStringLiteral("databases: errs") };
    QTest::newRow("unknown retention policy")
        << ok << db << QStringLiteral("aggr_10s") << ms << kSpot << qint64(kNone)
        << int(InfluxError::Kind::NotFound)
        << QStringList { QStringLiteral("retention policy \"aggr_10s\" does not exist"),
               QStringLiteral("aggr_1s") };
    QTest::newRow("unknown measurement")
        << ok << db << rp << QStringLiteral("trades_10s") << kSpot << qint64(kNone)
        << int(InfluxError::Kind::NotFound)
        << QStringList { QStringLiteral("measurement \"trades_10s\" does not exist"),
               QStringLiteral("trades_1s") };
    QTest::newRow("unknown market (case)")
        << ok << db << rp << ms << QStringLiteral("BINANCE:BTCUSDT") << qint64(kNone)
        << int(InfluxError::Kind::NotFound)
        << QStringList { QStringLiteral("market \"BINANCE:BTCUSDT\" does not exist"),
               QStringLiteral("BINANCE:btcusdt, BYBIT:BTCUSDT") };
    QTest::newRow("no data in range")
        << ok << db << rp << ms << kSpot << qint64(kT0 + 3600 * 1000) << int(InfluxError::Kind::NoData)
        << QStringList { QStringLiteral("no data for market BINANCE:btcusdt between "
                                        "2023-11-14T23:13:20Z and the end"),
               QStringLiteral("markets: BINANCE:btcusdt, BYBIT:BTCUSDT") };
    QTest::newRow("malformed (string field)")
        << ok << db << rp << QStringLiteral("trades_text") << kSpot << qint64(kNone)
        << int(InfluxError::Kind::Malformed)
        << QStringList { QStringLiteral("malformed reply from InfluxDB"),
               QStringLiteral("expected a number or null") };
}

void TestInfluxErrors::errors()
{
    QFETCH(QString, url);
    QFETCH(QString, db);
    QFETCH(QString, rp);
    QFETCH(QString, measurement);
    QFETCH(QString, market);
    QFETCH(qint64, from);
    QFETCH(int, kind);
    QFETCH(QStringList, mustContain);
    InfluxSettings s = settings(db);
    if (!url.isEmpty())
        s.setUrl(url);
    s.retentionPolicy = rp;
    s.measurement = measurement;
    InfluxSource source(s, { market }, from, kAll);
    InfluxError::Kind got {};
    const QString message = errorOf(source, &got);
    for (const QString& part : mustContain)
        QVERIFY2(
            message.contains(part), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(message, part)));
    QCOMPARE(int(got), kind);
}

void TestInfluxErrors::timeout()
{
    InfluxSettings s = settings();
    s.timeoutMs = 300;
    m_server.pause(); // accepts connections (kernel), answers nothing
    InfluxSource source(s, { kSpot }, kNone, kAll);
    InfluxError::Kind kind {};
    const QString message = errorOf(source, &kind);
    m_server.resume();
    QVERIFY2(message.contains(QLatin1String("did not answer within 300 ms")), qPrintable(message));
    QCOMPARE(kind, InfluxError::Kind::Timeout);
    // And it works again once the server answers.
    InfluxSource again(settings(), { kSpot }, kNone, kAll);
    QCOMPARE(errorOf(again), QString());
}

void TestInfluxErrors::malformedReply()
{
    // Not an InfluxDB: something else answering on the port with a cut JSON document.
    QTcpServer fake;
    QVERIFY(fake.listen(QHostAddress::LocalHost));
    connect(&fake, &QTcpServer::newConnection, this, [&fake] {
        QTcpSocket* c = fake.nextPendingConnection();
        connect(c, &QTcpSocket::readyRead, c, [c] {
            c->readAll();
            const QByteArray body = "{\"results\":[{\"series\":[{\"v";
            c->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            c->disconnectFromHost();
        });
    });
    InfluxSettings s = settings();
    s.setUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.serverPort()));
    InfluxSource source(s, { kSpot }, kNone, kAll);
    InfluxError::Kind kind {};
    const QString message = errorOf(source, &kind);
    QVERIFY2(message.startsWith(QLatin1String("malformed reply from InfluxDB at http://127.0.0.1:")),
        qPrintable(message));
    QCOMPARE(kind, InfluxError::Kind::Malformed);
}

void TestInfluxErrors::authentication()
{
    InfluxServer secured({ true });
    QString error;
    QVERIFY2(secured.start(&error), qPrintable(error));
    // With no user yet, InfluxDB lets the first admin be created without credentials.
    QCOMPARE(secured.query(QStringLiteral("CREATE USER admin WITH PASSWORD 'S3cret-pw' WITH ALL PRIVILEGES"))
                 .status,
        200);
    secured.setBasicAuth(QStringLiteral("admin"), QStringLiteral("S3cret-pw"));
    QVERIFY(secured.createDatabase(QStringLiteral("sec")));
    QVERIFY(writeRows(secured, QStringLiteral("sec"), { AggrRow { kSpot, kT0, 1, 2, 0.5, 1.5, 3, 4, {} } }));

    InfluxSettings s = settings(QStringLiteral("sec"));
    s.setUrl(secured.url());
    {
        InfluxSource source(s, { kSpot }, kNone, kAll);
        const QString message = errorOf(source);
        QVERIFY2(message.contains(QLatin1String("requires a user name and password (HTTP 401"))
                && message.contains(QLatin1String("VELOCE_INFLUX_PASSWORD")),
            qPrintable(message));
    }
    s.user = QStringLiteral("admin");
    s.password = QStringLiteral("Wr0ng-Pa55");
    {
        InfluxSource source(s, { kSpot }, kNone, kAll);
        InfluxError::Kind kind {};
        const QString message = errorOf(source, &kind);
        QVERIFY2(message.contains(QLatin1String("rejected user \"admin\" (HTTP 401")), qPrintable(message));
        QVERIFY2(!message.contains(s.password), "the password leaked into the message");
        QVERIFY(!source.description().contains(s.password));
        QCOMPARE(kind, InfluxError::Kind::Auth);
    }
    s.password = QStringLiteral("S3cret-pw");
    {
        InfluxSource source(s, { kSpot }, kNone, kAll);
        Bar b;
        QVERIFY(source.next(b));
        QCOMPARE(b.close, 1.5);
        QVERIFY(!source.next(b));
    }
    // user:password in the URL is accepted but never shown.
    s.user.clear();
    s.password.clear();
    s.setUrl(QStringLiteral("http://admin:S3cret-pw@127.0.0.1:%1").arg(secured.port()));
    QCOMPARE(s.password, QStringLiteral("S3cret-pw"));
    QVERIFY(!s.endpoint().contains(QLatin1String("S3cret")));
    InfluxSource fromUrl(s, { kSpot }, kNone, kAll);
    QCOMPARE(errorOf(fromUrl), QString());
    QVERIFY(!fromUrl.description().contains(QLatin1String("S3cret")));
}

void TestInfluxErrors::killedMidStream_data()
{
    QTest::addColumn<int>("restartAfterMs"); // -1: never
    QTest::addColumn<qint64>("pageMs");
    QTest::newRow("restarted, one long reply") << 700 << qint64(24 * 3600 * 1000);
    QTest::newRow("restarted, many pages") << 700 << qint64(600 * 1000);
    QTest::newRow("not restarted") << -1 << qint64(24 * 3600 * 1000);
}

void TestInfluxErrors::killedMidStream()
{
    QFETCH(int, restartAfterMs);
    QFETCH(qint64, pageMs);
    // Enough rows that the reply does not fit in socket buffers (about 20 MB of JSON).
    static bool written = false;
    constexpr int kRows = 200000;
    if (!written) {
        QVERIFY(m_server.createDatabase(QStringLiteral("big")));
        std::vector<AggrRow> rows;
        rows.reserve(kRows);
        for (int i = 0; i < kRows; ++i) {
            const double p = 20000 + (i % 1000) * 0.25;
            rows.push_back(AggrRow {
                kSpot, kT0 + std::int64_t(i) * 1000, p, p + 1, p - 1, p + 0.5, 0.125 * (i % 7), 0.5, {} });
        }
        QVERIFY(writeRows(m_server, QStringLiteral("big"), rows));
        written = true;
    }
    InfluxSettings s = settings(QStringLiteral("big"));
    s.retries = 6;
    s.retryDelayMs = 200; // 200, 400, 800 ... ms: the restart lands inside the retries
    InfluxSource source(s, { kSpot }, kNone, kAll, { pageMs, 1000 });
    Bar b;
    std::int64_t count = 0;
    std::int64_t last = 0;
    bool ordered = true;
    QString error;
    try {
        while (source.next(b)) {
            ordered = ordered && (count == 0 || b.t == last + 1000); // no gap, no duplicate
            last = b.t;
            if (++count == 5000) {
                m_server.kill();
                if (restartAfterMs >= 0)
                    QTimer::singleShot(restartAfterMs, this, [this] { QVERIFY(m_server.start()); });
            }
        }
    } catch (const DataError& e) {
        error = e.message();
    }
    QVERIFY(ordered);
    if (restartAfterMs >= 0) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(count, std::int64_t(kRows));
        QVERIFY(source.retries() >= 1);
    } else {
        QVERIFY2(error.contains(QLatin1String("connection refused")), qPrintable(error));
        QVERIFY(count >= 5000 && count < kRows);
        QVERIFY(m_server.start());
    }
}

void TestInfluxErrors::echoedCredentialsAreRedacted_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("said");
    QTest::newRow("401 JSON, history") << 401 << true << "source"
                                       << "rejected user \"admin\" (HTTP 401";
    QTest::newRow("403 JSON, history") << 403 << true << "source"
                                       << "(HTTP 403";
    QTest::newRow("500 plain text, history") << 500 << false << "source"
                                             << "failed (HTTP 500";
    QTest::newRow("400 JSON, live poll") << 400 << true << "poller"
                                         << "rejected the request (HTTP 400";
    QTest::newRow("401 plain text, live poll") << 401 << false << "poller"
                                               << "rejected user \"admin\" (HTTP 401";
}

void TestInfluxErrors::echoedCredentialsAreRedacted()
{
    QFETCH(int, status);
    QFETCH(bool, json);
    QFETCH(QString, path);
    QFETCH(QString, said);
    LoopbackHttpServer echo({ LoopbackHttpServer::Mode::Echo, status, json, 100 });
    InfluxSettings s = settings();
    s.setUrl(echo.url());
    s.user = QStringLiteral("admin");
    s.password = QStringLiteral("S3cret-Pa55!word");
    InfluxError::Kind kind {};
    const QString message = failureOf(path, s, &kind);
    QVERIFY2(message.contains(said), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("***")), qPrintable(message)); // the echo was there
    QVERIFY2(message.contains(echo.url()), qPrintable(message));
    const QStringList found = test::leakedSecrets(message,
        { s.password, QStringLiteral("S3cret-Pa55%21word"), test::basicCredentials(s.user, s.password) });
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 leaked: %2").arg(found.join(u','), message)));
}

void TestInfluxErrors::repliesAreBounded_data()
{
    QTest::addColumn<int>("mode"); // LoopbackHttpServer::Mode
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("deadlineMs"); // influx_timeout_ms, or the stream deadline for "stream"
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message"); // after "InfluxDB at <url>: "
    const int flood = int(LoopbackHttpServer::Mode::Flood);
    const int trickle = int(LoopbackHttpServer::Mode::Trickle);
    const int tooLarge = int(InfluxError::Kind::TooLarge);
    const int timeout = int(InfluxError::Kind::Timeout);
    QTest::newRow("endless reply to a statement")
        << flood << "source" << 600000 << tooLarge << "/query reply exceeded 64 MiB";
    QTest::newRow("statement reply, a byte every 100 ms")
        << trickle << "source" << 400 << timeout
        << "/query did not complete within 400 ms (influx_timeout_ms)";
    QTest::newRow("endless line in a chunked history reply")
        << flood << "stream" << 600000 << tooLarge
        << "/query reply exceeded 64 MiB in one chunk (chunked reply without a line end)";
    QTest::newRow("chunked history reply, a byte every 100 ms")
        << trickle << "stream" << 500 << timeout
        << "/query did not complete within 500 ms (influx_stream_deadline_ms)";
    QTest::newRow("endless reply to a live poll")
        << flood << "poller" << 600000 << tooLarge << "/query reply exceeded 64 MiB";
    QTest::newRow("live poll, a byte every 100 ms")
        << trickle << "poller" << 400 << timeout
        << "/query did not complete within 400 ms (influx_timeout_ms)";
}

void TestInfluxErrors::repliesAreBounded()
{
    QFETCH(int, mode);
    QFETCH(QString, path);
    QFETCH(int, deadlineMs);
    QFETCH(int, kind);
    QFETCH(QString, message);
    LoopbackHttpServer server({ LoopbackHttpServer::Mode(mode), 200, true, 100 });
    InfluxSettings s = settings();
    s.setUrl(server.url());
    s.retries = 0;
    // Only the bound under test can end the reply: the other one is far away.
    s.timeoutMs = path == QLatin1String("stream") ? 600000 : deadlineMs;
    s.streamDeadlineMs = path == QLatin1String("stream") ? deadlineMs : 600000;
    const qint64 before = peakRss();
    InfluxError::Kind got {};
    const QString error = failureOf(path, s, &got);
    QCOMPARE(error, QStringLiteral("InfluxDB at %1: %2").arg(server.url(), message));
    if (path != QLatin1String("poller"))
        QCOMPARE(int(got), kind);
    // Bounded: the endless reply was cut at the cap, not buffered until memory ran out.
    QVERIFY2(peakRss() - before < 4 * NetworkReplyGuard::kMaxReplyBytes,
        qPrintable(QStringLiteral("peak RSS grew by %1 MiB").arg((peakRss() - before) >> 20)));
}

void TestInfluxErrors::cliRedactsAndBounds_data()
{
    QTest::addColumn<int>("mode"); // LoopbackHttpServer::Mode
    QTest::addColumn<int>("timeoutMs"); // influx_timeout_ms in the config
    QTest::addColumn<QString>("said"); // on stderr
    QTest::newRow("401 echoing the credentials")
        << int(LoopbackHttpServer::Mode::Echo) << 10000 << "rejected user \"admin\" (HTTP 401";
    QTest::newRow("endless reply") << int(LoopbackHttpServer::Mode::Flood) << 600000
                                   << "/query reply exceeded 64 MiB";
    QTest::newRow("a byte every 100 ms") << int(LoopbackHttpServer::Mode::Trickle) << 400
                                         << "/query did not complete within 400 ms (influx_timeout_ms)";
}

void TestInfluxErrors::cliRedactsAndBounds()
{
    QFETCH(int, mode);
    QFETCH(int, timeoutMs);
    QFETCH(QString, said);
    LoopbackHttpServer server({ LoopbackHttpServer::Mode(mode), 401, true, 100 });
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("influx.json"));
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(
        nlohmann::json { { "influx_user", "admin" }, { "influx_timeout_ms", timeoutMs } }.dump()));
    f.close();
    const QString password = QStringLiteral("Cli-S3cret-pw");
    QProcessEnvironment env;
    env.insert(QStringLiteral("VELOCE_INFLUX_PASSWORD"), password);
    const CliRun run
        = runCliServing({ QStringLiteral("markets"), QStringLiteral("--influx"), server.url(),
                            QStringLiteral("--db"), QStringLiteral("x"), QStringLiteral("--config"), config },
            env);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(said) && run.err.contains(server.url()), qPrintable(run.err));
    const QStringList secrets { password, test::basicCredentials(QStringLiteral("admin"), password) };
    QVERIFY2(test::leakedSecrets(run.err + run.out, secrets).isEmpty(), qPrintable(run.err + run.out));
}

QTEST_GUILESS_MAIN(TestInfluxErrors)
#include "tst_influxerrors.moc"
