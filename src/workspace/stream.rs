//! Checking many inputs in parallel while handing results on in the inputs' order, as
//! they finish, holding at most a window of them: memory stays flat in the number of
//! inputs (a slow document holds the window, never the whole run).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

use super::check::Checked;
use super::inputs::Input;

/// Results ahead of the next one to emit, per worker thread, at most.
const WINDOW_PER_THREAD: usize = 8;

/// Runs `check` on every input on `threads` threads; `emit` receives each result in the
/// inputs' order, on the calling thread.
pub(super) fn check_in_order(
    inputs: &[Input],
    threads: usize,
    check: impl Fn(&Input) -> Checked + Sync,
    mut emit: impl FnMut(usize, Checked),
) {
    let threads = threads.clamp(1, inputs.len().max(1));
    let window = threads * WINDOW_PER_THREAD;
    let next = AtomicUsize::new(0);
    // How many results were emitted: a worker takes input `i` only once
    // `i < emitted + window`, so at most `window` results wait in the reorder buffer.
    let emitted = Mutex::new(0usize);
    let moved = Condvar::new();
    let failed = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, Checked)>(window);
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, emitted, moved, check) = (&next, &emitted, &moved, &check);
            let failed = &failed;
            s.spawn(move || {
                let _wake = WakeOnPanic {
                    emitted,
                    moved,
                    failed,
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else {
                        break;
                    };
                    {
                        let mut done = emitted.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *done + window {
                            done = moved.wait(done).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if failed.load(Ordering::SeqCst) || tx.send((i, check(input))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let _wake = WakeOnPanic {
            emitted: &emitted,
            moved: &moved,
            failed: &failed,
        };
        let mut pending: BTreeMap<usize, Checked> = BTreeMap::new();
        let mut at = 0;
        for (i, checked) in rx {
            pending.insert(i, checked);
            while let Some(checked) = pending.remove(&at) {
                emit(at, checked);
                at += 1;
                *emitted.lock().unwrap_or_else(|e| e.into_inner()) = at;
                moved.notify_all();
            }
        }
    });
}

/// A thread that panics (a check, or `emit`) opens the window for good and tells the
/// others to stop, so none waits forever for a result that will not come; the scope then
/// re-raises the panic.
struct WakeOnPanic<'a> {
    emitted: &'a Mutex<usize>,
    moved: &'a Condvar,
    failed: &'a AtomicBool,
}

impl Drop for WakeOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.failed.store(true, Ordering::SeqCst);
            *self.emitted.lock().unwrap_or_else(|e| e.into_inner()) = usize::MAX / 2;
            self.moved.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_finishes_first() {
        let inputs: Vec<Input> = (0..200)
            .map(|i| Input::Stdin {
                display: i.to_string(),
            })
            .collect();
        let mut seen = Vec::new();
        check_in_order(
            &inputs,
            4,
            |input| {
                // Early inputs finish last.
                let n: u64 = input.display().parse().unwrap_or(0);
                std::thread::sleep(std::time::Duration::from_micros(200u64.saturating_sub(n)));
                Checked::default()
            },
            |i, _| seen.push(i),
        );
        assert_eq!(seen, (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn a_panicking_check_is_raised_not_waited_for() {
        let inputs: Vec<Input> = (0..500)
            .map(|i| Input::Stdin {
                display: i.to_string(),
            })
            .collect();
        let outcome = std::panic::catch_unwind(|| {
            check_in_order(
                &inputs,
                3,
                |input| {
                    assert_ne!(input.display(), "7", "a bug in a check");
                    Checked::default()
                },
                |_, _| {},
            );
        });
        assert!(outcome.is_err());
    }
}
