#include "sweepresultsmodel.h"

#include "metrictext.h"
#include "theme.h"

#include <QBrush>
#include <QFont>

namespace veloce {

SweepResultsModel::SweepResultsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    for (const QString& key : metricKeys())
        m_metrics.push_back(*Objective::fromKey(key));
}

QStringList SweepResultsModel::metricKeys()
{
    // Every optimisable field of summary.json (Objective::keys()), returns first.
    return { QStringLiteral("total_return"), QStringLiteral("sharpe_ratio"), QStringLiteral("sortino_ratio"),
        QStringLiteral("max_drawdown"), QStringLiteral("win_rate"), QStringLiteral("profit_factor"),
        QStringLiteral("total_trades"), QStringLiteral("final_equity") };
}

void SweepResultsModel::setResult(std::shared_ptr<const SweepResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    m_rank.clear();
    m_markets = m_result && m_result->markets.size() > 1;
    if (m_result) {
        m_rank.assign(m_result->configs.size(), 0);
        int place = 0;
        for (const SweepRank& r : m_result->ranking) {
            const std::int64_t position = m_result->position(r.config);
            if (position >= 0)
                m_rank[std::size_t(position)] = ++place;
        }
    }
    endResetModel();
}

int SweepResultsModel::firstMetricColumn() const
{
    return 1 + (m_markets ? 1 : 0) + (m_result ? int(m_result->grid.dimensions().size()) : 0);
}

int SweepResultsModel::metricColumn(const QString& key) const
{
    const int i = int(metricKeys().indexOf(key));
    return i < 0 ? -1 : firstMetricColumn() + i;
}

int SweepResultsModel::gridColumn(int dimension) const
{
    return 1 + (m_markets ? 1 : 0) + dimension;
}

std::int64_t SweepResultsModel::configAt(int row) const
{
    return m_result->rows[std::size_t(row)].config;
}

int SweepResultsModel::rankOf(std::int64_t config) const
{
    const std::int64_t position = m_result ? m_result->position(config) : -1;
    return position < 0 ? 0 : m_rank[std::size_t(position)];
}

int SweepResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->rows.size());
}

int SweepResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : firstMetricColumn() + int(m_metrics.size());
}

QVariant SweepResultsModel::raw(const SweepRow& row, int column) const
{
    if (column == 0)
        return rankOf(row.config);
    if (m_markets && column == 1)
        return m_result->markets[row.market].label;
    const int first = firstMetricColumn();
    if (column < first) {
        const std::size_t dimension = std::size_t(column - 1 - (m_markets ? 1 : 0));
        const std::vector<int> at = m_result->grid.coordinates(row.config);
        const nlohmann::json& v = m_result->grid.dimensions()[dimension].values[std::size_t(at[dimension])];
        if (v.is_number())
            return v.get<double>();
        return Grid::valueText(v);
    }
    const std::optional<double> v = m_metrics[std::size_t(column - first)].value(row.summary);
    return v ? QVariant(*v) : QVariant();
}

QString SweepResultsModel::text(const SweepRow& row, int column) const
{
    const int first = firstMetricColumn();
    if (column >= first)
        return MetricText::format(m_metrics[std::size_t(column - first)].key(),
            m_metrics[std::size_t(column - first)].value(row.summary));
    if (column == 0 || (m_markets && column == 1))
        return raw(row, column).toString();
    const std::size_t dimension = std::size_t(column - 1 - (m_markets ? 1 : 0));
    const std::vector<int> at = m_result->grid.coordinates(row.config);
    return Grid::valueText(m_result->grid.dimensions()[dimension].values[std::size_t(at[dimension])]);
}

QVariant SweepResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_result || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const SweepRow& row = m_result->rows[std::size_t(index.row())];
    const int first = firstMetricColumn();
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::UserRole:
        return raw(row, index.column());
    case kConfigRole:
        return qint64(row.config);
    case Qt::TextAlignmentRole:
        return int((index.column() >= first || index.column() == 0 ? Qt::AlignRight : Qt::AlignLeft)
            | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.column() == metricColumn(m_result->objective.key()) || row.config == m_result->best) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == metricColumn(QStringLiteral("total_return")))
            return QBrush(row.summary.totalReturn > 0 ? Theme::up()
                    : row.summary.totalReturn < 0     ? Theme::down()
                                                      : Theme::text());
        return {};
    default:
        return {};
    }
}

QVariant SweepResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || !m_result || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const int first = firstMetricColumn();
    if (role == Qt::ToolTipRole) {
        if (section == 0)
            return tr("Place in the ranking by %1 (1 = best)").arg(m_result->objective.key());
        if (section >= first)
            return metricKeys().at(section - first);
        return {};
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Rank");
    if (m_markets && section == 1)
        return tr("Market");
    if (section < first)
        return m_result->grid.dimensions()[std::size_t(section - 1 - (m_markets ? 1 : 0))].key;
    const QString key = metricKeys().at(section - first);
    return key == m_result->objective.key() ? MetricText::title(key) + QStringLiteral(" \u2605")
                                            : MetricText::title(key);
}

} // namespace veloce
