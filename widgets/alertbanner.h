#pragma once

#include "safety/alert.h"

#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;

namespace veloce {

// The alarm banner across the top of the window (docs/safety.md "Alerts"): the newest open alarm
// in words, how many are open, and an Acknowledge button. Hidden while no alarm is open; it
// stays until a person acknowledges (acknowledgeRequested(); the owner acknowledges in the
// session's AlertLog and hands the remaining alarms back through setAlarms()).
class AlertBanner : public QWidget
{
    Q_OBJECT
public:
    explicit AlertBanner(QWidget* parent = nullptr);

    void setAlarms(const std::vector<Alert>& open);
    QString text() const;
    int alarmCount() const { return m_count; }

Q_SIGNALS:
    void acknowledgeRequested();

private:
    QLabel* m_text;
    QPushButton* m_acknowledge;
    int m_count = 0;
};

} // namespace veloce
