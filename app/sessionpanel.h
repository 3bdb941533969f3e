#pragma once

#include "sourcespec.h"
#include "types/config.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace veloce {

// Live-session controls: source (the built-in simulator, a file replayed with its bar times, live
// InfluxDB polling, or Binance's live trade streams), speed, where orders go (paper, FreqTrade
// dry-run, FreqTrade live), Start / Stop, recording the market of a running Binance session, and
// the session's state.
class SessionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPanel(QWidget* parent = nullptr);

    // Throws UsageError with a message for the user.
    SourceSpec sourceSpec(const Config& config) const;
    double speed() const;
    // "paper" or "freqtrade", and for FreqTrade the mode the bot must be in (DryRun or Live).
    QString broker() const;
    TradingMode brokerMode() const;
    void setSpeed(double speed);
    void setRunning(bool running);
    // Whether the running session can record its market (a Binance feed), and whether it does.
    void setRecordable(bool recordable);
    void setRecording(bool recording, const QString& text);
    bool isRecording() const { return m_recording; }
    // The Binance market field ("btcusdt", "spot:btcusdt,futures:btcusdt").
    void setBinanceMarkets(const QString& markets);
    void setState(const QString& text, bool error = false);
    QString stateText() const;

Q_SIGNALS:
    void startRequested();
    void stopRequested();
    // Record the running session's market into `path` (chosen in a file dialog).
    void recordRequested(const QString& path);
    void stopRecordingRequested();

private:
    QComboBox* m_kind;
    QComboBox* m_broker;
    QLineEdit* m_seed;
    QLineEdit* m_path;
    QLineEdit* m_markets;
    QLineEdit* m_binance;
    QDoubleSpinBox* m_speed;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_record;
    QLabel* m_recordState;
    QLabel* m_state;
    bool m_recording = false;
};

} // namespace veloce
