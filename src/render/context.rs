//! What templates see: plain serialisable views of the site and of each page.
//!
//! Every URL in a view is written from the site root (`strategy/vision.html`); templates put
//! `{{ root }}` in front, which is the relative way back to the root from the page being
//! rendered. That keeps output working from a server, a sub-path and `file://` alike.

use jiff::civil::Date;
use serde::Serialize;

use crate::content::{DocControl, DocDate, Page, PageId, PageKind, ReviewStatus, Site};
use crate::markdown::{RenderedMarkdown, TocEntry};

use super::glossary::{DefinitionView, GlossaryIndexView};

/// A titled link from the site root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Link {
    pub title: String,
    pub url: String,
}

/// Site-wide values, set once as Tera globals under `site`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    pub title: String,
    pub partnership: String,
    pub description: Option<String>,
    pub language: String,
    pub quick_exit_url: String,
    pub brand_colour: Option<String>,
    pub logo: Option<String>,
    pub base_url: Option<String>,
    /// Top-level sections, for the header navigation.
    pub nav: Vec<Link>,
    /// Pages of the `about/` section, for the footer.
    pub footer: Vec<Link>,
    /// True when the site defines printable packs (the footer links the packs page).
    pub has_packs: bool,
    /// True when the site has a Documents page (downloads, packs or briefings).
    pub has_documents: bool,
    /// True when the site has a news section (and so, with a `base_url`, a news feed).
    pub has_news: bool,
    /// True when the site can be installed and used offline (pages link the web app manifest).
    pub offline: bool,
}

impl SiteView {
    pub(crate) fn of(site: &Site) -> SiteView {
        let c = &site.config;
        let link = |id: PageId| Link {
            title: site.pages[id].front.title.clone(),
            url: site.pages[id].url.clone(),
        };
        let nav = site
            .top_sections()
            .filter(|&id| site.pages[id].source != "about/_index.md")
            .map(link)
            .collect();
        let footer = site
            .page_by_source("about/_index.md")
            .map(|about| {
                std::iter::once(about)
                    .chain(site.pages[about].children.iter().copied())
                    .map(link)
                    .collect()
            })
            .unwrap_or_default();
        SiteView {
            title: c.title.clone(),
            partnership: c.partnership_name().to_string(),
            description: c.description.clone(),
            language: c.language.clone(),
            quick_exit_url: c.quick_exit_url.clone(),
            brand_colour: c.theme.brand_colour.clone(),
            logo: c.theme.logo.as_ref().map(|l| format!("theme/{l}")),
            base_url: c.base_url(),
            nav,
            footer,
            has_packs: !c.packs.is_empty(),
            has_documents: super::documents::has_documents_page(site),
            has_news: site
                .page_by_source(&format!("{}/_index.md", super::news::FOLDER))
                .is_some(),
            offline: c.offline.enabled,
        }
    }
}

/// A date for templates: ISO for `<time datetime>`, words for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct DateView {
    pub iso: String,
    pub human: String,
}

impl From<DocDate> for DateView {
    fn from(d: DocDate) -> Self {
        DateView {
            iso: d.iso(),
            human: d.human(),
        }
    }
}

/// Document control as shown on the page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ControlView {
    pub owner: Option<String>,
    pub version: Option<String>,
    pub approved: Option<DateView>,
    pub published: Option<DateView>,
    pub last_updated: Option<DateView>,
    pub review_due: Option<DateView>,
    /// `current`, `due-soon`, `overdue` or `no-date`.
    pub review_status: &'static str,
    pub review_label: &'static str,
}

impl ControlView {
    pub(crate) fn of(control: &DocControl, today: Date, warning_days: u32) -> ControlView {
        let status = ReviewStatus::of(control.review_due, today, warning_days);
        ControlView {
            owner: control.owner.clone(),
            version: control.version.clone(),
            approved: control.approved.map(Into::into),
            published: control.published.map(Into::into),
            last_updated: control.last_updated.map(Into::into),
            review_due: control.review_due.map(Into::into),
            review_status: status.id(),
            review_label: status.label(),
        }
    }
}

/// One entry of the page history, newest first.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangeView {
    pub date: DateView,
    pub summary: String,
    pub minor: bool,
    /// On a page that a local site adds to: "Regional" or "Local", whose change it was.
    pub part: Option<&'static str>,
}

