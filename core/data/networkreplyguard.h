#pragma once

#include <QObject>
#include <QString>

class QNetworkReply;
class QTimer;

namespace veloce {

// Bounds one QNetworkReply in size and in total time (docs/freqtrade.md "Limits"). Qt's transfer
// timeout only notices silence: a server that keeps sending -- an endless stream, a byte every
// 100 ms -- is never cut by it, and a reply buffered whole grows without limit. The guard aborts
// the reply once more than maxBytes have arrived (or a Content-Length announces more) or once
// deadlineMs have passed since attach(), and remembers why, so that the code reading the
// finished reply reports "reply exceeded 64 MiB" / "did not complete within N ms" instead of
// "operation canceled".
//
// Threads: a child of the reply, created on the reply's thread by attach(); its timer and slots
// run there. verdict()/describe() are for that thread too (after finished()).
class NetworkReplyGuard : public QObject
{
    Q_OBJECT
public:
    // Whole replies (InfluxDB statements, writes and polls, every FreqTrade answer) and single
    // lines of a streamed InfluxDB reply. FreqTrade's and InfluxDB's real answers to Veloce's
    // requests are far below it (a 10 000-row poll is about 1.5 MB).
    static constexpr qint64 kMaxReplyBytes = qint64(64) << 20;
    static constexpr qint64 kUnlimited = -1;

    enum class Verdict
    {
        None, // not aborted by a guard
        TooLarge,
        TooSlow
    };

    // maxBytes: kUnlimited for replies read piecewise with their own bound (streams);
    // deadlineMs <= 0: no deadline. deadlineKey names the setting in messages
    // ("influx_timeout_ms").
    static void attach(QNetworkReply* reply, qint64 maxBytes, int deadlineMs, const QString& deadlineKey);
    static Verdict verdict(const QNetworkReply* reply);
    // "reply exceeded 64 MiB", "did not complete within 300 ms (influx_timeout_ms)" (bytes
    // came, the end did not) or "did not answer within 300 ms (...)" (nothing came); empty for
    // Verdict::None.
    static QString describe(const QNetworkReply* reply);
    // 64 MiB, 512 KiB, 100 bytes.
    static QString sizeText(qint64 bytes);

private:
    NetworkReplyGuard(QNetworkReply* reply, qint64 maxBytes, int deadlineMs, QString deadlineKey);
    void check(qint64 received);
    void stop(Verdict why);
    static const NetworkReplyGuard* of(const QNetworkReply* reply);

    QNetworkReply* m_reply;
    qint64 m_maxBytes;
    int m_deadlineMs;
    QString m_deadlineKey;
    bool m_answered = false; // headers or bytes arrived
    Verdict m_verdict = Verdict::None;
};

} // namespace veloce
