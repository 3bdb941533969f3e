// Grids (docs/research.md §1): lists and ranges over any config key, row-major numbering, dotted
// bucket keys, format errors naming the key, and every invalid combination reported exactly as the
// config loader (ConfigJson::apply) reports it.
#include "research/grid.h"
#include "research/invalidcombinations.h"
#include "research/sweepplan.h"
#include "sweepfiles.h"
#include "types/configjson.h"

#include <QTest>

using namespace veloce;
using nlohmann::json;
using nlohmann::ordered_json;

class TestGrid : public QObject
{
    Q_OBJECT

private slots:
    void expandsInRowMajorOrder();
    void rangesAreInclusiveAndExact_data();
    void rangesAreInclusiveAndExact();
    void bucketKeysNestIntoTheirObject();
    void malformedGridsNameTheKey_data();
    void malformedGridsNameTheKey();
    void invalidCombinationsAreReportedLikeTheConfigLoader();
    void scoreGroupsShareIndicatorKeysOnly();
};

void TestGrid::expandsInRowMajorOrder()
{
    const Grid g = Grid::fromJson(
        ordered_json::parse(R"({"squeeze_keltner": ["range", "atr"], "min_entry_score": [4, 5, 6]})"),
        QStringLiteral("g.json"));
    QCOMPARE(g.size(), std::int64_t(6));
    QCOMPARE(g.keys(), QStringList({ QStringLiteral("squeeze_keltner"), QStringLiteral("min_entry_score") }));
    // The last key varies fastest.
    QCOMPARE(g.describe(0), QStringLiteral("squeeze_keltner=range, min_entry_score=4"));
    QCOMPARE(g.describe(1), QStringLiteral("squeeze_keltner=range, min_entry_score=5"));
    QCOMPARE(g.describe(3), QStringLiteral("squeeze_keltner=atr, min_entry_score=4"));
    QCOMPARE(g.describe(5), QStringLiteral("squeeze_keltner=atr, min_entry_score=6"));
    for (std::int64_t i = 0; i < g.size(); ++i)
        QCOMPARE(g.indexOf(g.coordinates(i)), i);
    QVERIFY(g.configObject(4) == json::parse(R"({"squeeze_keltner": "atr", "min_entry_score": 5})"));
    // An empty grid is the base configuration alone.
    QCOMPARE(Grid::fromJson(ordered_json::object(), QStringLiteral("g.json")).size(), std::int64_t(1));
}

void TestGrid::rangesAreInclusiveAndExact_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("integers") << R"({"from": 10, "to": 40, "step": 5})"
                              << SweepFiles::words("10 15 20 25 30 35 40");
    QTest::newRow("to not on a step")
        << R"({"from": 10, "to": 22, "step": 5})" << SweepFiles::words("10 15 20");
    // 0.1 + 2 * 0.1 is 0.30000000000000004 in binary: the grid means 0.3.
    QTest::newRow("tenths") << R"({"from": 0.1, "to": 0.5, "step": 0.1})"
                            << SweepFiles::words("0.1 0.2 0.3 0.4 0.5");
    QTest::newRow("from == to") << R"({"from": 2.5, "to": 2.5, "step": 1})" << SweepFiles::words("2.5");
    QTest::newRow("small steps") << R"({"from": 0.0001, "to": 0.0004, "step": 0.0001})"
                                 << SweepFiles::words("0.0001 0.0002 0.0003 0.0004");
}

void TestGrid::rangesAreInclusiveAndExact()
{
    QFETCH(QString, range);
    QFETCH(QStringList, values);
    const Grid g = Grid::fromJson(ordered_json::parse(QStringLiteral("{\"k\": %1}").arg(range).toStdString()),
        QStringLiteral("g.json"));
    QStringList got;
    for (const json& v : g.dimensions().front().values)
        got << Grid::valueText(v);
    QCOMPARE(got, values);
}

void TestGrid::bucketKeysNestIntoTheirObject()
{
    const Grid g = Grid::fromJson(
        ordered_json::parse(R"({"position_size_by_score.4-5": [0.25, 1], "position_size_by_score.8+": [2]})"),
        QStringLiteral("g.json"));
    QVERIFY(g.configObject(1) == json::parse(R"({"position_size_by_score": {"4-5": 1, "8+": 2}})"));
    const Config c = ConfigJson::apply(g.configObject(1), QStringLiteral("g.json"));
    QCOMPARE(c.sizeMid, 1.0);
    QCOMPARE(c.sizeTop, 2.0);
    QCOMPARE(c.sizeHigh, Config().sizeHigh);
}

