#!/usr/bin/env bash
# Regenerates the ordinary-output corpus in this folder (see README.md).
#
# Every *.txt file here is the combined stdout+stderr of real, successful
# runs of one tool.  The script builds small throwaway projects under
# $CORPUS_WORK (default /tmp/corpus-work/gen), runs the tools on them, strips
# terminal escape sequences, drops the few lines that are warnings about a
# real problem, and writes tests/corpus/<tool>-<what>.txt.
#
# It installs nothing (unless CORPUS_APT_INSTALL=1, see the apt section).
# It expects, on Debian 12 (bookworm), run as root:
#   Debian: build-essential (gcc, make, binutils), git, curl, wget, openssl,
#           openssh-client, jq, rsync, zip, unzip, sqlite3, file, iproute2,
#           procps, postgresql (15, with pgbench), nginx, redis-server,
#           redis-tools, default-jdk, junit4, junit5, maven,
#           libmaven-compiler-plugin-java, libmaven-resources-plugin-java,
#           golang-go, nodejs + npm, python3 with venv, systemd (only for
#           `journalctl --version`).
#   Rust:   a rustup toolchain with cargo, clippy and rustfmt.
#   Docker: only the docker CLI (for `docker --version`); no daemon needed.
#   pip/npm/cargo packages are fetched from their registries into scratch
#   projects by the script itself: pytest, requests, setuptools (PyPI);
#   express, lodash, dayjs (npm); serde, serde_json (crates.io).
# Network use: package registries only; every server it starts listens on
# 127.0.0.1 and every request it sends goes to 127.0.0.1.
#
# Usage: tests/corpus/generate.sh [section ...]
#   sections: rust go npm node python git apt java c postgres nginx redis
#             sqlite system misc            (default: all of them)
# Environment:
#   CORPUS_OUT=dir         where to write the .txt files (default: this folder)
#   CORPUS_WORK=dir        scratch folder, wiped first (default /tmp/corpus-work/gen)
#   CORPUS_APT_INSTALL=1   also really run `apt-get install`/`purge` of two tiny
#                          packages (hello, tree) for apt-get-install.txt
#   CORPUS_KEEP_HOSTS=1    keep package-registry host names as printed (by
#                          default they are replaced by *.mirror.invalid)
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${CORPUS_OUT:-$HERE}
WORK=${CORPUS_WORK:-/tmp/corpus-work/gen}
FAILMARK='@@corpus-step-failed@@'

# Fixed ports on loopback, chosen to stay clear of the usual defaults.
PORT_HTTP=18000 PORT_NGINX=18080 PORT_TLS=18443 PORT_REDIS=16379 PORT_PG=15433

# No colours, no pagers, no interactive prompts, stable locale.
export NO_COLOR=1 TERM=dumb CLICOLOR=0 FORCE_COLOR=0 PY_COLORS=0
export CARGO_TERM_COLOR=never npm_config_color=false npm_config_fund=true
export npm_config_update_notifier=false npm_config_progress=false
export GIT_PAGER=cat PAGER=cat SYSTEMD_PAGER= DEBIAN_FRONTEND=noninteractive
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONUNBUFFERED=1
export GOPROXY=off GOTOOLCHAIN=local

