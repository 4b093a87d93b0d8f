//! Identifiers an applicant hands over besides a name: wallet addresses,
//! passport and other document numbers, phone numbers. They are compared
//! with the identifiers the lists carry (OFAC remarks such as `Digital
//! Currency Address - ETH 0x…`, `Passport 563220082 (Korea, North)`, `Phone
//! Number 982188526300`; the UN list's documents), **exactly or not at all**:
//! a wallet one character off is another wallet.
//!
//! Each kind is normalised by its own format's rules before the comparison,
//! on both sides:
//! - wallets: surrounding spaces and quotes, a `bitcoin:` / `ethereum:` URI
//!   scheme, its `@chain`, path and query string removed; hex (`0x…`) and
//!   bech32 (`bc1…`) addresses compared without case, base58 addresses
//!   exactly. A checksum that fails (EIP-55 casing, base58check, bech32) or a
//!   format no chain uses is a warning, and the value is screened as typed;
//! - document numbers: letters and digits only, upper case (`AB 12-34.5` is
//!   `AB12345`), at least [`MIN_DOCUMENT_CHARS`];
//! - phone numbers: E.164 digits (`+98 (21) 8852-6300` and `0098 21 88526300`
//!   are `982188526300`), at least [`MIN_PHONE_DIGITS`]; a number without its
//!   country code is a warning.
//!
//! Reach for [`classify`] to type a listed identifier, [`Normalized::wallet`]
//! and friends to read a typed one, and [`IdentifierIndex`] to look one up.

use sanctions_lists::Identifier;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sha3::Keccak256;

use crate::normalize::FastMap;

/// A document number shorter than this identifies no one: it is refused.
pub const MIN_DOCUMENT_CHARS: usize = 5;
/// A phone number shorter than this (country code included) is refused.
pub const MIN_PHONE_DIGITS: usize = 7;

/// What an identifier is, as far as screening is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierType {
    /// A digital-currency (wallet) address.
    Wallet,
    /// A passport, national ID, tax, registration or other document number.
    Document,
    Phone,
    Email,
    Website,
    /// Vessel and aircraft particulars (flag, tonnage, call sign...).
    Other,
}

/// The type of a listed identifier, from the kind the list gives it.
pub fn classify(kind: &str) -> IdentifierType {
    if kind.starts_with("Digital Currency Address") {
        return IdentifierType::Wallet;
    }
    match kind {
        "Phone Number" | "Telephone" => IdentifierType::Phone,
        "Email Address" => IdentifierType::Email,
        "Website" => IdentifierType::Website,
        "Vessel Flag"
        | "Vessel Owner"
        | "Vessel Type"
        | "Call Sign"
        | "Tonnage"
        | "GRT"
        | "Aircraft Construction Number (also called L/N or S/N or F/N)"
        | "Aircraft Manufacturer's Serial Number (MSN)"
        | "Aircraft Model"
        | "Aircraft Operator"
        | "Aircraft Manufacture Date" => IdentifierType::Other,
        _ => IdentifierType::Document,
    }
}

/// The currency a listed wallet is given for (`ETH` in `Digital Currency
/// Address - ETH`).
pub fn wallet_currency(kind: &str) -> Option<&str> {
    kind.strip_prefix("Digital Currency Address - ")
        .map(str::trim)
}

/// A listed identifier as a result shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypedIdentifier {
    #[serde(rename = "type")]
    pub kind_type: IdentifierType,
    /// The kind as the list writes it: `Passport`, `Digital Currency Address - ETH`.
    pub kind: String,
    pub value: String,
    /// Issuing country, dates, other detail.
    pub note: String,
}

impl TypedIdentifier {
    pub fn new(id: &Identifier) -> TypedIdentifier {
        TypedIdentifier {
            kind_type: classify(&id.kind),
            kind: id.kind.clone(),
            value: id.value.clone(),
            note: id.note.clone(),
        }
    }
}

impl std::fmt::Display for TypedIdentifier {
    /// `Passport: 563220082 (Korea, North)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.value)?;
        if !self.note.is_empty() {
            write!(f, " {}", self.note)?;
        }
        Ok(())
    }
}

/// An identifier read by its format's rules: the key compared with the
/// lists', and what a person should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    pub key: String,
    /// "this does not look like a valid ETH address", or none.
    pub warning: Option<String>,
}

