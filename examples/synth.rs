//! Synthetic seed records and logs for load tests of the matcher and the build.
//!
//! The real dataset has a few hundred records; this generator writes as many
//! as asked for, each one a complete record that passes `errdex check
//! --strict`, with a regex shaped like those of real error-signature
//! knowledge bases: literal phrases joined by `.*`, alternations, optional
//! groups, character classes and word boundaries, built from a technical
//! vocabulary. Optionally it also writes a log of about the requested size in
//! which about 1% of the lines carry one of the records' examples, and the
//! list of regexes next to it (for comparison with `rg -i -f`).
//!
//! Output depends only on the arguments: a xorshift generator seeded by
//! `--seed` drives every choice.
//!
//! ```text
//! cargo run --release --example synth -- --records 2500 --out /tmp/synth/seeds \
//!     [--log /tmp/synth/app.log --log-mb 100] [--seed 1]
//! errdex check --strict /tmp/synth/seeds
//! ERRDEX_SEEDS_DIR=/tmp/synth/seeds cargo build --release
//! ```
//!
//! Records go to `DIR/<domain>/<slug>.json` (domains `syn-web`, `syn-db`, ...).
//! `DIR` must be new or empty: the generator never deletes or overwrites
//! files. With `--log FILE`, the regexes are written one per line to
//! `FILE.patterns`.

use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: synth --records N --out DIR [--log FILE --log-mb M] [--seed S]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = Args::parse(std::env::args().skip(1))?;
    let started = Instant::now();
    let mut rng = Rng::new(args.seed);
    let records = generate_records(&mut rng, args.records);
    write_records(&args.out, &records)?;
    let stats = RegexStats::of(&records);
    say(&format!(
        "wrote {} records to {} in {:.2?}\n{stats}",
        records.len(),
        args.out.display(),
        started.elapsed()
    ));
    if let Some(log) = &args.log {
        let started = Instant::now();
        let mut log_rng = Rng::new(args.seed ^ 0x5EED_1065_0F1A_B1E5);
        let summary = write_log(log, args.log_mb, &records, &mut log_rng)?;
        let patterns = write_patterns(log, &records)?;
        say(&format!(
            "wrote {} ({:.1} MB, {} lines, {} with a record's example, {} long) in {:.2?}\nwrote {}",
            log.display(),
            summary.bytes as f64 / 1e6,
            summary.lines,
            summary.error_lines,
            summary.long_lines,
            started.elapsed(),
            patterns.display()
        ));
    }
    Ok(())
}

/// Prints a progress line; a closed stdout (`| head`) is not an error.
fn say(text: &str) {
    let _ = writeln!(std::io::stdout(), "{text}");
}

// ---------------------------------------------------------------------------
// Command line

struct Args {
    records: usize,
    out: PathBuf,
    log: Option<PathBuf>,
    log_mb: f64,
    seed: u64,
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut records = None;
        let mut out = None;
        let mut log = None;
        let mut log_mb = None;
        let mut seed = 1;
        while let Some(flag) = it.next() {
            if flag == "-h" || flag == "--help" {
                println!("{USAGE}");
                std::process::exit(0);
            }
            let value = it
                .next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            let bad = |what: &str| format!("{flag} {value}: expected {what}\n{USAGE}");
            match flag.as_str() {
                "--records" => records = Some(value.parse().map_err(|_| bad("a count"))?),
                "--out" => out = Some(PathBuf::from(&value)),
                "--log" => log = Some(PathBuf::from(&value)),
                "--log-mb" => log_mb = Some(value.parse().map_err(|_| bad("a size in MB"))?),
                "--seed" => seed = value.parse().map_err(|_| bad("an integer"))?,
                _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
            }
        }
        let records: usize = records.ok_or_else(|| format!("--records is required\n{USAGE}"))?;
        if records == 0 {
            return Err("--records must be at least 1".into());
        }
        let out = out.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
        let log_mb: f64 = match (&log, log_mb) {
            (Some(_), Some(mb)) if mb > 0.0 => mb,
            (Some(_), _) => return Err(format!("--log needs --log-mb M (M > 0)\n{USAGE}")),
            (None, Some(_)) => return Err(format!("--log-mb needs --log FILE\n{USAGE}")),
            (None, None) => 0.0,
        };
        Ok(Args {
            records,
            out,
            log,
            log_mb,
            seed,
        })
    }
}

// ---------------------------------------------------------------------------
// Deterministic pseudo-random numbers

/// xorshift64* seeded through splitmix64 (so that small seeds differ well).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next() >> 11) % (hi - lo + 1)
    }

    /// True with the given probability in percent.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A rate in `lo..=hi` rounded to two decimals.
    fn rate(&mut self, lo: f64, hi: f64) -> f64 {
        let steps = ((hi - lo) * 100.0).round() as u64;
        lo + self.range(0, steps) as f64 / 100.0
    }
}

// ---------------------------------------------------------------------------
// Vocabulary

/// A synthetic domain: its software, its own nouns (English, Chinese) and the
/// letter prefixes of its error codes.
struct Domain {
    name: &'static str,
    components: &'static [&'static str],
    nouns: &'static [(&'static str, &'static str)],
    code_prefixes: &'static [&'static str],
}

const DOMAINS: &[Domain] = &[
    Domain {
        name: "syn-web",
        components: &["edge-proxy", "webgate", "sessiond"],
        nouns: &[
            ("session", "会话"),
            ("cookie", "Cookie"),
            ("route", "路由"),
            ("template", "模板"),
            ("static asset", "静态资源"),
            ("upstream", "上游"),
            ("request body", "请求体"),
            ("redirect", "重定向"),
        ],
        code_prefixes: &["WEB", "HTP"],
    },
    Domain {
        name: "syn-db",
        components: &["pgpool", "rowstore", "sqlrunner"],
        nouns: &[
            ("connection pool", "连接池"),
            ("transaction", "事务"),
            ("cursor", "游标"),
            ("index", "索引"),
            ("replica", "副本"),
            ("migration", "迁移"),
            ("schema", "模式"),
            ("write-ahead log", "预写日志"),
        ],
        code_prefixes: &["DBE", "SQL"],
    },
    Domain {
        name: "syn-net",
        components: &["netmux", "linkd", "sockd"],
        nouns: &[
            ("socket", "套接字"),
            ("listener", "监听器"),
            ("handshake", "握手"),
            ("keepalive", "保活"),
            ("route table", "路由表"),
            ("interface", "网络接口"),
            ("packet buffer", "包缓冲区"),
            ("tunnel", "隧道"),
        ],
        code_prefixes: &["NET", "SCK"],
    },
    Domain {
        name: "syn-build",
        components: &["forge", "compilerd", "bundlr"],
        nouns: &[
            ("manifest", "清单"),
            ("lockfile", "锁文件"),
            ("artifact", "构建产物"),
            ("target", "构建目标"),
            ("toolchain", "工具链"),
            ("build cache", "构建缓存"),
            ("dependency graph", "依赖图"),
            ("checksum", "校验和"),
        ],
        code_prefixes: &["BLD", "CMP"],
    },
    Domain {
        name: "syn-runtime",
        components: &["vmhost", "rtcore", "fiberd"],
        nouns: &[
            ("heap", "堆"),
            ("thread", "线程"),
            ("fiber", "纤程"),
            ("stack frame", "栈帧"),
            ("allocator", "分配器"),
            ("event loop", "事件循环"),
            ("mutex", "互斥锁"),
            ("finalizer", "终结器"),
        ],
        code_prefixes: &["RTE", "VMX"],
    },
    Domain {
        name: "syn-cache",
        components: &["cachely", "memtier", "kvcache"],
        nouns: &[
            ("cache entry", "缓存项"),
            ("eviction", "淘汰"),
            ("slab", "slab 块"),
            ("hot key", "热点键"),
            ("expiry", "过期时间"),
            ("cache shard", "缓存分片"),
            ("warmup", "预热"),
            ("lease", "租约"),
        ],
        code_prefixes: &["CCH", "KVC"],
    },
    Domain {
        name: "syn-queue",
        components: &["qbroker", "mqd", "streamq"],
        nouns: &[
            ("consumer group", "消费者组"),
            ("offset", "偏移量"),
            ("topic", "主题"),
            ("partition", "分区"),
            ("dead-letter queue", "死信队列"),
            ("message", "消息"),
            ("ack", "确认"),
            ("prefetch", "预取"),
        ],
        code_prefixes: &["QUE", "MQB"],
    },
    Domain {
        name: "syn-auth",
        components: &["authd", "tokensvc", "idgate"],
        nouns: &[
            ("token", "令牌"),
            ("refresh token", "刷新令牌"),
            ("credential", "凭据"),
            ("session key", "会话密钥"),
            ("role binding", "角色绑定"),
            ("nonce", "随机数"),
            ("signing key", "签名密钥"),
            ("scope", "权限范围"),
        ],
        code_prefixes: &["AUT", "IDP"],
    },
    Domain {
        name: "syn-storage",
        components: &["blobd", "volmgr", "objstore"],
        nouns: &[
            ("volume", "卷"),
            ("bucket", "存储桶"),
            ("object", "对象"),
            ("snapshot", "快照"),
            ("block device", "块设备"),
            ("mount", "挂载点"),
            ("chunk", "数据块"),
            ("replica set", "副本集"),
        ],
        code_prefixes: &["STO", "BLB"],
    },
    Domain {
        name: "syn-k8s",
        components: &["podctl", "clusterd", "nodeagent"],
        nouns: &[
            ("pod", "Pod"),
            ("node", "节点"),
            ("namespace", "命名空间"),
            ("deployment", "部署"),
            ("admission webhook", "准入 Webhook"),
            ("volume claim", "存储卷声明"),
            ("service account", "服务账号"),
            ("taint", "污点"),
        ],
        code_prefixes: &["KUB", "POD"],
    },
    Domain {
        name: "syn-dns",
        components: &["resolvd", "zonekeeper", "dnsproxy"],
        nouns: &[
            ("resolver", "解析器"),
            ("zone", "区域"),
            ("record set", "记录集"),
            ("delegation", "委派"),
            ("nameserver", "域名服务器"),
            ("query", "查询"),
            ("negative cache", "否定缓存"),
            ("search domain", "搜索域"),
        ],
        code_prefixes: &["DNS", "RSV"],
    },
    Domain {
        name: "syn-tls",
        components: &["tlsgate", "certmgr", "sslkit"],
        nouns: &[
            ("certificate", "证书"),
            ("certificate chain", "证书链"),
            ("private key", "私钥"),
            ("cipher suite", "密码套件"),
            ("trust store", "信任库"),
            ("client hello", "ClientHello"),
            ("session ticket", "会话票据"),
            ("OCSP response", "OCSP 响应"),
        ],
        code_prefixes: &["TLS", "CRT"],
    },
    Domain {
        name: "syn-api",
        components: &["apigw", "restd", "rpcmesh"],
        nouns: &[
            ("endpoint", "端点"),
            ("payload", "负载"),
            ("rate limiter", "限流器"),
            ("api key", "API 密钥"),
            ("webhook", "Webhook"),
            ("response schema", "响应模式"),
            ("pagination cursor", "分页游标"),
            ("idempotency key", "幂等键"),
        ],
        code_prefixes: &["API", "RPC"],
    },
    Domain {
        name: "syn-ci",
        components: &["pipelinectl", "runnerd", "ciagent"],
        nouns: &[
            ("pipeline", "流水线"),
            ("job", "作业"),
            ("runner", "执行器"),
            ("stage", "阶段"),
            ("workspace", "工作区"),
            ("cache archive", "缓存归档"),
            ("secret", "机密"),
            ("artifact upload", "产物上传"),
        ],
        code_prefixes: &["CIX", "RUN"],
    },
    Domain {
        name: "syn-pkg",
        components: &["pkgtool", "depsolve", "regctl"],
        nouns: &[
            ("package", "软件包"),
            ("registry", "仓库"),
            ("version constraint", "版本约束"),
            ("peer dependency", "对等依赖"),
            ("tarball", "压缩包"),
            ("package signature", "包签名"),
            ("mirror", "镜像源"),
            ("lockfile entry", "锁文件条目"),
        ],
        code_prefixes: &["PKG", "DEP"],
    },
    Domain {
        name: "syn-orm",
        components: &["ormlite", "modelkit", "datamapper"],
        nouns: &[
            ("model", "模型"),
            ("relation", "关联"),
            ("query builder", "查询构造器"),
            ("entity", "实体"),
            ("column", "列"),
            ("eager load", "预加载"),
            ("identity map", "标识映射"),
            ("unit of work", "工作单元"),
        ],
        code_prefixes: &["ORM", "MDL"],
    },
    Domain {
        name: "syn-search",
        components: &["searchd", "indexer", "querynode"],
        nouns: &[
            ("search index", "搜索索引"),
            ("shard", "分片"),
            ("segment", "段"),
            ("mapping", "映射"),
            ("analyzer", "分析器"),
            ("shard replica", "分片副本"),
            ("refresh", "刷新"),
            ("scroll context", "滚动上下文"),
        ],
        code_prefixes: &["SRC", "IDX"],
    },
    Domain {
        name: "syn-stream",
        components: &["flowd", "streamjob", "windowd"],
        nouns: &[
            ("checkpoint", "检查点"),
            ("watermark", "水位线"),
            ("window", "窗口"),
            ("operator", "算子"),
            ("state backend", "状态后端"),
            ("savepoint", "保存点"),
            ("backpressure", "反压"),
            ("source split", "源分片"),
        ],
        code_prefixes: &["STR", "FLW"],
    },
    Domain {
        name: "syn-gpu",
        components: &["gpuhost", "kernelrt", "tensord"],
        nouns: &[
            ("device memory", "显存"),
            ("kernel launch", "内核启动"),
            ("stream", "流"),
            ("device context", "设备上下文"),
            ("driver", "驱动"),
            ("tensor", "张量"),
            ("scratch buffer", "临时缓冲区"),
            ("peer access", "对等访问"),
        ],
        code_prefixes: &["GPU", "KRN"],
    },
    Domain {
        name: "syn-mail",
        components: &["mailerd", "smtpgate", "inboxsvc"],
        nouns: &[
            ("mailbox", "邮箱"),
            ("envelope", "信封"),
            ("recipient", "收件人"),
            ("relay", "中继"),
            ("attachment", "附件"),
            ("spool", "邮件队列目录"),
            ("delivery queue", "投递队列"),
            ("DKIM signature", "DKIM 签名"),
        ],
        code_prefixes: &["MLR", "SMT"],
    },
];

