#pragma once

#include "data/influxrow.h"

#include <string>
#include <vector>

namespace veloce {

struct InfluxSettings;

// Decodes InfluxDB 1.x /query replies with epoch=ms: one JSON document, i.e. one chunk of a
// chunked reply (each chunk is one line). Specialised for the shape we ask for -- columns
// "time", an optional tag column, then numeric fields -- because a generic JSON DOM costs more
// than the server takes to produce the rows; everything else in the document is walked and
// checked, so a reply that is not what InfluxDB sends is reported as malformed, never guessed at.
class InfluxReplyParser
{
public:
    // fields: field column names after "time" (and after tagColumn when it is set); tagValues:
    // the values the tag column may hold, a row gets the index of its value.
    InfluxReplyParser(
        std::vector<std::string> fields, std::string tagColumn = {}, std::vector<std::string> tagValues = {});

    // Appends the rows of one document. Returns false while the server marks the result
    // "partial" (more chunks of it follow), true once it is complete. Throws InfluxError:
    // malformed replies and statement errors ("database not found", "retention policy ...").
    bool parse(const char* begin, const char* end, std::vector<InfluxRow>& rows,
        const InfluxSettings& settings) const;

private:
    std::vector<std::string> m_fields;
    std::string m_tagColumn;
    std::vector<std::string> m_tagValues;
};

} // namespace veloce
