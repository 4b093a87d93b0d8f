//! Parser tests on the real published files (`SANCTIONS_LISTS_DIR`, else the
//! repository's `lists/`, else the workplace's `../shared/lists`).

mod common;
use common::lists_dir;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sanctions_lists::sources::{build_snapshot, sha256_hex};
use sanctions_lists::{AliasKind, Entity, Kind, Snapshot, Strength};

fn snapshot() -> &'static Snapshot {
    static SNAP: OnceLock<Snapshot> = OnceLock::new();
    SNAP.get_or_init(|| {
        build_snapshot(&lists_dir())
            .expect("the real lists parse")
            .snapshot
    })
}

fn entity(list: &str, id: &str) -> &'static Entity {
    let snap = snapshot();
    let li = snap.lists.iter().position(|l| l.id == list).unwrap() as u16;
    snap.entities
        .iter()
        .find(|e| e.list == li && e.source_id == id)
        .unwrap_or_else(|| panic!("{list} {id} missing"))
}

fn alias_names(e: &Entity) -> Vec<&str> {
    e.aliases.iter().map(|a| &*a.name).collect()
}

#[test]
fn counts_per_list_and_kind() {
    let snap = snapshot();
    let ids: Vec<&str> = snap.lists.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["ofac_sdn", "ofac_cons", "un"]);
    let sdn = &snap.lists[0].counts;
    // Counted independently from sdn.csv's SDN_Type column.
    assert_eq!(
        (sdn.persons, sdn.organizations, sdn.vessels, sdn.aircraft),
        (6854, 6884, 851, 376)
    );
    let cons = &snap.lists[1].counts;
    assert_eq!(
        (
            cons.persons,
            cons.organizations,
            cons.vessels,
            cons.aircraft
        ),
        (79, 363, 0, 0)
    );
    let un = &snap.lists[2].counts;
    assert_eq!((un.persons, un.organizations), (730, 273));
    // 18,018 alt.csv rows join a primary row; 3,666 a.k.a./f.k.a./n.k.a. in sdn.csv
    // remarks, plus those only in the sdn_comments.csv continuations.
    assert!(sdn.aliases > 18018 + 3666, "{}", sdn.aliases);
}

#[test]
fn dates_come_from_sources_json_and_the_oldest_file_dates_the_list() {
    let snap = snapshot();
    let dates: Vec<&str> = snap.lists.iter().map(|l| l.date.as_str()).collect();
    assert_eq!(dates, ["2024-05-03", "2025-12-19", "2026-02-27"]);
    let sdn_file = &snap.lists[0].files[0];
    assert_eq!(sdn_file.path, "ofac_sdn/sdn.csv");
    assert_eq!(
        sdn_file.sha256,
        "210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb"
    );
    assert_eq!(snap.lists[0].publisher, "US Treasury OFAC");
}

#[test]
fn the_dos_end_of_file_byte_makes_no_junk_entry() {
    for e in &snapshot().entities {
        assert!(
            !e.name.contains('\u{1a}') && !e.name.trim().is_empty(),
            "{e:?}"
        );
        assert!(!e.source_id.is_empty());
    }
}

#[test]
fn programs_are_split() {
    assert_eq!(entity("ofac_sdn", "24977").programs, ["DPRK3", "DPRK4"]);
    assert_eq!(entity("ofac_sdn", "43338").programs, ["DPRK2"]);
}

#[test]
fn seed_entities_with_their_aliases() {
    let yanbian = entity("ofac_sdn", "24977");
    assert_eq!(
        yanbian.name,
        "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD."
    );
    assert_eq!(yanbian.kind, Kind::Organization);
    assert!(alias_names(yanbian).contains(&"YANBIAN SILVER STAR"));
    assert!(yanbian
        .details
        .identifiers
        .iter()
        .any(|i| i.value == "91222401MA0Y31E659" && i.kind.contains("USCC")));
    assert!(
        yanbian.countries.iter().any(|c| c == "China"),
        "{:?}",
        yanbian.countries
    );

    assert_eq!(entity("ofac_sdn", "24978").name, "VOLASYS SILVER STAR");
    assert!(alias_names(entity("ofac_sdn", "43379")).contains(&"JINYONG IT COOPERATION COMPANY"));
    assert!(alias_names(entity("ofac_sdn", "43377")).contains(&"KIM, Sangman"));

    let jong = entity("ofac_sdn", "24979");
    assert_eq!((&*jong.name, jong.kind), ("JONG, Song Hwa", Kind::Person));
    assert_eq!(jong.birth_dates[0].text, "05 Feb 1970");
    assert_eq!(jong.nationalities, ["Korea, North"]);
    assert_eq!(jong.details.gender, "Male");
    assert!(jong
        .details
        .identifiers
        .iter()
        .any(|i| i.kind == "Passport" && i.value == "927220230"));
}