/// Nouns every domain may use besides its own.
const SHARED_NOUNS: &[(&str, &str)] = &[
    ("lease", "租约"),
    ("quorum", "法定人数"),
    ("shard", "分片"),
    ("schema", "模式"),
    ("config", "配置"),
    ("plugin", "插件"),
    ("worker", "工作进程"),
    ("scheduler", "调度器"),
    ("heartbeat", "心跳"),
    ("checksum", "校验和"),
    ("manifest", "清单"),
    ("token", "令牌"),
    ("handshake", "握手"),
    ("snapshot", "快照"),
    ("journal", "日志"),
    ("epoch", "纪元"),
    ("generation", "代次"),
    ("tenant", "租户"),
    ("quota", "配额"),
    ("buffer", "缓冲区"),
    ("descriptor", "描述符"),
    ("semaphore", "信号量"),
    ("watchdog", "看门狗"),
    ("session", "会话"),
    ("certificate", "证书"),
    ("migration", "迁移"),
];

const MODIFIERS: &[(&str, &str)] = &[
    ("primary", "主"),
    ("standby", "备用"),
    ("leader", "领导者"),
    ("follower", "跟随者"),
    ("remote", "远程"),
    ("local", "本地"),
    ("upstream", "上游"),
    ("downstream", "下游"),
    ("default", "默认"),
    ("shared", "共享"),
    ("pending", "待处理"),
    ("stale", "陈旧"),
    ("cached", "已缓存"),
    ("ephemeral", "临时"),
    ("persistent", "持久"),
    ("global", "全局"),
    ("regional", "区域"),
    ("inbound", "入站"),
    ("outbound", "出站"),
    ("internal", "内部"),
    ("external", "外部"),
    ("legacy", "旧版"),
    ("background", "后台"),
    ("scheduled", "计划"),
    ("async", "异步"),
    ("batch", "批量"),
    ("streaming", "流式"),
    ("rolling", "滚动"),
    ("warm", "温"),
    ("cold", "冷"),
    ("secondary", "次级"),
    ("fallback", "回退"),
    ("canary", "金丝雀"),
    ("shadow", "影子"),
    ("mirrored", "镜像"),
    ("tenant", "租户"),
    ("cluster", "集群"),
    ("per-request", "每请求"),
    ("encrypted", "加密"),
    ("compressed", "压缩"),
];

/// How a failure word maps onto the record format.
struct Failure {
    /// As printed (and in the signature).
    text: &'static str,
    /// Other wordings the regex accepts.
    alts: &'static [&'static str],
    /// For CamelCase exception names and UPPER_SNAKE constants.
    camel: &'static str,
    zh: &'static str,
    cause: usize,
    category: &'static str,
}

const fn failure(
    text: &'static str,
    alts: &'static [&'static str],
    camel: &'static str,
    zh: &'static str,
    cause: usize,
    category: &'static str,
) -> Failure {
    Failure {
        text,
        alts,
        camel,
        zh,
        cause,
        category,
    }
}

// Indexes into CAUSES.
const RESOURCE: usize = 0;
const NETWORK: usize = 1;
const CONFIG: usize = 2;
const ENVIRONMENT: usize = 3;
const DEPENDENCY: usize = 4;
const VERSION: usize = 5;
const PERMISSION: usize = 6;
const CODE_BUG: usize = 7;
const DATA: usize = 8;
const CONCURRENCY: usize = 9;
const PLATFORM: usize = 10;
const SECURITY: usize = 11;
const GENERIC: usize = 12;

const FAILURES: &[Failure] = &[
    failure(
        "exhausted",
        &["depleted"],
        "Exhausted",
        "已耗尽",
        RESOURCE,
        "resource_exhausted",
    ),
    failure(
        "timed out",
        &["timeout"],
        "Timeout",
        "超时",
        NETWORK,
        "timeout",
    ),
    failure(
        "rejected",
        &["refused", "denied"],
        "Rejected",
        "被拒绝",
        SECURITY,
        "rejected",
    ),
    failure(
        "expired",
        &["has expired"],
        "Expired",
        "已过期",
        CONFIG,
        "expired",
    ),
    failure(
        "corrupted",
        &["corrupt", "damaged"],
        "Corrupted",
        "已损坏",
        DATA,
        "data_corruption",
    ),
    failure(
        "not found",
        &["missing", "does not exist"],
        "NotFound",
        "未找到",
        CONFIG,
        "not_found",
    ),
    failure(
        "mismatch",
        &["mismatched"],
        "Mismatch",
        "不匹配",
        VERSION,
        "version_mismatch",
    ),
    failure(
        "lost",
        &["dropped"],
        "Lost",
        "丢失",
        NETWORK,
        "connection_lost",
    ),
    failure(
        "limit exceeded",
        &["over limit"],
        "LimitExceeded",
        "超出限制",
        RESOURCE,
        "limit_exceeded",
    ),
    failure(
        "unavailable",
        &["unreachable"],
        "Unavailable",
        "不可用",
        NETWORK,
        "unavailable",
    ),
    failure(
        "malformed",
        &["invalid", "unparseable"],
        "Malformed",
        "格式错误",
        DATA,
        "invalid_input",
    ),
    failure(
        "locked",
        &["is locked", "busy"],
        "Locked",
        "被锁定",
        CONCURRENCY,
        "lock_conflict",
    ),
    failure(
        "deadlock detected",
        &["deadlocked"],
        "Deadlock",
        "检测到死锁",
        CONCURRENCY,
        "deadlock",
    ),
    failure(
        "permission denied",
        &["access denied"],
        "AccessDenied",
        "权限被拒绝",
        PERMISSION,
        "permission_denied",
    ),
    failure(
        "unsupported",
        &["not supported"],
        "Unsupported",
        "不受支持",
        VERSION,
        "unsupported",
    ),
    failure(
        "conflict",
        &["conflicting update"],
        "Conflict",
        "冲突",
        CONCURRENCY,
        "write_conflict",
    ),
    failure(
        "truncated",
        &["incomplete"],
        "Truncated",
        "被截断",
        DATA,
        "truncated_data",
    ),
    failure(
        "overflow",
        &["overflowed"],
        "Overflow",
        "溢出",
        RESOURCE,
        "overflow",
    ),
    failure(
        "revoked",
        &["withdrawn"],
        "Revoked",
        "已吊销",
        SECURITY,
        "revoked",
    ),
    failure(
        "out of sync",
        &["diverged"],
        "OutOfSync",
        "不同步",
        CONCURRENCY,
        "replication_lag",
    ),
    failure(
        "not ready",
        &["still initializing"],
        "NotReady",
        "未就绪",
        ENVIRONMENT,
        "not_ready",
    ),
    failure(
        "already exists",
        &["duplicate"],
        "AlreadyExists",
        "已存在",
        DATA,
        "duplicate",
    ),
    failure(
        "verification failed",
        &["could not be verified"],
        "VerificationFailed",
        "验证失败",
        SECURITY,
        "verification_failed",
    ),
    failure(
        "rolled back",
        &["aborted"],
        "RolledBack",
        "已回滚",
        CONCURRENCY,
        "aborted",
    ),
    failure(
        "leaked",
        &["not released"],
        "Leaked",
        "泄漏",
        CODE_BUG,
        "resource_leak",
    ),
    failure(
        "used after close",
        &["used after release"],
        "UseAfterClose",
        "关闭后被使用",
        CODE_BUG,
        "use_after_close",
    ),
    failure(
        "not initialized",
        &["uninitialized"],
        "NotInitialized",
        "未初始化",
        CODE_BUG,
        "not_initialized",
    ),
    failure(
        "quota exceeded",
        &["over quota"],
        "QuotaExceeded",
        "超出配额",
        RESOURCE,
        "quota_exceeded",
    ),
    failure(
        "throttled",
        &["rate limited"],
        "Throttled",
        "被限流",
        RESOURCE,
        "rate_limited",
    ),
    failure(
        "incompatible",
        &["not compatible"],
        "Incompatible",
        "不兼容",
        DEPENDENCY,
        "incompatible_dependency",
    ),
    failure(
        "unresolved",
        &["could not be resolved"],
        "Unresolved",
        "无法解析",
        DEPENDENCY,
        "unresolved_dependency",
    ),
    failure(
        "closed unexpectedly",
        &["closed prematurely"],
        "UnexpectedClose",
        "意外关闭",
        NETWORK,
        "connection_closed",
    ),
    failure("stalled", &["hung"], "Stalled", "停滞", PLATFORM, "stall"),
    failure(
        "starved",
        &["blocked"],
        "Starved",
        "饥饿",
        CONCURRENCY,
        "starvation",
    ),
    failure(
        "read-only",
        &["mounted read-only"],
        "ReadOnly",
        "只读",
        ENVIRONMENT,
        "read_only",
    ),
    failure(
        "in an unknown state",
        &["in an unexpected state"],
        "UnknownState",
        "处于未知状态",
        GENERIC,
        "unknown_state",
    ),
];

