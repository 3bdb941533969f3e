#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace veloce {

// The typed confirmation before a live FreqTrade session (docs/freqtrade.md "Modes"): live
// orders are real money, so one click is not enough -- the user types the word shown (LIVE)
// and only then can press Start. Says which bot and pair will receive the orders.
class LiveConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr const char* kWord = "LIVE";

    LiveConfirmDialog(const QString& endpoint, const QString& pair, QWidget* parent = nullptr);

    // True when the typed text is exactly kWord (what enables the Start button).
    bool confirmed() const;
    QLineEdit* input() const { return m_input; }
    QPushButton* startButton() const { return m_start; }

    // Runs the dialog modally; true only when the user typed the word and pressed Start.
    static bool ask(QWidget* parent, const QString& endpoint, const QString& pair);

private:
    QLineEdit* m_input;
    QPushButton* m_start;
};

} // namespace veloce
