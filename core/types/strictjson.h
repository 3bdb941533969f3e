#pragma once

#include <QByteArray>
#include <QString>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace veloce {

// JSON from outside that is not acceptable, phrased for the user. key() says where, as a path
// ("min_entry_score", "position_size_by_score.4-5", "influx_markets[2]"), empty for the whole
// document; callers add the file name.
class JsonInputError : public std::runtime_error
{
public:
    JsonInputError(const QString& key, const QString& problem);
    const QString& key() const { return m_key; }
    const QString& problem() const { return m_problem; }

private:
    QString m_key;
    QString m_problem;
};

// The one way Veloce parses JSON it did not write itself in this process (config files, saved
// settings, result folders): nlohmann's parser, plus what it lets through or reports badly.
// - a key given twice in one object is refused (nlohmann would keep the last one silently, so a
//   checked value could be replaced by an unchecked one);
// - a number no double can hold (1e999, -1e999) is refused naming its key (nlohmann throws
//   out_of_range.406 with neither key nor position);
// - a syntax error names the line and the column.
// Throws JsonInputError for all of them. Pure: no I/O (the caller reads and caps the file).
namespace StrictJson {
nlohmann::json parse(const char* begin, const char* end);
nlohmann::ordered_json parseOrdered(const char* begin, const char* end);
inline nlohmann::json parse(const QByteArray& text)
{
    return parse(text.constData(), text.constData() + text.size());
}
} // namespace StrictJson

} // namespace veloce
