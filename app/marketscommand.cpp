#include "marketscommand.h"

#include "cliparser.h"
#include "data/influxcatalog.h"
#include "data/influxclient.h"
#include "influxoptions.h"

#include <QTextStream>

namespace veloce {

int MarketsCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("List the values of the market tag in the InfluxDB measurement (one per line, "
                       "sorted) -- the names --market accepts, matched exactly."));
    InfluxOptions::add(p);
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const InfluxSettings settings = InfluxOptions::settings(p, p.config());
    InfluxClient client(settings);
    InfluxCatalog catalog(client);
    catalog.requireSchema({});
    const QStringList markets = catalog.markets();
    QTextStream out(stdout);
    for (const QString& m : markets)
        out << m << '\n';
    out.flush();
    QTextStream(stderr) << QStringLiteral("%1 market(s) in %2 at %3\n")
                               .arg(markets.size())
                               .arg(settings.qualifiedMeasurement(), settings.endpoint());
    return 0;
}

} // namespace veloce
