#pragma once

#include <QStringList>
#include <QWidget>
#include <nlohmann/json.hpp>
#include <vector>

class QComboBox;
class QLineEdit;
class QStackedWidget;
class QVBoxLayout;

namespace veloce {

// The Optimizer's parameter grid, edited as rows: a config key (any key of the config schema, or
// a dotted bucket such as position_size_by_score.4-5) and either a list of values ("4, 5, 6",
// "range, atr", or a JSON array) or an inclusive range (from, to, step). grid() gives the JSON
// object of a GRID.json file (docs/research.md §1) and setGrid() shows one, so the form and
// `veloce-cli sweep --grid` mean the same thing; Grid::fromJson checks what the form produces.
class GridForm : public QWidget
{
    Q_OBJECT
public:
    explicit GridForm(QWidget* parent = nullptr);

    // The keys offered in each row's key box (it is editable: any key may be typed).
    void setKeys(const QStringList& keys);
    // The base config (ConfigJson::toJson), shown as each key's current value.
    void setBase(const nlohmann::json& base);
    // Replaces the rows; list values are written back as text, ranges into their fields.
    void setGrid(const nlohmann::ordered_json& grid);
    // The grid object. Throws ConfigError(source, key, problem) for a row it cannot read.
    nlohmann::ordered_json grid(const QString& source) const;

    int rowCount() const { return int(m_rows.size()); }
    void addRow(const QString& key = QString());
    void removeRow(int row);
    // The row's editors, for tests: kind 0 = list, 1 = range.
    void setRow(int row, const QString& key, const QString& values);
    void setRangeRow(
        int row, const QString& key, const QString& from, const QString& to, const QString& step);

    // "4, 5, 6" -> [4, 5, 6]; "range, atr" -> ["range", "atr"]; "[...]" as JSON. Throws
    // std::invalid_argument with the problem.
    static nlohmann::ordered_json parseList(const QString& text);
    // The inverse of parseList for a list of values.
    static QString listText(const nlohmann::ordered_json& values);

Q_SIGNALS:
    void changed();
    void loadRequested();
    void saveRequested();

private:
    struct Row
    {
        QWidget* widget = nullptr;
        QComboBox* key = nullptr;
        QComboBox* kind = nullptr;
        QStackedWidget* pages = nullptr;
        QLineEdit* values = nullptr;
        QLineEdit* from = nullptr;
        QLineEdit* to = nullptr;
        QLineEdit* step = nullptr;
    };
    void showCurrent(const Row& row);
    static nlohmann::ordered_json number(const QString& text, const QString& field);

    QStringList m_keys;
    nlohmann::json m_base;
    std::vector<Row> m_rows;
    QVBoxLayout* m_rowsLayout;
};

} // namespace veloce
