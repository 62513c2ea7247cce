//! Work that runs off the UI thread: one result per job, collected by polling each frame.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A computation running on its own thread, keyed by what it derives from.
pub struct Job<K, T> {
    /// What the result derives from (e.g. article ids and the project revision).
    pub key: K,
    receiver: Receiver<T>,
}

impl<K, T: Send + 'static> Job<K, T> {
    /// Starts `work` on a new thread.
    pub fn spawn(key: K, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let _ = sender.send(work());
        });
        Self { key, receiver }
    }

    /// The result, once the thread has finished; `Some(Err(()))` if the thread died.
    pub fn poll(&self) -> Option<Result<T, ()>> {
        match self.receiver.try_recv() {
            Ok(value) => Some(Ok(value)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(())),
        }
    }
}

/// Takes the result of a finished job out of `slot`, leaving it empty.
pub fn take_finished<K, T: Send + 'static>(
    slot: &mut Option<Job<K, T>>,
) -> Option<(K, Result<T, ()>)> {
    let result = slot.as_ref()?.poll()?;
    let job = slot.take()?;
    Some((job.key, result))
}
