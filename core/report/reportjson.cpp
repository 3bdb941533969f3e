#include "report/reportjson.h"

#include "data/dataerror.h"
#include "report/summaryjson.h"
#include "types/numberformat.h"

#include <charconv>
#include <cmath>

namespace veloce::ReportJson {

namespace {

constexpr int kFormat = 1;
// Significant digits of chart-only values: far below a pixel, and short in the file.
constexpr int kVolumeDigits = 6;
constexpr int kScoreDigits = 6;
constexpr int kMoneyDigits = 10;
constexpr int kRatioDigits = 6;

void number(std::string& out, double v, int digits = 0)
{
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (digits == 0) {
        appendDouble(out, v);
        return;
    }
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
    out.append(buf, r.ptr);
}

void text(std::string& out, const QString& s)
{
    out += nlohmann::json(s.toStdString()).dump();
}

void key(std::string& out, const char* name)
{
    out += '"';
    out += name;
    out += "\":";
}

const char* stateName(CandleView::State s)
{
    switch (s) {
    case CandleView::State::Shown:
        return "shown";
    case CandleView::State::FinerThanData:
        return "finer_than_data";
    case CandleView::State::CoarserViewSuffices:
        return "coarser_view_suffices";
    }
    return "shown";
}

// "width_ms":W,"t0":T,"d":[0,1,1,3,...] -- times as steps of the bucket width.
template<typename T> void times(std::string& out, const ReportSeries<T>& s)
{
    key(out, "width_ms");
    appendInt(out, s.widthMs);
    out += ',';
    key(out, "t0");
    appendInt(out, s.points.empty() ? 0 : s.points.front().t);
    out += ',';
    key(out, "d");
    out += '[';
    const std::int64_t w = s.widthMs > 0 ? s.widthMs : 1;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        if (i)
            out += ',';
        appendInt(out, i ? (s.points[i].t - s.points[i - 1].t) / w : 0);
    }
    out += ']';
}

template<typename T, typename Get>
void column(std::string& out, const char* name, const std::vector<T>& points, Get get, int digits)
{
    out += ',';
    key(out, name);
    out += '[';
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i)
            out += ',';
        number(out, get(points[i]), digits);
    }
    out += ']';
}

void header(std::string& out, const ReportData& d)
{
    out += "{\"format\":";
    appendInt(out, kFormat);
    out += ",\n\"app_version\":";
    text(out, d.appVersion);
    out += ",\n\"source\":";
    text(out, d.source);
    out += ",\n\"config_hash\":";
    text(out, d.configHash);
    out += ",\n\"entry_threshold\":";
    number(out, d.entryThreshold);
    out += ",\n\"data_spacing_ms\":";
    appendInt(out, d.dataSpacingMs);
    out += ",\n\"config\":";
    out += d.config.is_null() ? std::string("{}") : d.config.dump();
}

void series(std::string& out, const ReportData& d)
{
    out += ",\n\"views\":[";
    for (std::size_t i = 0; i < d.views.size(); ++i) {
        const CandleView& v = d.views[i];
        out += i ? ",\n{" : "\n{";
        key(out, "label");
        text(out, v.label);
        out += ',';
        key(out, "timeframe_ms");
        appendInt(out, v.timeframeMs);
        out += ',';
        key(out, "run_candles");
        appendInt(out, v.runCandles);
        out += ',';
        key(out, "state");
        out += '"';
        out += stateName(v.state);
        out += "\",";
        times(out, v.candles);
        const auto& p = v.candles.points;
        column(
            out, "o", p, [](const Bar& b) { return b.open; }, 0);
        column(
            out, "h", p, [](const Bar& b) { return b.high; }, 0);
        column(
            out, "l", p, [](const Bar& b) { return b.low; }, 0);
        column(
            out, "c", p, [](const Bar& b) { return b.close; }, 0);
        column(
            out, "v", p, [](const Bar& b) { return b.vbuy + b.vsell; }, kVolumeDigits);
        out += '}';
    }
    out += "],\n\"scores\":{";
    times(out, d.scores);
    for (int i = 0; i < PhaseScores::Count; ++i)
        column(
            out, kPhaseKeys[i], d.scores.points, [i](const ScoreBucket& s) { return s.scores.phase(i); },
            kScoreDigits);
    column(
        out, "total", d.scores.points, [](const ScoreBucket& s) { return s.scores.total; }, kScoreDigits);
    out += "},\n\"equity\":{";
    times(out, d.equity);
    column(
        out, "equity", d.equity.points, [](const EquityPoint& e) { return e.equity; }, kMoneyDigits);
    column(
        out, "drawdown", d.equity.points, [](const EquityPoint& e) { return e.drawdown; }, kRatioDigits);
    out += '}';
}

