//! `errdex mcp` spoken to as a client would: newline-delimited JSON-RPC on
//! the binary's stdin and stdout.

#![cfg(feature = "mcp")]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// How long any one answer may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

const LOOKUP_MESSAGE: &str = "ModuleNotFoundError: No module named 'requests'";
const LOOKUP_ID: &str = "python/modulenotfounderror-no-module-named";

const TOOLS: [&str; 8] = [
    "lookup_error",
    "batch_lookup",
    "get_error_detail",
    "search_errors",
    "get_error_chain",
    "list_error_domains",
    "list_errors_by_domain",
    "get_domain_stats",
];

/// A running `errdex mcp` with a thread reading its stdout line by line.
struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    next_id: u64,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errdex"))
            .arg("mcp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start errdex mcp");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut s = Session {
            child,
            stdin,
            lines,
            next_id: 0,
        };
        let init = s.request(
            "initialize",
            json!({
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": { "name": "errdex-test", "version": "0" }
            }),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "errdex", "{init}");
        assert!(init["result"]["capabilities"]["tools"].is_object());
        s.send_raw(br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#);
        s
    }

    fn send_raw(&mut self, line: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(line).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    /// The next message on stdout, failing the test on a timeout.
    fn receive(&mut self) -> Value {
        let line = self
            .lines
            .recv_timeout(TIMEOUT)
            .expect("errdex mcp did not answer in time (or closed stdout)");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON on stdout ({e}): {line}"))
    }

    /// Sends a request and returns the response with its id.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let msg = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        self.send_raw(msg.to_string().as_bytes());
        loop {
            let v = self.receive();
            if v["id"] == id {
                return v;
            }
            assert!(v.get("method").is_some(), "unexpected answer {v}");
        }
    }

    /// Calls a tool and returns the `result` (failing on a JSON-RPC error).
    fn call(&mut self, tool: &str, arguments: Value) -> Value {
        let v = self.request(
            "tools/call",
            json!({ "name": tool, "arguments": arguments }),
        );
        assert!(v.get("error").is_none(), "{tool}: {v}");
        v["result"].clone()
    }

    /// Calls a tool that must succeed: its Markdown and structured content.
    fn ok(&mut self, tool: &str, arguments: Value) -> (String, Value) {
        let r = self.call(tool, arguments);
        assert_eq!(r["isError"], false, "{tool}: {r}");
        let text = r["content"][0]["text"].as_str().unwrap().to_string();
        assert_eq!(r["content"][0]["type"], "text");
        (text, r["structuredContent"].clone())
    }

    /// Calls a tool that must refuse: its message and structured content.
    fn refused(&mut self, tool: &str, arguments: Value) -> (String, Value) {
        let r = self.call(tool, arguments);
        assert_eq!(r["isError"], true, "{tool}: {r}");
        (
            r["content"][0]["text"].as_str().unwrap().to_string(),
            r["structuredContent"].clone(),
        )
    }

    fn tools(&mut self) -> Vec<Value> {
        let v = self.request("tools/list", json!({}));
        v["result"]["tools"]
            .as_array()
            .expect("a tool list")
            .clone()
    }

    /// Closes stdin and expects a clean exit.
    fn finish(mut self) {
        drop(self.stdin.take());
        for _ in 0..200 {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("errdex mcp did not exit after stdin closed");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn lists_every_tool_with_an_input_schema() {
    let mut s = Session::start(&[]);
    let tools = s.tools();
    let names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    for want in TOOLS {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
    for t in &tools {
        assert_eq!(t["inputSchema"]["type"], "object", "{t}");
        assert!(!t["description"].as_str().unwrap().is_empty());
    }
    let lookup = tools.iter().find(|t| t["name"] == "lookup_error").unwrap();
    let props = &lookup["inputSchema"]["properties"];
    assert_eq!(props["message"]["type"], "string");
    assert!(props["message"]["description"]
        .as_str()
        .unwrap()
        .contains("256 KiB"));
    assert_eq!(lookup["inputSchema"]["required"], json!(["message"]));
    assert!(lookup["description"]
        .as_str()
        .unwrap()
        .contains("4 ASCII characters"));
    s.finish();
}

#[test]
fn answers_every_tool() {
    let mut s = Session::start(&[]);

    let (md, v) = s.ok("lookup_error", json!({ "message": LOOKUP_MESSAGE }));
    assert_eq!(v["matches"][0]["id"], LOOKUP_ID);
    assert_eq!(v["matches"][0]["line_number"], 1);
    assert_eq!(v["matches"][0]["freshness"]["state"], "fresh");
    assert!(v["matches"][0]["freshness"]["last_confirmed"].is_string());
    assert!(!v["matches"][0]["workarounds"]
        .as_array()
        .unwrap()
        .is_empty());
    for part in [
        "**Error:**",
        "**Root cause:**",
        "**DO NOT TRY:**",
        "**TRY:**",
        "**Knowledge:**",
    ] {
        assert!(md.contains(part), "{part} missing:\n{md}");
    }
    assert!(md.contains(LOOKUP_ID));

    // max_tokens: a smaller answer, whole workarounds only.
    let (short, v) = s.ok(
        "lookup_error",
        json!({ "message": LOOKUP_MESSAGE, "max_tokens": 400 }),
    );
    assert!(short.len() < md.len());
    let t = &v["trimmed"];
    assert!(t["dead_ends"].as_u64().unwrap() + t["workarounds"].as_u64().unwrap() > 0);
    assert!(errdex::markdown::estimate_tokens(&short) <= 400 || t["over_budget"] == true);
    let record = errdex::get(LOOKUP_ID).unwrap();
    for w in v["matches"][0]["workarounds"].as_array().unwrap() {
        let how = w["how"].as_str().unwrap();
        assert!(record.workarounds.iter().any(|x| x.how == how));
    }

    let (md, v) = s.ok(
        "batch_lookup",
        json!({ "messages": [LOOKUP_MESSAGE, "nothing wrong here at all"], "limit": 2 }),
    );
    assert_eq!(v["count"], 2);
    assert_eq!(v["results"][0]["matches"][0]["id"], LOOKUP_ID);
    assert_eq!(v["results"][1]["count"], 0);
    assert!(md.contains("## Message 2"));

    let (md, v) = s.ok("get_error_detail", json!({ "id": LOOKUP_ID }));
    assert_eq!(v["record"]["id"], LOOKUP_ID);
    assert_eq!(v["record"], serde_json::to_value(record).unwrap());
    assert_eq!(v["freshness"]["state"], "fresh");
    assert!(md.starts_with(&format!("# {LOOKUP_ID}\n")));

    let (_, v) = s.ok(
        "search_errors",
        json!({ "query": "websocket payload UTF-8", "limit": 3 }),
    );
    let ids: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"api/websocket-close-1007-payload-data"),
        "{ids:?}"
    );
    assert!(ids.len() <= 3);

    let (md, v) = s.ok("get_error_chain", json!({ "id": LOOKUP_ID, "depth": 2 }));
    assert_eq!(v["start"], LOOKUP_ID);
    assert_eq!(v["records"][0]["id"], LOOKUP_ID);
    let links = v["edges"].as_array().unwrap();
    let first = record.transition_graph.leads_to[0];
    assert!(links.iter().any(|l| l["from"] == LOOKUP_ID
        && l["to"] == first.error_id
        && l["relation"] == "leads_to"
        && l["probability"].as_f64() == first.probability));
    assert!(links.iter().all(|l| l["depth"].as_u64().unwrap() <= 2));
    assert!(v["records"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["freshness"]["state"].is_string()));
    assert!(md.contains("leads to"));

    let (md, v) = s.ok("list_error_domains", json!({}));
    let domains = v["domains"].as_array().unwrap();
    assert_eq!(domains.len(), errdex::domains().len());
    let python = domains.iter().find(|d| d["domain"] == "python").unwrap();
    assert_eq!(python["records"], errdex::by_domain("python").len());
    assert!(md.contains("| python |"));

    let (_, v) = s.ok(
        "list_errors_by_domain",
        json!({ "domain": "python", "sort": "fix_rate", "limit": 4 }),
    );
    let rates: Vec<f64> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["fix_success_rate"].as_f64().unwrap())
        .collect();
    assert_eq!(rates.len(), 4);
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    assert_eq!(v["total"], errdex::by_domain("python").len());

    let (md, v) = s.ok("get_domain_stats", json!({ "domain": "python" }));
    let n = errdex::by_domain("python").len();
    assert_eq!(v["records"], n);
    let r = &v["resolvable"];
    assert_eq!(
        r["yes"].as_u64().unwrap() + r["partial"].as_u64().unwrap() + r["no"].as_u64().unwrap(),
        n as u64
    );
    let c = &v["confidence"];
    assert!(c["min"].as_f64() <= c["mean"].as_f64() && c["mean"].as_f64() <= c["max"].as_f64());
    assert!(v["verification_tiers"].is_object());
    assert!(md.contains("average fix success rate"));
    s.finish();
}

