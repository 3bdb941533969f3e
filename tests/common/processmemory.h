#pragma once

#include <QByteArray>
#include <QFile>

namespace veloce::test {

// Peak resident memory of this process so far (VmHWM), in bytes; 0 where /proc is missing.
// Tests of bounded buffers compare it before and after the unbounded input.
inline qint64 peakRss()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    return 0;
}

} // namespace veloce::test
