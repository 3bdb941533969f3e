#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
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
        BadReply
    };
    Kind kind = Kind::None;
    int status = 0; // HTTP status, 0 when there was no answer
    QString message;

    explicit operator bool() const { return kind != Kind::None; }
    // The request may or may not have been executed by the bot (no answer came back).
    bool unknownOutcome() const { return kind == Kind::Timeout || kind == Kind::Network; }
    static FreqtradeError fromReply(int status, const QByteArray& body);
};

// Client of FreqTrade's REST API (/api/v1, see shared/reference/freqtrade_api.md): JWT login
// with HTTP Basic, refresh before the 15-minute access token expires, on a 401 refresh once and
// then log in again; a per-request timeout. A QObject for one thread: create it on the thread
// that uses it (its network replies arrive there). Secrets never appear in messages.
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

    int logins() const { return m_logins; }
    int refreshes() const { return m_refreshes; }
    QString endpoint() const { return m_settings.baseUrl.toString(); }

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

} // namespace veloce
