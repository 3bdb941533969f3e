#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace veloce {

// A parameter grid (docs/research.md §1): a JSON object whose keys are config keys and whose values
// are either a list of values (`"min_entry_score": [4, 5, 6]`) or an inclusive range
// (`"squeeze_length": {"from": 10, "to": 40, "step": 5}`). A key may name one bucket of an object
// key with a dot (`"position_size_by_score.4-5": [0.5, 1]`). Every combination is one
// configuration; they are numbered in row-major order, the last key varying fastest.
//
// Immutable value; safe to share between threads. The format is checked here (ConfigError naming
// the grid file and the key); whether each value is valid for its key is the config schema's
// business (SweepPlan applies every combination through ConfigJson).
class Grid
{
public:
    static constexpr std::int64_t kMaxCombinations = 1'000'000;

    struct Dimension
    {
        QString key; // as written in the grid, dots included
        std::vector<nlohmann::json> values;
    };

    Grid() = default;
    // Throws ConfigError(source, key, problem) for a malformed grid.
    static Grid fromJson(const nlohmann::ordered_json& object, const QString& source);

    const std::vector<Dimension>& dimensions() const { return m_dimensions; }
    QStringList keys() const;
    std::int64_t size() const { return m_size; }
    const QString& source() const { return m_source; }
    // The grid as written (ranges kept as ranges), for sweep.json.
    const nlohmann::ordered_json& asWritten() const { return m_json; }

    // Index of each key's value in combination `index`.
    std::vector<int> coordinates(std::int64_t index) const;
    std::int64_t indexOf(const std::vector<int>& coordinates) const;
    // The combination's values by key as written (flat, dotted keys kept).
    nlohmann::ordered_json values(std::int64_t index) const;
    // The same as a config object for ConfigJson::apply (dotted keys nested).
    nlohmann::json configObject(std::int64_t index) const;
    // "squeeze_length=10, squeeze_keltner=atr", for messages.
    QString describe(std::int64_t index) const;

    // A value as text for tables and messages: strings bare, anything else as JSON writes it.
    static QString valueText(const nlohmann::json& value);

private:
    static std::vector<nlohmann::json> expandRange(
        const nlohmann::ordered_json& range, const QString& source, const QString& key);

    std::vector<Dimension> m_dimensions;
    std::int64_t m_size = 0;
    QString m_source;
    nlohmann::ordered_json m_json;
};

} // namespace veloce
