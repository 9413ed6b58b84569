//! `waymark serve`: build, serve over HTTP, watch the site folder, rebuild and reload browsers.
//!
//! The site is built into a private temporary folder (never `output/`, so the live-reload
//! script cannot end up in a published build; [`http`] adds it to pages as they are sent). A
//! watcher ([`notify`]) collects changes under `content/`, `templates/`, `theme/` and
//! `waymark.toml` (of the site's base too, for a site built on one); after a short quiet spell
//! the [`session::Session`] rebuilds what they touch and [`live`] tells open pages to reload, or
//! shows the errors over the last good page. The live reload script also keeps service workers
//! away, since one would keep serving what it saved; `--offline-test` serves pages as built,
//! with their service worker, to try offline use.

pub(crate) mod http;
pub(crate) mod live;
pub(crate) mod session;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use jiff::civil::Date;
use notify::{RecursiveMode, Watcher};
use thiserror::Error;

use crate::diagnostics::Diagnostics;
use live::Live;
use session::{Rebuilt, Session};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site_dir: PathBuf,
    pub bind: std::net::IpAddr,
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Serve pages as built, with their service worker and without live reload, to try
    /// offline use; the offline files are brought up to date after every rebuild.
    pub offline_test: bool,
    pub today: Date,
}

/// Why the preview could not start.
#[derive(Debug, Error)]
pub enum ServeError {
    #[error("the site does not build")]
    Content(Diagnostics),
    #[error("could not listen on {addr}: {message}")]
    Listen { addr: SocketAddr, message: String },
    #[error("could not watch {path} for changes: {message}")]
    Watch { path: PathBuf, message: String },
    #[error("could not make a folder for the preview: {0}")]
    Folder(std::io::Error),
}

impl ServeError {
    pub fn hint(&self) -> &'static str {
        match self {
            ServeError::Content(_) => "fix the errors above and run waymark serve again",
            ServeError::Listen { .. } => {
                "another program may be using that port: try another with --port, such as --port 1112"
            }
            ServeError::Watch { .. } => "check the folder exists and you can read it",
            ServeError::Folder(_) => "check the temporary folder (TMPDIR) is writable",
        }
    }
}

/// Changes that arrive within this spell of each other are rebuilt together.
const QUIET: Duration = Duration::from_millis(25);
/// A stream of changes never holds a rebuild back longer than this.
const MOST_WAIT: Duration = Duration::from_millis(250);
/// Threads answering requests.
const WORKERS: usize = 8;

/// Runs the preview until the process is stopped (Ctrl-C removes the preview folder and exits).
/// `on_ready` is called with the address once the site is built and served.
pub fn serve(options: &ServeOptions, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let site_dir = options
        .site_dir
        .canonicalize()
        .unwrap_or_else(|_| options.site_dir.clone());
    let preview = PreviewFolder::new()?;
    let mut session = Session::start(&site_dir, preview.path(), options.today)
        .map_err(ServeError::Content)?
        .keeping_offline_files(options.offline_test);

    let addr = SocketAddr::new(options.bind, options.port);
    let server = listen(addr)
        .and_then(|listener| {
            tiny_http::Server::from_listener(listener, None).map_err(std::io::Error::other)
        })
        .map_err(|e| ServeError::Listen {
            addr,
            message: e.to_string(),
        })?;
    let addr = server.server_addr().to_ip().unwrap_or(addr);
    let server = Arc::new(server);
    let live = Live::new();
    let live_reload = !options.offline_test;
    for _ in 0..WORKERS {
        let (server, live, root) = (server.clone(), live.clone(), session.out().to_path_buf());
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                http::handle(request, &root, &live, live_reload);
            }
        });
    }

    let (events, changes) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading files (as a rebuild does) raises access and metadata events: only changes count.
        if let Ok(event) = event
            && is_change(&event.kind)
        {
            for path in event.paths {
                let _ = events.send(path);
            }
        }
    })
    .map_err(|e| watch_error(&site_dir, e))?;
    // The site's folders, and its base's: an edit in either rebuilds.
    let mut folders = session.folders();
    for dir in &folders {
        watch_site_folder(&mut watcher, dir)?;
    }

    stop_on_ctrl_c(preview.base().to_path_buf());
    on_ready(addr);
    if options.open {
        open_browser(&format!("http://{addr}/"));
    }
    eprintln!(
        "Serving {} pages at http://{addr}/ (Ctrl-C to stop). Watching {} for changes.",
        session.pages(),
        folders
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(" and ")
    );
    if options.offline_test {
        eprintln!(
            "Offline test: pages register the service worker and do not reload by themselves; \
             after a change, open pages offer to reload."
        );
    }

    while let Some(batch) = next_batch(&changes) {
        for dir in &folders {
            watch_again(&mut watcher, dir, &batch);
        }
        let applied = session.apply(&batch);
        // A new `base` in waymark.toml: watch the new base instead of the old one.
        follow_folders(&mut watcher, &mut folders, session.folders());
        match applied {
            Ok((rebuilt, follow_up)) => {
                match &rebuilt {
                    Rebuilt::Nothing => continue,
                    Rebuilt::Site(took) => {
                        eprintln!("Rebuilt the site in {} ms", took.as_millis())
                    }
                    Rebuilt::Pages(pages, took) => {
                        eprintln!("Rebuilt {} in {} ms", pages.join(", "), took.as_millis())
                    }
                }
                live.reload();
                if let Err(problems) = session.follow_up(follow_up) {
                    report(&problems);
                    live.problems(&problems);
                }
            }
            Err(problems) => {
                report(&problems);
                eprintln!("The preview still shows the last version that built.");
                live.problems(&problems);
            }
        }
    }
    Ok(())
}

