//! The weight each name collects while the index looks up a query's words
//! ([`NameIndex::candidates`](super::NameIndex::candidates)): a slot per
//! listed name, kept per thread from one query to the next and told apart
//! by a stamp, so that crediting a name is an array write, not a hash-map
//! insert, and nothing is cleared between queries. A common word credits
//! thousands of names; as a map, that was about a tenth of a query in
//! WebAssembly.

use std::cell::RefCell;

use super::NameId;

#[derive(Clone, Copy)]
struct Slot {
    /// The query this slot was last credited in; another stamp means empty.
    stamp: u32,
    weight: f32,
    /// The last lookup that credited it: a lookup counts once per name.
    marker: u32,
}

const EMPTY: Slot = Slot {
    stamp: 0,
    weight: 0.0,
    marker: u32::MAX,
};

pub(super) struct Credits {
    stamp: u32,
    slots: Vec<Slot>,
    /// The names credited in this query, in the order first credited.
    touched: Vec<NameId>,
}

thread_local! {
    static CREDITS: RefCell<Credits> = const {
        RefCell::new(Credits {
            stamp: 0,
            slots: Vec::new(),
            touched: Vec::new(),
        })
    };
}

impl Credits {
    /// Runs `f` with this thread's credits, empty, for an index of `names` names.
    pub(super) fn with<R>(names: usize, f: impl FnOnce(&mut Credits) -> R) -> R {
        CREDITS.with_borrow_mut(|credits| {
            credits.stamp = credits.stamp.wrapping_add(1);
            if credits.stamp == 0 || credits.slots.len() != names {
                // A new index, or the stamps went round: start afresh.
                credits.slots.clear();
                credits.slots.resize(names, EMPTY);
                credits.stamp = 1;
            }
            credits.touched.clear();
            f(credits)
        })
    }

    /// Adds `weight` to `name`, once per lookup (`marker`).
    pub(super) fn credit(&mut self, name: NameId, weight: f32, marker: usize) {
        let slot = &mut self.slots[name as usize];
        if slot.stamp != self.stamp {
            *slot = Slot {
                stamp: self.stamp,
                ..EMPTY
            };
            self.touched.push(name);
        }
        let marker = marker as u32;
        if slot.marker != marker {
            slot.weight += weight;
            slot.marker = marker;
        }
    }

    /// Each credited name and its weight.
    pub(super) fn iter(&self) -> impl Iterator<Item = (NameId, f32)> + '_ {
        self.touched
            .iter()
            .map(|&n| (n, self.slots[n as usize].weight))
    }
}
