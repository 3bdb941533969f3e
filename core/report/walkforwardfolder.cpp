#include "report/walkforwardfolder.h"

#include "data/dataerror.h"
#include "report/csvtext.h"
#include "report/jsonfile.h"
#include "report/summaryjson.h"
#include "types/numberformat.h"

#include <QDateTime>
#include <QDir>
#include <QTimeZone>

namespace veloce {

using nlohmann::ordered_json;

namespace {

ordered_json optional(const std::optional<double>& v)
{
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

std::string iso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs).toStdString();
}

} // namespace

void WalkForwardFolder::write(const WalkForwardResult& r, const QString& dir)
{
    if (!QDir().mkpath(dir))
        throw DataError(QStringLiteral("cannot create output folder %1").arg(dir));
    const std::string key = r.objective.key().toStdString();
    std::string csv = "window,train_from_ms,train_to_ms,test_from_ms,test_to_ms";
    for (const QString& k : r.grid.keys()) {
        csv += ',';
        CsvText::appendField(csv, k.toStdString());
    }
    csv += ",in_sample_" + key + ",out_of_sample_" + key
        + ",in_sample_return,out_of_sample_return,in_sample_annualised_return,out_of_sample_annualised_"
          "return,"
          "efficiency,in_sample_trades,out_of_sample_trades,in_sample_deflated_sharpe,in_sample_pbo\n";
    ordered_json windows = ordered_json::array();
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        const WalkForwardWindow& w = r.windows[i];
        appendInt(csv, static_cast<std::int64_t>(i + 1));
        for (const std::int64_t t : { w.train.fromMs, w.train.toMs, w.test.fromMs, w.test.toMs }) {
            csv += ',';
            appendInt(csv, t);
        }
        CsvText::appendGridValues(csv, r.grid, w.config);
        for (const std::optional<double>& v : { w.inSampleObjective, w.outOfSampleObjective }) {
            csv += ',';
            CsvText::appendOptional(csv, v);
        }
        for (const double v : { w.inSample.totalReturn, w.outOfSample.totalReturn, w.inSampleAnnualReturn,
                 w.outOfSampleAnnualReturn }) {
            csv += ',';
            appendDouble(csv, v);
        }
        csv += ',';
        CsvText::appendOptional(csv, w.efficiency);
        for (const std::int64_t n : { w.inSample.totalTrades, w.outOfSample.totalTrades }) {
            csv += ',';
            appendInt(csv, n);
        }
        for (const std::optional<double>& v :
            { w.inSampleCheck.deflatedSharpe.probability, w.inSampleCheck.overfitting.probability }) {
            csv += ',';
            CsvText::appendOptional(csv, v);
        }
        csv += '\n';

        ordered_json j;
        j["window"] = i + 1;
        j["train"] = { { "from", iso(w.train.fromMs) }, { "to", iso(w.train.toMs) } };
        j["test"] = { { "from", iso(w.test.fromMs) }, { "to", iso(w.test.toMs) } };
        j["index"] = w.config;
        j["values"] = r.grid.values(w.config);
        j["in_sample"] = SummaryJson::toJson(w.inSample);
        j["out_of_sample"] = SummaryJson::toJson(w.outOfSample);
        j["in_sample_annualised_return"] = w.inSampleAnnualReturn;
        j["out_of_sample_annualised_return"] = w.outOfSampleAnnualReturn;
        j["efficiency"] = optional(w.efficiency);
        j["in_sample_deflated_sharpe"] = optional(w.inSampleCheck.deflatedSharpe.probability);
        j["in_sample_pbo"] = optional(w.inSampleCheck.overfitting.probability);
        windows.push_back(j);
    }
    JsonFile::write(QDir(dir).filePath(QLatin1String(kCsv)), QByteArray::fromStdString(csv));

    ordered_json o;
    o["format"] = "veloce-walkforward/1";
    o["grid_file"] = r.grid.source().toStdString();
    o["grid"] = r.grid.asWritten();
    o["base_config"] = r.baseConfig;
    o["data"] = { { "market", r.market.label.toStdString() }, { "source", r.market.source.toStdString() },
        { "file_sha256",
            r.market.fileSha256.isEmpty() ? ordered_json(nullptr)
                                          : ordered_json(r.market.fileSha256.toStdString()) },
        { "bars_sha256", r.market.barsSha256.toStdString() }, { "bars", r.market.bars } };
    o["configurations"] = r.grid.size();
    o["objective"] = { { "key", key }, { "direction", r.objective.minimised() ? "minimise" : "maximise" } };
    o["train_ms"] = r.trainMs;
    o["test_ms"] = r.testMs;
    o["step_ms"] = r.stepMs;
    o["walk_forward_efficiency"] = optional(r.efficiency);
    o["out_of_sample"] = SummaryJson::toJson(r.stitched);
    o["out_of_sample_annualised_return"] = r.stitchedAnnualReturn;
    o["out_of_sample_folder"] = kStitched;
    o["windows"] = windows;
    o["elapsed_ms"] = r.elapsedMs;
    o["jobs"] = r.jobs;
    JsonFile::write(QDir(dir).filePath(QLatin1String(kJson)), QByteArray::fromStdString(o.dump(1) + "\n"));
}

} // namespace veloce
