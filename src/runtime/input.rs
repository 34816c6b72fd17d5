//! The input thread: it reads the terminal's events and forwards them into the loop's
//! one channel, where the workers' and the search thread's results arrive too, so the
//! loop wakes for whichever comes first. Keys are resolved on the loop's thread (that
//! needs the desk's state); this thread only carries events.

use super::Msg;
use crossterm::event::{self, Event};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
use std::time::Duration;

/// How long the thread waits for an event before it looks at its stop flag. This
/// bounds how long stopping takes, not how soon an event reaches the loop: an event
/// ends the wait at once.
pub const STOP_CHECK: Duration = Duration::from_millis(50);

/// The running input thread; stopping it (or dropping it) waits for it to end.
pub struct Input {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Input {
    /// Forwards the terminal's events to `tx`.
    pub fn start(tx: Sender<Msg>) -> Input {
        Input::start_with(tx, terminal_event)
    }

    /// Forwards the events `next` returns (`None`: nothing within the timeout it is
    /// given). A read error is sent as [`Msg::InputFailed`] and ends the thread.
    pub fn start_with<F>(tx: Sender<Msg>, mut next: F) -> Input
    where
        F: FnMut(Duration) -> io::Result<Option<Event>> + Send + 'static,
    {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let handle = std::thread::spawn(move || {
            let forward = std::panic::AssertUnwindSafe(|| {
                while !stopped.load(Ordering::Relaxed) {
                    let msg = match next(STOP_CHECK) {
                        Ok(Some(e)) => Msg::Event(e),
                        Ok(None) => continue,
                        Err(e) => Msg::InputFailed(e),
                    };
                    let failed = matches!(msg, Msg::InputFailed(_));
                    // The loop has gone, or the terminal can no longer be read.
                    if tx.send(msg).is_err() || failed {
                        return;
                    }
                }
            });
            if std::panic::catch_unwind(forward).is_err() {
                let gone = io::Error::other("the input thread stopped unexpectedly");
                let _ = tx.send(Msg::InputFailed(gone));
            }
        });
        Input {
            stop,
            handle: Some(handle),
        }
    }

    /// Stops the thread and waits for it (at most [`STOP_CHECK`] and one event).
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The terminal's next event, if one comes within `timeout`.
fn terminal_event(timeout: Duration) -> io::Result<Option<Event>> {
    if event::poll(timeout)? {
        event::read().map(Some)
    } else {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent};
    use std::sync::mpsc::channel;

    #[test]
    fn events_are_forwarded_and_the_thread_stops_on_its_flag() {
        let (tx, rx) = channel();
        let mut keys = vec![Event::Key(KeyEvent::from(KeyCode::Char('j')))];
        let mut input = Input::start_with(tx, move |timeout| {
            Ok(match keys.pop() {
                Some(k) => Some(k),
                None => {
                    // Nothing more to read: wait as the terminal would.
                    std::thread::sleep(timeout);
                    None
                }
            })
        });
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(Msg::Event(Event::Key(k))) => assert_eq!(k.code, KeyCode::Char('j')),
            other => panic!("expected the key, got {other:?}"),
        }
        // Returns once the poll in progress ends.
        input.stop();
        assert!(rx.try_recv().is_err(), "nothing after the stop");
    }

    #[test]
    fn a_read_error_reaches_the_loop_and_ends_the_thread() {
        let (tx, rx) = channel();
        let mut input = Input::start_with(tx, |_| Err(io::Error::other("tty gone")));
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(Msg::InputFailed(e)) => assert_eq!(e.to_string(), "tty gone"),
            other => panic!("expected the error, got {other:?}"),
        }
        input.stop();
        assert!(rx.try_recv().is_err(), "one error, then nothing");
    }
}
