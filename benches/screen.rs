//! Prints load time, screen latency (p50, p99), heap allocations per query
//! and the live heap after start-up (a counting allocator), and peak memory.
//! Run: `SANCTIONS_LISTS_DIR=../shared/lists cargo bench --bench screen`
//!
//! Queries are varied: listed names as written, with words reordered, joined,
//! with a typo, and ordinary applicant names that should not match.
//!
//! Timings on a shared machine are noisy; instruction counts are not. With
//! `SCREEN_BENCH_ONCE=load` the bench only loads the screener once, and with
//! `SCREEN_BENCH_ONCE=all` it also screens every query once (`=twice`:
//! twice; less `all`, the steady state)
//! (`SCREEN_BENCH_ONCE=first`: one company name, as the package's
//! import-to-first-result figure does; `=identifier`: that, then a passport
//! number, whose first screening indexes every listed identifier), printing
//! nothing: run them under
//! `valgrind --tool=callgrind` and compare totals.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use sanctions_screen::{snapshot, Options, Query, Screener};

#[path = "../tests/common/variants.rs"]
mod variants;

/// The system allocator, counting allocations (issue 14 asks for none per
/// candidate on the hot path) and the bytes live (its memory target).
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static LIVE_BYTES: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        LIVE_BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        LIVE_BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        LIVE_BYTES.fetch_sub(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn live_mb() -> f64 {
    LIVE_BYTES.load(Ordering::Relaxed) as f64 / 1e6
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn median_of<F: FnMut() -> f64>(runs: usize, mut f: F) -> f64 {
    let mut v: Vec<f64> = (0..runs).map(|_| f()).collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    if let Ok(mode) = std::env::var("SCREEN_BENCH_ONCE") {
        let screener = Screener::embedded().unwrap();
        let options = Options::default();
        // `twice`, less `all`, is what a pass costs once every table a
        // first use builds is built: the steady state.
        let passes = match mode.as_str() {
            "all" => 1,
            "twice" => 2,
            _ => 0,
        };
        // Made once, so that `twice` less `all` is one pass alone.
        let queries = if passes > 0 {
            queries(&screener)
        } else {
            Vec::new()
        };
        for _ in 0..passes {
            for q in &queries {
                std::hint::black_box(screener.screen(q, &options).unwrap());
            }
        }
        if mode == "first" || mode == "identifier" {
            // What the package's cold-start figure times after loading.
            let company = Query {
                company: Some("Yanbian Silverstar".into()),
                ..Query::default()
            };
            std::hint::black_box(screener.screen(&company, &options).unwrap());
        }
        if mode == "identifier" {
            // The first identifier screened indexes every listed one.
            let passport = Query {
                id_number: vec!["563 220 082".into()],
                ..Query::default()
            };
            std::hint::black_box(screener.screen(&passport, &options).unwrap());
        }
        return;
    }
    let decode_ms = median_of(9, || {
        let t = Instant::now();
        let s = snapshot::embedded_entries().unwrap();
        std::hint::black_box(&s);
        t.elapsed().as_secs_f64() * 1e3
    });
    let load_ms = median_of(5, || {
        let t = Instant::now();
        let s = Screener::embedded().unwrap();
        std::hint::black_box(&s);
        t.elapsed().as_secs_f64() * 1e3
    });
    let before_load = live_mb();
    let screener = Screener::embedded().unwrap();
    let after_load = live_mb() - before_load;
    let queries = queries(&screener);
    let options = Options::default();
    let before_first = live_mb();
    let _ = screener.screen(&queries[0], &options);
    let after_first = after_load + live_mb() - before_first;
    for q in queries.iter().take(50) {
        let _ = screener.screen(q, &options);
    }
    let mut times: Vec<f64> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            let r = screener.screen(q, &options).unwrap();
            std::hint::black_box(&r);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let mut allocations: Vec<f64> = queries
        .iter()
        .map(|q| {
            let before = ALLOCATIONS.load(Ordering::Relaxed);
            let r = screener.screen(q, &options).unwrap();
            std::hint::black_box(&r);
            (ALLOCATIONS.load(Ordering::Relaxed) - before) as f64
        })
        .collect();
    allocations.sort_by(f64::total_cmp);
    print_results(&screener, decode_ms, load_ms, &times);
    println!(
        "live heap the screener holds: after load {after_load:.1} MB, after its first query {after_first:.1} MB (the embedded bytes not counted)"
    );
    println!(
        "heap allocations per query (result included): p50 {}, p99 {}, max {}",
        percentile(&allocations, 0.5),
        percentile(&allocations, 0.99),
        allocations[allocations.len() - 1]
    );
}

/// Listed names and their variants, then ordinary applicants.
fn queries(screener: &Screener) -> Vec<Query> {
    let mut queries: Vec<Query> = Vec::new();
    let ordinary = [
        "John Smith",
        "Grace Park",
        "Daniel Lee",
        "Kim Min-jun",
        "Maria Garcia",
        "Ahmed Hassan",
        "Wei Zhang",
        "Olga Ivanova",
        "Priya Sharma",
        "Jose Martinez",
        "Emily Chen",
        "Park Ji-hoon",
        "Lee Seo-yeon",
    ];
    queries.extend(variants::entity_queries(
        screener,
        screener.entries().len() / 900,
    ));
    for (i, n) in ordinary.iter().cycle().take(200).enumerate() {
        queries.push(Query {
            name: Some(n.to_string()),
            company: (i % 3 == 0).then(|| "Acme Software LLC".into()),
            ..Query::default()
        });
    }
    queries
}

fn print_results(screener: &Screener, decode_ms: f64, load_ms: f64, times: &[f64]) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: n/a")
        .to_string();
    println!(
        "snapshot: {} bytes embedded, {} entities, {} names indexed",
        snapshot::EMBEDDED.len(),
        screener.entries().len(),
        screener.index().names.len()
    );
    print_sizes();
    println!("snapshot read, entries left in place (median of 9): {decode_ms:.1} ms");
    println!(
        "load = decode + index from the build-time token table (median of 5): {load_ms:.1} ms"
    );
    println!(
        "screen latency over {} queries: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        percentile(times, 0.5),
        percentile(times, 0.99),
        times[times.len() - 1]
    );
    println!(
        "peak memory: {}",
        peak.split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    );
}

/// Brotli as `pkg/bench/screen.mjs` measures the page: quality 11, a 16 MB
/// window.
fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 1 << 16, 11, 24);
        std::io::Write::write_all(&mut writer, bytes).expect("writes to memory");
    }
    out.len()
}

