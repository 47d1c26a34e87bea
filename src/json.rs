//! A small JSON parser that remembers where every value starts.
//!
//! Seed diagnostics must name the line and column of the value they are about
//! (`dead_ends[1].fail_rate` at 41:20), and duplicate keys must be reported
//! rather than silently resolved, so seeds are parsed here instead of with
//! `serde_json`. The parser follows RFC 8259; it keeps every object member in
//! order (duplicates included), limits nesting depth, and reports the first
//! syntax error with its position. Columns count characters, from 1.

use std::fmt;

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A line and column, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line number, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub col: u32,
}

/// A parsed JSON value with the position of its first character.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// What the value is.
    pub kind: Kind,
    /// Where it starts.
    pub pos: Pos,
}

/// The kinds of JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, with its source text (to tell integers from fractions).
    Number(f64, String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object: members in source order, duplicates kept.
    Object(Vec<Member>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The unescaped key.
    pub key: String,
    /// Where the key starts.
    pub key_pos: Pos,
    /// The member's value.
    pub value: Value,
}

impl Kind {
    /// The JSON type name, for messages ("a string", "null" ...).
    pub fn describe(&self) -> String {
        match self {
            Kind::Null => "null".to_string(),
            Kind::Bool(b) => format!("{b}"),
            Kind::Number(_, text) => format!("the number {text}"),
            Kind::String(s) => {
                let shown: String = s.chars().take(40).collect();
                let more = if s.chars().count() > 40 { "..." } else { "" };
                format!("the string {:?}", format!("{shown}{more}"))
            }
            Kind::Array(_) => "an array".to_string(),
            Kind::Object(_) => "an object".to_string(),
        }
    }
}

/// A syntax error and where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub pos: Pos,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.col, self.message)
    }
}

/// Parses one JSON document (surrounding white space allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser {
        text,
        at: 0,
        line: 1,
        col: 1,
    };
    parser.skip_ws();
    if parser.at == text.len() {
        return Err(parser.error("the file is empty (expected a JSON object)"));
    }
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.at != text.len() {
        return Err(parser.error("unexpected text after the end of the JSON value"));
    }
    Ok(value)
}

