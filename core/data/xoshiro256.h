#pragma once

#include <cstdint>

namespace veloce {

// xoshiro256++ (Blackman & Vigna), seeded through splitmix64. The simulator uses its own
// generator and its own integer-to-number transforms instead of std::mt19937 with
// std::*_distribution because the distributions are implementation-defined: the same seed must
// give the same market on every compiler and standard library.
class Xoshiro256
{
public:
    explicit Xoshiro256(std::uint64_t seed)
    {
        std::uint64_t x = seed;
        for (auto& s : m_s)
            s = splitmix64(x);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[0] + m_s[3], 23) + m_s[0];
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform in (0, 1]: safe to divide by or take roots of.
    double uniformPositive() { return double((next() >> 11) + 1) * 0x1.0p-53; }
    // Approximately standard normal: the Irwin-Hall sum of four 16-bit uniforms, rescaled. Only
    // additions and one multiplication, so bit-identical everywhere; the tails stop at +-3.46
    // sigma, which is fine because fat tails come from the simulator's explicit jumps.
    double normal()
    {
        const std::uint64_t r = next();
        const double sum
            = double(r & 0xffff) + double((r >> 16) & 0xffff) + double((r >> 32) & 0xffff) + double(r >> 48);
        // mean 4 * 65535 / 2, variance 4 * (65536^2 - 1) / 12
        return (sum - 131070.0) * (1.7320508075688772 / 65536.0);
    }

    static std::uint64_t splitmix64(std::uint64_t& x)
    {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_s[4];
};

} // namespace veloce
