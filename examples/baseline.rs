//! The start-up baseline for the cold-process benchmark: what a lookup costs
//! when the knowledge base is read as JSON and its regexes are compiled into
//! a `RegexSet` at start-up (how a tool without build-time compilation
//! works). Usage: `baseline SEEDS_DIR MESSAGE`; prints the matching ids.
use regex::RegexSetBuilder;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(message)) = (args.next(), args.next()) else {
        eprintln!("usage: baseline SEEDS_DIR MESSAGE");
        std::process::exit(2);
    };
    let mut ids = Vec::new();
    let mut patterns = Vec::new();
    let mut domains: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable seeds folder")
        .map(|e| e.unwrap().path())
        .collect();
    domains.sort();
    for domain in domains.into_iter().filter(|p| p.is_dir()) {
        for file in std::fs::read_dir(&domain).expect("readable domain folder") {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).expect("readable seed");
            let record: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            ids.push(record["id"].as_str().unwrap_or_default().to_string());
            patterns.push(record["regex"].as_str().unwrap_or_default().to_string());
        }
    }
    let set = RegexSetBuilder::new(&patterns)
        .case_insensitive(true)
        .size_limit(1 << 30)
        .dfa_size_limit(1 << 30)
        .build()
        .expect("patterns compile");
    for i in set.matches(&message) {
        println!("{}", ids[i]);
    }
}
