#pragma once

namespace veloce::NormalDistribution {

// Standard normal cumulative distribution Φ(x), from erfc (accurate in both tails).
double cdf(double x);
// Its inverse Φ⁻¹(p) for 0 < p < 1 (±infinity at 0 and 1): Acklam's rational approximation refined
// by one Halley step on cdf(), which brings it to double precision; the upper half by symmetry.
double quantile(double p);

} // namespace veloce::NormalDistribution
