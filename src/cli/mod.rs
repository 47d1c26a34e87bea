//! Command-line interface: argument parsing and dispatch.
//!
//! Exit codes are stable for scripts: 0 when something was found (or a check
//! passed), 1 when nothing was found (or a check found errors), 2 on bad usage
//! or an internal error. Output that goes to a closed pipe ends quietly.

mod commands;
mod explore;
pub(crate) mod json;
#[cfg(feature = "mcp")]
mod mcp;
mod render;
mod style;
mod tools;

use clap::{Args, Parser, Subcommand, ValueEnum};
use errdex::{Date, Lang};
use std::io::{self, Write};
use std::path::PathBuf;

/// Exit code: something found, or a check passed.
pub const FOUND: i32 = 0;
/// Exit code: nothing found, or a check found errors.
pub const NOT_FOUND: i32 = 1;
/// Exit code: bad usage or an internal error.
pub const FAILURE: i32 = 2;

/// errdex: what an error message means, what not to try, and what works.
#[derive(Debug, Parser)]
#[command(name = "errdex", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find the records that match an error message or a pasted log.
    Lookup {
        /// The message; read from stdin when absent or `-`.
        message: Vec<String>,
        /// Keep at most N results.
        #[arg(long, short = 'n', default_value_t = 5)]
        limit: usize,
        /// Only records of this domain.
        #[arg(long, short)]
        domain: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Report every line of one or more logs that matches a record.
    Scan {
        /// Files to scan; `-` reads stdin.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Threads per file [default: every core].
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Show one record in full.
    Show {
        /// The record id, e.g. api/websocket-close-1007-payload-data.
        id: String,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// List records, one line each.
    List {
        /// Only this domain.
        #[arg(long, short)]
        domain: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Keyword search over signatures, aliases, root causes, tags, categories and domains.
    Search {
        /// The words to look for.
        #[arg(required = true)]
        query: Vec<String>,
        /// Keep at most N results.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Only records of this domain.
        #[arg(long, short)]
        domain: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The errors that follow, precede, or are confused with a record.
    Chain {
        /// The record id to start from.
        id: String,
        /// How many edges to walk.
        #[arg(long, default_value_t = 2)]
        depth: usize,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Counts by domain, verification tier, freshness and more.
    Stats {
        /// Same as `--format markdown`: the per-domain table of README.md.
        #[arg(long, hide = true)]
        markdown: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Validate a folder of seed files with the build's own rules.
    Check {
        /// The seeds folder [default: ./seeds].
        dir: Option<PathBuf>,
        /// Treat warnings as errors (also ERRDEX_STRICT=1).
        #[arg(long)]
        strict: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the compiled-in records back out as seed files, one per record.
    Export {
        /// A folder that does not exist yet, or is empty.
        dir: PathBuf,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `errdex man > errdex.1`.
    Man,
    /// Serve the knowledge base over MCP (Model Context Protocol) on stdin/stdout.
    #[cfg(feature = "mcp")]
    Mcp {
        /// Language of answers: zh uses the Chinese fields where a record has them.
        #[arg(long, default_value = "en", value_name = "LANG", value_parser = parse_lang)]
        lang: Lang,
    },
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text for a terminal.
    Human,
    /// One JSON document (JSON Lines for `scan`); see docs/json.md.
    Json,
    /// Compact Markdown to paste into an AI agent's context.
    Markdown,
    /// Graphviz DOT (`chain` only).
    Dot,
}

/// Output options shared by every command that prints records.
#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// Same as `--format json`.
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// With `--format markdown`: keep the output within about N tokens
    /// (one token per 4 ASCII bytes or per other character).
    #[arg(long, value_name = "TOKENS")]
    budget: Option<usize>,
    /// Language of translated fields and labels: en or zh [env: ERRDEX_LANG].
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// When to use colour (never with NO_COLOR set).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: style::ColorWhen,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("expected en or zh, not {text:?}"))
}

/// Everything a renderer needs to know about the output.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub format: Format,
    pub lang: Lang,
    pub paint: style::Paint,
    pub width: usize,
    pub budget: Option<usize>,
    pub today: Date,
}

impl OutputArgs {
    /// Checks the options against what `command` supports.
    fn ctx(&self, command: &str, allowed: &[Format]) -> Result<Ctx, Failure> {
        let format = if self.json {
            Format::Json
        } else {
            self.format.unwrap_or(Format::Human)
        };
        if !allowed.contains(&format) {
            let names: Vec<String> = allowed
                .iter()
                .map(|f| {
                    f.to_possible_value()
                        .expect("no skipped variants")
                        .get_name()
                        .to_string()
                })
                .collect();
            return Err(Failure::Error(format!(
                "{command} does not print --format {} (it prints {})",
                format
                    .to_possible_value()
                    .expect("no skipped variants")
                    .get_name(),
                names.join(", ")
            )));
        }
        if let Some(budget) = self.budget {
            if format != Format::Markdown {
                return Err(Failure::Error(
                    "--budget applies to --format markdown only".into(),
                ));
            }
            if budget == 0 {
                return Err(Failure::Error("--budget must be at least 1".into()));
            }
        }
        let lang = match self.lang {
            Some(lang) => lang,
            None => match std::env::var("ERRDEX_LANG") {
                Ok(v) if !v.trim().is_empty() => Lang::parse(&v).ok_or_else(|| {
                    Failure::Error(format!(
                        "ERRDEX_LANG={v:?} is not understood (expected en or zh)"
                    ))
                })?,
                _ => Lang::En,
            },
        };
        let today = match std::env::var("ERRDEX_TODAY") {
            Ok(v) if !v.is_empty() => {
                Date::parse(&v).map_err(|e| Failure::Error(format!("ERRDEX_TODAY: {e}")))?
            }
            _ => Date::today(),
        };
        Ok(Ctx {
            format,
            lang,
            paint: style::Paint {
                on: format == Format::Human && style::use_color(self.color),
            },
            width: style::width(),
            budget: self.budget,
            today,
        })
    }
}

/// A usage error in one line: clap's message without its usage block.
fn usage_error(e: &clap::Error) -> String {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let names: Vec<String> = <Cli as clap::CommandFactory>::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        return format!(
            "a command is required: {} (see errdex --help)",
            names.join(", ")
        );
    }
    let text = e.render().to_string();
    let mut parts: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if !line.is_empty() {
            parts.push(line.strip_prefix("error: ").unwrap_or(line));
        }
    }
    let mut message = parts.join(" ");
    if let Some(tip) = text.lines().find_map(|l| l.trim().strip_prefix("tip: ")) {
        if !message.contains(tip) {
            message = format!("{message} ({tip})");
        }
    }
    format!("{message} (see errdex --help)")
}

/// A failure that ends the command with a one-line message.
#[derive(Debug)]
pub enum Failure {
    /// Nothing found (exit 1), with a message for stderr.
    NotFound(String),
    /// Bad input or an internal problem (exit 2).
    Error(String),
    /// Writing the output failed.
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return FOUND;
        }
        Err(e) => {
            eprintln!("errdex: {}", usage_error(&e));
            return FAILURE;
        }
    };
    // Not locked: `errdex mcp` writes stdout from its own threads.
    let mut out = io::BufWriter::new(io::stdout());
    let result = run(cli, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    if result.is_err() {
        let _ = out.flush();
    }
    exit_code(result)
}

/// The exit code of a result, after printing a failure's message on stderr.
fn exit_code(result: Result<i32, Failure>) -> i32 {
    match result {
        Ok(code) => code,
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => FOUND,
        Err(Failure::Io(e)) => {
            eprintln!("errdex: cannot write output: {e}");
            FAILURE
        }
        Err(Failure::NotFound(msg)) => {
            eprintln!("errdex: {msg}");
            NOT_FOUND
        }
        Err(Failure::Error(msg)) => {
            eprintln!("errdex: {msg}");
            FAILURE
        }
    }
}

const RECORD_FORMATS: &[Format] = &[Format::Human, Format::Json, Format::Markdown];

fn run(cli: Cli, out: &mut dyn Write) -> Result<i32, Failure> {
    match cli.command {
        Command::Lookup {
            message,
            limit,
            domain,
            output,
        } => {
            let ctx = output.ctx("lookup", RECORD_FORMATS)?;
            commands::lookup(out, &ctx, &message, limit, domain.as_deref())
        }
        Command::Scan {
            files,
            threads,
            output,
        } => {
            let ctx = output.ctx("scan", RECORD_FORMATS)?;
            commands::scan(out, &ctx, &files, threads)
        }
        Command::Show { id, output } => {
            let ctx = output.ctx("show", RECORD_FORMATS)?;
            commands::show(out, &ctx, &id)
        }
        Command::List { domain, output } => {
            let ctx = output.ctx("list", RECORD_FORMATS)?;
            commands::list(out, &ctx, domain.as_deref())
        }
        Command::Search {
            query,
            limit,
            domain,
            output,
        } => {
            let ctx = output.ctx("search", RECORD_FORMATS)?;
            explore::search(out, &ctx, &query.join(" "), limit, domain.as_deref())
        }
        Command::Chain { id, depth, output } => {
            let ctx = output.ctx(
                "chain",
                &[Format::Human, Format::Json, Format::Markdown, Format::Dot],
            )?;
            explore::chain(out, &ctx, &id, depth)
        }
        Command::Stats { markdown, output } => {
            let mut ctx = output.ctx("stats", RECORD_FORMATS)?;
            if markdown {
                ctx.format = Format::Markdown;
            }
            commands::stats(out, &ctx)
        }
        Command::Check { dir, strict, json } => commands::check(out, dir, strict, json),
        Command::Export { dir } => tools::export(out, &dir),
        Command::Completions { shell } => tools::completions(out, shell),
        Command::Man => tools::man(out),
        #[cfg(feature = "mcp")]
        Command::Mcp { lang } => mcp::run(lang),
    }
}