impl Normalized {
    /// A wallet address as typed, or as a URI (`ethereum:0x…@1?value=1`).
    pub fn wallet(typed: &str) -> Normalized {
        let address = strip_wallet_uri(typed);
        let format = WalletFormat::of(address);
        let key = wallet_key(address, format);
        let warning = match format {
            WalletFormat::Hex if !eip55_ok(address) => Some(format!(
                "\u{201c}{typed}\u{201d} does not look like a valid ETH address: its mixed letter case fails the EIP-55 checksum (a letter may be mistyped). It was screened as typed."
            )),
            WalletFormat::Base58Check if !base58check_ok(address) => Some(format!(
                "\u{201c}{typed}\u{201d} does not look like a valid {} address: its checksum fails (a character may be mistyped). It was screened as typed.",
                base58_chain(address)
            )),
            WalletFormat::Bech32 { mixed_case } if mixed_case || !bech32_ok(&key) => Some(format!(
                "\u{201c}{typed}\u{201d} does not look like a valid bech32 (bc1\u{2026}) address: {}. It was screened as typed.",
                if mixed_case { "it mixes upper and lower case" } else { "its checksum fails" }
            )),
            WalletFormat::Unknown => Some(format!(
                "\u{201c}{typed}\u{201d} does not look like a wallet address of any chain the lists use (0x\u{2026}, bc1\u{2026}, 1\u{2026}, 3\u{2026}, T\u{2026}, L\u{2026}, 4\u{2026}). It was screened as typed."
            )),
            _ => None,
        };
        Normalized { key, warning }
    }

    /// A document number: letters and digits, upper case; `None` when too short.
    pub fn document(typed: &str) -> Option<Normalized> {
        // ASCII, the usual case, is folded byte by byte: the same key
        // without Unicode's case tables (every listed document number is
        // folded when the first identifier is screened). The room is made
        // once, since a filtered iterator gives no size hint.
        let mut key = String::with_capacity(typed.len());
        if typed.is_ascii() {
            key.extend(
                typed
                    .bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| char::from(b.to_ascii_uppercase())),
            );
        } else {
            key.extend(
                typed
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_uppercase),
            );
        }
        (key.chars().count() >= MIN_DOCUMENT_CHARS).then_some(Normalized { key, warning: None })
    }

    /// A phone number as E.164 digits; `None` when too short. A number that
    /// starts with a single 0 is national: it has no country code to compare.
    pub fn phone(typed: &str) -> Option<Normalized> {
        let trimmed = typed.trim();
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let (key, national) = if trimmed.starts_with('+') {
            (digits, false)
        } else if let Some(rest) = digits.strip_prefix("00") {
            (rest.to_string(), false)
        } else {
            let national = digits.starts_with('0');
            (digits, national)
        };
        if key.len() < MIN_PHONE_DIGITS {
            return None;
        }
        let warning = national.then(|| format!(
            "\u{201c}{typed}\u{201d} has no country code, and listed numbers are compared with theirs: write it as +country code and number (+98 21 \u{2026}). It was screened as typed."
        ));
        Some(Normalized { key, warning })
    }

    /// A listed identifier's key, read as the applicant's would be (listed
    /// phone numbers are international without the `+`); `None` for a type
    /// that is not screened or a value too short to compare.
    pub fn listed(kind: &str, value: &str) -> Option<(IdentifierType, String)> {
        let kind = classify(kind);
        let key = match kind {
            // The key alone: a listed address's checksum is not checked.
            IdentifierType::Wallet => {
                let address = strip_wallet_uri(value);
                wallet_key(address, WalletFormat::of(address))
            }
            IdentifierType::Document => Normalized::document(value)?.key,
            IdentifierType::Phone => {
                let international = format!("+{}", value.trim().trim_start_matches('+'));
                Normalized::phone(&international)?.key
            }
            _ => return None,
        };
        Some((kind, key))
    }
}

/// A wallet address as it is compared: hex and bech32 addresses ignore
/// letter case, base58 ones do not.
fn wallet_key(address: &str, format: WalletFormat) -> String {
    match format {
        WalletFormat::Hex | WalletFormat::Bech32 { .. } => address.to_ascii_lowercase(),
        _ => address.to_string(),
    }
}

/// `bitcoin:bc1…?amount=1`, `ethereum:0x…@1/transfer?…`, `"0x…"` → the address.
fn strip_wallet_uri(typed: &str) -> &str {
    let mut address = typed.trim().trim_matches([
        '"', '\'', '`', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}',
    ]);
    if let Some((scheme, rest)) = address.split_once(':') {
        if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic()) {
            address = rest.trim_start_matches('/');
        }
    }
    let end = address.find(['?', '@', '/', '#']).unwrap_or(address.len());
    address[..end].trim()
}

const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WalletFormat {
    /// `0x` and 40 hex digits: Ethereum and the chains that share its format.
    Hex,
    /// Bitcoin, Litecoin segwit: `bc1…`, `ltc1…`, `tb1…`.
    Bech32 {
        mixed_case: bool,
    },
    /// Bitcoin, Litecoin, Dash, Tron, Zcash transparent: base58 with a checksum.
    Base58Check,
    /// Monero and other base58 forms without a checksum we check.
    Base58,
    Unknown,
}

