#pragma once

#include "sessionsetup.h"

#include <memory>

namespace veloce {

class Broker;
class Flattener;

// Where a session's orders go: the paper broker, or FreqTrade together with the kill switch's
// own FreqTrade client (its flattener). A paper session's flattener needs the Session and is
// made by the host. Throws UsageError for an unknown broker name.
struct SessionBroker
{
    std::unique_ptr<Broker> broker;
    std::shared_ptr<Flattener> venueFlattener; // null for paper
};

SessionBroker makeSessionBroker(const SessionSetup& setup);

} // namespace veloce
