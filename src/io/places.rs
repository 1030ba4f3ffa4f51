//! Where the window keeps files of its own, by each platform's convention — never in the
//! folder newsmark was built or started in.
//!
//! | what | Linux | macOS | Windows |
//! |---|---|---|---|
//! | sessions (the default of Save) | `$XDG_DATA_HOME/newsmark/saves` (`~/.local/share/…`) | `~/Library/Application Support/newsmark/saves` | `%APPDATA%\newsmark\data\saves` |
//! | recovery files | `$XDG_STATE_HOME/newsmark/recovery` (`~/.local/state/…`) | `~/Library/Application Support/newsmark/recovery` | `%LOCALAPPDATA%\newsmark\data\recovery` |
//! | the sample article | `…/newsmark/sample` beside the sessions | same | same |
//!
//! Sessions go to the data folder rather than beside the article: articles often sit in
//! read-only or shared places (a download folder, a newsroom drive), and a session beside them
//! could collide with another annotator's. Save As puts a session anywhere; a session finds its
//! article again through the relative path it stores.

use std::path::{Path, PathBuf};

/// The folders the window writes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Places {
    /// Where Save puts a new session.
    pub saves: PathBuf,
    /// Where unsaved work is kept every two seconds.
    pub recovery: PathBuf,
    /// Where the bundled sample article is written for the sample session.
    pub sample: PathBuf,
}

impl Places {
    /// The platform's folders for newsmark, or `None` when the system names no home folder.
    pub fn platform() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "newsmark")?;
        let state = dirs.state_dir().unwrap_or(dirs.data_local_dir());
        Some(Self {
            saves: dirs.data_dir().join("saves"),
            recovery: state.join("recovery"),
            sample: dirs.data_dir().join("sample"),
        })
    }

    /// Everything under one folder: `dir` itself for sessions, `dir/.recovery` and
    /// `dir/sample` (tests, and machines without a home folder).
    pub fn under(dir: &Path) -> Self {
        Self {
            saves: dir.to_owned(),
            recovery: dir.join(".recovery"),
            sample: dir.join("sample"),
        }
    }

    /// The platform's folders, or a `newsmark` folder in the temporary folder with a warning
    /// when the system names no home folder.
    pub fn platform_or_temporary() -> (Self, Option<String>) {
        match Self::platform() {
            Some(p) => (p, None),
            None => {
                let dir = std::env::temp_dir().join("newsmark");
                let warning = format!(
                    "this system names no home folder: sessions and recovery files go to {} \
                     until you choose another place with Save As",
                    dir.display()
                );
                (Self::under(&dir), Some(warning))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_folders_follow_xdg() {
        // ProjectDirs reads HOME and the XDG variables; the layout is what the README says.
        let Some(p) = Places::platform() else { return };
        let s = |p: &Path| p.to_string_lossy().into_owned();
        assert!(s(&p.saves).ends_with("newsmark/saves"), "{}", s(&p.saves));
        assert!(
            s(&p.recovery).ends_with("newsmark/recovery"),
            "{}",
            s(&p.recovery)
        );
        assert!(
            s(&p.sample).ends_with("newsmark/sample"),
            "{}",
            s(&p.sample)
        );
        let here = std::env::current_dir().unwrap_or_default();
        assert!(
            !p.saves.starts_with(&here),
            "never in the folder newsmark runs in"
        );
    }
}
