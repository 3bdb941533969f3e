#pragma once

#include "engine/recoveredaccount.h"
#include "safety/alert.h"

#include <QString>
#include <vector>

class QSqlDatabase;

namespace veloce {

// What a restarted session takes over from a journal.
struct JournalState
{
    RecoveredAccount account;
    std::vector<Alert> openAlarms; // raised earlier, never acknowledged
    std::int64_t lastAlertId = 0;
    int sessions = 0; // sessions on record
};

// Reads a journal back and checks that it is one Veloce could have written (docs/safety.md
// "Restore validation") before a single number of it is trusted: every fill row has finite,
// positive prices and quantities and a finite cash balance, exits close open positions after
// they were opened, no more positions are open at any time than the session allowed, cash
// moves exactly as the fills say (paper sessions), every fill belongs to a recorded session and
// each session still holds as many fills as it wrote. The first violation is refused with a
// JournalError(Refused) naming the file, the table, the row and the rule.
//
// Paper accounts continue across sessions (the fills of every paper session form one chain);
// FreqTrade sessions are checked on their own (the venue is their source of truth) and only
// their halt state carries over.
class JournalRecovery
{
public:
    struct Rules
    {
        // For sessions of an unversioned (0.1) journal, which did not record their own limits.
        double initialCapital = 100000;
        int maxOpenPositions = 2;
    };

    // `db` may be read-only: nothing is written. Throws JournalError.
    static JournalState read(QSqlDatabase& db, const QString& path, int schemaVersion, const Rules& rules);
};

} // namespace veloce
