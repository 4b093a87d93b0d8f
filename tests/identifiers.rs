//! Screening by identifier on real list entries: KIM, Sang Man's wallet
//! addresses (OFAC SDN 43377) in every form a payroll clerk may paste them,
//! his passport with spaces, a listed phone number in two notations; an
//! unlisted but valid address and a malformed one. Identifiers match exactly
//! or not at all.

use std::sync::OnceLock;

use sanctions_screen::matching::{Level, QueryField};
use sanctions_screen::{Options, Query, Screener, Screening};
use sha3::{Digest, Keccak256};

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::embedded().expect("embedded lists load"))
}

fn screen(query: Query) -> Screening {
    screener()
        .screen(&query, &Options::default())
        .unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

fn wallet(address: &str) -> Screening {
    screen(Query {
        wallet: vec![address.into()],
        ..Query::default()
    })
}

/// The EIP-55 checksum casing of a lower-case hex address (written here
/// from the standard, to test the core's reading of it).
fn eip55(address: &str) -> String {
    let hex = address.trim_start_matches("0x");
    let hash = Keccak256::digest(hex.as_bytes());
    let cased: String = hex
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0xf;
            if nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    format!("0x{cased}")
}

const KIM_SANG_MAN: &str = "43377";
const ETH: &str = "0x97b1043abd9e6fc31681635166d430a458d14f9c";
const XBT: &str = "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ";

#[test]
fn a_listed_wallet_is_found_in_every_form_it_is_written() {
    let checksummed = eip55(ETH);
    assert_ne!(
        checksummed, ETH,
        "the checksum casing has upper-case letters"
    );
    for typed in [
        ETH.to_string(),
        ETH.to_uppercase().replacen("0X", "0x", 1),
        checksummed.clone(),
        format!("ethereum:{checksummed}@1?value=1e18"),
        format!("  \"{ETH}\" "),
        XBT.to_string(),
        format!("bitcoin:{XBT}?amount=0.5&label=salary"),
    ] {
        let result = wallet(&typed);
        let hit = result
            .matches
            .iter()
            .find(|m| m.source_id == KIM_SANG_MAN)
            .unwrap_or_else(|| panic!("{typed}: no hit"));
        assert_eq!(hit.field, QueryField::Wallet);
        assert_eq!(hit.level, Level::Strong);
        assert_eq!(hit.name, "KIM, Sang Man");
        let listed = hit.matched_identifier.as_ref().unwrap();
        assert!(
            listed
                .listed
                .kind
                .starts_with("Digital Currency Address - "),
            "{listed:?}"
        );
        assert!(
            hit.explanation[0].contains("is listed for this entry"),
            "{:?}",
            hit.explanation
        );
        assert!(result.warnings.is_empty(), "{typed}: {:?}", result.warnings);
    }
    // The same ETH address is listed as USDT and USDC too: one hit per entry and listing.
    let hits = wallet("0xb6f5ec1a0a9cd1526536d3f0426c429529471f40").matches;
    let kinds: Vec<&str> = hits
        .iter()
        .map(|m| m.matched_identifier.as_ref().unwrap().listed.kind.as_str())
        .collect();
    assert!(
        kinds.contains(&"Digital Currency Address - USDT"),
        "{kinds:?}"
    );
}

#[test]
fn base58_addresses_are_exact_and_a_near_miss_is_no_hit() {
    // Base58 is case-sensitive: another case is another address (and fails its checksum).
    let lower = wallet(&XBT.to_lowercase());
    assert!(lower.matches.is_empty());
    assert!(
        lower.warnings[0].contains("does not look like a valid Bitcoin address"),
        "{:?}",
        lower.warnings
    );
    // One character off: no fuzzy wallet matching.
    let near = format!("{}K", &ETH[..ETH.len() - 1]);
    assert!(wallet(&near).matches.is_empty());
}

#[test]
fn a_valid_unlisted_address_is_clear_and_a_malformed_one_warns() {
    // The EIP-55 specification's example address: valid, and on no list.
    let valid = wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    assert!(valid.matches.is_empty() && valid.warnings.is_empty());
    // A checksum casing with one letter flipped: warned, still screened.
    let mut flipped = eip55(ETH);
    let at = flipped.rfind(|c: char| c.is_ascii_uppercase()).unwrap();
    flipped.replace_range(at..=at, &flipped[at..=at].to_lowercase());
    let result = wallet(&flipped);
    assert!(result.warnings[0].contains("does not look like a valid ETH address"));
    assert_eq!(
        result.matches[0].source_id, KIM_SANG_MAN,
        "screened as typed, case set aside"
    );
    // Not an address at all: a warning, no hit, no error.
    let malformed = wallet("0xNOT-A-WALLET");
    assert!(malformed.matches.is_empty());
    assert!(malformed.warnings[0].contains("does not look like a wallet address"));
}

#[test]
fn document_and_phone_numbers_are_compared_by_their_rules() {
    for typed in ["563 220 082", "563-220-082", "563.220.082"] {
        let result = screen(Query {
            id_number: vec![typed.into()],
            ..Query::default()
        });
        let hit = &result.matches[0];
        assert_eq!(
            (&*hit.source_id, hit.field),
            (KIM_SANG_MAN, QueryField::IdNumber),
            "{typed}"
        );
        assert_eq!(
            hit.matched_identifier.as_ref().unwrap().listed.kind,
            "Passport"
        );
    }
    for typed in ["+98 21 8852 6300", "0098 (21) 8852-6300"] {
        let result = screen(Query {
            phone: vec![typed.into()],
            ..Query::default()
        });
        assert_eq!(
            result.matches[0].source_id, "12802",
            "{typed}: MEHR-E EQTESAD-E IRANIAN INVESTMENT COMPANY"
        );
    }
    let too_short = screener().screen(
        &Query {
            id_number: vec!["12-3".into()],
            ..Query::default()
        },
        &Options::default(),
    );
    assert!(too_short
        .unwrap_err()
        .0
        .contains("too short to identify anyone"));
}

#[test]
fn an_identifier_under_another_name_is_the_most_serious_hit() {
    let result = screen(Query {
        name: Some("John Smith".into()),
        wallet: vec![ETH.into()],
        ..Query::default()
    });
    let hit = &result.matches[0];
    assert!(hit.matched_identifier.as_ref().unwrap().name_differs);
    assert!(hit
        .explanation
        .iter()
        .any(|l| l.contains("most serious kind of hit")));
    // Under the entry's own name, it is not.
    let result = screen(Query {
        name: Some("Kim Sang Man".into()),
        wallet: vec![ETH.into()],
        ..Query::default()
    });
    let hit = result
        .matches
        .iter()
        .find(|m| m.field == QueryField::Wallet)
        .unwrap();
    assert!(!hit.matched_identifier.as_ref().unwrap().name_differs);
    // Identifier hits come first, whatever the limit.
    let options = Options {
        limit: 1,
        ..Options::default()
    };
    let query = Query {
        name: Some("Kim Sang Man".into()),
        phone: vec!["+982188526300".into()],
        ..Query::default()
    };
    let result = screener().screen(&query, &options).unwrap();
    assert_eq!(result.matches[0].field, QueryField::Phone);
}

#[test]
fn every_hit_shows_its_entry_identifiers_typed() {
    let result = screen(Query {
        name: Some("Kim Sang Man".into()),
        ..Query::default()
    });
    let ids = &result.matches[0].details.identifiers;
    let json = serde_json::to_value(ids).unwrap();
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["type"] == "wallet" && i["value"] == XBT));
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["type"] == "document" && i["kind"] == "Passport"));
}

/// The embedded screener reads each entry's identifiers in place; a
/// screener over entries that carry their details (as list files a user
/// gives are read) indexes them from the entries: the same hits.
#[test]
fn identifiers_read_in_place_or_from_whole_entries_give_the_same_hits() {
    let whole = Screener::new(sanctions_screen::snapshot::embedded().unwrap());
    let queries = [
        Query {
            id_number: vec!["563 220 082".into()],
            ..Query::default()
        },
        Query {
            phone: vec!["+98 21 8852 6300".into()],
            ..Query::default()
        },
        Query {
            wallet: vec!["0x97B1043ABD9E6FC31681635166D430A458D14F9C".into()],
            ..Query::default()
        },
        Query {
            email: vec!["payroll@bankrefah.ir".into()],
            ..Query::default()
        },
    ];
    for query in queries {
        let hits = |s: &Screener| -> Vec<(String, Vec<String>)> {
            let result = s.screen(&query, &Options::default()).unwrap();
            (result.matches.iter())
                .map(|m| (m.source_id.to_string(), m.explanation.clone()))
                .collect()
        };
        let in_place = hits(screener());
        assert!(!in_place.is_empty(), "{query:?}");
        assert_eq!(in_place, hits(&whole), "{query:?}");
    }
}
