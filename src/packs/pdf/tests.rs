//! End-to-end tests: render packs, read them back with poppler, check errors.
//!
//! The PDFs land in `target/pdf-tests/` so they can be looked at
//! (`pdftoppm -png -r 60 target/pdf-tests/sample-pack.pdf out`).

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use super::model::{Block, Inline};
use super::*;

// ---------------------------------------------------------------------------
// Sample data

fn resolve(dest: &str) -> Option<LinkTarget> {
    if dest.starts_with("https://") || dest.starts_with("mailto:") {
        return Some(LinkTarget::External(dest.to_string()));
    }
    let (path, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let anchor = path.rsplit('/').next()?.strip_suffix(".md")?;
    let known = [
        "neglect",
        "lado",
        "early-help",
        "strategy-2026",
        "referral-toolkit",
    ];
    if !known.contains(&anchor) {
        return None;
    }
    Some(LinkTarget::Internal(if fragment.is_empty() {
        anchor.to_string()
    } else {
        format!("{anchor}--{fragment}")
    }))
}

fn control(owner: &str, version: &str) -> Vec<ControlRow> {
    [
        ("Owner", owner),
        ("Version", version),
        ("Approved", "Partnership executive, 4 March 2026"),
        ("Published", "10 March 2026"),
        ("Last updated", "2 November 2026"),
        ("Next review due", "March 2027"),
    ]
    .into_iter()
    .map(|(label, value)| ControlRow {
        label: label.into(),
        value: value.into(),
    })
    .collect()
}

fn doc(anchor: &str, title: &str, kind: DocKind, summary: &str, markdown: &str) -> DocData {
    DocData {
        file: PathBuf::from(format!("content/{anchor}.md")),
        anchor: anchor.into(),
        title: title.into(),
        kind,
        summary: (!summary.is_empty()).then(|| summary.into()),
        control: control("Partnership business unit", "2.1"),
        changes: Vec::new(),
        definition: None,
        signpost: None,
        source_review: None,
        blocks: markdown_to_blocks(markdown, anchor, &resolve),
    }
}

const STRATEGY_MD: &str = r#"
This strategy sets out how the partners will keep children in Northshire safe over the next three years. It builds on what children, families and practitioners told us in 2025.

## Our priorities

1. **Early help**: support families as soon as problems emerge, before they grow.
2. **Neglect**: recognise and respond to [neglect](../definitions/neglect.md) sooner, using the [types of neglect](../definitions/neglect.md#types) as a shared language.
3. **Exploitation**: protect children from criminal and sexual exploitation outside the home.
   - Joint work with the community safety partnership
   - A single multi-agency risk panel
4. **Learning**: make sure learning from reviews changes practice.

## How we will measure progress

We will publish a performance summary every quarter.[^data] The table below shows the measures we will track.

| Measure | Baseline 2025 | Target 2028 | Lead agency |
|:--------|--------------:|------------:|:------------|
| Re-referrals to children's social care within 12 months | 24% | 18% | Local authority |
| Early help assessments completed within 45 days | 61% | 85% | Early help partnership |
| Practitioners trained in the neglect toolkit | 420 | 1,500 | Safeguarding partnership |
| Children missing from education for more than 10 days | 118 | 60 | Education |
| Return home interviews offered within 72 hours | 77% | 95% | Local authority |

### Who is responsible

Each priority has a named lead from one of the three statutory partners: the local authority, the integrated care board and the police. Progress is reported to the partnership executive, and the independent scrutineer reviews it each year.

> "We want every child in Northshire to grow up safe, healthy and listened to."
> — Northshire Safeguarding Children Partnership

## Working together

Read the full statutory guidance on [GOV.UK](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2) for the duties this strategy supports. Our [referral toolkit](../toolkits/referral-toolkit.md) explains how to raise a concern, and the [local authority designated officer](../definitions/lado.md) handles allegations against adults who work with children.

[^data]: Figures come from the partnership's shared dataset, checked by each agency before publication.
"#;

const TOOLKIT_MD: &str = r#"
Use this toolkit when you are worried about a child and need to decide whether to make a referral. If a child is in immediate danger, call 999.

## Before you refer

- [ ] Speak to your designated safeguarding lead
- [ ] Check whether the family already has an [early help](../definitions/early-help.md) plan
- [ ] Tell the family you are making a referral, unless this would put the child at risk
- [x] Read the partnership's information sharing advice

## Referral form

Complete this form by hand if you cannot use the online form, then send it to the front door team.

```form
Child's full name and date of birth | 2
Address and who the child lives with | 3
What has happened, and what are you worried about? | 8
What does the child say? Use their own words where you can. | 6
Your name, role, agency and phone number | 2
```

## Contacts

Front door team
: 01234 567 890, Monday to Friday, 9am to 5pm

Emergency duty team
: 01234 567 999, evenings, weekends and bank holidays

Email the team at <mailto:frontdoor@northshire.example>.
"#;

fn definition(
    anchor: &str,
    term: &str,
    abbreviation: Option<&str>,
    category: &str,
    source: &str,
    related: &[&str],
    markdown: &str,
) -> DocData {
    let mut d = doc(anchor, term, DocKind::Definition, "", markdown);
    d.control = vec![
        ControlRow {
            label: "Last updated".into(),
            value: "2 November 2026".into(),
        },
        ControlRow {
            label: "Next review due".into(),
            value: "November 2027".into(),
        },
    ];
    d.definition = Some(DefinitionData {
        term: term.into(),
        abbreviation: abbreviation.map(Into::into),
        aliases: Vec::new(),
        category: Some(category.into()),
        source: Some(source.into()),
        related: related.iter().map(|r| r.to_string()).collect(),
    });
    d
}

fn sample_pack() -> PackData {
    let mut strategy = doc(
        "strategy-2026",
        "Safeguarding children strategy 2026 to 2029",
        DocKind::Strategy,
        "Our shared priorities for keeping children safe, and how we will know we are making a difference.",
        STRATEGY_MD,
    );
    strategy.changes = vec![
        ChangeRow {
            date: "2 November 2026".into(),
            summary: "Updated the exploitation priority after the annual review.".into(),
        },
        ChangeRow {
            date: "10 March 2026".into(),
            summary: "First published.".into(),
        },
    ];
    let toolkit = doc(
        "referral-toolkit",
        "Making a referral to children's social care",
        DocKind::Toolkit,
        "A checklist and printable form for practitioners worried about a child.",
        TOOLKIT_MD,
    );
    let mut neglect = definition(
        "neglect",
        "Neglect",
        None,
        "Types of abuse",
        "Working Together to Safeguard Children 2023",
        &["Early help", "Emotional abuse"],
        "The persistent failure to meet a child's basic physical and/or psychological needs, likely to result in the serious impairment of the child's health or development.\n\n## Types {#types}\n\nPhysical, emotional, medical and educational neglect, and neglect of supervision.",
    );
    neglect.definition.as_mut().unwrap().aliases = vec!["Child neglect".into()];
    PackData {
        layout: Default::default(),
        title: "Northshire safeguarding essentials".into(),
        description: Some("The strategy, referral toolkit and key terms for practitioners working with children and families in Northshire.".into()),
        partnership: "Northshire Safeguarding Children Partnership".into(),
        version: "3.2".into(),
        date: "2026-11-23".into(),
        site_url: Some("https://safeguarding.northshire.example".into()),
        language: "en-GB".into(),
        documents: vec![
            strategy,
            toolkit,
            neglect,
            definition(
                "lado",
                "Local authority designated officer",
                Some("LADO"),
                "Roles",
                "Working Together to Safeguard Children 2023",
                &["Allegations management"],
                "The officer who manages allegations that an adult who works with children has harmed a child, or may pose a risk to children. Contact the LADO [within one working day](https://www.gov.uk/guidance/lado).",
            ),
            definition(
                "early-help",
                "Early help",
                None,
                "Services",
                "Northshire early help strategy",
                &["Neglect"],
                "Support for children and families as soon as a problem emerges, at any point in a child's life.",
            ),
        ],
    }
}

/// A pack of roughly `chapters * 6` pages for timing.
fn synthetic_pack(chapters: usize) -> PackData {
    let mut pack = sample_pack();
    pack.title = "Synthetic timing pack".into();
    let mut documents = Vec::new();
    for i in 0..chapters {
        let mut md = String::new();
        for section in 0..6 {
            md.push_str(&format!("## Section {section}\n\n"));
            for _ in 0..3 {
                md.push_str("Practitioners should record their concerns, the child's own words and the action taken, and share information with the right partners promptly. ");
                md.push_str("See [neglect](../definitions/neglect.md) and the [GOV.UK guidance](https://www.gov.uk/guidance).\n\n");
            }
            md.push_str("- Listen to the child\n- Record what you saw\n- Refer when needed\n\n");
            if section % 2 == 0 {
                md.push_str("| Measure | Value | Owner |\n|---|--:|---|\n");
                for row in 0..6 {
                    md.push_str(&format!(
                        "| Measure {row} | {}% | Agency {row} |\n",
                        row * 7
                    ));
                }
                md.push('\n');
            }
        }
        if i % 4 == 3 {
            md.push_str("```form\nName | 2\nConcern | 6\nAction taken | 4\n```\n");
        }
        let anchor = format!("chapter-{i}");
        documents.push(doc(
            &anchor,
            &format!("Chapter {i}: working together"),
            DocKind::Page,
            "A synthetic chapter for timing.",
            &md,
        ));
    }
    documents.extend(pack.documents.drain(2..));
    pack.documents = documents;
    pack
}

// ---------------------------------------------------------------------------
// Helpers

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/pdf-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tool_available(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn render_ok(pack: &PackData) -> RenderedPdf {
    match render_pack(pack, &PdfFonts::embedded()) {
        Ok(pdf) => pdf,
        Err(problems) => panic!("render failed: {}", shown(&problems)),
    }
}

/// Problems as the terminal shows them, one after another.
fn shown(problems: &[Diagnostic]) -> String {
    problems.iter().map(|d| format!("{d}\n")).collect()
}

// ---------------------------------------------------------------------------
// Tests

#[test]
fn sample_pack_is_tagged_titled_and_complete() {
    let pack = sample_pack();
    let start = Instant::now();
    let pdf = render_ok(&pack);
    println!(
        "sample pack: {} pages in {:?}",
        pdf.page_count,
        start.elapsed()
    );
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    assert!(pdf.page_count > 3, "{} pages", pdf.page_count);
    let path = out_dir().join("sample-pack.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();

    if !tool_available("pdfinfo") || !tool_available("pdftotext") {
        eprintln!(
            "SKIPPED poppler checks: pdfinfo/pdftotext not installed (apt-get install poppler-utils)"
        );
        return;
    }
    let path = path.to_str().unwrap();
    let info = run("pdfinfo", &[path]);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Northshire safeguarding essentials"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Northshire Safeguarding Children Partnership"),
        "{info}"
    );
    assert!(
        info.contains(&format!("Pages:           {}", pdf.page_count)),
        "{info}"
    );
    assert!(info.contains("PDF version:     1.7"), "{info}");

    let text = run("pdftotext", &["-layout", path, "-"]);
    for doc in &pack.documents {
        let title = &doc.title;
        assert!(text.contains(title.as_str()), "missing title {title}");
    }
    for expected in [
        "Contents",
        "Definitions",
        "Version 3.2",
        "23 November 2026",
        "Page 1 of",
        &format!("Page {} of {}", pdf.page_count - 1, pdf.page_count - 1),
        "Printed copies may be out of date. Check the latest version at https://safeguarding.northshire.example.",
        "Local authority designated officer (LADO)",
        "Re-referrals",
        "Change history",
        "What does the child say?",
        "☐",
        "☑",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // URLs are printed after link text (they may wrap, so compare without spaces).
    let squeezed: String = text.split_whitespace().collect();
    assert!(
        squeezed.contains("(https://www.gov.uk/guidance/lado)"),
        "{text}"
    );
    // Internal links point at real pages ("(page N)" after the link text).
    assert!(squeezed.contains("neglect(page6)"), "{text}");
}

#[test]
fn same_input_gives_identical_bytes() {
    let pack = sample_pack();
    let a = render_ok(&pack);
    let b = render_ok(&pack);
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn renders_from_several_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<PdfFonts>();
    assert_send_sync::<PackData>();
    let pack = sample_pack();
    let mut other = sample_pack();
    other.title = "Second pack".into();
    other.documents.remove(0);
    let fonts = PdfFonts::embedded();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| render_pack(&pack, &fonts).map(|p| p.page_count));
        let b = s.spawn(|| render_pack(&other, &fonts).map(|p| p.page_count));
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    assert!(a > b && b >= 3, "{a} {b}");
}

#[test]
fn consecutive_definitions_become_a_glossary() {
    let pack = sample_pack();
    assert_eq!(
        plan_sections(&pack.documents),
        vec![
            Section::Document { doc: 0 },
            Section::Document { doc: 1 },
            Section::Glossary {
                docs: vec![2, 3, 4]
            },
        ]
    );
    // A lone definition is an ordinary document.
    let mut docs = pack.documents.clone();
    docs.swap(1, 3);
    assert_eq!(
        plan_sections(&docs),
        vec![
            Section::Document { doc: 0 },
            Section::Glossary { docs: vec![1, 2] },
            Section::Document { doc: 3 },
            Section::Document { doc: 4 },
        ]
    );
}

#[test]
fn dates_and_languages() {
    assert_eq!(
        long_date(pack_date("2026-11-23").unwrap()),
        "23 November 2026"
    );
    assert_eq!(
        long_date(pack_date("2027-01-05").unwrap()),
        "5 January 2027"
    );
    for bad in ["2026-13-01", "2026-02-30", "26-11-23", "2026/11/23", ""] {
        assert!(pack_date(bad).is_none(), "{bad}");
    }
    assert_eq!(
        split_language("en-GB"),
        Some(("en".into(), Some("GB".into())))
    );
    assert_eq!(split_language("cy"), Some(("cy".into(), None)));
    assert_eq!(
        split_language("sr-Latn-RS"),
        Some(("sr".into(), Some("RS".into())))
    );
    assert_eq!(split_language("english"), None);
}

#[test]
fn invalid_data_is_reported_before_typst() {
    let mut pack = sample_pack();
    pack.date = "23/11/2026".into();
    pack.documents[1].anchor = "strategy-2026".into();
    let problems = render_pack(&pack, &PdfFonts::embedded()).unwrap_err();
    let message = shown(&problems);
    assert_eq!(problems.len(), 2, "{message}");
    assert!(
        message.contains(
            "waymark.toml: error[pdf-accessibility]: date \"23/11/2026\" is not a valid YYYY-MM-DD date"
        ),
        "{message}"
    );
    assert!(
        message.contains(
            "content/referral-toolkit.md: error[pdf-accessibility]: uses the id \"strategy-2026\""
        ),
        "{message}"
    );
}

#[test]
fn empty_heading_and_skipped_level_are_accessibility_errors() {
    let mut pack = sample_pack();
    pack.documents[1].blocks.push(Block::Heading {
        level: 2,
        id: "referral-toolkit--blank".into(),
        content: vec![Inline::Text("  ".into())],
    });
    pack.documents[0].blocks.push(Block::Heading {
        level: 5,
        id: "strategy-2026--deep".into(),
        content: vec![Inline::Text("Too deep".into())],
    });
    let message = shown(&render_pack(&pack, &PdfFonts::embedded()).unwrap_err());
    assert!(
        message.contains("content/referral-toolkit.md: error[pdf-accessibility]: heading \"referral-toolkit--blank\" has no text"),
        "{message}"
    );
    assert!(
        message.contains("content/strategy-2026.md: error[pdf-accessibility]: heading \"Too deep\" is level 5 after level 2"),
        "{message}"
    );
    assert!(message.contains("hint: make it level 3"), "{message}");
}

#[test]
fn characters_without_glyphs_are_reported_with_their_document() {
    let mut pack = sample_pack();
    pack.documents[3].blocks.push(Block::Paragraph {
        content: vec![Inline::Text("Call us 📞 or visit 中心".into())],
    });
    let message = shown(&render_pack(&pack, &PdfFonts::embedded()).unwrap_err());
    assert!(
        message.contains("content/lado.md: error[pdf-accessibility]: has characters no available font can display: '中' (U+4E2D), '心' (U+5FC3), '📞' (U+1F4DE)"),
        "{message}"
    );
    assert!(message.contains("theme/fonts/ folder"), "{message}");
}

#[test]
fn typst_pdf_ua_errors_are_mapped_to_the_document() {
    // Skip the up-front checks so typst's own PDF/UA-1 validation fires.
    let mut pack = sample_pack();
    pack.documents[1].blocks.push(Block::Paragraph {
        content: vec![Inline::Text("Smile 😀".into())],
    });
    let problems = compile(&pack, &PdfFonts::embedded()).unwrap_err();
    let message = shown(&problems);
    assert!(message.contains("PDF/UA-1 error"), "{message}");
    assert_eq!(
        problems[0].path,
        PathBuf::from("content/referral-toolkit.md"),
        "{message}"
    );
    assert_eq!(problems[0].rule, "pdf-accessibility", "{message}");
}

#[test]
fn other_typst_errors_keep_message_and_location() {
    let pack = sample_pack();
    let world = PackWorld::new(
        &PdfFonts::embedded(),
        b"{}".to_vec(),
        pack_date("2026-11-23").unwrap(),
    );
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let errors = output.unwrap_err();
    let problems = typst_error(&pack, &world, Stage::Layout, errors.as_slice());
    let message = shown(&problems);
    assert_eq!(problems.len(), 1, "{message}");
    assert_eq!(problems[0].rule, "pdf", "{message}");
    assert_eq!(problems[0].path, PathBuf::from(CONFIG_FILE), "{message}");
    assert!(
        problems[0]
            .message
            .starts_with("typst could not lay out pack \"Northshire safeguarding essentials\""),
        "{message}"
    );
    assert!(
        message.contains("does not contain key \"pack\" (at pack.typ:"),
        "{message}"
    );
}

#[test]
fn missing_internal_targets_degrade_gracefully() {
    let mut pack = sample_pack();
    pack.documents[1].blocks.push(Block::Paragraph {
        content: vec![
            Inline::Link {
                target: LinkTarget::Internal("neglect--no-such-heading".into()),
                content: vec![Inline::Text("to the document".into())],
            },
            Inline::Text(" and ".into()),
            Inline::Link {
                target: LinkTarget::Internal("not-in-pack".into()),
                content: vec![Inline::Text("plain text".into())],
            },
        ],
    });
    render_ok(&pack);
}

#[test]
fn json_shape_is_what_the_template_reads() {
    let blocks = markdown_to_blocks("## Hi\n\nA [x](https://a.example) *b*", "d", &resolve);
    let json = serde_json::to_value(&blocks).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"type": "heading", "level": 2, "id": "d--hi", "content": [{"type": "text", "value": "Hi"}]},
            {"type": "paragraph", "content": [
                {"type": "text", "value": "A "},
                {"type": "link", "value": {
                    "target": {"type": "external", "value": "https://a.example"},
                    "content": [{"type": "text", "value": "x"}]}},
                {"type": "text", "value": " "},
                {"type": "emphasis", "value": [{"type": "text", "value": "b"}]}
            ]}
        ])
    );
    let back: Vec<Block> = serde_json::from_value(json).unwrap();
    assert_eq!(back, blocks);
}

