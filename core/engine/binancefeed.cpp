#include "engine/binancefeed.h"

#include "data/aggtraderecorder.h"
#include "data/dataerror.h"

namespace veloce {

BinanceFeed::BinanceFeed(BinanceLiveSource::Settings settings, QObject* parent)
    : LiveFeed(parent)
    , m_settings(std::move(settings))
    , m_description(BinanceLiveSource::describe(m_settings.markets))
{
}

BinanceFeed::~BinanceFeed()
{
    closeRecording(QString());
}

SourceStats BinanceFeed::stats() const
{
    return m_source ? m_source->stats() : SourceStats();
}

void BinanceFeed::start()
{
    if (!m_source) {
        // Created here so that its sockets and timers live, and fire, on the engine thread.
        m_source = new BinanceLiveSource(m_settings, this);
        connect(m_source, &BinanceLiveSource::barReady, this, &BinanceFeed::onBar);
        connect(m_source, &BinanceLiveSource::healthChanged, this, &LiveFeed::healthChanged);
        connect(m_source, &BinanceLiveSource::alive, this, &LiveFeed::alive);
        connect(m_source, &BinanceLiveSource::trouble, this, &LiveFeed::trouble);
        connect(m_source, &BinanceLiveSource::failed, this, &LiveFeed::failed);
    }
    m_source->start();
}

void BinanceFeed::stop()
{
    if (m_source)
        m_source->stop();
    closeRecording(QString());
}

void BinanceFeed::onBar(const Bar& bar, qint64 originNs)
{
    m_originNs = originNs;
    Q_EMIT barReady(bar);
}

void BinanceFeed::startRecording(const QString& path)
{
    closeRecording(QString());
    if (!m_source) {
        Q_EMIT recordingChanged(false, QStringLiteral("the feed has not started"));
        return;
    }
    try {
        m_recorder = new AggTradeRecorder(path, m_settings.markets, 500, this);
    } catch (const DataError& e) {
        Q_EMIT recordingChanged(false, e.message());
        return;
    }
    connect(m_source, &BinanceLiveSource::tradeAccepted, m_recorder, &AggTradeRecorder::record);
    connect(m_recorder, &AggTradeRecorder::failed, this, [this](const QString& message) {
        Q_EMIT trouble(QStringLiteral("recording stopped: %1").arg(message));
        closeRecording(message);
    });
    Q_EMIT recordingChanged(true, m_recorder->paths().join(QStringLiteral(", ")));
}

void BinanceFeed::stopRecording()
{
    closeRecording(QString());
}

void BinanceFeed::closeRecording(const QString& message)
{
    if (!m_recorder)
        return;
    AggTradeRecorder* r = m_recorder;
    m_recorder = nullptr;
    QString text = message;
    try {
        r->close();
    } catch (const DataError& e) {
        text = e.message();
    }
    const QString summary = text.isEmpty()
        ? QStringLiteral("%1 trades in %2").arg(r->trades()).arg(r->paths().join(QStringLiteral(", ")))
        : text;
    r->deleteLater();
    Q_EMIT recordingChanged(false, summary);
}

} // namespace veloce