/// Texts for one root-cause type; `{...}` are filled per record.
struct Cause {
    kind: &'static str,
    root_cause: &'static str,
    root_cause_zh: &'static str,
    dead_end: (&'static str, &'static str),
    workaround: (&'static str, &'static str, &'static str),
}

const CAUSES: &[Cause] = &[
    Cause {
        kind: "resource_limit",
        root_cause: "The {component} has a fixed budget for {noun} capacity and every slot was taken by in-flight work when the request arrived; the request waited for its configured limit and then gave up with \"{failure}\".",
        root_cause_zh: "{component} 的{noun_zh}容量有固定上限，请求到达时所有名额都被进行中的工作占用，请求等待到配置的时限后以“{failure_zh}”失败。",
        dead_end: ("Raise the client-side timeout", "Waiting longer does not create capacity; requests queue behind the same busy {noun} and the error returns at the next load peak."),
        workaround: ("Size the {noun} limit for peak concurrency", "Set `{component}.{noun_snake}.max_size` to at least the number of concurrent workers and release every {noun} in a `finally` block so none is held after an error.", "把 {component} 的{noun_zh}上限调到不低于并发工作数，并在 finally 块中释放每个{noun_zh}，避免出错后仍被占用。"),
    },
    Cause {
        kind: "network",
        root_cause: "The {component} lost its path to the peer that owns the {noun}: a connection was reset, a firewall dropped an idle flow or the peer restarted, so the operation on the {modifier} {noun} ended with \"{failure}\".",
        root_cause_zh: "{component} 与持有{noun_zh}的对端之间的网络路径中断：连接被重置、防火墙丢弃了空闲连接或对端重启，因此对{modifier_zh}{noun_zh}的操作以“{failure_zh}”结束。",
        dead_end: ("Restart the {component} process", "The peer or the network path is what failed; a fresh process reconnects to the same unreachable peer and fails the same way."),
        workaround: ("Enable keepalives and retry with backoff", "Set `{component}.keepalive_interval = 15s` and wrap the call in a retry with exponential backoff (base 200 ms, at most 5 attempts) so short outages are absorbed.", "开启 {component} 的保活（keepalive_interval = 15s），并对调用做指数退避重试（初始 200 毫秒，最多 5 次），以吸收短暂的网络中断。"),
    },
    Cause {
        kind: "configuration",
        root_cause: "The {component} is configured with a {noun} value that no longer fits the environment: a stale or hand-edited setting points at a {noun} that was renamed or rotated, so the lookup reports \"{failure}\".",
        root_cause_zh: "{component} 配置中的{noun_zh}取值已不符合当前环境：过时或手工修改的设置指向了已被改名或轮换的{noun_zh}，因此查找时报告“{failure_zh}”。",
        dead_end: ("Clear the local cache and retry", "The wrong value comes from the configuration file, not the cache; after the cache is rebuilt the same setting is read again."),
        workaround: ("Correct the {noun} setting and reload", "Compare `{component} config show --effective` with the intended value, fix the entry in `/etc/{component}/{component}.yaml` and run `{component} reload`.", "用 `{component} config show --effective` 对比期望值，修正 /etc/{component}/{component}.yaml 中的{noun_zh}设置，然后执行 `{component} reload`。"),
    },
    Cause {
        kind: "environment",
        root_cause: "The {component} started before its environment was ready: a mount, variable or sidecar that provides the {noun} was missing at start-up, so the {modifier} {noun} is reported as \"{failure}\".",
        root_cause_zh: "{component} 在运行环境就绪之前就启动了：提供{noun_zh}的挂载、环境变量或边车容器在启动时缺失，因此{modifier_zh}{noun_zh}被报告为“{failure_zh}”。",
        dead_end: ("Reinstall the {component} package", "The package files are intact; what is missing is provided by the host or the orchestrator, which a reinstall does not touch."),
        workaround: ("Gate start-up on the dependency being ready", "Run a readiness check (`{component} wait --for {noun_kebab} --timeout 60s`) before the main process starts, or order the units with `After=` and `Requires=`.", "在主进程启动前执行就绪检查（`{component} wait --for {noun_kebab} --timeout 60s`），或用 After= 和 Requires= 约束服务的启动顺序。"),
    },
    Cause {
        kind: "dependency",
        root_cause: "Two components disagree about the {noun}: a library pulled in transitively provides an older interface than the {component} expects, so resolving the {modifier} {noun} ends with \"{failure}\".",
        root_cause_zh: "两个组件对{noun_zh}的要求不一致：间接引入的库提供的接口比 {component} 期望的旧，因此解析{modifier_zh}{noun_zh}时以“{failure_zh}”结束。",
        dead_end: ("Delete the lockfile and reinstall everything", "Without pinned versions the resolver picks the same incompatible release again and adds unrelated upgrades on top."),
        workaround: ("Pin the compatible version", "Add an explicit constraint for the providing package to the manifest (for example `{noun_kebab}-provider = \"~2.4\"`), regenerate the lockfile and commit it.", "在清单中为提供方包加上明确的版本约束（例如 `{noun_kebab}-provider = \"~2.4\"`），重新生成锁文件并提交。"),
    },
    Cause {
        kind: "version_mismatch",
        root_cause: "The writer and the reader of the {noun} run different releases of the {component}; the newer one uses a format or field the older one does not know, so the {modifier} {noun} is reported as \"{failure}\".",
        root_cause_zh: "{noun_zh}的写入方和读取方运行着不同版本的 {component}，新版本使用了旧版本不认识的格式或字段，因此{modifier_zh}{noun_zh}被报告为“{failure_zh}”。",
        dead_end: ("Downgrade only the client", "Data written by the newer server keeps the new format; an older client still cannot read it and the error moves to another code path."),
        workaround: ("Upgrade all nodes to the same release", "Roll every {component} node to the same minor version before re-enabling the feature, checking `{component} version --all-nodes` between steps.", "先把所有 {component} 节点升级到同一个小版本，再重新启用相关功能；每一步之后用 `{component} version --all-nodes` 检查。"),
    },
    Cause {
        kind: "permission",
        root_cause: "The identity the {component} runs as lacks the right to use the {noun}: the file, role or policy grants access to another user, so the operation on the {modifier} {noun} fails with \"{failure}\".",
        root_cause_zh: "{component} 运行所用的身份没有使用{noun_zh}的权限：文件、角色或策略只授权给了其他用户，因此对{modifier_zh}{noun_zh}的操作以“{failure_zh}”失败。",
        dead_end: ("Run the {component} as root", "It hides the problem on one host, creates files other services cannot read, and is blocked outright by most production policies."),
        workaround: ("Grant the service identity the needed access", "Add the service account to the group that owns the {noun} (`usermod -aG {component} svc-{component}`) or extend its role with the missing permission, then restart the service.", "把服务账号加入拥有该{noun_zh}的用户组（`usermod -aG {component} svc-{component}`），或为其角色补上缺少的权限，然后重启服务。"),
    },
    Cause {
        kind: "code_bug",
        root_cause: "Application code uses the {noun} outside its lifetime: it is read after being released, or before the {component} finished initialising it, so under load the {modifier} {noun} ends up \"{failure}\".",
        root_cause_zh: "应用代码在{noun_zh}的生命周期之外使用了它：在释放之后读取，或在 {component} 完成初始化之前使用，因此在负载下{modifier_zh}{noun_zh}出现“{failure_zh}”。",
        dead_end: ("Add more memory or CPU", "The fault is an error in the order of operations; more resources change the timing but not the bug."),
        workaround: ("Give the {noun} a single owner", "Acquire the {noun} in a scoped block (`with`, `defer` or `using`), never keep it in a global, and run the tests with `{component}.debug_checks = true` to find remaining misuse.", "在作用域块（with、defer 或 using）中获取{noun_zh}，不要放进全局变量，并在测试中开启 `{component}.debug_checks = true` 找出其余的误用。"),
    },
    Cause {
        kind: "data",
        root_cause: "The {noun} that reached the {component} is not what the reader expects: it was written partly, converted with the wrong encoding or edited by hand, so validating the {modifier} {noun} reports \"{failure}\".",
        root_cause_zh: "到达 {component} 的{noun_zh}与读取方的预期不符：它只写入了一部分、用错误的编码转换过或被手工编辑过，因此校验{modifier_zh}{noun_zh}时报告“{failure_zh}”。",
        dead_end: ("Retry the same request", "The stored bytes do not change between attempts; every retry reads the same bad {noun} and fails identically."),
        workaround: ("Rebuild the {noun} from a trusted source", "Move the damaged copy aside, regenerate it with `{component} rebuild {noun_kebab}` or restore it from the last verified backup, and validate it with `{component} verify`.", "把损坏的副本移走，用 `{component} rebuild {noun_kebab}` 重新生成或从最近一次校验过的备份恢复，再用 `{component} verify` 校验。"),
    },
    Cause {
        kind: "concurrency",
        root_cause: "Two writers changed the {noun} at the same time without a common lock or version check; the {component} detected the interleaving and stopped one of them with \"{failure}\".",
        root_cause_zh: "两个写入方在没有共同锁或版本检查的情况下同时修改了{noun_zh}；{component} 检测到交错执行，并以“{failure_zh}”中止了其中一个。",
        dead_end: ("Increase the worker count", "More concurrent writers make the race more likely, not less."),
        workaround: ("Serialise updates with a version check", "Read the {noun} version, write with `if_version=<n>` (compare-and-swap) and repeat the read-modify-write on conflict, at most 3 times.", "先读取{noun_zh}的版本号，写入时带上 `if_version=<n>`（比较并交换），冲突时重做读-改-写，最多 3 次。"),
    },
    Cause {
        kind: "platform_bug",
        root_cause: "A defect in the platform under the {component} (kernel, driver or runtime) stalls operations on the {noun} under specific timing, so the {modifier} {noun} is reported as \"{failure}\" although the configuration is valid.",
        root_cause_zh: "{component} 所依赖的平台（内核、驱动或运行时）存在缺陷，在特定时序下会使{noun_zh}上的操作停顿，因此即使配置正确，{modifier_zh}{noun_zh}也会被报告为“{failure_zh}”。",
        dead_end: ("Tune the {component} timeouts", "The stall happens below the application; longer timeouts only make each incident last longer."),
        workaround: ("Move to a platform release with the fix", "Upgrade the host kernel or driver to the patched release named in the vendor advisory, or pin the affected workloads to hosts that already run it.", "把主机内核或驱动升级到厂商公告中给出的修复版本，或把受影响的负载固定到已升级的主机上。"),
    },
    Cause {
        kind: "security_policy",
        root_cause: "A security policy in front of the {component} refused the {noun}: it was signed with a key that is no longer trusted, used past its allowed lifetime or did not meet the required strength, so the check reports \"{failure}\".",
        root_cause_zh: "{component} 前面的安全策略拒绝了该{noun_zh}：它由不再受信任的密钥签名、超过了允许的有效期或强度不符合要求，因此检查结果为“{failure_zh}”。",
        dead_end: ("Disable verification", "It turns a visible failure into a silent security hole, and peers that enforce the policy still reject the request."),
        workaround: ("Reissue the {noun} under the current policy", "Request a new {noun} from the issuer with the current key and lifetime (`{component} issue {noun_kebab} --ttl 24h`), deploy it and revoke the old one.", "用当前的密钥和有效期向签发方申请新的{noun_zh}（`{component} issue {noun_kebab} --ttl 24h`），部署后吊销旧的。"),
    },
    Cause {
        kind: "generic",
        root_cause: "The {component} reached a state it does not handle for the {noun}; \"{failure}\" is its catch-all report and the real cause is in the log lines just before it.",
        root_cause_zh: "{component} 的{noun_zh}进入了它无法处理的状态；“{failure_zh}”只是笼统的报告，真正的原因在它之前的日志行里。",
        dead_end: ("Search for the message text alone", "The message is generic; search hits describe unrelated failures of other components."),
        workaround: ("Enable debug logging for the component", "Set `{component}.log_level = debug`, reproduce once, and read the lines just before the error to find the operation that failed.", "设置 `{component}.log_level = debug`，复现一次，然后阅读错误之前的日志行，找出失败的具体操作。"),
    },
];

/// Second dead end of every record: what people try regardless of the cause.
const COMMON_DEAD_ENDS: &[(&str, &str)] = &[
    ("Restart the whole cluster", "A full restart clears the symptom for a while, but the condition behind \"{failure}\" comes back with the same workload."),
    ("Upgrade every dependency to its latest release", "Unrelated upgrades add risk, and none of them changes how the {component} handles the {noun}."),
    ("Catch the error and carry on", "The operation still did not happen; later steps fail on missing data and are harder to trace back to this one."),
    ("Raise the log level and wait for it to recur", "Logging alone changes nothing; the error recurs under the same conditions while the log grows."),
    ("Copy the {noun} from another environment", "Environments differ in names, keys and versions, so the copied {noun} fails for a different reason."),
];

/// Second workaround of every record.
const COMMON_WORKAROUNDS: &[(&str, &str, &str)] = &[
    ("Alert on the error before users notice", "Count lines matching `{token}` in the log pipeline and alert above 5 per minute per {component} instance.", "在日志管道中统计匹配 `{token}` 的行数，每个 {component} 实例每分钟超过 5 次就告警。"),
    ("Write the recovery steps into the runbook", "Record the check and the fix for the {noun} in the team runbook and link the page from the alert that fires on this error.", "把{noun_zh}的检查和修复步骤写进团队运维手册，并在对应告警中附上链接。"),
    ("Reproduce it in an integration test", "Add a small fixture that drives the {component} into this state so that a regression fails CI instead of production.", "增加一个能让 {component} 进入该状态的小型测试夹具，使回归在 CI 中而不是在生产环境中暴露。"),
    ("Roll changes out through a canary", "Apply changes to the {noun} on one canary instance, watch for this error for 15 minutes, then continue the rollout.", "先在一个金丝雀实例上修改{noun_zh}，观察 15 分钟确认没有该错误后再继续发布。"),
];

const VERBS: &[&str] = &[
    "acquire", "renew", "open", "load", "resolve", "commit", "validate", "replay", "schedule",
    "attach", "flush", "register",
];
const VERBS_ING: &[&str] = &[
    "acquiring",
    "renewing",
    "opening",
    "loading",
    "resolving",
    "committing",
    "validating",
    "replaying",
    "scheduling",
    "attaching",
    "flushing",
    "registering",
];
const NEUTRAL_VERBS: &[&str] = &[
    "started",
    "completed",
    "flushed",
    "renewed",
    "scheduled",
    "opened",
    "registered",
    "refreshed",
    "loaded",
    "committed",
    "accepted",
    "rotated",
    "compacted",
    "warmed",
    "published",
];
const NAMES: &[&str] = &[
    "orders",
    "billing",
    "users",
    "inventory",
    "payments",
    "search",
    "events",
    "audit",
    "sessions",
    "catalog",
    "ledger",
    "metrics",
    "reports",
    "shipping",
    "profiles",
    "checkout",
    "assets",
    "notify",
];
const NAME_SUFFIXES: &[&str] = &[
    "", "-replica", "-primary", "-eu", "-us-east", "-v2", "-cache", "-blue", "-green",
];
const STATES: &[&str] = &[
    "DRAINING",
    "DEGRADED",
    "RECOVERING",
    "FENCED",
    "READ_ONLY",
    "SUSPENDED",
    "REBALANCING",
    "CATCHING_UP",
];
const PACKAGES: &[&str] = &[
    "io.synthetic",
    "com.example.syn",
    "org.acme.platform",
    "dev.errdex.fixture",
];

// ---------------------------------------------------------------------------
// Small text helpers

/// Escapes the characters that are special in a regex outside a class.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn kebab(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn snake(text: &str) -> String {
    kebab(text).replace('-', "_")
}

