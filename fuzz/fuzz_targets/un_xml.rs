//! The UN consolidated XML parser on any bytes: it parses or returns an
//! error naming the file; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_lists::un::parse_un_xml;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = parse_un_xml("consolidated.xml", data, 2) {
        let message = e.to_string();
        assert!(message.contains("consolidated.xml"), "{message}");
    }
});
