//! The `waymark` command line: argument parsing and exit codes, nothing else.

use std::path::PathBuf;
use std::process::ExitCode;

use std::io::Write;

use anstream::eprintln;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use waymark::build::{BuildError, BuildOptions, build};
use waymark::check::{CheckOptions, ExternalOptions, check};
use waymark::diagnostics::{Diagnostic, Diagnostics, Severity};
use waymark::scaffold::new::{NewKind, NewPage, new_page};
use waymark::scaffold::{ScaffoldError, init::init, local::init_local};
use waymark::{content, import, review};

/// Exit code for problems in the site's content.
const EXIT_CONTENT: u8 = 1;
/// Exit code for problems with the command itself (bad arguments, unsafe output folder).
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "waymark",
    version,
    about = "Build accessible safeguarding guidance websites and printable packs from Markdown.",
    after_help = "Examples:\n  waymark init my-guidance             start a new site in the folder my-guidance\n  waymark new definition \"Chronology\"  start a page with the right front matter\n  waymark check                        find problems without building\n  waymark build                        build the site in this folder into output/\n  waymark build --site ../guidance     build another site\n\nRun `waymark <command> --help` for a command's options."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into the output folder.
    #[command(
        after_help = "Examples:\n  waymark build\n  waymark build --output /var/www/guidance --base-url https://guidance.example.org/\n  waymark build --today 2027-01-01   (work out review status as on that day)"
    )]
    Build(BuildArgs),
    /// Build the site, serve it on this computer, and rebuild and reload the browser on every save.
    #[command(
        after_help = "Examples:\n  waymark serve                 then open http://127.0.0.1:1111/\n  waymark serve --port 8080 --open\n  waymark serve --bind 0.0.0.0   (let other computers on the network see it: take care)\n  waymark serve --offline-test   (with the service worker, to try the site offline)\n\nThe preview is built in a temporary folder, not output/, and removed when you press Ctrl-C."
    )]
    Serve(ServeArgs),
    /// List every document's review date, owner and status, soonest first.
    #[command(
        after_help = "Examples:\n  waymark review                         every document, soonest first\n  waymark review --within 90d            due in the next 90 days, or overdue\n  waymark review --status overdue --owner \"strategy group\"\n  waymark review --format ics > reviews.ics   import into Outlook or Google Calendar\n  waymark review --format csv > reviews.csv   open in a spreadsheet"
    )]
    Review(ReviewArgs),
    /// Find problems in the site without building it: everything a build checks, plus content
    /// rules such as long sentences, vague link text and overdue reviews. Exit code 1 when
    /// there is an error.
    #[command(
        after_help = "Examples:\n  waymark check\n  waymark check --site ../guidance --format json\n  waymark check --today 2027-01-01   (review dates as on that day)\n  waymark check --external           (also try every link to another website)\n\nRules can be set to \"off\", \"warn\" or \"error\" under [check.rules] in waymark.toml;\nthe README's \"Checking a site\" section lists them all."
    )]
    Check(CheckArgs),
    /// Start a new page: a Markdown file with the front matter its kind needs, today's date,
    /// the next review date and placeholders to replace, in the kind's folder.
    #[command(
        after_help = "Examples:\n  waymark new definition \"Graded Care Profile\"   writes content/definitions/graded-care-profile.md\n  waymark new toolkit \"Day in my life: baby\"     writes content/toolkit/day-in-my-life-baby.md\n  waymark new signpost \"Family Lives\"            writes content/signposting/family-lives.md\n  waymark new strategy \"Our priorities\"          writes content/strategy/our-priorities.md\n  waymark new news \"Champions network\"          writes content/news/champions-network.md\n  waymark new briefing \"Missed appointments\"    writes content/briefings/missed-appointments.md\n  waymark new event \"Neglect workshop\"          writes content/events/neglect-workshop.md\n  waymark new page \"Contact us\" --section about  writes content/about/contact-us.md\n\nAn existing file is never replaced (exit code 2)."
    )]
    New(NewArgs),
    /// Start a new site in an empty folder: settings, a home page and an example page of each
    /// kind, ready to build and check.
    #[command(
        after_help = "Examples:\n  waymark init my-guidance\n  waymark init .          (the current folder, if it is empty)\n  waymark init --base ../regional northdale   a local site on the regional site in ../regional\n\nThe folder must be new or empty."
    )]
    Init(InitArgs),
    /// Turn a Word document (.docx) into pages: one page per chapter, document control into
    /// front matter, the version history into page history, and the glossary into
    /// definitions. Never replaces a file; reports what to check by eye, then runs
    /// `waymark check` on the new pages.
    #[command(
        after_help = "Examples:\n  waymark import \"Neglect Strategy 2025.docx\"                      chapters into content/strategy/\n  waymark import strategy.docx --dry-run                          show the plan, write nothing\n  waymark import strategy.docx --section strategy/2026            into content/strategy/2026/\n  waymark import chronology.docx --kind toolkit                   into content/toolkit/\n  waymark import procedures.docx --kind page --split 2            a page per Heading 1 and Heading 2\n\nA document with chapters becomes a section: its _index.md holds the text before the first\nheading, and each Heading 1 (or down to --split) starts a page. A document without headings\nbecomes one page. If any file it would write exists, nothing is written (exit code 2).\nA file that is not a readable .docx is exit code 1."
    )]
    Import(ImportArgs),
}