void events(std::string& out, const ReportData& d)
{
    out += ",\n\"summary\":";
    out += SummaryJson::toJson(d.summary).dump();
    out += ",\n\"entries\":{";
    times(out, d.entries);
    column(
        out, "long", d.entries.points, [](const EntryBin& b) { return double(b.longs); }, 0);
    column(
        out, "short", d.entries.points, [](const EntryBin& b) { return double(b.shorts); }, 0);
    out += "},\n\"exits\":{";
    times(out, d.exits);
    column(
        out, "stop", d.exits.points, [](const ExitBin& b) { return double(b.stop); }, 0);
    column(
        out, "target", d.exits.points, [](const ExitBin& b) { return double(b.target); }, 0);
    column(
        out, "end", d.exits.points, [](const ExitBin& b) { return double(b.end); }, 0);
    column(
        out, "other", d.exits.points, [](const ExitBin& b) { return double(b.other); }, 0);
    column(
        out, "pnl", d.exits.points, [](const ExitBin& b) { return b.pnl; }, kMoneyDigits);
    out += "},\n\"trades\":{\"count\":";
    appendInt(out, d.tradeCount);
    out += ",\"rows\":[";
    // Rows as in trades.csv, full precision: the table shows the run's own numbers.
    for (std::size_t i = 0; i < d.trades.size(); ++i) {
        const Trade& t = d.trades[i];
        out += i ? ",\n[" : "\n[";
        appendInt(out, t.entryMs);
        out += ',';
        appendInt(out, t.exitMs);
        out += ",\"";
        out += sideName(t.side);
        out += '"';
        for (double v : { t.entryPrice, t.exitPrice, t.qty, t.pnl, t.fees }) {
            out += ',';
            number(out, v);
        }
        out += ",\"";
        out += exitReasonName(t.reason);
        out += "\",";
        number(out, t.score);
        out += ']';
    }
    out += "]},\n\"signals\":{\"total\":";
    appendInt(out, d.signalTally.total());
    out += ",\"reasons\":[";
    for (int r = 0; r < SignalTally::kReasons; ++r) {
        out += r ? ",\"" : "\"";
        out += r == 0 ? "accepted" : rejectReasonName(static_cast<RejectReason>(r));
        out += '"';
    }
    for (int side = 0; side < 2; ++side) {
        out += side == 0 ? "],\"long\":[" : "],\"short\":[";
        for (int r = 0; r < SignalTally::kReasons; ++r) {
            if (r)
                out += ',';
            appendInt(out, d.signalTally.count[r][side]);
        }
    }
    out += "]}";
}

// ---- reading report-data.json back ----

class Reader
{
public:
    explicit Reader(const QString& source)
        : m_source(source)
    {
    }

    [[noreturn]] void fail(const std::string& path, const char* what) const
    {
        throw DataError(QStringLiteral("%1: key \"%2\": %3")
                            .arg(m_source, QString::fromStdString(path), QLatin1String(what)));
    }
    const nlohmann::ordered_json& member(
        const nlohmann::ordered_json& o, const std::string& path, const char* name) const
    {
        if (!o.is_object() || !o.contains(name))
            fail(path + name, "missing");
        return o[name];
    }
    std::int64_t integer(const nlohmann::ordered_json& o, const std::string& path, const char* name) const
    {
        const auto& v = member(o, path, name);
        if (!v.is_number_integer())
            fail(path + name, "not an integer");
        return v.get<std::int64_t>();
    }
    double real(const nlohmann::ordered_json& o, const std::string& path, const char* name) const
    {
        const auto& v = member(o, path, name);
        if (!v.is_number())
            fail(path + name, "not a number");
        return v.get<double>();
    }
    QString string(const nlohmann::ordered_json& o, const std::string& path, const char* name) const
    {
        const auto& v = member(o, path, name);
        if (!v.is_string())
            fail(path + name, "not a string");
        return QString::fromStdString(v.get<std::string>());
    }
    // Bucket times from width_ms, t0 and the steps d.
    std::vector<std::int64_t> times(
        const nlohmann::ordered_json& o, const std::string& path, std::int64_t& width) const
    {
        width = integer(o, path, "width_ms");
        if (width <= 0)
            fail(path + "width_ms", "must be positive");
        const std::int64_t t0 = integer(o, path, "t0");
        const auto& d = member(o, path, "d");
        if (!d.is_array())
            fail(path + "d", "not an array");
        std::vector<std::int64_t> t;
        t.reserve(d.size());
        std::int64_t now = t0;
        for (std::size_t i = 0; i < d.size(); ++i) {
            if (!d[i].is_number_integer() || d[i].get<std::int64_t>() < (i ? 1 : 0))
                fail(path + "d[" + std::to_string(i) + "]", "not a valid time step");
            now += d[i].get<std::int64_t>() * width;
            t.push_back(now);
        }
        return t;
    }
    std::vector<double> column(
        const nlohmann::ordered_json& o, const std::string& path, const char* name, std::size_t n) const
    {
        const auto& a = member(o, path, name);
        if (!a.is_array() || a.size() != n)
            fail(path + name, "not an array of one value per time");
        std::vector<double> out(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (!a[i].is_number())
                fail(path + name + "[" + std::to_string(i) + "]", "not a number");
            out[i] = a[i].get<double>();
        }
        return out;
    }

private:
    QString m_source;
};

} // namespace

