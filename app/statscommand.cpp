#include "statscommand.h"

#include "cliparser.h"
#include "data/barsource.h"
#include "data/marketstats.h"
#include "engine/backtester.h"
#include "engine/backtestsink.h"
#include "sourcefactory.h"
#include "strategy/strategy.h"
#include "timeargument.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {

// Hands the bars the strategy sees to the market statistics and to a second strategy with the
// ATR form of the Keltner band, so one pass over the source gives everything.
class StatsTap : public BarSource
{
public:
    StatsTap(BarSource& inner, MarketStats& stats, const Config& config)
        : m_inner(inner)
        , m_stats(stats)
        , m_atr(atrConfig(config))
    {
    }

    bool next(Bar& out) override
    {
        if (!m_inner.next(out))
            return false;
        m_stats.add(out);
        m_atrSqueezeBars += m_atr.update(out).squeeze > 0;
        ++m_bars;
        return true;
    }
    QString description() const override { return m_inner.description(); }
    QString symbol() const override { return m_inner.symbol(); }
    SourceStats stats() const override { return m_inner.stats(); }
    double progress() const override { return m_inner.progress(); }

    double atrSqueezeActivity() const { return m_bars > 0 ? double(m_atrSqueezeBars) / double(m_bars) : 0; }

private:
    static Config atrConfig(Config c)
    {
        c.squeezeKeltner = KeltnerMode::Atr;
        return c;
    }

    BarSource& m_inner;
    MarketStats& m_stats;
    Strategy m_atr;
    std::int64_t m_bars = 0;
    std::int64_t m_atrSqueezeBars = 0;
};

constexpr int kMaxLag = 100000; // bars; MarketStats keeps this many returns

std::vector<int> parseLags(const QString& text, std::int64_t resampleMs)
{
    std::vector<int> lags;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString token = item.trimmed();
        bool isNumber = false;
        const int bars = token.toInt(&isNumber);
        if (isNumber) {
            if (bars < 1 || bars > kMaxLag)
                throw UsageError(
                    QStringLiteral("--lags: \"%1\" must be from 1 to %2 bars").arg(token).arg(kMaxLag));
            lags.push_back(bars);
            continue;
        }
        if (resampleMs <= 0)
            throw UsageError(QStringLiteral("--lags: \"%1\": a lag with a unit needs --resample (otherwise "
                                            "lags count bars)")
                                 .arg(token));
        const std::int64_t ms = TimeArgument::parseDuration(token, QStringLiteral("--lags"));
        if (ms % resampleMs != 0 || ms / resampleMs > kMaxLag)
            throw UsageError(QStringLiteral("--lags: \"%1\" is not a whole number of %2 bars (at most %3)")
                                 .arg(token, TimeArgument::formatDuration(resampleMs))
                                 .arg(kMaxLag));
        lags.push_back(int(ms / resampleMs));
    }
    if (lags.empty())
        throw UsageError(QStringLiteral("--lags: give at least one lag, e.g. 1,10,60,240"));
    std::sort(lags.begin(), lags.end());
    lags.erase(std::unique(lags.begin(), lags.end()), lags.end());
    return lags;
}

