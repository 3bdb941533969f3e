#pragma once

#include <QByteArray>
#include <QString>
#include <cstddef>

namespace veloce {

// One output file that is either complete or absent: bytes go to a temporary sibling
// ("NAME.tmp-PID-N" in the same folder), and commit() flushes it to disk (fsync), closes it and
// renames it over NAME, so a reader never sees half a file and a failed run leaves the previous
// file as it was. Every failure -- on open, on write, on fsync, on close, on rename -- throws
// DataError naming the path and the OS reason (strerror: "No space left on device"), because
// QFileDevice::errorString() can be "Unknown error" and close() errors are easily lost.
//
// A target that exists and is not a regular file (/dev/null, /dev/full, a FIFO, a terminal) is
// written directly: renaming over it would replace the device with a plain file (QSaveFile does
// exactly that when run as root). A symlink is followed, so the link stays a link.
//
// Direct mode writes the path in place; for files inside a folder that is itself staged
// (StagedFolder), where the folder's swap is what makes the result atomic.
class OutputFile
{
public:
    enum class Mode
    {
        Replace,
        Direct
    };

    explicit OutputFile(const QString& path, Mode mode = Mode::Replace);
    ~OutputFile(); // not committed: closes and removes the temporary file, reporting nothing
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(const char* data, std::size_t size);
    void write(const QByteArray& bytes) { write(bytes.constData(), std::size_t(bytes.size())); }
    // The open descriptor, for writers that need one (zlib's gzdopen on a dup of it).
    int fd() const { return m_fd; }
    void commit();
    const QString& path() const { return m_path; }

    // "PATH: what: strerror(code)", the one phrasing of output errors.
    [[noreturn]] static void fail(const QString& path, const QString& what, int code);

private:
    QString m_path; // what the user named
    QString m_target; // the file replaced at commit (symlinks resolved)
    QString m_temp; // empty when writing directly
    int m_fd = -1;
    bool m_regular = true; // fsync only means something for a regular file
};

} // namespace veloce
