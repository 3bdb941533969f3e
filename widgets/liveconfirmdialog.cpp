#include "liveconfirmdialog.h"

#include "theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace veloce {

LiveConfirmDialog::LiveConfirmDialog(const QString& endpoint, const QString& pair, QWidget* parent)
    : QDialog(parent)
    , m_input(new QLineEdit(this))
    , m_start(nullptr)
{
    setObjectName(QStringLiteral("liveConfirmDialog"));
    setWindowTitle(tr("Start a LIVE session"));
    const QString word = QString::fromLatin1(kWord);
    auto* text = new QLabel(tr("Veloce will send REAL orders for %1 to the FreqTrade bot at %2. The session "
                               "starts only if the bot reports that it trades live.\n\nType %3 to confirm.")
                                .arg(pair, endpoint, word),
        this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    m_input->setObjectName(QStringLiteral("liveConfirmInput"));
    m_input->setPlaceholderText(word);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start live session"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("liveConfirmStart"));
    m_start->setEnabled(false);
    m_start->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::down().name()));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_input);
    layout->addWidget(buttons);
    connect(m_input, &QLineEdit::textChanged, this, [this] { m_start->setEnabled(confirmed()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (confirmed())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool LiveConfirmDialog::confirmed() const
{
    return m_input->text() == QLatin1String(kWord); // exactly: not "live", not " LIVE"
}

bool LiveConfirmDialog::ask(QWidget* parent, const QString& endpoint, const QString& pair)
{
    LiveConfirmDialog dialog(endpoint, pair, parent);
    return dialog.exec() == QDialog::Accepted && dialog.confirmed();
}

} // namespace veloce
