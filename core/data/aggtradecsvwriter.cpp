#include "data/aggtradecsvwriter.h"

namespace veloce {

AggTradeCsvWriter::AggTradeCsvWriter(const QString& path, bool spotLayout)
    // In place, not replaced at the end: a recording must be readable while it grows (sync()).
    : m_file(path, OutputFile::Mode::Direct)
    , m_spot(spotLayout)
{
    if (!m_spot) {
        m_file.text("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker");
        m_file.endRow();
    }
}

void AggTradeCsvWriter::decimal(const DecimalText& text, double value)
{
    m_file.separator();
    if (text.size > 0)
        m_file.text(text.view());
    else
        m_file.number(value);
}

void AggTradeCsvWriter::write(const AggTrade& t)
{
    m_file.number(t.id);
    decimal(t.priceText, t.price);
    decimal(t.qtyText, t.qty);
    m_file.separator();
    m_file.number(t.firstId);
    m_file.separator();
    m_file.number(t.lastId);
    m_file.separator();
    m_file.number(t.t);
    m_file.separator();
    if (m_spot) {
        m_file.text(t.buyerMaker ? "True" : "False");
        m_file.separator();
        m_file.text(t.bestMatch ? "True" : "False");
    } else {
        m_file.text(t.buyerMaker ? "true" : "false");
    }
    m_file.endRow();
    ++m_trades;
}

} // namespace veloce
