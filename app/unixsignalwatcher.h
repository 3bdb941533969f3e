#pragma once

#include <QObject>

class QSocketNotifier;

namespace veloce {

// Turns SIGINT/SIGTERM into a Qt signal on the thread that created the watcher, with the
// self-pipe trick: the handler only write()s a byte (async-signal-safe), a QSocketNotifier reads
// it in the event loop. One instance per process.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject* parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber, const QString& name);

private:
    void onReadable();
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace veloce
