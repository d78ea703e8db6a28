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
