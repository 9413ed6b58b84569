//! `waymark new`: one page with the front matter its kind needs, placeholders to replace and a
//! short body to start from, written where its kind lives.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use super::{ScaffoldError, review_date, toml_string};
use crate::config::SiteConfig;
use crate::util::slug::file_slug;

/// The kinds of page `waymark new` can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Definition,
    Strategy,
    Toolkit,
    Signpost,
    News,
    Briefing,
    Event,
    Page,
}

impl NewKind {
    /// The folder under `content/` where pages of this kind live (None: `content/` itself).
    pub fn folder(self) -> Option<&'static str> {
        match self {
            NewKind::Definition => Some("definitions"),
            NewKind::Strategy => Some("strategy"),
            NewKind::Toolkit => Some("toolkit"),
            NewKind::Signpost => Some("signposting"),
            NewKind::News => Some("news"),
            NewKind::Briefing => Some("briefings"),
            NewKind::Event => Some("events"),
            NewKind::Page => None,
        }
    }
}

/// What to start.
#[derive(Debug, Clone)]
pub struct NewPage {
    pub kind: NewKind,
    pub title: String,
    /// For a `page`: the folder under `content/` to put it in.
    pub section: Option<PathBuf>,
}

/// Writes the new page into the site at `site_dir` and returns its path, relative to the
/// site folder. Refuses to replace an existing file.
pub fn new_page(site_dir: &Path, page: &NewPage, today: Date) -> Result<PathBuf, ScaffoldError> {
    let config = SiteConfig::load(site_dir).map_err(ScaffoldError::Site)?;
    let title = page.title.trim();
    let slug = file_slug(title);
    if slug.is_empty() {
        return Err(ScaffoldError::Invalid(format!(
            "the title \"{}\" has no letters or digits to name the file after",
            page.title
        )));
    }
    let folder = folder(page)?;
    let relative = folder.join(format!("{slug}.md"));
    let path = site_dir.join(&relative);
    if path.exists() {
        return Err(ScaffoldError::Exists(relative));
    }
    let io = |action: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| ScaffoldError::Io {
            action,
            path,
            source,
        }
    };
    let dir = site_dir.join(&folder);
    std::fs::create_dir_all(&dir).map_err(io("make the folder", &dir))?;
    let text = page_text(page.kind, title, today, config.review_period_months);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => ScaffoldError::Exists(relative.clone()),
            _ => io("write", &path)(e),
        })?;
    file.write_all(text.as_bytes())
        .map_err(io("write", &path))?;
    Ok(relative)
}

/// `content/` and the kind's folder, or the `--section` folder for a page.
fn folder(page: &NewPage) -> Result<PathBuf, ScaffoldError> {
    let content = PathBuf::from("content");
    match (page.kind.folder(), &page.section) {
        (Some(folder), None) => Ok(content.join(folder)),
        (Some(folder), Some(_)) => Err(ScaffoldError::Invalid(format!(
            "--section is for pages: this kind of document always goes in content/{folder}/"
        ))),
        (None, None) => Ok(content),
        (None, Some(section)) => {
            let section = section.strip_prefix("content").unwrap_or(section);
            let plain = section
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
            if !plain || section.as_os_str().is_empty() {
                return Err(ScaffoldError::Invalid(format!(
                    "--section {} is not a folder inside content/",
                    section.display()
                )));
            }
            Ok(content.join(section))
        }
    }
}

