//! The report an editor reads after an import (or instead of one, with `--dry-run`): what
//! was made, what document control was found, and everything to check by eye, each with
//! its page, chapter and paragraph.

use std::fmt::Write;

use super::plan::Plan;
use super::write::FileKind;
use crate::content::DocDate;

/// The report as text. `written` says whether the files were written or only planned.
pub(crate) fn render(plan: &Plan, source: &str, written: bool) -> String {
    let mut out = String::new();
    let verb = if written { "Wrote" } else { "Would write" };
    let _ = writeln!(
        out,
        "{} \"{}\" from {source} into content/{}/ ({} documents){}",
        if written {
            "Imported"
        } else {
            "Planned the import of"
        },
        plan.title,
        plan.section,
        plan.kind.name(),
        if written {
            ""
        } else {
            ": nothing has been written (--dry-run)"
        }
    );
    files(
        &mut out,
        plan,
        verb,
        FileKind::SectionIndex,
        "section introduction",
    );
    files(&mut out, plan, verb, FileKind::Page, "pages");
    files(&mut out, plan, verb, FileKind::Image, "pictures");
    files(&mut out, plan, verb, FileKind::Definition, "definitions");
    if !plan.skipped_terms.is_empty() {
        let _ = writeln!(
            out,
            "\nLeft out {} term(s) the site already defines:",
            plan.skipped_terms.len()
        );
        for (term, file) in &plan.skipped_terms {
            let _ = writeln!(out, "  {term} (see {})", file.display());
        }
    }
    control(&mut out, plan);
    if plan.findings.is_empty() {
        out.push_str("\nNothing was left out.\n");
    } else {
        let _ = writeln!(out, "\nCheck by eye ({}):", plan.findings.len());
        for finding in &plan.findings {
            let page = finding
                .page
                .as_ref()
                .map(|p| format!("{} ", p.display()))
                .unwrap_or_default();
            let excerpt = if finding.excerpt.is_empty() {
                String::new()
            } else {
                format!(" \"{}\"", finding.excerpt)
            };
            let _ = writeln!(
                out,
                "  {page}({}{excerpt}): {}",
                finding.place, finding.message
            );
        }
    }
    out
}

fn files(out: &mut String, plan: &Plan, verb: &str, kind: FileKind, label: &str) {
    let list: Vec<_> = plan.files.iter().filter(|f| f.what == kind).collect();
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{verb} {} {label}:", list.len());
    let width = list
        .iter()
        .map(|f| f.path.display().to_string().chars().count())
        .max()
        .unwrap_or(0);
    for file in list {
        let path = file.path.display().to_string();
        if file.title.is_empty() {
            let _ = writeln!(out, "  {path}");
        } else {
            let _ = writeln!(out, "  {path:width$}  {}", file.title);
        }
    }
}

fn control(out: &mut String, plan: &Plan) {
    let Some(control) = &plan.control else {
        out.push_str(
            "\nNo document-control table was found: add owner, version, approved, published and \
             review_due to each page's front matter (waymark check lists what is missing).\n",
        );
        history(out, plan);
        return;
    };
    out.push_str("\nDocument control, from the table at the start, on every page:\n");
    let date = |d: Option<DocDate>| d.map_or("(not found)".to_string(), |d| d.human());
    let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "(not found)".into());
    let version = control.version.clone().or_else(|| {
        plan.history
            .as_ref()
            .and_then(|h| h.latest_version.clone())
            .map(|v| format!("{v} (the newest in the version history)"))
    });
    let _ = writeln!(out, "  owner       {}", text(&control.owner));
    let _ = writeln!(out, "  version     {}", text(&version));
    let _ = writeln!(out, "  approved    {}", date(control.approved));
    let _ = writeln!(out, "  published   {}", date(control.published));
    let _ = writeln!(out, "  review_due  {}", date(control.review_due));
    for (label, value) in &control.unused {
        let _ = writeln!(out, "  not carried over: {label}: {value}");
    }
    history(out, plan);
}

fn history(out: &mut String, plan: &Plan) {
    let Some(history) = &plan.history else {
        return;
    };
    let _ = writeln!(
        out,
        "  {} change(s) from the version history, as [[changes]]",
        history.changes.len()
    );
    for row in &history.unread {
        let _ = writeln!(
            out,
            "  not carried over (no date that could be read): {row}"
        );
    }
}