impl WalletFormat {
    fn of(address: &str) -> WalletFormat {
        let lower = address.to_ascii_lowercase();
        if let Some(hex) = lower.strip_prefix("0x") {
            if hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return WalletFormat::Hex;
            }
            return WalletFormat::Unknown;
        }
        if ["bc1", "tb1", "ltc1", "bcrt1"]
            .iter()
            .any(|p| lower.starts_with(p))
            && lower.len() >= 14
            && lower.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            let mixed_case = address.bytes().any(|b| b.is_ascii_uppercase())
                && address.bytes().any(|b| b.is_ascii_lowercase());
            return WalletFormat::Bech32 { mixed_case };
        }
        if !address.is_empty() && address.bytes().all(|b| BASE58.contains(&b)) {
            return match address.len() {
                25..=36 => WalletFormat::Base58Check,
                95 | 106 => WalletFormat::Base58,
                _ => WalletFormat::Unknown,
            };
        }
        WalletFormat::Unknown
    }
}

/// The chain a base58 address's first character suggests, for a warning.
fn base58_chain(address: &str) -> &'static str {
    match address.as_bytes().first() {
        Some(b'1' | b'3') => "Bitcoin",
        Some(b'T') => "Tron",
        Some(b'L' | b'M') => "Litecoin",
        Some(b'X') => "Dash",
        Some(b't') => "Zcash",
        _ => "base58",
    }
}

/// EIP-55: an address all in one case carries no checksum; in mixed case,
/// letter `i` is upper case exactly when nibble `i` of the Keccak-256 of the
/// lower-case hex is 8 or more.
fn eip55_ok(address: &str) -> bool {
    let hex = &address[2..];
    if !hex.bytes().any(|b| b.is_ascii_uppercase()) || !hex.bytes().any(|b| b.is_ascii_lowercase())
    {
        return true;
    }
    let hash = Keccak256::digest(hex.to_ascii_lowercase().as_bytes());
    hex.bytes().enumerate().all(|(i, b)| {
        if !b.is_ascii_alphabetic() {
            return true;
        }
        let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0xf;
        b.is_ascii_uppercase() == (nibble >= 8)
    })
}

/// Base58 decoding, then the last four bytes must be the first four of the
/// double SHA-256 of the rest.
fn base58check_ok(address: &str) -> bool {
    let mut bytes: Vec<u8> = Vec::with_capacity(32);
    for c in address.bytes() {
        let Some(mut carry) = BASE58.iter().position(|&b| b == c).map(|d| d as u32) else {
            return false;
        };
        for byte in bytes.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = carry as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.insert(0, carry as u8);
            carry >>= 8;
        }
    }
    let zeros = address.bytes().take_while(|&b| b == b'1').count();
    let mut decoded = vec![0u8; zeros];
    decoded.extend(bytes);
    if decoded.len() < 5 {
        return false;
    }
    let (payload, checksum) = decoded.split_at(decoded.len() - 4);
    Sha256::digest(Sha256::digest(payload))[..4] == *checksum
}

/// BIP-173 / BIP-350: the human-readable part, `1`, then data whose
/// checksum polymod is 1 (bech32) or 0x2bc830a3 (bech32m).
fn bech32_ok(lower: &str) -> bool {
    const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let Some(separator) = lower.rfind('1') else {
        return false;
    };
    let (hrp, data) = (&lower[..separator], &lower[separator + 1..]);
    if hrp.is_empty() || data.len() < 6 {
        return false;
    }
    let mut values: Vec<u8> = hrp.bytes().map(|b| b >> 5).collect();
    values.push(0);
    values.extend(hrp.bytes().map(|b| b & 31));
    for c in data.bytes() {
        match CHARSET.iter().position(|&x| x == c) {
            Some(v) => values.push(v as u8),
            None => return false,
        }
    }
    let mut check: u32 = 1;
    for v in values {
        let top = check >> 25;
        check = ((check & 0x1ff_ffff) << 5) ^ u32::from(v);
        for (i, generator) in [
            0x3b6a_57b2,
            0x2650_8e6d,
            0x1ea1_19fa,
            0x3d42_33dd,
            0x2a14_62b3,
        ]
        .into_iter()
        .enumerate()
        {
            if (top >> i) & 1 == 1 {
                check ^= generator;
            }
        }
    }
    check == 1 || check == 0x2bc8_30a3
}

/// Listed identifiers by type and key: which entries carry them.
#[derive(Default)]
pub struct IdentifierIndex {
    entries: FastMap<(IdentifierType, String), Vec<(u32, u16)>>,
}

