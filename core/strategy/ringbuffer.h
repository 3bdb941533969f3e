#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace veloce {

// Fixed-capacity history, newest last. Storage is allocated once in the constructor; push()
// never allocates. Capacity is rounded up to a power of two so indexing is a mask, not a modulo.
template<typename T> class RingBuffer
{
public:
    explicit RingBuffer(int minCapacity)
    {
        std::size_t cap = 1;
        while (cap < static_cast<std::size_t>(minCapacity))
            cap <<= 1;
        m_data.assign(cap, T {});
        m_mask = cap - 1;
    }

    void push(const T& v)
    {
        m_data[m_count & m_mask] = v;
        ++m_count;
    }
    // k bars ago: ago(0) is the newest. Valid for k < min(size(), capacity()).
    const T& ago(std::int64_t k) const
    {
        assert(k >= 0 && k < m_count && static_cast<std::size_t>(k) <= m_mask);
        return m_data[(m_count - 1 - k) & m_mask];
    }
    std::int64_t size() const { return m_count; } // total pushed, not capped
    std::size_t capacity() const { return m_data.size(); }
    void clear() { m_count = 0; }

private:
    std::vector<T> m_data;
    std::size_t m_mask = 0;
    std::int64_t m_count = 0;
};

} // namespace veloce