#[test]
fn answers_in_chinese_with_lang_zh() {
    let mut s = Session::start(&["--lang", "zh"]);
    let (md, v) = s.ok("lookup_error", json!({ "message": LOOKUP_MESSAGE }));
    let r = errdex::get(LOOKUP_ID).unwrap();
    assert_eq!(v["lang"], "zh");
    if !r.root_cause_zh.is_empty() {
        assert_eq!(v["matches"][0]["root_cause"], r.root_cause_zh);
        assert!(md.contains(r.root_cause_zh.split_whitespace().next().unwrap()));
    }
    s.finish();
}

#[test]
fn bad_input_gets_an_error_and_the_session_goes_on() {
    let mut s = Session::start(&[]);

    // Not JSON: parse error, id null.
    s.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    let v = s.receive();
    assert_eq!(v["error"]["code"], -32700, "{v}");
    assert!(v["id"].is_null());

    // Longer than 1 MiB: invalid request, id null.
    let big = format!(
        r#"{{"jsonrpc":"2.0","id":98,"method":"tools/call","params":{{"name":"lookup_error","arguments":{{"message":"{}"}}}}}}"#,
        "x".repeat(1 << 20)
    );
    s.send_raw(big.as_bytes());
    let v = s.receive();
    assert_eq!(v["error"]["code"], -32600, "{v}");
    assert!(v["id"].is_null());
    assert!(v["error"]["message"].as_str().unwrap().contains("1 MiB"));

    // Unknown tool.
    let v = s.request(
        "tools/call",
        json!({ "name": "no_such_tool", "arguments": {} }),
    );
    assert_eq!(v["error"]["code"], -32602, "{v}");

    // Malformed tools/call parameters.
    let v = s.request(
        "tools/call",
        json!({ "name": "lookup_error", "arguments": 5 }),
    );
    assert_eq!(v["error"]["code"], -32602, "{v}");
    let v = s.request("tools/call", json!({ "arguments": {} }));
    assert_eq!(v["error"]["code"], -32602, "{v}");

    // Missing or wrongly typed arguments: a tool error naming the field.
    let (msg, _) = s.refused("lookup_error", json!({}));
    assert!(msg.contains("missing field `message`"), "{msg}");
    let (msg, _) = s.refused("lookup_error", json!({ "message": 5 }));
    assert!(msg.contains("invalid type"), "{msg}");
    let (msg, _) = s.refused(
        "list_errors_by_domain",
        json!({ "domain": "python", "sort": "size" }),
    );
    assert!(msg.contains("unknown variant"), "{msg}");

    // Unknown id: the closest ids.
    let (msg, v) = s.refused("get_error_detail", json!({ "id": "python/modulenotfound" }));
    assert!(msg.contains("no record"), "{msg}");
    assert_eq!(v["closest_ids"][0], LOOKUP_ID);
    let (_, v) = s.refused("get_error_chain", json!({ "id": "nope/nothing" }));
    assert!(v["closest_ids"].is_array());

    // Values out of range.
    let (msg, _) = s.refused("get_error_chain", json!({ "id": LOOKUP_ID, "depth": 6 }));
    assert!(msg.contains("depth must be between 1 and 5"), "{msg}");
    let (msg, v) = s.refused(
        "lookup_error",
        json!({ "message": LOOKUP_MESSAGE, "domain": "cobol" }),
    );
    assert!(msg.contains("no domain"), "{msg}");
    assert!(v["domains"].is_array());
    let (msg, _) = s.refused("lookup_error", json!({ "message": "  " }));
    assert!(msg.contains("empty"), "{msg}");
    let (msg, _) = s.refused(
        "lookup_error",
        json!({ "message": "y".repeat((256 << 10) + 1) }),
    );
    assert!(msg.contains("256 KiB"), "{msg}");
    let (msg, _) = s.refused(
        "lookup_error",
        json!({ "message": LOOKUP_MESSAGE, "limit": 0 }),
    );
    assert!(msg.contains("limit"), "{msg}");

    // A batch over 50.
    let many = vec![LOOKUP_MESSAGE; 51];
    let (msg, _) = s.refused("batch_lookup", json!({ "messages": many }));
    assert!(msg.contains("1 to 50"), "{msg}");
    let (msg, _) = s.refused("get_domain_stats", json!({ "domain": "nope" }));
    assert!(msg.contains("no domain"), "{msg}");

    // Unknown method, and a JSON value that is not a request.
    let v = s.request("no/such/method", json!({}));
    assert_eq!(v["error"]["code"], -32601, "{v}");
    s.send_raw(b"[1, 2, 3]");
    let v = s.receive();
    assert_eq!(v["error"]["code"], -32600, "{v}");

    // Still serving.
    assert_eq!(s.tools().len(), TOOLS.len());
    let (_, v) = s.ok("lookup_error", json!({ "message": LOOKUP_MESSAGE }));
    assert_eq!(v["matches"][0]["id"], LOOKUP_ID);
    s.finish();
}