/// Position of byte offset `at` in `text` (for errors found outside the parser).
pub fn pos_of_offset(text: &[u8], at: usize) -> Pos {
    let before = &text[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u32
        + 1;
    Pos { line, col }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    line: u32,
    col: u32,
}

impl Parser<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos: self.pos(),
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while let Some(' ' | '\t' | '\n' | '\r') = self.peek() {
            self.bump();
        }
    }

    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the file".to_string(),
            Some(c) => format!("{c:?}"),
        }
    }

    fn expect(&mut self, want: char, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(want) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(format!("found {} (expected {what})", self.found())))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let pos = self.pos();
        let kind = match self.peek() {
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Kind::String(self.string()?),
            Some('t') => self.word("true", Kind::Bool(true))?,
            Some('f') => self.word("false", Kind::Bool(false))?,
            Some('n') => self.word("null", Kind::Null)?,
            Some('-' | '0'..='9') => self.number()?,
            _ => {
                return Err(self.error(format!(
                    "found {} (expected a JSON value: object, array, string, number, true, false or null)",
                    self.found()
                )))
            }
        };
        Ok(Value { kind, pos })
    }

    fn enter(&self, depth: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            Err(self.error(format!(
                "nesting is deeper than {MAX_DEPTH} levels (expected a flatter document)"
            )))
        } else {
            Ok(depth + 1)
        }
    }

    fn object(&mut self, depth: usize) -> Result<Kind, SyntaxError> {
        let depth = self.enter(depth)?;
        self.bump();
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Kind::Object(members));
        }
        loop {
            self.skip_ws();
            let key_pos = self.pos();
            if self.peek() != Some('"') {
                return Err(self.error(format!(
                    "found {} (expected a quoted member name)",
                    self.found()
                )));
            }
            let key = self.string()?;
            self.skip_ws();
            self.expect(':', "`:` after the member name")?;
            self.skip_ws();
            let value = self.value(depth)?;
            members.push(Member {
                key,
                key_pos,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some('}') => {
                    self.bump();
                    return Ok(Kind::Object(members));
                }
                _ => {
                    return Err(self.error(format!(
                        "found {} (expected `,` or `}}` after an object member)",
                        self.found()
                    )))
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind, SyntaxError> {
        let depth = self.enter(depth)?;
        self.bump();
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Kind::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {
                    self.bump();
                    return Ok(Kind::Array(items));
                }
                _ => {
                    return Err(self.error(format!(
                        "found {} (expected `,` or `]` after an array element)",
                        self.found()
                    )))
                }
            }
        }
    }

    fn word(&mut self, word: &str, kind: Kind) -> Result<Kind, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(kind)
        } else {
            Err(self.error(format!(
                "found {} (expected a JSON value; did you mean `{word}`?)",
                self.found()
            )))
        }
    }

    fn digits(&mut self) -> usize {
        let mut n = 0;
        while let Some('0'..='9') = self.peek() {
            self.bump();
            n += 1;
        }
        n
    }

    fn number(&mut self) -> Result<Kind, SyntaxError> {
        let start = self.at;
        if self.peek() == Some('-') {
            self.bump();
        }
        match self.peek() {
            Some('0') => {
                self.bump();
                if let Some('0'..='9') = self.peek() {
                    return Err(
                        self.error("a number has a leading zero (expected no leading zeros)")
                    );
                }
            }
            Some('1'..='9') => {
                self.digits();
            }
            _ => return Err(self.error(format!("found {} (expected a digit)", self.found()))),
        }
        if self.peek() == Some('.') {
            self.bump();
            if self.digits() == 0 {
                return Err(self.error(format!(
                    "found {} (expected a digit after the decimal point)",
                    self.found()
                )));
            }
        }
        if let Some('e' | 'E') = self.peek() {
            self.bump();
            if let Some('+' | '-') = self.peek() {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.error(format!(
                    "found {} (expected a digit in the exponent)",
                    self.found()
                )));
            }
        }
        let text = &self.text[start..self.at];
        let value: f64 = text
            .parse()
            .map_err(|_| self.error(format!("`{text}` is not a number")))?;
        Ok(Kind::Number(value, text.to_string()))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.bump();
        let mut out = String::new();
        loop {
            let pos = self.pos();
            match self.bump() {
                None => {
                    return Err(self.error("the file ends inside a string (expected a closing `\"`)"))
                }
                Some('"') => return Ok(out),
                Some('\\') => out.push(self.escape(pos)?),
                Some(c) if (c as u32) < 0x20 => {
                    return Err(SyntaxError {
                        pos,
                        message: format!(
                            "a raw control character {c:?} inside a string (expected it escaped, e.g. \\n)"
                        ),
                    })
                }
                Some(c) => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self.peek().and_then(|c| c.to_digit(16)).ok_or_else(|| {
                self.error(format!(
                    "found {} (expected a hex digit in \\u escape)",
                    self.found()
                ))
            })?;
            self.bump();
            v = v * 16 + d;
        }
        Ok(v)
    }

    fn escape(&mut self, pos: Pos) -> Result<char, SyntaxError> {
        let c = match self.bump() {
            Some('"') => '"',
            Some('\\') => '\\',
            Some('/') => '/',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                let hi = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(SyntaxError {
                            pos,
                            message: "a lone high surrogate escape (expected a \\uDC00-\\uDFFF escape after it)".into(),
                        });
                    }
                    self.bump();
                    self.bump();
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(SyntaxError {
                            pos,
                            message: "an invalid surrogate pair escape (expected \\uD800-\\uDBFF followed by \\uDC00-\\uDFFF)".into(),
                        });
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                return char::from_u32(code).ok_or(SyntaxError {
                    pos,
                    message:
                        "an escape that is not a Unicode scalar value (expected a valid \\u escape)"
                            .into(),
                });
            }
            _ => return Err(SyntaxError {
                pos,
                message:
                    "an unknown escape (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
                        .into(),
            }),
        };
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_recorded() {
        let v = parse("{\n  \"a\": [1, \"x\"],\n  \"b\": null\n}").unwrap();
        let Kind::Object(members) = v.kind else {
            panic!("not an object")
        };
        assert_eq!(members[0].key_pos, Pos { line: 2, col: 3 });
        assert_eq!(members[1].value.pos, Pos { line: 3, col: 8 });
        let Kind::Array(items) = &members[0].value.kind else {
            panic!("not an array")
        };
        assert_eq!(items[1].pos, Pos { line: 2, col: 12 });
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let v = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let Kind::Object(members) = v.kind else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 2);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
        assert_eq!(e.pos, Pos { line: 3, col: 3 });
        assert!(e.message.contains("expected `,` or `}`"), "{e}");
        assert!(parse("").unwrap_err().message.contains("empty"));
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("\"a\\x\"").is_err());
        assert!(parse("NaN").is_err());
    }

    #[test]
    fn escapes_decode() {
        let v = parse(r#""a\u00e9\ud83d\ude00\n""#).unwrap();
        assert_eq!(v.kind, Kind::String("aé😀\n".into()));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
