//! Files tokenctl writes are private to the user: 0600, and the directories
//! it creates for them 0700. Every such file is created through here.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Creates the missing parent directories of `path`, mode 0700. Existing
/// directories are the user's and are left as they are.
pub fn create_private_parent(path: &Path) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.exists()
    {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent)?;
    }
    Ok(())
}

/// Open options that create a file with mode 0600.
pub fn private_options() -> fs::OpenOptions {
    let mut options = fs::OpenOptions::new();
    options.create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Writes (replacing) a private file and syncs it to disk.
pub fn write_private(path: &Path, content: &[u8]) -> Result<()> {
    let failed =
        |error: io::Error| Error::internal(format!("cannot write {}: {error}", path.display()));
    create_private_parent(path).map_err(failed)?;
    let mut file = private_options()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(failed)?;
    file.write_all(content).map_err(failed)?;
    file.sync_all().map_err(failed)
}

/// Replaces a private file atomically: a reader (or a crash) sees the old
/// content or the new, never half of each. Written beside it, then renamed.
pub fn replace_private(path: &Path, content: &[u8]) -> Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = std::path::PathBuf::from(temporary);
    write_private(&temporary, content)?;
    fs::rename(&temporary, path).map_err(|error| {
        let _ = fs::remove_file(&temporary);
        Error::internal(format!("cannot replace {}: {error}", path.display()))
    })?;
    // The rename itself is durable only once the directory is synced.
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(directory) = fs::File::open(parent)
    {
        let _ = directory.sync_all();
    }
    Ok(())
}
