#include "data/barcsvwriter.h"

namespace veloce {

BarCsvWriter::BarCsvWriter(const QString& path)
    : m_file(path)
{
    m_file.text("t,open,high,low,close,vbuy,vsell");
    m_file.endRow();
}

void BarCsvWriter::write(const Bar& bar)
{
    m_file.number(bar.t);
    const double values[] = { bar.open, bar.high, bar.low, bar.close, bar.vbuy, bar.vsell };
    for (double v : values) {
        m_file.separator();
        m_file.number(v);
    }
    m_file.endRow();
}

} // namespace veloce
