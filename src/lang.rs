//! The language of printed fields.
//!
//! Records carry Chinese translations of their signature, root cause and
//! workarounds (`signature_zh`, `root_cause_zh`, `workarounds_zh`). In
//! [`Lang::Zh`] each of these is used where present and the English text
//! otherwise, field by field; everything else (dead ends, commands, ids)
//! stays as written.

use crate::Record;

/// A language for printed fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Lang {
    /// English, the language of every record.
    #[default]
    En,
    /// Chinese where translated, English elsewhere.
    Zh,
}

impl Lang {
    /// Parses `en` or `zh` (also `zh-CN`, `zh_CN.UTF-8` and the like).
    ///
    /// ```
    /// use errdex::Lang;
    /// assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Lang> {
        let base = text.split(['-', '_', '.']).next().unwrap_or("");
        match base.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// `en` or `zh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh if !zh.trim().is_empty() => zh,
        _ => en,
    }
}

impl Record {
    /// The signature in `lang`, falling back to English.
    ///
    /// ```
    /// use errdex::Lang;
    /// let r = errdex::get("api/websocket-close-1007-payload-data").unwrap();
    /// assert!(r.signature_in(Lang::Zh).contains("关闭码"));
    /// assert_eq!(r.signature_in(Lang::En), r.signature);
    /// ```
    pub fn signature_in(&self, lang: Lang) -> &'static str {
        pick(lang, self.signature_zh, self.signature)
    }

    /// The root cause in `lang`, falling back to English.
    pub fn root_cause_in(&self, lang: Lang) -> &'static str {
        pick(lang, self.root_cause_zh, self.root_cause)
    }

    /// Workaround `i`'s action in `lang`, falling back to English (`None`
    /// when there is no workaround `i`).
    pub fn workaround_action_in(&self, i: usize, lang: Lang) -> Option<&'static str> {
        let w = self.workarounds.get(i)?;
        Some(pick(
            lang,
            self.workarounds_zh.get(i).copied().unwrap_or(""),
            w.action,
        ))
    }
}

/// The words around the fields, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)]
pub struct Labels {
    pub error: &'static str,
    pub root_cause: &'static str,
    pub do_not_try: &'static str,
    pub try_: &'static str,
    pub fails: &'static str,
    pub works: &'static str,
    pub when: &'static str,
    pub how: &'static str,
    pub why: &'static str,
    pub next: &'static str,
    pub leads_to: &'static str,
    pub preceded_by: &'static str,
    pub confused_with: &'static str,
    pub knowledge: &'static str,
    pub last_confirmed: &'static str,
    pub confidence: &'static str,
    pub fix_rate: &'static str,
    pub docs: &'static str,
    pub matched: &'static str,
    pub line: &'static str,
    pub code: &'static str,
    pub fresh: &'static str,
    pub aging: &'static str,
    pub stale: &'static str,
}

const EN: Labels = Labels {
    error: "Error",
    root_cause: "Root cause",
    do_not_try: "DO NOT TRY",
    try_: "TRY",
    fails: "fails",
    works: "works",
    when: "when",
    how: "how",
    why: "why",
    next: "Next likely error",
    leads_to: "leads to",
    preceded_by: "preceded by",
    confused_with: "confused with",
    knowledge: "Knowledge",
    last_confirmed: "last confirmed",
    confidence: "confidence",
    fix_rate: "fix rate",
    docs: "Docs",
    matched: "Matched",
    line: "line",
    code: "code",
    fresh: "fresh",
    aging: "aging",
    stale: "STALE",
};

const ZH: Labels = Labels {
    error: "错误",
    root_cause: "根本原因",
    do_not_try: "不要尝试",
    try_: "可以尝试",
    fails: "失败率",
    works: "成功率",
    when: "适用条件",
    how: "做法",
    why: "原因",
    next: "接下来可能出现的错误",
    leads_to: "导致",
    preceded_by: "之前通常是",
    confused_with: "容易混淆为",
    knowledge: "知识状态",
    last_confirmed: "最后确认",
    confidence: "置信度",
    fix_rate: "修复率",
    docs: "文档",
    matched: "匹配",
    line: "行",
    code: "代码",
    fresh: "新",
    aging: "较旧",
    stale: "已过时",
};

impl Lang {
    /// The labels of this language.
    ///
    /// ```
    /// assert_eq!(errdex::Lang::Zh.labels().do_not_try, "不要尝试");
    /// ```
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// The word for a freshness state.
    pub fn freshness(self, f: crate::Freshness) -> &'static str {
        let l = self.labels();
        match f {
            crate::Freshness::Fresh => l.fresh,
            crate::Freshness::Aging => l.aging,
            crate::Freshness::Stale => l.stale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{render, Entry, MarkdownOptions};

    /// A shipped record with its translations removed, as a seed without
    /// `_zh` fields would compile.
    fn untranslated() -> &'static Record {
        let mut r = crate::records()[0];
        r.signature_zh = "";
        r.root_cause_zh = " ";
        r.workarounds_zh = &[];
        Box::leak(Box::new(r))
    }

    #[test]
    fn chinese_falls_back_to_english_field_by_field() {
        let translated = &crate::records()[0];
        assert!(
            !translated.signature_zh.is_empty(),
            "shipped records are translated"
        );
        assert_eq!(translated.signature_in(Lang::Zh), translated.signature_zh);
        let r = untranslated();
        assert_eq!(r.signature_in(Lang::Zh), r.signature);
        assert_eq!(r.root_cause_in(Lang::Zh), r.root_cause);
        assert_eq!(
            r.workaround_action_in(0, Lang::Zh),
            Some(r.workarounds[0].action)
        );
        assert_eq!(r.workaround_action_in(99, Lang::Zh), None);
        // Partly translated: the signature in Chinese, the rest in English.
        let mut partial = *r;
        partial.signature_zh = translated.signature_zh;
        assert_eq!(partial.signature_in(Lang::Zh), translated.signature_zh);
        assert_eq!(partial.root_cause_in(Lang::Zh), r.root_cause);
    }

    #[test]
    fn markdown_uses_chinese_labels_around_english_fallbacks() {
        let r = untranslated();
        let o = MarkdownOptions {
            lang: Lang::Zh,
            ..MarkdownOptions::default()
        };
        let text = render(&[Entry::new(r)], &o);
        assert!(
            text.contains(&format!("**错误:** `{}`", r.signature)),
            "{text}"
        );
        assert!(text.contains("**根本原因:**"));
        assert!(text.contains(r.workarounds[0].action));
    }
}
