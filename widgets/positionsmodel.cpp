#include "positionsmodel.h"

#include "displayformat.h"
#include "theme.h"

#include <QBrush>
#include <algorithm>

namespace veloce {

PositionsModel::PositionsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PositionsModel::setPositions(const std::vector<Position>& positions, std::int64_t nowMs)
{
    m_nowMs = nowMs;
    // Remove rows whose id is gone (from the bottom up, so indexes stay valid)...
    for (int row = int(m_positions.size()) - 1; row >= 0; --row) {
        const std::int64_t id = m_positions[std::size_t(row)].id;
        const bool kept
            = std::any_of(positions.begin(), positions.end(), [id](const Position& p) { return p.id == id; });
        if (!kept) {
            beginRemoveRows(QModelIndex(), row, row);
            m_positions.erase(m_positions.begin() + row);
            endRemoveRows();
        }
    }
    // ...update the survivors in place, and append new ones (ids only grow: new rows go last).
    std::vector<Position> added;
    for (const Position& p : positions) {
        auto it = std::find_if(
            m_positions.begin(), m_positions.end(), [&](const Position& q) { return q.id == p.id; });
        if (it != m_positions.end())
            *it = p;
        else
            added.push_back(p);
    }
    if (!m_positions.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_positions.size()) - 1, ColumnCount - 1));
    if (!added.empty()) {
        const int first = int(m_positions.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_positions.insert(m_positions.end(), added.begin(), added.end());
        endInsertRows();
    }
}

int PositionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_positions.size());
}

int PositionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PositionsModel::raw(const Position& p, int column) const
{
    switch (column) {
    case Side:
        return QString::fromLatin1(sideName(p.side));
    case Entry:
        return p.entry;
    case Last:
        return p.last;
    case Qty:
        return p.qty;
    case Pnl:
        return p.unrealized();
    case PnlPercent:
        return p.entry > 0 ? sign(p.side) * (p.last - p.entry) / p.entry : 0.0;
    case Stop:
        return p.stop;
    case Target:
        return p.target;
    case Score:
        return p.score;
    case Age:
        return qint64(std::max<std::int64_t>(0, m_nowMs - p.entryMs));
    default:
        return {};
    }
}

QVariant PositionsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Position& p = m_positions[std::size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::UserRole:
        return raw(p, c);
    case Qt::DisplayRole:
        switch (c) {
        case Side:
            return p.side == veloce::Side::Long ? tr("LONG") : tr("SHORT");
        case Entry:
        case Last:
        case Stop:
        case Target:
            return DisplayFormat::price(raw(p, c).toDouble());
        case Qty:
            return DisplayFormat::quantity(p.qty);
        case Pnl:
            return DisplayFormat::money(p.unrealized(), true);
        case PnlPercent:
            return DisplayFormat::percent(raw(p, c).toDouble(), 2, true);
        case Score:
            return DisplayFormat::number(p.score, 2);
        case Age:
            return DisplayFormat::duration(double(raw(p, c).toLongLong()));
        }
        return {};
    case Qt::TextAlignmentRole:
        return c == Side ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (c == Side)
            return QBrush(p.side == veloce::Side::Long ? Theme::up() : Theme::down());
        if (c == Pnl || c == PnlPercent) {
            const double u = p.unrealized();
            return QBrush(u > 0 ? Theme::up() : u < 0 ? Theme::down() : Theme::text());
        }
        if (c == Stop)
            return QBrush(Theme::down().lighter(120));
        if (c == Target)
            return QBrush(Theme::up().lighter(120));
        return {};
    default:
        return {};
    }
}

QVariant PositionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Side:
        return tr("Side");
    case Entry:
        return tr("Entry");
    case Last:
        return tr("Last");
    case Qty:
        return tr("Qty");
    case Pnl:
        return tr("Unrealized PnL");
    case PnlPercent:
        return tr("PnL %");
    case Stop:
        return tr("Stop");
    case Target:
        return tr("Target");
    case Score:
        return tr("Score");
    case Age:
        return tr("Age");
    default:
        return {};
    }
}

} // namespace veloce