#[derive(Args)]
struct ImportArgs {
    /// The Word document (.docx).
    file: PathBuf,
    /// The site folder (holds waymark.toml and content/). Default: the current folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    site: PathBuf,
    /// The folder inside content/ for the pages, such as `strategy` or `strategy/2026`.
    /// Default: the folder of the --kind (a folder named after the document for `page`).
    #[arg(long, value_name = "DIR")]
    section: Option<String>,
    /// What kind of document it is. Default: from --section, or strategy.
    #[arg(long, value_enum)]
    kind: Option<ImportKindArg>,
    /// Start a page at each heading of this level and above: 1 for Heading 1, 2 for
    /// Heading 1 and Heading 2.
    #[arg(long, value_name = "LEVEL", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=6))]
    split: u8,
    /// Print what would be written and what to check, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Check the new pages' review dates as on this day (YYYY-MM-DD).
    /// The environment variable WAYMARK_TODAY does the same.
    #[arg(long, value_name = "DATE", value_parser = parse_today)]
    today: Option<jiff::civil::Date>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportKindArg {
    /// A strategy, in content/strategy/: pages need document control.
    Strategy,
    /// A toolkit document, in content/toolkit/: pages need document control.
    Toolkit,
    /// Any other document, in a folder of its own (or --section).
    Page,
}

impl From<ImportKindArg> for import::ImportKind {
    fn from(k: ImportKindArg) -> Self {
        match k {
            ImportKindArg::Strategy => import::ImportKind::Strategy,
            ImportKindArg::Toolkit => import::ImportKind::Toolkit,
            ImportKindArg::Page => import::ImportKind::Page,
        }
    }
}

#[derive(Args)]
struct NewArgs {
    /// What kind of page to start.
    #[arg(value_enum)]
    kind: KindArg,
    /// The page's title, in quotes if it has spaces. The file is named after it.
    title: String,
    /// The site folder (holds waymark.toml and content/). Default: the current folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    site: PathBuf,
    /// For `page`: the folder inside content/ to put it in, such as `about`. Default: content/.
    #[arg(long, value_name = "DIR")]
    section: Option<PathBuf>,
    /// Date the page as if today were this day (YYYY-MM-DD).
    /// The environment variable WAYMARK_TODAY does the same.
    #[arg(long, value_name = "DATE", value_parser = parse_today)]
    today: Option<jiff::civil::Date>,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    /// A term for the glossary, in content/definitions/.
    Definition,
    /// A strategy chapter with document control, in content/strategy/.
    Strategy,
    /// A toolkit template with document control and a sample form, in content/toolkit/.
    Toolkit,
    /// A service or resource, in content/signposting/.
    Signpost,
    /// A dated news post, in content/news/.
    News,
    /// A 7-minute briefing with document control and the usual headings, in content/briefings/.
    Briefing,
    /// A training course or event with its time, place and booking link, in content/events/.
    Event,
    /// Any other page, in content/ or the --section folder.
    Page,
}

impl From<KindArg> for NewKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Definition => NewKind::Definition,
            KindArg::Strategy => NewKind::Strategy,
            KindArg::Toolkit => NewKind::Toolkit,
            KindArg::Signpost => NewKind::Signpost,
            KindArg::News => NewKind::News,
            KindArg::Briefing => NewKind::Briefing,
            KindArg::Event => NewKind::Event,
            KindArg::Page => NewKind::Page,
        }
    }
}

