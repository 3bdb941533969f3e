#include "tradedetails.h"

#include "displayformat.h"
#include "scorebars.h"
#include "theme.h"

#include <QGridLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace veloce {

namespace {
QLabel* line(QWidget* parent, const QString& name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString colored(const QColor& c, const QString& text)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(c.name(), text.toHtmlEscaped());
}
} // namespace

TradeDetails::TradeDetails(QWidget* parent)
    : QFrame(parent)
    , m_title(line(this, QStringLiteral("tradeTitle")))
    , m_entry(line(this, QStringLiteral("tradeEntry")))
    , m_exit(line(this, QStringLiteral("tradeExit")))
    , m_noScores(line(this, QStringLiteral("tradeNoScores")))
    , m_scores(new ScoreBars(this))
{
    setObjectName(QStringLiteral("tradeDetails"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setStyleSheet(
        QStringLiteral("QFrame#tradeDetails { background: %1; border: 1px solid %2; border-radius: 6px; }")
            .arg(Theme::panel().name(), Theme::accent().name()));
    m_title->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_scores->setObjectName(QStringLiteral("tradeEntryScores"));
    m_scores->setFixedHeight(132);
    m_scores->setToolTip(tr("The five phase scores of the entry bar, as the strategy computed them"));
    m_noScores->setText(colored(Theme::mutedText(),
        tr("Phase scores not recorded (position restored from the journal or read from trades.csv)")));
    m_noScores->setWordWrap(true);
    m_noScores->hide();
    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("tradeDetailsClose"));
    close->setText(QStringLiteral("\u00d7"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide the trade details (Esc)"));
    connect(close, &QToolButton::clicked, this, &TradeDetails::closeRequested);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(close, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 8);
    layout->setSpacing(3);
    layout->addLayout(top);
    layout->addWidget(m_entry);
    layout->addWidget(m_scores);
    layout->addWidget(m_noScores);
    layout->addWidget(m_exit);
    // Wide enough for the entry line (time, price, score) on one line; both lines wrap rather
    // than cut when a locale's text is longer.
    m_entry->setWordWrap(true);
    setFixedWidth(400);
}

void TradeDetails::setThreshold(double minEntryScore)
{
    m_scores->setThreshold(minEntryScore);
}

QString TradeDetails::exitExplanation(ExitReason reason)
{
    switch (reason) {
    case ExitReason::Stop:
        return tr("stop hit: the close crossed the stop");
    case ExitReason::Target:
        return tr("target reached: the close crossed the target");
    case ExitReason::End:
        return tr("end of data: closed at the last close");
    case ExitReason::Kill:
        return tr("kill switch: flattened");
    case ExitReason::Manual:
        return tr("closed by hand or at the venue");
    }
    return {};
}

void TradeDetails::setTrade(const Trade& t)
{
    m_trade = t;
    const bool isLong = t.side == Side::Long;
    const QColor pnlColor = t.pnl > 0 ? Theme::up() : t.pnl < 0 ? Theme::down() : Theme::text();
    m_title->setText(tr("Trade #%1 %2 \u00b7 PnL %3")
                         .arg(QString::number(t.positionId),
                             colored(isLong ? Theme::up() : Theme::down(), isLong ? tr("LONG") : tr("SHORT")),
                             colored(pnlColor, DisplayFormat::money(t.pnl, true))));
    m_entry->setText(tr("Entered %1 at %2 \u00b7 score %3")
                         .arg(DisplayFormat::dateTime(t.entryMs), DisplayFormat::price(t.entryPrice),
                             DisplayFormat::number(t.score, 2)));
    m_exit->setText(tr("Left %1 at %2 after %3: %4")
                        .arg(DisplayFormat::dateTime(t.exitMs), DisplayFormat::price(t.exitPrice),
                            DisplayFormat::duration(double(t.exitMs - t.entryMs)),
                            colored(Theme::warning(), exitExplanation(t.reason))));
    m_exit->setWordWrap(true);
    const bool recorded = t.hasEntryScores();
    m_scores->setScores(recorded ? t.entryScores : PhaseScores());
    m_scores->setVisible(recorded);
    m_noScores->setVisible(!recorded);
    adjustSize();
}

bool TradeDetails::scoresRecorded() const
{
    return m_trade.hasEntryScores();
}

QString TradeDetails::titleText() const
{
    return m_title->text();
}

QString TradeDetails::entryText() const
{
    return m_entry->text();
}

QString TradeDetails::exitText() const
{
    return m_exit->text();
}

} // namespace veloce
