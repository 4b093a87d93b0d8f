//! Prints load time, screen latency (p50, p99) and peak memory.
//! Run: `SANCTIONS_LISTS_DIR=../shared/lists cargo bench --bench screen`
//!
//! Queries are varied: listed names as written, with words reordered, joined,
//! with a typo, and ordinary applicant names that should not match.

use std::time::Instant;

use sanctions_screen::{snapshot, Options, Query, Screener};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn median_of<F: FnMut() -> f64>(runs: usize, mut f: F) -> f64 {
    let mut v: Vec<f64> = (0..runs).map(|_| f()).collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let decode_ms = median_of(9, || {
        let t = Instant::now();
        let s = snapshot::embedded().unwrap();
        std::hint::black_box(&s);
        t.elapsed().as_secs_f64() * 1e3
    });
    let load_ms = median_of(5, || {
        let t = Instant::now();
        let s = Screener::new(snapshot::embedded().unwrap());
        std::hint::black_box(&s);
        t.elapsed().as_secs_f64() * 1e3
    });
    let screener = Screener::new(snapshot::embedded().unwrap());
    let snap = screener.snapshot();

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
    for (i, e) in snap
        .entities
        .iter()
        .enumerate()
        .step_by(snap.entities.len() / 900)
    {
        let words: Vec<&str> = e.name.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let variant = match i % 4 {
            0 => e.name.clone(),
            1 => words.iter().rev().cloned().collect::<Vec<_>>().join(" "),
            2 if words.len() > 1 => format!(
                "{}{} {}",
                words[0],
                words[1].to_lowercase(),
                words[2..].join(" ")
            ),
            _ => {
                let mut w = e.name.clone();
                if w.len() > 4 {
                    w.remove(w.len() / 2);
                }
                w
            }
        };
        let q = if matches!(e.kind, sanctions_lists::Kind::Person) {
            Query {
                name: Some(variant),
                ..Query::default()
            }
        } else {
            Query {
                company: Some(variant),
                ..Query::default()
            }
        };
        queries.push(q);
    }
    for (i, n) in ordinary.iter().cycle().take(200).enumerate() {
        queries.push(Query {
            name: Some(n.to_string()),
            company: (i % 3 == 0).then(|| "Acme Software LLC".into()),
            ..Query::default()
        });
    }
    let options = Options::default();
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
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: n/a")
        .to_string();
    println!(
        "snapshot: {} bytes embedded, {} entities, {} names indexed",
        snapshot::EMBEDDED.len(),
        snap.entities.len(),
        screener.index().names.len()
    );
    println!("snapshot decode (median of 9): {decode_ms:.1} ms");
    println!("load = decode + index build (median of 5): {load_ms:.1} ms");
    println!(
        "screen latency over {} queries: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
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
