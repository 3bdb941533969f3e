#include "researchinputs.h"

#include "clicommand.h"
#include "configloader.h"
#include "data/barsource.h"
#include "data/dataerror.h"
#include "research/grid.h"
#include "sourcefactory.h"
#include "timeargument.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QThread>
#include <set>

namespace veloce {

namespace {
QString sha256Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw DataError(QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        throw DataError(QStringLiteral("%1: cannot read to the end").arg(path));
    return QString::fromLatin1(hash.result().toHex());
}
} // namespace

ResearchInputs::ResearchInputs(CliParser& p, bool severalMarkets)
    : m_parser(p)
{
    // --data (repeatable here: one file per market or period), --simulate N, --influx ...
    p.addSourceOptions(true);
    if (severalMarkets)
        p.allowRepeated(QStringLiteral("data"));
    p.addOption({ QStringLiteral("grid"),
        QStringLiteral("Parameter grid: a JSON object of config keys, each a list of values or a "
                       "{\"from\", \"to\", \"step\"} range (docs/research.md)."),
        QStringLiteral("file") });
    p.addConfigOption();
    p.addOption({ QStringLiteral("objective"),
        QStringLiteral(
            "summary.json field to optimise: %1 (default sharpe_ratio; max_drawdown is minimised).")
            .arg(Objective::keys().join(QStringLiteral(", "))),
        QStringLiteral("key"), QStringLiteral("sharpe_ratio") });
    p.addOption({ QStringLiteral("jobs"), QStringLiteral("Worker threads (default: the number of CPUs)."),
        QStringLiteral("N") });
    p.addOption({ QStringLiteral("blocks"),
        QStringLiteral("Blocks of the PBO's cross-validation (even, 2-24; default 16)."), QStringLiteral("S"),
        QStringLiteral("16") });
}

void ResearchInputs::read()
{
    CliParser& p = m_parser;
    if (!p.isSet(QStringLiteral("grid")))
        throw UsageError(QStringLiteral("--grid GRID.json is required"));
    m_base = p.config();
    const QString gridPath = p.value(QStringLiteral("grid"));
    m_plan = std::make_unique<SweepPlan>(Grid::fromJson(ConfigLoader::readJson(gridPath), gridPath), m_base);

    const std::optional<Objective> objective = Objective::fromKey(p.value(QStringLiteral("objective")));
    if (!objective)
        throw UsageError(
            QStringLiteral("--objective: \"%1\" is not one of %2")
                .arg(p.value(QStringLiteral("objective")), Objective::keys().join(QStringLiteral(", "))));
    m_objective = *objective;
    m_jobs = p.isSet(QStringLiteral("jobs")) ? static_cast<int>(p.integer(QStringLiteral("jobs"), 1, 1024))
                                             : std::max(1, QThread::idealThreadCount());
    m_blocks = static_cast<int>(p.integer(QStringLiteral("blocks"), 2, 24));
    if (m_blocks % 2 != 0)
        throw UsageError(QStringLiteral("--blocks must be even (half of them are in sample)"));

    const QStringList files = p.values(QStringLiteral("data"));
    if (p.isSet(QStringLiteral("simulate")) && p.value(QStringLiteral("simulate")).isEmpty())
        throw UsageError(QStringLiteral("--simulate needs a bar count"));
    const SourceSpec spec = p.source(m_base); // exactly one kind of source, range, seed, format
    m_sources.clear();
    if (spec.kind != SourceSpec::Kind::File) {
        m_sources.push_back(spec);
        return;
    }
    for (const QString& file : files) {
        SourceSpec s = spec;
        s.path = QFileInfo(file).absoluteFilePath();
        if (!QFileInfo::exists(s.path))
            throw DataError(QStringLiteral("%1: no such file").arg(file));
        m_sources.push_back(s);
    }
}

QString ResearchInputs::label(const SourceSpec& spec)
{
    if (spec.kind == SourceSpec::Kind::Simulator)
        return QStringLiteral("simulator-%1").arg(spec.seed);
    if (spec.kind == SourceSpec::Kind::Influx)
        return spec.markets.join(QLatin1Char('+'));
    QString name = QFileInfo(spec.path).fileName();
    for (const char* ext : { ".gz", ".csv" })
        if (name.endsWith(QLatin1String(ext)))
            name.chop(static_cast<int>(qstrlen(ext)));
    return name;
}

std::vector<std::shared_ptr<const MarketData>> ResearchInputs::loadMarkets() const
{
    QTextStream err(stderr);
    std::vector<std::shared_ptr<const MarketData>> markets;
    std::set<QString> labels;
    for (const SourceSpec& spec : m_sources) {
        QString name = label(spec);
        for (int n = 2; labels.count(name); ++n)
            name = label(spec) + QStringLiteral("#%1").arg(n);
        labels.insert(name);
        const auto market = loadMarket(spec, m_base, name);
        const SourceStats& s = market->stats;
        if (s.outOfOrder > 0)
            err << QStringLiteral(
                "warning: %1: dropped %2 duplicate or out-of-order bar(s), the first at %3\n")
                       .arg(market->source)
                       .arg(s.outOfOrder)
                       .arg(TimeArgument::format(s.firstOutOfOrderMs));
        if (s.skippedRows > 0)
            err << QStringLiteral("warning: %1: skipped %2 malformed row(s), the first on line %3\n")
                       .arg(market->source)
                       .arg(s.skippedRows)
                       .arg(s.firstSkippedLine);
        if (market->bars.empty())
            throw DataError(QStringLiteral("%1: no bars in the selected range").arg(market->source));
        markets.push_back(market);
    }
    return markets;
}

std::shared_ptr<const MarketData> ResearchInputs::loadMarket(
    const SourceSpec& spec, const Config& base, const QString& label, const std::atomic<bool>* cancel)
{
    std::unique_ptr<BarSource> source = SourceFactory::open(spec, base);
    return MarketData::load(
        *source, label, spec.kind == SourceSpec::Kind::File ? sha256Of(spec.path) : QString(), cancel);
}

QStringList ResearchInputs::forwardedArguments() const
{
    CliParser& p = m_parser;
    QStringList args;
    for (const SourceSpec& s : m_sources)
        if (s.kind == SourceSpec::Kind::File)
            args << QStringLiteral("--data") << s.path;
    for (const char* option :
        { "simulate", "influx", "db", "market", "format", "seed", "from", "to", "objective", "blocks" })
        if (p.isSet(QLatin1String(option)))
            args << QStringLiteral("--") + QLatin1String(option) << p.value(QLatin1String(option));
    if (p.isSet(QStringLiteral("skip-bad-rows")))
        args << QStringLiteral("--skip-bad-rows");
    args << QStringLiteral("--grid") << QFileInfo(p.value(QStringLiteral("grid"))).absoluteFilePath();
    if (p.isSet(QStringLiteral("config")))
        args << QStringLiteral("--config") << QFileInfo(p.value(QStringLiteral("config"))).absoluteFilePath();
    return args;
}

} // namespace veloce
