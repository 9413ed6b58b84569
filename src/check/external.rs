//! Rule `external-link`, run only with `waymark check --external`: links to other websites
//! that fail, checked over HTTP(S).
//!
//! Each distinct address is requested once (without its `#fragment`), however many pages link
//! to it: a HEAD request, then a GET when a server refuses HEAD. A few requests run at once
//! (`concurrency`), each within `timeout`. An answer of 400 or above, a timeout, an unknown
//! host or a failed connection is reported on every page that links there. The addresses of
//! signposting entries (`url` in front matter) are checked too.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::rules::{Context, Rule};
use crate::config::RuleLevel;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Position};

pub(crate) const RULE: Rule = Rule {
    id: "external-link",
    default_level: RuleLevel::Warn,
    run,
};

/// How to check links to other websites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalOptions {
    /// How long one address may take to answer, redirects included.
    pub timeout: Duration,
    /// How many requests may be under way at once.
    pub concurrency: usize,
}

impl Default for ExternalOptions {
    fn default() -> Self {
        ExternalOptions {
            timeout: Duration::from_secs(10),
            concurrency: 8,
        }
    }
}

/// What asking for an address gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A success or redirect status, after following redirects.
    Ok(u16),
    /// A status of 400 or above.
    Status(u16),
    Timeout,
    /// The host name does not resolve.
    UnknownHost,
    /// Anything else: refused connection, TLS failure, bad address.
    Failed(String),
}

impl Outcome {
    pub(crate) fn is_ok(&self) -> bool {
        matches!(self, Outcome::Ok(_))
    }

    fn describe(&self, timeout: Duration) -> String {
        match self {
            Outcome::Ok(status) => format!("answered {status}"),
            Outcome::Status(404) => "answered 404 Not Found".into(),
            Outcome::Status(410) => "answered 410 Gone".into(),
            Outcome::Status(status) if *status >= 500 => {
                format!("answered {status}, a server error")
            }
            Outcome::Status(status) => format!("answered {status}"),
            Outcome::Timeout => format!("did not answer within {} s", timeout.as_secs_f64()),
            Outcome::UnknownHost => "has a host name that does not exist".into(),
            Outcome::Failed(reason) => format!("could not be reached ({reason})"),
        }
    }
}

/// Statuses with which servers refuse a HEAD request that a GET would answer.
fn refuses_head(status: u16) -> bool {
    matches!(status, 400 | 403 | 405 | 501)
}

/// Asks for one address: HEAD, then GET if the server refuses HEAD.
pub(crate) fn check_url(agent: &ureq::Agent, url: &str) -> Outcome {
    match agent.head(url).call() {
        Ok(response) if refuses_head(response.status().as_u16()) => {}
        Ok(response) => return status_outcome(response.status().as_u16()),
        Err(e) => return error_outcome(e),
    }
    match agent.get(url).call() {
        Ok(response) => status_outcome(response.status().as_u16()),
        Err(e) => error_outcome(e),
    }
}

fn status_outcome(status: u16) -> Outcome {
    if status >= 400 {
        Outcome::Status(status)
    } else {
        Outcome::Ok(status)
    }
}

fn error_outcome(error: ureq::Error) -> Outcome {
    match error {
        ureq::Error::StatusCode(status) => status_outcome(status),
        ureq::Error::Timeout(_) => Outcome::Timeout,
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => Outcome::Timeout,
        ureq::Error::HostNotFound => Outcome::UnknownHost,
        ureq::Error::Io(e) => Outcome::Failed(e.to_string()),
        other => Outcome::Failed(other.to_string()),
    }
}

/// The agent every request goes through: one timeout for the whole request, statuses as
/// answers rather than errors, proxies from the environment as usual.
pub(crate) fn agent(options: &ExternalOptions) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .user_agent(concat!(
            "waymark/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into()
}

/// Checks every address in `urls`, `options.concurrency` at a time. Outcomes are in the order
/// of `urls`.
pub(crate) fn check_urls(urls: &[String], options: &ExternalOptions) -> Vec<Outcome> {
    let agent = agent(options);
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; urls.len()]);
    let workers = options.concurrency.clamp(1, urls.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let outcome = check_url(&agent, url);
                    outcomes.lock().expect("no worker panics holding it")[i] = Some(outcome);
                }
            });
        }
    });
    outcomes
        .into_inner()
        .expect("no worker panicked")
        .into_iter()
        .map(|o| o.expect("every address was checked"))
        .collect()
}

/// The address to request for a link destination, if it is on another website.
pub(crate) fn request_url(dest: &str) -> Option<String> {
    let dest = dest.trim();
    let without_fragment = dest.split('#').next().unwrap_or(dest);
    let lower = without_fragment.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Some(without_fragment.to_string())
    } else if without_fragment.starts_with("//") {
        Some(format!("https:{without_fragment}"))
    } else {
        None
    }
}