/// A listed identifier as the indexes read it, lent from where the entry
/// keeps it: its entry, its place among the entry's identifiers, its kind
/// and value.
#[derive(Clone, Copy, Debug)]
pub struct ListedIdentifier<'a> {
    pub entity: u32,
    pub at: u16,
    pub kind: &'a str,
    pub value: &'a str,
}

impl IdentifierIndex {
    /// Indexes every screenable identifier.
    pub fn build<'a>(listed: impl IntoIterator<Item = ListedIdentifier<'a>>) -> IdentifierIndex {
        let mut index = IdentifierIndex::default();
        for id in listed {
            if let Some(key) = Normalized::listed(id.kind, id.value) {
                index
                    .entries
                    .entry(key)
                    .or_default()
                    .push((id.entity, id.at));
            }
        }
        index
    }

    /// The entries carrying identifier `key` of type `kind`, with the
    /// identifier's position on the entry.
    pub fn get(&self, kind: IdentifierType, key: &str) -> &[(u32, u16)] {
        self.entries
            .get(&(kind, key.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wallets_normalise_by_format() {
        // (typed, key, warns)
        let cases: &[(&str, &str, bool)] = &[
            // An EIP-55 checksummed address, as a URI with chain and query.
            (
                "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1?value=1",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                false,
            ),
            (
                "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                false,
            ),
            // One letter's case flipped: the checksum fails.
            (
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                true,
            ),
            (
                " \"1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ\" ",
                "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ",
                false,
            ),
            (
                "bitcoin:1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ?amount=0.1",
                "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ",
                false,
            ),
            // One character changed: base58check fails.
            (
                "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfK",
                "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfK",
                true,
            ),
            (
                "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                false,
            ),
            (
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
                true,
            ),
            ("hello world", "hello world", true),
            ("0x12345", "0x12345", true),
        ];
        for &(typed, key, warns) in cases {
            let n = Normalized::wallet(typed);
            assert_eq!(n.key, key, "{typed}");
            assert_eq!(n.warning.is_some(), warns, "{typed}: {:?}", n.warning);
        }
        assert!(Normalized::wallet("0xzz")
            .warning
            .unwrap()
            .contains("any chain"));
        assert!(
            Normalized::wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")
                .warning
                .unwrap()
                .contains("does not look like a valid ETH address")
        );
    }

    #[test]
    fn documents_and_phones_normalise() {
        assert_eq!(Normalized::document("AB 12-34.5").unwrap().key, "AB12345");
        assert_eq!(
            Normalized::document("563 220 082").unwrap().key,
            "563220082"
        );
        assert!(Normalized::document("12-3").is_none());
        // ASCII is folded byte by byte, other text by Unicode's tables: the
        // same keys either way.
        for (typed, key) in [
            ("ab 12-34.5x", "AB12345X"),
            ("pd-0123456", "PD0123456"),
            ("straße 1234", "STRASSE1234"),
            ("№ 7a-1234", "7A1234"),
            ("Ö4567 89", "Ö456789"),
        ] {
            assert_eq!(Normalized::document(typed).unwrap().key, key, "{typed}");
            let unicode: String = typed
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect();
            assert_eq!(unicode, key, "{typed}");
        }
        for typed in ["+98 (21) 8852-6300", "0098 21 88526300", "+982188526300"] {
            let n = Normalized::phone(typed).unwrap();
            assert_eq!(n.key, "982188526300", "{typed}");
            assert!(n.warning.is_none(), "{typed}");
        }
        let national = Normalized::phone("021 8852 6300").unwrap();
        assert!(national.warning.unwrap().contains("no country code"));
        assert!(Normalized::phone("+1 234").is_none());
    }

    #[test]
    fn listed_identifiers_are_typed() {
        assert_eq!(
            Normalized::listed(
                "Digital Currency Address - ETH",
                "0x97B1043ABD9E6FC31681635166D430A458D14F9C"
            ),
            Some((
                IdentifierType::Wallet,
                "0x97b1043abd9e6fc31681635166d430a458d14f9c".into()
            ))
        );
        assert_eq!(
            Normalized::listed("Phone Number", "982188526300"),
            Some((IdentifierType::Phone, "982188526300".into()))
        );
        assert_eq!(
            Normalized::listed("Passport", "92/664"),
            Some((IdentifierType::Document, "92664".into()))
        );
        assert_eq!(Normalized::listed("Website", "www.example.com"), None);
        assert_eq!(classify("Vessel Flag"), IdentifierType::Other);
        assert_eq!(
            wallet_currency("Digital Currency Address - XBT"),
            Some("XBT")
        );
    }
}
