#pragma once

#include "data/influxsettings.h"

namespace veloce {

class CliParser;
struct Config;

// The InfluxDB options of the influx-* and markets commands, spelled once:
// --influx URL, --db, --rp, --measurement (defaults from the config).
class InfluxOptions
{
public:
    static void add(CliParser& parser);
    // Settings from the config, overridden by the options; the password only from the config
    // or VELOCE_INFLUX_PASSWORD (never from the command line, where `ps` would show it).
    static InfluxSettings settings(const CliParser& parser, const Config& config);
};

} // namespace veloce
