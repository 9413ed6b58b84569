//! The glossary: the site's definition pages as terms, each with its other names, its related
//! terms, and one matcher that finds every name in text.
//!
//! It is built once from the loaded site, before any page is rendered, because every page links
//! the terms it mentions. Two definitions claiming the same name, or a `related` entry that names
//! no definition, stop the build with the file and line.

pub(crate) mod abbreviations;
mod matcher;

use std::collections::HashMap;
use std::collections::hash_map::Entry as MapEntry;

use serde::Serialize;

use crate::content::{Page, PageId, PageKind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, Position, suggest};
use crate::util::html::escape_attr;
use crate::util::url::relative_url;

pub use matcher::{Form, Matches, TermMatch, TermMatcher, collapse_spaces, plural};

/// Index of a term in [`Glossary::entries`], which are in A to Z order.
pub type EntryId = usize;

/// One defined term.
#[derive(Debug, Clone)]
pub struct Entry {
    pub page: PageId,
    /// The term as matched in text: `term`, or the page title.
    pub term: String,
    pub aliases: Vec<String>,
    pub abbreviation: Option<String>,
    pub category: Option<String>,
    pub source: Option<String>,
    /// The short definition (the page's `summary`): shown in the A to Z, in tooltips and in
    /// `glossary.json`.
    pub summary: Option<String>,
    pub related: Vec<EntryId>,
    /// The definition page, from the site root.
    pub url: String,
}

impl Entry {
    /// The term and its aliases: the names that spell the term out.
    pub fn full_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// True when `text` starts with the term or an alias, as in the "(Graded Care Profile)" an
    /// editor wrote after "GCP".
    pub fn is_spelled_out_at(&self, text: &str) -> bool {
        self.full_names().any(|name| {
            text.get(..name.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(name))
        })
    }

    /// The words an abbreviation stands for, to write after its first use: the term, in the
    /// plural when the abbreviation was, and starting in lowercase when the term is written in
    /// sentence case ("Child protection plan" reads "CPP (child protection plan)").
    pub fn expansion(&self, plural: bool) -> String {
        let words = match plural {
            true => matcher::plural(&self.term).unwrap_or_else(|| self.term.clone()),
            false => self.term.clone(),
        };
        if !is_sentence_case(&self.term) {
            return words;
        }
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// "Child protection plan" is sentence case (a common noun, written lowercase mid-sentence);
/// "Graded Care Profile" and "Team Around the Family" are names and keep their capitals.
fn is_sentence_case(term: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to",
    ];
    let mut words = term.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let mut chars = first.chars();
    let capital_then_lower =
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase());
    capital_then_lower
        && words.any(|w| !SMALL.contains(&w) && w.chars().next().is_some_and(char::is_lowercase))
}

/// How terms are ordered: ignoring case and a leading "The".
pub fn sort_key(term: &str) -> String {
    let lower = term.trim().to_lowercase();
    match lower.strip_prefix("the ") {
        Some(rest) if !rest.trim().is_empty() => rest.trim_start().to_string(),
        _ => lower,
    }
}

/// The letter a term is filed under in the A to Z; None for terms that start with a digit or a
/// symbol.
pub fn letter(term: &str) -> Option<char> {
    sort_key(term)
        .chars()
        .next()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
}

/// Names compare ignoring case, spacing and the kind of apostrophe.
fn fold(name: &str) -> String {
    collapse_spaces(name)
        .to_lowercase()
        .replace('\u{2019}', "'")
}

/// Every defined term of a site.
#[derive(Debug)]
pub struct Glossary {
    entries: Vec<Entry>,
    by_page: HashMap<PageId, EntryId>,
    /// Every name, folded, to its term.
    by_name: HashMap<String, EntryId>,
    matcher: TermMatcher,
    /// What a link to each term is made of, made once rather than on every page.
    links: Vec<LinkParts>,
    /// What follows the first use of each abbreviation, singular and plural: " (Graded Care
    /// Profile)". Made once rather than on every page.
    expansions: Vec<[String; 2]>,
}

