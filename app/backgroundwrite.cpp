#include "backgroundwrite.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <exception>

namespace veloce {

void BackgroundWrite::start(
    QObject* context, std::function<void()> write, std::function<void(const QString& error)> done)
{
    QPointer<QObject> guard(context);
    QThread* thread = QThread::create([guard, write = std::move(write), done = std::move(done)] {
        QString error;
        try {
            write();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (QObject* c = guard.data()) // queued onto the context's thread, dropped if it is gone
            QMetaObject::invokeMethod(
                c, [done, error] { done(error); }, Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace veloce
