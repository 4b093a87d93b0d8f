//! Internet domains: an applicant's e-mail address, portfolio, and the
//! websites of the employers they claim, against the domains the lists name
//! (the DPRK IT-worker notices' seized domains, OFAC remarks' `Website` and
//! `Email Address` entries).
//!
//! Any URL or address form is read down to its **registrable domain**
//! (`https://WWW.Hopanatech.com./about`, `jobs@mail.hopanatech.com` →
//! `hopanatech.com`): scheme, user, port, path, `www.` and other
//! sub-domains, case and trailing dots set aside, `xn--` labels decoded
//! (IDN). The same registrable domain is a strong hit; a near one (one letter
//! off, a hyphen added or dropped, another public suffix: `hopana-tech.com`,
//! `hopanatech.net`) a possible one. Free-mail domains (`gmail.com`) never
//! alert: they say nothing about the applicant.
//!
//! Limits: the public suffixes known are the generic ones and the common
//! two-label country suffixes ([`TWO_LABEL_SUFFIXES`]), not the whole Public
//! Suffix List.

use crate::identifiers::{classify, IdentifierType, ListedIdentifier};
use crate::normalize::FastMap;

/// Country suffixes under which names are registered one level down
/// (`example.co.uk`), so that the registrable domain keeps three labels.
pub const TWO_LABEL_SUFFIXES: &[&str] = &[
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "com.cn", "net.cn",
    "org.cn", "gov.cn", "com.hk", "com.tw", "co.jp", "ne.jp", "or.jp", "co.kr", "or.kr", "com.sg",
    "com.my", "co.in", "net.in", "com.br", "com.ar", "com.mx", "co.za", "com.tr", "com.ua",
    "com.ru", "co.il", "com.vn", "com.ph", "co.id", "co.nz", "com.pk", "com.sa", "com.eg",
    "com.lb", "com.sy", "co.ir", "ac.ir", "org.ir", "uk.com", "com.kp", "net.kp", "gov.kp",
    "edu.kp", "org.kp",
];

/// Free e-mail and web-hosting domains: anyone may have an address there.
pub const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "ymail.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "proton.me",
    "protonmail.com",
    "pm.me",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "web.de",
    "mail.com",
    "zoho.com",
    "yandex.com",
    "yandex.ru",
    "mail.ru",
    "inbox.ru",
    "list.ru",
    "bk.ru",
    "rambler.ru",
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "sohu.com",
    "aliyun.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "kakao.com",
    "tutanota.com",
    "tuta.io",
    "fastmail.com",
    "hey.com",
    "github.io",
    "gitlab.io",
    "vercel.app",
    "netlify.app",
    "wordpress.com",
    "blogspot.com",
    "wixsite.com",
    "medium.com",
    "linkedin.com",
    "github.com",
    "upwork.com",
    "fiverr.com",
    "freelancer.com",
    "toptal.com",
];

/// The registrable domain of a URL, e-mail address or host name, or `None`
/// when the text holds no domain (`not a site`, `localhost`).
pub fn registrable_domain(text: &str) -> Option<String> {
    let mut host = text.trim().trim_matches(['<', '>', '"', '\'']);
    if let Some((_, rest)) = host.split_once("://") {
        host = rest;
    } else if let Some(rest) = host.strip_prefix("mailto:") {
        host = rest;
    }
    // An e-mail address, or user info before a host.
    host = host.split(['/', '?', '#']).next().unwrap_or_default();
    if let Some((_, after)) = host.rsplit_once('@') {
        host = after;
    }
    let host = host.split(':').next().unwrap_or_default();
    let labels: Vec<String> = host
        .trim_end_matches('.')
        .split('.')
        .map(|l| decode_label(&l.to_lowercase()))
        .collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || !l.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return None;
    }
    if !labels.last()?.chars().any(|c| c.is_alphabetic()) {
        return None; // an IP address
    }
    let n = labels.len();
    let two = format!("{}.{}", labels[n - 2], labels[n - 1]);
    let keep = if n >= 3 && TWO_LABEL_SUFFIXES.contains(&two.as_str()) {
        3
    } else {
        2
    };
    Some(labels[n.saturating_sub(keep)..].join("."))
}

/// The label before the public suffix (`hopanatech` of `hopanatech.co.uk`)
/// and the suffix.
fn split_suffix(domain: &str) -> (&str, &str) {
    match domain.split_once('.') {
        Some((name, suffix)) => (name, suffix),
        None => (domain, ""),
    }
}

/// A free-mail or hosting domain, where anyone may have an address.
pub fn is_free_mail(domain: &str) -> bool {
    FREE_MAIL.contains(&domain)
}

/// How an applicant's domain compares with a listed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DomainMatch {
    /// The same registrable domain.
    Same,
    /// One letter off, a hyphen more or less, or another public suffix.
    Near(&'static str),
}