impl ChangeView {
    /// A page's history, newest first.
    pub(crate) fn history(changes: &[crate::content::Change]) -> Vec<ChangeView> {
        let mut sorted: Vec<&crate::content::Change> = changes.iter().collect();
        sorted.sort_by_key(|c| std::cmp::Reverse(c.date));
        sorted
            .into_iter()
            .map(|c| ChangeView {
                date: c.date.into(),
                summary: c.summary.clone(),
                minor: c.minor,
                part: None,
            })
            .collect()
    }
}

/// A page in a list: a section's contents, search fallbacks, related pages.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListItem {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub kind: PageKind,
    pub is_section: bool,
}

impl ListItem {
    pub(crate) fn of(page: &Page) -> ListItem {
        ListItem {
            title: page.front.title.clone(),
            url: page.url.clone(),
            summary: page.front.summary.clone(),
            kind: page.kind,
            is_section: page.is_section,
        }
    }
}

/// The facts of a definition, as a printed pack shows them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DefinitionFacts {
    pub term: String,
    pub abbreviation: Option<String>,
    pub aliases: Vec<String>,
    pub category: Option<String>,
    pub source: Option<String>,
}

impl DefinitionFacts {
    /// The facts of a definition page; None for other kinds.
    pub(crate) fn of(page: &Page) -> Option<DefinitionFacts> {
        let f = &page.front;
        (page.kind == PageKind::Definition).then(|| DefinitionFacts {
            term: page.term().to_string(),
            abbreviation: f.abbreviation.clone(),
            aliases: f.aliases.clone(),
            category: f.category.clone(),
            source: f.source.clone(),
        })
    }
}

/// The extra facts of a signposting page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SignpostView {
    pub url: Option<String>,
    pub provider: Option<String>,
    pub audience: Vec<String>,
    pub format: Option<String>,
    pub last_checked: Option<DateView>,
}

impl SignpostView {
    /// The facts of a signposting page; None for other kinds.
    pub(crate) fn of(page: &Page) -> Option<SignpostView> {
        let f = &page.front;
        (page.kind == PageKind::Signpost).then(|| SignpostView {
            url: f.url.clone(),
            provider: f.provider.clone(),
            audience: f.audience.clone(),
            format: f.format.clone(),
            last_checked: f.last_checked.map(Into::into),
        })
    }
}

/// Everything a page template reads under `page`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageView<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub kind: PageKind,
    pub kind_label: &'static str,
    pub url: &'a str,
    pub source: &'a str,
    pub content: &'a str,
    /// The contents list: h2 and h3, or only h2 on a page with many headings.
    pub toc: Vec<TocEntry>,
    pub show_toc: bool,
    pub breadcrumbs: Vec<Link>,
    /// URL of the top-level section this page is in, to mark the navigation.
    pub nav_current: Option<String>,
    pub control: Option<ControlView>,
    /// On a page a local site adds to: the local part's document control (owner, version,
    /// review date), shown beside the regional one.
    pub local_control: Option<ControlView>,
    /// On a local page that replaces a regional one: the regional page it replaces.
    pub replaces: Option<super::layered::ReplacedView>,
    pub changes: Vec<ChangeView>,
    pub children: Vec<ListItem>,
    pub form_prompts: usize,
    /// Set for definition pages, once every page's term mentions are known.
    pub definition: Option<DefinitionView<'a>>,
    /// Set for the sections of definitions: their A to Z.
    pub glossary: Option<GlossaryIndexView>,
    pub signpost: Option<SignpostView>,
    /// The printable packs this page is part of.
    pub packs: Vec<PackLink>,
    /// A news post's date.
    pub date: Option<DateView>,
    /// A briefing's source review, and the address of its published report.
    pub source_review: Option<&'a str>,
    pub source_url: Option<&'a str>,
    /// An event's facts.
    pub event: Option<super::events::EventView>,
    /// The news section's list of posts.
    pub news: Option<super::news::NewsListView>,
    /// The events section's list of upcoming events.
    pub events: Option<super::events::EventListView>,
    /// The home page's side column.
    pub home: Option<super::home::HomeView>,
    /// The files a section page lists.
    pub downloads: Vec<super::documents::DownloadView>,
}

/// A printable pack a page belongs to, GOV.UK attachment style.
#[derive(Debug, Clone, Serialize)]
pub struct PackLink {
    pub title: String,
    /// The print page, from the site root.
    pub html_url: String,
    pub pdf: Option<PdfInfo>,
}

/// The PDF of a pack, as the site lists it: "PDF, 412 KB, 24 pages".
#[derive(Debug, Clone, Serialize)]
pub struct PdfInfo {
    pub url: String,
    pub bytes: usize,
    pub size: String,
    pub pages: usize,
}

