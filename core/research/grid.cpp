#include "research/grid.h"

#include "types/configjson.h"

#include <cmath>

namespace veloce {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

QString typeName(const ordered_json& v)
{
    return QString::fromUtf8(v.type_name());
}

double rangeNumber(const ordered_json& range, const char* field, const QString& source, const QString& key)
{
    if (!range.contains(field))
        throw ConfigError(source, key,
            QStringLiteral("a range needs \"from\", \"to\" and \"step\"; \"%1\" is missing")
                .arg(QLatin1String(field)));
    const ordered_json& v = range[field];
    if (!v.is_number() || !std::isfinite(v.get<double>()))
        throw ConfigError(source, key,
            QStringLiteral("range \"%1\": expected a finite number, got %2")
                .arg(QLatin1String(field), typeName(v)));
    return v.get<double>();
}

// Decimal places of a number as written (0.25 -> 2), so that range values print as written:
// 0.1 + 2 * 0.1 is 0.30000000000000004 in binary, the grid means 0.3.
int decimals(double x)
{
    for (int d = 0; d <= 12; ++d) {
        const double scale = std::pow(10.0, d);
        if (std::round(x * scale) / scale == x)
            return d;
    }
    return 12;
}

// "position_size_by_score.4-5" -> ("position_size_by_score", "4-5") when the part before the dot is a
// config key whose value is an object; otherwise the key is taken whole (and the schema judges it).
bool splitBucket(const QString& key, std::string& outer, std::string& inner)
{
    const qsizetype dot = key.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return false;
    static const json defaults = ConfigJson::toJson(Config(), false);
    const std::string prefix = key.left(dot).toStdString();
    if (!defaults.contains(prefix) || !defaults[prefix].is_object())
        return false;
    outer = prefix;
    inner = key.mid(dot + 1).toStdString();
    return true;
}

} // namespace

Grid Grid::fromJson(const ordered_json& object, const QString& source)
{
    if (!object.is_object())
        throw ConfigError(source, QString(),
            QStringLiteral("a grid is a JSON object of config keys, got %1").arg(typeName(object)));
    Grid g;
    g.m_source = source;
    g.m_json = object;
    g.m_size = 1;
    QStringList wholeObjectKeys;
    for (auto it = object.begin(); it != object.end(); ++it) {
        Dimension d;
        d.key = QString::fromStdString(it.key());
        const ordered_json& v = it.value();
        if (v.is_array()) {
            if (v.empty())
                throw ConfigError(source, d.key, QStringLiteral("an empty list gives no configuration"));
            d.values.assign(v.begin(), v.end());
        } else if (v.is_object()) {
            d.values = expandRange(v, source, d.key);
        } else {
            throw ConfigError(source, d.key,
                QStringLiteral("expected a list of values or a {\"from\", \"to\", \"step\"} range, got %1")
                    .arg(typeName(v)));
        }
        std::string outer, inner;
        if (!splitBucket(d.key, outer, inner))
            wholeObjectKeys << d.key;
        g.m_size *= static_cast<std::int64_t>(d.values.size());
        if (g.m_size > kMaxCombinations)
            throw ConfigError(source, d.key,
                QStringLiteral("the grid has more than %1 combinations").arg(kMaxCombinations));
        g.m_dimensions.push_back(std::move(d));
    }
    // A key given whole and by bucket would make the result depend on the order of application.
    for (const Dimension& d : g.m_dimensions) {
        std::string outer, inner;
        if (splitBucket(d.key, outer, inner) && wholeObjectKeys.contains(QString::fromStdString(outer)))
            throw ConfigError(source, d.key,
                QStringLiteral("\"%1\" is also swept whole; sweep either the object or its buckets")
                    .arg(QString::fromStdString(outer)));
    }
    return g;
}

