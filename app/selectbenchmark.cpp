#include "selectbenchmark.h"

#include "candlechart.h"
#include "candlechartview.h"
#include "dashboard.h"
#include "quantile.h"
#include "tradefocus.h"
#include "tradesmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <random>
#include <vector>

namespace veloce {

nlohmann::ordered_json SelectBenchmark::run(Dashboard& dashboard, int samples)
{
    TradeFocus* focus = dashboard.tradeFocus();
    CandleChartView* chart = dashboard.candleChart()->view();
    const int rows = dashboard.tradesView()->model()->rowCount();
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(0, std::max(rows - 1, 0));
    std::vector<double> ms;
    std::vector<double> shown;
    int zoomed = 0;
    for (int i = 0; i < samples && rows > 0; ++i) {
        QCoreApplication::processEvents(); // nothing queued is timed with the next sample
        const int row = pick(rng);
        QElapsedTimer t;
        t.start();
        focus->selectRow(row);
        chart->viewport()->repaint(); // the frame the user sees, painted now
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        shown.push_back(double(chart->candleObjectCount()));
        if (chart->focusedTrade())
            ++zoomed;
    }
    nlohmann::ordered_json j;
    j["event"] = "benchmark_select";
    j["trades"] = dashboard.tradesModel()->rowCount();
    j["samples"] = ms.size();
    j["zoomed"] = zoomed;
    j["select_ms_p50"] = quantile(ms, 0.5);
    j["select_ms_p99"] = quantile(ms, 0.99);
    j["select_ms_max"] = ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end());
    j["candle_objects_p50"] = quantile(shown, 0.5);
    return j;
}

} // namespace veloce
