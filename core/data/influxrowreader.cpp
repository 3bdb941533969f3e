#include "data/influxrowreader.h"

#include "data/influxclient.h"
#include "data/influxerror.h"
#include "data/influxql.h"
#include "data/influxquerystream.h"

namespace veloce {

InfluxRowReader::InfluxRowReader(InfluxClient& client, InfluxRowQuery query, std::int64_t fromMs,
    std::int64_t toMs, std::int64_t pageMs, int chunkSize)
    : m_client(client)
    , m_query(std::move(query))
    , m_parser(m_query.fields, m_query.tagColumn, m_query.tagValues)
    , m_to(InfluxQl::clampTime(toMs))
    , m_pageMs(std::max<std::int64_t>(1, pageMs))
    , m_chunkSize(chunkSize)
    , m_pageFrom(InfluxQl::clampTime(fromMs))
{
    m_rows.reserve(static_cast<std::size_t>(chunkSize));
}

InfluxRowReader::~InfluxRowReader() = default;

bool InfluxRowReader::next(InfluxRow& row)
{
    for (;;) {
        while (m_index < m_rows.size()) {
            const InfluxRow& r = m_rows[m_index++];
            if (m_skip > 0 && r.t == m_lastT) {
                --m_skip;
                continue;
            }
            m_skip = 0;
            if (m_hasLast && r.t == m_lastT) {
                ++m_sameTimeCount;
            } else {
                m_lastT = r.t;
                m_sameTimeCount = 1;
                m_hasLast = true;
            }
            ++m_rowsDelivered;
            row = r;
            return true;
        }
        if (!fetch())
            return false;
    }
}

bool InfluxRowReader::fetch()
{
    m_rows.clear();
    m_index = 0;
    for (;;) {
        try {
            if (!m_stream) {
                if (m_pageFrom >= m_to)
                    return false;
                m_pageTo = m_pageFrom > m_to - m_pageMs ? m_to : m_pageFrom + m_pageMs;
                // Resuming inside this page: start at the last delivered time, its rows
                // already delivered are skipped in next().
                const bool resume = m_hasLast && m_lastT >= m_pageFrom;
                const std::int64_t from = resume ? m_lastT : m_pageFrom;
                m_skip = resume ? m_sameTimeCount : 0;
                nlohmann::json params = m_query.params;
                params["from"] = InfluxQl::rfc3339(from);
                params["to"] = InfluxQl::rfc3339(m_pageTo);
                QString q = m_query.select + QStringLiteral(" WHERE ");
                if (!m_query.filter.isEmpty())
                    q += m_query.filter + QStringLiteral(" AND ");
                q += QStringLiteral("time >= $from AND time < $to");
                m_complete = false;
                m_stream = std::make_unique<InfluxQueryStream>(m_client, q, params, m_chunkSize);
            }
            const char* begin = nullptr;
            const char* end = nullptr;
            if (!m_stream->nextLine(begin, end)) {
                if (!m_complete)
                    throw InfluxError(InfluxError::Kind::Connection,
                        QStringLiteral("InfluxDB at %1 ended a chunked reply before its last chunk")
                            .arg(m_client.settings().endpoint()));
                m_stream.reset();
                m_pageFrom = m_pageTo;
                continue;
            }
            if (begin == end)
                continue;
            m_complete = m_parser.parse(begin, end, m_rows, m_client.settings());
            m_failures = 0;
            if (!m_rows.empty())
                return true;
        } catch (const InfluxError& e) {
            m_stream.reset();
            m_rows.clear();
            if (!e.retryable() || ++m_failures > m_client.settings().retries)
                throw;
            ++m_retries;
            m_client.pause(m_client.retryDelayMs(m_failures));
        }
    }
}

} // namespace veloce
