#pragma once

#include <QString>
#include <string>

namespace veloce::HtmlEscape {

// Text for HTML element content or a quoted attribute: & < > " ' become character references.
QString text(const QString& raw);

// JSON text made safe inside <script type="application/json">: every '<', '>', '&' and the line
// separators U+2028/U+2029 become \u escapes. They can only occur inside JSON strings, where the
// escape means the same character, so JSON.parse() returns the original data while the HTML
// parser can never see "</script>" or "<!--" in it.
std::string scriptJson(const std::string& json);

} // namespace veloce::HtmlEscape
