#pragma once

#include <QFrame>

class QLabel;

namespace veloce {

// One number of the dashboard: a caption, the value in large type and an optional note below,
// tinted green/red when the value is good/bad.
class StatCard : public QFrame
{
    Q_OBJECT
public:
    enum class Tone
    {
        Neutral,
        Good,
        Bad
    };

    enum class Size
    {
        Regular, // caption, large value, note below
        Compact, // one line: caption and value (the note goes into the tooltip)
    };

    StatCard(
        const QString& key, const QString& caption, QWidget* parent = nullptr, Size size = Size::Regular);

    QString key() const { return m_key; }
    QString caption() const;
    void setValue(const QString& value, Tone tone = Tone::Neutral, const QString& note = QString());
    void setToolTipText(const QString& text) { setToolTip(text); }
    QString value() const;
    QString note() const;

private:
    QString m_key;
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_note;
    Size m_size;
};

} // namespace veloce
