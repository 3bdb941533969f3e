#pragma once

#include <QToolBar>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace veloce {

// Replay you can control, for file replays and simulator sessions: pause/resume, one bar at a
// time, a speed from 1× to as fast as possible, and a jump forward to a bar time (UTC). Each has
// an action with a keyboard shortcut (listed in the Replay menu): Space pauses and resumes, "."
// steps one bar, "]" and "[" change the speed, Ctrl+J jumps. A view: it emits what the user asks
// for and shows the state it is given (setState); the app forwards both to the feed.
class ReplayControls : public QToolBar
{
    Q_OBJECT
public:
    explicit ReplayControls(QWidget* parent = nullptr);

    // The speed steps of the control, slowest first; 0 (as fast as possible) is last.
    static const QList<double>& speeds();
    static QString speedText(double speed);

    // Enabled while a replay or simulator session runs (live sources cannot be paced).
    void setControllable(bool on, const QString& why = QString());
    bool controllable() const { return m_controllable; }
    void setState(bool paused, double speed, qint64 runToMs);
    // The newest bar time: where a jump can start from.
    void setPosition(qint64 barMs);

    bool paused() const { return m_paused; }
    double speed() const { return m_speed; }
    QAction* pauseAction() const { return m_pause; }
    QAction* stepAction() const { return m_step; }
    QAction* fasterAction() const { return m_faster; }
    QAction* slowerAction() const { return m_slower; }
    QAction* jumpAction() const { return m_jump; }
    QComboBox* speedBox() const { return m_speedBox; }
    QDateTimeEdit* jumpEdit() const { return m_jumpEdit; }
    QString stateText() const;

Q_SIGNALS:
    void pauseRequested(bool paused);
    void stepRequested();
    void speedRequested(double speed);
    void jumpRequested(qint64 barMs);

private:
    void changeSpeed(int steps);
    void updateTexts();

    QAction* m_pause;
    QAction* m_step;
    QAction* m_faster;
    QAction* m_slower;
    QAction* m_jump;
    QComboBox* m_speedBox;
    QDateTimeEdit* m_jumpEdit;
    QLabel* m_state;
    bool m_controllable = false;
    bool m_paused = false;
    double m_speed = 1;
    qint64 m_runToMs = 0;
    qint64 m_positionMs = 0;
    qint64 m_proposedMs = 0; // the jump time last proposed (the user has not picked one)
};

} // namespace veloce
