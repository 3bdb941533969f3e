#include "report/htmlreport.h"

#include "report/htmlescape.h"
#include "report/htmltemplate.h"
#include "report/reportjson.h"

#include <stdexcept>

namespace veloce {

namespace {

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
    using namespace HtmlTemplate;
    return fill(asset("report.html"), [&](const QByteArray& token) -> QByteArray {
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
    });
}

void HtmlReport::write(const ReportData& data, const QString& path)
{
    HtmlTemplate::write(render(data), path);
}

} // namespace veloce
