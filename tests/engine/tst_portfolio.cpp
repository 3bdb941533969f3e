// The margin account of docs/strategy.md §5: PnL signs for both sides, fees, slippage direction,
// quantity sizing with the risk cap, and the reject reasons in their documented order.
#include "portfolio/portfolio.h"

#include <QTest>
#include <cmath>

using namespace veloce;

Q_DECLARE_METATYPE(veloce::Side)
Q_DECLARE_METATYPE(veloce::RejectReason)
Q_DECLARE_METATYPE(veloce::ExitReason)

namespace {
constexpr std::int64_t kT0 = 1759276800000;

Signal makeSignal(Side side, double price, double fraction, double stop, double target, std::int64_t t = kT0)
{
    Signal s;
    s.t = t;
    s.side = side;
    s.price = price;
    s.score = 5;
    s.sizeFraction = fraction;
    s.stop = stop;
    s.target = target;
    return s;
}

// Open LONGs with the given entry notionals, entered an hour before kT0 at 100 and marked at 100
// (no unrealised PnL), ids 1, 2, ... in that order.
std::vector<Position> longsAt100(const QList<double>& notionals)
{
    std::vector<Position> positions;
    for (double n : notionals) {
        Position pos;
        pos.id = std::int64_t(positions.size()) + 1;
        pos.side = Side::Long;
        pos.entryMs = kT0 - 3600000;
        pos.entry = pos.last = 100;
        pos.qty = n / 100;
        pos.stop = 1;
        pos.target = 1000;
        positions.push_back(pos);
    }
    return positions;
}

bool close(double a, double b, double rel = 1e-12)
{
    return std::fabs(a - b) <= rel * std::max({ std::fabs(a), std::fabs(b), 1.0 });
}
} // namespace

class TestPortfolio : public QObject
{
    Q_OBJECT
private slots:
    void slippage_data();
    void slippage();
    void markToMarket_data();
    void markToMarket();
    void feesAndPnl_data();
    void feesAndPnl();
    void quantity_data();
    void quantity();
    void quantityUsesCurrentEquity();
    void rejectOrder_data();
    void rejectOrder();
    void marginTolerance_data();
    void marginTolerance();
    void exitWanted_data();
    void exitWanted();
    void closeKeepsOpeningOrder();
};

void TestPortfolio::slippage_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<bool>("entering");
    QTest::addColumn<double>("bps");
    QTest::addColumn<double>("expected");
    // 10 bps = 0.1 %, always against the trader.
    QTest::newRow("LONG entry pays more") << Side::Long << true << 10.0 << 100.1;
    QTest::newRow("LONG exit receives less") << Side::Long << false << 10.0 << 99.9;
    QTest::newRow("SHORT entry sells lower") << Side::Short << true << 10.0 << 99.9;
    QTest::newRow("SHORT exit buys back higher") << Side::Short << false << 10.0 << 100.1;
    QTest::newRow("no slippage") << Side::Short << true << 0.0 << 100.0;
    QTest::newRow("2.5 bps LONG entry") << Side::Long << true << 2.5 << 100.025;
}

void TestPortfolio::slippage()
{
    QFETCH(Side, side);
    QFETCH(bool, entering);
    QFETCH(double, bps);
    QFETCH(double, expected);
    QCOMPARE(Portfolio::slipped(100.0, side, entering, bps), expected);
}

void TestPortfolio::markToMarket_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<double>("mark");
    QTest::addColumn<double>("equity");
    // Entry 100, fraction 0.5 -> qty 0.5 * 100000 / 100 = 500 (risk cap 2000 / 2.4 = 833 not
    // binding). Unrealized = side * (mark - 100) * 500.
    QTest::newRow("SHORT, price up 1 -> equity down 500") << Side::Short << 101.0 << 99500.0;
    QTest::newRow("SHORT, price down 1 -> equity up 500") << Side::Short << 99.0 << 100500.0;
    QTest::newRow("SHORT at its stop 102.4") << Side::Short << 102.4 << 98800.0;
    QTest::newRow("LONG, price up 1") << Side::Long << 101.0 << 100500.0;
    QTest::newRow("LONG, price down 1") << Side::Long << 99.0 << 99500.0;
    QTest::newRow("unchanged") << Side::Short << 100.0 << 100000.0;
}