/// Every external address on the site, with the first place each page links to it.
fn addresses<'a>(cx: &Context<'a>) -> BTreeMap<String, Vec<(&'a Page, Position)>> {
    let mut found: BTreeMap<String, Vec<(&Page, Position)>> = BTreeMap::new();
    let mut add = |url: String, page: &'a Page, position: Position| {
        let pages = found.entry(url).or_default();
        if !pages.iter().any(|(p, _)| std::ptr::eq(*p, page)) {
            pages.push((page, position));
        }
    };
    for (page, facts) in cx.pages() {
        if let Some(url) = page.front.url.as_deref().and_then(request_url) {
            add(url, page, page.value_position("url", None));
        }
        for link in &facts.links {
            if let Some(url) = request_url(&link.dest) {
                add(url, page, link.position);
            }
        }
    }
    found
}

fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let Some(options) = cx.external else {
        return Vec::new();
    };
    let addresses = addresses(cx);
    let urls: Vec<String> = addresses.keys().cloned().collect();
    let outcomes = check_urls(&urls, options);
    let mut found = Vec::new();
    for ((url, pages), outcome) in addresses.iter().zip(outcomes) {
        if outcome.is_ok() {
            continue;
        }
        for (page, position) in pages {
            let others = match pages.len() - 1 {
                0 => String::new(),
                1 => "; 1 other page links there too".to_string(),
                n => format!("; {n} other pages link there too"),
            };
            found.push(
                Diagnostic::warning(
                    RULE.id,
                    &page.file,
                    *position,
                    format!("{url} {}", outcome.describe(options.timeout)),
                )
                .with_hint(format!(
                    "open the address in a browser: if the page has moved, link to its new \
                     address; if it has gone, remove the link or find another source{others}"
                )),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    use super::*;

    /// A web server on the loopback address for the tests: `/ok` answers 200, `/missing` 404,
    /// `/no-head` refuses HEAD with 405 but answers GET, `/slow` waits three seconds.
    /// It stops after `requests` requests.
    fn serve(requests: usize) -> (String, std::thread::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for stream in listener.incoming().take(requests) {
                let mut stream = stream.unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                reader.read_line(&mut request_line).unwrap();
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap() > 2 {
                    line.clear();
                }
                let mut parts = request_line.split_whitespace();
                let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                seen.push(format!("{method} {path}"));
                let status = match (method, path) {
                    (_, "/ok") => "200 OK",
                    ("HEAD", "/no-head") => "405 Method Not Allowed",
                    ("GET", "/no-head") => "200 OK",
                    (_, "/slow") => {
                        std::thread::sleep(Duration::from_secs(3));
                        "200 OK"
                    }
                    _ => "404 Not Found",
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
            seen
        });
        (base, handle)
    }

    #[test]
    fn answers_heads_gets_and_timeouts() {
        let (base, server) = serve(5);
        let urls: Vec<String> = ["/ok", "/missing", "/no-head", "/slow"]
            .iter()
            .map(|p| format!("{base}{p}"))
            .collect();
        let options = ExternalOptions {
            timeout: Duration::from_secs(1),
            concurrency: 1,
        };
        let outcomes = check_urls(&urls, &options);
        assert_eq!(
            outcomes,
            [
                Outcome::Ok(200),
                Outcome::Status(404),
                Outcome::Ok(200),
                Outcome::Timeout
            ]
        );
        let seen = server.join().unwrap();
        assert_eq!(
            seen,
            [
                "HEAD /ok",
                "HEAD /missing",
                "HEAD /no-head",
                "GET /no-head",
                "HEAD /slow"
            ],
            "one request an address, and a GET only where HEAD was refused"
        );
    }

    #[test]
    fn a_refused_connection_is_a_failure() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        drop(listener);
        let outcome = check_urls(&[url], &ExternalOptions::default()).remove(0);
        assert!(matches!(outcome, Outcome::Failed(_)), "{outcome:?}");
    }

    #[test]
    fn only_web_addresses_are_requested_without_their_fragment() {
        assert_eq!(
            request_url("https://example.org/a#b").as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(
            request_url("//example.org/").as_deref(),
            Some("https://example.org/")
        );
        assert_eq!(
            request_url("HTTP://EXAMPLE.ORG").as_deref(),
            Some("HTTP://EXAMPLE.ORG")
        );
        assert_eq!(request_url("../a.md"), None);
        assert_eq!(request_url("mailto:a@example.org"), None);
    }

    #[test]
    fn outcomes_read_as_english() {
        let t = Duration::from_secs(10);
        assert_eq!(Outcome::Status(404).describe(t), "answered 404 Not Found");
        assert_eq!(
            Outcome::Status(503).describe(t),
            "answered 503, a server error"
        );
        assert_eq!(Outcome::Timeout.describe(t), "did not answer within 10 s");
        assert!(!Outcome::UnknownHost.is_ok());
    }
}
