#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace veloce {

// The emergency stop: a large red button that is always visible and answers Ctrl+Shift+K from
// anywhere in the application (dialogs included). It acts on the first press -- no confirmation
// in the way -- by emitting killRequested(); whoever owns the kill switch halts and flattens and
// reports back with showHalted(). Trading stays halted until the user presses "Re-arm", which
// only emits rearmRequested(): the owner decides and calls showArmed().
class KillSwitchButton : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Armed,
        Pending,
        Halted
    };

    explicit KillSwitchButton(QWidget* parent = nullptr);
    ~KillSwitchButton() override;

    State state() const { return m_state; }
    QString statusText() const;

public Q_SLOTS:
    // Same as pressing the button or the shortcut.
    void trigger();
    void showArmed();
    // `flattened` positions closed in `elapsedMs`; `detail` is shown as well (e.g. not flat yet).
    void showHalted(int flattened, double elapsedMs, const QString& detail = QString());

Q_SIGNALS:
    void killRequested();
    void rearmRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static constexpr int kStatusWidth = 330;
    void applyStyle();
    void setStatus(const QString& first, const QString& second = QString());

    QPushButton* m_button;
    QLabel* m_status;
    QPushButton* m_rearm;
    State m_state = State::Armed;
    QString m_fullStatus;
};

} // namespace veloce