void TestPortfolio::markToMarket()
{
    QFETCH(Side, side);
    QFETCH(double, mark);
    QFETCH(double, equity);
    Portfolio p { Config() };
    const double dir = sign(side);
    p.open(makeSignal(side, 100, 0.5, 100 - dir * 2.4, 100 + dir * 4.8), 100);
    QCOMPARE(p.positions().front().qty, 500.0);
    p.mark(mark);
    QVERIFY(close(p.equity(), equity));
    QCOMPARE(p.cash(), 100000.0); // cash moves only on fees and closes
    // Closing at the mark realizes exactly the unrealized PnL.
    const Trade t = p.close(0, mark, kT0 + 1000, ExitReason::Manual);
    QVERIFY(close(t.pnl, equity - 100000.0));
    QVERIFY(close(p.cash(), equity));
    QVERIFY(p.flat());
}

void TestPortfolio::feesAndPnl_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<double>("exit");
    QTest::addColumn<double>("cashAfterOpen");
    QTest::addColumn<double>("pnl");
    QTest::addColumn<double>("fees");
    QTest::addColumn<double>("cashAfterClose");
    // fee_rate 0.001, entry 100, qty 500: entry fee 0.001 * 500 * 100 = 50 leaves cash at once.
    // LONG exit 110: gross 5000, exit fee 0.001 * 500 * 110 = 55; pnl 5000 - 50 - 55 = 4895;
    //   cash 99950 + 5000 - 55 = 104895.
    QTest::newRow("LONG win") << Side::Long << 110.0 << 99950.0 << 4895.0 << 105.0 << 104895.0;
    // SHORT exit 90: gross 5000, exit fee 45; pnl 4905; cash 104905.
    QTest::newRow("SHORT win") << Side::Short << 90.0 << 99950.0 << 4905.0 << 95.0 << 104905.0;
    // SHORT exit at the stop 102.4: gross -1200, exit fee 51.2; pnl -1301.2; cash 98698.8.
    QTest::newRow("SHORT loss") << Side::Short << 102.4 << 99950.0 << -1301.2 << 101.2 << 98698.8;
    // LONG flat exit: gross 0, fees 100 -> a losing trade.
    QTest::newRow("LONG flat, fees only") << Side::Long << 100.0 << 99950.0 << -100.0 << 100.0 << 99900.0;
}

void TestPortfolio::feesAndPnl()
{
    QFETCH(Side, side);
    QFETCH(double, exit);
    QFETCH(double, cashAfterOpen);
    QFETCH(double, pnl);
    QFETCH(double, fees);
    QFETCH(double, cashAfterClose);
    Config c;
    c.feeRate = 0.001;
    Portfolio p(c);
    const double dir = sign(side);
    const Position pos = p.open(makeSignal(side, 100, 0.5, 100 - dir * 2.4, 100 + dir * 4.8), 100);
    QCOMPARE(pos.qty, 500.0);
    QCOMPARE(pos.entryFee, 50.0);
    QCOMPARE(p.cash(), cashAfterOpen);
    QCOMPARE(p.equity(), cashAfterOpen); // marked at the entry price
    const Trade t = p.close(0, exit, kT0 + 60000, ExitReason::Target);
    QVERIFY2(close(t.pnl, pnl), qPrintable(QString::number(t.pnl, 'g', 17)));
    QVERIFY(close(t.fees, fees));
    QVERIFY(close(p.cash(), cashAfterClose));
    QCOMPARE(t.side, side);
    QCOMPARE(t.entryPrice, 100.0);
    QCOMPARE(t.exitPrice, exit);
    QCOMPARE(t.qty, 500.0);
    QCOMPARE(t.entryMs, kT0);
    QCOMPARE(t.exitMs, kT0 + 60000);
    QCOMPARE(t.score, 5.0);
}

