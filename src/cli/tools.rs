//! `export`, `completions` and `man`.

use super::{Cli, Failure, FOUND};
use clap::CommandFactory;
use std::io::Write;
use std::path::Path;

/// Writes every record as `<dir>/<domain>/<slug>.json` in the seed format.
pub fn export(out: &mut dyn Write, dir: &Path) -> Result<i32, Failure> {
    let fail = |what: &str, path: &Path, e: std::io::Error| {
        Failure::Error(format!("cannot {what} {}: {e}", path.display()))
    };
    if dir.as_os_str().is_empty() {
        return Err(Failure::Error("the export folder is an empty path".into()));
    }
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Failure::Error(format!(
                    "{} is not empty (export writes into a new or empty folder)",
                    dir.display()
                )));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail("read", dir, e)),
    }
    for r in errdex::records() {
        let (domain, slug) = r.id.split_once('/').unwrap_or((r.domain, r.id));
        let folder = dir.join(domain);
        std::fs::create_dir_all(&folder).map_err(|e| fail("create", &folder, e))?;
        let path = folder.join(format!("{slug}.json"));
        let mut text = serde_json::to_string_pretty(r).expect("records serialize");
        text.push('\n');
        std::fs::write(&path, text).map_err(|e| fail("write", &path, e))?;
    }
    writeln!(
        out,
        "wrote {} records in {} domains to {}",
        errdex::records().len(),
        errdex::domains().len(),
        dir.display()
    )?;
    Ok(FOUND)
}

pub fn completions(out: &mut dyn Write, shell: clap_complete::Shell) -> Result<i32, Failure> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "errdex", out);
    Ok(FOUND)
}

pub fn man(out: &mut dyn Write) -> Result<i32, Failure> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(FOUND)
}
