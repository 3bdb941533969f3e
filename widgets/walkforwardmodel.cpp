#include "walkforwardmodel.h"

#include "displayformat.h"
#include "metrictext.h"
#include "theme.h"

#include <QBrush>
#include <QDateTime>
#include <QTimeZone>

namespace veloce {

namespace {
QVariant orNull(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant();
}
} // namespace

WalkForwardModel::WalkForwardModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void WalkForwardModel::setResult(std::shared_ptr<const WalkForwardResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int WalkForwardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->windows.size());
}

int WalkForwardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WalkForwardModel::raw(const WalkForwardWindow& w, int row, int column) const
{
    switch (column) {
    case Window:
        return row + 1;
    case TrainFrom:
        return qint64(w.train.fromMs);
    case TrainTo:
        return qint64(w.train.toMs);
    case TestFrom:
        return qint64(w.test.fromMs);
    case TestTo:
        return qint64(w.test.toMs);
    case Parameters:
        return m_result->grid.describe(w.config);
    case InSample:
        return orNull(w.inSampleObjective);
    case OutOfSample:
        return orNull(w.outOfSampleObjective);
    case InSampleAnnual:
        return w.inSampleAnnualReturn;
    case OutOfSampleAnnual:
        return w.outOfSampleAnnualReturn;
    case Efficiency:
        return orNull(w.efficiency);
    case Trades:
        return qint64(w.outOfSample.totalTrades);
    case DeflatedSharpe:
        return orNull(w.inSampleCheck.deflatedSharpe.probability);
    case Pbo:
        return orNull(w.inSampleCheck.overfitting.probability);
    }
    return {};
}

QString WalkForwardModel::text(const WalkForwardWindow& w, int row, int column) const
{
    const QString objective = m_result->objective.key();
    switch (column) {
    case Window:
        return QStringLiteral("W%1").arg(row + 1);
    case TrainFrom:
    case TrainTo:
    case TestFrom:
    case TestTo: // the header says UTC: nine rows of " UTC" would push the numbers out of view
        return QDateTime::fromMSecsSinceEpoch(raw(w, row, column).toLongLong(), QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Parameters:
        return raw(w, row, column).toString();
    case InSample:
        return MetricText::format(objective, w.inSampleObjective);
    case OutOfSample:
        return MetricText::format(objective, w.outOfSampleObjective);
    case InSampleAnnual:
        return DisplayFormat::percent(w.inSampleAnnualReturn, 1, true);
    case OutOfSampleAnnual:
        return DisplayFormat::percent(w.outOfSampleAnnualReturn, 1, true);
    case Efficiency:
        return w.efficiency ? DisplayFormat::percent(*w.efficiency, 0) : QStringLiteral("\u2014");
    case Trades:
        return DisplayFormat::count(w.outOfSample.totalTrades);
    case DeflatedSharpe: {
        const auto p = w.inSampleCheck.deflatedSharpe.probability;
        return p ? DisplayFormat::percent(*p, 1) : QStringLiteral("\u2014");
    }
    case Pbo: {
        const auto p = w.inSampleCheck.overfitting.probability;
        return p ? DisplayFormat::percent(*p, 1) : QStringLiteral("\u2014");
    }
    }
    return {};
}

QVariant WalkForwardModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_result || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const WalkForwardWindow& w = m_result->windows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return text(w, index.row(), index.column());
    case Qt::UserRole:
        return raw(w, index.row(), index.column());
    case Qt::TextAlignmentRole:
        return int((index.column() == Parameters || index.column() == Window ? Qt::AlignLeft : Qt::AlignRight)
            | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == OutOfSampleAnnual || index.column() == InSampleAnnual) {
            const double v = raw(w, index.row(), index.column()).toDouble();
            return QBrush(v > 0 ? Theme::up() : v < 0 ? Theme::down() : Theme::text());
        }
        return {};
    default:
        return {};
    }
}

QVariant WalkForwardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString objective = m_result ? m_result->objective.key() : QStringLiteral("objective");
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TrainTo:
        case TestTo:
            return tr("end of the span (exclusive)");
        case InSample:
        case InSampleAnnual:
            return tr("in sample: the chosen configuration on the train span");
        case OutOfSample:
        case OutOfSampleAnnual:
        case Trades:
            return tr("out of sample: the chosen configuration on the test span alone");
        case Efficiency:
            return tr("out-of-sample over in-sample annualised return of this window");
        case DeflatedSharpe:
        case Pbo:
            return tr(
                "overfitting check of the in-sample choice among every configuration on the train span");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Window:
        return tr("Window");
    case TrainFrom:
        return tr("Train from (UTC)");
    case TrainTo:
        return tr("Train to");
    case TestFrom:
        return tr("Test from");
    case TestTo:
        return tr("Test to");
    case Parameters:
        return tr("Chosen parameters");
    case InSample:
        return tr("IS %1").arg(objective);
    case OutOfSample:
        return tr("OOS %1").arg(objective);
    case InSampleAnnual:
        return tr("IS annualised");
    case OutOfSampleAnnual:
        return tr("OOS annualised");
    case Efficiency:
        return tr("Efficiency");
    case Trades:
        return tr("OOS trades");
    case DeflatedSharpe:
        return tr("IS deflated Sharpe");
    case Pbo:
        return tr("IS PBO");
    }
    return {};
}

} // namespace veloce
