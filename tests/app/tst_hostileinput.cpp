// Every hostile input gets one clear answer from the real veloce-cli: the exit code (2 for bad
// input, never a crash) and a message naming the file/line, the config key or the option; and on
// the way, nothing that is not that message -- no Qt warning, no raw control byte, no
// "Unknown error", no nlohmann exception text. Rows cover usage, config files, data files, output
// paths and result folders; docs/input-rules.md states the rules they check.
#include "clirunner.h"
#include "hostilefiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hostile;
using L = QStringList;

class TestHostileInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void usage_data();
    void usage() { runRow(); }
    void config_data();
    void config() { runRow(); }
    void data_data();
    void data() { runRow(); }
    void output_data();
    void output() { runRow(); }
    void resultFolder_data();
    void resultFolder() { runRow(); }
    void devicesSurviveOutput();
    void failedRunLeavesEarlierResultIntact_data();
    void failedRunLeavesEarlierResultIntact();
    void killedRunLeavesEarlierResultIntact();
    void noFileOfAnotherRunSurvives();
    void versionAndHelp();

private:
    void addColumns();
    void runRow();
    // Writes `bytes` into the temporary folder; returns the "$D/name" form the rows use.
    QString file(const QString& name, const QByteArray& bytes);
    QString copyOfRun(const QString& name);
    QString path(const QString& name) const { return m_dir.filePath(name); }
    static QMap<QString, QByteArray> hashes(const QString& dir);
    static L backtest(const QString& data, const L& extra = {});

    QTemporaryDir m_dir;
};

namespace {
// What must never reach the terminal, whatever the input.
const QRegularExpression kQtWarning(QStringLiteral("\\bQ[A-Z][A-Za-z]+::|QIODevice|QFSFileEngine"));
const QRegularExpression kRawControl(QStringLiteral("[\\x00-\\x09\\x0b-\\x1f\\x7f]"));

QString expand(QString s, const QString& dir)
{
    return s.replace(QLatin1String("$D"), dir);
}
} // namespace

L TestHostileInput::backtest(const QString& data, const L& extra)
{
    return L { QStringLiteral("backtest"), QStringLiteral("--data"), data, QStringLiteral("--out"),
        QStringLiteral("$D/out") }
    + extra;
}

QString TestHostileInput::file(const QString& name, const QByteArray& bytes)
{
    writeFile(path(name), bytes);
    return QStringLiteral("$D/") + name;
}

QString TestHostileInput::copyOfRun(const QString& name)
{
    QDir().mkpath(path(name));
    for (const QString& f : QDir(path(QStringLiteral("run"))).entryList(QDir::Files)) {
        QFile::remove(path(name + QLatin1Char('/') + f));
        QFile::copy(path(QStringLiteral("run/") + f), path(name + QLatin1Char('/') + f));
    }
    return QStringLiteral("$D/") + name;
}

QMap<QString, QByteArray> TestHostileInput::hashes(const QString& dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            out[it.fileName()] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
    }
    return out;
}

void TestHostileInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    file(QStringLiteral("good.csv"), kKlines);
    // A complete result folder, for the report --in rows and the atomicity tests.
    const CliRun run = runCli({ QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QStringLiteral("3000"), QStringLiteral("--out"), path(QStringLiteral("run")) });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void TestHostileInput::addColumns()
{
    QTest::addColumn<QStringList>("args"); // $D = the temporary folder
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("mustSay"); // substrings of stderr + stdout
}

void TestHostileInput::runRow()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, mustSay);
    for (QString& a : args)
        a = expand(a, m_dir.path());
    CliOptions options;
    options.timeoutMs = 60000;
    options.workingDirectory = m_dir.path();
    const CliRun run = runCli(args, options);
    QVERIFY2(run.exitCode == exitCode,
        qPrintable(QStringLiteral("exit %1, stderr: %2").arg(run.exitCode).arg(run.err)));
    const QString all = run.err + run.out;
    for (const QString& s : mustSay) {
        const QString want = expand(s, m_dir.path());
        QVERIFY2(all.contains(want), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(want, run.err)));
    }
    QVERIFY2(!run.err.contains(kQtWarning), qPrintable(QStringLiteral("Qt warning: ") + run.err));
    QVERIFY2(!run.err.contains(kRawControl), qPrintable(QStringLiteral("raw control byte: ") + run.err));
    for (const char* never : { "Unknown error", "json.exception", "terminate called", "what():" })
        QVERIFY2(!run.err.contains(QLatin1String(never)), qPrintable(run.err));
    if (exitCode != 0 && !run.err.isEmpty()) // one message, one line (paper reports in its JSON)
        QVERIFY2(run.err.count(QLatin1Char('\n')) == 1, qPrintable(run.err));
}