void TestPortfolio::quantity_data()
{
    QTest::addColumn<double>("capital");
    QTest::addColumn<double>("risk");
    QTest::addColumn<Side>("side");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<double>("fill");
    QTest::addColumn<double>("stop");
    QTest::addColumn<double>("qty");
    // qty = min(fraction * equity / fill, risk * equity / |fill - stop|)
    QTest::newRow("size binds: min(500, 833.3)")
        << 1e5 << 0.02 << Side::Long << 0.5 << 100.0 << 97.6 << 500.0;
    QTest::newRow("size binds: min(1500, 2000)")
        << 1e5 << 0.02 << Side::Long << 1.5 << 100.0 << 99.0 << 1500.0;
    QTest::newRow("risk binds: min(1500, 1000)")
        << 1e5 << 0.02 << Side::Long << 1.5 << 100.0 << 98.0 << 1000.0;
    // Slipped fill 100.1: min(1498.5, 2000 / 2.1 = 952.38)
    QTest::newRow("risk at the slipped fill")
        << 1e5 << 0.02 << Side::Long << 1.5 << 100.1 << 98.0 << 2000.0 / 2.1;
    QTest::newRow("SHORT, both 500") << 1e5 << 0.02 << Side::Short << 0.5 << 100.0 << 104.0 << 500.0;
    QTest::newRow("risk 1%: min(1500, 500)") << 1e5 << 0.01 << Side::Long << 1.5 << 100.0 << 98.0 << 500.0;
    QTest::newRow("BTC: min(2, 1000 / 1000)")
        << 5e4 << 0.02 << Side::Short << 1.0 << 25000.0 << 26000.0 << 1.0;
}

void TestPortfolio::quantity()
{
    QFETCH(double, capital);
    QFETCH(double, risk);
    QFETCH(Side, side);
    QFETCH(double, fraction);
    QFETCH(double, fill);
    QFETCH(double, stop);
    QFETCH(double, qty);
    Config c;
    c.initialCapital = capital;
    c.baseRiskPerTrade = risk;
    Portfolio p(c);
    const Signal s = makeSignal(side, fill, fraction, stop, 0);
    QVERIFY(close(p.quantityFor(s, fill), qty));
    QVERIFY(close(p.open(s, fill).qty, qty));
    QVERIFY(close(p.positions().front().notional(), qty * fill));
}

void TestPortfolio::quantityUsesCurrentEquity()
{
    // LONG 500 @ 100 marked at 98: equity 99000. New LONG at 98, stop 90, fraction 0.5:
    // min(0.5 * 99000 / 98 = 505.1, 0.02 * 99000 / 8 = 247.5) = 247.5.
    Portfolio p { Config() };
    p.open(makeSignal(Side::Long, 100, 0.5, 97.6, 104.8), 100);
    p.mark(98);
    QCOMPARE(p.equity(), 99000.0);
    QCOMPARE(p.quantityFor(makeSignal(Side::Long, 98, 0.5, 90, 120), 98), 247.5);
}