#[test]
fn weak_aliases_live_in_remarks_and_continuations() {
    let lazarus = entity("ofac_sdn", "27307");
    let names = alias_names(lazarus);
    for expected in [
        "HIDDEN COBRA",
        "OFFICE 91",
        "GUARDIANS OF PEACE",
        "THE NEW ROMANTIC CYBER ARMY TEAM",
        "WHOIS HACKING TEAM", // cut at 1,000 characters mid-word, continued in sdn_comments.csv
        "RED DOT",
        "TEMP.HERMIT",
        "GROUP 77",
        "ZINC",
        "APT-C-26",
        "APPLEWORM",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(names.len(), 11);
    assert!(lazarus
        .aliases
        .iter()
        .all(|a| a.strength == Strength::Weak && a.kind == AliasKind::Aka));
    assert!(alias_names(entity("ofac_sdn", "43338")).ends_with(&["LAB 110", "UNIT 110"]));
    assert!(alias_names(entity("ofac_sdn", "43337")).contains(&"THIRD BUREAU"));
}

#[test]
fn stale_continuations_are_handled_and_reported() {
    let notes = &snapshot().lists[0].notes;
    let stale = entity("ofac_sdn", "34682");
    // Its remarks already end with the registration number the stale
    // continuation repeats: taken into the identifiers, not kept twice.
    let last = stale.details.identifiers.last().expect("identifiers");
    assert_eq!(
        (last.kind.as_str(), last.value.as_str(), last.note.as_str()),
        ("Registration Number", "1027700067328", "(Russia)")
    );
    assert!(
        !stale.details.remarks.contains("1027700067328"),
        "{}",
        stale.details.remarks
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("34682") && n.contains("stale")),
        "{notes:?}"
    );
    let repeated = entity("ofac_sdn", "17018");
    assert_eq!(
        repeated
            .details
            .remarks
            .matches("Listing Date (EO 14024 Directive 3): 24 Feb 2022")
            .count(),
        1
    );
    assert!(repeated
        .details
        .identifiers
        .iter()
        .any(|i| i.kind == "Tax ID No." && i.value == "7707083893"));
    assert!(
        notes
            .iter()
            .any(|n| n.contains("17018") && n.contains("repeats")),
        "{notes:?}"
    );
    for orphan in ["17016", "43421"] {
        assert!(
            notes
                .iter()
                .any(|n| n.contains(orphan) && n.contains("not in")),
            "{orphan}: {notes:?}"
        );
    }
}

#[test]
fn un_records_have_parts_aliases_scripts_and_dates() {
    let son = entity("un", "KPi.031");
    assert_eq!(son.name, "SON JONG HYOK");
    assert_eq!(son.programs, ["DPRK"]);
    assert_eq!(son.details.listed_on, "2016-11-30");
    assert!(alias_names(son).contains(&"Son Min"));
    assert_eq!(son.birth_dates[0].text, "1980-05-20");
    assert_eq!(son.nationalities, ["Democratic People's Republic of Korea"]);
    let snap = snapshot();
    let un = snap.lists.iter().position(|l| l.id == "un").unwrap() as u16;
    let scripts = snap
        .entities
        .iter()
        .filter(|e| {
            e.list == un
                && e.aliases
                    .iter()
                    .any(|a| a.kind == AliasKind::OriginalScript)
        })
        .count();
    assert_eq!(scripts, 378, "records with NAME_ORIGINAL_SCRIPT");
    let low = snap
        .entities
        .iter()
        .filter(|e| e.list == un)
        .flat_map(|e| &e.aliases)
        .filter(|a| a.strength == Strength::Weak)
        .count();
    assert!(low > 100, "UN low-quality aliases are weak: {low}");
    // Stray whitespace in name fields is trimmed.
    assert!(snap.entities.iter().all(|e| e.name == e.name.trim()));
}

/// A scratch copy of the lists folder that a test may damage.
fn scratch_copy(tag: &str) -> PathBuf {
    let src = lists_dir();
    let dst = std::env::temp_dir().join(format!("sanctions-lists-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dst);
    for rel in ["ofac_sdn", "ofac_cons", "un"] {
        std::fs::create_dir_all(dst.join(rel)).unwrap();
        for f in std::fs::read_dir(src.join(rel)).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), dst.join(rel).join(f.file_name())).unwrap();
        }
    }
    std::fs::copy(src.join("sources.json"), dst.join("sources.json")).unwrap();
    dst
}

