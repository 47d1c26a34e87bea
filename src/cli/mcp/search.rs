//! Keyword search over records, for the `search_errors` tool.

use errdex::Record;

/// The records that mention the words of `query`, best first: each word
/// (case-insensitive, split on anything but letters, digits, `_` and `-`)
/// counts once per occurrence in the signature, root cause, category and
/// tags; ties go to the more confident record, then to the id.
// replaced by errdex::search
pub fn search(query: &str, domain: Option<&str>, limit: usize) -> Vec<&'static Record> {
    let terms: Vec<String> = query
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut scored: Vec<(usize, &'static Record)> = errdex::records()
        .iter()
        .filter(|r| domain.is_none_or(|d| r.domain == d))
        .filter_map(|r| {
            let text = format!(
                "{}\n{}\n{}\n{}",
                r.signature,
                r.root_cause,
                r.category,
                r.tags.join("\n")
            )
            .to_lowercase();
            let score: usize = terms.iter().map(|t| text.matches(t.as_str()).count()).sum();
            (score > 0).then_some((score, r))
        })
        .collect();
    scored.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.id.cmp(b.id))
    });
    scored.into_iter().take(limit).map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::search;

    #[test]
    fn ranks_by_term_count_and_filters() {
        let hits = search("WebSocket UTF-8 payload", None, 5);
        assert!(!hits.is_empty());
        assert!(hits
            .iter()
            .any(|r| r.id == "api/websocket-close-1007-payload-data"));
        assert!(search("websocket", Some("python"), 5)
            .iter()
            .all(|r| r.domain == "python"));
        assert!(search("zzzqqq-nothing", None, 5).is_empty());
        assert!(search("error", None, 3).len() <= 3);
    }
}