void TestHostileInput::usage_data()
{
    addColumns();
    const auto sim = [](const L& extra) {
        return L { QStringLiteral("backtest"), QStringLiteral("--simulate"), QStringLiteral("100"),
            QStringLiteral("--out"), QStringLiteral("$D/out") }
        + extra;
    };
    const auto paper = [](const L& extra) {
        return L { QStringLiteral("paper"), QStringLiteral("--simulate"), QStringLiteral("--journal"),
            QStringLiteral("$D/journal.sqlite") }
        + extra;
    };
    QTest::newRow("no command") << L {} << 2 << L { QStringLiteral("Usage") };
    QTest::newRow("unknown command") << L { QStringLiteral("frobnicate") } << 2
                                     << L { QStringLiteral("\"frobnicate\"") };
    QTest::newRow("unknown command with ESC")
        << L { QStringLiteral("frob\x1b[31mnicate") } << 2 << L { QStringLiteral("frob\\x1b[31mnicate") };
    QTest::newRow("no --out") << L { QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QStringLiteral("100") }
                              << 2 << L { QStringLiteral("--out") };
    QTest::newRow("two sources") << sim({ QStringLiteral("--data"), QStringLiteral("$D/good.csv") }) << 2
                                 << L { QStringLiteral("exactly one source") };
    QTest::newRow("stray positional")
        << sim({ QStringLiteral("extra") }) << 2
        << L { QStringLiteral("unexpected argument \"extra\""), QStringLiteral("--help") };
    QTest::newRow("stray positional first") << L { QStringLiteral("backtest"), QStringLiteral("stray"),
        QStringLiteral("--simulate"), QStringLiteral("100"), QStringLiteral("--out"),
        QStringLiteral("$D/out") } << 2 << L { QStringLiteral("unexpected argument \"stray\"") };
    QTest::newRow("repeated --out") << sim({ QStringLiteral("--out"), QStringLiteral("$D/other") }) << 2
                                    << L { QStringLiteral("--out is given more than once") };
    QTest::newRow("repeated flag") << sim({ QStringLiteral("--scores"), QStringLiteral("--scores") }) << 2
                                   << L { QStringLiteral("--scores is given more than once") };
    QTest::newRow("--out \"\"") << L { QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QStringLiteral("100"), QStringLiteral("--out"), QString() }
                                << 2 << L { QStringLiteral("--out needs a value, got an empty one") };
    QTest::newRow("--out blank") << L { QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QStringLiteral("100"), QStringLiteral("--out"), QStringLiteral("  ") }
                                 << 2 << L { QStringLiteral("--out needs a value") };
    QTest::newRow("--config \"\"") << sim({ QStringLiteral("--config"), QString() }) << 2
                                   << L { QStringLiteral("--config needs a value") };
    QTest::newRow("--simulate \"\"") << L { QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QString(), QStringLiteral("--out"), QStringLiteral("$D/out") }
                                     << 2 << L { QStringLiteral("--simulate needs a value") };
    QTest::newRow("unknown option") << sim({ QStringLiteral("--frobnicate") }) << 2
                                    << L { QStringLiteral("frobnicate") };
    QTest::newRow("missing value") << L { QStringLiteral("backtest"), QStringLiteral("--simulate"),
        QStringLiteral("100"), QStringLiteral("--out") }
                                   << 2 << L { QStringLiteral("Missing value after '--out'") };
    QTest::newRow("report stray positional") << L { QStringLiteral("report"), QStringLiteral("--in"),
        QStringLiteral("$D/run"), QStringLiteral("--out"), QStringLiteral("$D/r.html"),
        QStringLiteral("extra") } << 2 << L { QStringLiteral("unexpected argument \"extra\"") };
    QTest::newRow("simulate stray positional") << L { QStringLiteral("simulate"), QStringLiteral("--bars"),
        QStringLiteral("10"), QStringLiteral("--out"), QStringLiteral("$D/s.csv"), QStringLiteral("more") }
                                               << 2 << L { QStringLiteral("unexpected argument \"more\"") };
    QTest::newRow("simulate repeated --bars") << L { QStringLiteral("simulate"), QStringLiteral("--bars"),
        QStringLiteral("10"), QStringLiteral("--bars"), QStringLiteral("20"), QStringLiteral("--out"),
        QStringLiteral("$D/s.csv") } << 2 << L { QStringLiteral("--bars is given more than once") };
    QTest::newRow("simulate without --out") << L { QStringLiteral("simulate"), QStringLiteral("--bars"),
        QStringLiteral("10") } << 2 << L { QStringLiteral("--out") };
    for (const char* bad : { "-5", "0", "nan", "1e3", "12x", "99999999999999999999" })
        QTest::addRow("simulate --bars %s", bad)
            << L { QStringLiteral("simulate"), QStringLiteral("--bars"), QLatin1String(bad),
                   QStringLiteral("--out"), QStringLiteral("$D/s.csv") }
            << 2 << L { QStringLiteral("--bars: \"%1\" must be a whole number").arg(QLatin1String(bad)) };
    for (const char* bad : { "nan", "-1", "1.5" })
        QTest::addRow("--seed %s", bad) << sim({ QStringLiteral("--seed"), QLatin1String(bad) }) << 2
                                        << L { QStringLiteral("--seed: \"%1\"").arg(QLatin1String(bad)) };
    for (const char* bad : { "nan", "NaN", "inf", "-inf", "-1", "0", "1e300", "soon" })
        QTest::addRow("paper --duration %s", bad)
            << paper({ QStringLiteral("--duration"), QLatin1String(bad) }) << 2
            << L { QStringLiteral("--duration: \"%1\" must be a finite number").arg(QLatin1String(bad)) };
    for (const char* bad : { "nan", "inf", "-1", "fast" })
        QTest::addRow("paper --speed %s", bad)
            << paper({ QStringLiteral("--speed"), QLatin1String(bad), QStringLiteral("--duration"),
                   QStringLiteral("1") })
            << 2 << L { QStringLiteral("--speed: \"%1\" must be a finite number").arg(QLatin1String(bad)) };
    QTest::newRow("kill --timeout nan") << L { QStringLiteral("kill"), QStringLiteral("--journal"),
        QStringLiteral("$D/journal.sqlite"), QStringLiteral("--timeout"), QStringLiteral("nan") }
                                        << 2 << L { QStringLiteral("--timeout: \"nan\"") };
    QTest::newRow("paper --broker") << paper({ QStringLiteral("--broker"), QStringLiteral("binance") }) << 2
                                    << L { QStringLiteral("--broker: \"binance\"") };
    QTest::newRow("bad --format") << backtest(
        QStringLiteral("$D/good.csv"), { QStringLiteral("--format"), QStringLiteral("parquet") })
                                  << 2 << L { QStringLiteral("parquet") };
    QTest::newRow("bad --from") << backtest(
        QStringLiteral("$D/good.csv"), { QStringLiteral("--from"), QStringLiteral("yesterday") })
                                << 2 << L { QStringLiteral("--from: \"yesterday\"") };
    QTest::newRow("--from after --to") << backtest(QStringLiteral("$D/good.csv"),
        { QStringLiteral("--from"), QStringLiteral("2024-02-01"), QStringLiteral("--to"),
            QStringLiteral("2024-01-01") })
                                       << 2 << L { QStringLiteral("--from must be before --to") };
}

