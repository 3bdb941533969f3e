#pragma once

#include "types/configjson.h"
#include "types/printable.h"

#include <cstdint>
#include <string>
#include <vector>

namespace veloce {

// Grid combinations the config schema refused. Each keeps the ConfigError exactly as the config
// loader would report it for that combination (the grid file and the key); what() lists them all,
// one per line, so the user fixes the grid in one go.
class InvalidCombinations : public ConfigError
{
public:
    struct Entry
    {
        std::int64_t index; // in the grid
        QString values; // Grid::describe()
        ConfigError error;
    };

    InvalidCombinations(const QString& source, std::int64_t total, std::vector<Entry> entries)
        : ConfigError(source, QString(), message(total, entries))
        , m_text(QStringLiteral("%1: %2").arg(printable(source), message(total, entries)).toStdString())
        , m_entries(std::move(entries))
    {
    }

    const std::vector<Entry>& entries() const { return m_entries; }
    // One line per combination. ConfigError's own text escapes line breaks (printable()), so the
    // list is kept here, built from parts that are each printable() already.
    const char* what() const noexcept override { return m_text.c_str(); }

private:
    static QString message(std::int64_t total, const std::vector<Entry>& entries)
    {
        QString text
            = QStringLiteral("%1 of %2 grid combinations are invalid:").arg(entries.size()).arg(total);
        for (const Entry& e : entries)
            text += QStringLiteral("\n  combination %1 (%2): %3")
                        .arg(e.index)
                        .arg(printable(e.values), QString::fromUtf8(e.error.what()));
        return text;
    }

    std::string m_text;
    std::vector<Entry> m_entries;
};

} // namespace veloce
