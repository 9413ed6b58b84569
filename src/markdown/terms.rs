//! Glossary terms linked where they are used, so every definition is one step from any page.
//!
//! The first mention of each term on a page (by its term, an alias or its abbreviation) links to
//! the definition and carries the short definition, which the theme's script shows as a tooltip;
//! without the script it is a plain link. Only running text is linked: never headings, links,
//! images or code, and never a term on its own definition page. The first use of an abbreviation
//! is followed by the words in full, "GCP (Graded Care Profile)", unless the page spelled the term
//! out before it. `link_terms = false` in a page's front matter turns links and expansions off.
//!
//! Every mention anywhere on the page, title and headings included, is reported, for the
//! definition pages' "Used in" lists.
//!
//! A run of text that gets a link or an expansion is written as one piece of HTML in place of
//! its text events, escaped as pulldown-cmark escapes text, so no other event of the page moves.
//! The page's text for search and checks is taken before, as the editor wrote it.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::links::{closes_link, opens_link};
use crate::content::{PageId, Site};
use crate::glossary::{EntryId, Form, Glossary, TermMatch};
use crate::markdown_parse::events::Spanned;
use crate::util::html::escape_attr;
use crate::util::url::relative_url;

/// Per-page facts about one term.
const MENTIONED: u8 = 1;
const LINKED: u8 = 2;
const SPELLED_OUT: u8 = 4;
const EXPANDED: u8 = 8;

