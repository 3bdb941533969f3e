// libFuzzer target: LineReader, the line splitter under every CSV reader, with buffers from 64
// bytes up (the first input byte picks the size), so refills, lines cut at buffer ends, CR/LF
// pairs split across reads and the too-long-line limit are all reached with small inputs.
#include "data/dataerror.h"
#include "data/linereader.h"
#include "fuzzinput.h"

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t buffer = 64 + std::size_t(data[0]) * 4;
    const char* bytes = reinterpret_cast<const char*>(data) + 1;
    const QString path = fuzz::writeFile(QStringLiteral("lines.txt"), bytes, size - 1);
    try {
        LineReader lines(path, buffer);
        std::string_view line;
        std::int64_t n = 0;
        std::size_t total = 0;
        while (lines.next(line)) {
            fuzz::check(line.find('\n') == std::string_view::npos, "newline inside a line");
            fuzz::check(line.size() < buffer, "line longer than the buffer");
            fuzz::check(lines.lineNumber() == ++n, "line numbers");
            total += line.size();
            fuzz::check(lines.progress() >= 0 && lines.progress() <= 1, "progress outside 0..1");
        }
        fuzz::check(total <= size, "more bytes out than in");
    } catch (const DataError&) {
    }
    return 0;
}
