#pragma once

// A private InfluxDB 1.x server for integration tests: the real `influxd` (Debian package
// influxdb) on free loopback ports, with its data in a temporary directory, stopped (and the
// directory removed) when the object goes away. Plus a tiny blocking HTTP helper to set up
// data independently of the code under test.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <csignal>
#include <memory>

class InfluxServer
{
public:
    struct Options
    {
        bool authEnabled = false;
    };

    InfluxServer() = default;
    explicit InfluxServer(Options options)
        : m_options(options)
    {
    }
    ~InfluxServer() { stop(); }

    static QString binary()
    {
        return QStandardPaths::findExecutable(
            QStringLiteral("influxd"), { QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin") });
    }

    // Starts influxd (same ports and data on a restart) and waits until /ping answers.
    bool start(QString* error = nullptr)
    {
        if (binary().isEmpty())
            return fail(error, QStringLiteral("influxd not found (apt-get install influxdb)"));
        if (!m_dir.isValid())
            return fail(error, QStringLiteral("no temporary directory"));
        if (m_httpPort == 0) {
            m_httpPort = freePort();
            m_rpcPort = freePort();
            writeConfig();
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("influxd.log")), QIODevice::Append);
        m_process->start(binary(), { QStringLiteral("run"), QStringLiteral("-config"), configPath() });
        if (!m_process->waitForStarted(10000))
            return fail(error, QStringLiteral("influxd did not start: ") + m_process->errorString());
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 60000) {
            if (m_process->state() != QProcess::Running)
                return fail(error, QStringLiteral("influxd exited: ") + log());
            if (request("GET", QStringLiteral("/ping"), {}, 1000).status == 204)
                return true;
            QThread::msleep(50);
        }
        return fail(error, QStringLiteral("influxd did not answer /ping within 60 s: ") + log());
    }

    // Graceful stop (SIGTERM).
    void stop()
    {
        if (!m_process)
            return;
        resume();
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(20000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }
    // A crash (SIGKILL): acknowledged writes survive in the WAL.
    void kill()
    {
        if (!m_process)
            return;
        resume();
        m_process->kill();
        m_process->waitForFinished(10000);
        m_process.reset();
    }
    // SIGSTOP / SIGCONT: the kernel still accepts connections, nothing answers.
    void pause()
    {
        if (m_process && !m_paused) {
            ::kill(static_cast<pid_t>(m_process->processId()), SIGSTOP);
            m_paused = true;
        }
    }
    void resume()
    {
        if (m_process && m_paused) {
            ::kill(static_cast<pid_t>(m_process->processId()), SIGCONT);
            m_paused = false;
        }
    }
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }

    quint16 port() const { return m_httpPort; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort); }
    QString log() const
    {
        QFile f(m_dir.filePath(QStringLiteral("influxd.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(2000)) : QString();
    }

    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    // POST /query (statements that change things, or any statement).
    Reply query(const QString& q, const QByteArray& params = {}, const QByteArray& db = {})
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("q"), q);
        if (!db.isEmpty())
            form.addQueryItem(QStringLiteral("db"), QString::fromUtf8(db));
        if (!params.isEmpty())
            form.addQueryItem(QStringLiteral("params"), QString::fromUtf8(params));
        form.addQueryItem(QStringLiteral("epoch"), QStringLiteral("ms"));
        return request(
            "POST", QStringLiteral("/query"), form.toString(QUrl::FullyEncoded).toUtf8().replace('+', "%2B"));
    }
    // POST /write, precision ms.
    Reply write(const QString& db, const QString& rp, const QByteArray& lines)
    {
        return request("POST", QStringLiteral("/write?db=%1&rp=%2&precision=ms").arg(db, rp), lines);
    }
    // CREATE DATABASE + a retention policy kept forever, as aggr-server's 1-second setup.
    bool createDatabase(const QString& db, const QString& rp = QStringLiteral("aggr_1s"))
    {
        return query(QStringLiteral("CREATE DATABASE \"%1\"").arg(db)).status == 200
            && query(QStringLiteral("CREATE RETENTION POLICY \"%1\" ON \"%2\" DURATION INF REPLICATION 1")
                         .arg(rp, db))
                   .status
            == 200;
    }

    void setBasicAuth(const QString& user, const QString& password)
    {
        m_auth = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
    }

    Reply request(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {},
        int timeoutMs = 60000)
    {
        QNetworkAccessManager nam;
        QNetworkRequest r(QUrl(url() + pathAndQuery));
        r.setTransferTimeout(timeoutMs);
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (!m_auth.isEmpty())
            r.setRawHeader("Authorization", m_auth);
        if (method == "POST")
            r.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply* reply = method == "GET" ? nam.get(r) : nam.post(r, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        delete reply;
        return out;
    }

    // A loopback port nothing listens on (for "connection refused").
    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }

private:
    QString configPath() const { return m_dir.filePath(QStringLiteral("influxd.conf")); }

    void writeConfig()
    {
        const QString d = m_dir.path();
        QFile f(configPath());
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral(
            "reporting-disabled = true\n"
            "bind-address = \"127.0.0.1:%1\"\n"
            "[meta]\n  dir = \"%2/meta\"\n  logging-enabled = false\n"
            "[data]\n  dir = \"%2/data\"\n  wal-dir = \"%2/wal\"\n  query-log-enabled = false\n"
            "[monitor]\n  store-enabled = false\n"
            "[subscriber]\n  enabled = false\n"
            "[continuous_queries]\n  enabled = false\n"
            "[http]\n  bind-address = \"127.0.0.1:%3\"\n  log-enabled = false\n"
            "  auth-enabled = %4\n  pprof-enabled = false\n"
            "[logging]\n  level = \"warn\"\n  suppress-logo = true\n")
                    .arg(m_rpcPort)
                    .arg(d)
                    .arg(m_httpPort)
                    .arg(m_options.authEnabled ? QStringLiteral("true") : QStringLiteral("false"))
                    .toUtf8());
    }
    static bool fail(QString* error, const QString& message)
    {
        if (error)
            *error = message;
        return false;
    }

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_httpPort = 0;
    quint16 m_rpcPort = 0;
    bool m_paused = false;
    QByteArray m_auth;
};
