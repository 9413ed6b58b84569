//! Live reload: open pages listen on a server-sent-events stream and reload after each rebuild,
//! or show the build's errors (file, line, what to do) over the last good page.

use std::io::Write;
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tiny_http::Request;

use crate::diagnostics::Diagnostics;

/// Where pages listen for events.
pub(crate) const EVENTS_PATH: &str = "/__waymark/events";
/// Where the page script is served; it is added to HTML only when serving.
pub(crate) const LIVE_SCRIPT_PATH: &str = "/__waymark/live.js";
/// The page script: reloads on `reload`, shows an overlay on `problems`.
pub(crate) const LIVE_SCRIPT: &str = include_str!("live.js");

/// How often an idle stream sends a comment, so closed tabs are noticed and dropped.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// One problem as the overlay shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct OverlayProblem {
    pub location: String,
    pub message: String,
    pub hint: Option<String>,
}

/// The set of listening pages and the last build's outcome.
#[derive(Default)]
pub(crate) struct Live {
    listeners: Mutex<Vec<Sender<String>>>,
    /// The event a newly opened page gets first: the current problems, if the last build failed.
    current: Mutex<Option<String>>,
}

impl Live {
    pub(crate) fn new() -> Arc<Live> {
        Arc::new(Live::default())
    }

    /// Tells every open page to reload: the site was rebuilt.
    pub(crate) fn reload(&self) {
        *self.current.lock().unwrap() = None;
        self.broadcast(event("reload", "{}"));
    }

    /// Tells every open page the rebuild failed, with each error's location and hint.
    pub(crate) fn problems(&self, diagnostics: &Diagnostics) {
        let problems: Vec<OverlayProblem> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| OverlayProblem {
                location: d.location(),
                message: d.message.clone(),
                hint: d.hint.clone(),
            })
            .collect();
        let message = event(
            "problems",
            &serde_json::to_string(&problems).expect("serialise"),
        );
        *self.current.lock().unwrap() = Some(message.clone());
        self.broadcast(message);
    }

    fn broadcast(&self, message: String) {
        self.listeners
            .lock()
            .unwrap()
            .retain(|listener| listener.send(message.clone()).is_ok());
    }

    /// Keeps `request` open as an event stream, on its own thread. The stream is written by hand
    /// and flushed after every event: a buffered response would hold events back.
    pub(crate) fn subscribe(&self, request: Request) {
        let (sender, receiver) = channel::<String>();
        if let Some(current) = self.current.lock().unwrap().clone() {
            let _ = sender.send(current);
        }
        self.listeners.lock().unwrap().push(sender);
        std::thread::spawn(move || {
            let mut stream = request.into_writer();
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                        Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
            if stream
                .write_all(head.as_bytes())
                .and_then(|()| stream.flush())
                .is_err()
            {
                return;
            }
            loop {
                let message = match receiver.recv_timeout(HEARTBEAT) {
                    Ok(message) => message,
                    Err(RecvTimeoutError::Timeout) => ": heartbeat\n\n".to_string(),
                    Err(RecvTimeoutError::Disconnected) => return,
                };
                if stream
                    .write_all(message.as_bytes())
                    .and_then(|()| stream.flush())
                    .is_err()
                {
                    return;
                }
            }
        });
    }
}

fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}
