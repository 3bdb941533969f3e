#include "report/htmlescape.h"

namespace veloce::HtmlEscape {

QString text(const QString& raw)
{
    QString out;
    out.reserve(raw.size() + raw.size() / 8);
    for (const QChar c : raw) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string scriptJson(const std::string& json)
{
    std::string out;
    out.reserve(json.size() + json.size() / 64);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        switch (c) {
        case '<':
            out += "\\u003c";
            break;
        case '>':
            out += "\\u003e";
            break;
        case '&':
            out += "\\u0026";
            break;
        case '\xE2':
            // UTF-8 of U+2028 is E2 80 A8, of U+2029 E2 80 A9: JavaScript line terminators.
            if (i + 2 < json.size() && json[i + 1] == '\x80'
                && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
                out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
                i += 2;
                break;
            }
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace veloce::HtmlEscape
