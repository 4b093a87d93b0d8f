//! Compares the scorer's bounded one-edit test (`within_one_edit`) with the
//! standard metric it stands for, strsim's optimal string alignment distance
//! (Damerau-Levenshtein with neighbours swapped), on pairs of real list
//! words: a listed word against itself with one slip, and against other
//! listed words. Prints whether the two agree on every pair and the median
//! time per comparison of each (issue 14 asks for strsim where the scorer
//! needs a standard similarity, and a hand-written check only where a
//! benchmark shows it faster).
//! Run: `SANCTIONS_LISTS_DIR=../shared/lists cargo bench --bench edits`

use std::hint::black_box;
use std::time::Instant;

use sanctions_screen::normalize::{for_each_slip, within_one_edit};
use sanctions_screen::snapshot;

fn main() {
    let (tokens, _) = snapshot::embedded_tokens().expect("embedded token table");
    let words: Vec<&str> = (0..tokens.term_count() as u32)
        .map(|t| tokens.term(t))
        .filter(|w| w.is_ascii() && w.len() >= 3)
        .collect();
    // Per word: its first slip (a letter dropped), and the word 7,919 places on.
    let mut pairs: Vec<(String, &str)> = Vec::with_capacity(words.len() * 2);
    for (i, &word) in words.iter().enumerate() {
        let mut slip = None;
        for_each_slip(word, |s| {
            slip.get_or_insert_with(|| s.to_string());
        });
        pairs.extend(slip.map(|s| (s, word)));
        pairs.push((words[(i + 7_919) % words.len()].to_string(), word));
    }
    let disagree = pairs
        .iter()
        .filter(|(a, b)| within_one_edit(a, b) != (strsim::osa_distance(a, b) <= 1))
        .count();
    println!(
        "{} pairs of listed words; the two tests disagree on {disagree}",
        pairs.len()
    );
    let per_pair = |test: &dyn Fn(&str, &str) -> bool| -> f64 {
        let mut runs: Vec<f64> = (0..7)
            .map(|_| {
                let start = Instant::now();
                for (a, b) in &pairs {
                    black_box(test(black_box(a), black_box(b)));
                }
                start.elapsed().as_secs_f64() * 1e9 / pairs.len() as f64
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        runs[runs.len() / 2]
    };
    let bounded = per_pair(&|a, b| within_one_edit(a, b));
    let metric = per_pair(&|a, b| strsim::osa_distance(a, b) <= 1);
    println!("within_one_edit:              {bounded:.1} ns a pair (median of 7 runs)");
    println!("strsim::osa_distance <= 1:    {metric:.1} ns a pair (median of 7 runs)");
    println!("the bounded test is {:.1}x faster", metric / bounded);
}
