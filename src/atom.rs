//! Writing Atom 1.0 feeds: "What's changed" (`changes.xml`) and the news (`news.xml`). Links are
//! absolute; dates are the content's own (never the build's time), so the same content gives the
//! same bytes.

use crate::markdown::links::escape_attr;

/// A feed's own facts.
pub struct Feed<'a> {
    pub title: String,
    pub subtitle: Option<&'a str>,
    pub language: &'a str,
    /// The feed's address, also its id.
    pub self_url: String,
    /// The page that shows the same list.
    pub page_url: String,
    /// The newest entry's day (`2026-11-02`).
    pub updated: String,
    pub author: &'a str,
}

/// One entry.
pub struct Entry {
    pub title: String,
    pub id: String,
    pub url: String,
    /// `2026-11-02`.
    pub updated: String,
    pub summary: Option<String>,
    pub category: &'static str,
}

/// The feed's XML.
pub fn write(feed: &Feed<'_>, entries: &[Entry]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    xml.push_str(&escape_attr(feed.language));
    xml.push_str("\">\n");
    element(&mut xml, "  ", "title", &feed.title);
    if let Some(subtitle) = feed.subtitle {
        element(&mut xml, "  ", "subtitle", subtitle);
    }
    element(&mut xml, "  ", "id", &feed.self_url);
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape_attr(&feed.self_url)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_attr(&feed.page_url)
    ));
    element(
        &mut xml,
        "  ",
        "updated",
        &format!("{}T00:00:00Z", feed.updated),
    );
    xml.push_str("  <author><name>");
    xml.push_str(&escape_attr(feed.author));
    xml.push_str("</name></author>\n");
    xml.push_str("  <generator>waymark</generator>\n");
    for entry in entries {
        xml.push_str("  <entry>\n");
        element(&mut xml, "    ", "title", &entry.title);
        element(&mut xml, "    ", "id", &entry.id);
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_attr(&entry.url)
        ));
        element(
            &mut xml,
            "    ",
            "updated",
            &format!("{}T00:00:00Z", entry.updated),
        );
        if let Some(summary) = &entry.summary {
            element(&mut xml, "    ", "summary", summary);
        }
        xml.push_str(&format!("    <category term=\"{}\"/>\n", entry.category));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn element(xml: &mut String, indent: &str, name: &str, text: &str) {
    xml.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape_attr(text)));
}
