#pragma once

#include <QNetworkReply>
#include <memory>

namespace veloce {

// The one reply in flight of the asynchronous HTTP clients (InfluxLivePoller, BinanceRestClient),
// released the Qt way: a reply is deleteLater()'d, never deleted inside its own signal.
class PendingReply
{
public:
    using Finished = std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)>;

    // The finished reply, owned by the caller from now on; the slot is free again.
    static Finished take(QNetworkReply*& slot)
    {
        Finished out(slot, [](QNetworkReply* r) { r->deleteLater(); });
        slot = nullptr;
        return out;
    }
    // Gives up the reply in flight: no signal of it reaches `receiver` any more.
    static void abandon(QNetworkReply*& slot, QObject* receiver)
    {
        if (!slot)
            return;
        QNetworkReply* r = slot;
        slot = nullptr;
        r->disconnect(receiver);
        r->abort();
        r->deleteLater();
    }
};

} // namespace veloce