/// `connection pool` → `ConnectionPool`.
fn camel(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(cs).collect::<String>()
        })
        .collect()
}

/// Replaces `{key}` with its value for every pair in `vars`.
fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in vars {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

fn resource_name(rng: &mut Rng) -> String {
    format!(
        "{}{}-{}",
        rng.pick(NAMES),
        rng.pick(NAME_SUFFIXES),
        rng.range(1, 12)
    )
}

fn host(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("{}.internal", resource_name(rng)),
        1 => format!(
            "10.{}.{}.{}",
            rng.range(0, 40),
            rng.range(0, 255),
            rng.range(2, 254)
        ),
        _ => format!(
            "ip-10-0-{}-{}.ec2.internal",
            rng.range(0, 255),
            rng.range(2, 254)
        ),
    }
}

fn hex(rng: &mut Rng, digits: usize) -> String {
    let mut out = String::with_capacity(digits);
    while out.len() < digits {
        out.push_str(&format!("{:016x}", rng.next()));
    }
    out.truncate(digits);
    out
}

// ---------------------------------------------------------------------------
// Regex fragments

/// One piece of an error message: its text in the signature (with
/// `<placeholders>`), its regex, and concrete texts the regex accepts.
#[derive(Clone)]
struct Frag {
    sig: String,
    re: String,
    ex: Vec<String>,
}

impl Frag {
    fn lit(text: &str) -> Frag {
        Frag {
            sig: text.to_string(),
            re: escape(text),
            ex: vec![text.to_string()],
        }
    }

    /// `(?:a|b|c)`; the signature uses the first option.
    fn alt(options: &[&str]) -> Frag {
        let inner: Vec<String> = options.iter().map(|o| escape(o)).collect();
        Frag {
            sig: options[0].to_string(),
            re: format!("(?:{})", inner.join("|")),
            ex: options.iter().map(|o| o.to_string()).collect(),
        }
    }

    /// `.*` with the text it stands for in the signature and in examples.
    fn gap(sig: String, ex: Vec<String>) -> Frag {
        Frag {
            sig,
            re: ".*".into(),
            ex,
        }
    }

    fn var(sig: impl Into<String>, re: impl Into<String>, ex: Vec<String>) -> Frag {
        Frag {
            sig: sig.into(),
            re: re.into(),
            ex,
        }
    }

    fn with_boundary_after(mut self) -> Frag {
        self.re.push_str(r"\b");
        self
    }
}

/// Short forms that log messages use for common words.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("connection", "conn"),
    ("certificate", "cert"),
    ("configuration", "config"),
    ("allocator", "alloc"),
    ("deployment", "deploy"),
    ("dependency", "dep"),
    ("snapshot", "snap"),
    ("descriptor", "desc"),
    ("semaphore", "sem"),
    ("generation", "gen"),
    ("repository", "repo"),
    ("environment", "env"),
    ("transaction", "txn"),
    ("message", "msg"),
    ("namespace", "ns"),
    ("buffer", "buf"),
    ("segment", "seg"),
    ("database", "db"),
    ("partition", "part"),
    ("replica", "repl"),
    ("checkpoint", "ckpt"),
    ("heartbeat", "hb"),
];

/// `conn(?:ection)?` when the short form is a prefix, else `(?:transaction|txn)`.
fn abbreviated(word: &str, short: &str) -> String {
    match word.strip_prefix(short) {
        Some(rest) => format!("{short}(?:{rest})?"),
        None => format!("(?:{word}|{short})"),
    }
}

/// A multi-word phrase such as `stale connection pool`, with some of the
/// spelling freedom real patterns allow.
fn phrase_frag(rng: &mut Rng, text: &str) -> Frag {
    let words: Vec<&str> = text.split(' ').collect();
    let short_form = words.iter().enumerate().find_map(|(i, w)| {
        ABBREVIATIONS
            .iter()
            .find(|(long, _)| long == w)
            .map(|(_, short)| (i, *short))
    });
    let last = words[words.len() - 1];
    match (rng.below(100), short_form) {
        // conn(?:ection)? pool, (?:transaction|txn) log
        (50..=74, Some((i, abbr))) => {
            let mut re = Vec::new();
            let (mut full, mut short) = (Vec::new(), Vec::new());
            for (j, w) in words.iter().enumerate() {
                if j == i {
                    re.push(abbreviated(w, abbr));
                    short.push(abbr.to_string());
                } else {
                    re.push(escape(w));
                    short.push(w.to_string());
                }
                full.push(w.to_string());
            }
            Frag::var(text, re.join(" "), vec![full.join(" "), short.join(" ")])
        }
        // connection[ _-]?pool, connection\s+pool
        (75..=89, _) if words.len() > 1 => {
            let escaped: Vec<String> = words.iter().map(|w| escape(w)).collect();
            if rng.chance(60) {
                let ex = [" ", "_", "-", ""].iter().map(|s| words.join(s)).collect();
                Frag::var(text, escaped.join("[ _-]?"), ex)
            } else {
                let ex = vec![words.join(" "), words.join("  ")];
                Frag::var(text, escaped.join(r"\s+"), ex)
            }
        }
        // pools?
        (90..=99, _)
            if last.bytes().all(|b| b.is_ascii_alphabetic())
                && !last.ends_with(['s', 'x', 'y', 'h']) =>
        {
            let head = &words[..words.len() - 1];
            let prefix: String = head.iter().map(|w| format!("{} ", escape(w))).collect();
            let plain: String = head.iter().map(|w| format!("{w} ")).collect();
            Frag::var(
                text,
                format!("{prefix}{}s?", escape(last)),
                vec![format!("{plain}{last}"), format!("{plain}{last}s")],
            )
        }
        _ => Frag::lit(text),
    }
}

