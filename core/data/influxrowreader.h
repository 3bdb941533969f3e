#pragma once

#include "data/influxreplyparser.h"
#include "data/influxrow.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace veloce {

class InfluxClient;
class InfluxQueryStream;

// What to select: "<select> WHERE <filter> AND time >= $from AND time < $to" -- select and
// filter are built from checked identifiers and $placeholders only; every value is in params.
struct InfluxRowQuery
{
    QString select; // e.g. SELECT open,high FROM "db"."rp"."m"
    QString filter; // e.g. (market = $m0 OR market = $m1); may be empty
    nlohmann::json params = nlohmann::json::object();
    std::vector<std::string> fields;
    std::string tagColumn; // optional tag selected as the second column
    std::vector<std::string> tagValues;
};

// Streams the rows of a time range in time order with constant memory: the range is cut into
// pages of pageMs, each page is one chunked query. A failed or cut reply is re-asked from the
// last row delivered (rows of that same timestamp already delivered are skipped: InfluxDB
// orders rows of equal time by series, the same way every time), so retries never duplicate
// or lose a row. After settings.retries consecutive failures the last error is thrown.
class InfluxRowReader
{
public:
    InfluxRowReader(InfluxClient& client, InfluxRowQuery query, std::int64_t fromMs, std::int64_t toMs,
        std::int64_t pageMs, int chunkSize);
    ~InfluxRowReader();

    bool next(InfluxRow& row);

    std::int64_t rows() const { return m_rowsDelivered; }
    int retries() const { return m_retries; } // retries that were needed (for reports/tests)
    std::int64_t position() const { return m_hasLast ? m_lastT : m_pageFrom; }

private:
    bool fetch(); // fills m_rows from the next chunk; false at the end of the range

    InfluxClient& m_client;
    InfluxRowQuery m_query;
    InfluxReplyParser m_parser;
    std::int64_t m_to;
    std::int64_t m_pageMs;
    int m_chunkSize;

    std::int64_t m_pageFrom;
    std::int64_t m_pageTo = 0;
    std::unique_ptr<InfluxQueryStream> m_stream;
    bool m_complete = false; // the current query's last chunk said it was the last
    std::vector<InfluxRow> m_rows;
    std::size_t m_index = 0;

    bool m_hasLast = false; // last delivered row, for resuming
    std::int64_t m_lastT = 0;
    std::int64_t m_sameTimeCount = 0; // rows delivered with time == m_lastT
    std::int64_t m_skip = 0; // rows of time m_lastT to drop after a resume
    std::int64_t m_rowsDelivered = 0;
    int m_failures = 0;
    int m_retries = 0;
};

} // namespace veloce