say() { printf '[generate] %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# x CMD ARGS...   print "$ CMD ARGS" like a CI log, then run it.
# xs 'PIPELINE'   same for a shell snippet (pipes, redirections).
# A failing step leaves a marker, and cap then keeps the old file.
shown() {  # print the arguments the way a person would type them
  local a out=()
  for a in "$@"; do
    if [[ $a =~ ^[][A-Za-z0-9_./=:,@%+^-]+$ ]]; then out+=("$a")
    elif [[ $a == *"'"* && $a != *[\$\`\"\\!]* ]]; then out+=("\"$a\"")
    else out+=("'${a//\'/\'\\\'\'}'"); fi
  done
  printf '$ %s\n' "${out[*]}"
}
x() {
  shown "$@"
  "$@"
  local rc=$?
  [ "$rc" -eq 0 ] || printf '%s exit=%s: %s\n' "$FAILMARK" "$rc" "$*"
  return "$rc"
}
xs() {
  printf '$ %s\n' "$1"
  bash -c "$1"
  local rc=$?
  [ "$rc" -eq 0 ] || printf '%s exit=%s: %s\n' "$FAILMARK" "$rc" "$1"
  return "$rc"
}

# clean: remove ANSI/OSC escape sequences, carriage-return redraws and other
# control characters; mask registry host names (unless CORPUS_KEEP_HOSTS=1).
clean() {
  sed -E \
    -e 's/\x1b\][^\x07\x1b]*(\x07|\x1b\\)//g' \
    -e 's/\x1b\[[0-9;:?<=>]*[ -\/]*[@-~]//g' \
    -e 's/\x1b[()][0-9A-Za-z]//g' \
    -e 's/\x1b[=>78cDEHM]//g' \
    -e 's/\r+$//' \
    -e 's/^.*\r//' \
    -e 's/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]//g' |
  if [ "${CORPUS_KEEP_HOSTS:-0}" = 1 ]; then cat; else
    sed -E \
      -e 's#(security|deb)\.debian\.org#\1.debian.mirror.invalid#g' \
      -e 's#registry\.npmjs\.org#npm.mirror.invalid#g' \
      -e 's#files\.pythonhosted\.org#files.pypi.mirror.invalid#g' \
      -e 's#(^|[^.a-z])pypi\.org#\1pypi.mirror.invalid#g' \
      -e 's#(index|static)\.crates\.io#\1.crates.mirror.invalid#g'
  fi
}

# cap NAME CMD...  run CMD (usually a function below) in $WORK, capture
# stdout+stderr, clean it and write $OUT/NAME.txt.  DROP='ERE' (set in front
# of the call) removes the lines that are warnings about real problems.
cap() {
  local name=$1; shift
  local raw="$WORK/raw/$name.txt"
  ( cd "$WORK" && "$@" ) >"$raw" 2>&1 </dev/null
  local rc=$?
  if [ "$rc" -ne 0 ] || grep -q "$FAILMARK" "$raw"; then
    say "SKIPPED $name: a step failed, old file kept (raw output: $raw)"
    grep -o "$FAILMARK.*" "$raw" >&2
    return 0
  fi
  if [ -n "${DROP:-}" ]; then
    clean <"$raw" | { grep -Ev -- "$DROP" || true; } >"$OUT/$name.txt"
  else
    clean <"$raw" >"$OUT/$name.txt"
  fi
  say "wrote $name.txt ($(wc -l <"$OUT/$name.txt") lines)"
}

# wait_port PORT: wait up to 10 s for a listener on 127.0.0.1:PORT.
wait_port() {
  local i
  for i in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# A fixed identity and a fake clock make the commit ids reproducible.
setup_git_env() {
  export GIT_CONFIG_GLOBAL="$WORK/gitconfig" GIT_CONFIG_NOSYSTEM=1
  git config --global user.name "Corpus Bot"
  git config --global user.email "corpus-bot@example.com"
  git config --global init.defaultBranch main
  git config --global advice.detachedHead false
}
tick() {  # tick: advance the fake clock used for commits by ten minutes
  local t
  t=$(( $(cat "$WORK/clock" 2>/dev/null || echo 0) + 1 ))
  echo "$t" >"$WORK/clock"
  export GIT_AUTHOR_DATE="2026-11-25T$(printf '%02d:%02d' $((6 + t / 6)) $((t % 6 * 10))):00+00:00"
  export GIT_COMMITTER_DATE="$GIT_AUTHOR_DATE"
}

###########################################################################
# rust: cargo new/add/build/test/doc/tree/clippy/run of a small crate
###########################################################################
write_rust_crate() {
  cat >src/lib.rs <<'EOF'
//! Parses a tiny `name,quantity,price_cents` inventory format.
use serde::{Deserialize, Serialize};
use std::fmt;

/// One line of the inventory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub name: String,
    pub quantity: u32,
    pub price_cents: u64,
}

/// Why a line could not be read.
#[derive(Debug, PartialEq)]
pub enum ParseError {
    MissingField(&'static str),
    BadNumber(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::MissingField(field) => write!(f, "missing field `{field}`"),
            ParseError::BadNumber(text) => write!(f, "not a number: {text:?}"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses one `name,quantity,price_cents` line.
///
/// ```
/// let item = inventory::parse_line("apple,3,45").unwrap();
/// assert_eq!(item.quantity, 3);
/// ```
pub fn parse_line(line: &str) -> Result<Item, ParseError> {
    let mut parts = line.split(',').map(str::trim);
    let name = parts
        .next()
        .filter(|s| !s.is_empty())
        .ok_or(ParseError::MissingField("name"))?;
    let quantity = parts.next().ok_or(ParseError::MissingField("quantity"))?;
    let price = parts
        .next()
        .ok_or(ParseError::MissingField("price_cents"))?;
    Ok(Item {
        name: name.to_string(),
        quantity: quantity
            .parse()
            .map_err(|_| ParseError::BadNumber(quantity.to_string()))?,
        price_cents: price
            .parse()
            .map_err(|_| ParseError::BadNumber(price.to_string()))?,
    })
}

/// Total value of the inventory in cents.
///
/// ```
/// use inventory::{total_cents, Item};
/// let items = vec![Item { name: "pear".into(), quantity: 2, price_cents: 10 }];
/// assert_eq!(total_cents(&items), 20);
/// ```
pub fn total_cents(items: &[Item]) -> u64 {
    items
        .iter()
        .map(|i| u64::from(i.quantity) * i.price_cents)
        .sum()
}

/// Pretty JSON for the whole inventory.
pub fn to_json(items: &[Item]) -> String {
    serde_json::to_string_pretty(items).expect("items always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_line() {
        let item = parse_line("apple,3,45").unwrap();
        assert_eq!(
            item,
            Item {
                name: "apple".into(),
                quantity: 3,
                price_cents: 45
            }
        );
    }

    #[test]
    fn trims_whitespace() {
        assert_eq!(parse_line(" pear , 2 , 10 ").unwrap().name, "pear");
    }

    #[test]
    fn reports_missing_price() {
        assert_eq!(
            parse_line("fig,1"),
            Err(ParseError::MissingField("price_cents"))
        );
    }

    #[test]
    fn reports_bad_quantity() {
        let err = parse_line("kiwi,lots,5").unwrap_err();
        assert_eq!(err.to_string(), "not a number: \"lots\"");
    }

    #[test]
    fn total_of_empty_list_is_zero() {
        assert_eq!(total_cents(&[]), 0);
    }

    #[test]
    fn json_roundtrip() {
        let items = vec![parse_line("plum,4,30").unwrap()];
        let back: Vec<Item> = serde_json::from_str(&to_json(&items)).unwrap();
        assert_eq!(back, items);
    }

    #[test]
    #[ignore = "slow: builds a million items"]
    fn large_inventory() {
        let items: Vec<Item> = (0..1_000_000)
            .map(|i| Item {
                name: format!("item{i}"),
                quantity: 1,
                price_cents: 1,
            })
            .collect();
        assert_eq!(total_cents(&items), 1_000_000);
    }
}
EOF
  cat >src/main.rs <<'EOF'
use inventory::{parse_line, to_json, total_cents};

const DATA: &str = "apple,3,45\npear,2,60\nplum,10,25\n";

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let items: Vec<_> = DATA
        .lines()
        .map(|l| parse_line(l).expect("built-in data is valid"))
        .collect();
    println!("Loaded {} items", items.len());
    if verbose {
        for item in &items {
            println!(
                "  {:<6} x{:>3} @ {:>3} cents",
                item.name, item.quantity, item.price_cents
            );
        }
    }
    let total = total_cents(&items);
    println!("Total value: ${}.{:02}", total / 100, total % 100);
    println!("{}", to_json(&items));
}
EOF
  mkdir -p tests
  cat >tests/cli.rs <<'EOF'
use std::process::Command;

#[test]
fn binary_prints_total() {
    let out = Command::new(env!("CARGO_BIN_EXE_inventory"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Total value: $5.05"));
}

#[test]
fn library_rejects_empty_name() {
    assert!(inventory::parse_line(",1,1").is_err());
}
EOF
}

RS="$WORK/rust/inventory"
rust_new() {
  mkdir -p "$WORK/rust" && cd "$WORK/rust" || return 1
  x cargo new --vcs none inventory
  cd inventory || return 1
  x cargo add serde --features derive
  x cargo add serde_json
}
rust_build() {
  cd "$RS" && write_rust_crate
  sed -i '/^edition/a description = "Tiny inventory parser"\nlicense = "MIT"\nhomepage = "https://example.com/inventory"' Cargo.toml
  x cargo build
  x cargo build
}
rust_check()   { cd "$RS" && x cargo check --all-targets && x cargo clippy --all-targets && x cargo fmt --check; }
rust_test()    { cd "$RS" && x cargo test && x cargo test -- --include-ignored --test-threads=1; }
rust_testq()   { cd "$RS" && x cargo test -q; }
rust_run()     { cd "$RS" && x cargo run && x cargo run -- --verbose; }
rust_release() { cd "$RS" && x cargo build --release && x ./target/release/inventory --verbose; }
rust_doc()     { cd "$RS" && x cargo doc --no-deps && x cargo doc; }
rust_tree()    { cd "$RS" && x cargo tree && x cargo tree -e features -i serde && x cargo tree --depth 1 --prefix depth; }
rust_misc() {
  cd "$RS" || return 1
  x cargo --version --verbose
  x cargo pkgid
  x cargo locate-project
  x cargo verify-project
  x cargo package --list --allow-dirty
  x cargo clean
}
rust_versions() {
  x rustc --version --verbose
  x rustup --version
  x rustup show
  x rustc --print cfg
  x rustc --print sysroot
}

section_rust() {
  have cargo || { say "no cargo, skipping rust"; return; }
  # A private CARGO_HOME gives the realistic first-build "Downloaded ..." lines.
  export CARGO_HOME="$WORK/cargo-home"
  cap cargo-new        rust_new
  cap cargo-build      rust_build
  cap cargo-check      rust_check
  cap cargo-test       rust_test
  cap cargo-test-quiet rust_testq
  cap cargo-run        rust_run
  cap cargo-release    rust_release
  cap cargo-doc        rust_doc
  cap cargo-tree       rust_tree
  cap cargo-misc       rust_misc
  cap rustc-version    rust_versions
  unset CARGO_HOME
}

###########################################################################
# go: module with tests, examples and a benchmark (standard library only)
###########################################################################
GO="$WORK/go/wordcount"
go_setup() {
  mkdir -p "$GO/cmd/wc" && cd "$GO" || return 1
  x go mod init example.com/wordcount
  cat >wordcount.go <<'EOF'
// Package wordcount counts words in plain text.
package wordcount

import (
	"sort"
	"strings"
	"unicode"
)

// Pair is a word and how often it occurs.
type Pair struct {
	Word  string
	Count int
}

// Count returns how often each lower-cased word occurs in text.
func Count(text string) map[string]int {
	counts := make(map[string]int)
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		counts[strings.ToLower(w)]++
	}
	return counts
}

// Top returns the n most frequent words, ties broken alphabetically.
func Top(counts map[string]int, n int) []Pair {
	pairs := make([]Pair, 0, len(counts))
	for w, c := range counts {
		pairs = append(pairs, Pair{w, c})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].Count != pairs[j].Count {
			return pairs[i].Count > pairs[j].Count
		}
		return pairs[i].Word < pairs[j].Word
	})
	if n < len(pairs) {
		pairs = pairs[:n]
	}
	return pairs
}
EOF
  cat >wordcount_test.go <<'EOF'
package wordcount

import (
	"fmt"
	"testing"
)

func TestCount(t *testing.T) {
	cases := []struct {
		name, text, word string
		want             int
	}{
		{"simple", "a b a", "a", 2},
		{"case", "Go go GO", "go", 3},
		{"punctuation", "hello, world! hello.", "hello", 2},
		{"empty input", "", "x", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Count(tc.text)[tc.word]; got != tc.want {
				t.Fatalf("Count(%q)[%q] = %d, want %d", tc.text, tc.word, got, tc.want)
			}
		})
	}
}

func TestTopOrdersByFrequency(t *testing.T) {
	top := Top(Count("b a b c b a"), 2)
	if len(top) != 2 || top[0].Word != "b" || top[1].Word != "a" {
		t.Fatalf("unexpected order: %v", top)
	}
	t.Logf("top two: %v", top)
}

func ExampleTop() {
	for _, p := range Top(Count("the cat and the hat"), 2) {
		fmt.Println(p.Word, p.Count)
	}
	// Output:
	// the 2
	// and 1
}

func BenchmarkCount(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Count("the quick brown fox jumps over the lazy dog")
	}
}
EOF
  cat >cmd/wc/main.go <<'EOF'
package main

import (
	"flag"
	"fmt"

	"example.com/wordcount"
)

func main() {
	n := flag.Int("n", 3, "how many words to show")
	flag.Parse()
	text := "It was the best of times, it was the worst of times, it was the age of wisdom"
	counts := wordcount.Count(text)
	fmt.Printf("%d distinct words\n", len(counts))
	for i, p := range wordcount.Top(counts, *n) {
		fmt.Printf("%2d. %-6s %d\n", i+1, p.Word, p.Count)
	}
}
EOF
  x gofmt -l .
  x go vet ./...
  x go build -v ./...
  x go build -o wc ./cmd/wc
  x ./wc -n 5
}
go_test() {
  cd "$GO" || return 1
  x go test ./...
  x go test -v -cover ./...
  x go test ./...
  x go test -run '^$' -bench . -benchtime 200x ./...
}
go_misc() {
  cd "$GO" || return 1
  x go version
  x go env GOOS GOARCH GOVERSION GOROOT
  x go list -m
  x go list ./...
  x go run ./cmd/wc -n 2
  x go doc wordcount.Top
}
section_go() {
  have go || { say "no go, skipping"; return; }
  export GOCACHE="$WORK/go-cache" GOPATH="$WORK/go-path"
  cap go-build go_setup
  cap go-test  go_test
  cap go-misc  go_misc
}