fn failure_frag(rng: &mut Rng, f: &Failure) -> Frag {
    let frag = if !f.alts.is_empty() && rng.chance(55) {
        let options: Vec<&str> = std::iter::once(f.text)
            .chain(f.alts.iter().copied())
            .collect();
        Frag::alt(&options)
    } else {
        Frag::lit(f.text)
    };
    // Everything that may follow a failure starts with a non-word character.
    if rng.chance(35) {
        frag.with_boundary_after()
    } else {
        frag
    }
}

/// A single space, sometimes written `\s+`.
fn space_frag(rng: &mut Rng) -> Frag {
    if rng.chance(12) {
        Frag::var(" ", r"\s+", vec![" ".into(), " ".into(), "  ".into()])
    } else {
        Frag::lit(" ")
    }
}

/// The error code in one of the shapes real messages use.
fn code_frag(rng: &mut Rng, code: &str) -> Frag {
    let (letters, digits) = code.split_at(3);
    match rng.below(4) {
        0 => Frag::var(code, format!(r"\b{code}\b"), vec![code.into()]),
        1 => Frag::var(
            code,
            format!("{letters}-?{digits}"),
            vec![code.into(), format!("{letters}-{digits}")],
        ),
        2 => Frag::var(
            format!("[{code}]"),
            format!(r"\[{code}\]"),
            vec![format!("[{code}]")],
        ),
        _ => Frag::var(
            format!("code={code}"),
            format!(r"(?:code|error)[=:] ?{code}\b"),
            vec![
                format!("code={code}"),
                format!("error: {code}"),
                format!("code: {code}"),
            ],
        ),
    }
}

/// The program name that prefixes many messages, with an optional pid.
fn component_frag(rng: &mut Rng, component: &str) -> Frag {
    let pid = rng.range(100, 65000);
    if rng.chance(50) {
        Frag::var(
            format!("{component}:"),
            format!(r"{}(?:\[\d+\])?:", escape(component)),
            vec![format!("{component}:"), format!("{component}[{pid}]:")],
        )
    } else {
        Frag::lit(&format!("{component}:"))
    }
}

/// A concrete detail at the end of a message; starts with a non-word character.
fn detail_frag(rng: &mut Rng, noun: &str) -> Frag {
    let ex = |rng: &mut Rng, f: &mut dyn FnMut(&mut Rng) -> String| -> Vec<String> {
        (0..3).map(|_| f(rng)).collect()
    };
    match rng.below(12) {
        0 => Frag::var(
            " after 30000 ms",
            r" after \d+ ?(?:ms|milliseconds)",
            ex(rng, &mut |r| match r.below(3) {
                0 => format!(" after {} ms", r.range(50, 60000)),
                1 => format!(" after {}ms", r.range(50, 60000)),
                _ => format!(" after {} milliseconds", r.range(50, 60000)),
            }),
        ),
        1 => Frag::var(
            " for '<name>'",
            " for '[^']+'",
            ex(rng, &mut |r| format!(" for '{}'", resource_name(r))),
        ),
        2 => Frag::var(
            " on \"<name>\"",
            " on \"[^\"]+\"",
            ex(rng, &mut |r| format!(" on \"{}\"", resource_name(r))),
        ),
        3 => Frag::var(
            " in <path>.yaml",
            r" in \S+\.(?:ya?ml|json|toml)",
            ex(rng, &mut |r| {
                let ext = r.pick(&["yaml", "yml", "json", "toml"]);
                format!(" in /etc/syn/{}/{}.{ext}", r.pick(NAMES), kebab(noun))
            }),
        ),
        4 => Frag::var(
            " to <host>:5432",
            r" to \S+:\d+",
            ex(rng, &mut |r| {
                format!(" to {}:{}", host(r), r.range(1024, 65535))
            }),
        ),
        5 => Frag::var(
            " (state=DRAINING)",
            r" \(state=[A-Z_]+\)",
            ex(rng, &mut |r| format!(" (state={})", r.pick(STATES))),
        ),
        6 => Frag::var(
            " (expected <digest>, got <digest>)",
            r" \(expected \S+, got \S+\)",
            ex(rng, &mut |r| {
                format!(" (expected {}, got {})", hex(r, 12), hex(r, 12))
            }),
        ),
        7 => Frag::var(
            " (attempt 5/5)",
            r" \(attempt \d+/\d+\)",
            ex(rng, &mut |r| {
                let n = r.range(1, 9);
                format!(" (attempt {}/{n})", r.range(1, n))
            }),
        ),
        8 => Frag::var(
            " (64 of 64 in use)",
            r" \(\d+ of \d+ in use\)",
            ex(rng, &mut |r| {
                let n = r.range(4, 512);
                format!(" ({n} of {n} in use)")
            }),
        ),
        9 => Frag::var(
            " at offset 4096",
            r" at (?:offset|position) \d+",
            ex(rng, &mut |r| {
                format!(
                    " at {} {}",
                    r.pick(&["offset", "position"]),
                    r.range(0, 1 << 30)
                )
            }),
        ),
        10 => Frag::var(
            " for user <user>",
            r" for (?:user|principal) \S+",
            ex(rng, &mut |r| {
                format!(
                    " for {} svc-{}",
                    r.pick(&["user", "principal"]),
                    r.pick(NAMES)
                )
            }),
        ),
        _ => Frag::var(
            " [shard=3]",
            r" \[shard=\d+\]",
            ex(rng, &mut |r| format!(" [shard={}]", r.range(0, 255))),
        ),
    }
}

/// Filler between a leading token (code, program, exception) and the subject.
/// `sep` is what the signature has there (`": "` after a code, `" "` after
/// `program:`).
fn lead_gap(rng: &mut Rng, component: &str, sep: &str) -> Frag {
    let shard = rng.range(0, 63);
    let tenant = resource_name(rng);
    let ex = if sep == " " {
        vec![
            " ".into(),
            format!(" [shard {shard}] "),
            format!(" {tenant}: "),
        ]
    } else {
        vec![
            sep.into(),
            format!(" [shard {shard}] "),
            format!(": {component}: "),
            format!(" (tenant {tenant}): "),
        ]
    };
    Frag::gap(sep.into(), ex)
}

/// Filler between the failure and what follows; starts with a non-word character.
fn tail_gap(rng: &mut Rng) -> Frag {
    let other = rng.pick(SHARED_NOUNS).0;
    let mut names = || format!("'{}'", resource_name(rng));
    let (n1, n2) = (names(), names());
    match rng.below(4) {
        0 => {
            let event = rng.pick(&[
                "rebalance",
                "rollover",
                "recovery",
                "compaction",
                "failover",
                "handoff",
            ]);
            Frag::gap(
                format!(" during {other} {event}"),
                vec![
                    format!(" during {other} {event}"),
                    format!(" during {other} {event} of {n1}"),
                ],
            )
        }
        1 => Frag::gap(
            " for '<name>'".into(),
            vec![format!(" for {n1}"), format!(" for {n2}")],
        ),
        2 => Frag::gap(
            String::new(),
            vec![String::new(), format!(" [req {}]", rng.range(1000, 99999))],
        ),
        _ => Frag::gap(
            " on node <node>".into(),
            vec![
                format!(" on node {}", host(rng)),
                format!(" on node {}", host(rng)),
            ],
        ),
    }
}

/// `while renewing lease`, `(?:while|when) loading quorum`.
fn context_frag(rng: &mut Rng) -> Frag {
    let i = rng.below(VERBS_ING.len());
    let other = rng.pick(SHARED_NOUNS).0;
    let text = format!(" while {} {other}", VERBS_ING[i]);
    if rng.chance(40) {
        Frag::var(
            text.clone(),
            format!(" (?:while|when) {} {}", VERBS_ING[i], escape(other)),
            vec![text, format!(" when {} {other}", VERBS_ING[i])],
        )
    } else {
        Frag::lit(&text)
    }
}

// ---------------------------------------------------------------------------
// Records

struct DeadEnd {
    action: String,
    why_fails: String,
    fail_rate: f64,
    sources: Vec<String>,
}

struct Workaround {
    action: String,
    how: String,
    success_rate: f64,
    sources: Vec<String>,
}

enum Edge {
    Plain(String),
    Weighted(String, f64),
}

#[derive(Default)]
struct Edges {
    leads_to: Vec<Edge>,
    preceded_by: Vec<Edge>,
    confused_with: Vec<Edge>,
}

struct Record {
    id: String,
    domain: &'static str,
    signature: String,
    signature_zh: String,
    regex: String,
    category: &'static str,
    subcategory: String,
    root_cause: String,
    root_cause_type: &'static str,
    root_cause_zh: String,
    version: String,
    dead_ends: Vec<DeadEnd>,
    workarounds: Vec<Workaround>,
    workarounds_zh: Vec<String>,
    edges: Edges,
    doc_url: String,
    error_code: Option<String>,
    confidence: f64,
    fix_success_rate: f64,
    tags: Vec<String>,
    examples: Vec<String>,
    component: &'static str,
}

/// What one record is about, chosen before any text is written.
struct Subject {
    domain: &'static Domain,
    component: &'static str,
    modifier: (&'static str, &'static str),
    noun: (&'static str, &'static str),
    failure: &'static Failure,
    code: Option<String>,
}

impl Subject {
    fn phrase(&self, with_modifier: bool) -> String {
        if with_modifier {
            format!("{} {}", self.modifier.0, self.noun.0)
        } else {
            self.noun.0.to_string()
        }
    }

    /// `StaleShardLeaseExpired`, unique per record.
    fn camel(&self) -> String {
        format!(
            "{}{}{}",
            camel(self.modifier.0),
            camel(self.noun.0),
            self.failure.camel
        )
    }

    /// `ERR_STALE_SHARD_LEASE_EXPIRED`, unique per record.
    fn constant(&self) -> String {
        let failure = kebab(&self.failure.camel.chars().fold(String::new(), |mut s, c| {
            if c.is_ascii_uppercase() && !s.is_empty() {
                s.push('-');
            }
            s.push(c);
            s
        }));
        format!(
            "ERR_{}_{}_{}",
            snake(self.modifier.0),
            snake(self.noun.0),
            snake(&failure)
        )
        .to_ascii_uppercase()
    }
}

/// Remembers what earlier records used, so that records stay distinct.
#[derive(Default)]
struct Taken {
    codes: HashSet<String>,
    triples: HashSet<(&'static str, &'static str, usize)>,
    ids: HashSet<String>,
}

