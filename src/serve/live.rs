//! Live reload: open pages listen on a server-sent-events stream and reload after each rebuild,
//! or show the build's errors (file, line, what to do) over the last good page.

use std::io::Read;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tiny_http::{Header, Request, Response, StatusCode};

use crate::diagnostics::Diagnostics;

/// Where pages listen for events.
pub const EVENTS_PATH: &str = "/__waymark/events";
/// Where the page script is served; it is added to HTML only when serving.
pub const LIVE_SCRIPT_PATH: &str = "/__waymark/live.js";
/// The page script: reloads on `reload`, shows an overlay on `problems`.
pub const LIVE_SCRIPT: &str = include_str!("live.js");

/// How often an idle stream sends a comment, so closed tabs are noticed and dropped.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// One problem as the overlay shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OverlayProblem {
    pub location: String,
    pub message: String,
    pub hint: Option<String>,
}

/// The set of listening pages and the last build's outcome.
#[derive(Default)]
pub struct Live {
    listeners: Mutex<Vec<Sender<String>>>,
    /// The event a newly opened page gets first: the current problems, if the last build failed.
    current: Mutex<Option<String>>,
}

impl Live {
    pub fn new() -> Arc<Live> {
        Arc::new(Live::default())
    }

    /// Tells every open page to reload: the site was rebuilt.
    pub fn reload(&self) {
        *self.current.lock().unwrap() = None;
        self.broadcast(event("reload", "{}"));
    }

    /// Tells every open page the rebuild failed, with each error's location and hint.
    pub fn problems(&self, diagnostics: &Diagnostics) {
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

    /// Keeps `request` open as an event stream, on its own thread.
    pub fn subscribe(&self, request: Request) {
        let (sender, receiver) = channel();
        if let Some(current) = self.current.lock().unwrap().clone() {
            let _ = sender.send(current);
        }
        self.listeners.lock().unwrap().push(sender);
        std::thread::spawn(move || {
            let headers = vec![
                Header::from_bytes("Content-Type", "text/event-stream").expect("header"),
                Header::from_bytes("Cache-Control", "no-store").expect("header"),
            ];
            let body = EventStream {
                receiver,
                pending: b"retry: 500\n\n".to_vec(),
            };
            let response = Response::new(StatusCode(200), headers, body, None, None);
            let _ = request.respond(response);
        });
    }

    /// How many pages are listening (for tests).
    pub fn listeners(&self) -> usize {
        self.listeners.lock().unwrap().len()
    }
}

fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

/// A response body that blocks until the next event, so the stream stays open.
struct EventStream {
    receiver: Receiver<String>,
    pending: Vec<u8>,
}

impl Read for EventStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            match self.receiver.recv_timeout(HEARTBEAT) {
                Ok(message) => self.pending = message.into_bytes(),
                Err(RecvTimeoutError::Timeout) => self.pending = b": heartbeat\n\n".to_vec(),
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}
