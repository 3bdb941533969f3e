#pragma once

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace veloce {

class StatCard;

// The top of a result view (the Optimizer's sweep and walk-forward views): a headline, a muted
// notice line under it, one action button on the right, and a row of stat cards found by key.
class ResultHeader : public QWidget
{
    Q_OBJECT
public:
    ResultHeader(const QString& actionText, const QString& actionName, QWidget* parent = nullptr);

    StatCard* addCard(const QString& key, const QString& caption, const QString& tip);
    StatCard* card(const QString& key) const { return m_cards.value(key); }
    // Every card back to an em dash.
    void clearCards();
    void setHeadline(const QString& text);
    QString headline() const;
    void setNotice(const QString& text);
    QPushButton* action() const { return m_action; }

private:
    QLabel* m_headline;
    QLabel* m_notice;
    QPushButton* m_action;
    QHBoxLayout* m_cardRow;
    QHash<QString, StatCard*> m_cards;
};

} // namespace veloce
