#pragma once

#include <QStringList>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace veloce {

class InfluxClient;
struct InfluxSettings;

// What an InfluxDB server holds, and the checks that turn "the query returned nothing" into a
// message saying why: InfluxDB answers an unknown measurement, or a market that does not exist,
// with an empty result and no error.
class InfluxCatalog
{
public:
    explicit InfluxCatalog(InfluxClient& client);

    QStringList databases();
    QStringList retentionPolicies(); // of settings().database
    QStringList measurements();
    // Values of the market tag of settings().measurement (InfluxDB 1.x keeps tag values per
    // database, so this does not depend on the retention policy).
    QStringList markets();

    // Throws InfluxError (NotFound) naming what is missing -- database, retention policy,
    // measurement, market -- and listing what exists instead.
    void requireSchema(const QStringList& markets);
    // The same check on lists already fetched (the async poller fetches them itself).
    static void check(const InfluxSettings& settings, const QStringList& retentionPolicies,
        const QStringList& measurements, const QStringList& markets, const QStringList& wanted);
    // The statements whose results check() needs: first the retention policies (alone, so
    // that a missing database is reported as such), then measurements and markets.
    static QString retentionPoliciesStatement(const InfluxSettings& settings);
    static QString schemaStatements(const InfluxSettings& settings);
    // Column `column` of every row of one statement result.
    static QStringList values(const InfluxSettings& settings, const nlohmann::json& result, int column);

    struct Extent
    {
        std::int64_t firstMs;
        std::int64_t lastMs;
    };
    // Times of the first and last row of `market` with a close price in [fromMs, toMs).
    std::optional<Extent> extent(const QString& market, std::int64_t fromMs, std::int64_t toMs);

    // "a, b, c ... and 12 more" for messages.
    static QString listForMessage(const QStringList& names, int max = 20);

private:
    QStringList column(const QString& statement, int column);

    InfluxClient& m_client;
};

} // namespace veloce