#[derive(Args)]
struct InitArgs {
    /// The folder for the new site: a new folder, or an empty one.
    dir: PathBuf,
    /// Start a local site built on this shared (regional) site folder instead: its pages,
    /// templates and theme are used, and the new site holds only what is local.
    #[arg(long, value_name = "DIR")]
    base: Option<PathBuf>,
    /// Date the example pages as if today were this day (YYYY-MM-DD).
    /// The environment variable WAYMARK_TODAY does the same.
    #[arg(long, value_name = "DATE", value_parser = parse_today)]
    today: Option<jiff::civil::Date>,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The port to serve on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on. The default is only reachable from this computer.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Serve the site as published, with its service worker and without live reload, to try
    /// offline use: pages are still rebuilt on save, and open pages offer to reload.
    #[arg(long)]
    offline_test: bool,
}

#[derive(Args)]
struct ReviewArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Only documents due within this period (or overdue): 90d, 12w, 6m, 1y; at most 100y.
    #[arg(long, value_name = "PERIOD", value_parser = review::report::parse_period)]
    within: Option<i64>,
    /// Only documents whose owner contains this text (any case).
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    /// Only documents with this status (repeat for several).
    #[arg(long, value_enum)]
    status: Vec<StatusArg>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ReviewFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StatusArg {
    Overdue,
    DueSoon,
    Current,
    NoDate,
}

impl From<StatusArg> for content::ReviewStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Overdue => content::ReviewStatus::Overdue,
            StatusArg::DueSoon => content::ReviewStatus::DueSoon,
            StatusArg::Current => content::ReviewStatus::Current,
            StatusArg::NoDate => content::ReviewStatus::NoDate,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReviewFormat {
    Table,
    Csv,
    Json,
    Ics,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// How to print findings: `text` (path:line:column: severity[rule]: message) or `json`
    /// (an array of objects with rule, severity, path, line, column, message and hint).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also request every link to another website (and every signposting address), and
    /// report those that fail: an error status, no answer in time, an unknown host.
    /// Off by default: it needs the network and takes a while.
    #[arg(long)]
    external: bool,
    /// With --external: seconds to wait for each website to answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, requires = "external", value_parser = parse_seconds)]
    timeout: f64,
    /// With --external: how many websites to ask at once.
    #[arg(long, value_name = "N", default_value_t = 8, requires = "external", value_parser = clap::value_parser!(u16).range(1..=64))]
    concurrency: u16,
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 600.0 => Ok(s),
        _ => Err(format!(
            "`{text}` is not a number of seconds from 0 to 600, such as 10"
        )),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Args)]
struct SiteArgs {
    /// The site folder (holds waymark.toml and content/). Default: the current folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    site: PathBuf,
    /// Work out review status as on this day (YYYY-MM-DD) instead of today.
    /// The environment variable WAYMARK_TODAY does the same.
    #[arg(long, value_name = "DATE", value_parser = parse_today)]
    today: Option<jiff::civil::Date>,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site. Default: output/ inside the site folder.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The address the site will be published at (overrides base_url in waymark.toml).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Skip making the packs' PDFs (their print-ready pages are still built).
    #[arg(long)]
    no_pdf: bool,
}

fn parse_today(text: &str) -> Result<jiff::civil::Date, String> {
    review::parse_today(text)
}

fn today(args: &SiteArgs) -> Result<jiff::civil::Date, String> {
    today_or_env(args.today)
}

fn today_or_env(given: Option<jiff::civil::Date>) -> Result<jiff::civil::Date, String> {
    match given {
        Some(d) => Ok(d),
        None => review::today_from_env().map_err(|e| format!("WAYMARK_TODAY: {e}")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(args),
        Command::Serve(args) => run_serve(args),
        Command::Review(args) => run_review(args),
        Command::Check(args) => run_check(args),
        Command::New(args) => run_new(args),
        Command::Init(args) => run_init(args),
        Command::Import(args) => run_import(args),
    }
}

fn run_build(args: BuildArgs) -> ExitCode {
    let today = match today(&args.site) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    if let Some(base) = &args.base_url
        && !waymark::link_safety::is_web_address(base)
    {
        return usage_error(&format!(
            "--base-url `{base}` is not a web address: write the full address the site is published at, such as https://guidance.example.org/"
        ));
    }
    let output_dir = args.output.unwrap_or_else(|| args.site.site.join("output"));
    let options = BuildOptions {
        site_dir: args.site.site,
        output_dir: output_dir.clone(),
        base_url: args.base_url,
        today,
        pdf: !args.no_pdf,
        progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
    };
    waymark::build::remove_staging_on_signal();
    match build(&options) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            eprintln!(
                "Built {} pages ({} files) into {} in {:.2} s",
                report.pages,
                report.files,
                output_dir.display(),
                report.elapsed.as_secs_f64()
            );
            if let Some(precache) = report.precache {
                eprintln!(
                    "Offline use: readers' devices save {} files ({:.1} MB) at their first visit.",
                    precache.files,
                    precache.bytes as f64 / 1e6
                );
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diagnostics)) => {
            print_diagnostics(&diagnostics);
            eprintln!(
                "Build failed with {} error(s); the previous output in {} is unchanged.",
                diagnostics.error_count(),
                output_dir.display()
            );
            ExitCode::from(EXIT_CONTENT)
        }
        Err(BuildError::Output(e)) => {
            let code = if e.is_usage() {
                EXIT_USAGE
            } else {
                EXIT_CONTENT
            };
            eprintln!("error: {e}\n  = hint: {}", e.hint());
            ExitCode::from(code)
        }
    }
}

