#pragma once

#include "types/config.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace veloce {

// The one place that reads configuration from disk and the environment (docs/architecture.md: config is
// parsed once in app/ and passed down as a value).
class ConfigLoader
{
public:
    // A config is a few kB; the cap keeps /dev/zero or a runaway file from taking the machine.
    static constexpr qint64 kMaxBytes = qint64(1) << 20;

    // Reads and validates a JSON config file on top of the defaults. Secrets may come from
    // VELOCE_INFLUX_PASSWORD / VELOCE_FREQTRADE_PASSWORD instead. Throws ConfigError naming the
    // file, and the key or the line/column of a syntax error; a file over kMaxBytes, a device,
    // a duplicate key or a number beyond a double's range (1e999) is refused the same way.
    static Config load(const QString& path);
    // Defaults plus the secrets from the environment (no file).
    static Config defaults();
    // A JSON file, keys in file order (configs, sweep grids). Throws ConfigError naming the file
    // and, for a syntax error, the line and column.
    static nlohmann::ordered_json readJson(const QString& path);

private:
    static void applyEnvironment(Config& config);
};

} // namespace veloce