impl Glossary {
    /// Reads every definition page of `site` (pages under `definitions/`). Reports every
    /// duplicate name and unknown related term.
    pub fn build(site: &Site) -> Result<Glossary, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut entries: Vec<Entry> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PageKind::Definition && !p.is_section && !p.synthetic)
            .map(|(id, page)| entry_of(id, page, &mut diagnostics))
            .collect();
        entries.sort_by(|a, b| {
            (sort_key(&a.term), &a.term, &a.url).cmp(&(sort_key(&b.term), &b.term, &b.url))
        });
        // Names are claimed in source order, so the later file gets the error.
        let mut in_source_order: Vec<EntryId> = (0..entries.len()).collect();
        in_source_order.sort_by_key(|&e| entries[e].page);

        let mut by_name: HashMap<String, EntryId> = HashMap::new();
        for &id in &in_source_order {
            for (key, index, name) in written_names(&site.pages[entries[id].page]) {
                if name.trim().is_empty() {
                    continue;
                }
                match by_name.entry(fold(name)) {
                    MapEntry::Vacant(slot) => {
                        slot.insert(id);
                    }
                    MapEntry::Occupied(slot) if *slot.get() == id => {}
                    MapEntry::Occupied(slot) => {
                        let first = &site.pages[entries[*slot.get()].page];
                        let page = &site.pages[entries[id].page];
                        diagnostics.push(
                            Diagnostic::error(
                                "duplicate-term",
                                &page.file,
                                page.value_position(key, index),
                                format!(
                                    "`{name}` is claimed by this definition and by {} (\"{}\")",
                                    first.file.display(),
                                    entries[*slot.get()].term
                                ),
                            )
                            .with_hint(
                                "each term, alias and abbreviation belongs to one definition: \
                                 remove it from one of them, or merge the two",
                            ),
                        );
                    }
                }
            }
        }

        let folded_names: Vec<(String, String)> = entries
            .iter()
            .flat_map(|e| e.full_names().chain(e.abbreviation.as_deref()))
            .map(|n| (fold(n), n.to_string()))
            .collect();
        for &id in &in_source_order {
            let page = &site.pages[entries[id].page];
            let mut related = Vec::new();
            for (index, name) in page.front.related.iter().enumerate() {
                match by_name.get(&fold(name)) {
                    Some(&other) if other != id && !related.contains(&other) => related.push(other),
                    Some(_) => {}
                    None => diagnostics.push(unknown_related(page, name, index, &folded_names)),
                }
            }
            entries[id].related = related;
        }

        let names = entries.iter().enumerate().flat_map(|(id, e)| {
            e.full_names().map(move |n| (id, n, Form::Name)).chain(
                e.abbreviation
                    .as_deref()
                    .map(|a| (id, a, Form::Abbreviation)),
            )
        });
        let matcher = match TermMatcher::new(names) {
            Ok(m) => m,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(
                        "glossary",
                        "content/definitions",
                        Position::FILE,
                        format!("the glossary's names could not be prepared for linking: {e}"),
                    )
                    .with_hint("the glossary is too large; please report this"),
                );
                return Err(diagnostics);
            }
        };
        if diagnostics.has_errors() {
            diagnostics.sort();
            return Err(diagnostics);
        }
        let by_page = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.page, i))
            .collect();
        let links = entries.iter().map(LinkParts::of).collect();
        let expansions = entries
            .iter()
            .map(|e| match e.abbreviation {
                Some(_) => [false, true].map(|plural| format!(" ({})", e.expansion(plural))),
                None => Default::default(),
            })
            .collect();
        Ok(Glossary {
            entries,
            by_page,
            by_name,
            matcher,
            links,
            expansions,
        })
    }

    /// Every term, in A to Z order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id]
    }

    /// The term a definition page defines.
    pub fn entry_for_page(&self, page: PageId) -> Option<EntryId> {
        self.by_page.get(&page).copied()
    }

    /// The term with this name (term, alias or abbreviation), ignoring case.
    pub fn find(&self, name: &str) -> Option<EntryId> {
        self.by_name.get(&fold(name)).copied()
    }

    /// What a link to term `id` is made of.
    pub fn link_parts(&self, id: EntryId) -> &LinkParts {
        &self.links[id]
    }

    /// The words in brackets to write after the first use of term `id`'s abbreviation (see
    /// [`Entry::expansion`]).
    pub fn expansion_after(&self, id: EntryId, plural: bool) -> &str {
        &self.expansions[id][usize::from(plural)]
    }

    /// The matcher for every name of every term.
    pub fn matcher(&self) -> &TermMatcher {
        &self.matcher
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `glossary.json`: every term for other systems to reuse, in A to Z order, URLs from the
    /// site root.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Term<'a> {
            term: &'a str,
            aliases: &'a [String],
            abbreviation: Option<&'a str>,
            category: Option<&'a str>,
            definition: Option<&'a str>,
            url: &'a str,
        }
        let terms: Vec<Term<'_>> = self
            .entries
            .iter()
            .map(|e| Term {
                term: &e.term,
                aliases: &e.aliases,
                abbreviation: e.abbreviation.as_deref(),
                category: e.category.as_deref(),
                definition: e.summary.as_deref(),
                url: &e.url,
            })
            .collect();
        let mut json = serde_json::to_string_pretty(&terms).expect("plain data serialises");
        json.push('\n');
        json
    }
}

/// A link to a term's page, in parts ready to write: the page's folder (the way there depends
/// on the linking page), its file name, and the attributes after the `href`: the class the theme
/// styles and the short definition its tooltip shows. Names are URL-encoded and every part is
/// escaped for an HTML attribute.
#[derive(Debug, Clone)]
pub struct LinkParts {
    /// From the site root, with a trailing `/`; empty for the root.
    pub folder: String,
    pub file: String,
    pub attributes: String,
}

