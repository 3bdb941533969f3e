#pragma once

#include <QMetaType>
#include <QString>
#include <cstdint>

namespace veloce {

// What an alert is about (docs/safety.md "Alerts"). The names are stable: they are journaled
// and printed by the CLI.
enum class AlertKind
{
    Kill, // the kill switch was triggered and reported
    Halt, // entries halted without a flatten (breaker, journal failure, restart while halted)
    Rearm, // trading re-armed by a person
    NotFlat, // a flatten gave up: positions may still be open
    Breaker, // the drawdown breaker latched
    Heartbeat, // no bar for heartbeat_timeout_s, or bars again after that
    Stale, // a live feed's newest bar is older than the timeout
    Journal, // the journal cannot record: trading is halted
    Feed, // the data source reported a problem
    Venue, // the broker/venue reported a problem
};

// How much a person must do: Info is for the record, Warning is shown, an Alarm stays visible
// (GUI banner, CLI exit code) until someone acknowledges it.
enum class AlertSeverity
{
    Info,
    Warning,
    Alarm
};

const char* alertKindName(AlertKind kind);
const char* alertSeverityName(AlertSeverity severity);
// The inverse of the names above, for rows read back from a journal; false when unknown.
bool alertKindFromName(const QString& name, AlertKind* kind);
bool alertSeverityFromName(const QString& name, AlertSeverity* severity);

// One entry of the AlertLog: immutable once raised, except for its acknowledgement.
struct Alert
{
    std::int64_t id = 0; // unique within a journal, increasing
    AlertKind kind = AlertKind::Feed;
    AlertSeverity severity = AlertSeverity::Info;
    QString source; // who raised it: "gui", "cli", "watchdog", "journal", "kill switch", "feed", ...
    std::int64_t wallMs = 0; // UTC ms when raised
    QString message; // for a person, complete on its own
    bool acknowledged = false;
    std::int64_t acknowledgedMs = 0;
    QString acknowledgedBy; // "gui", "cli", ...

    // An alarm nobody has acknowledged yet.
    bool open() const { return severity == AlertSeverity::Alarm && !acknowledged; }
};

} // namespace veloce

Q_DECLARE_METATYPE(veloce::Alert)