###########################################################################
# npm and node: a small express app with node:test tests
###########################################################################
NP="$WORK/npm/notes-app"
write_node_app() {
  mkdir -p lib test
  cat >lib/notes.js <<'EOF'
'use strict';
const _ = require('lodash');

class NoteBook {
  constructor() { this.notes = []; this.nextId = 1; }

  add(title, body = '', createdAt = new Date('2026-11-25T12:00:00Z')) {
    if (!title || !title.trim()) throw new TypeError('title is required');
    const note = { id: this.nextId++, title: title.trim(), body, createdAt };
    this.notes.push(note);
    return note;
  }

  list() { return _.orderBy(this.notes, ['createdAt', 'id'], ['desc', 'desc']); }

  search(term) {
    const t = term.toLowerCase();
    return this.notes.filter((n) => n.title.toLowerCase().includes(t) || n.body.toLowerCase().includes(t));
  }
}

module.exports = { NoteBook };
EOF
  cat >test/notes.test.js <<'EOF'
'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { NoteBook } = require('../lib/notes');

describe('NoteBook', () => {
  it('adds a note with an id', () => {
    const nb = new NoteBook();
    assert.equal(nb.add('Groceries').id, 1);
  });

  it('lists notes newest first', () => {
    const nb = new NoteBook();
    nb.add('old', '', new Date('2026-01-01'));
    nb.add('new', '', new Date('2026-11-01'));
    assert.deepEqual(nb.list().map((n) => n.title), ['new', 'old']);
  });

  it('rejects an empty title', () => {
    assert.throws(() => new NoteBook().add('   '), /title is required/);
  });

  it('searches case-insensitively', () => {
    const nb = new NoteBook();
    nb.add('Release checklist', 'tag v1.2 and publish');
    assert.equal(nb.search('RELEASE').length, 1);
  });

  it.skip('syncs with the remote server');
  it.todo('supports tags');
});

describe('formatting', () => {
  it('trims titles', () => {
    assert.equal(new NoteBook().add('  spaced  ').title, 'spaced');
  });
});
EOF
  cat >index.js <<'EOF'
'use strict';
const dayjs = require('dayjs');
const { NoteBook } = require('./lib/notes');

const nb = new NoteBook();
nb.add('Standup', 'Demo the search feature', new Date('2026-11-24T09:30:00Z'));
nb.add('Release checklist', 'Tag v1.2.0, publish, announce', new Date('2026-11-25T08:00:00Z'));
nb.add('Groceries', 'milk, eggs, coffee', new Date('2026-11-23T18:15:00Z'));

const name = (process.argv.find((a) => a.startsWith('--name=')) || '--name=world').slice(7);
console.log(`Hello, ${name}! You have ${nb.notes.length} notes.`);
for (const n of nb.list()) {
  console.log(`- [${dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}] ${n.title}: ${n.body}`);
}
console.table(nb.list().map(({ id, title }) => ({ id, title })));
console.log('Search "release":', nb.search('release').map((n) => n.title));
EOF
  cat >build.js <<'EOF'
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const started = Date.now();
fs.mkdirSync('dist', { recursive: true });
let bytes = 0;
for (const f of ['index.js', 'lib/notes.js']) {
  const src = fs.readFileSync(f, 'utf8');
  const out = path.join('dist', path.basename(f));
  fs.writeFileSync(out, src);
  bytes += src.length;
  console.log(`  copied ${f} -> ${out} (${src.length} bytes)`);
}
console.log(`Build finished: 2 files, ${bytes} bytes in ${Date.now() - started} ms`);
EOF
  cat >server.js <<'EOF'
'use strict';
const express = require('express');
const { NoteBook } = require('./lib/notes');

const PORT = Number(process.env.PORT || 18090);
const nb = new NoteBook();
nb.add('Welcome', 'First note');
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  const t0 = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${res.get('content-length') || 0}b ${ms < 5 ? '<5' : Math.round(ms)}ms`);
  });
  next();
});
app.get('/health', (req, res) => res.json({ status: 'ok', notes: nb.notes.length }));
app.get('/notes', (req, res) => res.json(nb.list()));
app.post('/notes', (req, res) => res.status(201).json(nb.add(req.body.title, req.body.body)));

const server = app.listen(PORT, '127.0.0.1', async () => {
  console.log(`notes-app listening on http://127.0.0.1:${PORT}`);
  const base = `http://127.0.0.1:${PORT}`;
  const health = await (await fetch(`${base}/health`)).json();
  console.log('health check:', health);
  const created = await fetch(`${base}/notes`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Buy milk', body: 'semi-skimmed' }),
  });
  console.log('created note:', created.status, (await created.json()).title);
  console.log('notes now:', (await (await fetch(`${base}/notes`)).json()).length);
  server.close(() => console.log('server closed, bye'));
});
EOF
}
npm_init() {
  mkdir -p "$NP" && cd "$NP" || return 1
  x npm init -y
  x npm pkg set description="Small notes app" scripts.test="node --test" \
    scripts.start="node server.js" scripts.build="node build.js" \
    scripts.greet="node index.js" license=MIT
  write_node_app
}
npm_install() {
  cd "$NP" || return 1
  x npm install express@4 lodash dayjs
  x npm install
  x npm install --save-dev --save-exact semver
}
npm_ls() {
  cd "$NP" || return 1
  x npm ls
  x npm ls --all
  x npm explain lodash
  x npm explain debug
}
npm_run() {
  cd "$NP" || return 1
  x npm run
  x npm run build
  x npm run greet -- --name=corpus
  x npm start
}
npm_test()  { cd "$NP" && x npm test; }
npm_misc() {
  cd "$NP" || return 1
  x npm --version
  x npm version
  x npm version patch --no-git-tag-version
  x npm pack --dry-run
  x npm uninstall semver
  x npm ci
  x npm prune
  x npm dedupe
  x npm fund
  x npm root
  x npm cache verify
}
node_version() {
  x node --version
  x node -p process.versions
  x node -p process.release
  x node -e 'console.log(process.platform, process.arch, `pid=${typeof process.pid}`)'
  x node -p 'require("os").EOL === "\n" ? "unix line endings" : "other"'
}
node_scripts() {
  cd "$NP" || return 1
  x node index.js --name=Ada
  x node server.js
  x node --check lib/notes.js
  x node -e 'const util = require("util"); console.log(util.inspect({ service: "notes", replicas: [1, 2, 3], limits: { cpu: "500m", memory: "256Mi" } }, { depth: null, colors: false }))'
  x node -e 'console.log(JSON.stringify({ ok: true, items: 3, took_ms: 12 }, null, 2))'
}
node_test() {
  cd "$NP" || return 1
  x node --test
  x node --test --test-reporter=spec
  x node --test --test-reporter=dot
}
section_npm() {
  have npm || { say "no npm, skipping"; return; }
  export npm_config_cache="$WORK/npm-cache"
  DROP='^npm warn ' cap npm-init    npm_init
  DROP='^npm warn ' cap npm-install npm_install
  DROP='^npm warn ' cap npm-ls      npm_ls
  DROP='^npm warn ' cap npm-run     npm_run
  DROP='^npm warn ' cap npm-test    npm_test
  DROP='^npm warn ' cap npm-misc    npm_misc
}
section_node() {
  have node || { say "no node, skipping"; return; }
  [ -d "$NP/node_modules" ] || ( export npm_config_cache="$WORK/npm-cache"; cd "$WORK" && npm_init && npm_install ) >/dev/null 2>&1
  cap node-version node_version
  cap node-scripts node_scripts
  cap node-test    node_test
}

###########################################################################
# python and pip: venv, a local package, pytest/unittest/doctest, http.server
###########################################################################
PY="$WORK/py"
write_py_project() {
  mkdir -p "$PY/tinycalc/tinycalc" "$PY/tinycalc/tests" && cd "$PY/tinycalc" || return 1
  cat >pyproject.toml <<'EOF'
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "tinycalc"
version = "0.1.0"
description = "A few arithmetic helpers"
requires-python = ">=3.8"

[tool.setuptools]
packages = ["tinycalc"]
EOF
  cat >tinycalc/__init__.py <<'EOF'
"""A few arithmetic helpers.

>>> add(2, 3)
5
>>> mean([1, 2, 3, 4])
2.5
>>> parse_amount("EUR 12.50")
12.5
"""
from decimal import Decimal, InvalidOperation

__all__ = ["add", "divide", "mean", "parse_amount"]


def add(a, b):
    return a + b


def divide(a, b):
    """Divide a by b.

    >>> divide(9, 3)
    3.0
    """
    return a / b


def mean(values):
    if not values:
        raise ValueError("mean of empty sequence")
    return sum(values) / len(values)


def parse_amount(text):
    """Parse '12.50', 'EUR 12.50' or '12,50' into a float."""
    cleaned = text.strip().split()[-1].replace(",", ".")
    try:
        return float(Decimal(cleaned))
    except InvalidOperation:
        raise ValueError(f"invalid amount: {text!r}") from None
EOF
  cat >tests/test_calc.py <<'EOF'
import sys

import pytest

from tinycalc import add, divide, mean, parse_amount


@pytest.mark.parametrize("a,b,expected", [(1, 2, 3), (-1, 1, 0), (0.5, 0.25, 0.75)])
def test_add(a, b, expected):
    assert add(a, b) == expected


def test_divide():
    assert divide(10, 4) == 2.5


def test_divide_by_zero_raises():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)


def test_mean_of_empty_list_raises_value_error():
    with pytest.raises(ValueError, match="empty"):
        mean([])


@pytest.mark.parametrize("text", ["12.50", "EUR 12.50", "12,50", "  12.5 "])
def test_parse_amount(text):
    assert parse_amount(text) == 12.5


def test_parse_amount_rejects_garbage():
    with pytest.raises(ValueError, match="invalid amount"):
        parse_amount("twelve")


def test_amounts_from_file(tmp_path):
    f = tmp_path / "amounts.txt"
    f.write_text("1.5\n2.5\n")
    assert mean([parse_amount(l) for l in f.read_text().splitlines()]) == 2.0


@pytest.mark.skipif(sys.platform != "win32", reason="Windows-only path handling")
def test_windows_paths():
    assert True


class TestRounding:
    def test_mean_is_float(self):
        assert isinstance(mean([1, 2]), float)

    def test_divide_keeps_precision(self):
        assert divide(1, 3) == pytest.approx(0.3333, rel=1e-3)
EOF
  cat >tests/test_calc_unittest.py <<'EOF'
import unittest

from tinycalc import add, divide, mean, parse_amount


class CalcTests(unittest.TestCase):
    def test_add(self):
        self.assertEqual(add(2, 2), 4)

    def test_divide(self):
        self.assertAlmostEqual(divide(1, 3), 0.333, places=3)

    def test_divide_by_zero(self):
        with self.assertRaises(ZeroDivisionError):
            divide(1, 0)

    def test_mean(self):
        self.assertEqual(mean([2, 4]), 3)

    def test_parse_amount_invalid(self):
        with self.assertRaisesRegex(ValueError, "invalid amount"):
            parse_amount("n/a")

    @unittest.skip("needs a locale with comma decimals")
    def test_locale_amounts(self):
        pass