void TestHostileInput::config_data()
{
    addColumns();
    const auto cfg = [&](const char* name, const QByteArray& json) {
        return backtest(
            QStringLiteral("$D/good.csv"), { QStringLiteral("--config"), file(QLatin1String(name), json) });
    };
    const auto cfgPath = [&](const QString& path) {
        return backtest(QStringLiteral("$D/good.csv"), { QStringLiteral("--config"), path });
    };
    QTest::newRow("missing") << cfgPath(QStringLiteral("$D/absent.json")) << 2
                             << L { QStringLiteral("$D/absent.json: file not found") };
    QTest::newRow("malformed") << cfg(
        "malformed.json", "{\n  \"squeeze_length\": 20,\n  \"min_entry_score\": \n}\n")
                               << 2 << L { QStringLiteral("malformed.json: malformed JSON at line 4") };
    QTest::newRow("empty") << cfg("empty.json", "") << 2
                           << L { QStringLiteral("empty.json: malformed JSON at line 1") };
    QTest::newRow("not an object") << cfg("array.json", "[1,2]") << 2 << L { QStringLiteral("top level") };
    QTest::newRow("NaN literal") << cfg("nan.json", "{\"leverage\": NaN}") << 2
                                 << L { QStringLiteral("nan.json: malformed JSON at line 1") };
    QTest::newRow("invalid UTF-8") << cfg("utf8.json", "{\"influx_host\": \"\xff\xfe\"}") << 2
                                   << L { QStringLiteral("utf8.json: malformed JSON") };
    QTest::newRow("unknown key") << cfg("unknown.json", "{\"squeeze_lenght\": 20}") << 2
                                 << L { QStringLiteral("unknown.json: key \"squeeze_lenght\": unknown key") };
    QTest::newRow("wrong type") << cfg("wrongtype.json", "{\"max_open_positions\": \"two\"}") << 2
                                << L { QStringLiteral("max_open_positions"), QStringLiteral("number") };
    QTest::newRow("out of range") << cfg("range.json", "{\"max_drawdown_percent\": 1.5}") << 2
                                  << L { QStringLiteral("max_drawdown_percent"), QStringLiteral("range") };
    QTest::newRow("1e308 capital") << cfg("capital.json", "{\"initial_capital\": 1e308}") << 2
                                   << L { QStringLiteral("\"initial_capital\": 1e+308 is out of range") };
    QTest::newRow("odd lookback") << cfg("odd.json", "{\"divergence_lookback\": 99}") << 2
                                  << L { QStringLiteral("divergence_lookback"), QStringLiteral("even") };
    QTest::newRow("bad bucket") << cfg("bucket.json", "{\"position_size_by_score\": {\"9+\": 2}}") << 2
                                << L { QStringLiteral("position_size_by_score.9+") };
    // Every numeric key, both signs: nlohmann stops at the overflow; the message names the key.
    const char* numeric[] = { "influx_port", "influx_poll_interval_ms", "influx_timeout_ms", "squeeze_length",
        "squeeze_mult_bb", "squeeze_mult_kc", "divergence_lookback", "min_entry_score", "entry_cooldown_s",
        "initial_capital", "leverage", "fee_rate", "slippage_bps", "base_risk_per_trade",
        "max_open_positions", "max_drawdown_percent", "heartbeat_timeout_s", "freqtrade_timeout_ms",
        "simulator_seed", "simulator_speed" };
    for (const char* key : numeric) {
        for (const char* value : { "1e999", "-1e999" }) {
            const QByteArray json = "{\"mode\": \"backtest\", \"" + QByteArray(key) + "\": " + value + "}";
            QTest::addRow("%s %s", key, value)
                << cfg(qPrintable(
                           QStringLiteral("big-%1%2.json").arg(QLatin1String(key), QLatin1String(value))),
                       json)
                << 2
                << L { QStringLiteral(".json: key \"%1\": number overflow parsing '%2'")
                           .arg(QLatin1String(key), QLatin1String(value)) };
        }
    }
    QTest::newRow("nested 1e999") << cfg("nested.json", "{\"position_size_by_score\": {\"4-5\": 1e999}}") << 2
                                  << L { QStringLiteral(
                                         "key \"position_size_by_score.4-5\": number overflow") };
    QTest::newRow("1e999 in an array") << cfg("markets.json", "{\"influx_markets\": [\"A:b\", 1e999]}") << 2
                                       << L { QStringLiteral("key \"influx_markets[1]\": number overflow") };
    QTest::newRow("duplicate key") << cfg("dup.json", "{\"min_entry_score\":99,\"min_entry_score\":4}") << 2
                                   << L { QStringLiteral("dup.json: key \"min_entry_score\": given twice") };
    QTest::newRow("duplicate nested key")
        << cfg("dup2.json", "{\"position_size_by_score\": {\"8+\": 1, \"8+\": 9}}") << 2
        << L { QStringLiteral("key \"position_size_by_score.8+\": given twice") };
    QTest::newRow("NUL and ESC in a key") << cfg("ctrl.json", "{\"a\\u0000b\\u001b[31mc\": 1}") << 2
                                          << L { QStringLiteral("key \"a\\x00b\\x1b[31mc\": unknown key") };
    QTest::newRow("BEL in a value") << cfg("bel.json", "{\"mode\": \"live\\u0007\"}") << 2
                                    << L { QStringLiteral("\"live\\x07\" is not one of") };
    QTest::newRow("2 MB config")
        << cfg("huge.json", "{\"influx_host\": \"" + QByteArray(2 << 20, 'h') + "\"}") << 2
        << L { QStringLiteral("huge.json: is 2097171 bytes, more than the limit of 1 MiB") };
    QTest::newRow("/dev/zero") << cfgPath(QStringLiteral("/dev/zero")) << 2
                               << L { QStringLiteral("/dev/zero: is a device, not a file") };
    QTest::newRow("/dev/urandom") << cfgPath(QStringLiteral("/dev/urandom")) << 2
                                  << L { QStringLiteral("/dev/urandom: is a device") };
    QTest::newRow("/dev/null") << cfgPath(QStringLiteral("/dev/null")) << 2
                               << L { QStringLiteral("/dev/null: is a device") };
    QTest::newRow("a directory") << cfgPath(QStringLiteral("$D")) << 2
                                 << L { QStringLiteral("is a directory") };
    QTest::newRow("BOM accepted") << cfg("bom.json", "\xEF\xBB\xBF{\"min_entry_score\": 5}") << 0
                                  << L { QStringLiteral("\"bars\": 2") };
}

