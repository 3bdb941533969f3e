#pragma once

#include "research/sweepresult.h"

#include <QByteArray>
#include <QString>
#include <string>

namespace veloce {

// The self-contained HTML report of a sweep (`veloce-cli report --in SWEEP_DIR`): the best
// configuration with its deflated Sharpe ratio and PBO on every market, a heatmap of the objective
// over any two grid keys (the others at their best values, SweepHeatmap) with a colour legend, the
// PBO's logit histogram, and a sortable table of the ranked configurations. Like HtmlReport: one
// file, no network request, data only as escaped JSON, text put in with textContent.
class SweepHtmlReport
{
public:
    static constexpr std::size_t kMaxTableRows = 5000; // the table lists the best ranked; all are counted

    static QByteArray render(const SweepResult& result);
    static void write(const SweepResult& result, const QString& path);
    // The JSON the page renders (exposed for tests).
    static std::string payload(const SweepResult& result);
};

} // namespace veloce
