#pragma once

#include "types/signal.h"

#include <QAbstractTableModel>
#include <array>
#include <vector>

namespace veloce {

// Signals by the portfolio's decision (docs/strategy.md §5): one row for accepted, one per reject
// reason in the order they are checked, with long / short / total counts and the share of all
// signals.
class SignalReasonsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Decision,
        Long,
        Short,
        Total,
        Share,
        ColumnCount
    };
    static constexpr int kRows = static_cast<int>(RejectReason::Halted) + 1; // accepted + 6 reasons

    explicit SignalReasonsModel(QObject* parent = nullptr);

    void setSignals(const std::vector<SignalRecord>& records);
    void addSignal(const SignalRecord& record);
    void clear();
    std::int64_t count(RejectReason reason, Side side) const;
    std::int64_t total() const { return m_total; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString decisionText(RejectReason reason);

private:
    void tally(const SignalRecord& record);

    std::array<std::array<std::int64_t, 2>, kRows> m_counts {};
    std::int64_t m_total = 0;
};

} // namespace veloce