void TestHostileInput::data_data()
{
    addColumns();
    const auto bt = [&](const char* name, const QByteArray& bytes, const L& extra = {}) {
        return backtest(file(QLatin1String(name), bytes), extra);
    };
    const QByteArray g = kKlines;
    QTest::newRow("missing") << backtest(QStringLiteral("$D/nope.csv.gz")) << 2
                             << L { QStringLiteral("$D/nope.csv.gz: no such file") };
    QTest::newRow("directory") << backtest(QStringLiteral("$D")) << 2
                               << L { QStringLiteral("is a directory") };
    QTest::newRow("empty") << bt("empty.csv", "") << 2
                           << L { QStringLiteral("empty.csv: the file is empty") };
    QTest::newRow("blank lines") << bt("blank.csv", "\n \n\r\n") << 2
                                 << L { QStringLiteral("the file is empty") };
    QTest::newRow("header only") << bt("header.csv",
        kKlinesHeader) << 2 << L { QStringLiteral("header.csv:1: the file has a header but no data rows") };
    QTest::newRow("empty gzip") << bt("empty.csv.gz", gzip({})) << 2
                                << L { QStringLiteral("the file is empty") };
    const QByteArray gz = gzip(g.repeated(500));
    QTest::newRow("truncated gzip") << bt("cut.csv.gz", gz.left(gz.size() / 2)) << 2
                                    << L { QStringLiteral("cut.csv.gz: corrupt or truncated gzip") };
    QTest::newRow("gzip header, garbage") << bt("garbage.csv.gz", gz.left(10) + QByteArray(500, 'x')) << 2
                                          << L { QStringLiteral("corrupt or truncated gzip") };
    QTest::newRow("gzip magic only") << bt("magic.csv.gz", "\x1f\x8b") << 2
                                     << L { QStringLiteral("magic.csv.gz") };
    QTest::newRow("binary junk") << bt("junk.csv", QByteArray(300000, '\x01')) << 2
                                 << L { QStringLiteral("junk.csv: line 1 is longer than") };
    QTest::newRow("10 MB line") << bt("long.csv", g + QByteArray(10 << 20, '7') + "\n") << 2
                                << L { QStringLiteral("long.csv: line 3 is longer than 262144 bytes") };
    QTest::newRow("10 MB line, gzip") << bt("long.csv.gz", gzipBomb(10 << 20, '7')) << 2
                                      << L { QStringLiteral("long.csv.gz: line 1 is longer than") };
    QTest::newRow("gzip bomb of zeros") << bt("bomb.csv.gz", gzipBomb(qint64(64) << 20, '\0')) << 2
                                        << L { QStringLiteral("bomb.csv.gz: line 1 is longer than") };
    QTest::newRow("gzip bomb of newlines") << bt("newlines.csv.gz", gzipBomb(qint64(64) << 20, '\n')) << 2
                                           << L { QStringLiteral("newlines.csv.gz: the file is empty") };
    QTest::newRow("unknown layout") << bt("three.csv", "1,2,3\n") << 2
                                    << L { QStringLiteral("three.csv:1: cannot tell the file format") };
    QTest::newRow("unknown header") << bt("hdr.csv", "time,price\n1,2\n") << 2
                                    << L { QStringLiteral("cannot tell the file format from the header") };
    QTest::newRow("malformed row") << bt(
        "badrow.csv", g + "1704067320000,42320.00,abc,42300.00,42310.00,10,1704067379999,1,1,1,1,0\n")
                                   << 2 << L { QStringLiteral("badrow.csv:3: high 'abc' is not a number") };
    QTest::newRow("skip bad rows") << backtest(
        QStringLiteral("$D/badrow.csv"), { QStringLiteral("--skip-bad-rows") })
                                   << 0
                                   << L { QStringLiteral("skipped 1 malformed row(s), the first on line 3") };
    QTest::newRow("out of order") << bt("unordered.csv", g + g.left(g.indexOf('\n') + 1)) << 0
                                  << L { QStringLiteral("dropped 1 duplicate or out-of-order bar(s)"),
                                         QStringLiteral("1704067200000") };
    QTest::newRow("mixed formats") << bt("mixed.csv", g + barRow(200, 1000)) << 2
                                   << L { QStringLiteral(
                                          "mixed.csv:3: expected 12 columns (Binance klines), found 7") };
    QTest::newRow("forced wrong format")
        << bt("forced.csv", g, { QStringLiteral("--format"), QStringLiteral("bars") }) << 2
        << L { QStringLiteral("forced.csv:1: expected 7 columns") };
    QTest::newRow("BOM and header") << bt("bom.csv", "\xEF\xBB\xBF" + kKlinesHeader + g) << 0
                                    << L { QStringLiteral("\"bars\": 2") };
    QTest::newRow("CRLF") << bt("crlf.csv", QByteArray(g).replace("\n", "\r\n")) << 0
                          << L { QStringLiteral("\"bars\": 2") };
    QTest::newRow("BOM and CRLF, gzip")
        << bt("bomcrlf.csv.gz", gzip("\xEF\xBB\xBF" + QByteArray(g).replace("\n", "\r\n"))) << 0
        << L { QStringLiteral("\"bars\": 2") };
    QTest::newRow("quoted fields") << bt("quoted.csv",
        "\"1704067200000\",\"42283.58\",42298.62,42261.02,42298.61,"
        "35.9,1704067259999,1,1,2,1,0\n")
                                   << 0 << L { QStringLiteral("\"bars\": 1") };
    // Prices and volumes: finite and inside the documented range, or the row is named.
    QTest::newRow("NaN price") << bt("nan.csv", klineRow(0, 1000, "nan")) << 2
                               << L { QStringLiteral("nan.csv:1: close 'nan' is not a number") };
    QTest::newRow("inf price") << bt("inf.csv", klineRow(0, 1000, "inf")) << 2
                               << L { QStringLiteral("inf.csv:1: close 'inf' is not a number") };
    QTest::newRow("1e400 price") << bt("e400.csv", klineRow(0, 1000, "1e400")) << 2
                                 << L { QStringLiteral("e400.csv:1: close '1e400' is not a number") };
    QTest::newRow("1e308 prices, bars")
        << bt("e308.csv", kBarsHeader + barRow(0, 1000) + barRow(1, 1000, "1e308,1e308,1e308,1e308")) << 2
        << L { QStringLiteral(
               "e308.csv:3: open 1e+308 is outside the supported price range [1e-12, 1e+12]") };
    QTest::newRow("1e308 prices, klines")
        << bt("e308k.csv", "1704067200000,1e308,1e308,1e308,1e308,10,1704067259999,1,1,1,1,0\n") << 2
        << L { QStringLiteral("e308k.csv:1: open 1e+308 is outside the supported price range") };
    QTest::newRow("1e-300 price")
        << bt("tiny.csv", kBarsHeader + barRow(0, 1000, "1e-300,1e-300,1e-300,1e-300")) << 2
        << L { QStringLiteral("tiny.csv:2: open 1e-300 is outside the supported price range") };
    QTest::newRow("1e308 trade price")
        << bt("e308t.csv", kTradesHeader + "1,1e308,0.02,1,1723161255342,True,True\n") << 2
        << L { QStringLiteral("e308t.csv:2: price 1e+308 is outside the supported price range") };
    QTest::newRow("1e300 volume") << bt("vol.csv", kBarsHeader + "1704067200000,100,101,99,100,1e300,1\n")
                                  << 2
                                  << L { QStringLiteral(
                                         "vol.csv:2: vbuy 1e+300 is above the supported maximum 1e+15") };
    QTest::newRow("1e300 kline volume")
        << bt("volk.csv", "1704067200000,1,2,0.5,1.5,1e300,1704067259999,1,1,1,1,0\n") << 2
        << L { QStringLiteral("volk.csv:1: volume 1e+300 is above the supported maximum") };
    QTest::newRow("1e300 trade quantity")
        << bt("volt.csv", kAggHeader + "1,100,1e300,1,1,1704067200100,True,True\n") << 2
        << L { QStringLiteral("volt.csv:2: quantity 1e+300 is above the supported maximum") };
    QTest::newRow("negative volume") << bt("neg.csv", kBarsHeader + "1704067200000,100,101,99,100,-1,1\n")
                                     << 2
                                     << L { QStringLiteral("neg.csv:2: negative volume (vbuy -1, vsell 1)") };
    // Times: seconds, milliseconds, microseconds and nanoseconds are told apart by magnitude.
    for (const auto& [unit, scale] : { std::pair { "s", qint64(1) }, { "ms", qint64(1000) },
             { "us", qint64(1000000) }, { "ns", qint64(1000000000) } }) {
        QTest::addRow("bars in %s", unit)
            << bt(qPrintable(QStringLiteral("bars-%1.csv").arg(QLatin1String(unit))), bars(120, scale)) << 0
            << L { QStringLiteral("\"start_ms\": 1704067200000"),
                   QStringLiteral("\"end_ms\": 1704067319000") };
        QByteArray k;
        for (int i = 0; i < 3; ++i)
            k += klineRow(i, scale);
        QTest::addRow("klines in %s", unit)
            << bt(qPrintable(QStringLiteral("klines-%1.csv").arg(QLatin1String(unit))), k) << 0
            << L { QStringLiteral("\"start_ms\": 1704067200000"),
                   QStringLiteral("\"end_ms\": 1704067320000") };
    }
    QTest::newRow("trades in s") << bt("trades-s.csv", kTradesHeader + "1,100,1,100,1723161255,True,True\n")
                                 << 0 << L { QStringLiteral("\"start_ms\": 1723161255000") };
    QTest::newRow("1970 milliseconds")
        << bt("t1970.csv", kBarsHeader + "12345,100,101,99,100,1,1\n") << 2
        << L { QStringLiteral("t1970.csv:2: t 12345 is not a time since 1970 in seconds, "
                              "milliseconds, microseconds or nanoseconds") };
    QTest::newRow("time in minutes") << bt("minutes.csv", kBarsHeader + "28401120,100,101,99,100,1,1\n") << 2
                                     << L { QStringLiteral("t 28401120 is not a time") };
    QTest::newRow("between ms and us") << bt("gap.csv",
        klineRow(0, 100)) << 2 << L { QStringLiteral("gap.csv:1: open_time 170406720000 is not a time") };
    QTest::newRow("negative time") << bt("negt.csv", kBarsHeader + "-1704067200000,100,101,99,100,1,1\n") << 2
                                   << L { QStringLiteral("t -1704067200000 is not a time") };
    // Bytes a terminal would act on are shown escaped, and a NUL does not cut the message.
    QTest::newRow("ESC and BEL in a field")
        << bt("esc.csv", "1704067200000,42283.58,\x1b[2J\x07,42261.02,42298.61,1,1704067259999,1,1,1,1,0\n")
        << 2 << L { QStringLiteral("esc.csv:1: high '\\x1b[2J\\x07' is not a number") };
    QTest::newRow("NUL in a field") << bt("nul.csv",
        QByteArray("1704067200000,42283.58,4") + '\0' + "2,42261.02,42298.61,1,1704067259999,1,1,1,1,0\n")
                                    << 2 << L { QStringLiteral("nul.csv:1: high '4\\x002' is not a number") };
    QTest::newRow("ESC in the file name") << bt("esc\x1b]0;pwned\x07.csv", "1,2,3\n") << 2
                                          << L { QStringLiteral("esc\\x1b]0;pwned\\x07.csv:1: cannot tell") };
    // Files that are not files on disk: named, refused before Qt gets to warn.
    QTest::newRow("/dev/zero") << backtest(QStringLiteral("/dev/zero")) << 2
                               << L { QStringLiteral("/dev/zero: is a character device, not a data file") };
    QTest::newRow("/dev/urandom") << backtest(QStringLiteral("/dev/urandom")) << 2
                                  << L { QStringLiteral("/dev/urandom: is a character device") };
    QTest::newRow("/dev/null") << backtest(QStringLiteral("/dev/null")) << 2
                               << L { QStringLiteral("/dev/null: is a character device") };
    QTest::newRow("/dev/stdin") << backtest(QStringLiteral("/dev/stdin")) << 2
                                << L { QStringLiteral("/dev/stdin: is a pipe (FIFO), not a data file") };
    QVERIFY(::mkfifo(qPrintable(path(QStringLiteral("fifo.csv"))), 0600) == 0 || errno == EEXIST);
    QTest::newRow("FIFO") << backtest(QStringLiteral("$D/fifo.csv")) << 2
                          << L { QStringLiteral("$D/fifo.csv: is a pipe (FIFO), not a data file") };
    QTest::newRow("replay of a bad file") << L { QStringLiteral("paper"), QStringLiteral("--replay"),
        QStringLiteral("$D/badrow.csv"), QStringLiteral("--speed"), QStringLiteral("max"),
        QStringLiteral("--journal"), QStringLiteral("$D/replay.sqlite") }
                                          << 2 << L { QStringLiteral("badrow.csv:3") };
}