/// The site's folders watched for changes (with everything in them).
const WATCHED_FOLDERS: [&str; 3] = ["content", "templates", "theme"];

/// Watches a site folder: its content, templates and theme, and the folder itself (not its
/// subfolders) for the settings file, so editors that replace the file are seen.
fn watch_site_folder(watcher: &mut impl Watcher, dir: &Path) -> Result<(), ServeError> {
    for watched in WATCHED_FOLDERS {
        let path = dir.join(watched);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&path, e))?;
        }
    }
    watcher
        .watch(dir, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(dir, e))
}

/// Moves the watches from `watched` to `now`, the folders of the site as last built: a folder
/// no longer used (an old base) is let go, a new one (the base just named) is watched.
fn follow_folders(watcher: &mut impl Watcher, watched: &mut Vec<PathBuf>, now: Vec<PathBuf>) {
    if *watched == now {
        return;
    }
    for gone in watched.iter().filter(|dir| !now.contains(dir)) {
        for folder in WATCHED_FOLDERS {
            let _ = watcher.unwatch(&gone.join(folder));
        }
        let _ = watcher.unwatch(gone);
    }
    for new in now.iter().filter(|dir| !watched.contains(dir)) {
        match watch_site_folder(watcher, new) {
            Ok(()) => eprintln!("Watching {} for changes.", new.display()),
            Err(e) => eprintln!("{e}"),
        }
    }
    *watched = now;
}

/// Watches again a site folder that `changed` shows coming back (moved away and back, or made
/// anew): the watcher drops a folder's watch when the folder goes, and would not see it return.
fn watch_again(watcher: &mut impl Watcher, site_dir: &Path, changed: &[PathBuf]) {
    for folder in WATCHED_FOLDERS {
        let path = site_dir.join(folder);
        if changed.contains(&path) && path.is_dir() {
            let _ = watcher.unwatch(&path);
            if let Err(e) = watcher.watch(&path, RecursiveMode::Recursive) {
                eprintln!("{}", watch_error(&path, e));
            }
        }
    }
}

/// A listening socket with Nagle's algorithm off (connections inherit it): without that, each
/// small response waits for the browser's delayed acknowledgement, about 40 ms.
fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&addr.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

fn is_change(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    }
}

/// Waits for a change, then gathers the ones that follow it closely. None when watching ended.
fn next_batch(changes: &Receiver<PathBuf>) -> Option<Vec<PathBuf>> {
    let first = changes.recv().ok()?;
    let mut batch = vec![first];
    let started = std::time::Instant::now();
    loop {
        match changes.recv_timeout(QUIET) {
            Ok(path) => {
                if !batch.contains(&path) {
                    batch.push(path);
                }
                if started.elapsed() > MOST_WAIT {
                    return Some(batch);
                }
            }
            Err(RecvTimeoutError::Timeout) => return Some(batch),
            Err(RecvTimeoutError::Disconnected) => return Some(batch),
        }
    }
}

fn report(problems: &Diagnostics) {
    for d in problems {
        eprintln!("{d}");
    }
}

fn watch_error(path: &Path, error: notify::Error) -> ServeError {
    ServeError::Watch {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

/// The private folder the preview is built in (`site/` inside it, with staging folders beside
/// that), removed when the preview stops.
struct PreviewFolder(PathBuf, PathBuf);

impl PreviewFolder {
    fn new() -> Result<PreviewFolder, ServeError> {
        let base = std::env::temp_dir().join(format!("waymark-serve-{}", std::process::id()));
        std::fs::create_dir_all(&base).map_err(ServeError::Folder)?;
        let site = base.join("site");
        Ok(PreviewFolder(base, site))
    }

    /// The folder served.
    fn path(&self) -> &Path {
        &self.1
    }

    /// The whole private folder.
    fn base(&self) -> &Path {
        &self.0
    }
}

impl Drop for PreviewFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Ctrl-C (or a termination signal) removes the preview folder, which only waymark wrote, and
/// exits; nothing of the user's is touched.
fn stop_on_ctrl_c(preview: PathBuf) {
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&preview);
        eprintln!("\nStopped.");
        std::process::exit(0);
    });
}

/// Opens `url` in the default browser; quietly does nothing if there is none.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(command)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