std::vector<json> Grid::expandRange(const ordered_json& range, const QString& source, const QString& key)
{
    for (auto it = range.begin(); it != range.end(); ++it)
        if (it.key() != "from" && it.key() != "to" && it.key() != "step")
            throw ConfigError(source, key,
                QStringLiteral("unknown range field \"%1\" (a range has \"from\", \"to\" and \"step\")")
                    .arg(QString::fromStdString(it.key())));
    const double from = rangeNumber(range, "from", source, key);
    const double to = rangeNumber(range, "to", source, key);
    const double step = rangeNumber(range, "step", source, key);
    if (!(step > 0))
        throw ConfigError(
            source, key, QStringLiteral("range \"step\" must be greater than 0, got %1").arg(step));
    if (to < from)
        throw ConfigError(
            source, key, QStringLiteral("range \"to\" (%1) is below \"from\" (%2)").arg(to).arg(from));
    const double steps = std::floor((to - from) / step + 1e-9);
    if (steps + 1 > static_cast<double>(kMaxCombinations))
        throw ConfigError(
            source, key, QStringLiteral("the range has more than %1 values").arg(kMaxCombinations));
    const bool integral = range["from"].is_number_integer() && range["step"].is_number_integer();
    const int places = std::max(decimals(from), decimals(step));
    const double scale = std::pow(10.0, places);
    std::vector<json> values;
    for (std::int64_t i = 0; i <= static_cast<std::int64_t>(steps); ++i) {
        const double v = std::round((from + static_cast<double>(i) * step) * scale) / scale;
        if (integral)
            values.emplace_back(static_cast<std::int64_t>(v));
        else
            values.emplace_back(v);
    }
    return values;
}

QStringList Grid::keys() const
{
    QStringList out;
    for (const Dimension& d : m_dimensions)
        out << d.key;
    return out;
}

std::vector<int> Grid::coordinates(std::int64_t index) const
{
    std::vector<int> c(m_dimensions.size());
    for (std::size_t k = m_dimensions.size(); k-- > 0;) {
        const auto n = static_cast<std::int64_t>(m_dimensions[k].values.size());
        c[k] = static_cast<int>(index % n);
        index /= n;
    }
    return c;
}

std::int64_t Grid::indexOf(const std::vector<int>& coordinates) const
{
    std::int64_t index = 0;
    for (std::size_t k = 0; k < m_dimensions.size(); ++k)
        index = index * static_cast<std::int64_t>(m_dimensions[k].values.size()) + coordinates[k];
    return index;
}

ordered_json Grid::values(std::int64_t index) const
{
    const std::vector<int> c = coordinates(index);
    ordered_json out = ordered_json::object();
    for (std::size_t k = 0; k < m_dimensions.size(); ++k)
        out[m_dimensions[k].key.toStdString()] = m_dimensions[k].values[static_cast<std::size_t>(c[k])];
    return out;
}

json Grid::configObject(std::int64_t index) const
{
    const std::vector<int> c = coordinates(index);
    json out = json::object();
    for (std::size_t k = 0; k < m_dimensions.size(); ++k) {
        const json& v = m_dimensions[k].values[static_cast<std::size_t>(c[k])];
        std::string outer, inner;
        if (splitBucket(m_dimensions[k].key, outer, inner))
            out[outer][inner] = v;
        else
            out[m_dimensions[k].key.toStdString()] = v;
    }
    return out;
}

QString Grid::describe(std::int64_t index) const
{
    const std::vector<int> c = coordinates(index);
    QStringList parts;
    for (std::size_t k = 0; k < m_dimensions.size(); ++k)
        parts << m_dimensions[k].key + QLatin1Char('=')
                + valueText(m_dimensions[k].values[static_cast<std::size_t>(c[k])]);
    return parts.isEmpty() ? QStringLiteral("(base configuration)") : parts.join(QStringLiteral(", "));
}

QString Grid::valueText(const json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    // As JSON writes it: round-trip exact and readable (0.0004, not 4e-04).
    return QString::fromStdString(value.dump());
}

} // namespace veloce
