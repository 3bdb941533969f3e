// libFuzzer target: the result-folder reader behind `veloce-cli report --in DIR`. The input is
// cut at lines "@@@" into summary.json, report-data.json, trades.csv and signals.csv (a missing
// part is a missing file); ResultFolder::read may only throw DataError, and a folder it accepts
// renders into an HTML page without a second "</script" from the data.
#include "data/dataerror.h"
#include "fuzzinput.h"
#include "report/htmlreport.h"
#include "report/resultfolder.h"

using namespace veloce;

namespace {
int count(const QByteArray& haystack, const char* needle)
{
    int n = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        ++n;
    return n;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const char* kFiles[] = { "summary.json", "report-data.json", "trades.csv", "signals.csv" };
    static const int kScriptsInTemplate = count(HtmlReport::render(ReportData()), "</script");
    const QString dir = fuzz::workDir() + QStringLiteral("/run");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    int part = 0;
    for (qsizetype from = 0; from <= input.size() && part < 4; ++part) {
        qsizetype cut = input.indexOf("\n@@@\n", from);
        if (cut < 0)
            cut = input.size();
        fuzz::writeFile(QStringLiteral("run/") + QLatin1String(kFiles[part]), input.mid(from, cut - from));
        from = cut + 5;
    }
    try {
        const ReportData report = ResultFolder::read(dir);
        fuzz::check(
            count(HtmlReport::render(report), "</script") == kScriptsInTemplate, "data closed a script");
    } catch (const DataError&) {
    }
    return 0;
}
