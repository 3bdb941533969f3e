#pragma once

// Shared by the libFuzzer targets: the readers under test take file paths, so each input is
// written to a private folder (on /dev/shm when there is one: no disk I/O per execution), and
// the documented invariants are checked with check(), which aborts -- libFuzzer then reports the
// input as a crash and keeps it.
#include "gzipdata.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace fuzz {

inline const QString& workDir()
{
    static const QString dir = [] {
        QByteArray tmpl = QDir(QStringLiteral("/dev/shm")).exists() ? "/dev/shm" : "/tmp";
        tmpl += "/veloce-fuzz-XXXXXX";
        const char* made = ::mkdtemp(tmpl.data());
        if (!made)
            std::abort();
        std::atexit([] { QDir(workDir()).removeRecursively(); });
        return QFile::decodeName(made);
    }();
    return dir;
}

inline QString writeFile(const QString& name, const char* data, std::size_t size)
{
    const QString path = workDir() + QLatin1Char('/') + name;
    std::FILE* f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size)
        std::abort();
    std::fclose(f);
    return path;
}

inline QString writeFile(const QString& name, const QByteArray& bytes)
{
    return writeFile(name, bytes.constData(), std::size_t(bytes.size()));
}

// A valid gzip stream of the bytes (level 1: fast), so the fuzzer reaches the readers' gzip path
// with content it controls (random bytes rarely form a gzip stream; those starting with 1f 8b
// test corrupt ones).
inline QByteArray gzip(const char* data, std::size_t size)
{
    return gzipData(data, size, 1);
}

inline void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

} // namespace fuzz
