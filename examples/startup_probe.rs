use std::time::Instant;
fn main() {
    for _ in 0..3 {
        let t = Instant::now();
        let (snapshot, _details) = sanctions_screen::snapshot::embedded_deferred().unwrap();
        let a = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let tokens = sanctions_screen::snapshot::embedded_tokens().unwrap();
        let b = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let index = sanctions_screen::index::NameIndex::from_tokens(&snapshot, tokens).unwrap();
        let c = t.elapsed().as_secs_f64() * 1e3;
        drop(index);
        let t = Instant::now();
        let s = sanctions_screen::matching::Screener::embedded().unwrap();
        let d = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let q = sanctions_screen::matching::Query {
            name: Some("Kim Jong Un".into()),
            ..Default::default()
        };
        let _ = s.screen(&q, &Default::default());
        let e = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let q = sanctions_screen::matching::Query {
            company: Some("Yanbian Silverstar".into()),
            ..Default::default()
        };
        let _ = s.screen(&q, &Default::default());
        let f = t.elapsed().as_secs_f64() * 1e3;
        println!("decode head {a:.1} tokens {b:.1} index {c:.1} | embedded {d:.1} first query {e:.1} second {f:.1}");
    }
}
