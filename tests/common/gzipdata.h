#pragma once

#include <QByteArray>
#include <cstddef>
#include <zlib.h>

// `size` bytes as one gzip stream (zlib's deflate with the gzip wrapper), for tests and fuzz
// targets that need a valid .gz file of given content.
inline QByteArray gzipData(const char* data, std::size_t size, int level = 6)
{
    z_stream z {};
    deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); // 15 + 16: gzip wrapper
    QByteArray out(qsizetype(deflateBound(&z, uLong(size))), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    z.avail_in = uInt(size);
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}
