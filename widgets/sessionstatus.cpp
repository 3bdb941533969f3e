#include "sessionstatus.h"

#include "displayformat.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace veloce {

namespace {
QString dot(const QColor& c)
{
    return QStringLiteral("<span style=\"color:%1\">\u25cf</span> ").arg(c.name());
}

QLabel* field(QWidget* parent, const QString& name, const QString& tip)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setToolTip(tip);
    l->setTextFormat(Qt::RichText);
    return l;
}
} // namespace

SessionStatus::SessionStatus(QWidget* parent)
    : QWidget(parent)
    , m_source(field(this, QStringLiteral("statusSource"), tr("Where the bars come from")))
    , m_connection(field(this, QStringLiteral("statusConnection"), tr("State of the data feed")))
    , m_feed(field(this, QStringLiteral("statusFeed"),
          tr("Live exchange feed: delay from the exchange's event time to its arrival here, connections "
             "lost and replaced, and gaps in the trades filled from the exchange's REST API")))
    , m_age(field(
          this, QStringLiteral("statusBarAge"), tr("Time since the last bar was processed (heartbeat)")))
    , m_rate(field(this, QStringLiteral("statusRate"), tr("Bars processed per second")))
    , m_pnl(field(this, QStringLiteral("statusPnl"), tr("Session profit and loss (realised + unrealised)")))
    , m_trading(field(this, QStringLiteral("statusTrading"), tr("Whether new entries are allowed")))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(18);
    for (QLabel* l : { m_source, m_connection, m_feed, m_age, m_rate, m_pnl, m_trading })
        layout->addWidget(l);
    m_feed->setVisible(false);
    setSource(tr("no source"));
    setConnection(Connection::Idle);
    setBarsPerSecond(0);
    setSessionPnl(0, 0);
    setTradingHalted(false);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &SessionStatus::tick);
    m_timer.start();
    tick();
}

void SessionStatus::setSource(const QString& source)
{
    m_source->setText(tr("Source: %1").arg(source.toHtmlEscaped()));
}

void SessionStatus::setConnection(Connection state, const QString& detail)
{
    m_state = state;
    QString text;
    QColor color;
    switch (state) {
    case Connection::Idle:
        text = tr("idle");
        color = Theme::mutedText();
        break;
    case Connection::Connecting:
        text = tr("connecting");
        color = Theme::warning();
        break;
    case Connection::Live:
        text = tr("live");
        color = Theme::up();
        break;
    case Connection::Stale:
        text = tr("stale");
        color = Theme::warning();
        break;
    case Connection::Finished:
        text = tr("finished");
        color = Theme::mutedText();
        break;
    case Connection::Failed:
        text = tr("failed");
        color = Theme::down();
        break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(" \u2014 ") + detail.toHtmlEscaped();
    m_connection->setText(dot(color) + text);
}

void SessionStatus::setFeedHealth(const FeedHealth& h)
{
    using S = FeedHealth::State;
    m_feed->setVisible(h.state != S::None);
    if (h.state == S::None)
        return;
    QString state;
    QColor color;
    switch (h.state) {
    case S::None:
    case S::Live:
        state = tr("live");
        color = Theme::up();
        break;
    case S::Connecting:
        state = tr("connecting");
        color = Theme::warning();
        break;
    case S::WarmingUp:
        state = tr("warming up");
        color = Theme::warning();
        break;
    case S::Repairing:
        state = tr("repairing a gap");
        color = Theme::warning();
        break;
    case S::Reconnecting:
        state = tr("reconnecting");
        color = Theme::down();
        break;
    case S::RateLimited:
        state = tr("rate-limited");
        color = Theme::warning();
        break;
    case S::Failed:
        state = tr("failed");
        color = Theme::down();
        break;
    case S::Stopped:
        state = tr("stopped");
        color = Theme::mutedText();
        break;
    }
    if (!h.detail.isEmpty())
        state += QStringLiteral(" \u2014 ") + h.detail.toHtmlEscaped();
    m_connection->setText(dot(color) + state);
    const QString lag = h.lagMs < 0 ? QStringLiteral("\u2014") : DisplayFormat::duration(h.lagMs);
    m_feed->setText(tr("lag %1 \u00b7 %n reconnect(s)", nullptr, int(h.reconnects)).arg(lag)
        + QStringLiteral(" \u00b7 ") + tr("%n gap(s) repaired", nullptr, int(h.gapsRepaired)));
}

QString SessionStatus::feedText() const
{
    return m_feed->isVisibleTo(this) ? m_feed->text() : QString();
}

void SessionStatus::setLastBarAge(double ageMs)
{
    m_ageAtUpdate = ageMs;
    m_sinceBar.restart();
    tick();
}

double SessionStatus::lastBarAgeMs() const
{
    if (m_ageAtUpdate < 0 || !m_sinceBar.isValid())
        return -1;
    return m_ageAtUpdate + double(m_sinceBar.elapsed());
}

void SessionStatus::setBarsPerSecond(double rate)
{
    m_rate->setText(tr("%1 bars/s").arg(DisplayFormat::number(rate, rate < 10 ? 1 : 0)));
}

void SessionStatus::setSessionPnl(double pnl, double fraction)
{
    const QColor c = pnl > 0 ? Theme::up() : pnl < 0 ? Theme::down() : Theme::text();
    m_pnl->setText(tr("PnL %1").arg(
        QStringLiteral("<span style=\"color:%1\">%2 (%3)</span>")
            .arg(c.name(), DisplayFormat::money(pnl, true), DisplayFormat::percent(fraction, 2, true))));
}

void SessionStatus::setTradingHalted(bool halted)
{
    m_trading->setText(halted ? dot(Theme::down()) + QStringLiteral("<b>%1</b>").arg(tr("TRADING HALTED"))
                              : dot(Theme::up()) + tr("trading active"));
}

void SessionStatus::tick()
{
    const double age = lastBarAgeMs();
    if (age < 0) {
        m_age->setText(tr("last bar: \u2014"));
        return;
    }
    const bool stale = m_state == Connection::Live && age > m_staleAfterMs;
    m_age->setText(dot(stale ? Theme::warning() : Theme::up())
        + tr("last bar %1 ago").arg(DisplayFormat::duration(age)));
}

QString SessionStatus::sourceText() const
{
    return m_source->text();
}
QString SessionStatus::connectionText() const
{
    return m_connection->text();
}
QString SessionStatus::tradingText() const
{
    return m_trading->text();
}
QString SessionStatus::pnlText() const
{
    return m_pnl->text();
}
QString SessionStatus::barAgeText() const
{
    return m_age->text();
}

} // namespace veloce
