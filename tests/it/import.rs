//! Whole-site tests for `waymark import`: Word documents made by the test suite's .docx
//! writer are imported into a new site with the real binary, then the site is built and
//! checked, and the pages, front matter, tables, lists, notes, links, pictures and
//! definitions are read back as a reader and an editor would see them.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{TODAY, files, page, select, stderr, stdout, text, try_build, waymark};
use crate::docx;
use docx::*;
use waymark::content::front_matter;
use waymark::diagnostics::LineIndex;

/// A new site made by `waymark init`, with `document` saved beside it.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(document: &Docx) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let init = waymark(&["init", dir.path().join("site").to_str().unwrap()]);
        assert!(init.status.success(), "{}", stderr(&init));
        document.write(&dir.path().join("strategy.docx"));
        Fixture { dir }
    }

    fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn docx(&self) -> PathBuf {
        self.dir.path().join("strategy.docx")
    }

    fn import(&self, extra: &[&str]) -> Output {
        let mut args = vec![
            "import",
            self.docx().to_str().unwrap().to_string().leak() as &str,
            "--site",
            self.site().to_str().unwrap().to_string().leak() as &str,
        ];
        args.extend(extra);
        waymark(&args)
    }

    fn read(&self, relative: &str) -> String {
        let path = self.site().join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Front matter and body of a written page.
    fn page(&self, relative: &str) -> (front_matter::FrontMatter, String) {
        let text = self.read(relative);
        let (front, split) =
            front_matter::parse(Path::new(relative), &text, &LineIndex::new(&text))
                .unwrap_or_else(|e| panic!("{relative}: {e:?}\n{text}"));
        (front, split.body.to_string())
    }

    fn build(&self) -> PathBuf {
        let out = self.dir.path().join("out");
        let output = try_build(&self.site(), &out.join("site"));
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        out
    }
}