/// Rewrites a file and records its new hash and size in sources.json, as a
/// download would: the damage must then be caught by the parser itself.
fn replace_file(dir: &Path, rel: &str, bytes: &[u8]) {
    std::fs::write(dir.join(rel), bytes).unwrap();
    let path = dir.join("sources.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    json["files"][rel]["sha256"] = sha256_hex(bytes).into();
    json["files"][rel]["bytes"] = (bytes.len() as u64).into();
    std::fs::write(path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

#[test]
fn a_changed_file_fails_its_hash_check() {
    let dir = scratch_copy("hash");
    let mut bytes = std::fs::read(dir.join("ofac_cons/cons_prim.csv")).unwrap();
    bytes[100] ^= 1;
    std::fs::write(dir.join("ofac_cons/cons_prim.csv"), bytes).unwrap();
    let err = build_snapshot(&dir).err().expect("must fail");
    assert_eq!(err.file, "ofac_cons/cons_prim.csv");
    assert!(err.reason.contains("sha256"), "{err}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = scratch_copy("missing");
    std::fs::remove_file(dir.join("ofac_sdn/alt.csv")).unwrap();
    let err = build_snapshot(&dir).err().expect("must fail");
    assert_eq!(err.file, "ofac_sdn/alt.csv");
    assert!(err.reason.contains("cannot read"), "{err}");
}

#[test]
fn a_truncated_file_fails_with_its_line() {
    let dir = scratch_copy("truncated");
    let bytes = std::fs::read(dir.join("ofac_sdn/sdn.csv")).unwrap();
    replace_file(&dir, "ofac_sdn/sdn.csv", &bytes[..bytes.len() / 2]);
    let err = build_snapshot(&dir).err().expect("must fail");
    assert_eq!(err.file, "ofac_sdn/sdn.csv");
    assert!(err.line.unwrap() > 5000, "{err}");

    let xml = std::fs::read(dir.join("un/consolidated.xml")).unwrap();
    let dir = scratch_copy("truncated-xml");
    replace_file(&dir, "un/consolidated.xml", &xml[..xml.len() - 5000]);
    let err = build_snapshot(&dir).err().expect("must fail");
    assert_eq!(err.file, "un/consolidated.xml");
    assert!(
        err.reason.contains("truncated") || err.reason.contains("malformed"),
        "{err}"
    );
    assert!(err.line.is_some(), "{err}");
}

#[test]
fn a_malformed_row_fails_with_its_line() {
    let dir = scratch_copy("malformed");
    let text = std::fs::read_to_string(dir.join("ofac_cons/cons_alt.csv")).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    lines.insert(9, "999,\"only three fields\",\"aka\"");
    replace_file(
        &dir,
        "ofac_cons/cons_alt.csv",
        lines.join("\r\n").as_bytes(),
    );
    let err = build_snapshot(&dir).err().expect("must fail");
    assert_eq!(
        (err.file.as_str(), err.line),
        ("ofac_cons/cons_alt.csv", Some(10))
    );
    assert!(err.reason.contains("expected 5 fields, found 3"), "{err}");

    let dir = scratch_copy("badtype");
    let text = std::fs::read_to_string(dir.join("ofac_cons/cons_prim.csv")).unwrap();
    let bad = text.replacen("\"individual\"", "\"indivdual\"", 1);
    replace_file(&dir, "ofac_cons/cons_prim.csv", bad.as_bytes());
    let err = build_snapshot(&dir).err().expect("must fail");
    assert!(err.reason.contains("unknown SDN_Type"), "{err}");
    assert!(err.line.is_some());
}

#[test]
fn a_un_date_that_disagrees_with_sources_json_fails() {
    let dir = scratch_copy("date");
    let path = dir.join("sources.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"2026-02-27\"", "\"2026-03-01\"");
    std::fs::write(&path, text).unwrap();
    let err = build_snapshot(&dir).err().expect("must fail");
    assert!(err.reason.contains("dateGenerated"), "{err}");
}

#[test]
fn snapshot_round_trips() {
    use sanctions_lists::snapshot::{decode, encode, Names};
    let bytes = encode(snapshot(), Names::Included);
    assert_eq!(&decode(&bytes, None).unwrap(), snapshot());
    assert!(decode(&bytes[..bytes.len() / 2], None).is_err());
    assert!(decode(&[&bytes[..], b"x"].concat(), None)
        .unwrap_err()
        .0
        .contains("after the record"));
    assert!(decode(b"nonsense", None).is_err());
    assert!(decode(&bytes, Some(Vec::new())).is_err());
    // Names kept elsewhere come back from the reader, in `names()` order.
    let names: Vec<sanctions_lists::Text> = snapshot()
        .names()
        .map(|n| n.text.to_string().into())
        .collect();
    let bytes = encode(snapshot(), Names::Elsewhere);
    assert_eq!(&decode(&bytes, Some(names.clone())).unwrap(), snapshot());
    assert!(decode(&bytes, None).unwrap_err().0.contains("not given"));
    let short = names[..names.len() - 1].to_vec();
    assert!(decode(&bytes, Some(short))
        .unwrap_err()
        .0
        .contains("names given"));
}
