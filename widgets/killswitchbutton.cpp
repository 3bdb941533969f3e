#include "killswitchbutton.h"

#include "displayformat.h"
#include "theme.h"

#include <QApplication>
#include <QFontMetrics>
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
    // The status is two lines of fixed size and the re-arm button keeps its place while hidden:
    // turning HALTED changes no widget's size, so nothing below the toolbar moves.
    m_status->setObjectName(QStringLiteral("killSwitchStatus"));
    m_status->setFixedWidth(kStatusWidth);
    m_status->setWordWrap(false);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_rearm->setObjectName(QStringLiteral("killSwitchRearm"));
    m_rearm->setToolTip(tr("Allow new entries again. Trading stays halted until you do this."));
    QSizePolicy keep = m_rearm->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_rearm->setSizePolicy(keep);
    m_rearm->setVisible(false);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(10);
    layout->addWidget(m_button);
    layout->addWidget(m_status);
    layout->addWidget(m_rearm, 0, Qt::AlignVCenter);

    // pressed, not clicked: the first press acts, without waiting for the release.
    connect(m_button, &QPushButton::pressed, this, &KillSwitchButton::trigger);
    connect(m_rearm, &QPushButton::clicked, this, &KillSwitchButton::rearmRequested);
    qApp->installEventFilter(this);
    applyStyle();
    // Room for two lines whatever the state: the toolbar's height never changes.
    m_status->setFixedHeight(QFontMetrics(m_status->font()).lineSpacing() * 2 + 6);
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
    const QString text = tr("TRADING HALTED \u2014 %n position(s) flattened in %1", nullptr, flattened)
                             .arg(DisplayFormat::duration(elapsedMs));
    setStatus(text, detail);
    applyStyle();
}

void KillSwitchButton::setStatus(const QString& first, const QString& second)
{
    // Two lines at most, each cut to the label's width; the whole text is in the tooltip.
    m_fullStatus = second.isEmpty() ? first : first + QLatin1Char('\n') + second;
    QFont bold = m_status->font();
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics fm(bold);
    QString shown = fm.elidedText(first, Qt::ElideRight, kStatusWidth);
    if (!second.isEmpty())
        shown += QLatin1Char('\n') + fm.elidedText(second, Qt::ElideRight, kStatusWidth);
    m_status->setText(shown);
    m_status->setToolTip(m_fullStatus);
}

QString KillSwitchButton::statusText() const
{
    return m_fullStatus;
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
        setStatus(tr("Trading active"), tr("Ctrl+Shift+K halts and flattens"));
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
        m_rearm->setVisible(false);
        break;
    case State::Pending:
        m_button->setText(tr("HALTING\u2026"));
        m_button->setStyleSheet(base.arg(
            Theme::kill().darker(130).name(), Theme::warning().name(), Theme::kill().darker(130).name()));
        setStatus(tr("Halting and flattening\u2026"));
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