/// What the embedded lists cost in the page, field by field: each field is
/// compressed on its own, so the parts add up to a little more than the
/// whole.
fn print_sizes() {
    let fields = sanctions_lists::snapshot::fields(snapshot::EMBEDDED).unwrap();
    let mut sized: Vec<_> = fields.iter().map(|f| (f, brotli_len(&f.bytes))).collect();
    sized.sort_by_key(|&(_, brotli)| std::cmp::Reverse(brotli));
    println!(
        "embedded, brotli: the snapshot {:.0} KB, the token table {:.0} KB; the snapshot by field, each alone (raw KB, brotli KB; deferred: read when a match is shown, the identifiers also when one is first screened):",
        brotli_len(snapshot::EMBEDDED) as f64 / 1e3,
        brotli_len(snapshot::EMBEDDED_TOKENS) as f64 / 1e3
    );
    let (mut deferred, mut at_start) = (0, 0);
    for (f, brotli) in &sized {
        let part = if f.deferred {
            deferred += brotli;
            "deferred"
        } else {
            at_start += brotli;
            "read at start"
        };
        if *brotli >= 1000 {
            println!(
                "  {:<18} {:>6.0} {:>6.0}  {part}",
                f.name,
                f.bytes.len() as f64 / 1e3,
                *brotli as f64 / 1e3
            );
        }
    }
    println!(
        "  (fields under 1 KB brotli not shown) deferred {:.0} KB, read at start {:.0} KB",
        deferred as f64 / 1e3,
        at_start as f64 / 1e3
    );
}