/// Beyond this many entries a contents list stops helping: only the h2s are listed (a Day in my
/// life template repeats the same three h3s under every stage of the day).
const TOC_MAX_ENTRIES: usize = 15;

fn contents(toc: &[TocEntry]) -> Vec<TocEntry> {
    if toc.len() > TOC_MAX_ENTRIES {
        toc.iter().filter(|e| e.level == 2).cloned().collect()
    } else {
        toc.to_vec()
    }
}

/// A contents list helps once a page has this many h2/h3 headings.
const TOC_MIN_ENTRIES: usize = 3;

impl<'a> PageView<'a> {
    pub(crate) fn of(
        site: &'a Site,
        id: PageId,
        rendered: &'a RenderedMarkdown,
        today: Date,
    ) -> Self {
        let page = &site.pages[id];
        let f = &page.front;
        let ancestors = site.ancestors(id);
        let breadcrumbs = ancestors
            .iter()
            .map(|&a| Link {
                title: site.pages[a].front.title.clone(),
                url: site.pages[a].url.clone(),
            })
            .collect();
        let nav_current = ancestors
            .get(1)
            .copied()
            .or((page.parent == Some(site.home())).then_some(id))
            .map(|top| site.pages[top].url.clone());
        let control = DocControl::of(page);
        let changes = super::layered::history(page);
        let days = site.config.review_warning_days;
        PageView {
            title: &f.title,
            summary: f.summary.as_deref(),
            kind: page.kind,
            kind_label: page.kind.label(),
            url: &page.url,
            source: &page.source,
            content: &rendered.html,
            toc: contents(&rendered.toc),
            show_toc: f.toc.unwrap_or(rendered.toc.len() >= TOC_MIN_ENTRIES),
            breadcrumbs,
            nav_current,
            control: control
                .is_present()
                .then(|| ControlView::of(&control, today, days)),
            local_control: super::layered::local_control(page, today, days),
            replaces: super::layered::replaces(page),
            changes,
            children: page
                .children
                .iter()
                .map(|&c| ListItem::of(&site.pages[c]))
                .collect(),
            form_prompts: rendered.form_prompts,
            definition: None,
            glossary: None,
            signpost: SignpostView::of(page),
            packs: Vec::new(),
            date: (page.kind == PageKind::News && !page.is_section)
                .then_some(f.date)
                .flatten()
                .map(Into::into),
            source_review: (page.kind == PageKind::Briefing)
                .then_some(f.source_review.as_deref())
                .flatten(),
            source_url: (page.kind == PageKind::Briefing)
                .then_some(f.url.as_deref())
                .flatten(),
            event: None,
            news: None,
            events: None,
            home: None,
            downloads: Vec::new(),
        }
    }
}

/// The template for a page: its `template` key, else one named for its kind if the site has it
/// (`definition.html`, `section-definition.html`), else `page.html` / `section.html`.
pub(crate) fn template_for(page: &Page, has: impl Fn(&str) -> bool) -> String {
    if let Some(t) = &page.front.template {
        return t.clone();
    }
    let kind = |k: PageKind| format!("{:?}", k).to_lowercase();
    match page.kind {
        PageKind::Home => "home.html".into(),
        PageKind::Section => {
            let specific = format!("section-{}.html", kind(page.section_kind));
            if has(&specific) {
                specific
            } else {
                "section.html".into()
            }
        }
        other => {
            let specific = format!("{}.html", kind(other));
            if has(&specific) {
                specific
            } else {
                "page.html".into()
            }
        }
    }
}

/// A page waymark makes itself (search, what's changed, packs): what `base.html` needs under `page`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GeneratedPage {
    pub title: String,
    pub summary: Option<String>,
    /// From the site root, such as `changes.html`.
    pub url: String,
    pub breadcrumbs: Vec<Link>,
    pub nav_current: Option<String>,
}

impl GeneratedPage {
    /// A page at the top of the site, one step from the home page.
    pub(crate) fn new(site: &Site, url: &str, title: &str, summary: Option<&str>) -> GeneratedPage {
        let home = &site.pages[site.home()];
        GeneratedPage {
            title: title.to_string(),
            summary: summary.map(str::to_string),
            url: url.to_string(),
            breadcrumbs: vec![Link {
                title: home.front.title.clone(),
                url: home.url.clone(),
            }],
            nav_current: None,
        }
    }

    /// `../` repeated to reach the site root from this page.
    pub(crate) fn root_prefix(&self) -> String {
        "../".repeat(self.url.matches('/').count())
    }
}
