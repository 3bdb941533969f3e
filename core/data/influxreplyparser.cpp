#include "data/influxreplyparser.h"

#include "data/influxerror.h"

#include <charconv>
#include <limits>
#include <string_view>

namespace veloce {

namespace {

// Thrown inside the parser, turned into InfluxError::malformed with the byte offset.
struct Bad
{
    const char* at;
    std::string what;
};

constexpr int kMaxDepth = 64;

class Cursor
{
public:
    Cursor(const char* begin, const char* end)
        : m_begin(begin)
        , m_p(begin)
        , m_end(end)
    {
    }

    const char* pos() const { return m_p; }
    qsizetype offset(const char* at) const { return at - m_begin; }

    char peek()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
        return m_p < m_end ? *m_p : '\0';
    }
    bool consume(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    void expect(char c)
    {
        if (!consume(c))
            fail(std::string("expected '") + c + "'");
    }
    [[noreturn]] void fail(std::string what) const { throw Bad { m_p, std::move(what) }; }
    bool atEnd() { return peek() == '\0' && m_p == m_end; }

    // A JSON string; a view into the input when it has no escapes, else decoded into scratch.
    std::string_view string(std::string& scratch)
    {
        expect('"');
        const char* start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\')
            ++m_p;
        if (m_p < m_end && *m_p == '"')
            return { start, static_cast<std::size_t>(m_p++ - start) };
        scratch.assign(start, m_p);
        while (m_p < m_end && *m_p != '"') {
            if (*m_p != '\\') {
                scratch += *m_p++;
                continue;
            }
            if (++m_p >= m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"':
                scratch += '"';
                break;
            case '\\':
                scratch += '\\';
                break;
            case '/':
                scratch += '/';
                break;
            case 'b':
                scratch += '\b';
                break;
            case 'f':
                scratch += '\f';
                break;
            case 'n':
                scratch += '\n';
                break;
            case 'r':
                scratch += '\r';
                break;
            case 't':
                scratch += '\t';
                break;
            case 'u':
                appendUtf8(scratch, codePoint());
                break;
            default:
                fail("bad escape in string");
            }
        }
        if (m_p >= m_end)
            fail("unterminated string");
        ++m_p;
        return scratch;
    }

    bool boolean()
    {
        if (literal("true"))
            return true;
        if (literal("false"))
            return false;
        fail("expected true or false");
    }

    std::int64_t integer()
    {
        peek();
        std::int64_t v = 0;
        const auto r = std::from_chars(m_p, m_end, v);
        if (r.ec != std::errc() || (r.ptr < m_end && (*r.ptr == '.' || *r.ptr == 'e' || *r.ptr == 'E')))
            fail("expected an integer epoch-ms time");
        m_p = r.ptr;
        return v;
    }

    // A number, or NaN for null.
    double numberOrNull()
    {
        if (peek() == 'n') {
            if (!literal("null"))
                fail("expected a number or null");
            return std::numeric_limits<double>::quiet_NaN();
        }
        double v = 0;
        const auto r = std::from_chars(m_p, m_end, v);
        if (r.ec != std::errc())
            fail(
                r.ec == std::errc::result_out_of_range ? "number out of range" : "expected a number or null");
        m_p = r.ptr;
        return v;
    }

    void skipValue(int depth = 0)
    {
        if (depth > kMaxDepth)
            fail("nested too deeply");
        std::string scratch;
        switch (peek()) {
        case '{':
            ++m_p;
            if (consume('}'))
                return;
            do {
                string(scratch);
                expect(':');
                skipValue(depth + 1);
            } while (consume(','));
            expect('}');
            return;
        case '[':
            ++m_p;
            if (consume(']'))
                return;
            do
                skipValue(depth + 1);
            while (consume(','));
            expect(']');
            return;
        case '"':
            string(scratch);
            return;
        case 't':
        case 'f':
            boolean();
            return;
        default:
            numberOrNull();
            return;
        }
    }

    // Calls member(key) for each member of an object; member must consume the value.
    template<typename F> void object(F&& member)
    {
        std::string scratch;
        expect('{');
        if (consume('}'))
            return;
        do {
            const std::string key(string(scratch));
            expect(':');
            member(key);
        } while (consume(','));
        expect('}');
    }
    template<typename F> void array(F&& element)
    {
        expect('[');
        if (consume(']'))
            return;
        do
            element();
        while (consume(','));
        expect(']');
    }

private:
    bool literal(std::string_view word)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }
    unsigned hex4()
    {
        if (m_end - m_p < 4)
            fail("bad \\u escape");
        unsigned v = 0;
        const auto r = std::from_chars(m_p, m_p + 4, v, 16);
        if (r.ptr != m_p + 4)
            fail("bad \\u escape");
        m_p += 4;
        return v;
    }
    unsigned codePoint()
    {
        unsigned cp = hex4();
        if (cp >= 0xD800 && cp < 0xDC00 && m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
            m_p += 2;
            const unsigned lo = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        return cp;
    }
    static void appendUtf8(std::string& s, unsigned cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    const char* m_begin;
    const char* m_p;
    const char* m_end;
};

} // namespace

InfluxReplyParser::InfluxReplyParser(
    std::vector<std::string> fields, std::string tagColumn, std::vector<std::string> tagValues)
    : m_fields(std::move(fields))
    , m_tagColumn(std::move(tagColumn))
    , m_tagValues(std::move(tagValues))
{
    if (m_fields.size() > static_cast<std::size_t>(InfluxRow::kMaxFields))
        throw std::logic_error("InfluxReplyParser: too many fields");
}

bool InfluxReplyParser::parse(
    const char* begin, const char* end, std::vector<InfluxRow>& rows, const InfluxSettings& settings) const
{
    Cursor c(begin, end);
    bool complete = true;
    std::string statementError;
    const bool hasTag = !m_tagColumn.empty();
    const int fieldCount = static_cast<int>(m_fields.size());
    std::string scratch;

    auto parseColumns = [&] {
        std::size_t i = 0;
        bool ok = true;
        std::string seen;
        c.array([&] {
            const std::string_view name = c.string(scratch);
            seen += (seen.empty() ? "" : ",") + std::string(name);
            const std::string_view want = i == 0         ? std::string_view("time")
                : hasTag && i == 1                       ? std::string_view(m_tagColumn)
                : i - (hasTag ? 2 : 1) < m_fields.size() ? std::string_view(m_fields[i - (hasTag ? 2 : 1)])
                                                         : std::string_view();
            ok = ok && name == want;
            ++i;
        });
        if (!ok || i != m_fields.size() + (hasTag ? 2 : 1))
            c.fail("unexpected columns [" + seen + "]");
    };
    auto parseRow = [&] {
        c.expect('[');
        InfluxRow& r = rows.emplace_back();
        r.t = c.integer();
        if (hasTag) {
            c.expect(',');
            if (c.peek() == 'n')
                c.fail("row without a " + m_tagColumn);
            const std::string_view value = c.string(scratch);
            int index = -1;
            for (std::size_t k = 0; k < m_tagValues.size(); ++k)
                if (m_tagValues[k] == value)
                    index = static_cast<int>(k);
            if (index < 0)
                c.fail("row for an unrequested " + m_tagColumn + " \"" + std::string(value.substr(0, 80))
                    + "\"");
            r.tag = index;
        }
        for (int f = 0; f < fieldCount; ++f) {
            c.expect(',');
            r.v[static_cast<std::size_t>(f)] = c.numberOrNull();
        }
        c.expect(']');
    };
    auto parseSeries = [&] {
        bool haveColumns = false;
        c.object([&](const std::string& key) {
            if (key == "columns") {
                parseColumns();
                haveColumns = true;
            } else if (key == "values") {
                if (!haveColumns)
                    c.fail("values before columns");
                c.array(parseRow);
            } else {
                c.skipValue(); // name, tags, partial (the result's flag is the one that counts)
            }
        });
    };
    auto parseResult = [&] {
        c.object([&](const std::string& key) {
            if (key == "series")
                c.array(parseSeries);
            else if (key == "partial")
                complete = !c.boolean() && complete;
            else if (key == "error")
                statementError = std::string(c.string(scratch));
            else
                c.skipValue(); // statement_id, messages
        });
    };

    const std::size_t before = rows.size();
    try {
        bool haveResults = false;
        c.object([&](const std::string& key) {
            if (key == "results") {
                haveResults = true;
                c.array(parseResult);
            } else if (key == "error") {
                statementError = std::string(c.string(scratch));
            } else {
                c.skipValue();
            }
        });
        if (!c.atEnd())
            c.fail("trailing characters after the JSON document");
        if (!haveResults && statementError.empty())
            c.fail("no \"results\"");
    } catch (const Bad& bad) {
        rows.resize(before);
        throw InfluxError::malformed(settings,
            QStringLiteral("%1 at byte %2 of a %3-byte chunk")
                .arg(QString::fromStdString(bad.what))
                .arg(c.offset(bad.at))
                .arg(end - begin));
    }
    if (!statementError.empty()) {
        rows.resize(before);
        throw InfluxError::fromStatement(settings, QString::fromStdString(statementError));
    }
    return complete;
}

} // namespace veloce
