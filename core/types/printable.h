#pragma once

#include <QString>
#include <QStringView>

namespace veloce {

// Text from outside (file names, CSV fields, JSON keys, server replies) made safe to show: every
// control character (C0, DEL, C1), the Unicode bidi controls that can reorder a terminal line,
// and the line and paragraph separators are written as escapes ("\x1b", "\x00", "\u202e"), so a
// message is never cut at a NUL, never rings the terminal bell, never moves the cursor or colours
// the screen, and always stays on one line. Backslashes are kept as they are, so applying it twice
// changes nothing. Every user-facing error message passes through it (DataError, ConfigError,
// UsageError and the CLI's warnings); docs/input-rules.md describes the rule.
QString printable(QStringView text);

} // namespace veloce