/// The whole file for a new page of `kind`.
pub fn page_text(kind: NewKind, title: &str, today: Date, review_months: u32) -> String {
    let title = toml_string(title);
    let review_due = review_date(today, review_months);
    let control = format!(
        "owner = \"Replace with the team or role that owns this document\"\n\
         version = \"1.0\"\n\
         approved = {today}        # the day it was approved\n\
         published = {today}       # the day it was first published\n\
         review_due = {review_due}      # {review_months} months on: the date it must be reviewed by\n\
         \n\
         [[changes]]\n\
         date = {today}\n\
         summary = \"First published.\"\n"
    );
    match kind {
        NewKind::Definition => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with a short definition: one sentence that says what the term means.\"\n\
             # abbreviation = \"ABC\"           # the term's abbreviation, if it has one\n\
             # aliases = [\"another name\"]     # other names for the term\n\
             category = \"Replace with a category, such as Types of neglect\"\n\
             source = \"Replace with where the definition comes from\"\n\
             # related = [\"Neglect\"]          # other definitions, by their term\n\
             +++\n\
             Replace this with the full definition, in plain words.\n\
             \n\
             ## Why it matters\n\
             \n\
             Say why a practitioner needs to know this term, and what it means for the child.\n"
        ),
        NewKind::Strategy => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one sentence on what this part of the strategy covers.\"\n\
             {control}\
             +++\n\
             Replace this with a short introduction to this part of the strategy.\n\
             \n\
             ## What we will do\n\
             \n\
             Say what the partnership will do, and how you will know it has made a difference.\n"
        ),
        NewKind::Toolkit => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one sentence on what the template is for.\"\n\
             {control}\
             +++\n\
             Replace this with a short introduction: what the template is for and who uses it.\n\
             \n\
             ## How to use it\n\
             \n\
             Say when to use the template, and what to do with what you find.\n\
             \n\
             ## Questions\n\
             \n\
             Each line of a form block is a question. A number after a bar gives the lines of \
             writing space.\n\
             \n\
             ```form\n\
             What time do you usually wake up, and who wakes you? | 3\n\
             What do you have for breakfast?\n\
             ```\n"
        ),
        NewKind::Signpost => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one sentence on what the service offers and who it is for.\"\n\
             url = \"https://www.example.org/\"     # the service's website\n\
             provider = \"Replace with who runs the service\"\n\
             audience = [\"Practitioners\", \"Parents and carers\"]\n\
             format = \"Website\"                   # such as Website, Helpline or Drop-in\n\
             last_checked = {today}               # the day you checked the details and link\n\
             +++\n\
             Replace this with what the service does, how to contact it and when it is open.\n\
             \n\
             ## When to use it\n\
             \n\
             Say which families or practitioners the service helps, and how to refer to it.\n"
        ),
        NewKind::News => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one sentence that says what the news is.\"\n\
             date = {today}                # the day it is published: news is listed newest first\n\
             +++\n\
             Replace this with the news, most important point first.\n\
             \n\
             ## What it means for you\n\
             \n\
             Say what practitioners or families should do, and where to find out more.\n"
        ),
        NewKind::Briefing => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one sentence on what the review found.\"\n\
             source_review = \"Replace with the case review or audit the learning comes from\"\n\
             # url = \"https://www.example.org/review\"   # the published review, if there is one\n\
             {control}\
             +++\n\
             ## Background\n\
             \n\
             Replace this with what happened, in a few sentences. Change details so no child or family can be identified.\n\
             \n\
             ## Why it matters\n\
             \n\
             Say why this learning matters for children.\n\
             \n\
             ## Information\n\
             \n\
             List what the review found.\n\
             \n\
             ## Research\n\
             \n\
             Say what research or national reviews tell us, naming the source.\n\
             \n\
             ## Questions for practitioners\n\
             \n\
             - Write three or four questions for a team to talk through.\n\
             \n\
             ## What to do\n\
             \n\
             Say what to do differently, and link to the tools and guidance that help.\n"
        ),
        NewKind::Event => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one sentence on what the event is and who it is for.\"\n\
             start = {today}T09:30:00       # UK time; a date alone for a whole-day event\n\
             end = 12:30:00                    # a time on the same day, or a date and time\n\
             venue = \"Replace with the venue and its address\"\n\
             # online = true                   # for an online event (with venue too, for a hybrid one)\n\
             audience = [\"Practitioners\"]\n\
             booking_url = \"https://www.example.org/book\"   # where to book a place\n\
             # contact = \"Training team, training@example.org\"   # who to ask, or to book with\n\
             capacity = \"20 places\"\n\
             cost = \"Free\"\n\
             # status = \"full\"                # \"open\", \"full\", \"cancelled\" or \"postponed\"\n\
             +++\n\
             Replace this with what the event covers and what people will learn.\n\
             \n\
             ## Before you come\n\
             \n\
             Say what to bring or read first, and how to ask for any access needs.\n"
        ),
        NewKind::Page => format!(
            "+++\n\
             title = {title}\n\
             summary = \"Replace this with one or two sentences on what the page is about.\"\n\
             +++\n\
             Replace this with the page's text.\n\
             \n\
             ## A heading\n\
             \n\
             Start headings with two # signs: the title is already the page's main heading.\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter;
    use crate::diagnostics::LineIndex;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn every_kind_has_valid_front_matter_with_dates_filled_in() {
        for kind in [
            NewKind::Definition,
            NewKind::Strategy,
            NewKind::Toolkit,
            NewKind::Signpost,
            NewKind::News,
            NewKind::Briefing,
            NewKind::Event,
            NewKind::Page,
        ] {
            let text = page_text(kind, "Chronology \"plus\"", today(), 12);
            let lines = LineIndex::new(&text);
            let (front, _) = front_matter::parse(Path::new("x.md"), &text, &lines)
                .unwrap_or_else(|e| panic!("{kind:?}: {e:?}\n{text}"));
            assert_eq!(front.title, "Chronology \"plus\"");
            if matches!(
                kind,
                NewKind::Strategy | NewKind::Toolkit | NewKind::Briefing
            ) {
                let control =
                    crate::content::DocControl::of(&crate::check::facts::tests::page(&text));
                assert!(control.missing_fields().is_empty(), "{kind:?}");
                assert_eq!(front.review_due.unwrap().iso(), "2027-11-23");
                assert_eq!(front.changes.len(), 1);
            }
        }
        assert!(page_text(NewKind::Toolkit, "T", today(), 12).contains("```form\n"));
        let news = page_text(NewKind::News, "T", today(), 12);
        assert!(news.contains("date = 2026-11-23") && !news.contains("review_due"));
        let event = page_text(NewKind::Event, "T", today(), 12);
        assert!(event.contains("start = 2026-11-23T09:30:00") && !event.contains("review_due"));
        assert!(
            page_text(NewKind::Signpost, "T", today(), 12).contains("last_checked = 2026-11-23")
        );
    }

    #[test]
    fn pages_go_to_their_kind_s_folder_or_the_section() {
        let page = |kind, section: Option<&str>| NewPage {
            kind,
            title: "T".into(),
            section: section.map(PathBuf::from),
        };
        assert_eq!(
            folder(&page(NewKind::Definition, None)).unwrap(),
            Path::new("content/definitions")
        );
        assert_eq!(
            folder(&page(NewKind::Page, None)).unwrap(),
            Path::new("content")
        );
        assert_eq!(
            folder(&page(NewKind::Page, Some("about/policies"))).unwrap(),
            Path::new("content/about/policies")
        );
        assert_eq!(
            folder(&page(NewKind::Page, Some("content/about"))).unwrap(),
            Path::new("content/about")
        );
        assert!(folder(&page(NewKind::Page, Some("../outside"))).is_err());
        assert!(folder(&page(NewKind::Page, Some("/etc"))).is_err());
        assert!(folder(&page(NewKind::Toolkit, Some("about"))).is_err());
    }
}
