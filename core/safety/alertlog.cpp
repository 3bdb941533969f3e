#include "safety/alertlog.h"

#include <QDateTime>
#include <algorithm>
#include <iterator>

namespace veloce {

namespace {
struct KindName
{
    AlertKind kind;
    const char* name;
};
constexpr KindName kKinds[] = { { AlertKind::Kill, "kill" }, { AlertKind::Halt, "halt" },
    { AlertKind::Rearm, "rearm" }, { AlertKind::NotFlat, "not_flat" }, { AlertKind::Breaker, "breaker" },
    { AlertKind::Heartbeat, "heartbeat" }, { AlertKind::Stale, "stale" }, { AlertKind::Journal, "journal" },
    { AlertKind::Feed, "feed" }, { AlertKind::Venue, "venue" } };

struct SeverityName
{
    AlertSeverity severity;
    const char* name;
};
constexpr SeverityName kSeverities[] = { { AlertSeverity::Info, "info" },
    { AlertSeverity::Warning, "warning" }, { AlertSeverity::Alarm, "alarm" } };
} // namespace

const char* alertKindName(AlertKind kind)
{
    for (const KindName& k : kKinds)
        if (k.kind == kind)
            return k.name;
    return "";
}

const char* alertSeverityName(AlertSeverity severity)
{
    for (const SeverityName& s : kSeverities)
        if (s.severity == severity)
            return s.name;
    return "";
}

bool alertKindFromName(const QString& name, AlertKind* kind)
{
    for (const KindName& k : kKinds) {
        if (name == QLatin1String(k.name)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

bool alertSeverityFromName(const QString& name, AlertSeverity* severity)
{
    for (const SeverityName& s : kSeverities) {
        if (name == QLatin1String(s.name)) {
            *severity = s.severity;
            return true;
        }
    }
    return false;
}

AlertLog::AlertLog(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<Alert>();
}

void AlertLog::setRecorder(AlertRecorder* recorder)
{
    std::lock_guard lock(m_mutex);
    m_recorder = recorder;
}

void AlertLog::restore(const std::vector<Alert>& alerts, std::int64_t lastId)
{
    {
        std::lock_guard lock(m_mutex);
        m_alerts.assign(alerts.begin(), alerts.end());
        m_lastId = std::max(m_lastId, lastId);
        for (const Alert& a : alerts)
            m_lastId = std::max(m_lastId, a.id);
        trim();
    }
    Q_EMIT changed();
}

std::int64_t AlertLog::raise(
    AlertKind kind, AlertSeverity severity, const QString& source, const QString& message)
{
    Alert a;
    a.kind = kind;
    a.severity = severity;
    a.source = source;
    a.message = message;
    a.wallMs = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard lock(m_mutex);
        a.id = ++m_lastId;
        m_alerts.push_back(a);
        trim();
        // Under the lock: the recorder sees raises and acknowledgements in the log's order.
        if (m_recorder)
            m_recorder->recordAlert(a);
    }
    Q_EMIT raised(a);
    Q_EMIT changed();
    return a.id;
}

bool AlertLog::acknowledge(std::int64_t id, const QString& by)
{
    Alert copy;
    {
        std::lock_guard lock(m_mutex);
        auto it = std::find_if(m_alerts.begin(), m_alerts.end(), [id](const Alert& a) { return a.id == id; });
        if (it == m_alerts.end() || it->acknowledged)
            return false;
        it->acknowledged = true;
        it->acknowledgedMs = QDateTime::currentMSecsSinceEpoch();
        it->acknowledgedBy = by;
        copy = *it;
        if (m_recorder)
            m_recorder->recordAlert(copy);
    }
    Q_EMIT acknowledged(copy);
    Q_EMIT changed();
    return true;
}

int AlertLog::acknowledgeAll(const QString& by)
{
    int n = 0;
    for (const Alert& a : openAlarms())
        n += acknowledge(a.id, by) ? 1 : 0;
    return n;
}

int AlertLog::acknowledgeThrough(std::int64_t lastId, const QString& by)
{
    std::vector<std::int64_t> ids;
    {
        std::lock_guard lock(m_mutex);
        for (const Alert& a : m_alerts)
            if (a.id <= lastId && !a.acknowledged)
                ids.push_back(a.id);
    }
    int n = 0;
    for (std::int64_t id : ids)
        n += acknowledge(id, by) ? 1 : 0;
    return n;
}

std::vector<Alert> AlertLog::alerts() const
{
    std::lock_guard lock(m_mutex);
    return { m_alerts.begin(), m_alerts.end() };
}

std::vector<Alert> AlertLog::openAlarms() const
{
    std::lock_guard lock(m_mutex);
    std::vector<Alert> out;
    std::copy_if(
        m_alerts.begin(), m_alerts.end(), std::back_inserter(out), [](const Alert& a) { return a.open(); });
    return out;
}

int AlertLog::openAlarmCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(
        std::count_if(m_alerts.begin(), m_alerts.end(), [](const Alert& a) { return a.open(); }));
}

int AlertLog::unacknowledgedCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(
        std::count_if(m_alerts.begin(), m_alerts.end(), [](const Alert& a) { return !a.acknowledged; }));
}

void AlertLog::trim()
{
    // Drop the oldest entries that are not open alarms until within capacity: an alarm
    // disappears only when acknowledged (the journal keeps everything).
    for (auto it = m_alerts.begin(); m_alerts.size() > kCapacity && it != m_alerts.end();) {
        if (it->open())
            ++it;
        else
            it = m_alerts.erase(it);
    }
}

} // namespace veloce