void TestHostileInput::output_data()
{
    addColumns();
    const auto simulate = [](const QString& out, const char* bars) {
        return L { QStringLiteral("simulate"), QStringLiteral("--bars"), QLatin1String(bars),
            QStringLiteral("--out"), out };
    };
    QDir().mkpath(path(QStringLiteral("notes")));
    file(QStringLiteral("notes/notes.txt"), "mine");
    QTest::newRow("simulate --out /dev/full, small") << simulate(QStringLiteral("/dev/full"),
        "1000") << 2 << L { QStringLiteral("/dev/full: write failed: No space left on device") };
    QTest::newRow("simulate --out /dev/full, large") << simulate(QStringLiteral("/dev/full"),
        "60000") << 2 << L { QStringLiteral("/dev/full: write failed: No space left on device") };
    QTest::newRow("simulate --out into a missing folder") << simulate(QStringLiteral("$D/nodir/x.csv.gz"),
        "10") << 2 << L { QStringLiteral("x.csv.gz: cannot write: No such file or directory") };
    QTest::newRow("simulate --out a directory")
        << simulate(QStringLiteral("$D"), "10") << 2 << L { QStringLiteral(": is a directory, not a file") };
    QTest::newRow("report --out /dev/full")
        << L { QStringLiteral("report"), QStringLiteral("--in"), QStringLiteral("$D/run"),
               QStringLiteral("--out"), QStringLiteral("/dev/full") }
        << 2 << L { QStringLiteral("/dev/full: write failed: No space left on device") };
    QTest::newRow("backtest --report /dev/full")
        << backtest(
               QStringLiteral("$D/good.csv"), { QStringLiteral("--report"), QStringLiteral("/dev/full") })
        << 2 << L { QStringLiteral("/dev/full: write failed: No space left on device") };
    QTest::newRow("backtest --out /dev/full") << L { QStringLiteral("backtest"), QStringLiteral("--data"),
        QStringLiteral("$D/good.csv"), QStringLiteral("--out"),
        QStringLiteral("/dev/full") } << 2 << L { QStringLiteral("/dev/full: is a file, not a folder") };
    QTest::newRow("backtest --out a file") << L { QStringLiteral("backtest"), QStringLiteral("--data"),
        QStringLiteral("$D/good.csv"), QStringLiteral("--out"), QStringLiteral("$D/good.csv") }
                                           << 2 << L { QStringLiteral("good.csv: is a file, not a folder") };
    QTest::newRow("backtest --out below a file") << L { QStringLiteral("backtest"), QStringLiteral("--data"),
        QStringLiteral("$D/good.csv"), QStringLiteral("--out"),
        QStringLiteral("$D/good.csv/r") } << 2 << L { QStringLiteral("a file of that name is in the way") };
    QTest::newRow("backtest --out a folder with other files")
        << L { QStringLiteral("backtest"), QStringLiteral("--data"), QStringLiteral("$D/good.csv"),
               QStringLiteral("--out"), QStringLiteral("$D/notes") }
        << 2 << L { QStringLiteral("$D/notes: holds \"notes.txt\", which is not part of a Veloce result") };
    QTest::newRow("backtest --out /") << L { QStringLiteral("backtest"), QStringLiteral("--data"),
        QStringLiteral("$D/good.csv"), QStringLiteral("--out"), QStringLiteral("/") }
                                      << 2 << L { QStringLiteral("not part of a Veloce result") };
    QTest::newRow("report --in a file") << L { QStringLiteral("report"), QStringLiteral("--in"),
        QStringLiteral("$D/good.csv"), QStringLiteral("--out"), QStringLiteral("$D/r.html") }
                                        << 2 << L { QStringLiteral("no such folder") };
}