fn run_serve(args: ServeArgs) -> ExitCode {
    let today = match today(&args.site) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let options = waymark::serve::ServeOptions {
        site_dir: args.site.site,
        bind: args.bind,
        port: args.port,
        open: args.open,
        offline_test: args.offline_test,
        today,
    };
    match waymark::serve::serve(&options, |_| {}) {
        Ok(()) => ExitCode::SUCCESS,
        Err(waymark::serve::ServeError::Content(diagnostics)) => {
            print_diagnostics(&diagnostics);
            eprintln!(
                "The site has {} error(s), so there is nothing to serve yet.",
                diagnostics.error_count()
            );
            ExitCode::from(EXIT_CONTENT)
        }
        Err(e) => {
            eprintln!("error: {e}\n  = hint: {}", e.hint());
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run_review(args: ReviewArgs) -> ExitCode {
    let today = match today(&args.site) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let site = match content::load(&args.site.site, content::LoadOptions::default()) {
        Ok(site) => site,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            return ExitCode::from(EXIT_CONTENT);
        }
    };
    let filter = review::report::ReviewFilter {
        within_days: args.within,
        owner: args.owner,
        statuses: args.status.into_iter().map(Into::into).collect(),
    };
    let rows = review::report::schedule(&site, today, &filter);
    let text = match args.format {
        ReviewFormat::Table => review::report::table(&rows),
        ReviewFormat::Csv => review::report::csv(&rows),
        ReviewFormat::Json => review::report::json(&rows),
        ReviewFormat::Ics => review::report::ics(
            &rows,
            &site.config.title,
            site.config.base_url().as_deref(),
            today,
        ),
    };
    print!("{text}");
    ExitCode::SUCCESS
}

fn run_check(args: CheckArgs) -> ExitCode {
    let today = match today(&args.site) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let external = args.external.then(|| ExternalOptions {
        timeout: std::time::Duration::from_secs_f64(args.timeout),
        concurrency: usize::from(args.concurrency),
    });
    if external.is_some() && matches!(args.format, Format::Text) {
        eprintln!("Checking links to other websites too; this can take a while.");
    }
    let report = check(&CheckOptions {
        site_dir: args.site.site,
        today,
        external,
    });
    let d = &report.diagnostics;
    match args.format {
        Format::Text => {
            let mut out = anstream::stdout().lock();
            for diagnostic in d {
                let _ = write_diagnostic(&mut out, diagnostic);
            }
            if d.is_empty() {
                eprintln!("No problems found in {} pages.", report.pages);
            } else {
                eprintln!(
                    "{} error(s) and {} warning(s) in {} pages.",
                    d.error_count(),
                    d.warning_count(),
                    report.pages
                );
            }
        }
        Format::Json => {
            let findings: Vec<JsonFinding<'_>> = d.iter().map(JsonFinding::from).collect();
            let json = serde_json::to_string_pretty(&findings).expect("plain data serialises");
            let _ = writeln!(std::io::stdout().lock(), "{json}");
        }
    }
    if d.has_errors() {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_new(args: NewArgs) -> ExitCode {
    let today = match today_or_env(args.today) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let page = NewPage {
        kind: args.kind.into(),
        title: args.title,
        section: args.section,
    };
    match new_page(&args.site, &page, today) {
        Ok(relative) => {
            let shown = if args.site == std::path::Path::new(".") {
                relative.clone()
            } else {
                args.site.join(&relative)
            };
            println!("{}", shown.display());
            eprintln!(
                "Wrote {}. Replace the placeholder text, then run `waymark check`.",
                shown.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => scaffold_error(&e),
    }
}

fn run_init(args: InitArgs) -> ExitCode {
    let today = match today_or_env(args.today) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let dir = args.dir.display();
    let written = match &args.base {
        Some(base) => init_local(&args.dir, base, today),
        None => init(&args.dir, today),
    };
    let files = match written {
        Ok(files) => files,
        Err(e) => return scaffold_error(&e),
    };
    println!("Created a new site in {dir}:");
    for file in &files {
        println!("  {}", file.display());
    }
    if args.base.is_some() {
        println!(
            "\nNext steps:\n  \
             1. In {dir}/waymark.toml, set the title and partnership, and hide any base pages \
             that do not apply here.\n  \
             2. Put your local pages in {dir}/content/: a page at the same path as a base page \
             replaces it, and with extends = true adds its sections to it.\n  \
             3. Run `waymark check --site {dir}` to find problems, and \
             `waymark build --site {dir}` to build the site into {dir}/output/."
        );
    } else {
        println!(
            "\nNext steps:\n  \
             1. In {dir}/waymark.toml, set the title and partnership.\n  \
             2. Replace the example pages in {dir}/content/ with your own; \
             `waymark new --help` starts new ones.\n  \
             3. Run `waymark check --site {dir}` to find problems, and \
             `waymark build --site {dir}` to build the site into {dir}/output/.\n\n\
             The templates and theme are built into waymark. To change one, put a file with \
             the same name in {dir}/templates/ (such as page.html or partials/metadata.html) \
             or {dir}/theme/ (such as css/waymark.css); the README's \"Templates\" section \
             lists them."
        );
    }
    ExitCode::SUCCESS
}

fn run_import(args: ImportArgs) -> ExitCode {
    let today = match today_or_env(args.today) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let options = import::ImportOptions {
        file: args.file.clone(),
        site_dir: args.site.clone(),
        section: args.section,
        kind: args.kind.map(Into::into),
        split_level: args.split,
        dry_run: args.dry_run,
    };
    let imported = match import::import(&options) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("error: {e}\n  = hint: {}", e.hint());
            return ExitCode::from(if e.is_usage() {
                EXIT_USAGE
            } else {
                EXIT_CONTENT
            });
        }
    };
    print!("{}", imported.report(&args.file));
    if !imported.written {
        return ExitCode::SUCCESS;
    }
    println!("\nChecking the new pages (waymark check):");
    let checked = import::check_imported(&args.site, today, &imported.pages());
    let mut out = anstream::stdout().lock();
    for diagnostic in &checked.findings {
        let _ = write_diagnostic(&mut out, diagnostic);
    }
    let found = &checked.findings;
    if found.is_empty() {
        let _ = writeln!(out, "No problems found in the new pages.");
    } else {
        let _ = writeln!(
            out,
            "{} error(s) and {} warning(s) in the new pages: tidy them, then run `waymark check`.",
            found.error_count(),
            found.warning_count()
        );
    }
    if checked.elsewhere > 0 {
        let _ = writeln!(
            out,
            "{} finding(s) on other pages of the site: `waymark check` lists them.",
            checked.elsewhere
        );
    }
    ExitCode::SUCCESS
}

/// Reports why `new` or `init` wrote nothing. Problems with the command are exit code 2.
fn scaffold_error(e: &ScaffoldError) -> ExitCode {
    eprintln!("error: {e}\n  = hint: {}", e.hint());
    match e {
        ScaffoldError::Io { .. } => ExitCode::from(EXIT_CONTENT),
        _ => ExitCode::from(EXIT_USAGE),
    }
}

/// One finding in `check --format json`.
#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
    hint: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonFinding<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        JsonFinding {
            rule: d.rule,
            severity: d.severity,
            path: d.path.to_string_lossy().replace('\\', "/"),
            line: d.line,
            column: d.column,
            message: &d.message,
            hint: d.hint.as_deref(),
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// Prints findings to stderr, coloured when stderr is a terminal.
fn print_diagnostics(diagnostics: &Diagnostics) {
    let mut err = anstream::stderr().lock();
    for d in diagnostics {
        let _ = write_diagnostic(&mut err, d);
    }
}

/// Writes one finding as `path:line:column: severity[rule]: message` and its hint, in colour
/// (the anstream streams drop the colour codes when not writing to a terminal).
fn write_diagnostic(out: &mut impl Write, d: &Diagnostic) -> std::io::Result<()> {
    let (colour, reset) = match d.severity {
        Severity::Error => ("\x1b[1;31m", "\x1b[0m"),
        Severity::Warning => ("\x1b[1;33m", "\x1b[0m"),
    };
    writeln!(
        out,
        "\x1b[1m{}\x1b[0m: {colour}{}{reset}[{}]: {}",
        d.location(),
        d.severity,
        d.rule,
        d.message
    )?;
    if let Some(hint) = &d.hint {
        writeln!(out, "  \x1b[36m= hint\x1b[0m: {hint}")?;
    }
    Ok(())
}