if __name__ == "__main__":
    unittest.main()
EOF
}
pip_install() {
  mkdir -p "$PY" && cd "$PY" || return 1
  x python3 -m venv venv
  x pip --version
  x pip install pytest requests
}
pip_install_local() {
  write_py_project && cd "$PY" || return 1
  x pip install ./tinycalc
  x pip install requests
  x pip wheel --no-deps -w dist ./tinycalc
}
pip_list()   { x pip list && x pip list --not-required; }
pip_show()   { x pip show requests pytest && x pip show -f tinycalc; }
pip_freeze() {
  cd "$PY" || return 1
  x pip freeze
  x pip check
  xs 'pip freeze --exclude tinycalc > requirements.txt'
  x pip install -r requirements.txt
  x pip uninstall -y tinycalc
  x pip install --no-index --find-links dist tinycalc
}
py_pytest()  { cd "$PY/tinycalc" && x python -m pytest -v -p no:cacheprovider; }
py_pytestq() {
  cd "$PY/tinycalc" || return 1
  x python -m pytest -q -p no:cacheprovider
  x python -m pytest -p no:cacheprovider --durations=3 -rs
  x python -m pytest -p no:cacheprovider --collect-only -q
}
py_unittest() {
  cd "$PY/tinycalc" || return 1
  x python -m unittest -v tests.test_calc_unittest
  x python -m unittest discover -s tests -p '*_unittest.py'
  x python -m doctest -v tinycalc/__init__.py
}
py_http_server() {  # the server's own console output (access log)
  mkdir -p "$PY/site/docs" && cd "$PY" || return 1
  printf '<!doctype html>\n<title>Corpus</title>\n<h1>It works</h1>\n' >site/index.html
  printf '{"status": "ok", "items": [1, 2, 3]}\n' >site/data.json
  printf '<h1>Guide</h1>\n' >site/docs/index.html
  touch -d '2026-11-25 12:00:00' site/index.html
  # (trap - INT: background jobs of a script otherwise ignore Ctrl-C/SIGINT)
  ( trap - INT; exec python3 -u -m http.server "$PORT_HTTP" --bind 127.0.0.1 --directory site ) >"$PY/http.log" 2>&1 &
  local pid=$!
  wait_port "$PORT_HTTP" || return 1
  local base="http://127.0.0.1:$PORT_HTTP"
  curl -sS -v "$base/" >"$PY/curl.txt" 2>&1 &&
  curl -sS -v "$base/data.json" >>"$PY/curl.txt" 2>&1 &&
  curl -sS -v -L "$base/docs" >>"$PY/curl.txt" 2>&1 &&
  curl -sS -v -I "$base/index.html" >>"$PY/curl.txt" 2>&1 &&
  curl -sS -v -o /dev/null -H 'If-Modified-Since: Wed, 25 Nov 2026 13:00:00 GMT' "$base/index.html" >>"$PY/curl.txt" 2>&1
  local rc=$?
  kill -INT "$pid"; wait "$pid"
  printf '$ python3 -m http.server %s --bind 127.0.0.1 --directory site\n' "$PORT_HTTP"
  cat "$PY/http.log"
  return $rc
}
py_json_tool() {
  cd "$PY" || return 1
  x python3 -m json.tool site/data.json
  xs 'echo '\''{"name":"tinycalc","version":"0.1.0","deps":[],"ok":true}'\'' | python3 -m json.tool --sort-keys'
  xs 'printf '\''{"id":1,"level":"info"}\n{"id":2,"level":"debug"}\n'\'' | python3 -m json.tool --json-lines --compact'
  x python3 -m json.tool --indent 2 tinycalc/../site/data.json
}
py_logging() {
  cd "$PY" || return 1
  cat >worker.py <<'EOF'
import logging
import time

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)-5s %(name)s: %(message)s",
                    datefmt="%Y-%m-%d %H:%M:%S")
log = logging.getLogger("worker")

log.info("starting worker pool with %d workers", 4)
log.debug("config loaded from %s", "/etc/worker/config.toml")
for job in range(1, 6):
    t0 = time.perf_counter()
    total = sum(i * i for i in range(10_000 * job))
    log.info("job %d finished in %.0f ms (checksum %d)", job, (time.perf_counter() - t0) * 1000 // 1, total % 997)
log.info("cache hit ratio: %.2f", 0.93)
log.info("all 5 jobs done, shutting down cleanly")
logging.getLogger("worker.http").info("GET /healthz 200 in 1 ms")
EOF
  x python3 worker.py
  x python3 -c 'import logging; logging.basicConfig(level=logging.INFO); logging.info("migration 0042_add_index applied"); logging.getLogger("app.db").info("connection pool ready (size=5)")'
}
py_misc() {
  cd "$PY" || return 1
  x python3 --version
  x python3 -VV
  x python3 -m platform
  x python3 -c 'import sys; print(sys.version_info); print(sys.executable)'
  x python3 -c 'import this'
  x python3 -m timeit -n 2000 -r 3 'sum(range(100))'
  x python3 -m calendar 2026 11
  x python3 -m compileall -f tinycalc/tinycalc
  x python3 -m zipfile -c site.zip site
  x python3 -m zipfile -l site.zip
  x python3 -m site
  x pip cache dir
}
section_python() {
  have python3 || { say "no python3, skipping"; return; }
  export PIP_CACHE_DIR="$WORK/pip-cache"
  # what `source venv/bin/activate` does, so that `pip` and `python` are the venv's
  export VIRTUAL_ENV="$PY/venv" PATH="$PY/venv/bin:$PATH"
  cap pip-install       pip_install
  cap pip-install-local pip_install_local
  cap pip-list          pip_list
  cap pip-show          pip_show
  cap pip-freeze        pip_freeze
  cap pytest-verbose    py_pytest
  cap pytest-quiet      py_pytestq
  cap python-unittest   py_unittest
  cap python-http-server py_http_server
  cp "$PY/curl.txt" "$WORK/raw/curl-python.raw" 2>/dev/null &&
    cap curl-v-http-server cat "$WORK/raw/curl-python.raw"
  cap python-json-tool  py_json_tool
  cap python-logging    py_logging
  cap python-misc       py_misc
}

###########################################################################
# git: a small history with branches, merges, tags, a clone and a remote
###########################################################################
G="$WORK/git"
commit_file() {  # commit_file FILE TEXT MESSAGE [AUTHOR]: write, add, commit
  printf '%s\n' "$2" >>"$1"
  tick
  x git add "$1"
  if [ -n "${4:-}" ]; then x git commit -m "$3" --author "$4"; else x git commit -m "$3"; fi
}
git_init() {
  mkdir -p "$G" && cd "$G" || return 1
  x git init --initial-branch=main shop
  cd shop || return 1
  x git config user.name "Corpus Bot"
  x git config core.autocrlf false
  x git status
  printf '# shop\n\nA tiny example service.\n' >README.md
  mkdir -p src
  printf 'def handler(request):\n    return {"status": 200}\n' >src/app.py
  printf '__pycache__/\n*.log\n' >.gitignore
  tick
  x git add .
  x git status --short
  x git commit -m "Initial commit"
  x git init "$G/scratch"
}
git_commit() {
  cd "$G/shop" || return 1
  commit_file src/app.py 'def health():
    return {"status": "ok"}' "Add health endpoint"
  commit_file src/config.py 'TIMEOUT_SECONDS = 30
RETRIES = 3' "Add configuration module"
  commit_file README.md '
## Running

    python -m shop' "Document how to run the service" "Dana Reviewer <dana@example.com>"
  commit_file src/config.py 'LOG_LEVEL = "info"' "Return a clear error message when the config file is empty"
  printf 'scratch notes\n' >notes.log
  x git status
  tick
  x git commit --allow-empty -m "Trigger CI"
  x git commit --amend --allow-empty -m "Trigger CI build"
}
git_log() {
  cd "$G/shop" || return 1
  x git log
  x git log --oneline --graph --decorate --all
  x git log --stat -3
  x git log --format='%h %ad %an %s' --date=short
  x git show --stat HEAD~1
  x git show HEAD~2
  x git reflog -8
}
git_status() {
  cd "$G/shop" || return 1
  x git status
  printf 'print("cli")\n' >src/cli.py
  printf '\nMIN_WORKERS = 2\n' >>src/config.py
  x git status
  x git status -sb
  x git status --porcelain=v1
  x git add src/cli.py
  x git status
  x git restore --staged src/cli.py
  x git stash push --include-untracked -m "wip: cli entry point"
  x git stash list
  x git status
  x git stash pop
  x git stash push --include-untracked
  x git stash drop
}
git_branch() {
  cd "$G/shop" || return 1
  x git branch feature/retry-timeouts
  x git switch feature/retry-timeouts
  commit_file src/retry.py 'def retry(fn, attempts=3):
    for i in range(attempts):
        try:
            return fn()
        except TimeoutError:
            if i == attempts - 1:
                raise' "Retry requests that time out"
  commit_file src/retry.py '# backoff: 0.5s, 1s, 2s' "Document retry backoff"
  x git switch main
  x git switch -c docs/changelog
  commit_file CHANGELOG.md '## 0.2.0
- health endpoint
- retries on timeout' "Start a changelog"
  x git switch main
  x git branch
  x git branch -v
  x git branch --merged
  x git branch --no-merged
  x git checkout feature/retry-timeouts
  x git checkout main
}
git_diff() {
  cd "$G/shop" || return 1
  x git diff --stat main feature/retry-timeouts
  x git diff main feature/retry-timeouts
  x git diff --stat HEAD~3 HEAD
  x git diff --name-status HEAD~3
  x git diff --shortstat HEAD~4 HEAD
  printf '\n# Default port\nPORT = 8080\n' >>src/config.py
  x git diff
  x git diff --stat
  x git checkout -- src/config.py
  x git diff --exit-code
}
git_merge() {
  cd "$G/shop" || return 1
  tick
  x git merge --no-ff -m "Merge branch 'feature/retry-timeouts'" feature/retry-timeouts
  tick
  x git merge docs/changelog
  x git branch -d feature/retry-timeouts
  x git branch -d docs/changelog
  x git switch -c hotfix/readme
  commit_file README.md 'See CHANGELOG.md for release notes.' "Link the changelog from the README"
  x git switch main
  x git merge hotfix/readme
  x git switch -c cleanup
  commit_file src/app.py '# end of module' "Mark end of module"
  x git switch main
  commit_file README.md 'License: MIT' "Add license note"
  tick
  x git rebase main cleanup
  x git switch main
  x git merge --ff-only cleanup
  x git switch -c release/0.1
  commit_file src/config.py 'TIMEOUT_SECONDS = 45' "Raise the default timeout to 45 seconds"
  x git switch main
  tick
  x git cherry-pick release/0.1
  x git log --oneline --graph -12
}
git_tag() {
  cd "$G/shop" || return 1
  tick
  x git tag -a v0.1.0 -m "First release" HEAD~6
  x git tag -a v0.2.0 -m "Retries and changelog"
  x git tag nightly
  x git tag
  x git tag -n
  x git describe --tags
  x git describe --tags --long HEAD~1
  x git show v0.2.0 --stat
  x git tag -d nightly
}
git_shortlog() {
  cd "$G/shop" || return 1
  x git shortlog HEAD
  x git shortlog -sne HEAD
  x git shortlog -sn --no-merges v0.1.0..HEAD
}
git_clone() {
  cd "$G" || return 1
  x git clone shop shop-clone
  x git clone --bare shop shop.git
  cd shop-clone || return 1
  x git remote -v
  x git branch -vv
  x git remote add upstream "$G/shop.git"
  x git fetch upstream
  x git switch -c feature/metrics
  commit_file src/metrics.py 'REQUESTS = 0' "Count requests"
  x git push -u upstream feature/metrics
  x git push upstream v0.2.0
  x git ls-remote upstream
  cd "$G/shop" || return 1
  x git remote add mirror "$G/shop.git"
  x git fetch mirror
  x git pull --no-rebase mirror feature/metrics
  x git log --oneline -3
}
git_misc() {
  cd "$G/shop" || return 1
  x git --version
  x git version --build-options
  x git rev-parse --show-toplevel
  x git rev-parse --abbrev-ref HEAD
  x git ls-files
  x git ls-tree -r --name-only HEAD
  x git cat-file -p HEAD
  x git blame src/config.py
  x git grep -n TIMEOUT
  x git count-objects -v
  x git gc --quiet
  x git count-objects -vH
  x git fsck --no-progress
  x git bisect start HEAD v0.1.0
  x git bisect run sh -c '! test -f CHANGELOG.md'
  x git bisect reset
  x git worktree add ../shop-hotfix -b hotfix/ports v0.2.0
  x git worktree list
  x git worktree remove ../shop-hotfix
  x git clean -n
  x git config --list --local
}
section_git() {
  have git || { say "no git, skipping"; return; }
  cap git-init     git_init
  cap git-commit   git_commit
  cap git-log      git_log
  cap git-status   git_status
  cap git-branch   git_branch
  cap git-diff     git_diff
  cap git-merge    git_merge
  cap git-tag      git_tag
  cap git-shortlog git_shortlog
  cap git-clone    git_clone
  cap git-misc     git_misc
}

