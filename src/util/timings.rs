//! Step timings for the performance figures: with `WAYMARK_TIMINGS=1` in the environment, a build
//! prints how long each step took and the process's peak memory after it, so a slow site shows
//! where its time goes (pages, search index, PDFs) without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

/// Runs `work` as the step `name`, printing its time (and peak memory so far) when timings are on.
pub(crate) fn step<T>(name: &str, work: impl FnOnce() -> T) -> T {
    if !enabled() {
        return work();
    }
    let started = Instant::now();
    let result = work();
    let elapsed = started.elapsed();
    match peak_memory_mb() {
        Some(mb) => eprintln!(
            "timing: {name:<14} {:>8.1} ms   peak {mb:.0} MB",
            elapsed.as_secs_f64() * 1e3
        ),
        None => eprintln!("timing: {name:<14} {:>8.1} ms", elapsed.as_secs_f64() * 1e3),
    }
    result
}

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("WAYMARK_TIMINGS").is_some_and(|v| v != "0"))
}

/// The process's peak resident memory, where the system reports it (Linux).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
