// libFuzzer target: a bar file of one layout (VELOCE_FUZZ_FORMAT: klines, aggtrades, trades, bars
// or auto) read through openBarFile(), as `veloce-cli backtest --data` does -- plain, or with a
// first byte 'g' gzip-compressed. Whatever the bytes, the only way out is DataError, and every
// bar that comes out keeps the documented rules (docs/input-rules.md): prices in BarLimits' range
// and consistent, volumes in range, times in milliseconds from 2001 on, strictly increasing.
#include "data/barfile.h"
#include "data/dataerror.h"
#include "fuzzinput.h"
#include "types/barlimits.h"

#include <cmath>

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* bytes = reinterpret_cast<const char*>(data);
    const bool gz = size > 0 && bytes[0] == 'g';
    const QString path = gz ? fuzz::writeFile(QStringLiteral("input.csv.gz"), fuzz::gzip(bytes + 1, size - 1))
                            : fuzz::writeFile(QStringLiteral("input.csv"), bytes, size);
    const FileFormat format = parseFileFormat(QStringLiteral(VELOCE_FUZZ_FORMAT));
    // Strict first; only when that stops at a bad row is it worth reading again, skipping.
    for (const bool skipBadRows : { false, true }) {
        try {
            auto source = openBarFile(path, format, skipBadRows);
            Bar b;
            std::int64_t last = 0;
            std::int64_t count = 0;
            while (source->next(b)) {
                fuzz::check(BarLimits::priceInRange(b.open) && BarLimits::priceInRange(b.high)
                        && BarLimits::priceInRange(b.low) && BarLimits::priceInRange(b.close),
                    "price out of range");
                fuzz::check(b.low <= b.open && b.low <= b.close && b.high >= b.open && b.high >= b.close,
                    "inconsistent OHLC");
                fuzz::check(b.vbuy >= 0 && b.vsell >= 0 && std::isfinite(b.vbuy + b.vsell), "bad volume");
                fuzz::check(b.t >= 1'000'000'000'000 && b.t > last, "time not increasing or before 2001");
                last = b.t;
                ++count;
            }
            const SourceStats stats = source->stats();
            fuzz::check(stats.bars == count, "bar count");
            fuzz::check(source->progress() >= 0 && source->progress() <= 1, "progress outside 0..1");
            return 0;
        } catch (const DataError&) {
        }
    }
    return 0;
}
