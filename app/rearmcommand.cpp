#include "rearmcommand.h"

#include "cliparser.h"
#include "safety/alertlog.h"
#include "safety/journal.h"
#include "sessionhost.h"
#include "sessionjson.h"
#include "sessionsocket.h"

#include <QTextStream>

namespace veloce {

int RearmCommand::run(const QStringList& arguments)
{
    CliParser p(name(),
        QStringLiteral("Re-arm trading: entries are allowed again. Asks the session running on the journal; "
                       "with none running, records the re-arm in the journal so that the next start is "
                       "active. Prints the trading state as JSON."));
    p.addOption({ QStringLiteral("journal"),
        QStringLiteral("The session's journal (default: %1).").arg(SessionHost::defaultJournalPath()),
        QStringLiteral("file") });
    p.addConfigOption();
    if (!p.parse(arguments))
        return 0;
    const QString journal = p.isSet(QStringLiteral("journal")) ? p.value(QStringLiteral("journal"))
                                                               : SessionHost::defaultJournalPath();
    QTextStream err(stderr);
    const SessionSocketReply r = askSession(journal, { { "command", "rearm" } }, 10000);
    if (r.connected) {
        if (!r.answered) {
            err << QStringLiteral("veloce-cli rearm: the session did not answer (%1)\n").arg(r.error);
            return 1;
        }
        nlohmann::ordered_json out;
        out["state"] = r.reply.value("state", std::string());
        out["ok"] = r.reply.value("ok", false);
        out["running"] = true;
        out["journal"] = journal.toStdString();
        if (r.reply.contains("message"))
            out["message"] = r.reply["message"];
        SessionJson::print(out);
        if (!out["ok"].get<bool>())
            err << QStringLiteral("veloce-cli rearm: refused: %1\n")
                       .arg(QString::fromStdString(r.reply.value("message", std::string())));
        return out["ok"].get<bool>() ? 0 : 1;
    }

    // No session: the journal itself says whether the next start is halted.
    const Config config = p.config();
    Journal j(journal);
    const JournalState state = j.open({ config.initialCapital, config.maxOpenPositions });
    nlohmann::ordered_json out;
    out["running"] = false;
    out["journal"] = journal.toStdString();
    out["was_halted"] = state.account.halted;
    if (state.account.halted) {
        j.recordSafety(QStringLiteral("rearm"), QStringLiteral("re-armed"), QStringLiteral("cli"));
        AlertLog log;
        log.restore(state.openAlarms, state.lastAlertId);
        log.setRecorder(&j);
        log.raise(AlertKind::Rearm, AlertSeverity::Info, QStringLiteral("cli"),
            QStringLiteral("trading re-armed in the journal (no session was running)"));
        j.flush();
        if (j.hasFailed()) {
            err << QStringLiteral("veloce-cli rearm: %1\n").arg(j.failure());
            return 1;
        }
    }
    out["state"] = "active";
    out["ok"] = true;
    SessionJson::print(out);
    return 0;
}

} // namespace veloce
