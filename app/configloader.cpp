#include "configloader.h"

#include "data/smallfile.h"
#include "types/configjson.h"
#include "types/strictjson.h"

namespace veloce {

Config ConfigLoader::defaults()
{
    Config c;
    applyEnvironment(c);
    return c;
}

nlohmann::ordered_json ConfigLoader::readJson(const QString& path)
{
    QString problem;
    const std::optional<QByteArray> text = SmallFile::read(path, kMaxBytes, problem);
    if (!text)
        throw ConfigError(path, QString(), problem);
    try {
        return StrictJson::parseOrdered(text->constData(), text->constData() + text->size());
    } catch (const JsonInputError& e) {
        throw ConfigError(path, e.key(), e.problem());
    }
}

Config ConfigLoader::load(const QString& path)
{
    QString problem;
    const std::optional<QByteArray> text = SmallFile::read(path, kMaxBytes, problem);
    if (!text)
        throw ConfigError(path, QString(), problem);
    Config c = ConfigJson::parse(*text, path);
    applyEnvironment(c);
    return c;
}

void ConfigLoader::applyEnvironment(Config& config)
{
    const QByteArray influx = qgetenv("VELOCE_INFLUX_PASSWORD");
    if (!influx.isEmpty())
        config.influxPassword = QString::fromUtf8(influx);
    const QByteArray ft = qgetenv("VELOCE_FREQTRADE_PASSWORD");
    if (!ft.isEmpty())
        config.freqtradePassword = QString::fromUtf8(ft);
}

} // namespace veloce
