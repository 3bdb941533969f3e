#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

namespace veloce::HtmlTemplate {

// The assets of the self-contained HTML reports, embedded at build time as :/veloce/report/<name>
// (resources/report/). Throws std::runtime_error if one is missing (a broken build).
QByteArray asset(const char* name);
// An asset for an inline <script>: refused if it contains "</script", which would end it early.
QByteArray inlineScript(const char* name);
// The page with every {{token}} replaced by value(token), in one pass over the template, so text
// inside a value is never scanned for tokens again. {{head}} is the same for every report:
// head.html, with the content security policy that keeps a report from fetching anything.
QByteArray fill(const QByteArray& page, const std::function<QByteArray(const QByteArray& token)>& value);
// render() into `path` (OutputFile: a reader never sees half a report, a device such as /dev/null
// is written, not replaced). Throws DataError naming the path and the OS reason.
void write(const QByteArray& html, const QString& path);

} // namespace veloce::HtmlTemplate
