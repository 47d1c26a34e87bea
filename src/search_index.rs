//! The keyword index, computed at build time (BM25F).
//!
//! Each record is a document made of weighted fields. A term's weight in a
//! record is its BM25 score with the field weights folded into the term
//! frequency and the document length (BM25F), so a query only adds up
//! precomputed numbers: `k1 = 1.2`, `b = 0.75`,
//! `idf = ln(1 + (N - df + 0.5) / (df + 0.5))`.

use crate::schema::SeedRecord;
use crate::terms::for_each_term;
use std::collections::BTreeMap;

/// BM25 term-frequency saturation.
pub const K1: f64 = 1.2;
/// BM25 length normalisation.
pub const B: f64 = 0.75;

/// The fields searched, with their weights.
pub const FIELD_WEIGHTS: &[(&str, f64)] = &[
    ("signature", 3.0),
    ("error_code", 3.0),
    ("aliases", 1.5),
    ("tags", 2.0),
    ("category", 2.0),
    ("domain", 2.0),
    ("root_cause", 1.0),
];

/// The index: every term (sorted) with its postings `(record, weight)`,
/// records in increasing order.
#[derive(Debug, Default)]
pub struct Index {
    /// Term to postings.
    pub terms: BTreeMap<String, Vec<(u32, f32)>>,
}

fn field_texts(r: &SeedRecord) -> [(f64, Vec<&str>); 7] {
    let w = |name: &str| {
        FIELD_WEIGHTS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, w)| *w)
            .expect("every field has a weight")
    };
    [
        (w("signature"), vec![r.signature.as_str()]),
        (
            w("error_code"),
            r.error_code.iter().map(String::as_str).collect(),
        ),
        (w("aliases"), r.aliases.iter().map(String::as_str).collect()),
        (w("tags"), r.tags.iter().map(String::as_str).collect()),
        (w("category"), {
            let mut v = vec![r.category.as_str()];
            v.extend(r.subcategory.as_deref());
            v
        }),
        (w("domain"), vec![r.domain.as_str()]),
        (w("root_cause"), vec![r.root_cause.as_str()]),
    ]
}

/// Builds the index of `records` (their order gives the record numbers).
pub fn build(records: &[&SeedRecord]) -> Index {
    let n = records.len();
    let mut tfs: Vec<BTreeMap<String, f64>> = Vec::with_capacity(n);
    let mut lengths = Vec::with_capacity(n);
    for r in records {
        let mut tf: BTreeMap<String, f64> = BTreeMap::new();
        let mut length = 0.0;
        for (weight, texts) in field_texts(r) {
            for text in texts {
                for_each_term(text, |t| {
                    *tf.entry(t.to_string()).or_default() += weight;
                    length += weight;
                });
            }
        }
        tfs.push(tf);
        lengths.push(length);
    }
    let avg = lengths.iter().sum::<f64>() / n.max(1) as f64;
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for tf in &tfs {
        for t in tf.keys() {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut index = Index::default();
    for (i, tf) in tfs.iter().enumerate() {
        let norm = K1 * (1.0 - B + B * lengths[i] / avg.max(f64::MIN_POSITIVE));
        for (t, &f) in tf {
            let d = df[t.as_str()] as f64;
            let idf = (1.0 + (n as f64 - d + 0.5) / (d + 0.5)).ln();
            let weight = idf * f * (K1 + 1.0) / (f + norm);
            index
                .terms
                .entry(t.clone())
                .or_default()
                .push((i as u32, weight as f32));
        }
    }
    index
}
