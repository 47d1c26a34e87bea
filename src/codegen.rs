//! Rust source generated from checked seed records (build time only).
//!
//! [`generate`] turns the records into the files that `src/lib.rs` includes
//! from `OUT_DIR`: `records.rs` (one static array of [`Record`] sorted by id)
//! and `maps.rs` (perfect-hash maps from id, error code and domain to indexes
//! into that array). Code is built with `quote!`, so it is well-formed by
//! construction, then pretty-printed. The output depends only on the records:
//! no paths, no timestamps, no hash-map iteration order, so two builds from
//! the same seeds produce the same bytes.
//!
//! [`Record`]: ../errdex/struct.Record.html

use crate::compile;
use crate::schema::{SeedDeadEnd, SeedEdge, SeedRecord, SeedVersion, SeedWorkaround};
use crate::search_index;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// A generated file: its name in `OUT_DIR` and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// File name, e.g. `records.rs`.
    pub name: &'static str,
    /// Rust source, or a binary table.
    pub contents: Vec<u8>,
}

/// Generates every file from records sorted by id.
///
/// Fails with one message per record whose regex cannot be compiled into
/// the matcher (e.g. its automaton exceeds the size limit).
pub fn generate(records: &[&SeedRecord]) -> Result<Vec<GeneratedFile>, Vec<String>> {
    debug_assert!(records.windows(2).all(|w| w[0].id < w[1].id));
    let mut compiled = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    for r in records {
        match compile::compile(&r.regex) {
            Ok(c) => compiled.push(c),
            Err(e) => errors.push(format!("record {}: regex: {e}", r.id)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let tables = compile::tables(&compiled);
    let mut files = vec![
        file("records.rs", records.len(), records_file(records)).map_err(|e| vec![e])?,
        file("maps.rs", records.len(), maps_file(records)).map_err(|e| vec![e])?,
    ];
    let blobs = compile::files(&tables);
    files.push(
        file("matcher.rs", records.len(), matcher_file(&blobs, &tables)).map_err(|e| vec![e])?,
    );
    let (search, search_blobs) = search_file(records).map_err(|e| vec![e])?;
    files.push(file("search.rs", records.len(), search).map_err(|e| vec![e])?);
    files.push(file("graph.rs", records.len(), graph_file(records)).map_err(|e| vec![e])?);
    for (name, bytes) in blobs.into_iter().chain(search_blobs) {
        files.push(GeneratedFile {
            name,
            contents: bytes,
        });
    }
    Ok(files)
}

/// A static view of an embedded binary table of little-endian words.
fn embedded_words(name: &str, len: usize, wide: bool) -> TokenStream {
    let stem = name.trim_end_matches(".bin").to_ascii_uppercase();
    let bytes_ident = Ident::new(&format!("{stem}_BYTES"), Span::call_site());
    let ident = Ident::new(&stem, Span::call_site());
    let path = format!("/{name}");
    let (ty, view) = if wide {
        (quote!(u64), quote!(crate::matcher::words64))
    } else {
        (quote!(u32), quote!(crate::matcher::words))
    };
    quote! {
        static #bytes_ident: crate::matcher::Aligned<[u8; #len]> =
            crate::matcher::Aligned(*include_bytes!(concat!(env!("OUT_DIR"), #path)));
        pub(crate) static #ident: &[#ty] = #view(&#bytes_ident.0);
    }
}

fn le_words(words: impl IntoIterator<Item = u32>) -> Vec<u8> {
    words.into_iter().flat_map(u32::to_le_bytes).collect()
}

/// The keyword index: a perfect-hash map from term to term number, and two
/// tables: where each term's postings start, and the postings themselves
/// (record index, weight as `f32` bits).
type Blobs = Vec<(&'static str, Vec<u8>)>;

fn search_file(records: &[&SeedRecord]) -> Result<(TokenStream, Blobs), String> {
    let index = search_index::build(records);
    let mut map = phf_codegen::Map::new();
    let mut seen = BTreeMap::new();
    let mut starts = vec![0u32];
    let mut postings = Vec::new();
    let mut text = Vec::new();
    let mut text_starts = vec![0u32];
    for (t, (term, list)) in index.terms.iter().enumerate() {
        let hash = crate::terms::term_hash(term);
        if let Some(other) = seen.insert(hash, term) {
            // Not expected in practice; the index would need a wider key.
            return Err(format!(
                "search terms {other:?} and {term:?} have the same 64-bit hash"
            ));
        }
        map.entry(hash, t.to_string());
        for &(record, weight) in list {
            postings.push(record);
            postings.push(weight.to_bits());
        }
        starts.push((postings.len() / 2) as u32);
        text.extend_from_slice(term.as_bytes());
        text_starts.push(text.len() as u32);
    }
    let built: TokenStream = map
        .build()
        .to_string()
        .parse()
        .expect("phf_codegen writes valid Rust");
    // Padded to whole words, like every embedded table.
    while text.len() % 4 != 0 {
        text.push(0);
    }
    let blobs = vec![
        ("search_starts.bin", le_words(starts)),
        ("search_postings.bin", le_words(postings)),
        ("term_starts.bin", le_words(text_starts)),
    ];
    let views: Vec<TokenStream> = blobs
        .iter()
        .map(|(name, bytes)| embedded_words(name, bytes.len(), false))
        .collect();
    let text_len = text.len();
    let mut blobs = blobs;
    blobs.push(("term_text.bin", text));
    let tokens = quote! {
        /// Hash of a search term (`term_hash`) to its number (an index into
        /// `SEARCH_STARTS` and `TERM_STARTS`).
        pub(crate) static TERMS: ::phf::Map<u64, u32> = #built;
        #(#views)*
        /// Every term's text, back to back (`TERM_STARTS` gives the bounds).
        pub(crate) static TERM_TEXT: &[u8; #text_len] = include_bytes!(concat!(env!("OUT_DIR"), "/term_text.bin"));
    };
    Ok((tokens, blobs))
}

/// Edges in both directions: `next` holds a record's `leads_to` and every
/// record that names it in `preceded_by`; `previous` the reverse; `confused`
/// is made symmetric. Edges the record states come first, in seed order,
/// then the derived ones in id order.
fn graph_file(records: &[&SeedRecord]) -> TokenStream {
    let index: BTreeMap<&str, u32> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i as u32))
        .collect();
    let n = records.len();
    type Link<'a> = (u32, &'a SeedEdge, bool);
    let mut next: Vec<Vec<Link>> = vec![Vec::new(); n];
    let mut previous: Vec<Vec<Link>> = vec![Vec::new(); n];
    let mut confused: Vec<Vec<Link>> = vec![Vec::new(); n];
    for (i, r) in records.iter().enumerate() {
        let g = &r.transition_graph;
        for (list, edges) in [
            (&mut next[i], &g.leads_to),
            (&mut previous[i], &g.preceded_by),
            (&mut confused[i], &g.frequently_confused_with),
        ] {
            for e in edges {
                if let Some(&j) = index.get(e.error_id.as_str()) {
                    if !list.iter().any(|l| l.0 == j) {
                        list.push((j, e, true));
                    }
                }
            }
        }
    }
    for (i, r) in records.iter().enumerate() {
        let g = &r.transition_graph;
        for (lists, edges) in [
            (&mut previous, &g.leads_to),
            (&mut next, &g.preceded_by),
            (&mut confused, &g.frequently_confused_with),
        ] {
            for e in edges {
                if let Some(&j) = index.get(e.error_id.as_str()) {
                    let list = &mut lists[j as usize];
                    if !list.iter().any(|l| l.0 == i as u32) {
                        list.push((i as u32, e, false));
                    }
                }
            }
        }
    }
    let table = |lists: &[Vec<Link>]| {
        let items = lists.iter().map(|list| {
            let links = list.iter().map(|(j, e, stated)| {
                let probability = opt_f64(e.probability);
                let condition = opt_str(&e.condition);
                quote!(crate::graph::Link { record: #j, probability: #probability, condition: #condition, stated: #stated })
            });
            quote!(&[#(#links),*])
        });
        quote!([#(#items),*])
    };
    let (next, previous, confused) = (table(&next), table(&previous), table(&confused));
    quote! {
        /// Per record: the errors that tend to follow it.
        pub(crate) static NEXT: [&[crate::graph::Link]; #n] = #next;
        /// Per record: the errors that tend to come before it.
        pub(crate) static PREVIOUS: [&[crate::graph::Link]; #n] = #previous;
        /// Per record: the errors it is mistaken for, both ways.
        pub(crate) static CONFUSED: [&[crate::graph::Link]; #n] = #confused;
    }
}

fn matcher_file(blobs: &[(&'static str, Vec<u8>)], tables: &compile::Tables) -> TokenStream {
    let items = blobs.iter().map(|(name, bytes)| {
        let wide = matches!(*name, "gram_bits.bin" | "grams.bin");
        embedded_words(name, bytes.len(), wide)
    });
    let log2 = compile::gram_bits_log2(tables.grams.len());
    let has_short = tables.grams.iter().any(|g| g & compile::SHORT_GRAM != 0);
    quote! {
        #(#items)*
        /// Whether any gram is a four-byte one.
        pub(crate) const HAS_SHORT_GRAMS: bool = #has_short;
        /// log2 of the number of bits in `GRAM_BITS`.
        pub(crate) const GRAM_BITS_LOG2: u32 = #log2;
    }
}

fn file(name: &'static str, n: usize, tokens: TokenStream) -> Result<GeneratedFile, String> {
    let parsed: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generated {name} does not parse: {e}"))?;
    let body = prettyplease::unparse(&parsed);
    Ok(GeneratedFile {
        name,
        contents: format!("// @generated by build.rs from seeds/ ({n} records)\n\n{body}")
            .into_bytes(),
    })
}

fn str_lit(s: &str) -> Literal {
    Literal::string(s)
}

fn opt_str(s: &Option<String>) -> TokenStream {
    match s {
        Some(s) => {
            let s = str_lit(s);
            quote!(::core::option::Option::Some(#s))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn f64_lit(x: f64) -> Literal {
    Literal::f64_suffixed(x)
}

fn opt_f64(x: Option<f64>) -> TokenStream {
    match x {
        Some(x) => {
            let x = f64_lit(x);
            quote!(::core::option::Option::Some(#x))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn str_slice(items: &[String]) -> TokenStream {
    let items = items.iter().map(|s| str_lit(s));
    quote!(&[#(#items),*])
}

fn variant(path: TokenStream, name: &str) -> TokenStream {
    let ident = Ident::new(name, Span::call_site());
    quote!(#path::#ident)
}

fn date(d: crate::date::Date) -> TokenStream {
    let (y, m, day) = (d.year, d.month, d.day);
    quote!(crate::Date::new(#y, #m, #day))
}

fn version(v: &SeedVersion) -> TokenStream {
    let version = str_lit(&v.version);
    let introduced = opt_str(&v.introduced);
    let deprecated = opt_str(&v.deprecated);
    let removed = opt_str(&v.removed);
    let behavior_change = opt_str(&v.behavior_change);
    let status = variant(quote!(crate::VersionStatus), v.status.variant_name());
    quote!(crate::Version { version: #version, introduced: #introduced, deprecated: #deprecated, removed: #removed, behavior_change: #behavior_change, status: #status })
}

fn dead_end(d: &SeedDeadEnd) -> TokenStream {
    let action = str_lit(&d.action);
    let why_fails = str_lit(&d.why_fails);
    let fail_rate = f64_lit(d.fail_rate);
    let condition = str_lit(&d.condition);
    let sources = str_slice(&d.sources);
    quote!(crate::DeadEnd { action: #action, why_fails: #why_fails, fail_rate: #fail_rate, condition: #condition, sources: #sources })
}

fn workaround(w: &SeedWorkaround) -> TokenStream {
    let action = str_lit(&w.action);
    let success_rate = f64_lit(w.success_rate);
    let how = str_lit(&w.how);
    let condition = str_lit(&w.condition);
    let sources = str_slice(&w.sources);
    quote!(crate::Workaround { action: #action, success_rate: #success_rate, how: #how, condition: #condition, sources: #sources })
}

fn edges(edges: &[SeedEdge]) -> TokenStream {
    let items = edges.iter().map(|e| {
        let id = str_lit(&e.error_id);
        let probability = opt_f64(e.probability);
        let condition = opt_str(&e.condition);
        quote!(crate::Edge { error_id: #id, probability: #probability, condition: #condition })
    });
    quote!(&[#(#items),*])
}

fn record(r: &SeedRecord) -> TokenStream {
    let id = str_lit(&r.id);
    let signature = str_lit(&r.signature);
    let signature_zh = str_lit(&r.signature_zh);
    let regex = str_lit(&r.regex);
    let domain = str_lit(&r.domain);
    let category = str_lit(&r.category);
    let subcategory = opt_str(&r.subcategory);
    let root_cause = str_lit(&r.root_cause);
    let root_cause_type = variant(
        quote!(crate::RootCauseType),
        r.root_cause_type.variant_name(),
    );
    let root_cause_zh = str_lit(&r.root_cause_zh);
    let versions = r.versions.iter().map(version);
    let os_specific = r.os_specific.iter().map(|(os, note)| {
        let os = variant(quote!(crate::Os), os.variant_name());
        let note = str_lit(note);
        quote!((#os, #note))
    });
    let dead_ends = r.dead_ends.iter().map(dead_end);
    let workarounds = r.workarounds.iter().map(workaround);
    let workarounds_zh = str_slice(&r.workarounds_zh);
    let leads_to = edges(&r.transition_graph.leads_to);
    let preceded_by = edges(&r.transition_graph.preceded_by);
    let confused = edges(&r.transition_graph.frequently_confused_with);
    let official_doc_url = opt_str(&r.official_doc_url);
    let official_doc_section = opt_str(&r.official_doc_section);
    let error_code = opt_str(&r.error_code);
    let tier = variant(
        quote!(crate::VerificationTier),
        r.verification_tier.variant_name(),
    );
    let confidence = f64_lit(r.confidence);
    let fix_success_rate = f64_lit(r.fix_success_rate);
    let resolvable = variant(quote!(crate::Resolvable), r.resolvable.variant_name());
    let first_seen = date(r.first_seen);
    let last_confirmed = date(r.last_confirmed);
    let last_updated = date(r.last_updated);
    let evidence_count = r.evidence_count;
    let tags = str_slice(&r.tags);
    let locale = str_lit(&r.locale);
    let aliases = str_slice(&r.aliases);
    let examples = str_slice(&r.examples);
    quote! {
        crate::Record {
            id: #id,
            signature: #signature,
            signature_zh: #signature_zh,
            regex: #regex,
            domain: #domain,
            category: #category,
            subcategory: #subcategory,
            root_cause: #root_cause,
            root_cause_type: #root_cause_type,
            root_cause_zh: #root_cause_zh,
            versions: &[#(#versions),*],
            os_specific: &[#(#os_specific),*],
            dead_ends: &[#(#dead_ends),*],
            workarounds: &[#(#workarounds),*],
            workarounds_zh: #workarounds_zh,
            transition_graph: crate::TransitionGraph {
                leads_to: #leads_to,
                preceded_by: #preceded_by,
                frequently_confused_with: #confused,
            },
            official_doc_url: #official_doc_url,
            official_doc_section: #official_doc_section,
            error_code: #error_code,
            verification_tier: #tier,
            confidence: #confidence,
            fix_success_rate: #fix_success_rate,
            resolvable: #resolvable,
            first_seen: #first_seen,
            last_confirmed: #last_confirmed,
            last_updated: #last_updated,
            evidence_count: #evidence_count,
            tags: #tags,
            locale: #locale,
            aliases: #aliases,
            examples: #examples,
        }
    }
}

fn records_file(records: &[&SeedRecord]) -> TokenStream {
    let n = records.len();
    let items = records.iter().map(|r| record(r));
    quote! {
        /// Every record, sorted by id.
        pub(crate) static RECORDS: [crate::Record; #n] = [#(#items),*];
    }
}

/// The key under which an error code is stored: ASCII upper case.
pub fn code_key(code: &str) -> String {
    code.to_ascii_uppercase()
}

fn index_map(name: &str, doc: &str, groups: &BTreeMap<String, Vec<u32>>) -> TokenStream {
    let mut map = phf_codegen::Map::new();
    for (key, indexes) in groups {
        let list: Vec<String> = indexes.iter().map(u32::to_string).collect();
        map.entry(key.as_str(), format!("&[{}]", list.join(", ")));
    }
    let built: TokenStream = map
        .build()
        .to_string()
        .parse()
        .expect("phf_codegen writes valid Rust");
    let name = Ident::new(name, Span::call_site());
    quote! {
        #[doc = #doc]
        pub(crate) static #name: ::phf::Map<&'static str, &'static [u32]> = #built;
    }
}

fn maps_file(records: &[&SeedRecord]) -> TokenStream {
    let mut by_id = phf_codegen::Map::new();
    let mut by_code: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut by_domain: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let i = i as u32;
        by_id.entry(r.id.as_str(), i.to_string());
        if let Some(code) = &r.error_code {
            by_code.entry(code_key(code)).or_default().push(i);
        }
        by_domain.entry(r.domain.clone()).or_default().push(i);
    }
    let refines = refinements(records)
        .into_iter()
        .map(|(a, b)| quote!((#a, #b)));
    let by_id: TokenStream = by_id
        .build()
        .to_string()
        .parse()
        .expect("phf_codegen writes valid Rust");
    let by_code = index_map(
        "BY_CODE",
        "Error code (upper case) to record indexes.",
        &by_code,
    );
    let domains: Vec<&String> = by_domain.keys().collect();
    let n_domains = domains.len();
    let by_domain = index_map("BY_DOMAIN", "Domain to record indexes.", &by_domain);
    quote! {
        /// Record id to its index in `RECORDS`.
        pub(crate) static BY_ID: ::phf::Map<&'static str, u32> = #by_id;
        #by_code
        #by_domain
        /// Every domain, sorted.
        pub(crate) static DOMAINS: [&str; #n_domains] = [#(#domains),*];
        /// Sorted pairs (a, b): record a refines record b (see `refinements`).
        pub(crate) static REFINES: &[(u32, u32)] = &[#(#refines),*];
    }
}

/// Largest dataset for which refinements are computed (the check is quadratic).
pub const MAX_REFINEMENT_RECORDS: usize = 5000;

/// Pairs (a, b) where record a is a refinement of record b: b's regex
/// matches a's signature or one of a's examples, but a's regex does not
/// match b's signature. On a line both match, a explains it more precisely.
pub fn refinements(records: &[&SeedRecord]) -> Vec<(u32, u32)> {
    if records.len() > MAX_REFINEMENT_RECORDS {
        return Vec::new();
    }
    let regexes: Vec<Option<regex::Regex>> = records
        .iter()
        .map(|r| {
            regex::RegexBuilder::new(&r.regex)
                .case_insensitive(true)
                .build()
                .ok()
        })
        .collect();
    let mut pairs = Vec::new();
    for (a, ra) in records.iter().enumerate() {
        let Some(rx_a) = &regexes[a] else { continue };
        for (b, rb) in records.iter().enumerate() {
            let Some(rx_b) = &regexes[b] else { continue };
            if a == b {
                continue;
            }
            let b_fires_on_a = std::iter::once(&ra.signature)
                .chain(&ra.examples)
                .any(|t| rx_b.is_match(t));
            if b_fires_on_a && !rx_a.is_match(&rb.signature) {
                pairs.push((a as u32, b as u32));
            }
        }
    }
    // Keep the relation antisymmetric: two records that each fire on the
    // other's texts are simply ranked by specificity.
    let all: std::collections::BTreeSet<(u32, u32)> = pairs.iter().copied().collect();
    pairs.retain(|&(a, b)| !all.contains(&(b, a)));
    pairs
}
