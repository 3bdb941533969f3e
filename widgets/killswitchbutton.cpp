#include "killswitchbutton.h"

#include "displayformat.h"
#include "theme.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace veloce {

namespace {
bool isKillChord(const QKeyEvent* e)
{
    const Qt::KeyboardModifiers mods
        = e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier | Qt::MetaModifier);
    return e->key() == Qt::Key_K && mods == (Qt::ControlModifier | Qt::ShiftModifier);
}
} // namespace

KillSwitchButton::KillSwitchButton(QWidget* parent)
    : QWidget(parent)
    , m_button(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_rearm(new QPushButton(tr("Re-arm trading"), this))
{
    setObjectName(QStringLiteral("killSwitch"));
    m_button->setObjectName(QStringLiteral("killSwitchButton"));
    m_button->setText(tr("KILL SWITCH"));
    m_button->setToolTip(
        tr("Halt trading and close every position now (Ctrl+Shift+K). Acts on the first press."));
    m_button->setMinimumSize(190, 46);
    m_button->setFocusPolicy(Qt::NoFocus);
    m_button->setCursor(Qt::PointingHandCursor);
    m_status->setObjectName(QStringLiteral("killSwitchStatus"));
    m_status->setMinimumWidth(230);
    m_status->setWordWrap(true);
    m_rearm->setObjectName(QStringLiteral("killSwitchRearm"));
    m_rearm->setToolTip(tr("Allow new entries again. Trading stays halted until you do this."));
    m_rearm->setVisible(false);

    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(2);
    right->addWidget(m_status);
    right->addWidget(m_rearm, 0, Qt::AlignLeft);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(10);
    layout->addWidget(m_button);
    layout->addLayout(right);

    // pressed, not clicked: the first press acts, without waiting for the release.
    connect(m_button, &QPushButton::pressed, this, &KillSwitchButton::trigger);
    connect(m_rearm, &QPushButton::clicked, this, &KillSwitchButton::rearmRequested);
    qApp->installEventFilter(this);
    applyStyle();
}

KillSwitchButton::~KillSwitchButton()
{
    qApp->removeEventFilter(this);
}

bool KillSwitchButton::eventFilter(QObject* watched, QEvent* event)
{
    // An application-wide filter rather than a QShortcut: it also works while a modal dialog is
    // open, and claiming the ShortcutOverride keeps any other shortcut from taking the chord.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (isKillChord(key)) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return false;
            }
            if (!key->isAutoRepeat())
                trigger();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void KillSwitchButton::trigger()
{
    if (m_state != State::Armed)
        return;
    m_state = State::Pending;
    applyStyle();
    Q_EMIT killRequested();
}

void KillSwitchButton::showArmed()
{
    m_state = State::Armed;
    applyStyle();
}

void KillSwitchButton::showHalted(int flattened, double elapsedMs, const QString& detail)
{
    m_state = State::Halted;
    QString text = tr("TRADING HALTED \u2014 %n position(s) flattened in %1", nullptr, flattened)
                       .arg(DisplayFormat::duration(elapsedMs));
    if (!detail.isEmpty())
        text += QLatin1Char('\n') + detail;
    m_status->setText(text);
    applyStyle();
}

QString KillSwitchButton::statusText() const
{
    return m_status->text();
}

void KillSwitchButton::applyStyle()
{
    const QString base = QStringLiteral(
        "QPushButton#killSwitchButton { color: white; font-weight: 800; font-size: 12pt; letter-spacing: 1px;"
        " border-radius: 5px; padding: 4px 14px; background: %1; border: 2px solid %2; }"
        " QPushButton#killSwitchButton:hover { background: %3; }");
    switch (m_state) {
    case State::Armed:
        m_button->setText(tr("KILL SWITCH"));
        m_button->setStyleSheet(base.arg(
            Theme::kill().name(), Theme::kill().lighter(130).name(), Theme::kill().lighter(115).name()));
        m_status->setText(tr("Trading active \u2014 Ctrl+Shift+K halts and flattens"));
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
        m_rearm->setVisible(false);
        break;
    case State::Pending:
        m_button->setText(tr("HALTING\u2026"));
        m_button->setStyleSheet(base.arg(
            Theme::kill().darker(130).name(), Theme::warning().name(), Theme::kill().darker(130).name()));
        m_status->setText(tr("Halting and flattening\u2026"));
        m_status->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;").arg(Theme::warning().name()));
        break;
    case State::Halted:
        m_button->setText(tr("HALTED"));
        m_button->setStyleSheet(
            base.arg(QStringLiteral("#5c1414"), Theme::kill().name(), QStringLiteral("#5c1414")));
        m_status->setStyleSheet(
            QStringLiteral("color: %1; font-weight: 600;").arg(Theme::down().lighter(115).name()));
        m_rearm->setVisible(true);
        break;
    }
}

} // namespace veloce