#[test]
fn bad_command_line_is_a_one_line_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(["mcp", "--lang", "fr"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// A small deterministic generator (xorshift), so failures replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Cases per property: `PROPTEST_CASES` when set (as for the other
/// property tests), else `default`.
fn cases(default: usize) -> usize {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// An answer to a frame the server cannot use: a JSON-RPC error.
fn is_error_answer(v: &Value) -> bool {
    v["jsonrpc"] == "2.0" && v["error"]["code"].is_i64() && v["error"]["message"].is_string()
}

#[test]
fn random_and_truncated_frames_are_each_answered() {
    let mut s = Session::start(&[]);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let valid = [
        json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "lookup_error", "arguments": {"message": LOOKUP_MESSAGE}}}),
        json!({"jsonrpc": "2.0", "id": "a", "method": "tools/list", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 9, "method": "tools/call", "params": {"name": "search_errors", "arguments": {"query": "disk full", "limit": 2}}}),
    ];
    let n = cases(400);
    for case in 0..n {
        let kind = rng.below(4);
        let frame: Vec<u8> = match kind {
            // Printable noise.
            0 => (0..1 + rng.below(200))
                .map(|_| b' ' + rng.below(95) as u8)
                .collect(),
            // Any bytes but a newline (invalid UTF-8 included).
            1 => (0..1 + rng.below(200))
                .map(|_| match rng.below(256) as u8 {
                    b'\n' => b'x',
                    b => b,
                })
                .collect(),
            // A valid request cut short.
            _ => {
                let full = valid[rng.below(valid.len())].to_string().into_bytes();
                full[..1 + rng.below(full.len() - 1)].to_vec()
            }
        };
        if frame.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        s.send_raw(&frame);
        let answer = s.receive();
        assert!(
            is_error_answer(&answer),
            "case {case}: frame {:?} got {answer}",
            String::from_utf8_lossy(&frame)
        );
        // Now and then, a valid request in between still works.
        if case % 50 == 0 {
            let v = s.request("tools/list", json!({}));
            assert!(v["result"]["tools"].is_array(), "case {case}: {v}");
        }
    }
    println!("{n} random or truncated frames, each answered with an error");
    assert_eq!(s.tools().len(), TOOLS.len());
    s.finish();
}

