//! The language of answers: English, or Chinese where a record has it.

use errdex::Record;

/// The language MCP answers are written in (`errdex mcp --lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese: `signature_zh`, `root_cause_zh` and `workarounds_zh` where a
    /// record has them, English for every field it lacks.
    Zh,
}

impl Lang {
    /// The BCP 47 tag (`en`, `zh`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The record's signature in this language.
    pub fn signature(self, r: &Record) -> &'static str {
        self.pick(r.signature_zh, r.signature)
    }

    /// The record's root cause in this language.
    pub fn root_cause(self, r: &Record) -> &'static str {
        self.pick(r.root_cause_zh, r.root_cause)
    }

    /// The translation of workaround `i` (its action and how in one text),
    /// when the language is Chinese and the record has one.
    pub fn workaround(self, r: &Record, i: usize) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Zh => r
                .workarounds_zh
                .get(i)
                .copied()
                .filter(|t| !t.trim().is_empty()),
        }
    }

    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh if !zh.trim().is_empty() => zh,
            _ => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn chinese_falls_back_to_english_field_by_field() {
        let r = errdex::records()
            .iter()
            .find(|r| !r.signature_zh.is_empty() && !r.workarounds_zh.is_empty())
            .expect("a record with translations");
        assert_eq!(Lang::Zh.signature(r), r.signature_zh);
        assert_eq!(Lang::En.signature(r), r.signature);
        assert_eq!(Lang::Zh.workaround(r, 0), Some(r.workarounds_zh[0]));
        assert_eq!(Lang::En.workaround(r, 0), None);
        assert_eq!(Lang::Zh.workaround(r, r.workarounds.len() + 5), None);
    }
}
