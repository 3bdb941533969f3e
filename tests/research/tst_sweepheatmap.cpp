// The heatmap the Optimizer view and the sweep report draw (docs/research.md §2, §7), extracted from
// a sweep made by hand: each cell is the configuration with the x and y keys at that cell's values
// and every other key at the best configuration's values; a configuration that did not run is an
// empty cell, one whose objective is undefined too; min and max are over the cells with a value.
#include "research/sweepheatmap.h"
#include "research/sweepheatmaps.h"

#include <QTest>

using namespace veloce;
using nlohmann::ordered_json;

namespace {
using Cells = std::vector<std::optional<double>>;
using Configs = std::vector<std::int64_t>;
const std::optional<double> none;

// Grid a [1, 2, 3] x b [x, y] x c [10, 20]: index = a * 4 + b * 2 + c. Every configuration ran but
// 3; configuration 6's objective is null (e.g. a Sortino ratio without downside); the others have
// 10 + index. The best is 7 (a = 2, b = y, c = 20), as a ranking by hand would have put it.
SweepResult handMade()
{
    SweepResult r;
    r.grid = Grid::fromJson(ordered_json::parse(R"({"a": [1, 2, 3], "b": ["x", "y"], "c": [10, 20]})"),
        QStringLiteral("grid.json"));
    for (std::int64_t config = 0; config < 12; ++config) {
        if (config == 3)
            continue;
        r.configs.push_back(config);
        SweepRank rank;
        rank.config = config;
        if (config != 6)
            rank.worst = rank.median = 10.0 + double(config);
        r.ranking.push_back(rank);
    }
    r.best = 7;
    return r;
}
} // namespace

Q_DECLARE_METATYPE(Cells)
Q_DECLARE_METATYPE(Configs)

class TestSweepHeatmap : public QObject
{
    Q_OBJECT

private slots:
    void cellsOfTwoKeys_data()
    {
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("rows");
        QTest::addColumn<Configs>("configs");
        QTest::addColumn<Cells>("cells");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        // c held at 20: row b = x holds 1, 5, 9, row b = y holds 3 (did not run), 7, 11.
        QTest::newRow("a across, b up") << 0 << 1 << 3 << 2 << Configs { 1, 5, 9, 3, 7, 11 }
                                        << Cells { 11.0, 15.0, 19.0, none, 17.0, 21.0 } << 11.0 << 21.0;
        QTest::newRow("b across, a up") << 1 << 0 << 2 << 3 << Configs { 1, 3, 5, 7, 9, 11 }
                                        << Cells { 11.0, none, 15.0, 17.0, 19.0, 21.0 } << 11.0 << 21.0;
        // b held at y: 6 ran with a null objective, 3 did not run.
        QTest::newRow("c across, a up") << 2 << 0 << 2 << 3 << Configs { 2, 3, 6, 7, 10, 11 }
                                        << Cells { 12.0, none, none, 17.0, 20.0, 21.0 } << 12.0 << 21.0;
        QTest::newRow("c across, b up")
            << 2 << 1 << 2 << 2 << Configs { 4, 5, 6, 7 } << Cells { 14.0, 15.0, none, 17.0 } << 14.0 << 17.0;
        // One key alone: b = y and c = 20 held.
        QTest::newRow("a alone") << 0 << -1 << 3 << 1 << Configs { 3, 7, 11 } << Cells { none, 17.0, 21.0 }
                                 << 17.0 << 21.0;
    }

    void cellsOfTwoKeys()
    {
        QFETCH(int, x);
        QFETCH(int, y);
        QFETCH(int, columns);
        QFETCH(int, rows);
        QFETCH(Configs, configs);
        QFETCH(Cells, cells);
        QFETCH(double, min);
        QFETCH(double, max);
        const SweepResult result = handMade();
        const SweepHeatmap h = SweepHeatmap::build(result, x, y);
        QCOMPARE(h.xDimension, x);
        QCOMPARE(h.yDimension, y);
        QCOMPARE(h.columns, columns);
        QCOMPARE(h.rows, rows);
        QCOMPARE(h.configs, configs);
        QCOMPARE(h.cells, cells);
        QCOMPARE(h.min, std::optional<double>(min));
        QCOMPARE(h.max, std::optional<double>(max));

        // The set the Optimizer builds on its worker thread holds the same cells for the same keys.
        const SweepHeatmaps all(result);
        const SweepHeatmap* found = all.find(x, y);
        QVERIFY(found);
        QCOMPARE(found->configs, configs);
        QCOMPARE(found->cells, cells);
    }

    void heatmapSetLookups_data()
    {
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<bool>("exists");
        QTest::newRow("every ordered pair") << 1 << 2 << true;
        QTest::newRow("and its transpose") << 2 << 1 << true;
        QTest::newRow("each key alone") << 2 << -1 << true;
        QTest::newRow("a key against itself") << 1 << 1 << false;
        QTest::newRow("no such x") << 3 << 0 << false;
        QTest::newRow("no such y") << 0 << 3 << false;
        QTest::newRow("negative x") << -1 << 0 << false;
    }

    void heatmapSetLookups()
    {
        QFETCH(int, x);
        QFETCH(int, y);
        QFETCH(bool, exists);
        const SweepHeatmaps all(handMade());
        QCOMPARE(all.keys(), 3);
        QCOMPARE(all.find(x, y) != nullptr, exists);
    }

    void allPairsOfTheReport()
    {
        // The HTML report shows each unordered pair once, x before y.
        const std::vector<SweepHeatmap> pairs = SweepHeatmap::all(handMade());
        QCOMPARE(pairs.size(), std::size_t(3));
        QCOMPARE(pairs[0].xDimension, 0);
        QCOMPARE(pairs[0].yDimension, 1);
        QCOMPARE(pairs[2].xDimension, 1);
        QCOMPARE(pairs[2].yDimension, 2);
        // b across, c up, a held at 2: c = 10 holds 4 and 6 (null), c = 20 holds 5 and 7.
        QCOMPARE(pairs[2].configs, (Configs { 4, 6, 5, 7 }));
        QCOMPARE(pairs[2].cells, (Cells { 14.0, none, 15.0, 17.0 }));
    }
};

QTEST_GUILESS_MAIN(TestSweepHeatmap)
#include "tst_sweepheatmap.moc"
