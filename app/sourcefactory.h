#pragma once

#include "sourcespec.h"
#include "types/config.h"

#include <memory>

namespace veloce {

class BarSource;

// Composition root for data: turns a SourceSpec plus the config into a BarSource.
class SourceFactory
{
public:
    // Throws DataError / UsageError with a message for the user.
    static std::unique_ptr<BarSource> open(const SourceSpec& spec, const Config& config);
};

} // namespace veloce