/// All records, then a few edges between them.
fn generate_records(rng: &mut Rng, n: usize) -> Vec<Record> {
    let mut taken = Taken::default();
    let mut records: Vec<Record> = (0..n).map(|i| make_record(rng, &mut taken, i)).collect();
    add_edges(rng, &mut records);
    records
}

/// Picks what a record is about: domain, program, words and error code.
fn choose_subject(rng: &mut Rng, taken: &mut Taken) -> Subject {
    let d = rng.below(DOMAINS.len());
    let domain = &DOMAINS[d];
    // A fresh (modifier, noun, failure) combination keeps records apart;
    // after many tries (only with huge N) a repeat is accepted.
    let mut tries = 0;
    let (modifier, noun, f) = loop {
        let modifier = *rng.pick(MODIFIERS);
        let noun = if rng.chance(65) {
            *rng.pick(domain.nouns)
        } else {
            *rng.pick(SHARED_NOUNS)
        };
        let f = rng.below(FAILURES.len());
        tries += 1;
        let repeats =
            noun.0.split(' ').any(|w| FAILURES[f].text.contains(w)) || modifier.0 == noun.0;
        if !repeats && (taken.triples.insert((modifier.0, noun.0, f)) || tries > 50) {
            break (modifier, noun, f);
        }
    };
    let code = if rng.chance(87) {
        Some(new_code(rng, taken, domain))
    } else {
        None
    };
    Subject {
        domain,
        component: rng.pick::<&str>(domain.components),
        modifier,
        noun,
        failure: &FAILURES[f],
        code,
    }
}

/// An error code such as `DBE4821`, unique in the whole set.
fn new_code(rng: &mut Rng, taken: &mut Taken, domain: &Domain) -> String {
    loop {
        let code = format!(
            "{}{}",
            rng.pick(domain.code_prefixes),
            rng.range(1000, 9999)
        );
        if taken.codes.insert(code.clone()) {
            return code;
        }
    }
}

/// One complete record: subject, message, regex, examples and advice.
fn make_record(rng: &mut Rng, taken: &mut Taken, index: usize) -> Record {
    let s = choose_subject(rng, taken);
    let (frags, alt) = message(rng, &s);
    let main_re: String = frags.iter().map(|f| f.re.as_str()).collect();
    let regex = match &alt {
        Some((re, _)) => format!("{main_re}|{re}"),
        None => main_re,
    };
    let signature: String = frags.iter().map(|f| f.sig.as_str()).collect();
    let mut examples = vec![example(rng, &s, &frags), example(rng, &s, &frags)];
    if let Some((_, alt_example)) = alt {
        examples[1] = alt_example;
    }
    let id = new_id(rng, taken, &s, index);
    let failure = s.failure;
    let cause = &CAUSES[failure.cause];
    let noun_snake = snake(s.noun.0);
    let noun_kebab = kebab(s.noun.0);
    let token = s.code.clone().unwrap_or_else(|| s.camel());
    let fixed = format!(
        "{}.{}.{}",
        rng.range(1, 6),
        rng.range(0, 20),
        rng.range(1, 9)
    );
    let vars: [(&str, &str); 11] = [
        ("component", s.component),
        ("noun", s.noun.0),
        ("noun_zh", s.noun.1),
        ("noun_snake", &noun_snake),
        ("noun_kebab", &noun_kebab),
        ("modifier", s.modifier.0),
        ("modifier_zh", s.modifier.1),
        ("failure", failure.text),
        ("failure_zh", failure.zh),
        ("token", &token),
        ("fixed_version", &fixed),
    ];
    let (dead_ends, workarounds, workarounds_zh) = advice(rng, cause, &id, &vars);
    let slug = id.split_once('/').map_or("", |(_, slug)| slug).to_string();
    let signature_zh = match &s.code {
        Some(code) => format!(
            "{code}：{}{}{}{}",
            s.component, s.modifier.1, s.noun.1, failure.zh
        ),
        None => format!(
            "{}：{}{}{}",
            s.component, s.modifier.1, s.noun.1, failure.zh
        ),
    };
    Record {
        domain: s.domain.name,
        signature,
        signature_zh,
        regex,
        category: failure.category,
        subcategory: noun_snake.clone(),
        root_cause: fill(cause.root_cause, &vars),
        root_cause_type: cause.kind,
        root_cause_zh: fill(cause.root_cause_zh, &vars),
        version: format!("{} {}.{}", s.component, rng.range(1, 5), rng.range(0, 19)),
        dead_ends,
        workarounds,
        workarounds_zh,
        edges: Edges::default(),
        doc_url: format!("https://example.com/docs/{}/{slug}", s.domain.name),
        error_code: s.code.clone(),
        confidence: rng.rate(0.5, 0.9),
        fix_success_rate: rng.rate(0.5, 0.9),
        tags: vec![
            s.domain.name.trim_start_matches("syn-").to_string(),
            noun_kebab,
            kebab(failure.text),
            "synthetic".into(),
        ],
        examples,
        component: s.component,
        id,
    }
}

/// `syn-db/dbe4821-connection-pool-exhausted-5120`, unique in the whole set.
fn new_id(rng: &mut Rng, taken: &mut Taken, s: &Subject, index: usize) -> String {
    let head = match &s.code {
        Some(code) => code.to_ascii_lowercase(),
        None => kebab(s.modifier.0),
    };
    let mut suffix = rng.range(1000, 9999) as usize;
    loop {
        let id = format!(
            "{}/{head}-{}-{}-{suffix}",
            s.domain.name,
            kebab(s.noun.0),
            kebab(s.failure.text)
        );
        if taken.ids.insert(id.clone()) {
            return id;
        }
        suffix = 10_000 + index;
    }
}

/// The regex-bearing fragments of a record's message, and sometimes a second
/// top-level alternative with an example of its own.
fn message(rng: &mut Rng, s: &Subject) -> (Vec<Frag>, Option<(String, String)>) {
    // Most patterns join literal parts with `.*`; decide where.
    let gapped = rng.chance(73);
    let (lead_is_gap, tail_is_gap) = match (gapped, rng.below(3)) {
        (false, _) => (false, false),
        (true, 0) => (true, false),
        (true, 1) => (false, true),
        _ => (true, true),
    };
    for _ in 0..20 {
        let frags = message_once(rng, s, lead_is_gap, tail_is_gap);
        let re: String = frags.iter().map(|f| f.re.as_str()).collect();
        if longest_literal(&re) >= 6 {
            // A second alternative only when it adds a token the first lacks.
            let alt = if rng.chance(25) {
                alternative(rng, s, &re)
            } else {
                None
            };
            return (frags, alt);
        }
    }
    // Unlucky choices: fall back to a fully literal shape.
    let mut frags = vec![Frag::lit(&format!("{}: ", s.component))];
    frags.push(Frag::lit(&s.phrase(true)));
    frags.push(Frag::lit(" "));
    frags.push(Frag::lit(s.failure.text));
    if let Some(code) = &s.code {
        frags.push(Frag::lit(&format!(" [{code}]")));
    }
    (frags, None)
}

/// One attempt at a message in one of six shapes, with the chosen `.*` joins.
fn message_once(rng: &mut Rng, s: &Subject, lead_is_gap: bool, tail_is_gap: bool) -> Vec<Frag> {
    let mut f = Vec::new();
    let lead = |rng: &mut Rng, sep: &str| {
        if lead_is_gap {
            lead_gap(rng, s.component, sep)
        } else {
            Frag::lit(sep)
        }
    };
    // With no code in the message, the modifier keeps the subject unique.
    let with_modifier = s.code.is_none() || rng.chance(55);
    let subject = phrase_frag(rng, &s.phrase(with_modifier));
    let failure = failure_frag(rng, s.failure);
    match (rng.below(6), s.code.as_deref()) {
        // PGX4821: stale connection pool exhausted ... after 30000 ms
        (0, Some(code)) => {
            f.push(code_frag(rng, code));
            f.push(lead(rng, ": "));
            f.extend([subject, space_frag(rng), failure]);
        }
        // Rust-like: error[PGX4821]: cannot acquire lease: quorum lost
        (1, Some(code)) => {
            f.push(Frag::var(
                format!("error[{code}]:"),
                format!(r"error\[{code}\]:"),
                vec![format!("error[{code}]:")],
            ));
            f.push(lead(rng, " "));
            let verb = rng.pick(VERBS);
            f.push(if rng.chance(50) {
                Frag::alt(&[
                    &format!("cannot {verb} "),
                    &format!("could not {verb} "),
                    &format!("failed to {verb} "),
                ])
            } else {
                Frag::lit(&format!("cannot {verb} "))
            });
            f.extend([subject, Frag::lit(": "), failure]);
        }
        // logfmt: code=PGX4821 ... msg="stale lease expired"
        (2, Some(code)) => {
            f.push(Frag::var(
                format!("code={code}"),
                format!(r"code={code}\b"),
                vec![format!("code={code}")],
            ));
            f.push(if lead_is_gap {
                Frag::gap(
                    format!(" component={} ", s.component),
                    vec![
                        format!(" component={} shard={} ", s.component, rng.range(0, 63)),
                        " ".into(),
                    ],
                )
            } else {
                Frag::lit(" ")
            });
            f.extend([
                Frag::var("msg=\"", "msg=\"", vec!["msg=\"".into()]),
                subject,
                space_frag(rng),
                failure,
                Frag::lit("\""),
            ]);
        }
        // StaleShardLeaseExpiredException: stale shard lease expired ...
        (3, _) => {
            let name = s.camel();
            f.push(Frag::var(
                format!("{name}Exception"),
                format!("{name}(?:Exception|Error)"),
                vec![format!("{name}Exception"), format!("{name}Error")],
            ));
            f.push(lead(rng, ": "));
            f.extend([subject, space_frag(rng), failure]);
        }
        // ERR_STALE_SHARD_LEASE_EXPIRED: ...
        (4, _) => {
            let name = s.constant();
            f.push(Frag::var(
                name.clone(),
                format!(r"\b{name}\b"),
                vec![name.clone()],
            ));
            f.push(lead(rng, ": "));
            f.extend([subject, space_frag(rng), failure]);
        }
        // pgpool[3121]: stale connection pool exhausted ... (code PGX4821)
        _ => {
            f.push(component_frag(rng, s.component));
            f.push(lead(rng, " "));
            f.extend([subject, space_frag(rng), failure]);
        }
    }
    if rng.chance(35) {
        f.push(context_frag(rng));
    }
    if tail_is_gap {
        f.push(tail_gap(rng));
    }
    let code_present = f
        .iter()
        .any(|x| s.code.as_deref().is_some_and(|c| x.sig.contains(c)));
    match &s.code {
        Some(code) if !code_present => f.push(code_tail(rng, code, tail_is_gap)),
        _ if tail_is_gap || rng.chance(60) => f.push(detail_frag(rng, s.noun.0)),
        _ => {}
    }
    f
}

