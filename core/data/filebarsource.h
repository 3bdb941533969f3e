#pragma once

#include "data/barorderguard.h"
#include "data/barsource.h"
#include "data/csvrecordreader.h"

#include <memory>

namespace veloce {

// A BarSource over one CSV file of any supported layout: the reader decodes rows into bars, the
// guard drops out-of-order ones. Build it with openBarFile() (barfile.h), which picks the reader.
class FileBarSource : public BarSource
{
public:
    explicit FileBarSource(std::unique_ptr<CsvRecordReader> reader);

    bool next(Bar& out) override
    {
        while (m_reader->nextBar(out)) {
            if (m_guard.accept(out)) {
                ++m_bars;
                return true;
            }
        }
        return false;
    }
    QString description() const override;
    QString symbol() const override { return m_symbol; }
    SourceStats stats() const override;
    double progress() const override { return m_reader->progress(); }

private:
    std::unique_ptr<CsvRecordReader> m_reader;
    BarOrderGuard m_guard;
    std::int64_t m_bars = 0;
    QString m_symbol;
};

} // namespace veloce