void TestGrid::malformedGridsNameTheKey_data()
{
    QTest::addColumn<QString>("grid");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << "[1, 2]"
                                   << "g.json: a grid is a JSON object of config keys, got array";
    QTest::newRow("scalar value") << R"({"min_entry_score": 4})"
                                  << "g.json: key \"min_entry_score\": expected a list of values or a";
    QTest::newRow("empty list") << R"({"min_entry_score": []})"
                                << "g.json: key \"min_entry_score\": an empty list gives no configuration";
    QTest::newRow("range without step")
        << R"({"squeeze_length": {"from": 10, "to": 40}})"
        << "g.json: key \"squeeze_length\": a range needs \"from\", \"to\" and "
           "\"step\"; \"step\" is missing";
    QTest::newRow("step zero") << R"({"squeeze_length": {"from": 10, "to": 40, "step": 0}})"
                               << "g.json: key \"squeeze_length\": range \"step\" must be greater than 0";
    QTest::newRow("backwards") << R"({"squeeze_length": {"from": 40, "to": 10, "step": 5}})"
                               << "g.json: key \"squeeze_length\": range \"to\" (10) is below \"from\" (40)";
    QTest::newRow("unknown field") << R"({"squeeze_length": {"from": 1, "to": 2, "step": 1, "by": 3}})"
                                   << "g.json: key \"squeeze_length\": unknown range field \"by\"";
    QTest::newRow("text bound") << R"({"squeeze_length": {"from": "10", "to": 40, "step": 5}})"
                                << "g.json: key \"squeeze_length\": range \"from\": expected a finite number";
    QTest::newRow("too many")
        << R"({"a": {"from": 0, "to": 99999, "step": 1}, "b": [1,2,3,4,5,6,7,8,9,10,11]})"
        << "g.json: key \"b\": the grid has more than 1000000 combinations";
    QTest::newRow("whole and bucket")
        << R"({"position_size_by_score": [{"4-5": 1}], "position_size_by_score.4-5": [2]})"
        << "g.json: key \"position_size_by_score.4-5\": \"position_size_by_score\" is also swept whole";
}

void TestGrid::malformedGridsNameTheKey()
{
    QFETCH(QString, grid);
    QFETCH(QString, message);
    try {
        Grid::fromJson(ordered_json::parse(grid.toStdString()), QStringLiteral("g.json"));
        QFAIL("accepted");
    } catch (const ConfigError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
}

void TestGrid::invalidCombinationsAreReportedLikeTheConfigLoader()
{
    // squeeze_length 1 is out of range; divergence_lookback 3 is odd; "bogus" is no key at all.
    const Grid g = Grid::fromJson(
        ordered_json::parse(R"({"squeeze_length": [1, 20], "divergence_lookback": [3, 100]})"),
        QStringLiteral("grid.json"));
    Config base;
    base.feeRate = 0.001;
    try {
        SweepPlan plan(g, base);
        QFAIL("accepted");
    } catch (const InvalidCombinations& e) {
        // Combinations 0 (1, 3), 1 (1, 100) and 2 (20, 3) are invalid; 3 (20, 100) is fine.
        QCOMPARE(e.entries().size(), std::size_t(3));
        const std::int64_t expected[] = { 0, 1, 2 };
        for (std::size_t i = 0; i < 3; ++i) {
            const auto& entry = e.entries()[i];
            QCOMPARE(entry.index, expected[i]);
            // Exactly what the config loader says for the same object on the same base.
            QString loader;
            try {
                ConfigJson::apply(g.configObject(entry.index), QStringLiteral("grid.json"), base);
            } catch (const ConfigError& direct) {
                loader = QString::fromUtf8(direct.what());
            }
            QCOMPARE(QString::fromUtf8(entry.error.what()), loader);
            QVERIFY2(QString::fromUtf8(e.what()).contains(loader), e.what());
            QVERIFY(QString::fromUtf8(e.what()).contains(entry.values));
        }
        // Both keys are wrong in combination 0: the loader names the one it checks first.
        QCOMPARE(e.entries()[0].error.key(), QStringLiteral("divergence_lookback"));
        QCOMPARE(e.entries()[1].error.key(), QStringLiteral("squeeze_length"));
        QCOMPARE(e.entries()[2].error.key(), QStringLiteral("divergence_lookback"));
        QVERIFY(QString::fromUtf8(e.what()).startsWith(
            QLatin1String("grid.json: 3 of 4 grid combinations are invalid")));
    }
    try {
        SweepPlan plan(
            Grid::fromJson(ordered_json::parse(R"({"bogus": [1]})"), QStringLiteral("grid.json")), base);
        QFAIL("accepted an unknown key");
    } catch (const InvalidCombinations& e) {
        QCOMPARE(e.entries().front().error.key(), QStringLiteral("bogus"));
        QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("key \"bogus\": unknown key")));
    }
}

void TestGrid::scoreGroupsShareIndicatorKeysOnly()
{
    const Grid g
        = Grid::fromJson(ordered_json::parse(R"({"squeeze_length": [10, 20], "min_entry_score": [5, 3],
        "fee_rate": [0, 0.001]})"),
            QStringLiteral("g.json"));
    const SweepPlan plan(g, Config());
    const auto groups = plan.scoreGroups(plan.allIndices());
    QCOMPARE(groups.size(), std::size_t(2));
    QCOMPARE(groups[0].members, std::vector<std::int64_t>({ 0, 1, 2, 3 }));
    QCOMPARE(groups[1].members, std::vector<std::int64_t>({ 4, 5, 6, 7 }));
    QCOMPARE(groups[0].scoring.squeezeLength, 10);
    QCOMPARE(groups[1].scoring.squeezeLength, 20);
    // Scored with the lowest threshold of the group, so every member's candidates are there.
    QCOMPARE(groups[0].scoring.minEntryScore, 3.0);
}

QTEST_GUILESS_MAIN(TestGrid)
#include "tst_grid.moc"
