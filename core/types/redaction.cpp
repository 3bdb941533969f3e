#include "types/redaction.h"

#include <QRegularExpression>
#include <QUrl>
#include <vector>

namespace veloce {

namespace {

const QString kStars = QString::fromLatin1(kRedacted);

// Names whose value is a secret. A prefix ending in '_' is allowed for the long names
// (influx_password, freqtrade_password, jwt_secret_key); u and p are InfluxDB's query
// parameters for user and password.
const QString kKeys = QStringLiteral("(?:(?:[A-Za-z0-9]+_)*(?:password|passwd|pwd|secret|token|access_token|"
                                     "refresh_token|api_key|apikey|api_secret|jwt_secret_key|ws_token)|u|p)");

QRegularExpression pattern(const QString& text)
{
    return QRegularExpression(text, QRegularExpression::CaseInsensitiveOption);
}

// The rules, in order. Each keeps what names the secret (captured) and replaces the value.
struct Rule
{
    QRegularExpression re;
    QString replacement;
};

const std::vector<Rule>& rules()
{
    static const std::vector<Rule> r = {
        // Authorization: Bearer xyz / "authorization": "Basic xyz" / authorization=xyz. The scheme
        // is matched atomically, so that an already redacted value is not taken for one.
        { pattern(
              QStringLiteral("(authorization\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?(?>(?:(?:bearer|basic|digest|"
                             "token|negotiate)\\s+)?))(?!\\*\\*\\*)[^\\s\"'\\\\,;&}\\]]+")),
            QStringLiteral("\\1") + kStars },
        // A scheme and its credentials anywhere. The token must contain a non-letter, which
        // base64 and JWTs practically always do and English words ("basic authentication") never.
        { pattern(QStringLiteral(
              "\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{6,}")),
            QStringLiteral("\\1 ") + kStars },
        // JSON Web Tokens (also cut after their second part).
        { QRegularExpression(
              QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}(?:\\.[A-Za-z0-9_-]*)?")),
            kStars },
        // "password": "x" (escaped quotes inside the value included)
        { pattern(
              QStringLiteral("(?<![A-Za-z0-9])(%1[\"']?\\s*[:=]\\s*)\"(?:[^\"\\\\]|\\\\.)*\"").arg(kKeys)),
            QStringLiteral("\\1\"") + kStars + QLatin1Char('"') },
        // {\"password\":\"x\"} (JSON inside a JSON string)
        { pattern(QStringLiteral("(?<![A-Za-z0-9])(%1\\\\\"\\s*[:=]\\s*)\\\\\".*?\\\\\"").arg(kKeys)),
            QStringLiteral("\\1\\\"") + kStars + QStringLiteral("\\\"") },
        // password='x'
        { pattern(QStringLiteral("(?<![A-Za-z0-9])(%1[\"']?\\s*[:=]\\s*)'[^']*'").arg(kKeys)),
            QStringLiteral("\\1'") + kStars + QLatin1Char('\'') },
        // p=x&u=y, password: x (unquoted values, up to a delimiter)
        { pattern(QStringLiteral(
              "(?<![A-Za-z0-9])(%1\\s*[:=]\\s*)(?![\\\\\"'])(?!\\*\\*\\*)[^\\s\"'&,;}\\]\\\\]+")
                      .arg(kKeys)),
            QStringLiteral("\\1") + kStars },
        // http://user:password@host
        { QRegularExpression(QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):[^/\\s@]*@")),
            QStringLiteral("\\1:") + kStars + QLatin1Char('@') },
    };
    return r;
}

void replaceKnown(QString& text, const QString& secret)
{
    if (secret.isEmpty())
        return;
    if (secret.size() >= kShortSecret) {
        text.replace(secret, kStars);
        return;
    }
    const QRegularExpression alone(
        QStringLiteral("(?<![A-Za-z0-9])%1(?![A-Za-z0-9])").arg(QRegularExpression::escape(secret)));
    text.replace(alone, kStars);
}

} // namespace

QString redactSecrets(const QString& text, const QStringList& knownSecrets)
{
    QString out = text;
    for (const QString& secret : knownSecrets) {
        replaceKnown(out, secret);
        // As it travels in a URL or a form (p=S3cret%21).
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            replaceKnown(out, encoded);
    }
    for (const Rule& rule : rules())
        out.replace(rule.re, rule.replacement);
    return out;
}

} // namespace veloce
