//! The scorer's allocation contract, tested with a counting allocator:
//! once its buffers have grown, scoring a candidate allocates nothing.
//! The count is per thread, so other tests running beside these do not
//! disturb it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use super::*;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: a thread being torn down has no counter left.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations_in(f: impl FnOnce()) -> u64 {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_counts() {
    // A contract test with a broken counter would always pass.
    let n = allocations_in(|| {
        std::hint::black_box(vec![1u8; 10]);
    });
    assert_eq!(n, 1);
}

/// Every candidate of each query scored twice with the same buffers: the
/// second pass allocates nothing, whatever the candidates (people and
/// companies, joined words, typos, a weak alias, a script reading). The
/// first grows the buffers and works out the listed words' facts, once
/// for good.
#[test]
fn scoring_a_candidate_allocates_nothing() {
    let screener = Screener::embedded().expect("embedded lists load");
    let options = Options::default();
    let queries = [
        Query {
            name: Some("Kim Jong Un".into()),
            company: Some("Yanbian Silverstar Network Technology".into()),
            ..Query::default()
        },
        Query {
            name: Some("Mohammed Ali Hassan".into()),
            company: Some("Korea Kwangson Banking Corp".into()),
            ..Query::default()
        },
        Query {
            name: Some("Songhwa Jong".into()),
            company: Some("Chinyong Informaton Technology Co., Ltd.".into()),
            ..Query::default()
        },
        Query {
            name: Some("Ким Чен Ын".into()),
            ..Query::default()
        },
    ];
    let mut scored_candidates = 0;
    for query in &queries {
        let validated = screener.validate(query, &options).expect("valid query");
        for field in &validated.fields {
            for at in 0..=field.readings.len() {
                let (tokenized, _) = field.reading(at);
                let names = screener.index.candidates(
                    &tokenized.tokens,
                    field.organization,
                    &field.kinds,
                    CANDIDATES,
                );
                let query_owned = owned_tokens(&screener.index, tokenized, field.organization);
                let query_view = view(&query_owned);
                let query_pairs = QueryPairs::of(&query_view);
                let mut scratch = Scratch::default();
                let mut listed = ListedBuffers::default();
                let mut pass = |scores: &mut Vec<Option<f32>>| {
                    for &name_id in &names {
                        let scored = screener.score_candidate(
                            (&query_view, &query_pairs, tokenized),
                            name_id,
                            field.organization,
                            &mut listed,
                            &mut scratch,
                        );
                        scores.push(scored.map(|s| s.score));
                    }
                };
                let mut first = Vec::with_capacity(names.len());
                pass(&mut first);
                let mut second = Vec::with_capacity(names.len());
                let allocations = allocations_in(|| pass(&mut second));
                assert_eq!(
                    allocations,
                    0,
                    "{} candidates of {:?} allocated",
                    names.len(),
                    field.text
                );
                assert_eq!(first, second, "{:?}", field.text);
                scored_candidates += second.iter().flatten().count();
            }
        }
    }
    // The test means something only if many candidates were scored.
    assert!(
        scored_candidates > 500,
        "{scored_candidates} candidates scored"
    );
}