nlohmann::ordered_json toJson(const QString& source, std::int64_t resampleMs, const MarketStats::Result& r,
    const BacktestSummary& s, double atrSqueeze)
{
    nlohmann::ordered_json j;
    j["source"] = source.toStdString();
    j["input_bars"] = r.inputBars;
    j["resample_ms"] = resampleMs;
    j["bars"] = r.bars;
    j["first_ms"] = r.firstMs;
    j["last_ms"] = r.lastMs;
    j["returns"] = r.returns;
    j["lags"] = r.lags;
    j["return_acf"] = r.returnAcf;
    j["abs_return_acf"] = r.absReturnAcf;
    j["variance_ratio"] = r.varianceRatio;
    j["mean_return"] = r.meanReturn;
    j["sd_return"] = r.sdReturn;
    j["daily_volatility"] = r.dailyVolatility;
    j["skewness"] = r.skewness;
    j["kurtosis"] = r.kurtosis;
    j["max_abs_return"] = r.maxAbsReturn;
    j["mean_volume"] = r.meanVolume;
    j["volume_volatility_correlation"] = r.volumeVolatilityCorrelation;
    j["volume_acf_1"] = r.volumeAcf1;
    j["taker_buy_share"] = { { "mean", r.takerBuyShareMean }, { "sd", r.takerBuyShareSd },
        { "return_correlation", r.shareReturnCorrelation },
        { "next_return_correlation", r.shareNextReturnCorrelation } };
    nlohmann::ordered_json pa;
    for (int i = 0; i < PhaseScores::Count; ++i)
        pa[kPhaseKeys[i]] = s.phaseActivity[i];
    pa["squeeze_atr"] = atrSqueeze;
    j["phase_activity"] = pa;
    j["strategy"] = { { "bars", s.bars }, { "total_return", s.totalReturn },
        { "sharpe_ratio", s.sharpeRatio }, { "trades", s.totalTrades }, { "win_rate", s.winRate },
        { "max_drawdown", s.maxDrawdown }, { "exposure", s.exposure } };
    return j;
}

void printTable(QTextStream& out, const QString& source, std::int64_t resampleMs,
    const MarketStats::Result& r, const BacktestSummary& s, double atrSqueeze)
{
    const QString unit = resampleMs > 0 ? TimeArgument::formatDuration(resampleMs) : QStringLiteral("bar");
    auto row = [&](const QString& label, const QString& value) {
        out << QStringLiteral("| %1 | %2 |\n").arg(label, value);
    };
    auto num = [](double v, int decimals = 3) { return QString::number(v, 'f', decimals); };
    auto lagName = [&](int lag) {
        return resampleMs > 0 ? TimeArgument::formatDuration(lag * resampleMs)
                              : QStringLiteral("%1 bars").arg(lag);
    };
    out << QStringLiteral("%1: %2 bars, %3 .. %4\n")
               .arg(source)
               .arg(r.inputBars)
               .arg(TimeArgument::format(r.firstMs), TimeArgument::format(r.lastMs));
    out << (resampleMs > 0 ? QStringLiteral("log returns of %1 bars resampled to %2 (%3 returns)\n")
                                 .arg(r.bars)
                                 .arg(unit)
                                 .arg(r.returns)
                           : QStringLiteral("log returns of %1 bars as they come (%2 returns)\n")
                                 .arg(r.bars)
                                 .arg(r.returns));
    out << "\n| statistic | value |\n| --- | --- |\n";
    for (std::size_t i = 0; i < r.lags.size(); ++i)
        row(QStringLiteral("return autocorrelation, lag %1").arg(lagName(r.lags[i])), num(r.returnAcf[i]));
    for (std::size_t i = 0; i < r.lags.size(); ++i)
        row(QStringLiteral("\\|return\\| autocorrelation, lag %1").arg(lagName(r.lags[i])),
            num(r.absReturnAcf[i]));
    for (std::size_t i = 0; i < r.lags.size(); ++i)
        if (r.lags[i] > 1)
            row(QStringLiteral("variance ratio, %1").arg(lagName(r.lags[i])), num(r.varianceRatio[i], 2));
    row(QStringLiteral("kurtosis"), num(r.kurtosis, 1));
    row(QStringLiteral("skewness"), num(r.skewness, 2));
    row(QStringLiteral("volatility per %1").arg(unit), QStringLiteral("%1 %").arg(num(r.sdReturn * 100, 4)));
    row(QStringLiteral("daily volatility"), QStringLiteral("%1 %").arg(num(r.dailyVolatility * 100, 2)));
    row(QStringLiteral("largest \\|return\\|"), QStringLiteral("%1 %").arg(num(r.maxAbsReturn * 100, 2)));
    row(QStringLiteral("volume per %1").arg(unit), num(r.meanVolume, 2));
    row(QStringLiteral("volume–volatility correlation"), num(r.volumeVolatilityCorrelation));
    row(QStringLiteral("volume autocorrelation, lag 1"), num(r.volumeAcf1));
    row(QStringLiteral("taker-buy share, mean ± sd"),
        QStringLiteral("%1 ± %2").arg(num(r.takerBuyShareMean), num(r.takerBuyShareSd)));
    row(QStringLiteral("taker-buy share vs. same return"), num(r.shareReturnCorrelation));
    row(QStringLiteral("taker-buy share vs. next return"), num(r.shareNextReturnCorrelation));
    QStringList phases;
    for (int i = 0; i < PhaseScores::Count; ++i)
        phases << QStringLiteral("%1 %2").arg(QString::fromLatin1(kPhaseKeys[i]), num(s.phaseActivity[i], 2));
    row(QStringLiteral("phase activity (share of bars)"), phases.join(QStringLiteral(", ")));
    row(QStringLiteral("squeeze activity, atr Keltner"), num(atrSqueeze, 2));
    row(QStringLiteral("strategy: return, Sharpe, trades"),
        QStringLiteral("%1 %, %2, %3")
            .arg(num(s.totalReturn * 100, 2), num(s.sharpeRatio, 2))
            .arg(s.totalTrades));
}

} // namespace

int StatsCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Print the statistics that tell a market from a toy (docs/simulator.md): return and "
                       "|return| autocorrelations, variance ratios, kurtosis, volatility, volume and "
                       "taker-buy share; and, on the bars as they come, how often each phase of the "
                       "strategy fires and what it earns (--config, default config otherwise)."));
    p.addSourceOptions(true);
    p.addConfigOption();
    p.addOption({ QStringLiteral("resample"),
        QStringLiteral("Aggregate the bars to this interval first, e.g. 1m (statistics only; the "
                       "strategy sees the bars as they come)."),
        QStringLiteral("duration") });
    p.addOption({ QStringLiteral("lags"),
        QStringLiteral("Autocorrelation lags and variance-ratio horizons, comma separated: bars, or "
                       "durations with --resample (default 1,2,5,10,30,60,240)."),
        QStringLiteral("list") });
    p.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.") });
    if (!p.parse(arguments))
        return 0;
    if (p.isSet(QStringLiteral("simulate")) && p.value(QStringLiteral("simulate")).isEmpty())
        throw UsageError(QStringLiteral("--simulate needs a bar count"));

    const Config config = p.config();
    const SourceSpec spec = p.source(config);
    MarketStats::Options options;
    if (p.isSet(QStringLiteral("resample")))
        options.resampleMs
            = TimeArgument::parseDuration(p.value(QStringLiteral("resample")), QStringLiteral("--resample"));
    if (p.isSet(QStringLiteral("lags")))
        options.lags = parseLags(p.value(QStringLiteral("lags")), options.resampleMs);
    const std::int64_t resampleMs = options.resampleMs;

    QElapsedTimer sinceOpen;
    sinceOpen.start();
    std::unique_ptr<BarSource> source = SourceFactory::open(spec, config);
    MarketStats stats(std::move(options));
    StatsTap tap(*source, stats, config);
    BacktestSink sink;
    const BacktestSummary summary = Backtester(config).run(tap, sink, sinceOpen);
    const MarketStats::Result result = stats.finish();

    QTextStream out(stdout);
    if (result.returns < 2) {
        QTextStream(stderr) << QStringLiteral("veloce-cli stats: %1: too few bars for statistics (%2)\n")
                                   .arg(source->description())
                                   .arg(result.inputBars);
        return 2;
    }
    if (p.isSet(QStringLiteral("json")))
        out << QString::fromStdString(
            toJson(source->description(), resampleMs, result, summary, tap.atrSqueezeActivity()).dump(1))
            << '\n';
    else
        printTable(out, source->description(), resampleMs, result, summary, tap.atrSqueezeActivity());
    return 0;
}

} // namespace veloce
