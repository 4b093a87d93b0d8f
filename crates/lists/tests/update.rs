//! Newer list files given by name and bytes (`update::replace_lists`), on the
//! real published files: the same entries as the build, notices linked
//! again, and every wrong file refused by name and line with nothing changed.

mod common;
use common::lists_dir;

use std::path::PathBuf;

use sanctions_lists::sources::{build_snapshot, build_snapshot_with_notices, LISTS};
use sanctions_lists::update::{replace_lists, GivenFile};
use sanctions_lists::{ListError, Snapshot};

fn advisories() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/advisories")
}

/// Every file of list `id`, read from the lists folder, named as the
/// publisher's download names them (upper case for OFAC).
fn files_of(id: &str) -> Vec<(String, Vec<u8>)> {
    let spec = LISTS.iter().find(|s| s.id == id).unwrap();
    spec.files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(lists_dir().join(path)).unwrap();
            let base = path.rsplit('/').next().unwrap();
            let name = if id == "un" {
                base.to_string()
            } else {
                base.to_ascii_uppercase()
            };
            (name, bytes)
        })
        .collect()
}

fn given<'a>(files: &'a [(String, Vec<u8>)], date: Option<&'a str>) -> Vec<GivenFile<'a>> {
    files
        .iter()
        .map(|(name, bytes)| GivenFile { name, bytes, date })
        .collect()
}

fn with_notices() -> Snapshot {
    build_snapshot_with_notices(&lists_dir(), Some(&advisories()))
        .unwrap()
        .snapshot
}

/// The entries the notices link to, as (list id, source id), per notice.
fn links(snapshot: &Snapshot) -> Vec<(String, Vec<(String, String)>)> {
    snapshot
        .entities
        .iter()
        .filter_map(|e| {
            let notice = e.details.notice.as_ref()?;
            let linked = notice
                .also_listed
                .iter()
                .map(|&i| {
                    let target = &snapshot.entities[i as usize];
                    (
                        snapshot.lists[target.list as usize].id.clone(),
                        target.source_id.to_string(),
                    )
                })
                .collect();
            Some((e.source_id.to_string(), linked))
        })
        .collect()
}

#[test]
fn the_same_files_given_by_name_make_the_same_entries() {
    let built = build_snapshot(&lists_dir()).unwrap().snapshot;
    let mut snapshot = built.clone();
    let mut owned = files_of("ofac_sdn");
    owned.extend(files_of("ofac_cons"));
    owned.extend(files_of("un"));
    let replaced = replace_lists(&mut snapshot, &given(&owned, Some("2026-12-01"))).unwrap();
    assert_eq!(replaced.lists, ["ofac_sdn", "ofac_cons", "un"]);
    assert_eq!(snapshot.entities, built.entities);
    // OFAC's files carry no date: the date given. The UN's: its dateGenerated.
    let dates: Vec<&str> = snapshot.lists.iter().map(|l| l.date.as_str()).collect();
    assert_eq!(dates, ["2026-12-01", "2026-12-01", "2026-02-27"]);
    for (list, before) in snapshot.lists.iter().zip(&built.lists) {
        let hashes: Vec<&str> = list.files.iter().map(|f| f.sha256.as_str()).collect();
        let expected: Vec<&str> = before.files.iter().map(|f| f.sha256.as_str()).collect();
        assert_eq!(hashes, expected, "{}", list.id);
        assert_eq!(list.counts, before.counts);
    }
    assert_eq!(snapshot.lists[0].files[0].path, "SDN.CSV");
}

#[test]
fn replacing_one_list_keeps_the_others_and_links_the_notices_again() {
    let built = with_notices();
    let before = links(&built);
    assert!(
        before.iter().filter(|(_, l)| !l.is_empty()).count() >= 5,
        "notices link to sanctions entries"
    );
    // A newer SDN file without its first 20 rows: every later entry moves,
    // and the notices must follow them.
    let mut sdn = files_of("ofac_sdn");
    let text = String::from_utf8(sdn[0].1.clone()).unwrap();
    let dropped: Vec<String> = text
        .split("\r\n")
        .take(20)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    sdn[0].1 = text
        .split("\r\n")
        .skip(20)
        .collect::<Vec<_>>()
        .join("\r\n")
        .into_bytes();
    let mut snapshot = built.clone();
    replace_lists(&mut snapshot, &given(&sdn, Some("2026-12-01"))).unwrap();
    assert_eq!(snapshot.lists.len(), built.lists.len());
    assert_eq!(snapshot.lists[2], built.lists[2], "the UN list untouched");
    assert_eq!(
        snapshot.lists[0].counts.persons
            + snapshot.lists[0].counts.organizations
            + snapshot.lists[0].counts.vessels
            + snapshot.lists[0].counts.aircraft
            + 20,
        built.lists[0].counts.persons
            + built.lists[0].counts.organizations
            + built.lists[0].counts.vessels
            + built.lists[0].counts.aircraft,
    );
    let expected: Vec<(String, Vec<(String, String)>)> = before
        .into_iter()
        .map(|(notice, linked)| {
            let kept = linked
                .into_iter()
                .filter(|(list, id)| !(list == "ofac_sdn" && dropped.contains(id)))
                .collect();
            (notice, kept)
        })
        .collect();
    assert_eq!(links(&snapshot), expected);
}

fn refused(files: &[GivenFile<'_>]) -> ListError {
    let built = build_snapshot(&lists_dir()).unwrap().snapshot;
    let mut snapshot = built.clone();
    let error = replace_lists(&mut snapshot, files).unwrap_err();
    assert_eq!(snapshot, built, "a refused file changes nothing");
    error
}

#[test]
fn a_set_without_its_companions_is_refused_naming_them() {
    let sdn = files_of("ofac_sdn");
    let error = refused(&given(&sdn[..1], Some("2026-12-01")));
    assert_eq!(error.file, "SDN.CSV");
    assert!(
        error
            .reason
            .contains("missing: alt.csv, add.csv, sdn_comments.csv"),
        "{error}"
    );
}

#[test]
fn an_unknown_or_repeated_file_is_refused_by_name() {
    let error = refused(&[GivenFile {
        name: "applicants.csv",
        bytes: b"name\nKim\n",
        date: None,
    }]);
    assert_eq!(error.file, "applicants.csv");
    assert!(error
        .reason
        .contains("not one of the publishers' list files"));
    assert!(error.reason.contains("sdn.csv"), "{error}");

    let un = files_of("un");
    let twice = [given(&un, None), given(&un, None)].concat();
    assert!(refused(&twice).reason.contains("given twice"));
}

#[test]
fn ofac_files_without_a_date_are_refused() {
    let cons = files_of("ofac_cons");
    let error = refused(&given(&cons, None));
    assert!(error.reason.contains("carry no date"), "{error}");
}

#[test]
fn a_damaged_file_is_named_with_its_line() {
    let mut cons = files_of("ofac_cons");
    // A primary row cut in the middle of a quoted field, on line 3.
    let text = String::from_utf8(cons[0].1.clone()).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let cut = &lines[2][..lines[2].len() / 2];
    lines[2] = cut;
    cons[0].1 = lines.join("\r\n").into_bytes();
    let error = refused(&given(&cons, Some("2026-12-01")));
    assert_eq!(error.file, "CONS_PRIM.CSV");
    assert!(error.line.is_some(), "{error}");

    let mut un = files_of("un");
    let half = un[0].1.len() / 2;
    un[0].1.truncate(half);
    let error = refused(&given(&un, None));
    assert_eq!(error.file, "consolidated.xml");
    assert!(error.line.is_some(), "{error}");
}
