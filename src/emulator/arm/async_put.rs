//! `asyncPut`: APIM sometimes answers a PUT with 202 + `Location` and finishes the work later
//! (rest-contracts A.7). With this option the emulator does the write at once, answers 202, and the
//! `Location` URL (the entity URL plus `asyncId`/`asyncCode`) answers 202 on the first poll and the
//! entity with the PUT's real status (201/200) after that, so clients prove their polling.

use std::collections::HashMap;
use std::sync::Mutex;

/// What a poll of an `asyncId` should answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poll {
    /// Still running: 202 again.
    Running,
    /// Done: answer the entity with this status.
    Done(u16),
    /// Not an operation of this emulator (or already reported).
    Unknown,
}

#[derive(Debug, Default)]
pub struct PendingPuts {
    ops: Mutex<HashMap<String, (u16, bool)>>,
}

impl PendingPuts {
    /// Registers a finished PUT whose outcome is `status`; returns its `asyncId`.
    pub fn register(&self, status: u16) -> String {
        let id = uuid::Uuid::new_v4().to_string();
        self.ops.lock().unwrap_or_else(|p| p.into_inner()).insert(id.clone(), (status, false));
        id
    }

    pub fn poll(&self, async_id: &str) -> Poll {
        let mut ops = self.ops.lock().unwrap_or_else(|p| p.into_inner());
        match ops.get_mut(async_id) {
            None => Poll::Unknown,
            Some((status, polled)) if *polled => {
                let status = *status;
                ops.remove(async_id);
                Poll::Done(status)
            }
            Some((_, polled)) => {
                *polled = true;
                Poll::Running
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_once_then_done_then_unknown() {
        let p = PendingPuts::default();
        let id = p.register(201);
        assert_eq!(p.poll(&id), Poll::Running);
        assert_eq!(p.poll(&id), Poll::Done(201));
        assert_eq!(p.poll(&id), Poll::Unknown);
    }
}
