#include "report/sweepcsv.h"

#include "data/dataerror.h"
#include "data/linereader.h"
#include "report/csvtext.h"
#include "report/jsonfile.h"
#include "report/summaryjson.h"
#include "types/numberformat.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace veloce::SweepCsv {

using nlohmann::ordered_json;

namespace {

// summary.json flattened: phase_activity's members become phase_activity.<phase>.
void flatten(const ordered_json& object, const std::string& prefix, ordered_json& out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().is_object())
            flatten(it.value(), prefix + it.key() + ".", out);
        else
            out[prefix + it.key()] = it.value();
    }
}

ordered_json flatSummary(const BacktestSummary& s)
{
    ordered_json flat = ordered_json::object();
    flatten(SummaryJson::toJson(s), std::string(), flat);
    flat.erase("cancelled"); // present only for cancelled runs, which a sweep does not keep
    return flat;
}

// Splits one CSV line, honouring double quotes (grid values may be JSON with commas).
std::vector<std::string> splitQuoted(std::string_view line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

ordered_json parseNumber(const std::string& text)
{
    if (text.empty())
        return nullptr;
    std::int64_t i = 0;
    const auto ri = std::from_chars(text.data(), text.data() + text.size(), i);
    if (ri.ec == std::errc() && ri.ptr == text.data() + text.size())
        return i;
    double d = 0;
    const auto rd = std::from_chars(text.data(), text.data() + text.size(), d);
    if (rd.ec == std::errc() && rd.ptr == text.data() + text.size())
        return d;
    return text; // the symbol
}

void writeLines(const QString& path, const std::string& text)
{
    JsonFile::write(path, QByteArray::fromStdString(text));
}

} // namespace

void write(const SweepResult& result, const QString& path)
{
    std::string out;
    out += "market";
    for (const QString& key : result.grid.keys()) {
        out += ',';
        CsvText::appendField(out, key.toStdString());
    }
    const ordered_json header = flatSummary(BacktestSummary());
    for (auto it = header.begin(); it != header.end(); ++it)
        out += ',' + it.key();
    out += '\n';
    for (const SweepRow& row : result.rows) {
        CsvText::appendField(out, result.markets[row.market].label.toStdString());
        CsvText::appendGridValues(out, result.grid, row.config);
        const ordered_json flat = flatSummary(row.summary);
        for (auto it = flat.begin(); it != flat.end(); ++it) {
            out += ',';
            CsvText::appendValue(out, it.value());
        }
        out += '\n';
    }
    writeLines(path, out);
}

void writeRanking(const SweepResult& result, const QString& path)
{
    const std::string key = result.objective.key().toStdString();
    std::string out = "rank";
    for (const QString& k : result.grid.keys()) {
        out += ',';
        CsvText::appendField(out, k.toStdString());
    }
    out += ",worst_" + key + ",median_" + key;
    for (const SweepMarket& m : result.markets) {
        out += ',';
        CsvText::appendField(out, key + "." + m.label.toStdString());
    }
    out += '\n';
    std::int64_t rank = 0;
    for (const SweepRank& r : result.ranking) {
        appendInt(out, ++rank);
        CsvText::appendGridValues(out, result.grid, r.config);
        for (const std::optional<double>& v : { r.worst, r.median }) {
            out += ',';
            CsvText::appendOptional(out, v);
        }
        for (const std::optional<double>& v : r.perMarket) {
            out += ',';
            CsvText::appendOptional(out, v);
        }
        out += '\n';
    }
    writeLines(path, out);
}

void read(const QString& path, SweepResult& result)
{
    LineReader lines(path);
    const auto fail = [&](const QString& what) {
        throw DataError(QStringLiteral("%1:%2: %3").arg(path).arg(lines.lineNumber()).arg(what));
    };
    std::string_view line;
    if (!lines.next(line))
        fail(QStringLiteral("empty file, expected the sweep.csv header"));
    const std::vector<std::string> header = splitQuoted(line);
    const QStringList keys = result.grid.keys();
    const ordered_json summaryColumns = flatSummary(BacktestSummary());
    std::vector<std::string> expected { "market" };
    for (const QString& k : keys)
        expected.push_back(k.toStdString());
    for (auto it = summaryColumns.begin(); it != summaryColumns.end(); ++it)
        expected.push_back(it.key());
    if (header != expected)
        fail(QStringLiteral("the header does not match sweep.json's grid and summary.json's fields"));

    std::map<QString, std::size_t> marketIndex;
    for (std::size_t m = 0; m < result.markets.size(); ++m)
        marketIndex.emplace(result.markets[m].label, m);
    const auto& dims = result.grid.dimensions();
    result.rows.clear();
    result.configs.clear();
    while (lines.next(line)) {
        if (line.empty())
            continue;
        const std::vector<std::string> f = splitQuoted(line);
        if (f.size() != expected.size())
            fail(QStringLiteral("%1 fields, expected %2").arg(f.size()).arg(expected.size()));
        SweepRow row;
        const auto market = marketIndex.find(QString::fromStdString(f[0]));
        if (market == marketIndex.end())
            fail(QStringLiteral("market \"%1\" is not in sweep.json").arg(QString::fromStdString(f[0])));
        row.market = market->second;
        std::vector<int> coordinates(dims.size());
        for (std::size_t k = 0; k < dims.size(); ++k) {
            const QString cell = QString::fromStdString(f[1 + k]);
            const auto& values = dims[k].values;
            const auto it = std::find_if(values.begin(), values.end(),
                [&](const nlohmann::json& v) { return Grid::valueText(v) == cell; });
            if (it == values.end())
                fail(QStringLiteral("%1 \"%2\" is not a value of the grid").arg(dims[k].key, cell));
            coordinates[k] = static_cast<int>(it - values.begin());
        }
        row.config = result.grid.indexOf(coordinates);
        ordered_json summary = ordered_json::object();
        std::size_t column = 1 + dims.size();
        for (auto it = summaryColumns.begin(); it != summaryColumns.end(); ++it, ++column) {
            const std::string& name = it.key();
            const std::size_t dot = name.find('.');
            if (dot == std::string::npos)
                summary[name] = parseNumber(f[column]);
            else
                summary[name.substr(0, dot)][name.substr(dot + 1)] = parseNumber(f[column]);
        }
        summary["symbol"] = f[1 + dims.size()];
        try {
            row.summary = SummaryJson::fromJson(nlohmann::json(summary), path);
        } catch (const DataError& e) {
            fail(e.message());
        }
        if (result.configs.empty() || result.configs.back() != row.config)
            result.configs.push_back(row.config);
        result.rows.push_back(std::move(row));
    }
    if (result.rows.size() != result.configs.size() * result.markets.size())
        fail(QStringLiteral("%1 rows for %2 configurations on %3 markets")
                 .arg(result.rows.size())
                 .arg(result.configs.size())
                 .arg(result.markets.size()));
}

} // namespace veloce::SweepCsv