void TestPortfolio::rejectOrder_data()
{
    QTest::addColumn<double>("cooldownS");
    QTest::addColumn<qint64>("sinceEntryMs"); // -1: nothing entered yet
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QList<double>>("openNotionals"); // existing LONGs at 100, marked at 100
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("leverage");
    QTest::addColumn<RejectReason>("expected");
    // Equity is always 100000 (cash 100000, every open position marked at its entry). The new
    // signal: LONG at 100, stop 98 -> qty min(fraction * 1000, 1000), notional qty * 100.
    // Each row makes the expected check fail together with every later one.
    const QList<double> two = { 10000, 10000 };
    QTest::newRow("cooldown first (59.999 s < 60 s)")
        << 60.0 << qint64(59999) << 0.0 << two << 200000.0 << 1.0 << RejectReason::Cooldown;
    QTest::newRow("cooldown over at exactly 60 s -> size")
        << 60.0 << qint64(60000) << 0.0 << two << 200000.0 << 1.0 << RejectReason::Size;
    QTest::newRow("no cooldown configured")
        << 0.0 << qint64(1) << 0.5 << QList<double> {} << 100000.0 << 1.0 << RejectReason::None;
    QTest::newRow("cooldown before any entry does not apply")
        << 60.0 << qint64(-1) << 0.5 << QList<double> {} << 100000.0 << 1.0 << RejectReason::None;
    QTest::newRow("size before max_positions")
        << 0.0 << qint64(-1) << 0.0 << two << 200000.0 << 1.0 << RejectReason::Size;
    QTest::newRow("max_positions before drawdown")
        << 0.0 << qint64(-1) << 0.5 << two << 200000.0 << 1.0 << RejectReason::MaxPositions;
    // (125000 - 100000) / 125000 = 0.2, not < 0.2. Margin fails too (90000 + 50000 > 100000).
    QTest::newRow("drawdown exactly 20% before margin")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 90000 } << 125000.0 << 1.0 << RejectReason::Drawdown;
    // (124999 - 100000) / 124999 = 0.19999 < 0.2 -> passes; margin 90000 + 50000 > 100000.
    QTest::newRow("drawdown 19.999% passes, margin fails")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 90000 } << 124999.0 << 1.0 << RejectReason::Margin;
    QTest::newRow("margin 90000 + 50000 > 100000")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 90000 } << 100000.0 << 1.0 << RejectReason::Margin;
    // Leverage 2: 45000 + 25000 <= 100000.
    QTest::newRow("margin with leverage 2")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 90000 } << 100000.0 << 2.0 << RejectReason::None;
    // Leverage 1.5: 60000 + 33333 <= 100000; leverage 1.2: 75000 + 41667 > 100000.
    QTest::newRow("margin with leverage 1.5")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 90000 } << 100000.0 << 1.5 << RejectReason::None;
    QTest::newRow("margin with leverage 1.2")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 90000 } << 100000.0 << 1.2 << RejectReason::Margin;
    // 50000 + 50000 == 100000: "<= equity" accepts.
    QTest::newRow("margin exactly equal to equity")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 50000 } << 100000.0 << 1.0 << RejectReason::None;
    QTest::newRow("margin 1 cent over")
        << 0.0 << qint64(-1) << 0.5 << QList<double> { 50000.01 } << 100000.0 << 1.0 << RejectReason::Margin;
}

void TestPortfolio::rejectOrder()
{
    QFETCH(double, cooldownS);
    QFETCH(qint64, sinceEntryMs);
    QFETCH(double, fraction);
    QFETCH(QList<double>, openNotionals);
    QFETCH(double, peak);
    QFETCH(double, leverage);
    QFETCH(RejectReason, expected);
    Config c;
    c.entryCooldownS = cooldownS;
    c.leverage = leverage;
    Portfolio p(c);
    const std::vector<Position> positions = longsAt100(openNotionals);
    const std::int64_t signalT = kT0;
    p.restore(
        100000, positions, std::int64_t(positions.size()) + 1, sinceEntryMs < 0 ? 0 : signalT - sinceEntryMs);
    QCOMPARE(p.equity(), 100000.0);
    QCOMPARE(p.check(makeSignal(Side::Long, 100, fraction, 98, 110, signalT), peak), expected);
}

void TestPortfolio::marginTolerance_data()
{
    QTest::addColumn<double>("fill");
    QTest::addColumn<double>("stop");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QList<double>>("openNotionals"); // LONGs at 100, marked at 100
    QTest::addColumn<RejectReason>("expected");
    // Equity 100000 throughout; margin + new notional is compared with equity * (1 + 1e-9).
    // Fraction 1 at 65868.57 (stop 100 below, so the risk cap 20 units does not bind):
    // qty = 100000 / 65868.57 and qty * 65868.57 = 100000.00000000001, one ulp above equity.
    QTest::newRow("whole equity, one ulp above by rounding: accepted")
        << 65868.57 << 65768.57 << 1.0 << QList<double> {} << RejectReason::None;
    // Fraction 0.5 at 100 (stop 98): new notional 50000 on top of the open one.
    QTest::newRow("1e-15 above: accepted")
        << 100.0 << 98.0 << 0.5 << QList<double> { 50000.0000000001 } << RejectReason::None;
    QTest::newRow("2e-9 above: refused")
        << 100.0 << 98.0 << 0.5 << QList<double> { 50000.0002 } << RejectReason::Margin;
    QTest::newRow("1e-6 above: refused")
        << 100.0 << 98.0 << 0.5 << QList<double> { 50000.1 } << RejectReason::Margin;
}

