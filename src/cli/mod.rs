//! Command-line interface: argument parsing and dispatch.
//!
//! Exit codes are stable for scripts: 0 when something was found (or a check
//! passed), 1 when nothing was found (or a check found errors), 2 on bad usage
//! or an internal error. Output that goes to a closed pipe ends quietly.

mod commands;
#[cfg(feature = "mcp")]
mod mcp;
mod render;

use clap::{Parser, Subcommand};
use std::io::{self, Write};

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
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Report every line of one or more logs that matches a record.
    Scan {
        /// Files to scan; `-` reads stdin.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
        /// Threads per file [default: every core].
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Show one record in full.
    Show {
        /// The record id, e.g. api/websocket-close-1007-payload-data.
        id: String,
        /// Print JSON (the seed format).
        #[arg(long)]
        json: bool,
    },
    /// List records, one line each.
    List {
        /// Only this domain.
        #[arg(long, short)]
        domain: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Counts by domain, verification tier and more.
    Stats {
        /// Print JSON.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the per-domain table in Markdown (as in README.md).
        #[arg(long)]
        markdown: bool,
    },
    /// Validate a folder of seed files with the build's own rules.
    Check {
        /// The seeds folder [default: ./seeds].
        dir: Option<std::path::PathBuf>,
        /// Treat warnings as errors (also ERRDEX_STRICT=1).
        #[arg(long)]
        strict: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Serve the knowledge base over MCP (Model Context Protocol) on stdin/stdout.
    #[cfg(feature = "mcp")]
    Mcp {
        /// Language of answers: zh uses the Chinese fields where a record has them.
        #[arg(long, value_enum, default_value = "en")]
        lang: mcp::Lang,
    },
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
        Err(e) => {
            let code = if e.use_stderr() { FAILURE } else { FOUND };
            let _ = e.print();
            return code;
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

fn run(cli: Cli, out: &mut dyn Write) -> Result<i32, Failure> {
    match cli.command {
        Command::Lookup {
            message,
            limit,
            domain,
            json,
        } => commands::lookup(out, &message, limit, domain.as_deref(), json),
        Command::Scan {
            files,
            json,
            threads,
        } => commands::scan(out, &files, json, threads),
        Command::Show { id, json } => commands::show(out, &id, json),
        Command::List { domain, json } => commands::list(out, domain.as_deref(), json),
        Command::Stats { json, markdown } => commands::stats(out, json, markdown),
        Command::Check { dir, strict, json } => commands::check(out, dir, strict, json),
        #[cfg(feature = "mcp")]
        Command::Mcp { lang } => mcp::run(lang),
    }
}