/// Links the terms on page `id` and returns the terms it mentions, in A to Z order.
pub(crate) fn link_terms<'a>(
    events: &mut Vec<Spanned<'a>>,
    site: &'a Site,
    glossary: &'a Glossary,
    id: PageId,
) -> Vec<EntryId> {
    if glossary.is_empty() {
        return Vec::new();
    }
    let page = &site.pages[id];
    let mut linker = Linker {
        glossary,
        page_url: &page.url,
        own: glossary.entry_for_page(id),
        enabled: page.front.link_terms != Some(false),
        flags: vec![0; glossary.len()],
        mentioned: Vec::new(),
        plan: Vec::new(),
        folder: None,
    };
    // The title and summary sit above the body, and are searched with it: a term spelled out
    // there is spelled out.
    let above = std::iter::once(page.front.title.as_str()).chain(page.front.summary.as_deref());
    for m in above.flat_map(|text| glossary.matcher().find_iter(text)) {
        linker.note(&m);
    }

    // Each run of text (a text event, or text events and the soft line breaks between them,
    // which a term may cross) is matched as one text. A run that changes becomes one piece of
    // HTML: its text escaped as pulldown-cmark would write it, with the links and expansions in
    // place. The events after its first are emptied rather than removed, so no other event moves.
    let mut place = Place::default();
    let mut i = 0;
    while i < events.len() {
        if !matches!(events[i].0, Event::Text(_)) || place.code > 0 {
            place.update(&events[i].0);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if let Some((Event::SoftBreak, _)) = events.get(end) {
            while let Some((Event::Text(_) | Event::SoftBreak, _)) = events.get(end) {
                end += 1;
            }
        }
        let joined = (end - i > 1).then(|| run_text(&events[i..end]));
        let html = {
            let text = match (&joined, &events[i].0) {
                (Some(text), _) => text.as_str(),
                (None, Event::Text(text)) => text.as_ref(),
                (None, _) => unreachable!("a run starts with a text event"),
            };
            let found = glossary.matcher().find_iter(text).collect();
            linker
                .plan(text, place.is_running_text(), found)
                .then(|| linker.html(text))
        };
        if let Some(html) = html {
            events[i].0 = Event::InlineHtml(CowStr::from(html));
            for (event, _) in &mut events[i + 1..end] {
                *event = Event::Text(CowStr::Borrowed(""));
            }
        }
        i = end;
    }
    let mut mentioned = linker.mentioned;
    mentioned.sort_unstable();
    mentioned
}

/// Where in the page an event sits, from the tags around it.
#[derive(Debug, Default)]
struct Place {
    heading: usize,
    link: usize,
    image: usize,
    code: usize,
}

impl Place {
    fn update(&mut self, event: &Event<'_>) {
        let (counter, opens) = match event {
            Event::Start(Tag::Heading { .. }) => (&mut self.heading, true),
            Event::End(TagEnd::Heading(_)) => (&mut self.heading, false),
            Event::Start(Tag::Image { .. }) => (&mut self.image, true),
            Event::End(TagEnd::Image) => (&mut self.image, false),
            Event::Start(Tag::CodeBlock(_)) => (&mut self.code, true),
            Event::End(TagEnd::CodeBlock) => (&mut self.code, false),
            e if opens_link(e) => (&mut self.link, true),
            e if closes_link(e) => (&mut self.link, false),
            _ => return,
        };
        *counter = if opens {
            *counter + 1
        } else {
            counter.saturating_sub(1)
        };
    }

    fn is_running_text(&self) -> bool {
        self.heading == 0 && self.link == 0 && self.image == 0 && self.code == 0
    }
}

struct Linker<'a> {
    glossary: &'a Glossary,
    page_url: &'a str,
    own: Option<EntryId>,
    enabled: bool,
    flags: Vec<u8>,
    /// The terms mentioned, in the order first met.
    mentioned: Vec<EntryId>,
    /// What to do with the text being written: each match, whether to link it and whether to
    /// spell it out.
    plan: Vec<(TermMatch, bool, bool)>,
    /// The last definitions folder linked to, and the way there from this page.
    folder: Option<(&'a str, String)>,
}

impl<'a> Linker<'a> {
    /// Records a mention; a term or alias also counts as spelling the term out.
    fn note(&mut self, m: &TermMatch) {
        if self.flags[m.entry] & MENTIONED == 0 {
            self.flags[m.entry] |= MENTIONED;
            self.mentioned.push(m.entry);
        }
        if m.form == Form::Name {
            self.flags[m.entry] |= SPELLED_OUT;
        }
    }

    /// Records the terms `found` in `text`, and plans links and expansions where `running`
    /// (running text) allows them. True when the text needs rewriting.
    fn plan(&mut self, text: &str, running: bool, found: Vec<TermMatch>) -> bool {
        self.plan.clear();
        let mut changes = false;
        for m in found {
            let (mut link, mut expand) = (false, false);
            if running && self.enabled && Some(m.entry) != self.own {
                link = self.flags[m.entry] & LINKED == 0;
                expand = m.form == Form::Abbreviation
                    && self.flags[m.entry] & (SPELLED_OUT | EXPANDED) == 0
                    && !self.followed_by_expansion(&m, text);
                if link {
                    self.flags[m.entry] |= LINKED;
                }
                if expand {
                    self.flags[m.entry] |= EXPANDED;
                }
                changes |= link || expand;
            }
            self.note(&m);
            self.plan.push((m, link, expand));
        }
        changes
    }

    /// Writes the opening tag of a link to term `entry` to `html`, with its relative URL,
    /// working out the way to its folder once a page.
    fn open_tag(&mut self, entry: EntryId, html: &mut String) {
        let parts = self.glossary.link_parts(entry);
        let prefix = match &self.folder {
            Some((known, prefix)) if *known == parts.folder => prefix,
            _ => {
                let way = escape_attr(&relative_url(self.page_url, &parts.folder));
                &self.folder.insert((&parts.folder, way)).1
            }
        };
        for piece in [
            r#"<a href=""#,
            prefix,
            &parts.file,
            "\"",
            &parts.attributes,
            ">",
        ] {
            html.push_str(piece);
        }
    }

    /// True when the editor already wrote the words after the abbreviation: "GCP (Graded Care
    /// Profile)".
    fn followed_by_expansion(&self, m: &TermMatch, text: &str) -> bool {
        text[m.end..]
            .trim_start()
            .strip_prefix('(')
            .is_some_and(|rest| {
                self.glossary
                    .entry(m.entry)
                    .is_spelled_out_at(rest.trim_start())
            })
    }

    /// `text` as HTML, with the links and expansions the plan says.
    fn html(&mut self, text: &str) -> String {
        let mut html = String::with_capacity(text.len() + 256);
        let mut done = 0;
        let plan = std::mem::take(&mut self.plan);
        for &(m, link, expand) in &plan {
            if !(link || expand) {
                continue;
            }
            escape_text(&mut html, &text[done..m.start]);
            if link {
                self.open_tag(m.entry, &mut html);
                escape_text(&mut html, &text[m.start..m.end]);
                html.push_str("</a>");
            } else {
                escape_text(&mut html, &text[m.start..m.end]);
            }
            if expand {
                escape_text(&mut html, self.glossary.expansion_after(m.entry, m.plural));
            }
            done = m.end;
        }
        escape_text(&mut html, &text[done..]);
        self.plan = plan;
        html
    }
}

/// Escapes running text as pulldown-cmark does when it writes a text event, so a linked
/// paragraph reads exactly as it would have without its links.
fn escape_text(html: &mut String, text: &str) {
    pulldown_cmark_escape::escape_html_body_text(html, text)
        .expect("writing to a String cannot fail");
}

/// The text of a run of text events and soft line breaks, a break read as a space.
fn run_text(run: &[Spanned<'_>]) -> String {
    run.iter()
        .map(|(e, _)| match e {
            Event::Text(t) => t.as_ref(),
            _ => " ",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{LoadOptions, load};

    const DEFINITIONS: &[(&str, &str)] = &[
        (
            "definitions/neglect.md",
            "+++\ntitle = \"Neglect\"\nsummary = \"Needs \\\"not\\\" met.\"\n+++\nNeglect is common. See emotional neglect.\n",
        ),
        (
            "definitions/emotional-neglect.md",
            "+++\ntitle = \"Emotional neglect\"\nsummary = \"No comfort.\"\n+++\nText.\n",
        ),
        (
            "definitions/graded-care-profile.md",
            "+++\ntitle = \"Graded Care Profile\"\nabbreviation = \"GCP\"\nsummary = \"A tool.\"\n+++\nText.\n",
        ),
        (
            "definitions/child-protection-plan.md",
            "+++\ntitle = \"Child protection plan\"\nabbreviation = \"CPP\"\n+++\nText.\n",
        ),
    ];

    /// The body HTML of `body` as a page `guide/page.md` of a site with the definitions above,
    /// the terms it mentions and its text for search.
    fn render_all(front: &str, body: &str) -> (String, Vec<String>, String) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("waymark.toml"), "title = \"T\"\n").unwrap();
        let page = format!("+++\ntitle = \"A page\"\n{front}+++\n{body}");
        let files = DEFINITIONS.iter().copied().chain([
            ("_index.md", "+++\ntitle = \"Home\"\n+++\n"),
            ("guide/page.md", &page),
        ]);
        for (path, text) in files {
            let path = dir.path().join("content").join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let site = load(dir.path(), LoadOptions::default()).unwrap();
        let glossary = Glossary::build(&site).unwrap();
        let id = site.page_by_source("guide/page.md").unwrap();
        let rendered = crate::markdown::render_page(&site, &glossary, id);
        let terms = rendered
            .terms
            .iter()
            .map(|&e| glossary.entry(e).term.clone())
            .collect();
        let text = rendered.sections.iter().map(|s| s.text.as_str()).collect();
        (rendered.html, terms, text)
    }

    fn render(front: &str, body: &str) -> (String, Vec<String>) {
        let (html, terms, _) = render_all(front, body);
        (html, terms)
    }

    fn body(markdown: &str) -> String {
        render("", markdown).0
    }

    #[test]
    fn the_first_mention_links_with_its_definition_and_the_second_does_not() {
        let html = body("Neglect harms. Neglect again.\n");
        assert_eq!(
            html,
            "<p><a href=\"../definitions/neglect.html\" class=\"wm-term\" \
             data-wm-definition=\"Needs &quot;not&quot; met.\">Neglect</a> harms. Neglect again.</p>\n"
        );
    }

    #[test]
    fn a_linked_paragraph_is_escaped_like_any_other_text() {
        let html = body("Neglect & 1 < 2, then\nthe GCP.\n");
        assert_eq!(
            html,
            "<p><a href=\"../definitions/neglect.html\" class=\"wm-term\" \
             data-wm-definition=\"Needs &quot;not&quot; met.\">Neglect</a> &amp; 1 &lt; 2, then \
             the <a href=\"../definitions/graded-care-profile.html\" class=\"wm-term\" \
             data-wm-definition=\"A tool.\">GCP</a> (Graded Care Profile).</p>\n"
        );
    }

    #[test]
    fn the_search_text_is_the_text_as_written_without_expansions() {
        let (html, _, text) = render_all("", "Use the GCP.\n");
        assert!(html.contains("(Graded Care Profile)"), "{html}");
        assert_eq!(text, "Use the GCP.");
    }

    #[test]
    fn longest_match_wins_and_each_term_links_once() {
        let html = body("Emotional neglect is neglect.\n");
        assert!(
            html.contains(">Emotional neglect</a> is <a href=\"../definitions/neglect.html\""),
            "{html}"
        );
    }

    #[test]
    fn headings_links_images_and_code_are_left_alone_and_still_count_as_mentions() {
        let (html, terms) = render(
            "",
            "## Neglect\n\n[neglect](../_index.md), [neglect](https://example.org), `neglect`, \
             ![neglect](x.png)\n\n```\nneglect\n```\n\nThen neglect.\n",
        );
        assert_eq!(html.matches("wm-term").count(), 1, "{html}");
        assert!(
            html.contains("Then <a href=\"../definitions/neglect.html\""),
            "{html}"
        );
        assert_eq!(terms, ["Neglect"]);
    }

    #[test]
    fn an_abbreviation_is_expanded_on_first_use_unless_spelled_out_before() {
        let html = body("Use the GCP. The GCP helps.\n");
        assert!(
            html.contains(">GCP</a> (Graded Care Profile). The GCP helps."),
            "{html}"
        );
        let html = body("The Graded Care Profile (GCP) is a tool. The GCP helps.\n");
        assert!(!html.contains("(Graded Care Profile) "), "{html}");
        assert_eq!(html.matches("Graded Care Profile").count(), 1, "{html}");
        let html = body("Two CPPs.\n");
        assert!(
            html.contains(">CPPs</a> (child protection plans)."),
            "{html}"
        );
        let html = body("A GCP (Graded Care Profile) was done.\n");
        assert_eq!(html.matches("Graded Care Profile").count(), 1, "{html}");
    }

    #[test]
    fn a_term_split_over_lines_is_found() {
        let html = body("The Graded Care\nProfile helps.\n");
        assert!(html.contains(">Graded Care Profile</a> helps"), "{html}");
    }

    #[test]
    fn link_terms_false_turns_links_and_expansions_off() {
        let (html, terms) = render("link_terms = false\n", "Neglect and the GCP.\n");
        assert_eq!(html, "<p>Neglect and the GCP.</p>\n");
        assert_eq!(terms, ["Graded Care Profile", "Neglect"]);
    }
}
