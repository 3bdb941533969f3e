#pragma once

#include "types/config.h"

#include <QByteArray>
#include <nlohmann/json_fwd.hpp>
#include <stdexcept>

namespace veloce {

// A configuration problem, phrased for the user: names the source (file) and the key.
class ConfigError : public std::runtime_error
{
public:
    ConfigError(const QString& source, const QString& key, const QString& problem);
    QString source() const { return m_source; }
    QString key() const { return m_key; }
    QString problem() const { return m_problem; }

private:
    QString m_source;
    QString m_key;
    QString m_problem;
};

// The single definition of the config schema: keys, types, ranges and defaults. Pure functions
// on values (no I/O): app/ reads the file, the settings dialog validates edits with the same rules.
namespace ConfigJson {
// Parses JSON text with StrictJson (duplicate keys, overflowing numbers and syntax errors are
// refused naming the key or the line) and applies it. Throws ConfigError naming `source`.
Config parse(const QByteArray& text, const QString& source, Config base = Config());
// Applies the keys of `object` on top of `base`. Throws ConfigError naming `source` and the key.
Config apply(const nlohmann::json& object, const QString& source, Config base = Config());
// Every value, secrets replaced by "***" when `redactSecrets` (reports, journal, logs).
nlohmann::json toJson(const Config& config, bool redactSecrets = true);
// Stable hash of the redacted config (hex SHA-256 prefix), identifies a run in reports and journal.
QString hash(const Config& config);
// Names of all known keys, in schema order.
QStringList keys();
} // namespace ConfigJson

} // namespace veloce
