#pragma once

#include <QString>
#include <QStringList>

namespace veloce {

// The one place where text that came from a server (an error body, a statement error, a reason
// phrase) is made safe to print, show or journal (docs/freqtrade.md "Secrets"). A server may echo
// the request it received -- its Authorization header, a login form, InfluxDB's u=/p= query
// parameters -- so every message built from a server reply goes through here before it leaves
// the client that received it.
//
// Replaced by "***" (the name of the field or scheme is kept, so the message stays readable):
//   - the value of an Authorization header, and any "Bearer <token>" / "Basic <credentials>";
//   - JSON Web Tokens (FreqTrade's access and refresh tokens), wherever they appear;
//   - values of password, passwd, pwd, secret, token, access_token, refresh_token, api_key,
//     apikey, jwt_secret_key, ws_token and InfluxDB's u and p, as key=value (query strings,
//     forms), key: value and "key": "value" (JSON);
//   - the password of user:password@ in URLs;
//   - every literal occurrence of `knownSecrets` (the password the client sent, its tokens and
//     its Basic credentials, also percent-encoded). Secrets shorter than kShortSecret characters
//     are replaced only where they stand alone (between non-alphanumerics), so that a password
//     "ab" does not turn every "ab" of a message into "***".
QString redactSecrets(const QString& text, const QStringList& knownSecrets = {});

inline constexpr qsizetype kShortSecret = 4;
inline constexpr const char* kRedacted = "***";

} // namespace veloce
