//! Diagnostics about seed files: what is wrong, where, and what was expected.

use crate::json::Pos;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Weak but legal; an error only in strict mode.
    Warning,
    /// The seed cannot be compiled.
    Error,
}

/// One problem in one seed file.
///
/// Displays as `FILE:LINE:COL: JSON.PATH: MESSAGE`, where the message ends with
/// what was expected, e.g.
/// `seeds/api/x.json:41:20: dead_ends[1].fail_rate: found 1.5 (expected a number from 0 to 1)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// The file, as the seeds folder was named plus the path below it.
    pub file: String,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    /// The JSON path of the value (`dead_ends[1].fail_rate`), empty for the whole file.
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, ending with what was expected.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(pos) = self.pos {
            write!(f, ":{}:{}", pos.line, pos.col)?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Collects the diagnostics of one file.
#[derive(Debug)]
pub struct Report<'a> {
    file: &'a str,
    /// Everything found so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    /// A report about `file` (the name shown in every diagnostic).
    pub fn new(file: &'a str) -> Self {
        Report {
            file,
            diagnostics: Vec::new(),
        }
    }

    /// Records an error.
    pub fn error(&mut self, pos: Option<Pos>, path: &str, message: impl Into<String>) {
        self.push(Severity::Error, pos, path, message.into());
    }

    /// Records a warning.
    pub fn warn(&mut self, pos: Option<Pos>, path: &str, message: impl Into<String>) {
        self.push(Severity::Warning, pos, path, message.into());
    }

    fn push(&mut self, severity: Severity, pos: Option<Pos>, path: &str, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_string(),
            pos,
            path: path.to_string(),
            severity,
            message,
        });
    }

    /// Whether an error was recorded.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Counts of errors and warnings, as printed at the end of a run.
pub fn summary(diagnostics: &[Diagnostic], files: usize) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "seed file")
    )
}