###########################################################################
# apt and dpkg
###########################################################################
apt_update()   { x apt-get update; }
apt_simulate() {
  x apt-get install -s hello tree cowsay
  x apt-get install -s postgresql nginx redis-server sqlite3
  x apt-get install -s --no-install-recommends openjdk-17-jdk-headless
  x apt-get remove -s hello
}
apt_cache() {
  x apt-cache policy nginx postgresql redis-server hello
  x apt-cache show hello
  x apt-cache depends nginx
  x apt-cache rdepends --installed nginx-common
  x apt-cache madison nginx
  x apt-cache search --names-only '^redis-(server|tools)$'
  x apt-cache stats
}
apt_install() {
  x apt-get install -y hello tree
  x hello
  x hello --greeting='Build finished'
  x tree -L 1 /etc/apt
  x apt-get purge -y hello tree
  x apt-get install -y postgresql nginx redis-server sqlite3
}
dpkg_list()  { xs 'dpkg -l | head -300'; }
dpkg_query() {
  x dpkg --print-architecture
  x dpkg -s nginx
  x dpkg -L nginx-common
  x dpkg -S /usr/sbin/nginx
  x dpkg-query -W -f='${Package} ${Version}\n' 'postgresql*' 'redis*' nginx
  xs 'apt list --installed 2>&1 | grep -E "^(nginx|postgresql|redis|sqlite3|git|curl|openssl)/"'
}
section_apt() {
  have apt-get || { say "no apt-get, skipping"; return; }
  cap apt-get-update     apt_update
  cap apt-get-simulate   apt_simulate
  cap apt-cache          apt_cache
  if [ "${CORPUS_APT_INSTALL:-0}" = 1 ]; then
    # needrestart (list mode only) adds three warnings about this container's
    # missing kernel image; they are dropped with debconf's apt-utils notice.
    NEEDRESTART_MODE=l \
    DROP='^debconf: (delaying|unable to initialize)|needrestart line|^Failed to retrieve available kernel' \
      cap apt-get-install apt_install
  else
    say "apt-get-install.txt kept as it is (set CORPUS_APT_INSTALL=1 to redo it)"
  fi
  cap dpkg-list          dpkg_list
  DROP='^WARNING: apt does not have a stable CLI' cap dpkg-query dpkg_query
}

###########################################################################
# java: javac/java/jar, java.util.logging, JUnit 4 and JUnit 5
###########################################################################
J="$WORK/java"
write_java_project() {
  local pkg=src/main/java/com/example/inventory tpkg=src/test/java/com/example/inventory
  mkdir -p "$J/$pkg" "$J/$tpkg" && cd "$J" || return 1
  cat >"$pkg/Item.java" <<'EOF'
package com.example.inventory;

public record Item(String name, int quantity, long priceCents) {
    public long value() {
        return quantity * priceCents;
    }
}
EOF
  cat >"$pkg/Inventory.java" <<'EOF'
package com.example.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public final class Inventory {
    private final List<Item> items = new ArrayList<>();

    public static Item parse(String line) {
        String[] parts = line.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected name,quantity,price but got: " + line);
        }
        return new Item(parts[0].trim(), Integer.parseInt(parts[1].trim()), Long.parseLong(parts[2].trim()));
    }

    public Inventory add(Item item) {
        items.add(item);
        return this;
    }

    public List<Item> items() {
        return Collections.unmodifiableList(items);
    }

    public long totalCents() {
        return items.stream().mapToLong(Item::value).sum();
    }
}
EOF
  cat >"$pkg/App.java" <<'EOF'
package com.example.inventory;

import java.util.logging.Logger;

public class App {
    private static final Logger LOG = Logger.getLogger(App.class.getName());

    public static void main(String[] args) {
        Inventory inv = new Inventory();
        for (String line : new String[] {"apple,3,45", "pear,2,60", "plum,10,25"}) {
            inv.add(Inventory.parse(line));
        }
        LOG.info("Loaded " + inv.items().size() + " items");
        boolean verbose = args.length > 0 && args[0].equals("--verbose");
        if (verbose) {
            inv.items().forEach(i -> System.out.printf("  %-6s x%3d @ %3d cents%n", i.name(), i.quantity(), i.priceCents()));
        }
        long total = inv.totalCents();
        System.out.printf("Total value: $%d.%02d%n", total / 100, total % 100);
        System.out.println("Java " + Runtime.version() + " on " + System.getProperty("os.name"));
    }
}
EOF
  cat >"$tpkg/InventoryTest.java" <<'EOF'
package com.example.inventory;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class InventoryTest {
    @Test
    public void parsesALine() {
        assertEquals(new Item("apple", 3, 45), Inventory.parse("apple, 3, 45"));
    }

    @Test
    public void totalOfEmptyInventoryIsZero() {
        assertEquals(0, new Inventory().totalCents());
    }

    @Test
    public void rejectsShortLines() {
        assertThrows(IllegalArgumentException.class, () -> Inventory.parse("apple,3"));
    }

    @Test
    public void sumsValues() {
        Inventory inv = new Inventory().add(new Item("a", 2, 10)).add(new Item("b", 1, 5));
        assertEquals(25, inv.totalCents());
    }
}
EOF
  cat >"$tpkg/ItemJupiterTest.java" <<'EOF'