/// A valid value for each argument name the tools use.
fn valid_argument(name: &str) -> Value {
    match name {
        "message" => json!(LOOKUP_MESSAGE),
        "messages" => json!([LOOKUP_MESSAGE]),
        "id" => json!(LOOKUP_ID),
        "query" => json!("memory limit"),
        "domain" => json!("python"),
        "sort" => json!("name"),
        "depth" | "limit" => json!(1),
        "max_tokens" => json!(300),
        other => panic!("no valid value known for argument {other:?}"),
    }
}

/// Whether `v` has one of the JSON Schema `types`.
fn has_type(v: &Value, types: &[&str]) -> bool {
    types.iter().any(|t| match *t {
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "null" => v.is_null(),
        _ => false,
    })
}

#[test]
fn wrong_types_for_every_tool_argument_are_refused() {
    let mut s = Session::start(&[]);
    let wrong = [
        json!(42),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296u64),
        json!(1e300),
        json!("text"),
        json!(""),
        json!(true),
        json!([1, 2]),
        json!({"a": 1}),
        json!(null),
    ];
    let mut tried = 0;
    for tool in s.tools() {
        let name = tool["name"].as_str().unwrap().to_string();
        let schema = &tool["inputSchema"];
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let Some(props) = schema["properties"].as_object() else {
            continue;
        };
        let base: serde_json::Map<String, Value> = required
            .iter()
            .map(|r| (r.to_string(), valid_argument(r)))
            .collect();
        for (prop, spec) in props {
            let types: Vec<&str> = match &spec["type"] {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            for value in &wrong {
                // Values of the declared type are not wrong, except numbers
                // outside what the argument can hold.
                let out_of_range_integer = types.contains(&"integer")
                    && (value.as_i64().is_some_and(|n| n < 0)
                        || value.as_u64().is_some_and(|n| n > u64::from(u32::MAX)));
                // null stands for "absent", which optional arguments allow.
                let absent_ok = value.is_null() && !required.contains(&prop.as_str());
                if (has_type(value, &types) && !out_of_range_integer) || absent_ok {
                    continue;
                }
                let mut args = base.clone();
                args.insert(prop.clone(), value.clone());
                let v = s.request(
                    "tools/call",
                    json!({ "name": name, "arguments": Value::Object(args) }),
                );
                let refused = v["result"]["isError"] == true || is_error_answer(&v);
                assert!(refused, "{name}.{prop} = {value}: {v}");
                tried += 1;
            }
        }
        // Arguments that are not an object at all.
        for args in [json!([1]), json!("x"), json!(3)] {
            let v = s.request("tools/call", json!({ "name": name, "arguments": args }));
            assert!(
                v["result"]["isError"] == true || is_error_answer(&v),
                "{name}: {v}"
            );
            tried += 1;
        }
    }
    println!("{tried} wrongly typed arguments, each refused");
    assert!(tried > 100, "only {tried} cases");
    assert_eq!(s.tools().len(), TOOLS.len());
    s.finish();
}

