#pragma once

// A loopback HTTP/1.1 server that misbehaves on purpose, for the clients' bounds and redaction
// (docs/freqtrade.md "Secrets", "Limits"), where a real server cannot be made to: a real influxd
// never echoes credentials and never streams without end.
//
//   Echo     answers `status` with the request it received -- request line, headers (the
//            Authorization header included) and the Basic credentials decoded into
//            "u=<user>&p=<password>" and "password": "<password>" -- as InfluxDB's
//            {"error": "..."} or as plain text.
//   Flood    answers 200 and then sends an unterminated JSON document forever (no Content-Length,
//            no line end), as fast as the client reads.
//   Trickle  answers 200 and then one byte every trickleMs, forever.
//
// Runs on the test's thread: the client under test must spin that thread's event loop while it
// waits (InfluxClient and FreqtradeClient do; for a child process use runCliServing()).

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <nlohmann/json.hpp>

class LoopbackHttpServer
{
public:
    enum class Mode
    {
        Echo,
        Flood,
        Trickle
    };
    struct Options
    {
        Mode mode = Mode::Echo;
        int status = 401; // Echo
        bool jsonError = true; // Echo: {"error": ...} (InfluxDB's shape), else text/plain
        int trickleMs = 100; // Trickle
    };

    explicit LoopbackHttpServer(Options options)
        : m_options(options)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] { onReadable(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    int requests() const { return m_requests; }
    qint64 bytesSent() const { return m_sent; }

private:
    void onReadable(QTcpSocket* s)
    {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0 || s->property("answered").toBool())
            return;
        s->setProperty("answered", true);
        ++m_requests;
        const QByteArray head = buf.left(end);
        m_buffers.remove(s);
        switch (m_options.mode) {
        case Mode::Echo:
            echo(s, head);
            break;
        case Mode::Flood:
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                     "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"x\",\"columns\":[\"time\"],"
                     "\"values\":[[1]");
            QObject::connect(s, &QTcpSocket::bytesWritten, s, [this, s] { flood(s); });
            flood(s);
            break;
        case Mode::Trickle: {
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            auto* timer = new QTimer(s);
            QObject::connect(timer, &QTimer::timeout, s, [this, s] {
                s->write(" ");
                ++m_sent;
            });
            timer->start(m_options.trickleMs);
            break;
        }
        }
    }

    void echo(QTcpSocket* s, const QByteArray& head)
    {
        QByteArray text = head;
        for (const QByteArray& line : head.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("authorization: basic ")) {
                const QByteArray plain = QByteArray::fromBase64(l.mid(21));
                const qsizetype colon = plain.indexOf(':');
                text += "\nu=" + plain.left(colon) + "&p=" + plain.mid(colon + 1) + "\n{\"password\": \""
                    + plain.mid(colon + 1) + "\"}";
            }
        }
        const QByteArray body = m_options.jsonError
            ? QByteArray::fromStdString(nlohmann::json { { "error", text.toStdString() } }.dump())
            : text;
        s->write("HTTP/1.1 " + QByteArray::number(m_options.status) + " Echo\r\nContent-Type: "
            + (m_options.jsonError ? "application/json" : "text/plain") + "\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }

    void flood(QTcpSocket* s)
    {
        // Keep about 1 MiB queued: the client's reading, not this process, sets the pace.
        static const QByteArray block = [] {
            QByteArray b;
            while (b.size() < 256 * 1024)
                b += ",[1]";
            return b;
        }();
        while (s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() < 1024 * 1024) {
            s->write(block);
            m_sent += block.size();
        }
    }

    Options m_options;
    // Before m_server, which deletes the sockets when it goes.
    QHash<QTcpSocket*, QByteArray> m_buffers;
    int m_requests = 0;
    qint64 m_sent = 0;
    QTcpServer m_server;
};
