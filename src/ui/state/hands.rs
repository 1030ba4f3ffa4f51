//! The open session's lock and what its file held when loaded or last saved (see
//! `controllers/hands.rs` for what is done with them).

use std::path::PathBuf;

use crate::io::lock::{Holder, SessionLock, Stamp};

/// The open session's lock and what its file held when loaded or last saved.
#[derive(Debug, Default)]
pub struct Hands {
    /// Our lock, while we hold it.
    pub(crate) lock: Option<SessionLock>,
    /// Who else held the session open when it was opened here (saving over it is refused).
    pub held_by: Option<Holder>,
    /// "It is open elsewhere: open it read-only?" waits for an answer.
    pub ask_held: bool,
    /// The session file and its content when loaded or last saved here.
    pub(crate) stamp: Option<(PathBuf, Stamp)>,
    /// A save waiting for the answer to "the file changed on disk".
    pub question: Option<PathBuf>,
}