void TestPortfolio::marginTolerance()
{
    QFETCH(double, fill);
    QFETCH(double, stop);
    QFETCH(double, fraction);
    QFETCH(QList<double>, openNotionals);
    QFETCH(RejectReason, expected);
    Portfolio p { Config() };
    const std::vector<Position> positions = longsAt100(openNotionals);
    p.restore(100000, positions, std::int64_t(positions.size()) + 1, 0);
    QCOMPARE(p.equity(), 100000.0);
    const Signal s = makeSignal(Side::Long, fill, fraction, stop, fill * 2);
    // Every row is above equity without the tolerance: a plain "<= equity" would refuse them all.
    const double demand = p.marginUsed() + p.quantityFor(s, fill) * fill;
    QVERIFY2(demand > p.equity(), qPrintable(QString::number(demand, 'g', 17)));
    QCOMPARE(p.check(s, 100000.0), expected);
}

void TestPortfolio::exitWanted_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<double>("close");
    QTest::addColumn<bool>("exit");
    QTest::addColumn<ExitReason>("reason");
    // LONG stop 97.6 target 104.8; SHORT stop 102.4 target 95.2 (entry 100, atr 1.2).
    QTest::newRow("LONG at stop") << Side::Long << 97.6 << true << ExitReason::Stop;
    QTest::newRow("LONG below stop") << Side::Long << 90.0 << true << ExitReason::Stop;
    QTest::newRow("LONG just above stop") << Side::Long << 97.7 << false << ExitReason::Stop;
    QTest::newRow("LONG at target") << Side::Long << 104.8 << true << ExitReason::Target;
    QTest::newRow("LONG just below target") << Side::Long << 104.7 << false << ExitReason::Stop;
    QTest::newRow("SHORT at stop") << Side::Short << 102.4 << true << ExitReason::Stop;
    QTest::newRow("SHORT above stop") << Side::Short << 110.0 << true << ExitReason::Stop;
    QTest::newRow("SHORT at target") << Side::Short << 95.2 << true << ExitReason::Target;
    QTest::newRow("SHORT below target") << Side::Short << 90.0 << true << ExitReason::Target;
    QTest::newRow("SHORT in between") << Side::Short << 100.0 << false << ExitReason::Stop;
}

void TestPortfolio::exitWanted()
{
    QFETCH(Side, side);
    QFETCH(double, close);
    QFETCH(bool, exit);
    QFETCH(ExitReason, reason);
    Position p;
    p.side = side;
    p.entry = 100;
    p.qty = 1;
    p.stop = side == Side::Long ? 97.6 : 102.4;
    p.target = side == Side::Long ? 104.8 : 95.2;
    ExitReason got = ExitReason::Manual;
    QCOMPARE(Portfolio::exitWanted(p, close, got), exit);
    if (exit)
        QCOMPARE(got, reason);
}

void TestPortfolio::closeKeepsOpeningOrder()
{
    Config c;
    c.maxOpenPositions = 3;
    Portfolio p(c);
    for (int i = 0; i < 3; ++i)
        p.open(makeSignal(Side::Long, 100, 0.1, 90, 120, kT0 + i * 1000), 100);
    QCOMPARE(p.positions()[0].id, std::int64_t(1));
    QCOMPARE(p.positions()[2].id, std::int64_t(3));
    QCOMPARE(p.lastEntryMs(), kT0 + 2000);
    const Trade t = p.close(1, 101, kT0 + 5000, ExitReason::Manual);
    QCOMPARE(t.positionId, std::int64_t(2));
    QCOMPARE(p.positions().size(), std::size_t(2));
    QCOMPARE(p.positions()[0].id, std::int64_t(1));
    QCOMPARE(p.positions()[1].id, std::int64_t(3));
    QCOMPARE(p.nextId(), std::int64_t(4));
    // Margin used = Σ entry notional / leverage: 2 * 100 * 100 (qty 0.1 * 100000 / 100 = 100).
    QCOMPARE(p.marginUsed(), 20000.0);
    p.open(makeSignal(Side::Short, 100, 0.1, 110, 90, kT0 + 6000), 100);
    p.close(0, 100, kT0 + 7000, ExitReason::Manual);
    QCOMPARE(p.positions().size(), std::size_t(2));
    QCOMPARE(p.positions()[0].id, std::int64_t(3));
    QCOMPARE(p.positions()[1].id, std::int64_t(4));
}

QTEST_GUILESS_MAIN(TestPortfolio)
#include "tst_portfolio.moc"
