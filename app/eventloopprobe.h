#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

namespace veloce {

// Measures how responsive the GUI thread is: a precise timer asks to run every kIntervalMs and
// records how late each tick comes. A tick is late by as long as the event loop was busy, so the
// percentiles of the lateness are the latency a user's click would have seen.
class EventLoopProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5;

    explicit EventLoopProbe(QObject* parent = nullptr);
    void start();
    void stop();
    std::size_t samples() const { return m_lateMs.size(); }
    // Lateness in ms at quantile q (0..1), e.g. 0.99 for p99.
    double quantile(double q) const;
    double maxMs() const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<double> m_lateMs;
};

} // namespace veloce
