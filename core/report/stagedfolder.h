#pragma once

#include <QString>
#include <QStringList>

namespace veloce {

// An output folder written whole or not at all (docs/input-rules.md, "Result folders"). The run
// writes into a staging sibling (".NAME.staging-PID-N" beside NAME); commit() swaps it with NAME
// in one step (renameat2 RENAME_EXCHANGE; on file systems without it, NAME is renamed aside and
// the new one renamed in) and then deletes the old one. So a run that fails half-way -- a bad row
// at line 100,000, a full disk, Ctrl-C -- leaves the previous complete result byte for byte, and
// a run that succeeds leaves no file of an earlier run beside its own (no stale scores.csv). The
// staging folder of a run that was killed is removed by the next run on the same folder.
//
// Replacing a folder deletes what was in it, so only a folder that holds nothing but files
// matching `ownFiles` (glob patterns: the result files) may be replaced; anything else --
// `--out ~`, a folder with notes in it, a file -- is refused before any work starts.
class StagedFolder
{
public:
    // Checks `dir`, creates its parents if missing and the staging folder. Throws DataError.
    StagedFolder(const QString& dir, const QStringList& ownFiles);
    ~StagedFolder(); // not committed: removes the staging folder and what was written into it
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    // Where the run writes now.
    const QString& path() const { return m_staging; }
    QString filePath(const QString& name) const;
    // Puts the staged folder in place of dir(). Throws DataError (the old folder then stays).
    void commit();
    const QString& dir() const { return m_dir; }

private:
    void makeParents(const QString& dir) const;
    void removeAbandoned(const QString& parent) const;
    void syncDirectory(const QString& dir) const;

    QString m_dir; // what the user named
    QString m_target; // the folder replaced at commit (absolute, symlinks resolved)
    QString m_staging;
    bool m_committed = false;
};

} // namespace veloce
