//! Words for keyword search: how text is cut into terms and how a term is
//! reduced to the form stored in the index.
//!
//! The same file is compiled into `build.rs` (to index the records) and into
//! the library (to read a query), so a query word and an indexed word meet
//! exactly when they reduce to the same term.
//!
//! - Text is cut at every character that is not a letter or a digit, and
//!   lower-cased. `ModuleNotFoundError` also yields its camel-case parts
//!   (`module`, `not`, `found`, `error`); `snake_case` is cut at `_`.
//! - A handful of very common English words (`the`, `of`, `to` ...) and
//!   one-character words are dropped. `not` and `no` are kept: in error
//!   messages they carry meaning.
//! - Words of letters only lose simple inflections: plural `-s`/`-es`/`-ies`,
//!   `-ed`, `-ing` and a final `-e`, so `limits`, `limit` and `limited` are one
//!   term, as are `refuse`, `refused` and `refusing`. Words with digits
//!   (`e0502`, `enospc1`) are kept as written.

/// The 64-bit FNV-1a hash of a term: the key of the compiled-in term map,
/// which holds no pointers (so the loader has nothing to relocate).
pub fn term_hash(term: &str) -> u64 {
    term.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Words dropped from text and queries.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "that", "the", "this", "to", "was", "with",
];

/// Calls `f` with every term of `text`, in order (a term may repeat).
///
/// ```
/// let mut terms = Vec::new();
/// errdex::search::for_each_term("ModuleNotFoundError: memory limits exceeded", |t| terms.push(t.to_string()));
/// assert_eq!(terms, ["modulenotfounderror", "modul", "not", "found", "error", "memory", "limit", "exceed"]);
/// ```
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for piece in text.split(|c: char| !c.is_alphanumeric()) {
        if piece.is_empty() {
            continue;
        }
        let parts = camel_parts(piece);
        emit(piece, &mut word, &mut f);
        if parts.len() > 1 {
            for part in parts {
                emit(part, &mut word, &mut f);
            }
        }
    }
}

fn emit(piece: &str, word: &mut String, f: &mut impl FnMut(&str)) {
    word.clear();
    word.extend(piece.chars().flat_map(char::to_lowercase));
    if word.chars().count() < 2 || STOP_WORDS.contains(&word.as_str()) {
        return;
    }
    let stem = stem(word);
    f(stem);
}

/// The camel-case parts of a word (`ModuleNotFoundError` gives four,
/// `HTTPServer` gives `HTTP` and `Server`); a word without inner capitals is
/// its only part.
fn camel_parts(word: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut cuts = vec![0];
    for i in 1..chars.len() {
        let (at, c) = chars[i];
        let prev = chars[i - 1].1;
        let next_lower = chars.get(i + 1).is_some_and(|&(_, n)| n.is_lowercase());
        let starts_word = c.is_uppercase()
            && (prev.is_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_uppercase() && next_lower));
        if starts_word {
            cuts.push(at);
        }
    }
    cuts.push(word.len());
    cuts.windows(2).map(|w| &word[w[0]..w[1]]).collect()
}

/// Reduces a lower-case word to its index form (see the module docs).
///
/// ```
/// use errdex::search::stem;
/// assert_eq!(stem(&mut "dependencies".to_string()), "dependency");
/// assert_eq!(stem(&mut "refused".to_string()), stem(&mut "refuse".to_string()));
/// assert_eq!(stem(&mut "running".to_string()), "run");
/// assert_eq!(stem(&mut "status".to_string()), "status");
/// assert_eq!(stem(&mut "e0502".to_string()), "e0502");
/// ```
pub fn stem(word: &mut String) -> &str {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word;
    }
    let replace = |w: &mut String, suffix: &str, with: &str| {
        w.truncate(w.len() - suffix.len());
        w.push_str(with);
    };
    if word.ends_with("ies") && word.len() > 4 {
        replace(word, "ies", "y");
    } else if word.ends_with("ied") && word.len() > 4 {
        replace(word, "ied", "y");
    } else if word.ends_with("sses") {
        replace(word, "sses", "ss");
    } else if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word.pop();
    }
    let mut stripped = false;
    for suffix in ["ing", "ed"] {
        // `exceed` and `need` end in -ed without being past tenses.
        let base_ends_in_ee = suffix == "ed" && word.ends_with("eed");
        if word.ends_with(suffix) && word.len() - suffix.len() >= 3 && !base_ends_in_ee {
            replace(word, suffix, "");
            stripped = true;
            break;
        }
    }
    let b = word.as_bytes();
    if stripped && b.len() >= 2 {
        let (x, y) = (b[b.len() - 2], b[b.len() - 1]);
        if x == y && !matches!(y, b'l' | b's' | b'z' | b'e' | b'o') {
            word.pop();
        }
    }
    if word.len() > 4 && word.ends_with('e') {
        word.pop();
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_term(text, |t| v.push(t.to_string()));
        v
    }

    #[test]
    fn inflections_meet() {
        for group in [
            &["limit", "limits", "limited", "limiting"][..],
            &["refuse", "refused", "refusing", "refuses"],
            &["match", "matches", "matched", "matching"],
            &["library", "libraries"],
            &["deny", "denied", "denies"],
            &["stop", "stopped", "stopping", "stops"],
            &["image", "images"],
            &["fail", "failed", "failing", "fails"],
            &["exceed", "exceeded", "exceeding", "exceeds"],
        ] {
            let stems: Vec<Vec<String>> = group.iter().map(|w| all(w)).collect();
            assert!(
                stems.windows(2).all(|w| w[0] == w[1]),
                "{group:?}: {stems:?}"
            );
        }
    }

    #[test]
    fn cuts_camel_snake_and_punctuation() {
        assert_eq!(all("HTTPServer"), ["httpserver", "http", "server"]);
        assert_eq!(all("import_error"), ["import", "error"]);
        assert_eq!(all("the I/O of a file"), ["file"]);
        assert_eq!(all("E0502"), ["e0502"]);
        assert_eq!(all("no module"), ["no", "modul"]);
    }
}
