//! `waymark serve` as an editor uses it: start it, read a page, edit the file and see the change,
//! break the front matter and see the error overlay while the last good page stays, fix it, and
//! make sure nothing outside the site can be fetched.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common;

/// A running preview, stopped when dropped.
struct Preview {
    child: Child,
    addr: String,
    /// What it has printed since it gave its address, line by line.
    said: Arc<Mutex<Vec<String>>>,
}

impl Preview {
    /// Whether it prints a line holding `text` within `limit`.
    fn says(&self, text: &str, limit: Duration) -> bool {
        within(limit, || {
            self.said.lock().unwrap().iter().any(|l| l.contains(text))
        })
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &std::path::Path) -> Preview {
    start_with(site, &[])
}

fn start_with(site: &std::path::Path, options: &[&str]) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["serve", "--port", "0", "--site", site.to_str().unwrap()])
        .args(options)
        .env("WAYMARK_TODAY", common::TODAY)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start waymark serve");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("at http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    // Keep reading stderr so the preview never blocks on a full pipe.
    let said = Arc::new(Mutex::new(Vec::new()));
    let keep = said.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            keep.lock().unwrap().push(line);
        }
    });
    Preview { child, addr, said }
}

/// A raw HTTP/1.0 request: (status, headers and body as text).
fn request(addr: &str, method: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "{method} {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response)
}

fn get(addr: &str, path: &str) -> (u16, String) {
    request(addr, "GET", path)
}

/// Polls until `check` holds, for at most `limit`.
fn within(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// The first event of each kind the page listener gets within `limit`.
fn next_event(addr: &str, limit: Duration) -> Option<String> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(limit)).unwrap();
    write!(
        stream,
        "GET /__waymark/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while reader.read_line(&mut line).ok()? > 0 {
        if let Some(event) = line.trim().strip_prefix("event: ") {
            let mut data = String::new();
            reader.read_line(&mut data).ok()?;
            return Some(format!("{event} {}", data.trim()));
        }
        line.clear();
    }
    None
}

#[test]
fn edits_show_up_errors_overlay_and_traversal_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    common::copy_dir(&common::fixture("valid"), &site);
    let preview = start(&site);
    let addr = preview.addr.clone();

    let (status, page) = get(&addr, "/strategy/vision.html");
    assert_eq!(status, 200);
    assert!(page.contains("Fewer children will live with"));
    assert!(
        page.contains("/__waymark/live.js"),
        "the reload script is added when serving"
    );
    assert!(page.contains("Content-Type: text/html; charset=utf-8"));

    // An edit is served within two seconds.
    let file = site.join("content/strategy/vision.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        original.replace("Fewer children", "Far fewer children"),
    )
    .unwrap();
    assert!(
        within(Duration::from_secs(2), || get(
            &addr,
            "/strategy/vision.html"
        )
        .1
        .contains("Far fewer children")),
        "the edit is served within 2 seconds"
    );

    // A broken edit: the overlay names the file and line, and the last good page stays.
    let listener = {
        let addr = addr.clone();
        std::thread::spawn(move || next_event(&addr, Duration::from_secs(5)))
    };
    std::thread::sleep(Duration::from_millis(200));
    std::fs::write(&file, "+++\ntitle = Our vision\n+++\nBroken.\n").unwrap();
    let event = listener
        .join()
        .unwrap()
        .expect("an event after the broken edit");
    assert!(event.starts_with("problems"), "{event}");
    assert!(event.contains("content/strategy/vision.md:2:"), "{event}");
    let (status, page) = get(&addr, "/strategy/vision.html");
    assert_eq!(status, 200);
    assert!(
        page.contains("Far fewer children"),
        "the last good page is still served"
    );

    // A page opened now gets the problems at once.
    let late = next_event(&addr, Duration::from_secs(2)).expect("current problems");
    assert!(late.starts_with("problems"), "{late}");

    // Fixing the file clears it: the page is rebuilt and new listeners get no problems.
    std::fs::write(&file, &original).unwrap();
    assert!(within(Duration::from_secs(2), || get(
        &addr,
        "/strategy/vision.html"
    )
    .1
    .contains("Fewer children will live")));
    // The rebuilt page is on disk a moment before the preview forgets the old problems, so a
    // page opened in that moment may still get them; soon after, none.
    assert!(
        within(Duration::from_secs(2), || next_event(
            &addr,
            Duration::from_millis(300)
        )
        .is_none()),
        "no problems once fixed"
    );

    // Nothing outside the site folder, however the path is written.
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/strategy/%2E%2E/%2E%2E/waymark.toml",
        "/..%2fwaymark.toml",
        "/%5c..%5cwaymark.toml",
    ] {
        let (status, body) = get(&addr, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(
            !body.contains("title = \"Fixture guidance\""),
            "{path} leaked the settings"
        );
    }
    let (status, body) = get(&addr, "/no-such-page.html");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's own 404 page");

    // HEAD has the headers and no body.
    let (status, head) = request(&addr, "HEAD", "/index.html");
    assert_eq!(status, 200);
    assert!(head.ends_with("\r\n\r\n"), "no body after the headers");
    assert!(head.contains("Content-Length:"));
}

