#include "data/filebarsource.h"

#include "data/barfile.h"

#include <QFileInfo>

namespace veloce {

FileBarSource::FileBarSource(std::unique_ptr<CsvRecordReader> reader)
    : m_reader(std::move(reader))
    , m_symbol(symbolFromFileName(m_reader->path()))
{
}

QString FileBarSource::description() const
{
    return QStringLiteral("%1 (%2)").arg(QFileInfo(m_reader->path()).fileName(), m_reader->formatName());
}

SourceStats FileBarSource::stats() const
{
    SourceStats s;
    m_reader->addStatsTo(s);
    m_guard.addStatsTo(s);
    s.bars = m_bars;
    return s;
}

} // namespace veloce
