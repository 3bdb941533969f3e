#include "report/htmltemplate.h"

#include "data/outputfile.h"

#include <QFile>
#include <stdexcept>

namespace veloce::HtmlTemplate {

QByteArray asset(const char* name)
{
    QFile f(QStringLiteral(":/veloce/report/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(std::string("report asset missing from the build: ") + name);
    return f.readAll();
}

QByteArray inlineScript(const char* name)
{
    QByteArray js = asset(name);
    if (js.toLower().contains("</script"))
        throw std::runtime_error(std::string("report asset cannot be inlined (contains </script): ") + name);
    return js;
}

QByteArray fill(const QByteArray& page, const std::function<QByteArray(const QByteArray& token)>& value)
{
    QByteArray out;
    out.reserve(page.size() + (4 << 20));
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = page.indexOf("{{", pos);
        if (open < 0)
            break;
        const qsizetype close = page.indexOf("}}", open + 2);
        if (close < 0)
            break;
        out += page.mid(pos, open - pos);
        const QByteArray token = page.mid(open + 2, close - open - 2);
        out += token == "head" ? asset("head.html") : value(token);
        pos = close + 2;
    }
    out += page.mid(pos);
    return out;
}

void write(const QByteArray& html, const QString& path)
{
    OutputFile f(path);
    f.write(html);
    f.commit();
}

} // namespace veloce::HtmlTemplate