/// The code at the end of a message: ` (code PGX4821)`, ` [PGX4821]`, or after a `.*`.
fn code_tail(rng: &mut Rng, code: &str, after_gap: bool) -> Frag {
    if after_gap {
        return Frag::var(
            format!(" (code {code})"),
            format!(r"\b{code}\b"),
            vec![format!(" (code {code})"), format!(" code={code}")],
        );
    }
    match rng.below(2) {
        0 => Frag::var(
            format!(" (code {code})"),
            format!(r" \(code {code}\)"),
            vec![format!(" (code {code})")],
        ),
        _ => Frag::var(
            format!(" [{code}]"),
            format!(r" \[{code}\]"),
            vec![format!(" [{code}]")],
        ),
    }
}

/// A second top-level alternative (a token the main pattern lacks) and an
/// example that only it matches.
fn alternative(rng: &mut Rng, s: &Subject, main_re: &str) -> Option<(String, String)> {
    let pkg = rng.pick(PACKAGES);
    let domain = s.domain.name.trim_start_matches("syn-");
    let camel = s.camel();
    let constant = s.constant();
    let mut options = vec![
        (
            format!("{camel}(?:Exception|Error)"),
            format!(
                "Caused by: {pkg}.{domain}.{camel}Exception: {} {}",
                s.noun.0, s.failure.text
            ),
        ),
        (
            constant.clone(),
            format!(
                "{}: error {constant} returned by {}",
                s.component,
                host(rng)
            ),
        ),
    ];
    if let Some(code) = &s.code {
        let retries = rng.range(2, 9);
        options.push((
            code.clone(),
            format!(
                "{}: giving up after {retries} retries, last error {code}",
                s.component
            ),
        ));
    }
    let first = rng.below(options.len());
    options.rotate_left(first);
    options
        .into_iter()
        .find(|(token, _)| !main_re.contains(token.split('(').next().unwrap_or(token)))
        .map(|(token, example)| (with_boundaries(&token), example))
}

/// `\bTOKEN\b` for a word-like token.
fn with_boundaries(token: &str) -> String {
    format!(r"\b{token}\b")
}

/// One concrete error line: program prefix, the message, a trailing note.
fn example(rng: &mut Rng, s: &Subject, frags: &[Frag]) -> String {
    let prefix = match rng.below(6) {
        0 => String::new(),
        1 => "ERROR ".to_string(),
        2 => format!("[{}] ", s.component),
        3 => format!("{}: ", s.component),
        4 => "Error: ".to_string(),
        _ => format!(
            "E11{} {:02}:{:02}:{:02}.{:06} {}] ",
            rng.range(10, 30),
            rng.range(0, 23),
            rng.range(0, 59),
            rng.range(0, 59),
            rng.range(0, 999_999),
            rng.range(1, 60000)
        ),
    };
    let body: String = frags.iter().map(|f| rng.pick(&f.ex).clone()).collect();
    // `pgpool: pgpool: ...` would be odd; such messages name the program already.
    let prefix = if body.starts_with(s.component) && prefix.contains(s.component) {
        String::new()
    } else {
        prefix
    };
    let suffix = match rng.below(5) {
        0 => format!(" (retrying in {}s)", rng.range(1, 30)),
        1 => format!(" request_id={}", hex(rng, 16)),
        2 => format!("; see https://example.com/kb/{}", kebab(s.noun.0)),
        _ => String::new(),
    };
    format!("{prefix}{body}{suffix}")
}

/// Two dead ends and two workarounds (with translations) for a record.
fn advice(
    rng: &mut Rng,
    cause: &Cause,
    id: &str,
    vars: &[(&str, &str)],
) -> (Vec<DeadEnd>, Vec<Workaround>, Vec<String>) {
    let kb = format!("https://example.com/kb/{id}");
    let (action, why) = cause.dead_end;
    let (common_action, common_why) = *rng.pick(COMMON_DEAD_ENDS);
    let dead_ends = vec![
        DeadEnd {
            action: fill(action, vars),
            why_fails: fill(why, vars),
            fail_rate: rng.rate(0.7, 0.95),
            sources: vec![],
        },
        DeadEnd {
            action: fill(common_action, vars),
            why_fails: fill(common_why, vars),
            fail_rate: rng.rate(0.6, 0.9),
            sources: vec![format!("{kb}#dead-ends")],
        },
    ];
    let (action, how, zh) = cause.workaround;
    let (common_action, common_how, common_zh) = *rng.pick(COMMON_WORKAROUNDS);
    let workarounds = vec![
        Workaround {
            action: fill(action, vars),
            how: fill(how, vars),
            success_rate: rng.rate(0.7, 0.95),
            sources: vec![format!("{kb}#fix")],
        },
        Workaround {
            action: fill(common_action, vars),
            how: fill(common_how, vars),
            success_rate: rng.rate(0.4, 0.8),
            sources: vec![],
        },
    ];
    (
        dead_ends,
        workarounds,
        vec![fill(zh, vars), fill(common_zh, vars)],
    )
}

/// A few records point at others, as real records do.
fn add_edges(rng: &mut Rng, records: &mut [Record]) {
    if records.len() < 2 {
        return;
    }
    for i in 0..records.len() {
        if !rng.chance(12) {
            continue;
        }
        for _ in 0..rng.range(1, 2) {
            let mut j = rng.below(records.len());
            if j == i {
                j = (j + 1) % records.len();
            }
            let target = records[j].id.clone();
            let edges = &mut records[i].edges;
            match rng.below(3) {
                0 => edges
                    .leads_to
                    .push(Edge::Weighted(target, rng.rate(0.1, 0.6))),
                1 => edges.preceded_by.push(Edge::Plain(target)),
                _ => edges.confused_with.push(Edge::Plain(target)),
            }
        }
    }
}

/// The longest run of literal characters outside groups, for the weakest
/// top-level alternative (a prefilter needs a long literal in each).
fn longest_literal(re: &str) -> usize {
    let mut weakest = usize::MAX;
    let (mut best, mut run, mut depth) = (0, 0, 0usize);
    let chars: Vec<char> = re.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                i += 1;
                match chars.get(i) {
                    Some(e) if e.is_ascii_alphanumeric() => run = 0,
                    Some(_) if depth == 0 => run += 1,
                    _ => {}
                }
            }
            '(' => {
                depth += 1;
                run = 0;
            }
            ')' => {
                depth = depth.saturating_sub(1);
                run = 0;
            }
            '|' if depth == 0 => {
                weakest = weakest.min(best.max(run));
                best = 0;
                run = 0;
            }
            '[' => {
                run = 0;
                while i + 1 < chars.len() && chars[i + 1] != ']' {
                    i += if chars[i + 1] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            '?' | '*' | '+' | '{' => {
                // The quantified character is not a fixed literal.
                run = run.saturating_sub(1);
                best = best.max(run);
                run = 0;
                if c == '{' {
                    while i < chars.len() && chars[i] != '}' {
                        i += 1;
                    }
                }
            }
            '.' | '|' | '^' | '$' => run = 0,
            _ if depth == 0 => run += 1,
            _ => {}
        }
        best = best.max(run);
        i += 1;
    }
    weakest.min(best.max(run))
}

// ---------------------------------------------------------------------------
// JSON output

/// A JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON array of strings, one per line at the given indentation.
fn json_strings(items: &[String], indent: &str) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    let inner: Vec<String> = items
        .iter()
        .map(|s| format!("{indent}  {}", json_str(s)))
        .collect();
    format!("[\n{}\n{indent}]", inner.join(",\n"))
}

/// A transition-graph list: plain ids and `{error_id, probability}` objects.
fn json_edges(edges: &[Edge]) -> String {
    if edges.is_empty() {
        return "[]".into();
    }
    let inner: Vec<String> = edges
        .iter()
        .map(|e| match e {
            Edge::Plain(id) => format!("      {}", json_str(id)),
            Edge::Weighted(id, p) => format!(
                "      {{ \"error_id\": {}, \"probability\": {p:.2}, \"condition\": null }}",
                json_str(id)
            ),
        })
        .collect();
    format!("[\n{}\n    ]", inner.join(",\n"))
}

/// The record as a seed file, fields in the documented order.
fn record_json(r: &Record) -> String {
    let dead_ends: Vec<String> = r
        .dead_ends
        .iter()
        .map(|d| {
            format!(
                "    {{\n      \"action\": {},\n      \"why_fails\": {},\n      \"fail_rate\": {:.2},\n      \"condition\": \"\",\n      \"sources\": {}\n    }}",
                json_str(&d.action),
                json_str(&d.why_fails),
                d.fail_rate,
                json_strings(&d.sources, "      ")
            )
        })
        .collect();
    let workarounds: Vec<String> = r
        .workarounds
        .iter()
        .map(|w| {
            format!(
                "    {{\n      \"action\": {},\n      \"success_rate\": {:.2},\n      \"how\": {},\n      \"condition\": \"\",\n      \"sources\": {}\n    }}",
                json_str(&w.action),
                w.success_rate,
                json_str(&w.how),
                json_strings(&w.sources, "      ")
            )
        })
        .collect();
    let fields = [
        ("id", json_str(&r.id)),
        ("signature", json_str(&r.signature)),
        ("signature_zh", json_str(&r.signature_zh)),
        ("regex", json_str(&r.regex)),
        ("domain", json_str(r.domain)),
        ("category", json_str(r.category)),
        ("subcategory", json_str(&r.subcategory)),
        ("root_cause", json_str(&r.root_cause)),
        ("root_cause_type", json_str(r.root_cause_type)),
        ("root_cause_zh", json_str(&r.root_cause_zh)),
        (
            "versions",
            format!(
                "[\n    {{\n      \"version\": {},\n      \"introduced\": null,\n      \"deprecated\": null,\n      \"removed\": null,\n      \"behavior_change\": null,\n      \"status\": \"active\"\n    }}\n  ]",
                json_str(&r.version)
            ),
        ),
        ("os_specific", "{}".into()),
        ("dead_ends", format!("[\n{}\n  ]", dead_ends.join(",\n"))),
        ("workarounds", format!("[\n{}\n  ]", workarounds.join(",\n"))),
        ("workarounds_zh", json_strings(&r.workarounds_zh, "  ")),
        (
            "transition_graph",
            format!(
                "{{\n    \"leads_to\": {},\n    \"preceded_by\": {},\n    \"frequently_confused_with\": {}\n  }}",
                json_edges(&r.edges.leads_to),
                json_edges(&r.edges.preceded_by),
                json_edges(&r.edges.confused_with)
            ),
        ),
        ("official_doc_url", json_str(&r.doc_url)),
        ("official_doc_section", "null".into()),
        ("error_code", r.error_code.as_deref().map_or("null".into(), json_str)),
        ("verification_tier", json_str("ai_generated")),
        ("confidence", format!("{:.2}", r.confidence)),
        ("fix_success_rate", format!("{:.2}", r.fix_success_rate)),
        ("resolvable", json_str("true")),
        ("first_seen", json_str("2024-01-01")),
        ("last_confirmed", json_str("2026-11-25")),
        ("last_updated", json_str("2026-11-25")),
        ("evidence_count", "1".into()),
        ("tags", json_strings(&r.tags, "  ")),
        ("locale", json_str("en")),
        ("aliases", "[]".into()),
        ("examples", json_strings(&r.examples, "  ")),
    ];
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  \"{k}\": {v}"))
        .collect();
    format!("{{\n{}\n}}\n", body.join(",\n"))
}

