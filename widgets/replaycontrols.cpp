#include "replaycontrols.h"

#include "displayformat.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace veloce {

ReplayControls::ReplayControls(QWidget* parent)
    : QToolBar(tr("Replay"), parent)
    , m_speedBox(new QComboBox(this))
    , m_jumpEdit(new QDateTimeEdit(this))
    , m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("replayToolBar"));
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_pause = addAction(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("replayPause"));
    m_pause->setShortcut(QKeySequence(Qt::Key_Space));
    m_step = addAction(tr("Step"));
    m_step->setObjectName(QStringLiteral("replayStep"));
    m_step->setShortcut(QKeySequence(Qt::Key_Period));
    m_step->setToolTip(tr("Release one bar (while paused) \u2014 ."));
    m_slower = new QAction(tr("Slower"), this);
    m_slower->setObjectName(QStringLiteral("replaySlower"));
    m_slower->setShortcut(QKeySequence(Qt::Key_BracketLeft));
    m_slower->setToolTip(tr("Previous speed step \u2014 ["));
    m_faster = new QAction(tr("Faster"), this);
    m_faster->setObjectName(QStringLiteral("replayFaster"));
    m_faster->setShortcut(QKeySequence(Qt::Key_BracketRight));
    m_faster->setToolTip(tr("Next speed step \u2014 ]"));
    addAction(m_slower);

    m_speedBox->setObjectName(QStringLiteral("replaySpeed"));
    m_speedBox->setToolTip(tr("Replay speed in multiples of real time ([ and ] change it)"));
    for (const double s : speeds())
        m_speedBox->addItem(speedText(s), s);
    addWidget(m_speedBox);
    addAction(m_faster);
    addSeparator();

    m_jumpEdit->setObjectName(QStringLiteral("replayJumpTime"));
    m_jumpEdit->setTimeSpec(Qt::UTC);
    m_jumpEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    // No bar yet: a dash rather than a made-up date (the minimum shows the special text).
    m_jumpEdit->setMinimumDateTime(QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc()));
    m_jumpEdit->setSpecialValueText(QStringLiteral("\u2014"));
    m_jumpEdit->setDateTime(m_jumpEdit->minimumDateTime());
    m_jumpEdit->setToolTip(
        tr("Bar time (UTC) to jump to: every bar up to it is processed as fast as possible"));
    addWidget(m_jumpEdit);
    m_jump = addAction(tr("Jump"));
    m_jump->setObjectName(QStringLiteral("replayJump"));
    m_jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_jump->setToolTip(tr("Run forward to the chosen time \u2014 Ctrl+J"));
    addSeparator();
    m_state->setObjectName(QStringLiteral("replayState"));
    m_state->setStyleSheet(QStringLiteral("color: %1; padding-left: 6px;").arg(Theme::mutedText().name()));
    addWidget(m_state);
    for (QAction* a : { m_pause, m_step, m_slower, m_faster, m_jump })
        a->setShortcutContext(Qt::WindowShortcut);

    connect(m_pause, &QAction::triggered, this, [this] { Q_EMIT pauseRequested(!m_paused); });
    connect(m_step, &QAction::triggered, this, [this] {
        if (m_paused)
            Q_EMIT stepRequested();
    });
    connect(m_faster, &QAction::triggered, this, [this] { changeSpeed(1); });
    connect(m_slower, &QAction::triggered, this, [this] { changeSpeed(-1); });
    connect(m_speedBox, &QComboBox::activated, this,
        [this](int index) { Q_EMIT speedRequested(m_speedBox->itemData(index).toDouble()); });
    connect(m_jump, &QAction::triggered, this, [this] {
        const qint64 t = m_jumpEdit->dateTime().toMSecsSinceEpoch();
        if (t > m_positionMs)
            Q_EMIT jumpRequested(t);
    });
    setControllable(false);
}

const QList<double>& ReplayControls::speeds()
{
    static const QList<double> steps { 1, 2, 5, 10, 30, 60, 100, 300, 1000, 3000, 10000, 0 };
    return steps;
}

QString ReplayControls::speedText(double speed)
{
    if (speed <= 0)
        return tr("max");
    return tr("%1\u00d7").arg(DisplayFormat::number(speed, speed < 10 && speed != std::floor(speed) ? 1 : 0));
}

void ReplayControls::setControllable(bool on, const QString& why)
{
    m_controllable = on;
    for (QAction* a : { m_pause, m_step, m_slower, m_faster, m_jump })
        a->setEnabled(on);
    m_speedBox->setEnabled(on);
    m_jumpEdit->setEnabled(on);
    if (!on) {
        m_runToMs = 0;
        m_paused = false;
    }
    m_state->setText(on ? QString() : why);
    updateTexts();
}

void ReplayControls::setState(bool paused, double speed, qint64 runToMs)
{
    m_paused = paused;
    m_speed = speed;
    m_runToMs = runToMs;
    // The box shows the step of the speed (a speed from the panel that is no step is added).
    int index = m_speedBox->findData(speed);
    if (index < 0) {
        m_speedBox->addItem(speedText(speed), speed);
        index = m_speedBox->count() - 1;
    }
    m_speedBox->setCurrentIndex(index);
    updateTexts();
}

void ReplayControls::setPosition(qint64 barMs)
{
    // Keep the proposal a minute ahead until the user picks a time of their own (a time the
    // replay has passed since is no choice any more).
    const qint64 shown = m_jumpEdit->dateTime().toMSecsSinceEpoch();
    const bool follow = shown == m_proposedMs || shown <= barMs;
    m_positionMs = barMs;
    m_jumpEdit->setMinimumDateTime(QDateTime::fromMSecsSinceEpoch(barMs + 1000, QTimeZone::utc()));
    if (follow) {
        m_proposedMs = barMs + 60000;
        m_jumpEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(m_proposedMs, QTimeZone::utc()));
    }
    updateTexts();
}

void ReplayControls::changeSpeed(int steps)
{
    // Steps in the order of speeds(): "max" is the fastest, after 10 000×.
    const QList<double>& all = speeds();
    const auto rank = [](double s) { return s <= 0 ? 1e12 : s; };
    int at = 0;
    for (int i = 0; i < all.size(); ++i) {
        if (rank(all[i]) <= rank(m_speed))
            at = i;
    }
    const int next = std::clamp(at + steps, 0, int(all.size()) - 1);
    if (all[next] != m_speed)
        Q_EMIT speedRequested(all[next]);
}

void ReplayControls::updateTexts()
{
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(
        m_paused ? tr("Resume the replay \u2014 Space") : tr("Pause the replay \u2014 Space"));
    m_step->setEnabled(m_controllable && m_paused);
    if (!m_controllable)
        return;
    QString text = m_paused ? tr("paused") : tr("running at %1").arg(speedText(m_speed));
    if (m_runToMs > 0)
        text = tr("jumping to %1").arg(DisplayFormat::dateTime(m_runToMs));
    else if (m_positionMs > 0)
        text += tr(" \u00b7 bar %1").arg(DisplayFormat::dateTime(m_positionMs));
    m_state->setText(text);
}

QString ReplayControls::stateText() const
{
    return m_state->text();
}

} // namespace veloce