#[test]
fn serving_never_writes_into_the_output_folder() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    common::copy_dir(&common::fixture("valid"), &site);
    let preview = start(&site);
    let (status, _) = get(&preview.addr, "/index.html");
    assert_eq!(status, 200);
    assert!(
        !site.join("output").exists(),
        "the preview lives in its own temporary folder"
    );
}

/// The `VERSION` in a served service worker.
fn worker_version(addr: &str) -> String {
    let (status, worker) = get(addr, "/sw.js");
    assert_eq!(status, 200);
    let start = worker.find("const VERSION = \"").expect("a version") + 17;
    worker[start..start + 16].to_string()
}

#[test]
fn offline_test_serves_pages_as_built_and_keeps_the_worker_up_to_date() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    common::copy_dir(&common::fixture("valid"), &site);

    // The ordinary preview adds the reload script, which keeps service workers away.
    let preview = start(&site);
    let (_, page) = get(&preview.addr, "/index.html");
    assert!(page.contains("/__waymark/live.js"));
    let (_, live) = get(&preview.addr, "/__waymark/live.js");
    assert!(live.contains("data-wm-preview") && live.contains("unregister()"));
    drop(preview);

    let preview = start_with(&site, &["--offline-test"]);
    let addr = preview.addr.clone();
    let (status, page) = get(&addr, "/strategy/vision.html");
    assert_eq!(status, 200);
    assert!(!page.contains("/__waymark/"), "no live reload: {page}");
    assert_eq!(get(&addr, "/__waymark/live.js").0, 404);
    let (status, manifest) = get(&addr, "/manifest.webmanifest");
    assert_eq!(status, 200);
    assert!(manifest.contains("Content-Type: application/manifest+json"));

    // A page's body changes: only that page is rebuilt, and the worker gets a new version.
    let before = worker_version(&addr);
    let chapter = site.join("content/strategy/vision.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(
        &chapter,
        text.replace("Fewer children", "Far fewer children"),
    )
    .unwrap();
    assert!(
        within(Duration::from_secs(10), || worker_version(&addr) != before),
        "the service worker's version changes after an edit"
    );
    assert!(
        get(&addr, "/strategy/vision.html")
            .1
            .contains("Far fewer children")
    );
}

