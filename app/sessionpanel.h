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

// Live-session controls: source (the built-in simulator, a file replayed with its bar times, or
// live InfluxDB polling), speed, where orders go (paper, FreqTrade dry-run, FreqTrade live),
// Start / Stop, and the session's state.
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
    void setState(const QString& text, bool error = false);
    QString stateText() const;

Q_SIGNALS:
    void startRequested();
    void stopRequested();

private:
    QComboBox* m_kind;
    QComboBox* m_broker;
    QLineEdit* m_seed;
    QLineEdit* m_path;
    QLineEdit* m_markets;
    QDoubleSpinBox* m_speed;
    QPushButton* m_start;
    QPushButton* m_stop;
    QLabel* m_state;
};

} // namespace veloce