package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemJupiterTest {
    @Test
    @DisplayName("value is quantity times price")
    void value() {
        assertEquals(135, new Item("apple", 3, 45).value());
    }

    @ParameterizedTest(name = "{0} -> {1} cents")
    @CsvSource({"'apple,3,45', 135", "'pear,2,60', 120", "'plum,10,25', 250"})
    void parsedValue(String line, long expected) {
        assertEquals(expected, Inventory.parse(line).value());
    }

    @Test
    void badNumberThrowsNumberFormatException() {
        assertThrows(NumberFormatException.class, () -> Inventory.parse("fig,many,5"));
    }

    @Test
    @Disabled("currency support is planned for 0.3")
    void currency() {
    }
}
EOF
}
JUNIT4_CP=/usr/share/java/junit4.jar:/usr/share/java/hamcrest-core.jar
JUNIT5_JAR=/usr/share/java/junit-platform-console-standalone.jar
java_version() {
  x java -version
  x javac -version
  x java -XshowSettings:properties -version
}
java_build() {
  write_java_project && cd "$J" || return 1
  x javac -Xlint:all -d out/classes src/main/java/com/example/inventory/*.java
  x java -cp out/classes com.example.inventory.App
  x java -cp out/classes com.example.inventory.App --verbose
  x jar --create --file out/inventory.jar --main-class com.example.inventory.App -C out/classes .
  x jar --list --file out/inventory.jar
  x java -jar out/inventory.jar
  x javap -cp out/classes com.example.inventory.Item
}
java_junit4() {
  cd "$J" || return 1
  x javac -d out/test-classes -cp "out/classes:$JUNIT4_CP" src/test/java/com/example/inventory/InventoryTest.java
  x java -cp "out/classes:out/test-classes:$JUNIT4_CP" org.junit.runner.JUnitCore com.example.inventory.InventoryTest
}
java_junit5() {
  cd "$J" || return 1
  x javac -d out/test-classes -cp "out/classes:$JUNIT5_JAR" src/test/java/com/example/inventory/ItemJupiterTest.java
  x java -jar "$JUNIT5_JAR" --disable-ansi-colors --class-path out/classes:out/test-classes --select-class com.example.inventory.ItemJupiterTest
  x java -jar "$JUNIT5_JAR" --disable-ansi-colors --disable-banner --details=flat --class-path out/classes:out/test-classes --select-class com.example.inventory.ItemJupiterTest
}
# Maven cannot reach its central repository here, so it runs offline (-o)
# against a copy of Debian's packaged plugins (/usr/share/maven-repo, from
# libmaven-compiler-plugin-java and libmaven-resources-plugin-java).
java_mvn() {
  cd "$J" || return 1
  cp -rL /usr/share/maven-repo "$WORK/m2" || return 1
  cat >pom.xml <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>inventory</artifactId>
  <version>0.1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.10.1</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
  x mvn -v
  x mvn -o -B -Dstyle.color=never -Dmaven.repo.local="$WORK/m2" validate
  x mvn -o -B -Dstyle.color=never -Dmaven.repo.local="$WORK/m2" compile
  x mvn -o -B -Dstyle.color=never -Dmaven.repo.local="$WORK/m2" compile
  x java -cp target/classes com.example.inventory.App
}
section_java() {
  have javac || { say "no javac, skipping"; return; }
  cap java-version java_version
  cap java-build   java_build
  [ -f /usr/share/java/junit4.jar ] && cap java-junit4 java_junit4
  [ -f "$JUNIT5_JAR" ] && cap java-junit5 java_junit5
  have mvn && [ -d /usr/share/maven-repo ] && cap mvn-offline java_mvn
}

###########################################################################
# c: gcc and make on a small statistics program
###########################################################################
C="$WORK/c/stats"
write_c_project() {
  mkdir -p "$C/src" "$C/include" "$C/tests" && cd "$C" || return 1
  cat >include/stats.h <<'EOF'
#ifndef STATS_H
#define STATS_H
#include <stddef.h>

double stats_mean(const double *v, size_t n);
double stats_min(const double *v, size_t n);
double stats_max(const double *v, size_t n);
double stats_stddev(const double *v, size_t n);

#endif
EOF
  cat >src/stats.c <<'EOF'
#include <math.h>
#include "stats.h"

double stats_mean(const double *v, size_t n) {
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += v[i];
    return n ? sum / (double)n : 0.0;
}

double stats_min(const double *v, size_t n) {
    double m = n ? v[0] : 0.0;
    for (size_t i = 1; i < n; i++) if (v[i] < m) m = v[i];
    return m;
}

double stats_max(const double *v, size_t n) {
    double m = n ? v[0] : 0.0;
    for (size_t i = 1; i < n; i++) if (v[i] > m) m = v[i];
    return m;
}

double stats_stddev(const double *v, size_t n) {
    double mean = stats_mean(v, n), acc = 0;
    for (size_t i = 0; i < n; i++) acc += (v[i] - mean) * (v[i] - mean);
    return n ? sqrt(acc / (double)n) : 0.0;
}
EOF
  cat >src/main.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include "stats.h"

int main(int argc, char **argv) {
    double values[64];
    size_t n = 0;
    for (int i = 1; i < argc && n < 64; i++) values[n++] = strtod(argv[i], NULL);
    printf("n      = %zu\n", n);
    printf("mean   = %.3f\n", stats_mean(values, n));
    printf("min    = %.3f\n", stats_min(values, n));
    printf("max    = %.3f\n", stats_max(values, n));
    printf("stddev = %.3f\n", stats_stddev(values, n));
    return 0;
}
EOF
  cat >tests/check_stats.c <<'EOF'
#include <math.h>
#include <stdio.h>
#include "stats.h"

static int run = 0, passed = 0;
#define CHECK(desc, cond) do { run++; if (cond) { passed++; printf("ok %d - %s\n", run, desc); } \
    else printf("not ok %d - %s\n", run, desc); } while (0)

int main(void) {
    const double v[] = {2, 4, 4, 4, 5, 5, 7, 9};
    CHECK("mean of eight values", fabs(stats_mean(v, 8) - 5.0) < 1e-9);
    CHECK("minimum", stats_min(v, 8) == 2);
    CHECK("maximum", stats_max(v, 8) == 9);
    CHECK("population standard deviation", fabs(stats_stddev(v, 8) - 2.0) < 1e-9);
    CHECK("empty input gives zero mean", stats_mean(v, 0) == 0.0);
    printf("1..%d\n# %d of %d checks passed\n", run, passed, run);
    return passed == run ? 0 : 1;
}
EOF
  cat >Makefile <<'EOF'
CC      ?= cc
CFLAGS  ?= -Wall -Wextra -O2 -g
CPPFLAGS = -Iinclude
LDLIBS   = -lm
BUILD    = build

all: $(BUILD)/stats

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/%.o: src/%.c include/stats.h | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libstats.a: $(BUILD)/stats.o
	$(AR) rcs $@ $^

$(BUILD)/stats: $(BUILD)/main.o $(BUILD)/libstats.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/check_stats: tests/check_stats.c $(BUILD)/libstats.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $^ $(LDLIBS)

test: $(BUILD)/check_stats
	./$(BUILD)/check_stats

clean:
	rm -rf $(BUILD)

.PHONY: all test clean
EOF
}
c_build() {
  write_c_project && cd "$C" || return 1
  x make
  x make
  x ./build/stats 3 1 4 1 5 9 2 6
  x make test
  x make clean
  x make -j2 all test
  x make -n clean
}
c_tools() {
  cd "$C" || return 1
  x gcc --version
  x gcc -v
  x cc -dumpmachine
  x make --version
  x ldd build/stats
  x size build/stats build/main.o
  x file build/stats build/libstats.a
  x ar tv build/libstats.a
  x nm --defined-only build/libstats.a
  x objdump -h build/main.o
}
section_c() {
  have gcc && have make || { say "no gcc/make, skipping"; return; }
  cap make-build c_build
  cap gcc-tools  c_tools
}

# ps_ours PIDFILE: `ps aux`, keeping the header and the processes of the
# server this script started (the main pid and its children); the other
# processes of the machine are left out.
ps_ours() {
  local main pids
  main=$(head -n 1 "$1") || return 1
  pids=" $main $(pgrep -d ' ' -P "$main") "
  printf '$ ps aux\n'
  ps aux | awk -v pids="$pids" 'NR == 1 || index(pids, " " $2 " ")'
}

###########################################################################
# postgres: a throwaway cluster "corpus" on port $PORT_PG
###########################################################################
PG="$WORK/pg"
PGLOG=/var/log/postgresql/postgresql-15-corpus.log
pgsql() { x runuser -u postgres -- "$@"; }
pg_create() {
  x pg_createcluster 15 corpus --port "$PORT_PG" \
    -o log_connections=on -o log_disconnections=on -o log_statement=ddl
  x pg_ctlcluster 15 corpus start
  x pg_lsclusters
  pgsql pg_isready -p "$PORT_PG"
}
pg_session() {
  mkdir -p "$PG" && chown postgres: "$PG" && cd "$PG" || return 1
  cat >demo.sql <<'EOF'
\set ON_ERROR_STOP on
SELECT version();
DROP TABLE IF EXISTS items CASCADE;
CREATE TABLE items (
    id          serial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    quantity    integer NOT NULL CHECK (quantity >= 0),
    price_cents bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT '2026-11-25 12:00:00+00'
);
INSERT INTO items (name, quantity, price_cents) VALUES ('apple', 3, 45), ('pear', 2, 60), ('plum', 10, 25);
INSERT INTO items (name, quantity, price_cents)
    SELECT 'item' || g, g % 7, 100 + g FROM generate_series(1, 500) AS g;
CREATE INDEX items_quantity_idx ON items (quantity);
ANALYZE items;
SELECT id, name, quantity, price_cents FROM items ORDER BY id LIMIT 5;
SELECT count(*) AS items, sum(quantity * price_cents) AS total_cents FROM items;
\d items
\dt
\di
EXPLAIN ANALYZE SELECT * FROM items WHERE quantity = 3;
EXPLAIN (COSTS OFF) SELECT name FROM items WHERE name = 'pear';
BEGIN;
UPDATE items SET quantity = quantity + 1 WHERE name = 'apple';
SAVEPOINT before_delete;
DELETE FROM items WHERE quantity = 0 AND name LIKE 'item%';
ROLLBACK TO SAVEPOINT before_delete;
COMMIT;
CREATE VIEW stock_value AS SELECT name, quantity * price_cents AS value FROM items;
SELECT * FROM stock_value ORDER BY value DESC LIMIT 3;
\x on
SELECT * FROM items WHERE name = 'plum';
\x off
\copy (SELECT name, quantity FROM items ORDER BY id LIMIT 3) TO 'items.csv' WITH (FORMAT csv, HEADER)
VACUUM ANALYZE items;
SHOW server_version;
SHOW max_connections;
\conninfo
\l
\du
EOF
  pgsql createdb -p "$PORT_PG" shop
  pgsql psql -X -p "$PORT_PG" -d shop -a -f demo.sql
  pgsql psql -X -p "$PORT_PG" -d shop -c 'SELECT name, quantity FROM items ORDER BY id LIMIT 3'
  pgsql psql -X -p "$PORT_PG" -d shop -tA -c 'SELECT count(*) FROM items'
  x cat items.csv
}
pg_bench() {
  cd "$PG" || return 1
  pgsql pgbench -p "$PORT_PG" -i -s 1 shop
  pgsql pgbench -p "$PORT_PG" -c 2 -j 2 -t 200 shop
}
pg_dump_schema() { cd "$PG" && pgsql pg_dump -p "$PORT_PG" --schema-only -t items -t stock_value shop; }
pg_stop() {
  x pg_ctlcluster 15 corpus stop
  x pg_lsclusters
}
section_postgres() {
  have pg_createcluster || { say "no postgresql-common, skipping"; return; }
  pg_dropcluster --stop 15 corpus >/dev/null 2>&1
  trap 'pg_dropcluster --stop 15 corpus >/dev/null 2>&1' EXIT
  cap postgres-createcluster pg_create
  cap psql-session           pg_session
  cap pgbench                pg_bench
  cap pg-dump-schema         pg_dump_schema
  cap ps-aux-postgres        ps_ours /var/lib/postgresql/15/corpus/postmaster.pid
  cap postgres-stop          pg_stop
  cap postgres-server-log    cat "$PGLOG"
  pg_dropcluster 15 corpus
  trap - EXIT
}

###########################################################################
# nginx (HTTP + TLS with a self-signed certificate), curl, wget, openssl
###########################################################################
N="$WORK/nginx"
NGX=(nginx -p "$N/" -c conf/nginx.conf -e logs/error.log)
write_nginx_site() {
  mkdir -p "$N/conf" "$N/html/docs" "$N/logs" "$N/tmp" && cd "$N" || return 1
  cat >conf/nginx.conf <<EOF
user www-data;
worker_processes 2;
error_log logs/error.log notice;
pid logs/nginx.pid;

events {
    worker_connections 256;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format main '\$remote_addr - \$remote_user [\$time_local] "\$request" '
                    '\$status \$body_bytes_sent "\$http_referer" "\$http_user_agent" rt=\$request_time';
    access_log logs/access.log main;
    sendfile on;
    keepalive_timeout 65;
    gzip on;
    gzip_types application/json text/css;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;

    server {
        listen 127.0.0.1:$PORT_NGINX;
        server_name localhost;
        root html;
        location / {
            index index.html;
            try_files \$uri \$uri/ =404;
        }
        location = /old-page { return 301 /about.html; }
        location /api/ {
            default_type application/json;
            return 200 '{"status":"ok","service":"corpus","version":"1.0.3"}\n';
        }
        location = /healthz { access_log off; return 204; }
    }

    server {
        listen 127.0.0.1:$PORT_TLS ssl http2;
        server_name localhost;
        ssl_certificate localhost.crt;
        ssl_certificate_key localhost.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        root html;
        location / { index index.html; }
    }
}
EOF
  printf '<!doctype html>\n<html><head><title>Welcome</title></head>\n<body><h1>Welcome to the corpus site</h1>\n<p><a href="/about.html">About</a></p></body></html>\n' >html/index.html
  printf '<!doctype html>\n<html><body><h1>About</h1><p>Served by nginx for the errdex corpus.</p></body></html>\n' >html/about.html
  printf '<h1>Docs</h1>\n' >html/docs/index.html
  printf 'body { font-family: sans-serif; }\n' >html/site.css
  touch -d '2026-11-25 12:00:00' html/*.html html/site.css
}
openssl_cert() {
  write_nginx_site && cd "$N/conf" || return 1
  x openssl req -x509 -newkey rsa:2048 -nodes -keyout localhost.key -out localhost.crt -days 30 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1
  x openssl x509 -in localhost.crt -noout -subject -issuer -dates -fingerprint -sha256
  x openssl x509 -in localhost.crt -noout -text
  x openssl verify -CAfile localhost.crt localhost.crt
}
nginx_start() {
  cd "$N" || return 1
  x nginx -v
  x nginx -V
  x "${NGX[@]}" -t
  x "${NGX[@]}"
  wait_port "$PORT_NGINX" && wait_port "$PORT_TLS"
  x ss -tln "( sport = :$PORT_NGINX or sport = :$PORT_TLS )"
}
curl_nginx() {
  local b="http://127.0.0.1:$PORT_NGINX"
  x curl -sS -v "$b/"
  x curl -sS -v "$b/about.html"
  x curl -sS -v --compressed "$b/api/status"
  x curl -sS -v -L "$b/old-page"
  x curl -sS -v -I "$b/site.css"
  x curl -sS -v -o /dev/null -H 'If-Modified-Since: Wed, 25 Nov 2026 12:00:00 GMT' "$b/index.html"
  x curl -sS -v -X POST -H 'Content-Type: application/json' -d '{"ping":true}' "$b/api/echo"
  x curl -sS -o /dev/null -w '%{http_code} %{size_download} bytes %{content_type}\n' "$b/healthz"
  x curl -sS -w '\nstatus=%{http_code} time_total=%{time_total}s\n' "$b/api/version"
}
curl_nginx_tls() {
  local h="localhost:$PORT_TLS"
  x curl -sS -v --cacert "$N/conf/localhost.crt" --resolve "$h:127.0.0.1" "https://$h/"
  x curl -sS -v --http1.1 --cacert "$N/conf/localhost.crt" --resolve "$h:127.0.0.1" "https://$h/about.html"
  x curl -sS -I --cacert "$N/conf/localhost.crt" --resolve "$h:127.0.0.1" "https://$h/docs/"
}
openssl_client() {
  x openssl s_client -connect "127.0.0.1:$PORT_TLS" -servername localhost -CAfile "$N/conf/localhost.crt" -verify_return_error
  x openssl s_client -brief -connect "127.0.0.1:$PORT_TLS" -servername localhost -CAfile "$N/conf/localhost.crt" -tls1_2
}
wget_nginx() {
  mkdir -p "$WORK/wget" && cd "$WORK/wget" || return 1
  x wget "http://127.0.0.1:$PORT_NGINX/about.html"
  x wget -S -O page.html "http://127.0.0.1:$PORT_NGINX/"
  x wget --ca-certificate="$N/conf/localhost.crt" -O - "https://localhost:$PORT_TLS/docs/"
  x ls -l
}
nginx_stop() {
  cd "$N" || return 1
  x "${NGX[@]}" -s reload
  sleep 1
  curl -s -o /dev/null "http://127.0.0.1:$PORT_NGINX/index.html"
  x "${NGX[@]}" -s quit
  local i
  for i in $(seq 1 50); do [ -e logs/nginx.pid ] || break; sleep 0.2; done
  [ ! -e logs/nginx.pid ]
}
section_nginx() {
  have nginx || { say "no nginx, skipping"; return; }
  trap '[ -e "$N/logs/nginx.pid" ] && kill -QUIT "$(cat "$N/logs/nginx.pid")"' EXIT
  # OpenSSL's key generation progress dots are random; keep them, they are real.
  cap openssl-cert       openssl_cert
  cap nginx-start        nginx_start
  cap curl-v-nginx       curl_nginx
  cap curl-v-nginx-tls   curl_nginx_tls
  # s_client prints the session's keys (TLS 1.2 master key, TLS 1.3
  # resumption PSK): throwaway ones, masked all the same
  cap openssl-s-client   openssl_client
  sed -i -E 's/^( *(Master-Key|Resumption PSK): ).+/\1[masked]/' "$OUT/openssl-s-client.txt"
  cap wget-nginx         wget_nginx
  cap ps-aux-nginx       ps_ours "$N/logs/nginx.pid"
  cap nginx-stop         nginx_stop
  cap nginx-access-log   cat "$N/logs/access.log"
  cap nginx-error-log    cat "$N/logs/error.log"
  trap - EXIT
}

###########################################################################
# redis: server on $PORT_REDIS, redis-cli, redis-benchmark
###########################################################################
R="$WORK/redis"
RCLI=(redis-cli -p "$PORT_REDIS")
redis_start() {
  mkdir -p "$R" && chown redis: "$R" && cd "$R" || return 1
  cat >redis.conf <<EOF
bind 127.0.0.1
port $PORT_REDIS
daemonize yes
dir $R
logfile $R/redis.log
pidfile $R/redis.pid
save ""
appendonly no
EOF
  x redis-server --version
  x redis-cli --version
  x redis-server "$R/redis.conf"
  wait_port "$PORT_REDIS"
  x "${RCLI[@]}" ping
}
redis_cli() {
  local c
  while IFS= read -r c; do
    [ -n "$c" ] || continue
    # shellcheck disable=SC2086
    x "${RCLI[@]}" --no-raw $c
  done <<'EOF'
SET greeting hello
GET greeting
SET session:42 active EX 3600
TTL session:42
INCR page:views
INCRBY page:views 10
MSET user:1:name ada user:2:name linus
MGET user:1:name user:2:name
LPUSH queue:jobs build test deploy
LRANGE queue:jobs 0 -1
RPOP queue:jobs
HSET item:1 name apple quantity 3 price_cents 45
HGETALL item:1
HINCRBY item:1 quantity 2
SADD tags rust python go
SMEMBERS tags
ZADD leaderboard 120 ada 95 linus 130 grace
ZRANGE leaderboard 0 -1 WITHSCORES
EXISTS greeting missing:key
TYPE queue:jobs
OBJECT ENCODING item:1
DBSIZE
KEYS user:*
DEL greeting
CONFIG GET maxmemory-policy
CLIENT SETNAME corpus
CLIENT GETNAME
SLOWLOG LEN
EOF
  x "${RCLI[@]}" GET page:views
  x "${RCLI[@]}" --scan --pattern 'user:*'
}
redis_info()  { x "${RCLI[@]}" INFO; x "${RCLI[@]}" INFO keyspace; }
redis_bench() { x redis-benchmark -p "$PORT_REDIS" -q -n 2000 -c 4 -t set,get,incr,lpush,lpop; }
redis_stop() {
  x "${RCLI[@]}" BGSAVE
  sleep 1
  x "${RCLI[@]}" LASTSAVE
  x "${RCLI[@]}" SHUTDOWN
  local i
  for i in $(seq 1 50); do [ -e "$R/redis.pid" ] || break; sleep 0.2; done
  [ ! -e "$R/redis.pid" ]
}
section_redis() {
  have redis-server || { say "no redis-server, skipping"; return; }
  trap '"${RCLI[@]}" shutdown nosave >/dev/null 2>&1' EXIT
  cap redis-start     redis_start
  cap redis-cli       redis_cli
  cap redis-info      redis_info
  cap redis-benchmark redis_bench
  cap ps-aux-redis    ps_ours "$R/redis.pid"
  cap redis-stop      redis_stop
  # The server log has two warnings about this host's kernel settings
  # (overcommit_memory, somaxconn): real problems, so they are dropped.
  DROP='# WARNING' cap redis-server-log cat "$R/redis.log"
  trap - EXIT
}

###########################################################################
# sqlite3
###########################################################################
sqlite_session() {
  mkdir -p "$WORK/sqlite" && cd "$WORK/sqlite" || return 1
  cat >demo.sql <<'EOF'
.echo on
.headers on
.mode column
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, quantity INTEGER NOT NULL, price_cents INTEGER NOT NULL);
INSERT INTO items (name, quantity, price_cents) VALUES ('apple', 3, 45), ('pear', 2, 60), ('plum', 10, 25);
CREATE INDEX items_quantity ON items (quantity);
SELECT * FROM items;
SELECT count(*) AS n, sum(quantity * price_cents) AS total_cents FROM items;
.tables
.schema items
.indexes items
EXPLAIN QUERY PLAN SELECT * FROM items WHERE quantity > 2;
PRAGMA integrity_check;
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys;
.mode box
SELECT name, quantity FROM items ORDER BY quantity DESC;
.mode markdown
SELECT name, price_cents FROM items;
.mode csv
SELECT * FROM items;
.mode json
SELECT * FROM items WHERE name = 'pear';
.mode list
BEGIN;
UPDATE items SET quantity = quantity - 1 WHERE name = 'plum';
COMMIT;
SELECT changes(), total_changes();
.dump items
.show
EOF
  x sqlite3 --version
  xs 'sqlite3 shop.db < demo.sql'
  x sqlite3 shop.db 'SELECT name FROM items ORDER BY name'
  x sqlite3 -header -column shop.db 'SELECT name, quantity FROM items'
  x sqlite3 shop.db .databases
  x sqlite3 shop.db 'PRAGMA page_size; PRAGMA page_count; PRAGMA integrity_check'
}
section_sqlite() {
  have sqlite3 || { say "no sqlite3, skipping"; return; }
  cap sqlite3-session sqlite_session
}

###########################################################################
# system: the usual look-around commands
###########################################################################
# Only well-known, harmless variables are kept from `env`: anything else
# (tokens, credentials, this machine's own settings) never reaches the corpus.
ENV_KEEP='^(HOME|PATH|LANG|LANGUAGE|LC_[A-Z]+|SHELL|USER|LOGNAME|PWD|OLDPWD|TERM|TZ|SHLVL|HOSTNAME|MAIL|NO_COLOR|CLICOLOR|FORCE_COLOR|PY_COLORS|DEBIAN_FRONTEND|CARGO_TERM_COLOR|GIT_PAGER|PAGER|SYSTEMD_PAGER|PYENV_ROOT|PYENV_SHELL|RUSTUP_HOME|JAVA_HOME|GOPROXY|GOTOOLCHAIN|PYTHONUNBUFFERED|PIP_DISABLE_PIP_VERSION_CHECK|npm_config_(color|fund|progress|update_notifier)|_)='
sys_env() {
  printf '$ env | sort\n'
  env | sort | grep -E "$ENV_KEEP" | grep -Eiv 'token|secret|passw|api_?key|auth|cookie|credential|://[^/ ]*@'
}
section_system() {
  cap uname-a     xs 'uname -a && uname -srm && cat /etc/os-release && cat /etc/debian_version'
  cap ls-usr-lib  xs 'ls -la /usr/lib | head -n 60'
  cap ls-la-etc   xs 'ls -la /etc/nginx /etc/postgresql /etc/redis 2>/dev/null; true'
  cap df-h        xs 'df -h / /dev /dev/shm /tmp && df -h --output=source,fstype,size,used,avail,pcent,target /'
  cap free-m      xs 'free -m && free -h && head -n 16 /proc/meminfo'
  cap ip-addr     xs 'ip addr && ip -br addr && ip route && ip -s link show lo'
  cap env-sort    sys_env
  cap lscpu       xs 'lscpu && nproc && cat /proc/loadavg'
  cap id-uptime   xs 'id && whoami && hostname && uptime && date -u && locale'
  cap ulimit-a    xs 'ulimit -a'
}

###########################################################################
# misc: ssh, docker CLI, journalctl, archivers, checksums, jq, openssl
###########################################################################
misc_ssh() {
  mkdir -p "$WORK/ssh" && cd "$WORK/ssh" || return 1
  x ssh -V
  x ssh-keygen -t ed25519 -N '' -C corpus@example.com -f ./id_ed25519
  x ssh-keygen -l -f ./id_ed25519.pub
  x ssh-keygen -l -v -f ./id_ed25519.pub
  xs 'ssh -G -p 2222 -l deploy localhost | sort | head -n 40'
}
misc_files() {
  mkdir -p "$WORK/files/src/assets" "$WORK/files/dst" && cd "$WORK/files" || return 1
  printf 'hello\n' >src/hello.txt
  printf '{"name":"corpus","tools":["cargo","npm","pip"],"ok":true,"count":3}\n' >src/data.json
  head -c 20000 /usr/share/common-licenses/GPL-3 >src/assets/license.txt
  touch -d '2026-11-25 12:00:00' src/hello.txt src/data.json src/assets/license.txt
  x rsync -av src/ dst/
  x rsync -av --delete --stats src/ dst/
  x tar -czvf backup.tar.gz src
  x tar -tzvf backup.tar.gz
  x gzip -kv src/assets/license.txt
  x gunzip -tv src/assets/license.txt.gz
  x zip -r site.zip src
  x unzip -l site.zip
  x unzip -o site.zip -d unpacked
  xs 'sha256sum src/*.txt src/*.json > SHA256SUMS && cat SHA256SUMS'
  x sha256sum -c SHA256SUMS
  x md5sum src/hello.txt
  x jq . src/data.json
  x jq -r '.tools[]' src/data.json
  x jq '{name, n: (.tools | length)}' src/data.json
  x du -sh src dst
  xs 'find src -type f | sort'
  x wc -l src/assets/license.txt
  x stat -c '%n %s bytes %A' src/hello.txt
}
misc_versions() {
  x docker --version
  x journalctl --version
  x systemctl --version
  x openssl version -a
  x curl --version
  xs 'wget --version | head -n 3'
  x perl -v
  x bash --version
  x sqlite3 --version
  x psql --version
  x redis-cli --version
  x node --version
  x python3 --version
  x java -version
  x go version
  x make --version
}
misc_openssl() {
  mkdir -p "$WORK/ossl" && cd "$WORK/ossl" || return 1
  printf 'release notes\n' >notes.txt
  x openssl dgst -sha256 notes.txt
  x openssl genpkey -algorithm ED25519 -out sign.key
  x openssl pkey -in sign.key -pubout -out sign.pub
  x openssl pkeyutl -sign -rawin -inkey sign.key -in notes.txt -out notes.sig
  x openssl pkeyutl -verify -rawin -pubin -inkey sign.pub -in notes.txt -sigfile notes.sig
  export NOTES_PASS=example-only
  x openssl enc -aes-256-cbc -pbkdf2 -pass env:NOTES_PASS -in notes.txt -out notes.enc
  x openssl enc -d -aes-256-cbc -pbkdf2 -pass env:NOTES_PASS -in notes.enc
  x openssl base64 -in notes.txt
  xs 'openssl ciphers -v "ECDHE+AESGCM" | head -n 8'
}
section_misc() {
  cap ssh-keygen     misc_ssh
  cap file-tools     misc_files
  cap tool-versions  misc_versions
  cap openssl-misc   misc_openssl
}

###########################################################################
# main
###########################################################################
ALL_SECTIONS="rust go npm node python git apt java c postgres nginx redis sqlite system misc"
main() {
  local sections=("$@")
  [ ${#sections[@]} -gt 0 ] || read -r -a sections <<<"$ALL_SECTIONS"
  case $WORK in  # it is wiped: refuse anything that is not clearly scratch
    */corpus*) ;;
    *) say "CORPUS_WORK must be a scratch folder whose path contains 'corpus'"; exit 2 ;;
  esac
  rm -rf "$WORK" && mkdir -p "$WORK/raw" "$OUT" || exit 1
  setup_git_env
  local s
  for s in "${sections[@]}"; do
    declare -F "section_$s" >/dev/null || { say "unknown section: $s"; exit 2; }
    say "== $s"
    ( "section_$s" )
  done
  say "done: $(cat "$OUT"/*.txt | wc -l) lines in $(ls "$OUT"/*.txt | wc -l) files"
}
main "$@"
