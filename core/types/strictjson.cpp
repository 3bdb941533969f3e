#include "types/strictjson.h"

#include "types/printable.h"

#include <set>
#include <string>
#include <vector>

namespace veloce {

JsonInputError::JsonInputError(const QString& key, const QString& problem)
    : std::runtime_error(
        printable(key.isEmpty() ? problem : QStringLiteral("key \"%1\": %2").arg(key, problem)).toStdString())
    , m_key(printable(key))
    , m_problem(printable(problem))
{
}

namespace {

// Where the parser is: one frame per open object or array. Fed by nlohmann's parser callback,
// which reports containers opening and closing, keys, and every scalar value after it is read.
class KeyPath
{
public:
    // Returns false for a key already seen in the current object.
    bool key(const std::string& name)
    {
        Frame& f = m_frames.back();
        f.key = name;
        return f.keys.insert(name).second;
    }
    void open(bool isObject) { m_frames.push_back({ isObject, {}, {}, 0 }); }
    void close()
    {
        m_frames.pop_back();
        valueDone();
    }
    void valueDone()
    {
        if (!m_frames.empty() && !m_frames.back().isObject)
            ++m_frames.back().index;
    }
    // The path of the value being read now: for an array, the element after the finished ones.
    QString path() const
    {
        QString out;
        for (const Frame& f : m_frames) {
            if (f.isObject) {
                if (!out.isEmpty())
                    out += QLatin1Char('.');
                out += QString::fromStdString(f.key);
            } else {
                out += QStringLiteral("[%1]").arg(f.index);
            }
        }
        return out;
    }

private:
    struct Frame
    {
        bool isObject;
        std::string key;
        std::set<std::string> keys;
        std::size_t index;
    };
    std::vector<Frame> m_frames;
};

// 1-based line and column of a byte offset, so a person can find a syntax error in an editor.
QString position(const char* begin, const char* end, std::size_t byte)
{
    int line = 1;
    int column = 1;
    for (const char* p = begin; p < end && std::size_t(p - begin) + 1 < byte; ++p) {
        if (*p == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

// nlohmann's message without its "[json.exception.parse_error.101] " tag and, for syntax errors,
// without the "parse error at line 1, column 5: " we replace by our own line and column.
QString reason(const char* what)
{
    QString text = QString::fromUtf8(what);
    if (text.startsWith(QLatin1Char('[')) && text.indexOf(QLatin1String("] ")) > 0)
        text.remove(0, text.indexOf(QLatin1String("] ")) + 2);
    if (text.startsWith(QLatin1String("parse error")) && text.indexOf(QLatin1String(": ")) > 0)
        text.remove(0, text.indexOf(QLatin1String(": ")) + 2);
    return text;
}

template<typename Json> Json parseStrict(const char* begin, const char* end)
{
    KeyPath path;
    using Event = typename Json::parse_event_t;
    const auto callback = [&path](int, Event event, Json& parsed) {
        switch (event) {
        case Event::object_start:
            path.open(true);
            break;
        case Event::array_start:
            path.open(false);
            break;
        case Event::object_end:
        case Event::array_end:
            path.close();
            break;
        case Event::key:
            if (!path.key(parsed.template get<std::string>()))
                throw JsonInputError(path.path(),
                    QStringLiteral("given twice in one object (which one was meant? remove the other)"));
            break;
        case Event::value:
            path.valueDone();
            break;
        }
        return true;
    };
    try {
        return Json::parse(begin, end, callback, true, false);
    } catch (const typename Json::parse_error& e) {
        throw JsonInputError(QString(),
            QStringLiteral("malformed JSON at %1: %2").arg(position(begin, end, e.byte), reason(e.what())));
    } catch (const typename Json::out_of_range& e) {
        // 406: a number overflowing a double; the parser stops right at that value.
        throw JsonInputError(path.path(),
            QStringLiteral("%1: numbers must be finite (at most about 1.8e308)").arg(reason(e.what())));
    }
}

} // namespace

nlohmann::json StrictJson::parse(const char* begin, const char* end)
{
    return parseStrict<nlohmann::json>(begin, end);
}

nlohmann::ordered_json StrictJson::parseOrdered(const char* begin, const char* end)
{
    return parseStrict<nlohmann::ordered_json>(begin, end);
}

} // namespace veloce
