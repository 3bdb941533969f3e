#include "broker/broker.h"

namespace veloce {

const char* orderKindName(OrderEvent::Kind k)
{
    switch (k) {
    case OrderEvent::Kind::Entry:
        return "entry";
    case OrderEvent::Kind::Exit:
        return "exit";
    case OrderEvent::Kind::ExitAll:
        return "exit_all";
    }
    return "";
}

const char* orderStatusName(OrderEvent::Status s)
{
    switch (s) {
    case OrderEvent::Status::Filled:
        return "filled";
    case OrderEvent::Status::Placed:
        return "placed";
    case OrderEvent::Status::Confirmed:
        return "confirmed";
    case OrderEvent::Status::Rejected:
        return "rejected";
    case OrderEvent::Status::TimedOut:
        return "timed_out";
    case OrderEvent::Status::Failed:
        return "failed";
    }
    return "";
}

} // namespace veloce