fn imported_riverside() -> (Fixture, Output) {
    let fixture = Fixture::new(&riverside::strategy(0));
    let output = fixture.import(&["--section", "strategy/riverside"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    (fixture, output)
}

const SECTION: &str = "content/strategy/riverside";

#[test]
fn a_strategy_becomes_one_page_per_chapter_with_its_document_control() {
    let (fixture, _) = imported_riverside();
    let written: Vec<PathBuf> = files(&fixture.site().join(SECTION));
    let names: Vec<&str> = written.iter().map(|p| p.to_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "_index.md",
            "appendix-1-neglect-by-age-group.md",
            "defining-neglect.md",
            "index-1.png",
            "introduction.md",
            "neglect-at-each-age-1.png",
            "neglect-at-each-age.md",
            "our-priorities.md",
        ],
        "the glossary and version history appendices are not pages"
    );

    let (index, intro) = fixture.page(&format!("{SECTION}/_index.md"));
    assert_eq!(index.title, "Riverside Neglect Strategy 2025 to 2027");
    assert_eq!(
        index.summary.as_deref(),
        Some("How partners in Riverside recognise, respond to and reduce the neglect of children")
    );
    assert!(
        intro.contains("This strategy belongs to every agency"),
        "{intro}"
    );
    assert!(
        !intro.contains("Contents"),
        "the table of contents is left out: {intro}"
    );
    assert!(
        !intro.contains("Issue No"),
        "document control is not body text: {intro}"
    );

    let chapters = [
        ("introduction.md", "Introduction", 10),
        ("defining-neglect.md", "Defining neglect", 20),
        ("neglect-at-each-age.md", "Neglect at each age", 30),
        ("our-priorities.md", "Our priorities", 40),
        (
            "appendix-1-neglect-by-age-group.md",
            "Appendix 1: Neglect by age group",
            50,
        ),
    ];
    for (file, title, weight) in chapters {
        let (front, body) = fixture.page(&format!("{SECTION}/{file}"));
        assert_eq!(front.title, title);
        assert_eq!(front.weight, weight, "{file}: weight in document order");
        assert_eq!(
            front.owner.as_deref(),
            Some("Riverside Safeguarding Children Partnership")
        );
        assert_eq!(front.version.as_deref(), Some("2"));
        assert_eq!(
            front.approved.map(|d| d.iso()).as_deref(),
            Some("2025-03-06")
        );
        assert_eq!(
            front.published.map(|d| d.iso()).as_deref(),
            Some("2025-03-10")
        );
        assert_eq!(
            front.review_due.map(|d| d.iso()).as_deref(),
            Some("2027-12")
        );
        let changes: Vec<(String, &str)> = front
            .changes
            .iter()
            .map(|c| (c.date.iso(), c.summary.as_str()))
            .collect();
        assert_eq!(
            changes,
            [
                (
                    "2022-04-01".to_string(),
                    "Version 1.0: First strategy approved."
                ),
                (
                    "2025-03-06".to_string(),
                    "Version 2.0: Rewritten around the child's lived experience."
                ),
            ]
        );
        assert!(
            !body.contains(&format!("# {title}")),
            "{file}: the title is not repeated"
        );
    }
}

#[test]
fn the_markdown_keeps_lists_quotes_notes_links_and_tables() {
    let (fixture, _) = imported_riverside();
    let (_, intro) = fixture.page(&format!("{SECTION}/introduction.md"));
    assert!(
        intro.contains("Neglect is the **most common** reason"),
        "{intro}"
    );
    assert!(
        intro.contains("- recognise neglect early;\n  - in babies, before they can tell anyone;\n"),
        "nested bullets: {intro}"
    );
    assert!(intro.contains("England.[^1]"), "{intro}");
    assert!(
        intro.contains("[^1]: NSPCC, How safe are our children? 2024."),
        "{intro}"
    );
    assert!(
        intro.contains("4 in 10 plans are for neglect (November 2024)")
            && !intro.contains("last year"),
        "tracked changes accepted: {intro}"
    );
    assert!(
        !intro.contains("Remember: neglect"),
        "text boxes are reported, not kept: {intro}"
    );
    assert!(
        intro.contains("read it with the partnership's escalation policy")
            && !intro.contains("file:"),
        "a link to a shared drive is kept as text: {intro}"
    );

    let (_, defining) = fixture.page(&format!("{SECTION}/defining-neglect.md"));
    assert!(
        defining.contains("[Working Together to Safeguard Children](https://www.gov.uk/"),
        "{defining}"
    );
    assert!(
        defining.contains("> ‘The persistent failure to meet a child’s basic"),
        "smart quotes kept, quotation as a block quote: {defining}"
    );
    assert!(
        defining.contains("2. protect a child from physical and emotional harm;\n   1. including exclusion from home;"),
        "nested numbers: {defining}"
    );
    assert!(
        defining.contains("## Horwath’s six types {#horwaths-six-types}"),
        "{defining}"
    );
    assert!(
        defining.contains("[Appendix 1](appendix-1-neglect-by-age-group.md)"),
        "a cross-reference becomes a link to the chapter: {defining}"
    );

    let (_, ages) = fixture.page(&format!("{SECTION}/neglect-at-each-age.md"));
    assert!(
        ages.contains("## Infants (0\u{a0}to\u{a0}2)"),
        "non-breaking spaces kept: {ages}"
    );
    assert!(
        ages.contains("Neglect can begin before birth.\\\nWarning signs"),
        "line break: {ages}"
    );
    assert!(
        ages.contains(
            "![Bar chart: plans for neglect by age group, 2024](neglect-at-each-age-1.png)"
        ),
        "{ages}"
    );
    assert!(ages.contains("![](neglect-at-each-age-1.png)"), "{ages}");
    assert!(
        ages.contains("[the six types of neglect](defining-neglect.md#horwaths-six-types)"),
        "{ages}"
    );
    assert!(
        ages.contains("[^1]: Riverside young people's survey, autumn 2024."),
        "{ages}"
    );

    let (_, priorities) = fixture.page(&format!("{SECTION}/our-priorities.md"));
    assert!(
        priorities.contains("Two more priorities follow from what families told us.\n\n3. Evaluate our practice.\n4. Measure"),
        "numbering carries on after a paragraph: {priorities}"
    );
    assert!(
        priorities.contains("4. Measure the difference we make.\n1) First action"),
        "a restarted list beside another stays apart: {priorities}"
    );

    let (_, appendix) = fixture.page(&format!("{SECTION}/appendix-1-neglect-by-age-group.md"));
    assert!(
        appendix.contains(
            "| Age group | Experiences of neglect: Medical | Experiences of neglect: Nutritional |\n| --- | --- | --- |\n| Infancy; 0 to 2 years |"
        ),
        "two header rows with merged cells make one header row: {appendix}"
    );
    assert!(
        appendix.contains("| More infections than peers. • no hand washing |"),
        "{appendix}"
    );
}

#[test]
fn the_glossary_becomes_definitions_and_known_terms_are_skipped() {
    let (fixture, output) = imported_riverside();
    let (mash, body) = fixture.page("content/definitions/multi-agency-safeguarding-hub.md");
    assert_eq!(mash.title, "Multi-Agency Safeguarding Hub");
    assert_eq!(mash.abbreviation.as_deref(), Some("MASH"));
    assert_eq!(
        mash.summary.as_deref(),
        Some("The single front door for worries about a child's safety.")
    );
    assert_eq!(
        mash.source.as_deref(),
        Some("Riverside Neglect Strategy 2025 to 2027")
    );
    assert!(
        body.contains("It decides which service should help."),
        "{body}"
    );
    let (cin, _) = fixture.page("content/definitions/child-in-need.md");
    assert_eq!(
        (cin.title.as_str(), cin.abbreviation.as_deref()),
        ("Child in Need", Some("CIN"))
    );
    let (gcp, _) = fixture.page("content/definitions/graded-care-profile-2.md");
    assert_eq!(gcp.abbreviation.as_deref(), Some("GCP2"));
    // The site made by `waymark init` already defines neglect.
    let neglect = fixture.read("content/definitions/neglect.md");
    assert!(
        !neglect.contains("Riverside"),
        "an existing definition is never replaced"
    );
    assert!(
        stdout(&output).contains("Neglect (see content/definitions/neglect.md)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn the_report_says_what_to_check_by_eye_and_check_runs_on_the_new_pages() {
    let (_, output) = imported_riverside();
    let report = stdout(&output);
    for expected in [
        "content/strategy/riverside/introduction.md (Introduction, paragraph 2 \"In Riverside, 4 in 10 plans are for…\"): a comment by Sam Patel was left out: \"Check these figures with the data team before sign-off.\"",
        "(Introduction, paragraph 2 \"In Riverside, 4 in 10 plans are for…\"): tracked changes were accepted",
        "(Introduction, paragraph 9 \"Remember: neglect is about the child's daily life.\"): a text box was left out",
        "(Our priorities, paragraph 7): a SmartArt diagram was left out",
        "(Our priorities, paragraph 7): an embedded object was left out",
        "(Neglect at each age, paragraph 5 \"Old diagram\"): a picture in EMF format was left out",
        "appendix-1-neglect-by-age-group.md (Appendix 1: Neglect by age group, paragraph 1",
        "merged table cells were split",
        "a link to `file:///S:/Safeguarding/Escalation%20policy.docx` was kept as text",
        "the table of contents was left out",
        "not carried over: Approved by: Partnership Executive Group",
        "2 change(s) from the version history",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in:\n{report}"
        );
    }
    // `waymark check` on the new pages: the picture without a description is an error.
    assert!(
        report.contains(
            "content/strategy/riverside/neglect-at-each-age.md:28:1: error[image-alt]: image `neglect-at-each-age-1.png` has no description"
        ),
        "{report}"
    );
    let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(
        errors.len(),
        1,
        "only the missing description is an error: {errors:?}"
    );
    assert!(report.contains("1 error(s) and"), "{report}");
}

#[test]
fn the_imported_site_builds_and_reads_right() {
    let (fixture, _) = imported_riverside();
    let out = fixture.build();
    let priorities = page(&out, "strategy/riverside/our-priorities.html");
    let lists: Vec<(Option<&str>, String)> = select(&priorities, "main ol")
        .iter()
        .map(|l| (l.value().attr("start"), text(l)))
        .filter(|(_, t)| t.contains("action") || t.contains("practice") || t.contains("early"))
        .map(|(start, t)| (start, t.split('.').next().unwrap_or("").to_string()))
        .collect();
    assert_eq!(
        lists,
        [
            (None, "Recognise neglect early".to_string()),
            (Some("3"), "Evaluate our practice".to_string()),
            (None, "First action for each: agree a lead".to_string()),
        ],
        "restarts and continuations"
    );

    let defining = page(&out, "strategy/riverside/defining-neglect.html");
    assert_eq!(
        select(&defining, "main ol > li > ol > li").len(),
        2,
        "nested numbered list"
    );
    let appendix_link = select(&defining, "main a")
        .into_iter()
        .find(|a| text(a) == "Appendix 1")
        .expect("the cross-reference is a link");
    let href = appendix_link.value().attr("href").unwrap();
    assert_eq!(href, "appendix-1-neglect-by-age-group.html");

    let ages = page(&out, "strategy/riverside/neglect-at-each-age.html");
    let six = select(&ages, "main a")
        .into_iter()
        .find(|a| text(a) == "the six types of neglect")
        .expect("link between chapters");
    assert_eq!(
        six.value().attr("href"),
        Some("defining-neglect.html#horwaths-six-types")
    );
    assert_eq!(
        select(&defining, "#horwaths-six-types").len(),
        1,
        "the anchor exists"
    );
    let alts: Vec<&str> = select(&ages, "main img")
        .iter()
        .map(|i| i.value().attr("alt").unwrap_or("(none)"))
        .collect();
    assert_eq!(
        alts,
        ["Bar chart: plans for neglect by age group, 2024", ""]
    );
    assert!(
        out.join("site/strategy/riverside/neglect-at-each-age-1.png")
            .is_file()
    );
    assert!(
        !select(
            &ages,
            "main .footnote-definition, main section.footnotes, main [id^='fn-']"
        )
        .is_empty(),
        "the endnote is on the page"
    );

    let appendix = page(
        &out,
        "strategy/riverside/appendix-1-neglect-by-age-group.html",
    );
    let headers: Vec<String> = select(&appendix, "main table th")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        headers,
        [
            "Age group",
            "Experiences of neglect: Medical",
            "Experiences of neglect: Nutritional"
        ]
    );
    assert_eq!(select(&appendix, "main table tbody tr").len(), 2);

    let mash = page(&out, "definitions/multi-agency-safeguarding-hub.html");
    assert!(text(&select(&mash, "main")[0]).contains("The single front door"));
    // The new definitions link their terms on the strategy pages.
    let index = page(&out, "strategy/riverside/index.html");
    let chapters: Vec<String> = select(&index, "main a").iter().map(text).collect();
    assert!(
        chapters.iter().any(|t| t == "Defining neglect"),
        "{chapters:?}"
    );
}

#[test]
fn a_dry_run_prints_the_plan_and_writes_nothing() {
    let fixture = Fixture::new(&riverside::strategy(0));
    let before = files(&fixture.site());
    let output = fixture.import(&["--section", "strategy/riverside", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(files(&fixture.site()), before, "nothing written");
    let report = stdout(&output);
    assert!(
        report.contains("nothing has been written (--dry-run)"),
        "{report}"
    );
    assert!(report.contains("Would write 5 pages:"), "{report}");
    assert!(
        report.contains("content/strategy/riverside/our-priorities.md"),
        "{report}"
    );
    assert!(report.contains("Check by eye"), "{report}");
    assert!(
        !report.contains("waymark check"),
        "no check without pages: {report}"
    );
}

#[test]
fn existing_files_are_never_replaced() {
    let fixture = Fixture::new(&riverside::strategy(0));
    let before = files(&fixture.site());
    let intro_before = fixture.read("content/strategy/introduction.md");
    // `waymark init` wrote content/strategy/_index.md and introduction.md.
    let output = fixture.import(&[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("2 file(s) the import would write already exist")
            && message.contains("content/strategy/_index.md")
            && message.contains("content/strategy/introduction.md"),
        "{message}"
    );
    assert!(
        message.contains("--section"),
        "the hint says what to do: {message}"
    );
    assert_eq!(files(&fixture.site()), before, "nothing written");
    assert_eq!(
        fixture.read("content/strategy/introduction.md"),
        intro_before
    );
}

#[test]
fn bad_input_is_named_and_nothing_is_written() {
    let fixture = Fixture::new(&riverside::strategy(0));
    let before = files(&fixture.site());
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend([0; 512]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let mut truncated = riverside::strategy(0).bytes();
    truncated.truncate(truncated.len() / 2);
    let empty = Docx::new().push(para("   ")).bytes();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "notes.docx",
            b"Some notes typed in a text editor.".to_vec(),
            "not a Word document (.docx): it looks like plain text",
        ),
        ("protected.docx", encrypted, "password-protected"),
        ("damaged.docx", truncated, "the file is damaged"),
        ("empty.docx", empty, "the document has no text to import"),
    ];
    for (name, bytes, expected) in cases {
        let path = fixture.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = waymark(&[
            "import",
            path.to_str().unwrap(),
            "--site",
            fixture.site().to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
        let message = stderr(&output);
        assert!(
            message.contains(name) && message.contains(expected),
            "{name}: {message}"
        );
        assert!(message.contains("= hint:"), "{name}: {message}");
        assert_eq!(files(&fixture.site()), before, "{name}: nothing written");
    }
    let missing = waymark(&[
        "import",
        "no-such-file.docx",
        "--site",
        fixture.site().to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no-such-file.docx"),
        "{}",
        stderr(&missing)
    );
    let no_site = fixture.import(&["--site", fixture.dir.path().to_str().unwrap()]);
    assert_eq!(no_site.status.code(), Some(2), "{}", stderr(&no_site));
}

/// Procedures with parts and chapters, a glossary of "Term: meaning" lines, and a
/// picture described by Word itself.
fn procedures() -> Docx {
    let mut doc = Docx::new();
    doc.property_title("Riverside multi-agency procedures");
    let picture_id = doc.image("flow.jpeg", PNG);
    doc.push(heading(1, "Part A: Referrals", None))
        .push(para("How to make a referral."))
        .push(heading(2, "Making a referral", Some("Referral")))
        .push(para("Phone the front door first, then write it down."))
        .push(p(
            None,
            &picture(
                &picture_id,
                Some("A picture containing diagram\n\nDescription automatically generated"),
            ),
        ))
        .push(heading(2, "After a referral", None))
        .push(p(
            None,
            &format!(
                "{}{}",
                run("Go back to "),
                anchor_link("Referral", "making a referral"),
            ),
        ))
        .push(heading(1, "Glossary", None))
        .push(para("The words this document uses:"))
        .push(para(
            "Chronology: a list of the important events in a child's life, in date order.",
        ))
        .push(p(
            None,
            &format!(
                "{}{}",
                bold("Core group"),
                run(" – the practitioners who carry out a child protection plan.")
            ),
        ))
        .push(p(
            None,
            &format!("{}{}{}", run("TAF"), tab(), run("Team Around the Family")),
        ));
    doc
}

#[test]
fn a_glossary_section_and_a_deeper_split() {
    let fixture = Fixture::new(&procedures());
    let output = fixture.import(&["--section", "procedures", "--split", "2"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let names: Vec<PathBuf> = files(&fixture.site().join("content/procedures"));
    let names: Vec<&str> = names.iter().map(|p| p.to_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "_index.md",
            "after-a-referral.md",
            "glossary.md",
            "making-a-referral-1.jpg",
            "making-a-referral.md",
            "part-a-referrals.md"
        ]
    );
    let (index, _) = fixture.page("content/procedures/_index.md");
    assert_eq!(
        index.title, "Riverside multi-agency procedures",
        "title from the properties"
    );
    let (after, body) = fixture.page("content/procedures/after-a-referral.md");
    assert_eq!(after.weight, 30);
    assert!(after.owner.is_none(), "no document control table");
    assert!(
        body.contains("[making a referral](making-a-referral.md)"),
        "{body}"
    );
    let (_, glossary) = fixture.page("content/procedures/glossary.md");
    assert!(
        glossary.contains("The words this document uses:"),
        "{glossary}"
    );
    assert!(
        glossary.contains("defined in the [glossary](../definitions/_index.md)"),
        "{glossary}"
    );
    let (chronology, _) = fixture.page("content/definitions/chronology.md");
    assert_eq!(
        chronology.summary.as_deref(),
        Some("a list of the important events in a child's life, in date order.")
    );
    let (core, _) = fixture.page("content/definitions/core-group.md");
    assert_eq!(
        core.summary.as_deref(),
        Some("the practitioners who carry out a child protection plan.")
    );
    let (taf, _) = fixture.page("content/definitions/team-around-the-family.md");
    assert_eq!(taf.abbreviation.as_deref(), Some("TAF"));
    let report = stdout(&output);
    assert!(
        report.contains("(Making a referral, paragraph 2 \"A picture containing diagram\"): a picture's description was written by Word automatically"),
        "{report}"
    );
    assert!(
        report.contains("No document-control table was found"),
        "{report}"
    );
    // Pages outside strategy/ and toolkit/ need no document control, so check finds no error.
    assert!(!report.contains(": error["), "{report}");
    fixture.build();
}

#[test]
fn a_document_without_headings_is_one_toolkit_page() {
    let mut doc = Docx::new();
    doc.push(p(Some("Title"), &run("Chronology template")))
        .push(para(
            "Use this template to list the important events in a child's life.",
        ))
        .push(text_table(
            true,
            &[&["Date", "Event", "Source"], &["", "", ""]],
        ));
    let fixture = Fixture::new(&doc);
    let output = fixture.import(&["--kind", "toolkit"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (front, body) = fixture.page("content/toolkit/chronology-template.md");
    assert_eq!(front.title, "Chronology template");
    assert!(body.contains("| Date | Event | Source |"), "{body}");
    assert!(
        !stdout(&output).contains("_index.md"),
        "one page, no section introduction: {}",
        stdout(&output)
    );
    // A toolkit document needs document control: check says so.
    let report = stdout(&output);
    let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(errors.len(), 1, "{report}");
    assert!(
        errors[0].starts_with("content/toolkit/chronology-template.md")
            && errors[0].contains("error[document-control]"),
        "{report}"
    );
    let mismatch = fixture.import(&["--kind", "toolkit", "--section", "strategy/x"]);
    assert_eq!(mismatch.status.code(), Some(2));
    assert!(stderr(&mismatch).contains("--kind toolkit does not match --section strategy/x"));
}

#[test]
fn help_has_examples() {
    let output = waymark(&["import", "--help"]);
    let help = stdout(&output);
    assert!(
        help.contains("Examples:") && help.contains("waymark import strategy.docx --dry-run"),
        "{help}"
    );
    let _ = TODAY;
}