/// Writes every record to `out/<domain>/<slug>.json`; `out` must be new or empty.
fn write_records(out: &Path, records: &[Record]) -> Result<(), String> {
    if let Ok(mut entries) = fs::read_dir(out) {
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; choose a new or empty folder (synth never overwrites files)",
                out.display()
            ));
        }
    }
    for domain in DOMAINS {
        let dir = out.join(domain.name);
        fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    for r in records {
        let path = out.join(format!("{}.json", r.id));
        fs::write(&path, record_json(r)).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    // Domains no record landed in (tiny N) would be empty folders; drop them.
    for domain in DOMAINS {
        let dir = out.join(domain.name);
        let empty = fs::read_dir(&dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if empty {
            fs::remove_dir(&dir).map_err(|e| format!("removing empty {}: {e}", dir.display()))?;
        }
    }
    Ok(())
}

/// Shape counts of the generated regexes, to compare with real datasets.
struct RegexStats {
    total: usize,
    dot_star: usize,
    alternation: usize,
    top_level_alt: usize,
    class: usize,
    boundary: usize,
    optional: usize,
    shortest_literal: usize,
}

impl RegexStats {
    fn of(records: &[Record]) -> RegexStats {
        let count = |f: &dyn Fn(&str) -> bool| records.iter().filter(|r| f(&r.regex)).count();
        RegexStats {
            total: records.len(),
            dot_star: count(&|re| re.contains(".*")),
            alternation: count(&|re| re.contains("(?:") && re.contains('|')),
            top_level_alt: count(&|re| top_level_branches(re) > 1),
            class: count(&|re| {
                re.contains(r"\d") || re.contains(r"\S") || re.contains("[^") || re.contains("[A-Z")
            }),
            boundary: count(&|re| re.contains(r"\b")),
            optional: count(&|re| re.contains(")?") || re.contains("s?")),
            shortest_literal: records
                .iter()
                .map(|r| longest_literal(&r.regex))
                .min()
                .unwrap_or(0),
        }
    }
}

/// The number of top-level alternatives of a regex.
fn top_level_branches(re: &str) -> usize {
    let (mut depth, mut branches, mut escaped, mut in_class) = (0usize, 1, false, false);
    for c in re.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            _ if in_class => {}
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => branches += 1,
            _ => {}
        }
    }
    branches
}

impl std::fmt::Display for RegexStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |n: usize| 100.0 * n as f64 / self.total.max(1) as f64;
        write!(
            f,
            "regexes: {:.0}% with .*, {:.0}% with (?:a|b), {:.0}% with top-level |, {:.0}% with a class, {:.0}% with \\b, {:.0}% with an optional part; every one has a literal of {}+ characters",
            pct(self.dot_star),
            pct(self.alternation),
            pct(self.top_level_alt),
            pct(self.class),
            pct(self.boundary),
            pct(self.optional),
            self.shortest_literal
        )
    }
}

// ---------------------------------------------------------------------------
// Log output

struct LogSummary {
    bytes: u64,
    lines: u64,
    error_lines: u64,
    long_lines: u64,
}

/// Milliseconds since 1970 of 2026-11-25T10:00:00Z.
const LOG_START_MS: i64 = (20_782 * 86_400 + 10 * 3600) * 1000;

/// Writes log lines until about `mb` megabytes (10^6 bytes) are written.
fn write_log(
    path: &Path,
    mb: f64,
    records: &[Record],
    rng: &mut Rng,
) -> Result<LogSummary, String> {
    let file = fs::File::create(path).map_err(|e| format!("creating {}: {e}", path.display()))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let target = (mb * 1e6) as u64;
    let mut summary = LogSummary {
        bytes: 0,
        lines: 0,
        error_lines: 0,
        long_lines: 0,
    };
    let mut now = LOG_START_MS;
    let mut line = String::with_capacity(8192);
    while summary.bytes < target {
        now += rng.range(0, 40) as i64;
        line.clear();
        line.push_str(&timestamp(now));
        if rng.below(100) == 0 {
            error_line(rng, records, &mut line);
            summary.error_lines += 1;
        } else {
            ordinary_line(rng, &mut line);
        }
        if line.len() > 2000 {
            summary.long_lines += 1;
        }
        line.push('\n');
        w.write_all(line.as_bytes())
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        summary.bytes += line.len() as u64;
        summary.lines += 1;
    }
    w.flush()
        .map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(summary)
}

/// Writes the regexes, one per line, to `<log>.patterns`.
fn write_patterns(log: &Path, records: &[Record]) -> Result<PathBuf, String> {
    let mut name = log.as_os_str().to_owned();
    name.push(".patterns");
    let path = PathBuf::from(name);
    let mut text = String::new();
    for r in records {
        text.push_str(&r.regex);
        text.push('\n');
    }
    fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    Ok(path)
}

/// `2026-11-25T10:00:00.123Z`.
fn timestamp(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// Days since 1970-01-01 to a calendar date (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A line carrying one record's example, mostly behind a log prefix.
fn error_line(rng: &mut Rng, records: &[Record], line: &mut String) {
    let r = &records[rng.below(records.len())];
    let example = rng.pick(&r.examples);
    let level = if rng.chance(85) { "ERROR" } else { "FATAL" };
    if rng.chance(80) {
        line.push_str(&format!(" {level} [{}] {example}", r.component));
    } else {
        line.push(' ');
        line.push_str(example);
    }
    if rng.chance(5) {
        line.push_str(" context=");
        push_payload(rng, line, 2000);
    }
}

/// A program name from a random domain.
fn any_component(rng: &mut Rng) -> &'static str {
    let domain = rng_domain(rng);
    rng.pick::<&str>(domain.components)
}

/// A domain picked at random.
fn rng_domain(rng: &mut Rng) -> &'static Domain {
    &DOMAINS[rng.below(DOMAINS.len())]
}

/// A noun from the shared list or from a random domain.
fn any_noun(rng: &mut Rng) -> &'static str {
    if rng.chance(50) {
        rng.pick(SHARED_NOUNS).0
    } else {
        let domain = rng_domain(rng);
        rng.pick(domain.nouns).0
    }
}

/// An everyday line: same words as the patterns, but no failure.
fn ordinary_line(rng: &mut Rng, line: &mut String) {
    use std::fmt::Write as _;
    let level = match rng.below(100) {
        0..=59 => "INFO ",
        60..=84 => "DEBUG",
        85..=92 => "WARN ",
        93..=97 => "TRACE",
        _ => "ERROR",
    };
    let component = any_component(rng);
    let noun = any_noun(rng);
    let modifier = rng.pick(MODIFIERS).0;
    let ms = rng.range(0, 900);
    let text = match (level, rng.below(10)) {
        ("ERROR", _) => format!(
            "request {} failed with status {} after {ms}ms",
            rng.range(1000, 99999),
            rng.pick(&[500, 502, 503, 504])
        ),
        ("WARN ", 0..=4) => format!(
            "slow {modifier} {noun}: {}ms exceeds target {}ms",
            ms + 1000,
            rng.pick(&[250, 500, 1000])
        ),
        ("WARN ", _) => format!(
            "retrying {noun} {} for '{}' (attempt {}/5)",
            rng.pick(VERBS),
            resource_name(rng),
            rng.range(1, 4)
        ),
        ("DEBUG", 0..=1) if rng.chance(8) => {
            long_debug_line(rng, line, component);
            return;
        }
        (_, 0..=2) => format!("request {} served in {ms}ms", rng.range(1000, 99999)),
        (_, 3) => format!(
            "{} {modifier} {noun} in {ms}ms (id={})",
            rng.pick(NEUTRAL_VERBS),
            hex(rng, 8)
        ),
        (_, 4) => format!(
            "{noun} stats: active={} idle={} waiting={} max={}",
            rng.range(0, 64),
            rng.range(0, 64),
            rng.range(0, 4),
            rng.pick(&[64, 128, 256])
        ),
        (_, 5) => format!(
            "{} /api/v{}/{}/{} {} {ms}ms bytes={}",
            rng.pick(&["GET", "GET", "POST", "PUT", "DELETE"]),
            rng.range(1, 3),
            kebab(noun),
            rng.range(1, 99999),
            rng.pick(&[200, 200, 201, 204, 304]),
            rng.range(0, 65536)
        ),
        (_, 6) => format!(
            "{} {noun} '{}' (generation {}, epoch {})",
            rng.pick(NEUTRAL_VERBS),
            resource_name(rng),
            rng.range(1, 900),
            rng.range(1, 40)
        ),
        (_, 7) => format!(
            "heartbeat from {}:{} rtt={}ms",
            host(rng),
            rng.range(1024, 65535),
            rng.range(0, 80)
        ),
        (_, 8) => format!(
            "config reloaded from /etc/syn/{component}.yaml ({} keys, {modifier} {noun} unchanged)",
            rng.range(5, 300)
        ),
        _ => format!(
            "{} {} {noun} for {} in {ms}ms",
            rng.pick(VERBS_ING),
            modifier,
            resource_name(rng)
        ),
    };
    let worker = if rng.chance(50) {
        format!("worker-{}", rng.range(0, 15))
    } else {
        component.to_string()
    };
    let _ = write!(line, " {level} [{worker}] {text}");
}

/// A DEBUG line of a few KB: a payload dump or a flattened stack trace.
fn long_debug_line(rng: &mut Rng, line: &mut String, component: &str) {
    use std::fmt::Write as _;
    let size = rng.range(1500, 6000) as usize;
    let _ = write!(line, " DEBUG [{component}] ");
    if rng.chance(50) {
        line.push_str("payload=");
        push_payload(rng, line, size);
    } else {
        line.push_str("trace:");
        let start = line.len();
        while line.len() - start < size {
            let class = format!("{}{}", camel(rng.pick(MODIFIERS).0), camel(any_noun(rng)));
            let _ = write!(
                line,
                " at {}.{}.{class}.{}({class}.java:{})",
                rng.pick(PACKAGES),
                kebab(rng_domain(rng).name).replace('-', "."),
                rng.pick(VERBS),
                rng.range(20, 2000)
            );
        }
    }
}

/// JSON-like key/value payload of about `size` bytes.
fn push_payload(rng: &mut Rng, line: &mut String, size: usize) {
    use std::fmt::Write as _;
    let start = line.len();
    line.push_str("{\"items\":[");
    let mut first = true;
    while line.len() - start < size {
        if !first {
            line.push(',');
        }
        first = false;
        let _ = write!(
            line,
            "{{\"id\":{},\"{}\":\"{}\",\"{}\":{},\"hash\":\"{}\"}}",
            rng.range(1, 1 << 20),
            snake(any_noun(rng)),
            resource_name(rng),
            snake(rng.pick(MODIFIERS).0),
            rng.range(0, 10_000),
            hex(rng, 16)
        );
    }
    line.push_str("]}");
}