std::string payload(const ReportData& data)
{
    std::string out;
    out.reserve(1 << 20);
    header(out, data);
    series(out, data);
    events(out, data);
    out += "}\n";
    return out;
}

std::string seriesFile(const ReportData& data)
{
    std::string out;
    out.reserve(1 << 20);
    header(out, data);
    series(out, data);
    out += "}\n";
    return out;
}

void readSeriesFile(const nlohmann::ordered_json& j, const QString& source, ReportData& out)
{
    const Reader r(source);
    if (!j.is_object())
        throw DataError(QStringLiteral("%1: not a JSON object").arg(source));
    if (r.integer(j, "", "format") != kFormat)
        r.fail("format", "unsupported version (written by another Veloce release)");
    out.appVersion = r.string(j, "", "app_version");
    out.source = r.string(j, "", "source");
    out.configHash = r.string(j, "", "config_hash");
    out.entryThreshold = r.real(j, "", "entry_threshold");
    out.dataSpacingMs = r.integer(j, "", "data_spacing_ms");
    if (!r.member(j, "", "config").is_object())
        r.fail("config", "not an object");
    out.config = j["config"];

    const auto& views = r.member(j, "", "views");
    if (!views.is_array())
        r.fail("views", "not an array");
    out.views.clear();
    for (std::size_t i = 0; i < views.size(); ++i) {
        const auto& v = views[i];
        const std::string path = "views[" + std::to_string(i) + "].";
        CandleView view;
        view.label = r.string(v, path, "label");
        view.timeframeMs = r.integer(v, path, "timeframe_ms");
        view.runCandles = r.integer(v, path, "run_candles");
        const QString state = r.string(v, path, "state");
        if (state == QLatin1String("shown"))
            view.state = CandleView::State::Shown;
        else if (state == QLatin1String("finer_than_data"))
            view.state = CandleView::State::FinerThanData;
        else if (state == QLatin1String("coarser_view_suffices"))
            view.state = CandleView::State::CoarserViewSuffices;
        else
            r.fail(path + "state", "unknown view state");
        const auto t = r.times(v, path, view.candles.widthMs);
        const auto o = r.column(v, path, "o", t.size());
        const auto h = r.column(v, path, "h", t.size());
        const auto l = r.column(v, path, "l", t.size());
        const auto c = r.column(v, path, "c", t.size());
        const auto vol = r.column(v, path, "v", t.size());
        view.candles.points.resize(t.size());
        for (std::size_t k = 0; k < t.size(); ++k)
            view.candles.points[k] = Bar { t[k], o[k], h[k], l[k], c[k], vol[k], 0.0 };
        out.views.push_back(std::move(view));
    }

    const auto& scores = r.member(j, "", "scores");
    const auto st = r.times(scores, "scores.", out.scores.widthMs);
    std::vector<double> phase[PhaseScores::Count];
    for (int i = 0; i < PhaseScores::Count; ++i)
        phase[i] = r.column(scores, "scores.", kPhaseKeys[i], st.size());
    const auto total = r.column(scores, "scores.", "total", st.size());
    out.scores.points.resize(st.size());
    for (std::size_t k = 0; k < st.size(); ++k) {
        PhaseScores s { phase[0][k], phase[1][k], phase[2][k], phase[3][k], phase[4][k], total[k] };
        out.scores.points[k] = ScoreBucket { st[k], s };
    }

    const auto& equity = r.member(j, "", "equity");
    const auto et = r.times(equity, "equity.", out.equity.widthMs);
    const auto eq = r.column(equity, "equity.", "equity", et.size());
    const auto dd = r.column(equity, "equity.", "drawdown", et.size());
    out.equity.points.resize(et.size());
    for (std::size_t k = 0; k < et.size(); ++k)
        out.equity.points[k] = EquityPoint { et[k], eq[k], 0.0, dd[k] };
}

} // namespace veloce::ReportJson
