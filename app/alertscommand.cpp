#include "alertscommand.h"

#include "cliparser.h"
#include "safety/alertlog.h"
#include "safety/journal.h"
#include "safety/journalinspector.h"
#include "safety/sqlconnection.h"
#include "sessionhost.h"
#include "sessionjson.h"
#include "sessionsocket.h"

#include <QFileInfo>
#include <QTextStream>

namespace veloce {

namespace {
// The open alarms as the journal has them, read without writing a byte.
JournalState readJournal(const QString& path, const Config& config)
{
    const JournalInspector::Verdict v = JournalInspector::inspect(path);
    if (v.state == JournalInspector::State::New)
        return {};
    SqlConnection ro(path, SqlConnection::Mode::ReadOnly);
    if (!ro.isOpen())
        throw JournalError(
            QStringLiteral("%1: %2").arg(path, JournalInspector::describeSqliteError(ro.errorText())),
            JournalError::Kind::Refused);
    return JournalRecovery::read(
        ro.db(), path, v.version, { config.initialCapital, config.maxOpenPositions });
}
} // namespace

int AlertsCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Print the open alarms of a journal as JSON lines (exit code 3 while there are any). "
                       "--ack acknowledges them, through the running session or in the journal."));
    p.addOption({ QStringLiteral("journal"),
        QStringLiteral("The journal (default: %1).").arg(SessionHost::defaultJournalPath()),
        QStringLiteral("file") });
    p.addOption({ QStringLiteral("ack"), QStringLiteral("Acknowledge every open alarm.") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const QString journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                               : SessionHost::defaultJournalPath();
    const Config config = p.config();
    const bool ack = p.isSet(QStringLiteral("ack"));
    if (!QFileInfo::exists(journal))
        throw JournalError(QStringLiteral("%1: no such journal").arg(journal), JournalError::Kind::Refused);

    int acknowledged = 0;
    if (ack) {
        const SessionSocketReply r = askSession(journal, { { "command", "ack" } }, 10000);
        if (r.connected && r.answered) {
            acknowledged = r.reply.value("acknowledged", 0);
        } else if (!r.connected) {
            Journal j(journal);
            const JournalState state = j.open({ config.initialCapital, config.maxOpenPositions });
            AlertLog log;
            log.restore(state.openAlarms, state.lastAlertId);
            log.setRecorder(&j);
            acknowledged = log.acknowledgeAll(QStringLiteral("cli"));
            j.flush();
            if (j.hasFailed())
                throw JournalError(j.failure());
        } else {
            QTextStream(stderr)
                << QStringLiteral("veloce-cli alerts: the session did not answer (%1)\n").arg(r.error);
            return 1;
        }
    }
    const JournalState state = readJournal(journal, config);
    for (const Alert& a : state.openAlarms)
        SessionJson::print(SessionJson::alert(a));
    nlohmann::ordered_json summary;
    summary["event"] = "alarms";
    summary["journal"] = journal.toStdString();
    summary["open"] = state.openAlarms.size();
    summary["acknowledged"] = acknowledged;
    SessionJson::print(summary);
    return state.openAlarms.empty() ? 0 : 3;
}

} // namespace veloce