/// Resident memory of a process, in KiB (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[test]
fn ten_thousand_requests_in_one_session_keep_memory_flat() {
    let mut s = Session::start(&[]);
    let requests = [
        json!({"name": "lookup_error", "arguments": {"message": LOOKUP_MESSAGE}}),
        json!({"name": "search_errors", "arguments": {"query": "permission denied", "limit": 3}}),
        json!({"name": "get_error_detail", "arguments": {"id": LOOKUP_ID}}),
        json!({"name": "get_error_chain", "arguments": {"id": LOOKUP_ID, "depth": 2}}),
        json!({"name": "batch_lookup", "arguments": {"messages": [LOOKUP_MESSAGE, "fatal: not a git repository"], "max_tokens": 500}}),
        json!({"name": "get_error_detail", "arguments": {"id": "no/such-record"}}),
        json!({"name": "get_domain_stats", "arguments": {"domain": "docker"}}),
    ];
    let total = 10_000;
    let warm_up = 500;
    let pid = s.child.id();
    let mut before = None;
    let mut answered = 0;
    // Sent in groups of 50 and then read, so a slow answer cannot hide.
    let mut sent = 0;
    while sent < total {
        let group = 50.min(total - sent);
        let first_id = s.next_id + 1;
        for k in 0..group {
            s.next_id += 1;
            let params = &requests[(sent + k) % requests.len()];
            let msg = json!({"jsonrpc": "2.0", "id": s.next_id, "method": "tools/call", "params": params});
            s.send_raw(msg.to_string().as_bytes());
        }
        for k in 0..group as u64 {
            let v = s.receive();
            assert_eq!(v["id"], first_id + k, "answers come in order: {v}");
            assert!(v["result"]["content"][0]["text"].is_string(), "{v}");
            answered += 1;
        }
        sent += group;
        if sent == warm_up {
            before = rss_kib(pid);
        }
    }
    let after = rss_kib(pid);
    assert_eq!(answered, total);
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "{total} requests answered; resident memory {before} KiB after {warm_up}, {after} KiB after {total}"
        );
        assert!(
            after <= before + 8 * 1024,
            "memory grew from {before} KiB to {after} KiB"
        );
    }
    s.finish();
}
