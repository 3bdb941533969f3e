#pragma once

#include "sourcespec.h"
#include "types/config.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace veloce {

// Where the bars of a run come from, as a form: the simulator (length, seed), a file (browse, or
// drop it on the window; format) or InfluxDB (URL, database, markets), and an optional UTC range.
// The Backtest panel and the Optimizer both pick their data with it; it only builds a SourceSpec.
class SourcePicker : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePicker(QWidget* parent = nullptr);

    // The source as the form describes it. Throws UsageError with a message for the user.
    SourceSpec sourceSpec(const Config& config) const;
    void setFile(const QString& path);
    void setSimulator(std::int64_t bars, quint64 seed);

private:
    void browse();

    QComboBox* m_kind;
    QStackedWidget* m_pages;
    QSpinBox* m_simBars;
    QLineEdit* m_simSeed;
    QLineEdit* m_path;
    QComboBox* m_format;
    QLineEdit* m_influxUrl;
    QLineEdit* m_influxDb;
    QLineEdit* m_markets;
    QCheckBox* m_limit;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
};

} // namespace veloce
