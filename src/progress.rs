//! A progress bar for runs long enough to wonder about: drawn on stderr only when it
//! is a terminal, never in CI or with --quiet, and only once the run has taken a
//! second, so that short runs and every log stay exactly as they were.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    /// Set when the run is over, so that a bar not yet shown never is.
    done: Arc<(Mutex<bool>, Condvar)>,
    shown: Arc<AtomicBool>,
}

impl Progress {
    /// A bar for this run, if stderr is a terminal outside CI and `wanted`.
    pub fn start(wanted: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let done = Arc::new((Mutex::new(false), Condvar::new()));
        let shown = Arc::new(AtomicBool::new(false));
        let interactive = std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        if wanted && interactive {
            let (bar, done, shown) = (bar.clone(), Arc::clone(&done), Arc::clone(&shown));
            std::thread::spawn(move || {
                let (lock, wake) = &*done;
                let Ok(guard) = lock.lock() else { return };
                let Ok((finished, _)) = wake.wait_timeout_while(guard, DELAY, |d| !*d) else {
                    return;
                };
                if !*finished {
                    shown.store(true, Ordering::Relaxed);
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Progress { bar, done, shown }
    }

    /// A phase with no count: a spinner and what is being done.
    pub fn phase(&self, message: &'static str) {
        self.bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        self.bar.set_length(0);
        self.bar.set_message(message);
    }

    /// A phase of `total` steps.
    pub fn counted(&self, message: &'static str, total: usize) {
        self.bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        self.bar.set_position(0);
        self.bar.set_length(total as u64);
        self.bar.set_message(message);
    }

    /// One step of the current phase done (callable from any thread).
    pub fn step(&self) {
        self.bar.inc(1);
    }

    /// Runs `f`, which writes to stderr, with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Whether the bar ever appeared.
    pub fn was_shown(&self) -> bool {
        self.shown.load(Ordering::Relaxed)
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        let (lock, wake) = &*self.done;
        if let Ok(mut finished) = lock.lock() {
            *finished = true;
        }
        wake.notify_all();
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_off_a_terminal_is_never_shown() {
        let progress = Progress::start(true);
        progress.counted("evaluating", 3);
        progress.step();
        std::thread::sleep(DELAY + Duration::from_millis(200));
        // Test output is captured, so stderr is not a terminal.
        assert!(!progress.was_shown());
    }
}
