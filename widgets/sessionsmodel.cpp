#include "sessionsmodel.h"

#include "displayformat.h"
#include "theme.h"

#include <QBrush>

namespace veloce {

SessionsModel::SessionsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SessionsModel::setSessions(std::vector<JournalSessionInfo> sessions)
{
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

int SessionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionsModel::endText(const JournalSessionInfo& s) const
{
    if (s.endedMs <= 0)
        return tr("running, or ended without an end row");
    QString reason = s.endReason;
    if (reason == QLatin1String("finished"))
        reason = tr("end of data");
    else if (reason == QLatin1String("stopped"))
        reason = tr("stopped");
    else if (reason == QLatin1String("failed"))
        reason = tr("failed");
    else if (reason == QLatin1String("shutdown"))
        reason = tr("app closed");
    return tr("%1 (%2)").arg(DisplayFormat::dateTime(s.endedMs, false), reason);
}

QVariant SessionsModel::raw(const JournalSessionInfo& s, int column) const
{
    switch (column) {
    case Id:
        return qint64(s.id);
    case Started:
        return qint64(s.startedMs);
    case Ended:
        return qint64(s.endedMs);
    case Source:
        return s.source;
    case Mode:
        return s.mode;
    case Broker:
        return s.broker;
    case Trades:
        return qint64(s.trades);
    case Pnl:
        return s.pnl;
    case Halted:
        return s.endedHalted;
    default:
        return {};
    }
}

QVariant SessionsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const JournalSessionInfo& s = m_sessions[std::size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::UserRole:
        return raw(s, c);
    case IdRole:
        return qint64(s.id);
    case Qt::DisplayRole:
        switch (c) {
        case Id:
            return QString::number(s.id);
        case Started:
            return DisplayFormat::dateTime(s.startedMs, false);
        case Ended:
            return endText(s);
        case Source:
            return s.source;
        case Mode:
            return s.mode;
        case Broker:
            return s.broker;
        case Trades:
            return DisplayFormat::count(s.trades);
        case Pnl:
            return DisplayFormat::money(s.pnl, true);
        case Halted:
            return s.endedHalted ? tr("HALTED") : tr("no");
        }
        return {};
    case Qt::ToolTipRole:
        if (c == Halted)
            return s.endedHalted ? tr("Trading was halted when this session ended (kill switch or breaker)")
                                 : tr("Trading was active when this session ended");
        if (c == Source && s.recoveredFrom > 0)
            return tr("Continued the account of session %1").arg(s.recoveredFrom);
        return {};
    case Qt::TextAlignmentRole:
        return c == Trades || c == Pnl || c == Id ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                  : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (c == Pnl)
            return QBrush(s.pnl > 0 ? Theme::up() : s.pnl < 0 ? Theme::down() : Theme::text());
        if (c == Halted && s.endedHalted)
            return QBrush(Theme::down());
        return {};
    default:
        return {};
    }
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("#");
    case Started:
        return tr("Started");
    case Ended:
        return tr("Ended");
    case Source:
        return tr("Source");
    case Mode:
        return tr("Mode");
    case Broker:
        return tr("Broker");
    case Trades:
        return tr("Trades");
    case Pnl:
        return tr("PnL");
    case Halted:
        return tr("Ended halted");
    default:
        return {};
    }
}

} // namespace veloce