void TestHostileInput::resultFolder_data()
{
    addColumns();
    const auto report = [](const QString& in) {
        return L { QStringLiteral("report"), QStringLiteral("--in"), in, QStringLiteral("--out"),
            QStringLiteral("$D/report.html") };
    };
    QFile summaryFile(path(QStringLiteral("run/summary.json")));
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    const QByteArray summary = summaryFile.readAll();
    const auto variant = [&](const char* name, const char* file, const QByteArray& content) {
        const QString dir = copyOfRun(QLatin1String(name));
        writeFile(expand(dir, m_dir.path()) + QLatin1Char('/') + QLatin1String(file), content);
        return report(dir);
    };
    QTest::newRow("intact") << report(QStringLiteral("$D/run")) << 0
                            << L { QStringLiteral("report: $D/report.html") };
    for (const char* key : { "final_equity", "sharpe_ratio", "exposure", "bars" }) {
        QByteArray s = summary;
        const qsizetype at = s.indexOf("\"" + QByteArray(key) + "\": ");
        const qsizetype end = s.indexOf(',', at);
        s.replace(at, end - at, "\"" + QByteArray(key) + "\": 1e999");
        QTest::addRow("summary %s 1e999", key)
            << variant(qPrintable(QStringLiteral("big-%1").arg(QLatin1String(key))), "summary.json", s) << 2
            << L { QStringLiteral("summary.json: key \"%1\": number overflow parsing '1e999'")
                       .arg(QLatin1String(key)) };
    }
    QTest::newRow("summary -1e999 nested")
        << variant("nested", "summary.json",
               QByteArray(summary).replace("\"squeeze\": ", "\"squeeze\": -1e999, \"x\": "))
        << 2 << L { QStringLiteral("key \"phase_activity.squeeze\": number overflow parsing '-1e999'") };
    QTest::newRow("summary duplicate key")
        << variant(
               "dup", "summary.json", QByteArray(summary).replace("\"bars\": ", "\"bars\": 1, \"bars\": "))
        << 2 << L { QStringLiteral("summary.json: key \"bars\": given twice") };
    QTest::newRow("summary not JSON") << variant("garbage", "summary.json",
        "\x1b[2J garbage") << 2 << L { QStringLiteral("summary.json: malformed JSON at line 1, column 1") };
    QTest::newRow("summary 2 MB") << variant("huge", "summary.json", QByteArray(2 << 20, ' ') + summary) << 2
                                  << L { QStringLiteral("summary.json: is 2") };
    QTest::newRow("summary cancelled not a bool")
        << variant("cancelled", "summary.json",
               QByteArray(summary).replace("\"symbol\"", "\"cancelled\": \"yes\", \"symbol\""))
        << 2 << L { QStringLiteral("summary.json: key \"cancelled\": not true or false") };
    QTest::newRow("report-data 1e999")
        << variant("rd", "report-data.json", "{\"version\": 1e999}") << 2
        << L { QStringLiteral("report-data.json: key \"version\": number overflow") };
    QTest::newRow("trades.csv ESC") << variant("esc", "trades.csv",
        "entry_ms,exit_ms,side,entry_price,exit_price,qty,pnl,fees,exit_reason,score\n1,2,\x1b[31mLONG,1,1,1,"
        "1,1,stop,1\n") << 2 << L { QStringLiteral("trades.csv:2: side \"\\x1b[31mLONG\" is neither") };
}

