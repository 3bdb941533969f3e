#include "signalreasonsmodel.h"

#include "displayformat.h"
#include "theme.h"

#include <QBrush>

namespace veloce {

SignalReasonsModel::SignalReasonsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SignalReasonsModel::tally(const SignalRecord& r)
{
    const int row = r.accepted ? 0 : static_cast<int>(r.reason);
    if (row < 0 || row >= kRows)
        return;
    ++m_counts[std::size_t(row)][r.signal.side == veloce::Side::Long ? 0 : 1];
    ++m_total;
}

void SignalReasonsModel::setSignals(const std::vector<SignalRecord>& records)
{
    m_counts = {};
    m_total = 0;
    for (const SignalRecord& r : records)
        tally(r);
    Q_EMIT dataChanged(index(0, 0), index(kRows - 1, ColumnCount - 1));
}

void SignalReasonsModel::addSignal(const SignalRecord& record)
{
    tally(record);
    // Every share changes with the total.
    Q_EMIT dataChanged(index(0, Long), index(kRows - 1, ColumnCount - 1));
}

void SignalReasonsModel::clear()
{
    setSignals({});
}

std::int64_t SignalReasonsModel::count(RejectReason reason, veloce::Side side) const
{
    return m_counts[std::size_t(reason)][side == veloce::Side::Long ? 0 : 1];
}

int SignalReasonsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kRows;
}

int SignalReasonsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SignalReasonsModel::decisionText(RejectReason reason)
{
    switch (reason) {
    case RejectReason::None:
        return tr("Accepted");
    case RejectReason::Cooldown:
        return tr("Rejected: cooldown");
    case RejectReason::Size:
        return tr("Rejected: size is zero");
    case RejectReason::MaxPositions:
        return tr("Rejected: max open positions");
    case RejectReason::Drawdown:
        return tr("Rejected: drawdown limit");
    case RejectReason::Margin:
        return tr("Rejected: not enough margin");
    case RejectReason::Halted:
        return tr("Rejected: trading halted");
    }
    return {};
}

QVariant SignalReasonsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= kRows || index.column() >= ColumnCount)
        return {};
    const auto& row = m_counts[std::size_t(index.row())];
    const std::int64_t sum = row[0] + row[1];
    const double share = m_total > 0 ? double(sum) / double(m_total) : 0.0;
    switch (role) {
    case Qt::UserRole:
        switch (index.column()) {
        case Decision:
            return QString::fromLatin1(
                index.row() == 0 ? "accepted" : rejectReasonName(RejectReason(index.row())));
        case Long:
            return qint64(row[0]);
        case Short:
            return qint64(row[1]);
        case Total:
            return qint64(sum);
        case Share:
            return share;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Decision:
            return decisionText(RejectReason(index.row()));
        case Long:
            return DisplayFormat::count(row[0]);
        case Short:
            return DisplayFormat::count(row[1]);
        case Total:
            return DisplayFormat::count(sum);
        case Share:
            return DisplayFormat::percent(share, 1);
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Decision ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                          : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Decision)
            return QBrush(index.row() == 0 ? Theme::up() : sum > 0 ? Theme::text() : Theme::mutedText());
        return sum > 0 ? QVariant() : QVariant(QBrush(Theme::mutedText()));
    default:
        return {};
    }
}

QVariant SignalReasonsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Decision:
        return tr("Decision");
    case Long:
        return tr("Long");
    case Short:
        return tr("Short");
    case Total:
        return tr("Total");
    case Share:
        return tr("Share");
    default:
        return {};
    }
}

} // namespace veloce
