//! Crash-safe files in one directory: every write goes to a temporary file that is fsynced, renamed
//! over the target and followed by an fsync of the directory, so after `kill -9` (or a power cut)
//! a file holds either its previous or its new content, never a torn one, and an acknowledged
//! write is on disk.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const TEMP_PREFIX: &str = ".tmp-";

/// A directory of small files written atomically.
#[derive(Debug, Clone)]
pub struct AtomicDir {
    dir: PathBuf,
}

impl AtomicDir {
    /// Creates the directory if needed and removes temporary files a killed process left behind
    /// (they were never acknowledged, so dropping them loses nothing).
    pub fn open(dir: &Path) -> io::Result<AtomicDir> {
        fs::create_dir_all(dir)?;
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(AtomicDir { dir: dir.to_path_buf() })
    }

    /// Replaces `name` with `bytes` atomically and durably.
    pub fn write(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let temp = self.dir.join(format!("{TEMP_PREFIX}{name}-{}", uuid::Uuid::new_v4()));
        let result = (|| {
            let mut file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            drop(file);
            fs::rename(&temp, self.dir.join(name))?;
            self.sync_dir()
        })();
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    /// Removes `name` durably; a file that is already gone is not an error.
    pub fn remove(&self, name: &str) -> io::Result<()> {
        match fs::remove_file(self.dir.join(name)) {
            Ok(()) => self.sync_dir(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Every file's name and content (temporary files excluded).
    pub fn read_all(&self) -> io::Result<Vec<(String, Vec<u8>)>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX) || !entry.file_type()?.is_file() {
                continue;
            }
            out.push((name, fs::read(entry.path())?));
        }
        Ok(out)
    }

    /// The rename is only durable once the directory entry itself is flushed.
    fn sync_dir(&self) -> io::Result<()> {
        #[cfg(unix)]
        {
            File::open(&self.dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            // Windows cannot open a directory as a file; NTFS journals the rename itself.
            let _ = File::open;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replace_remove_and_leftover_temp_files() {
        let tmp = tempfile::tempdir().unwrap();
        let d = AtomicDir::open(tmp.path()).unwrap();
        d.write("a.json", b"1").unwrap();
        d.write("a.json", b"2").unwrap();
        fs::write(tmp.path().join(".tmp-b.json-x"), b"torn").unwrap();
        let again = AtomicDir::open(tmp.path()).unwrap();
        let all = again.read_all().unwrap();
        assert_eq!(all, vec![("a.json".to_string(), b"2".to_vec())]);
        again.remove("a.json").unwrap();
        again.remove("a.json").unwrap();
        assert!(again.read_all().unwrap().is_empty());
    }
}
