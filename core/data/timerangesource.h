#pragma once

#include "data/barsource.h"

#include <limits>
#include <memory>

namespace veloce {

// Restricts a time-ordered source to [fromMs, toMs). Stops reading at the first bar at or past
// toMs, so a short range at the start of a big file does not read the rest of it.
class TimeRangeSource : public BarSource
{
public:
    TimeRangeSource(std::unique_ptr<BarSource> inner, std::int64_t fromMs,
        std::int64_t toMs = std::numeric_limits<std::int64_t>::max());

    bool next(Bar& out) override;
    QString description() const override { return m_inner->description(); }
    QString symbol() const override { return m_inner->symbol(); }
    SourceStats stats() const override;
    double progress() const override { return m_inner->progress(); }

private:
    std::unique_ptr<BarSource> m_inner;
    std::int64_t m_from;
    std::int64_t m_to;
    std::int64_t m_delivered = 0;
    bool m_done = false;
};

} // namespace veloce
