#include "safety/killrequest.h"

#include "types/printable.h"

#include <nlohmann/json.hpp>

namespace veloce {

KillRequest KillRequest::parse(const QByteArray& line)
{
    KillRequest r;
    r.reason = QStringLiteral("kill command");
    if (line.size() > kMaxLineBytes)
        return r;
    const nlohmann::json req
        = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (!req.is_object())
        return r;
    const auto command = req.find("command");
    if (command != req.end() && command->is_string()) {
        const std::string& c = command->get_ref<const std::string&>();
        if (c == "kill")
            r.command = Command::Kill;
        else if (c == "rearm")
            r.command = Command::Rearm;
        else if (c == "status")
            r.command = Command::Status;
    }
    const auto reason = req.find("reason");
    if (reason != req.end() && reason->is_string())
        r.reason = printable(QString::fromStdString(reason->get<std::string>()).left(1000));
    return r;
}

} // namespace veloce
