#pragma once

#include "types/bar.h"

#include <QByteArray>
#include <QString>
#include <cstdint>

namespace veloce {

class InfluxClient;

// Writes bars into InfluxDB in aggr-server's schema, for seeding a server from files:
// line protocol `<measurement>,market=<M> open=..,high=..,low=..,close=..,vbuy=..,vsell=.. <ms>`
// into settings' database and retention policy, precision ms, in batches. Numbers are written
// in their shortest round-trip form, so InfluxDB hands back exactly the doubles written; like
// aggr-server, zero volumes are left out (they read back as null = 0). Volumes go in as the
// bars carry them (base units for Binance files; aggr-server itself stores quote notional).
class InfluxWriter
{
public:
    InfluxWriter(InfluxClient& client, QString market, int batchSize = 5000);

    // Creates the database and the retention policy if missing (a new retention policy keeps
    // data forever: imported history would otherwise be dropped as "beyond retention").
    // Returns what it created, e.g. "database significant_trades, retention policy aggr_1s".
    QString ensureSchema();

    void add(const Bar& bar);
    void flush();
    std::int64_t written() const { return m_written; }

private:
    InfluxClient& m_client;
    QByteArray m_prefix; // "<measurement>,market=<M> "
    int m_batchSize;
    int m_pending = 0;
    std::string m_lines;
    std::int64_t m_written = 0;
};

} // namespace veloce
