#include "report/htmlreport.h"

#include "data/outputfile.h"
#include "report/htmlescape.h"
#include "report/reportjson.h"

#include <QFile>
#include <stdexcept>

namespace veloce {

namespace {

QByteArray asset(const char* name)
{
    QFile f(QStringLiteral(":/veloce/report/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(std::string("report asset missing from the build: ") + name);
    return f.readAll();
}

// Inline scripts end at the first "</script"; an asset containing it would break the page.
QByteArray inlineScript(const char* name)
{
    QByteArray js = asset(name);
    if (js.toLower().contains("</script"))
        throw std::runtime_error(std::string("report asset cannot be inlined (contains </script): ") + name);
    return js;
}

QString title(const ReportData& d)
{
    QString t = QStringLiteral("Veloce backtest");
    if (!d.summary.symbol.isEmpty())
        t += QStringLiteral(" \u2014 ") + d.summary.symbol;
    return t;
}

} // namespace

QByteArray HtmlReport::render(const ReportData& data)
{
    const QByteArray page = asset("report.html");
    // Substituted in one pass over the template, so text inside a value is never re-scanned.
    const auto value = [&](const QByteArray& token) -> QByteArray {
        if (token == "title")
            return HtmlEscape::text(title(data)).toUtf8();
        if (token == "style")
            return asset("report.css");
        if (token == "library")
            return inlineScript("lightweight-charts.js");
        if (token == "app")
            return inlineScript("report.js");
        if (token == "data")
            return QByteArray::fromStdString(HtmlEscape::scriptJson(ReportJson::payload(data)));
        if (token == "notices")
            return HtmlEscape::text(QString::fromUtf8(asset("THIRD-PARTY-NOTICES.txt"))).toUtf8();
        if (token == "license")
            return HtmlEscape::text(QString::fromUtf8(asset("LICENSE-lightweight-charts.txt"))).toUtf8();
        throw std::runtime_error("unknown token in the report template: " + token.toStdString());
    };
    QByteArray out;
    out.reserve(4 << 20);
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = page.indexOf("{{", pos);
        if (open < 0)
            break;
        const qsizetype close = page.indexOf("}}", open + 2);
        if (close < 0)
            break;
        out += page.mid(pos, open - pos);
        out += value(page.mid(open + 2, close - open - 2));
        pos = close + 2;
    }
    out += page.mid(pos);
    return out;
}

void HtmlReport::write(const ReportData& data, const QString& path)
{
    const QByteArray html = render(data);
    OutputFile f(path);
    f.write(html);
    f.commit();
}

} // namespace veloce
