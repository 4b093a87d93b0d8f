//! The OFAC legacy CSV parser on any bytes: a set of four files (primary,
//! aliases, addresses, comments) cut from the input at its first three 0x1E
//! bytes. It parses or returns an error naming a file; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_lists::ofac::{parse_ofac_set, FileData, OfacSet};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |&b| b == 0x1E);
    let mut next = |name| FileData {
        name,
        bytes: parts.next().unwrap_or_default(),
    };
    let set = OfacSet {
        primary: next("sdn.csv"),
        aliases: next("alt.csv"),
        addresses: next("add.csv"),
        comments: next("sdn_comments.csv"),
    };
    if let Err(e) = parse_ofac_set(0, &set) {
        let message = e.to_string();
        assert!(message.contains(".csv"), "{message}");
    }
});
