#pragma once

#include "research/grid.h"
#include "types/numberformat.h"

#include <nlohmann/json.hpp>
#include <string>

// Writing CSV fields of research tables (sweep.csv, walkforward.csv): numbers in shortest round-trip
// form (docs/strategy.md §7), text quoted only when it has to be (grid values may be JSON).
namespace veloce::CsvText {

inline void appendField(std::string& line, const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        line += text;
        return;
    }
    line += '"';
    for (const char c : text) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

// A summary.json value: null -> empty field, numbers in shortest round-trip form (as every CSV of
// docs/strategy.md §7), text as it is.
template<typename Json> void appendValue(std::string& line, const Json& v)
{
    if (v.is_null())
        return;
    if (v.is_number_integer())
        appendInt(line, v.template get<std::int64_t>());
    else if (v.is_number_float())
        appendDouble(line, v.template get<double>());
    else
        appendField(line, Grid::valueText(nlohmann::json(v)).toStdString());
}

// ",v1,v2,...": the grid values of configuration `index`, as Grid::valueText writes them (so
// sweep.csv's grid columns read back exactly).
inline void appendGridValues(std::string& line, const Grid& grid, std::int64_t index)
{
    const nlohmann::ordered_json values = grid.values(index);
    for (auto it = values.begin(); it != values.end(); ++it) {
        line += ',';
        appendField(line, Grid::valueText(it.value()).toStdString());
    }
}

inline void appendOptional(std::string& line, const std::optional<double>& v)
{
    if (v)
        appendDouble(line, *v);
}

} // namespace veloce::CsvText
