//! Terminal styling: colour only on a terminal and never with `NO_COLOR`,
//! and the width to wrap at.

use std::io::IsTerminal;

/// When to colour the output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always (still never with `NO_COLOR`).
    Always,
    /// Never.
    Never,
}

/// Whether to colour stdout.
pub fn use_color(when: ColorWhen) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match when {
        _ if no_color => false,
        ColorWhen::Never => false,
        ColorWhen::Always => true,
        ColorWhen::Auto => std::io::stdout().is_terminal(),
    }
}

/// The width to wrap human output at: the terminal's, else `COLUMNS`, else
/// 100; never below 40 or above 160.
pub fn width() -> usize {
    let from_terminal = std::io::stdout()
        .is_terminal()
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(w, _)| usize::from(w.0));
    let from_env = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
    };
    from_terminal
        .or_else(from_env)
        .unwrap_or(100)
        .clamp(40, 160)
}

/// ANSI styles, or nothing when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

macro_rules! styles {
    ($($name:ident = $code:literal),* $(,)?) => {
        impl Paint {
            $(
                pub fn $name(&self, text: &str) -> String {
                    if self.on {
                        format!(concat!("\x1b[", $code, "m{}\x1b[0m"), text)
                    } else {
                        text.to_string()
                    }
                }
            )*
        }
    };
}

styles!(
    bold = "1",
    dim = "2",
    red = "31",
    green = "32",
    yellow = "33",
    cyan = "36",
    bold_red = "1;31",
    bold_green = "1;32",
);
