#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace veloce {

// The q-quantile (0..1, nearest rank below) of the benchmarks' samples; 0 for none. Takes a copy
// on purpose: nth_element reorders it.
template<typename T> T quantile(std::vector<T> samples, double q)
{
    if (samples.empty())
        return T {};
    const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * double(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + std::ptrdiff_t(k), samples.end());
    return samples[k];
}

} // namespace veloce
