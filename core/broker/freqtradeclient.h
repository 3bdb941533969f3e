#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace veloce {

// A FreqTrade REST failure, phrased for a person. FreqTrade answers errors in two shapes --
// {"detail": str | [{msg, loc, ...}]} (401/404/422/503) and {"error": "Error querying
// /api/v1/<path>: <message>"} (502, business errors) -- both end up in `message`.
struct FreqtradeError
{
    enum class Kind
    {
        None,
        Network,
        Timeout,
        Auth,
        NotFound,
        Validation,
        Business,
        Server,
        BadReply,
        TooLarge // the answer exceeded NetworkReplyGuard::kMaxReplyBytes and was not read
    };
    Kind kind = Kind::None;
    int status = 0; // HTTP status, 0 when there was no answer
    QString message;

    explicit operator bool() const { return kind != Kind::None; }
    // The request may or may not have been executed by the bot (no answer came back, or one
    // too large to read).
    bool unknownOutcome() const
    {
        return kind == Kind::Timeout || kind == Kind::Network || kind == Kind::TooLarge;
    }
    // `body` is what the server answered; its text passes redactSecrets() (with `secrets`, the
    // credentials the request carried) before it becomes the message.
    static FreqtradeError fromReply(int status, const QByteArray& body, const QStringList& secrets = {});
};

// Client of FreqTrade's REST API (/api/v1, docs/architecture.md §5, docs/freqtrade.md): JWT
// login with HTTP Basic, refresh before the 15-minute access token expires, on a 401 refresh
// once and then log in again. Every answer is bounded (NetworkReplyGuard): at most
// kMaxReplyBytes, complete within timeoutMs (freqtrade_timeout_ms) from the request, however
// steadily bytes arrive. Secrets never appear in messages: every error passes redactSecrets()
// with the password, the Basic credentials and the current tokens, so a bot (or proxy) that
// echoes the request cannot get them printed or journaled. User info in baseUrl is moved out of
// the URL (into username/password when those are empty). A QObject for one thread: create it on
// the thread that uses it (its network replies arrive there).
class FreqtradeClient : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl baseUrl; // e.g. http://127.0.0.1:8080 (the /api/v1 prefix is added here)
        QString username;
        QString password;
        int timeoutMs = 10000;
        int refreshAfterS = 14 * 60; // access tokens last 15 minutes
    };
    using Callback = std::function<void(const nlohmann::json& body, const FreqtradeError& error)>;

    explicit FreqtradeClient(Settings settings, QObject* parent = nullptr);
    ~FreqtradeClient() override;

    void get(const QString& path, Callback done);
    void post(const QString& path, const nlohmann::json& body, Callback done);
    // Blocking form for a worker thread without other duties (the kill switch): runs a local
    // event loop until the answer or the timeout.
    nlohmann::json call(
        const QByteArray& method, const QString& path, const nlohmann::json& body, FreqtradeError* error);

    int logins() const { return m_logins; }
    int refreshes() const { return m_refreshes; }
    QString endpoint() const { return m_settings.baseUrl.toString(QUrl::RemoveUserInfo); }
    // What a server could echo back: the password, the Basic credentials, the tokens.
    QStringList secrets() const;

private:
    struct Request
    {
        QByteArray method;
        QString path;
        nlohmann::json body;
        Callback done;
        bool authRetried = false;
    };
    void send(Request request);
    void withToken(std::function<void(const FreqtradeError&)> then);
    void login(std::function<void(const FreqtradeError&)> then);
    void refresh(std::function<void(const FreqtradeError&)> then);
    // Raw exchange; `auth` is the Authorization header value.
    void exchange(const QByteArray& method, const QString& path, const nlohmann::json& body,
        const QByteArray& auth, std::function<void(int, const QByteArray&, const FreqtradeError&)> done);

    Settings m_settings;
    QNetworkAccessManager* m_manager;
    QString m_access;
    QString m_refresh;
    QElapsedTimer m_accessAge;
    int m_logins = 0;
    int m_refreshes = 0;
};

// Any float in FreqTrade's JSON may be null (NaN/inf are sent as null).
std::optional<double> ftNumber(const nlohmann::json& object, const char* key);
// A boolean or string member, `fallback` when `object` is not an object or the member is missing
// or of another type (json::value() would throw instead -- on the kill path, too).
bool ftBool(const nlohmann::json& object, const char* key, bool fallback);
std::string ftString(const nlohmann::json& object, const char* key);

} // namespace veloce
