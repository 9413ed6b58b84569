//! Writing iCalendar files (RFC 5545), as Outlook, Google Calendar and phones import them:
//! text values escaped, lines folded at 75 octets, CRLF line ends. Used by `waymark review
//! --format ics` and by the events' calendar files.

/// An iCalendar file being written, one content line at a time.
#[derive(Debug, Default)]
pub(crate) struct Calendar {
    text: String,
}

impl Calendar {
    /// Opens a calendar named `name`; `product` is the PRODID's middle part ("Events").
    pub(crate) fn new(product: &str, name: &str) -> Calendar {
        let mut calendar = Calendar::default();
        calendar.line("BEGIN:VCALENDAR");
        calendar.line("VERSION:2.0");
        calendar.line(&format!("PRODID:-//waymark//{product}//EN"));
        calendar.line("CALSCALE:GREGORIAN");
        calendar.line("METHOD:PUBLISH");
        calendar.line(&format!("X-WR-CALNAME:{}", escape_text(name)));
        calendar
    }

    /// Adds one content line as written (folded as needed).
    pub(crate) fn line(&mut self, line: &str) {
        self.text.push_str(&fold(line));
    }

    /// Adds `NAME:value` with the value escaped as TEXT.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// Closes the calendar and returns the file's text.
    pub(crate) fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.text
    }
}

/// `20270210` for a DATE value.
pub(crate) fn date_value(d: jiff::civil::Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// `20270210T093000Z` for a DATE-TIME value in UTC.
pub(crate) fn utc_value(t: jiff::Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A stable UID part from a path: lowercase letters and digits, other characters as `-`, so
/// importing a calendar again updates its events instead of doubling them.
pub(crate) fn uid(path: &str) -> String {
    path.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Escapes TEXT values: backslash, semicolon, comma and newline.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_with_crlf() {
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
        assert_eq!(escape_text("a;b,c\nd\\"), "a\\;b\\,c\\nd\\\\");
    }

    #[test]
    fn a_calendar_opens_and_closes() {
        let mut calendar = Calendar::new("Events", "Training, Northdale");
        calendar.text("SUMMARY", "A; B");
        let text = calendar.finish();
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.contains("X-WR-CALNAME:Training\\, Northdale\r\n"));
        assert!(text.contains("SUMMARY:A\\; B\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(
            utc_value("2027-07-12T08:30:00Z".parse().unwrap()),
            "20270712T083000Z"
        );
    }
}