void TestHostileInput::devicesSurviveOutput()
{
    // QSaveFile, run as root, renames its temporary file over the target: --report /dev/null
    // replaced /dev/null with an HTML file. Output to a device is written, never replaced.
    const auto kind = [](const char* p) {
        struct stat st
        {
        };
        return ::stat(p, &st) == 0 && S_ISCHR(st.st_mode);
    };
    QVERIFY(kind("/dev/null"));
    for (const L& args : { L { QStringLiteral("report"), QStringLiteral("--in"), path(QStringLiteral("run")),
                               QStringLiteral("--out"), QStringLiteral("/dev/null") },
             L { QStringLiteral("simulate"), QStringLiteral("--bars"), QStringLiteral("100"),
                 QStringLiteral("--out"), QStringLiteral("/dev/null") } }) {
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(kind("/dev/null"), "/dev/null is no longer a device");
    }
    QVERIFY(QDir(QStringLiteral("/dev")).entryList({ QStringLiteral("null.tmp-*") }, QDir::Files).isEmpty());
}

void TestHostileInput::failedRunLeavesEarlierResultIntact_data()
{
    QTest::addColumn<QString>("data"); // made to fail half-way
    QTest::addColumn<qint64>("fileSizeLimit"); // RLIMIT_FSIZE for the run, 0 = none
    QTest::addColumn<QString>("message");

    // 100,000 good rows, then a bad one: the run has written megabytes when it fails.
    QByteArray big = bars(99998, 1000); // the header and 99,998 rows
    big += "1704167198000,100,oops,99,100,1,1\n";
    file(QStringLiteral("bad-at-100000.csv"), big);
    file(QStringLiteral("good-100000.csv"), bars(99999, 1000));
    QTest::newRow("bad row at line 100,000") << path(QStringLiteral("bad-at-100000.csv")) << qint64(0)
                                             << QStringLiteral("bad-at-100000.csv:100000: high 'oops'");
    // The disk filling up: writes beyond 1 MB fail (EFBIG) the way they do on a full disk.
    QTest::newRow("disk full half-way") << path(QStringLiteral("good-100000.csv")) << qint64(1 << 20)
                                        << QStringLiteral("write failed: File too large");
}