const EVERYTHING_MD: &str = r#"
Intro with **bold _nested emphasis_**, ~~struck~~ text, `inline code`, a hard  
break, ~~an old [struck link](https://old.example) here~~ and a [link with ~~struck~~ words](https://example.org/a/very/long/path/that/needs/to/wrap/somewhere/in/the/line?query=1&other=2).

<div>raw html block is dropped</div>

## Loose list

1. First item with two paragraphs.

   Second paragraph of the first item.

2. Second item.

## In a quote

> A quote with a list:
>
> - one
> - two
>
> And a [missing page](../nowhere.md).

#### Skipped level (becomes level 3)

```json
{"referral": true, "priority": "high"}
```

---

Term one
: Definition with *emphasis*.

| Only | Header |
|---|---|
| a very long cell value that goes on and on to show wrapping inside a table cell | b |

```form
A single prompt with default lines
```
"#;

fn everything_pack() -> PackData {
    let mut pack = sample_pack();
    let mut signpost = doc(
        "young-minds",
        "Young people's mental health helpline",
        DocKind::Signpost,
        "Free, confidential support for young people.",
        "Call or text the helpline any time.",
    );
    signpost.signpost = Some(SignpostData {
        url: Some("https://helpline.example.org/young-people".into()),
        provider: Some("Helpline charity".into()),
        audience: Some("Young people aged 11 to 25".into()),
        format: Some("Phone, text and web chat".into()),
        last_checked: Some("1 November 2026".into()),
    });
    let everything = doc(
        "everything",
        "Every kind of block",
        DocKind::Page,
        "",
        EVERYTHING_MD,
    );
    let mut no_control = doc(
        "bare",
        "A page with nothing extra",
        DocKind::Page,
        "",
        "Just text.",
    );
    no_control.control.clear();
    pack.documents
        .splice(2..2, [signpost, everything, no_control]);
    // Glossary entries shift body headings one level down: 6 becomes 7.
    let last = pack.documents.last_mut().unwrap();
    last.blocks.extend(markdown_to_blocks(
        "## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nDeep text.",
        &last.anchor,
        &resolve,
    ));
    pack
}

#[test]
fn every_block_kind_renders() {
    let pack = everything_pack();
    let pdf = render_ok(&pack);
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    std::fs::write(out_dir().join("everything-pack.pdf"), &pdf.bytes).unwrap();
}

#[test]
fn pack_without_documents_renders() {
    let mut pack = sample_pack();
    pack.documents.clear();
    pack.site_url = None;
    pack.description = None;
    let pdf = render_ok(&pack);
    assert_eq!(pdf.page_count, 2);
}

/// Timing: `cargo test --release -- --ignored bench --nocapture`.
///
/// "cold" is a fresh typst cache (a one-off build), "edited" is the same pack
/// with one chapter changed after a render (a rebuild while editing), "same"
/// is an unchanged re-render (mostly cache hits).
#[test]
#[ignore]
fn bench_hundred_page_pack() {
    let start = Instant::now();
    let fonts = PdfFonts::embedded();
    println!("embedded fonts ready in {:?}", start.elapsed());
    for (name, pack) in [("sample", sample_pack()), ("synthetic", synthetic_pack(24))] {
        typst::comemo::evict(0);
        let mut edited = pack.clone();
        edited.documents[0].blocks.push(Block::Paragraph {
            content: vec![Inline::Text("An added paragraph.".into())],
        });
        for (run, pack) in [("cold", &pack), ("edited", &edited), ("same", &edited)] {
            let start = Instant::now();
            let pdf = render_pack(pack, &fonts).unwrap();
            println!(
                "{name} pack, {run}: {} pages, {} KiB, {:?}",
                pdf.page_count,
                pdf.bytes.len() / 1024,
                start.elapsed()
            );
            if run == "cold" {
                std::fs::write(out_dir().join(format!("bench-{name}.pdf")), &pdf.bytes).unwrap();
            }
        }
    }
}
