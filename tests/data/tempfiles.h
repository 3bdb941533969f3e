#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <zlib.h>

// Writes small inline test files, plain or gzip, into a temporary directory.
class TempFiles
{
public:
    TempFiles() { QVERIFY(m_dir.isValid()); }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // `content` uses "\n" line ends; gz compresses it (the reader must not care which).
    QString write(const QString& name, const QByteArray& content, bool gz = false)
    {
        const QString p = path(gz ? name + QStringLiteral(".gz") : name);
        if (gz) {
            gzFile f = gzopen(QFile::encodeName(p).constData(), "wb");
            if (!f)
                return {};
            if (!content.isEmpty())
                gzwrite(f, content.constData(), unsigned(content.size()));
            gzclose(f);
        } else {
            QFile f(p);
            if (!f.open(QIODevice::WriteOnly))
                return {};
            f.write(content);
        }
        return p;
    }

    // Raw bytes, e.g. a deliberately broken gzip stream.
    QString writeRaw(const QString& name, const QByteArray& bytes)
    {
        const QString p = path(name);
        QFile f(p);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return p;
    }

    static QByteArray gzipBytes(const QByteArray& content)
    {
        TempFiles tmp;
        const QString p = tmp.write(QStringLiteral("x.csv"), content, true);
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
};