impl LinkParts {
    fn of(entry: &Entry) -> LinkParts {
        let (folder, _) = entry.url.rsplit_once('/').unwrap_or(("", ""));
        let folder = if folder.is_empty() {
            String::new()
        } else {
            format!("{folder}/")
        };
        let file = escape_attr(&relative_url(&format!("{folder}x"), &entry.url));
        let attributes = match &entry.summary {
            Some(summary) => format!(
                r#" class="wm-term" data-wm-definition="{}""#,
                escape_attr(summary)
            ),
            None => r#" class="wm-term""#.to_string(),
        };
        LinkParts {
            folder,
            file,
            attributes,
        }
    }
}

/// A definition page as a term, without its related terms yet. Empty names are reported.
fn entry_of(id: PageId, page: &Page, diagnostics: &mut Diagnostics) -> Entry {
    let f = &page.front;
    for (key, index, name) in written_names(page) {
        if name.trim().is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    "empty-term",
                    &page.file,
                    page.value_position(key, index),
                    format!("`{key}` is empty"),
                )
                .with_hint("write the name, or remove the empty entry"),
            );
        }
    }
    let clean = |s: &String| Some(collapse_spaces(s)).filter(|s| !s.is_empty());
    Entry {
        page: id,
        term: collapse_spaces(page.term()),
        aliases: f.aliases.iter().filter_map(clean).collect(),
        abbreviation: f.abbreviation.as_ref().and_then(clean),
        category: f.category.clone(),
        source: f.source.clone(),
        summary: f.summary.clone(),
        related: Vec::new(),
        url: page.url.clone(),
    }
}

/// A definition's names with the front matter key (and array index) each is written at.
fn written_names(page: &Page) -> Vec<(&'static str, Option<usize>, &str)> {
    let f = &page.front;
    let term_key = if f.term.is_some() { "term" } else { "title" };
    let mut names = vec![(term_key, None, page.term())];
    names.extend(
        f.aliases
            .iter()
            .enumerate()
            .map(|(i, a)| ("aliases", Some(i), a.as_str())),
    );
    names.extend(f.abbreviation.as_deref().map(|a| ("abbreviation", None, a)));
    names
}

fn unknown_related(
    page: &Page,
    name: &str,
    index: usize,
    folded_names: &[(String, String)],
) -> Diagnostic {
    let wanted = fold(name);
    let hint = match suggest(&wanted, folded_names.iter().map(|(f, _)| f.as_str())) {
        Some(near) => {
            let shown = folded_names
                .iter()
                .find(|(f, _)| f == near)
                .map_or(near, |(_, n)| n.as_str());
            format!("did you mean `{shown}`?")
        }
        None => "`related` names other definitions by their term, an alias or their \
                 abbreviation; add a definition for it in content/definitions/, or remove it"
            .to_string(),
    };
    Diagnostic::error(
        "unknown-related-term",
        &page.file,
        page.value_position("related", Some(index)),
        format!("related term `{name}` is not defined"),
    )
    .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_ignores_case_and_a_leading_the() {
        let mut terms = vec!["the Voice of the child", "attachment", "Chronology", "The"];
        terms.sort_by_key(|t| sort_key(t));
        assert_eq!(
            terms,
            ["attachment", "Chronology", "The", "the Voice of the child"]
        );
        assert_eq!(letter("The Children Act"), Some('C'));
        assert_eq!(letter("47 enquiry"), None);
    }

    fn entry(term: &str, aliases: &[&str]) -> Entry {
        Entry {
            page: 0,
            term: term.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            abbreviation: None,
            category: None,
            source: None,
            summary: None,
            related: Vec::new(),
            url: String::new(),
        }
    }

    #[test]
    fn expansions_keep_names_and_lower_common_nouns() {
        assert_eq!(
            entry("Graded Care Profile", &[]).expansion(false),
            "Graded Care Profile"
        );
        assert_eq!(
            entry("Team Around the Family", &[]).expansion(false),
            "Team Around the Family"
        );
        assert_eq!(
            entry("Child protection plan", &[]).expansion(true),
            "child protection plans"
        );
        assert_eq!(entry("NHS trust", &[]).expansion(false), "NHS trust");
        assert_eq!(entry("Chronology", &[]).expansion(false), "Chronology");
    }

    #[test]
    fn spelled_out_checks_the_term_and_aliases() {
        let e = entry("Graded Care Profile", &["GCP2 tool"]);
        assert!(e.is_spelled_out_at("graded care profile) is"));
        assert!(e.is_spelled_out_at("GCP2 tool)"));
        assert!(!e.is_spelled_out_at("Graded care"));
    }
}
