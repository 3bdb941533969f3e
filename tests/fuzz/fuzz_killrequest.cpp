// libFuzzer target: a request line on the kill switch's local socket, as KillServer reads it.
// Parsing never throws, and the reason that reaches the journal carries no control character.
#include "fuzzinput.h"
#include "safety/killrequest.h"

using namespace veloce;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const KillRequest r
        = KillRequest::parse(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    for (const QChar c : r.reason)
        fuzz::check(c.unicode() >= 0x20 && c.unicode() != 0x7f, "control character in the reason");
    return 0;
}