/// Compares two registrable domains.
pub fn compare(applicant: &str, listed: &str) -> Option<DomainMatch> {
    if applicant == listed {
        return Some(DomainMatch::Same);
    }
    let (a, a_suffix) = split_suffix(applicant);
    let (b, b_suffix) = split_suffix(listed);
    // Short names (`ibm`) are too easily one letter from another.
    if a.chars().count() < 5 || b.chars().count() < 5 {
        return None;
    }
    if a == b && a_suffix != b_suffix {
        return Some(DomainMatch::Near("the same name under another suffix"));
    }
    if a.replace('-', "") == b.replace('-', "") {
        return Some(DomainMatch::Near(
            "the same name with a hyphen more or less",
        ));
    }
    if a_suffix == b_suffix && crate::normalize::within_one_edit(a, b) {
        return Some(DomainMatch::Near("one letter different"));
    }
    None
}

/// The listed domains (websites and e-mail domains), by registrable domain.
#[derive(Default)]
pub struct DomainIndex {
    /// (registrable domain, entity, identifier position)
    pub entries: Vec<(String, u32, u16)>,
    exact: FastMap<String, Vec<usize>>,
}

impl DomainIndex {
    pub fn build<'a>(listed: impl IntoIterator<Item = ListedIdentifier<'a>>) -> DomainIndex {
        let mut index = DomainIndex::default();
        for id in listed {
            if !matches!(
                classify(id.kind),
                IdentifierType::Website | IdentifierType::Email
            ) {
                continue;
            }
            let Some(domain) = registrable_domain(id.value) else {
                continue;
            };
            if is_free_mail(&domain) {
                continue;
            }
            index
                .exact
                .entry(domain.clone())
                .or_default()
                .push(index.entries.len());
            index.entries.push((domain, id.entity, id.at));
        }
        index
    }

    /// The listed domains that `domain` matches, and how.
    pub fn lookup(&self, domain: &str) -> Vec<(u32, u16, DomainMatch)> {
        if let Some(hits) = self.exact.get(domain) {
            return hits
                .iter()
                .map(|&i| (self.entries[i].1, self.entries[i].2, DomainMatch::Same))
                .collect();
        }
        // A few thousand listed domains: a scan costs well under a millisecond.
        self.entries
            .iter()
            .filter_map(|(listed, entity, at)| Some((*entity, *at, compare(domain, listed)?)))
            .collect()
    }
}

/// Punycode (RFC 3492) decoding of one `xn--` label; other labels as they are.
fn decode_label(label: &str) -> String {
    let Some(encoded) = label.strip_prefix("xn--") else {
        return label.to_string();
    };
    punycode_decode(encoded).unwrap_or_else(|| label.to_string())
}

fn punycode_decode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    let (basic, extended) = match input.rfind('-') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => ("", input),
    };
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut digits = extended.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let byte = digits.next()?;
            let digit = match byte {
                b'a'..=b'z' => byte - b'a',
                b'0'..=b'9' => byte - b'0' + 26,
                _ => return None,
            } as u32;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                1
            } else if k >= bias + 26 {
                26
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = output.len() as u32 + 1;
        // Bias adaptation.
        let mut delta = if old_i == 0 {
            (i - old_i) / 700
        } else {
            (i - old_i) / 2
        };
        delta += delta / len;
        let mut k = 0;
        while delta > ((BASE - 1) * 26) / 2 {
            delta /= BASE - 1;
            k += BASE;
        }
        bias = k + (BASE * delta) / (delta + 38);
        n = n.checked_add(i / len)?;
        i %= len;
        output.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_form_reads_down_to_the_registrable_domain() {
        for (text, domain) in [
            ("hopanatech.com", Some("hopanatech.com")),
            (
                "https://WWW.HopanaTech.com./about?x=1",
                Some("hopanatech.com"),
            ),
            ("http://jobs.hopanatech.com:8080/", Some("hopanatech.com")),
            ("Jane.Doe@mail.HOPANATECH.com", Some("hopanatech.com")),
            ("mailto:jane@hopanatech.com", Some("hopanatech.com")),
            ("www.havanaintbank.co.uk", Some("havanaintbank.co.uk")),
            ("info@aqsatv.ps", Some("aqsatv.ps")),
            ("xn--mnchen-3ya.de", Some("münchen.de")),
            ("https://xn--80ak6aa92e.com", Some("аррӏе.com")),
            ("not a site", None),
            ("localhost", None),
            ("10.0.0.1", None),
        ] {
            assert_eq!(registrable_domain(text).as_deref(), domain, "{text}");
        }
    }

    #[test]
    fn near_domains_are_possible_matches() {
        assert_eq!(
            compare("hopanatech.com", "hopanatech.com"),
            Some(DomainMatch::Same)
        );
        for near in [
            "hopana-tech.com",
            "hopanatech.net",
            "hopanatec.com",
            "hopanatesh.com",
        ] {
            assert!(
                matches!(compare(near, "hopanatech.com"), Some(DomainMatch::Near(_))),
                "{near}"
            );
        }
        for far in ["hopana.com", "tech.com", "ibm.com", "hopanatechs.net"] {
            assert_eq!(compare(far, "hopanatech.com"), None, "{far}");
        }
        assert!(is_free_mail("gmail.com"));
    }
}
