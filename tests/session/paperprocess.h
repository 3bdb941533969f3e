#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <functional>

// A running `veloce-cli paper` child whose JSON lines are read as they come.
class PaperProcess
{
public:
    explicit PaperProcess(const QStringList& args)
    {
        m_proc.start(QStringLiteral(VELOCE_BINARY_DIR "/app/veloce-cli"),
            QStringList { QStringLiteral("paper") } + args);
    }
    ~PaperProcess()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished();
        }
    }
    QProcess& process() { return m_proc; }

    // Reads what is there without waiting.
    void poll()
    {
        while (m_proc.canReadLine()) {
            const QByteArray line = m_proc.readLine().trimmed();
            const QJsonDocument d = QJsonDocument::fromJson(line);
            if (d.isObject())
                m_lines.append(d.object());
        }
    }
    // Waits until a line satisfies `pred` (returns it) or the time is up (empty object).
    QJsonObject waitFor(const std::function<bool(const QJsonObject&)>& pred, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        std::size_t seen = 0;
        while (true) {
            poll();
            for (; seen < static_cast<std::size_t>(m_lines.size()); ++seen)
                if (pred(m_lines[static_cast<qsizetype>(seen)]))
                    return m_lines[static_cast<qsizetype>(seen)];
            if (t.elapsed() > timeoutMs || m_proc.state() == QProcess::NotRunning)
                return {};
            m_proc.waitForReadyRead(100);
        }
    }
    QJsonObject waitForEvent(const QString& event, int timeoutMs)
    {
        return waitFor(
            [&](const QJsonObject& o) { return o.value(QLatin1String("event")).toString() == event; },
            timeoutMs);
    }
    bool finish(int timeoutMs)
    {
        const bool ok = m_proc.waitForFinished(timeoutMs);
        m_proc.setReadChannel(QProcess::StandardOutput);
        poll();
        // The last line may lack a newline only if the process died mid-write.
        const QByteArray rest = m_proc.readAll().trimmed();
        if (!rest.isEmpty() && QJsonDocument::fromJson(rest).isObject())
            m_lines.append(QJsonDocument::fromJson(rest).object());
        return ok;
    }
    QList<QJsonObject> events(const QString& event) const
    {
        QList<QJsonObject> out;
        for (const auto& o : m_lines)
            if (o.value(QLatin1String("event")).toString() == event)
                out.append(o);
        return out;
    }
    const QList<QJsonObject>& lines() const { return m_lines; }
    QString stderrText() { return QString::fromUtf8(m_proc.readAllStandardError()); }

private:
    QProcess m_proc;
    QList<QJsonObject> m_lines;
};
