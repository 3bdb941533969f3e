#include "tradesmodel.h"

#include "displayformat.h"
#include "theme.h"

#include <QBrush>
#include <algorithm>

namespace veloce {

TradesModel::TradesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TradesModel::setTrades(std::vector<Trade> trades)
{
    beginResetModel();
    m_trades = std::move(trades);
    m_lastId = 0;
    for (const Trade& t : m_trades)
        m_lastId = std::max(m_lastId, t.positionId);
    endResetModel();
}

void TradesModel::appendTrades(const std::vector<Trade>& trades)
{
    std::vector<Trade> fresh;
    for (const Trade& t : trades) {
        // Position ids increase, but positions may close out of order: check the whole list only
        // for ids at or below the newest seen.
        const bool seen = t.positionId <= m_lastId
            && std::any_of(m_trades.rbegin(), m_trades.rend(),
                [&](const Trade& o) { return o.positionId == t.positionId; });
        if (!seen)
            fresh.push_back(t);
    }
    if (fresh.empty())
        return;
    const int first = int(m_trades.size());
    beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
    for (const Trade& t : fresh) {
        m_trades.push_back(t);
        m_lastId = std::max(m_lastId, t.positionId);
    }
    endInsertRows();
}

int TradesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_trades.size());
}

int TradesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TradesModel::reasonText(ExitReason reason)
{
    switch (reason) {
    case ExitReason::Stop:
        return tr("stop");
    case ExitReason::Target:
        return tr("target");
    case ExitReason::End:
        return tr("end of data");
    case ExitReason::Kill:
        return tr("kill switch");
    case ExitReason::Manual:
        return tr("manual");
    }
    return {};
}

QVariant TradesModel::raw(const Trade& t, int column) const
{
    switch (column) {
    case Id:
        return qint64(t.positionId);
    case Side:
        return QString::fromLatin1(sideName(t.side));
    case EntryTime:
        return qint64(t.entryMs);
    case ExitTime:
        return qint64(t.exitMs);
    case EntryPrice:
        return t.entryPrice;
    case ExitPrice:
        return t.exitPrice;
    case Qty:
        return t.qty;
    case Pnl:
        return t.pnl;
    case Fees:
        return t.fees;
    case Reason:
        return QString::fromLatin1(exitReasonName(t.reason));
    case Score:
        return t.score;
    case Held:
        return qint64(t.exitMs - t.entryMs);
    default:
        return {};
    }
}

QVariant TradesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Trade& t = m_trades[std::size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::UserRole:
        return raw(t, c);
    case Qt::DisplayRole:
        switch (c) {
        case Id:
            return QString::number(t.positionId);
        case Side:
            return t.side == veloce::Side::Long ? tr("LONG") : tr("SHORT");
        case EntryTime:
            return DisplayFormat::dateTime(t.entryMs);
        case ExitTime:
            return DisplayFormat::dateTime(t.exitMs);
        case EntryPrice:
            return DisplayFormat::price(t.entryPrice);
        case ExitPrice:
            return DisplayFormat::price(t.exitPrice);
        case Qty:
            return DisplayFormat::quantity(t.qty);
        case Pnl:
            return DisplayFormat::money(t.pnl, true);
        case Fees:
            return DisplayFormat::money(t.fees);
        case Reason:
            return reasonText(t.reason);
        case Score:
            return DisplayFormat::number(t.score, 2);
        case Held:
            return DisplayFormat::duration(double(t.exitMs - t.entryMs));
        }
        return {};
    case Qt::TextAlignmentRole:
        return c == Side || c == Reason || c == EntryTime || c == ExitTime
            ? int(Qt::AlignLeft | Qt::AlignVCenter)
            : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (c == Side)
            return QBrush(t.side == veloce::Side::Long ? Theme::up() : Theme::down());
        if (c == Pnl)
            return QBrush(t.pnl > 0 ? Theme::up() : t.pnl < 0 ? Theme::down() : Theme::text());
        return {};
    default:
        return {};
    }
}

QVariant TradesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("#");
    case Side:
        return tr("Side");
    case EntryTime:
        return tr("Entry time");
    case ExitTime:
        return tr("Exit time");
    case EntryPrice:
        return tr("Entry");
    case ExitPrice:
        return tr("Exit");
    case Qty:
        return tr("Qty");
    case Pnl:
        return tr("PnL");
    case Fees:
        return tr("Fees");
    case Reason:
        return tr("Exit reason");
    case Score:
        return tr("Score");
    case Held:
        return tr("Held");
    default:
        return {};
    }
}

} // namespace veloce
