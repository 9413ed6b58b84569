//! The `waymark` command line: argument parsing and exit codes, nothing else.

use std::path::PathBuf;
use std::process::ExitCode;

use anstream::eprintln;
use clap::{Args, Parser, Subcommand};

use waymark::build::{BuildError, BuildOptions, build};
use waymark::diagnostics::{Diagnostic, Diagnostics, Severity};
use waymark::review;

/// Exit code for problems in the site's content.
const EXIT_CONTENT: u8 = 1;
/// Exit code for problems with the command itself (bad arguments, unsafe output folder).
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "waymark",
    version,
    about = "Build accessible safeguarding guidance websites and printable packs from Markdown.",
    after_help = "Examples:\n  waymark build                     build the site in this folder into output/\n  waymark build --site ../guidance  build another site\n\nRun `waymark <command> --help` for a command's options."
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
}

fn parse_today(text: &str) -> Result<jiff::civil::Date, String> {
    review::parse_today(text)
}

fn today(args: &SiteArgs) -> Result<jiff::civil::Date, String> {
    match args.today {
        Some(d) => Ok(d),
        None => review::today_from_env().map_err(|e| format!("WAYMARK_TODAY: {e}")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(args),
    }
}

fn run_build(args: BuildArgs) -> ExitCode {
    let today = match today(&args.site) {
        Ok(d) => d,
        Err(e) => return usage_error(&e),
    };
    let output_dir = args.output.unwrap_or_else(|| args.site.site.join("output"));
    let options = BuildOptions {
        site_dir: args.site.site,
        output_dir: output_dir.clone(),
        base_url: args.base_url,
        today,
    };
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

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// Prints findings to stderr, coloured when stderr is a terminal.
fn print_diagnostics(diagnostics: &Diagnostics) {
    for d in diagnostics {
        print_diagnostic(d);
    }
}

fn print_diagnostic(d: &Diagnostic) {
    let (colour, reset) = match d.severity {
        Severity::Error => ("\x1b[1;31m", "\x1b[0m"),
        Severity::Warning => ("\x1b[1;33m", "\x1b[0m"),
    };
    eprintln!(
        "\x1b[1m{}\x1b[0m: {colour}{}{reset}[{}]: {}",
        d.location(),
        d.severity,
        d.rule,
        d.message
    );
    if let Some(hint) = &d.hint {
        eprintln!("  \x1b[36m= hint\x1b[0m: {hint}");
    }
}