void TestHostileInput::failedRunLeavesEarlierResultIntact()
{
    QFETCH(QString, data);
    QFETCH(qint64, fileSizeLimit);
    QFETCH(QString, message);
    const QString out = path(QStringLiteral("kept"));
    QDir(out).removeRecursively();
    CliRun run = runCli({ QStringLiteral("backtest"), QStringLiteral("--simulate"), QStringLiteral("5000"),
        QStringLiteral("--out"), out, QStringLiteral("--scores") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QMap<QString, QByteArray> before = hashes(out);
    QCOMPARE(before.keys(),
        L({ QStringLiteral("equity.csv"), QStringLiteral("report-data.json"), QStringLiteral("scores.csv"),
            QStringLiteral("signals.csv"), QStringLiteral("summary.json"), QStringLiteral("trades.csv") }));

    CliOptions options;
    if (fileSizeLimit > 0) {
        options.childSetup = [fileSizeLimit] {
            const rlimit limit { rlim_t(fileSizeLimit), rlim_t(fileSizeLimit) };
            ::setrlimit(RLIMIT_FSIZE, &limit);
            ::signal(SIGXFSZ, SIG_IGN); // a failed write(), as on a full disk, not a signal
        };
    }
    run = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), data, QStringLiteral("--out"), out,
                     QStringLiteral("--scores") },
        options);
    QVERIFY2(run.exitCode == 2, qPrintable(run.err));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(hashes(out), before); // byte for byte
    const QStringList leftovers = QDir(m_dir.path())
                                      .entryList({ QStringLiteral(".kept.*") },
                                          QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestHostileInput::killedRunLeavesEarlierResultIntact()
{
    const QString out = path(QStringLiteral("killed"));
    CliRun run = runCli({ QStringLiteral("backtest"), QStringLiteral("--simulate"), QStringLiteral("2000"),
        QStringLiteral("--out"), out });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QMap<QString, QByteArray> before = hashes(out);
    const auto staging = [&] {
        return QDir(m_dir.path())
            .entryList(
                { QStringLiteral(".killed.staging-*") }, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    };
    // A long run, killed (no destructor runs) once its staging folder exists.
    QProcess p;
    p.start(QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli"),
        { QStringLiteral("backtest"), QStringLiteral("--simulate"), QStringLiteral("100000000"),
            QStringLiteral("--out"), out, QStringLiteral("--scores") });
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!staging().isEmpty() || p.state() == QProcess::NotRunning, 60000);
    QCOMPARE(p.state(), QProcess::Running);
    p.kill();
    QVERIFY(p.waitForFinished());
    QCOMPARE(hashes(out), before);
    QCOMPARE(staging().size(), 1); // what the killed run left behind...
    run = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), path(QStringLiteral("good.csv")),
        QStringLiteral("--out"), out });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(staging().isEmpty()); // ...the next run into the folder removes
    QVERIFY(hashes(out) != before);
}

void TestHostileInput::noFileOfAnotherRunSurvives()
{
    const QString out = path(QStringLiteral("replaced"));
    const QString html = out + QStringLiteral("/report.html");
    CliRun run = runCli({ QStringLiteral("backtest"), QStringLiteral("--simulate"), QStringLiteral("3000"),
        QStringLiteral("--out"), out, QStringLiteral("--scores"), QStringLiteral("--report"), html });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile::exists(out + QStringLiteral("/scores.csv")));
    QVERIFY(QFile::exists(html));
    run = runCli({ QStringLiteral("backtest"), QStringLiteral("--data"), path(QStringLiteral("good.csv")),
        QStringLiteral("--out"), out });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden),
        L({ QStringLiteral("equity.csv"), QStringLiteral("report-data.json"), QStringLiteral("signals.csv"),
            QStringLiteral("summary.json"), QStringLiteral("trades.csv") }));
    QFile summary(out + QStringLiteral("/summary.json"));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    QVERIFY(summary.readAll().contains("\"bars\": 2,"));
    const CliRun report = runCli({ QStringLiteral("report"), QStringLiteral("--in"), out,
        QStringLiteral("--out"), path(QStringLiteral("replaced.html")) });
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
}

void TestHostileInput::versionAndHelp()
{
    CliRun r = runCli({ QStringLiteral("--version") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QLatin1String("veloce-cli ")));
    for (const char* cmd : { "backtest", "simulate", "report", "paper", "kill", "bench" }) {
        r = runCli({ QLatin1String(cmd), QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("--")), qPrintable(r.out));
    }
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
