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
