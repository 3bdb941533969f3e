#include "configloader.h"

#include "types/configjson.h"

#include <QFile>
#include <QFileInfo>
#include <nlohmann/json.hpp>

namespace veloce {

namespace {
// Line and column of a byte offset, for syntax errors a person can find in an editor.
QString position(const QByteArray& text, std::size_t byte)
{
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < static_cast<std::size_t>(text.size()); ++i) {
        if (text[static_cast<qsizetype>(i)] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}
} // namespace

Config ConfigLoader::defaults()
{
    Config c;
    applyEnvironment(c);
    return c;
}

nlohmann::ordered_json ConfigLoader::readJson(const QString& path)
{
    QFile file(path);
    if (!QFileInfo::exists(path))
        throw ConfigError(path, QString(), QStringLiteral("file not found"));
    if (!file.open(QIODevice::ReadOnly))
        throw ConfigError(path, QString(), QStringLiteral("cannot read: %1").arg(file.errorString()));
    const QByteArray text = file.readAll();
    try {
        return nlohmann::ordered_json::parse(text.constBegin(), text.constEnd());
    } catch (const nlohmann::ordered_json::parse_error& e) {
        throw ConfigError(
            path, QString(), QStringLiteral("malformed JSON at %1").arg(position(text, e.byte)));
    }
}

Config ConfigLoader::load(const QString& path)
{
    Config c = ConfigJson::apply(nlohmann::json(readJson(path)), path);
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