#[test]
fn a_folder_without_its_slash_redirects_and_rebuilds_resume_after_content_moves_away_and_back() {
    let root = tempfile::tempdir().unwrap();
    let site = root.path().join("site");
    common::copy_dir(&common::fixture("valid"), &site);
    let preview = start(&site);
    let addr = preview.addr.clone();

    // `/strategy` answers with a redirect to `/strategy/`, where the page's relative links work.
    let (status, response) = get(&addr, "/strategy");
    assert_eq!(status, 301, "{response}");
    assert!(response.contains("Location: /strategy/\r\n"), "{response}");
    assert_eq!(get(&addr, "/strategy/").0, 200);

    // The content folder moved away and back: edits are still picked up.
    let content = site.join("content");
    let away = root.path().join("away");
    std::fs::rename(&content, &away).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::rename(&away, &content).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let file = content.join("strategy/vision.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Fewer children", "Many fewer children")).unwrap();
    assert!(
        within(Duration::from_secs(3), || get(
            &addr,
            "/strategy/vision.html"
        )
        .1
        .contains("Many fewer children")),
        "the edit after the move is served"
    );
}

#[test]
fn a_local_site_rebuilds_on_an_edit_in_its_own_folder_or_its_base() {
    let root = tempfile::tempdir().unwrap();
    common::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/regional"),
        root.path(),
    );
    let preview = start(&root.path().join("northdale"));
    let addr = preview.addr.clone();
    let edit = |path: &str, from: &str, to: &str| {
        let file = root.path().join(path);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{path}: {from}");
        std::fs::write(&file, text.replace(from, to)).unwrap();
    };
    let served = |page: &str, wanted: &str| {
        within(Duration::from_secs(3), || {
            get(&addr, page).1.contains(wanted)
        })
    };
    assert!(served(
        "/procedures/making-a-referral.html",
        "01632 960 100"
    ));

    // A regional page shown as it is.
    edit(
        "region/content/procedures/recognising-neglect.md",
        "It builds up slowly",
        "It often builds up slowly",
    );
    assert!(served(
        "/procedures/recognising-neglect.html",
        "It often builds up slowly"
    ));
    // A regional page a local file adds to: the regional text changes, the local box stays.
    edit(
        "region/content/procedures/making-a-referral.md",
        "within 48 hours",
        "within one working day",
    );
    assert!(served(
        "/procedures/making-a-referral.html",
        "within one working day"
    ));
    assert!(
        get(&addr, "/procedures/making-a-referral.html")
            .1
            .contains("01632 960 100")
    );
    // The local file that adds to it.
    edit(
        "northdale/content/procedures/making-a-referral.md",
        "01632 960 999",
        "01632 960 998",
    );
    assert!(served(
        "/procedures/making-a-referral.html",
        "01632 960 998"
    ));
    assert!(
        get(&addr, "/procedures/making-a-referral.html")
            .1
            .contains("within one working day")
    );
    // A regional template.
    let frame = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"),
    )
    .unwrap();
    std::fs::create_dir_all(root.path().join("region/templates")).unwrap();
    std::fs::write(
        root.path().join("region/templates/base.html"),
        frame.replace(
            "If a child is in immediate danger",
            "If a child in Eastmoor is in immediate danger",
        ),
    )
    .unwrap();
    assert!(served(
        "/index.html",
        "If a child in Eastmoor is in immediate danger"
    ));

    // Another base named in waymark.toml: the preview is built on it, and edits there count.
    common::copy_dir(
        &root.path().join("region"),
        &root.path().join("region-2027"),
    );
    edit(
        "region-2027/content/procedures/recognising-neglect.md",
        "It often builds up slowly",
        "In the 2027 procedures, it builds up slowly",
    );
    edit(
        "northdale/waymark.toml",
        "\"../region\"",
        "\"../region-2027\"",
    );
    assert!(served(
        "/procedures/recognising-neglect.html",
        "In the 2027 procedures"
    ));
    // The watch on the new base starts just after the build that found it.
    assert!(preview.says("region-2027 for changes", Duration::from_secs(3)));
    edit(
        "region-2027/content/procedures/recognising-neglect.md",
        "In the 2027 procedures",
        "In the revised 2027 procedures",
    );
    assert!(
        served(
            "/procedures/recognising-neglect.html",
            "In the revised 2027 procedures"
        ),
        "an edit in the new base rebuilds"
    );
}
