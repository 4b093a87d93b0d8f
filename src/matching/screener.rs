//! The screener: the lists and their index, and the flow of one query
//! through them (validate, read the fields, find candidates, score every
//! name of each, compare date of birth and country, explain, rank).

use crate::config::{
    CANDIDATES, COUNTRY_CONFLICT_FACTOR, DOB_CONFLICT_FACTOR, NEAR_DOMAIN_SCORE, WEAK_ALIAS_FACTOR,
};
use sanctions_lists::snapshot::{Entries, SnapshotError};
use sanctions_lists::{Entity, Kind, ListMeta, Snapshot, Strength, Text};
use sanctions_normalize::{Spellings, TokenTable};

use super::checks::{check_country, check_dob, BirthDate, CheckField, Outcome};
use super::explain;
use super::query::{Options, Query, QueryError, MAX_FIELD_CHARS};
use super::result::{
    details, Level, ListRef, ListedEntry, Match, MatchedAs, MatchedIdentifier, NoticeRef,
    QueryField, Screening,
};
use super::score::{
    alignment, score_into, ListedName, NameScore, QueryPairs, Scored, ScoredToken, Scratch,
};
use crate::countries::{country_code, is_known_code};
use crate::identifiers::{
    IdentifierIndex, IdentifierType, ListedIdentifier, Normalized, TypedIdentifier,
};
use crate::index::{NameId, NameIndex, PRIMARY};
use crate::normalize::FastMap;
use crate::normalize::{
    readings, tokenize, variant_key, JoinBuffers, Reading, Tokenized, WordFacts,
};

/// The embedded lists with their index: build once, screen many times.
pub struct Screener {
    lists: Vec<ListMeta>,
    /// The entries, read in place: one is made whole when a match shows it.
    entries: Entries<'static>,
    /// The entries' names when `entries` does not carry them: the embedded
    /// lists' names, spelled back from the build-time token table.
    names: Option<Spellings>,
    index: NameIndex,
    /// Listed identifiers and domains, indexed at the first query that has
    /// one: they need every entry's details, which the fast start leaves encoded.
    listed_identifiers: std::sync::OnceLock<ListedIdentifiers>,
}

/// The lists' identifiers, indexed for exact lookup, and their domains.
struct ListedIdentifiers {
    exact: IdentifierIndex,
    domains: crate::domains::DomainIndex,
}

/// A query that passed validation.
struct Validated {
    fields: Vec<Field>,
    /// (field label, as typed, registrable domain) of e-mail addresses and websites.
    domains: Vec<(QueryField, String, String)>,
    /// (field label, as typed, type, normalised key)
    identifiers: Vec<(QueryField, String, IdentifierType, String)>,
    warnings: Vec<String>,
    dob: Option<(BirthDate, String)>,
    country: Option<&'static str>,
}

/// A validated query field, tokenised.
struct Field {
    /// `name`, `company` or `employer`.
    label: QueryField,
    /// The text as typed (trimmed), for the explanation of a reading.
    text: String,
    tokenized: Tokenized,
    /// Its other readings (a Korean name in Cyrillic, Han characters,
    /// Arabic script), each screened beside `tokenized`.
    readings: Vec<Reading>,
    organization: bool,
    kinds: Vec<Kind>,
}

impl Field {
    /// The field's tokens under reading `at`: 0 is as typed, 1.. its
    /// other readings.
    fn reading(&self, at: usize) -> (&Tokenized, Option<&Reading>) {
        match at.checked_sub(1) {
            None => (&self.tokenized, None),
            Some(i) => (&self.readings[i].tokenized, Some(&self.readings[i])),
        }
    }
}

/// An entity's best-scoring name for one field: the name, its score, and
/// the reading of the query that scored it.
type Best = FastMap<u32, (NameId, Scored, usize)>;

impl Screener {
    /// A screener over any snapshot; its names are tokenised now. Its
    /// entries are laid out by field as the embedded ones are, so that every
    /// screener reads its entries the one way.
    pub fn new(snapshot: Snapshot) -> Screener {
        let tokens = TokenTable::build(snapshot.names().map(|n| n.text));
        let (lists, entries) = Entries::of(&snapshot);
        let index = NameIndex::from_tokens(&entries, tokens)
            .expect("a table built from these names fits them");
        Screener {
            lists,
            entries,
            names: None,
            index,
            listed_identifiers: std::sync::OnceLock::new(),
        }
    }

    /// The screener over the embedded lists: the fast way to start. The
    /// build script has already tokenised the names, and each entry is
    /// made whole only when a match shows it.
    pub fn embedded() -> Result<Screener, String> {
        let (lists, entries, tokens, names) =
            crate::snapshot::embedded_entries().map_err(|e| e.to_string())?;
        let index = NameIndex::from_tokens(&entries, tokens)?;
        Ok(Screener {
            lists,
            entries,
            names: Some(names),
            index,
            listed_identifiers: std::sync::OnceLock::new(),
        })
    }

    /// The embedded lists with newer list files put in place of the ones
    /// they supersede (see [`sanctions_lists::update`]): every entry is
    /// decoded and every name tokenised again, so this takes a second or
    /// so. An error names the file and line that could not be read.
    #[cfg(feature = "list-files")]
    pub fn with_list_files(
        files: &[sanctions_lists::update::GivenFile<'_>],
    ) -> Result<Screener, String> {
        let mut snapshot = crate::snapshot::embedded().map_err(|e| e.to_string())?;
        sanctions_lists::update::replace_lists(&mut snapshot, files).map_err(|e| e.to_string())?;
        Ok(Screener::new(snapshot))
    }

    /// The lists screened against.
    pub fn lists(&self) -> &[ListMeta] {
        &self.lists
    }

    /// The entries, read in place; [`Screener::entity`] makes one whole.
    pub fn entries(&self) -> &Entries<'static> {
        &self.entries
    }

    /// The lists a screening with `options` is made against, as its result
    /// cites them (a batch report names them once for every row).
    pub fn cited_lists(&self, options: &Options) -> Result<Vec<ListRef>, QueryError> {
        let selected = self.selected_lists(options)?;
        Ok(self.cite(&selected, options))
    }

    fn cite(&self, selected: &[bool], options: &Options) -> Vec<ListRef> {
        self.lists
            .iter()
            .zip(selected)
            .filter(|(_, &on)| on)
            .map(|(l, _)| ListRef::new(l, options.today.as_deref()))
            .collect()
    }

    /// Entry `id` whole, with its reviewer details.
    pub fn entity(&self, id: u32) -> Result<Entity, QueryError> {
        let tokens = self.index.tokens();
        let names_of = |run| {
            let names = self.names.as_ref()?.run(tokens, run);
            Some(names.into_iter().map(Text::Owned).collect())
        };
        self.entries.entity(id as usize, names_of).map_err(damaged)
    }

    /// Entry `id`'s primary name.
    fn primary_name(&self, id: u32) -> Result<Text, QueryError> {
        Ok(self.entity(id)?.name)
    }

    pub fn index(&self) -> &NameIndex {
        &self.index
    }

    /// Screens a query through the index.
    pub fn screen(&self, query: &Query, options: &Options) -> Result<Screening, QueryError> {
        self.run(query, options, false)
    }

    /// Screens by scoring every listed name: the reference the index is tested against.
    pub fn screen_brute_force(
        &self,
        query: &Query,
        options: &Options,
    ) -> Result<Screening, QueryError> {
        self.run(query, options, true)
    }

    fn run(
        &self,
        query: &Query,
        options: &Options,
        brute_force: bool,
    ) -> Result<Screening, QueryError> {
        let Validated {
            fields,
            domains,
            identifiers,
            warnings,
            dob,
            country,
        } = self.validate(query, options)?;
        let lists = self.selected_lists(options)?;
        // (entity id, match): the ids link notices to sanctions entries.
        let mut matches: Vec<(u32, Match)> = Vec::new();
        for field in &fields {
            let mut best = Best::default();
            for at in 0..=field.readings.len() {
                self.score_reading(field, at, &lists, brute_force, &mut best);
            }
            for (entity_id, (name_id, scored, at)) in best {
                if scored.score < options.threshold {
                    continue;
                }
                // The alignment an explanation reads, for the few names
                // that match: the same scorer on the same name again.
                let scored = self.explained_score(field, at, name_id);
                matches.push((
                    entity_id,
                    self.build_match(
                        field,
                        at,
                        entity_id,
                        name_id,
                        &scored,
                        dob.as_ref(),
                        country,
                    )?,
                ));
            }
        }
        for (label, typed, kind, key) in &identifiers {
            for &(entity_id, at) in self.identifier_index()?.get(*kind, key) {
                if !lists[self.entries.list(entity_id as usize) as usize] {
                    continue;
                }
                let name_differs = query.name.as_deref().is_some_and(|n| !n.trim().is_empty())
                    && !matches
                        .iter()
                        .any(|(e, m)| *e == entity_id && m.field == QueryField::Name);
                matches.push((
                    entity_id,
                    self.identifier_match(*label, typed, entity_id, at, name_differs, query)?,
                ));
            }
        }
        for (label, typed, domain) in &domains {
            for (entity_id, at, how) in self.domain_index()?.lookup(domain) {
                if !lists[self.entries.list(entity_id as usize) as usize] {
                    continue;
                }
                matches.push((
                    entity_id,
                    self.domain_match(*label, typed, domain, entity_id, at, how)?,
                ));
            }
        }
        let mut matches = self.merge_notices(matches)?;
        matches.sort_by(|a, b| {
            // An identifier hit is exact evidence: first, and never cut by the limit before a name hit.
            (b.matched_identifier.is_some())
                .cmp(&a.matched_identifier.is_some())
                .then(b.score.total_cmp(&a.score))
                .then(b.name_score.total_cmp(&a.name_score))
                .then(a.list.cmp(&b.list))
                .then(
                    a.source_id
                        .len()
                        .cmp(&b.source_id.len())
                        .then(a.source_id.cmp(&b.source_id)),
                )
        });
        matches.truncate(options.limit);
        let lists = self.cite(&lists, options);
        Ok(Screening {
            matches,
            warnings,
            threshold: options.threshold,
            lists,
        })
    }

    /// Scores the candidates of `field` under its reading `at`, keeping in
    /// `best` each entity's best name over all readings (ties: the earlier
    /// reading, then the lower name id, so results do not depend on order).
    fn score_reading(
        &self,
        field: &Field,
        at: usize,
        lists: &[bool],
        brute_force: bool,
        best: &mut Best,
    ) {
        let (tokenized, _) = field.reading(at);
        let names: Vec<NameId> = if brute_force {
            (0..self.index.names.len() as NameId)
                .filter(|&n| field.kinds.contains(&self.index.names[n as usize].kind))
                .collect()
        } else {
            self.index.candidates(
                &tokenized.tokens,
                field.organization,
                &field.kinds,
                CANDIDATES,
            )
        };
        let query_owned = owned_tokens(&self.index, tokenized, field.organization);
        let query_view = view(&query_owned);
        let query_pairs = QueryPairs::of(&query_view);
        let mut scratch = Scratch::default();
        let mut listed = ListedBuffers::default();
        best.reserve(names.len());
        for name_id in names {
            let record = &self.index.names[name_id as usize];
            if !lists[record.list as usize] {
                continue;
            }
            let Some(scored) = self.score_candidate(
                (&query_view, &query_pairs, tokenized),
                name_id,
                field.organization,
                &mut listed,
                &mut scratch,
            ) else {
                continue;
            };
            let better = match best.get(&record.entity) {
                None => true,
                Some((other, s, other_at)) => {
                    scored.score > s.score
                        || (scored.score == s.score && (at, name_id) < (*other_at, *other))
                }
            };
            if better {
                best.insert(record.entity, (name_id, scored, at));
            }
        }
    }

    /// Scores one listed name against a query reading (its tokens, their
    /// joined pairs, the tokenised text), a weak alias lowered; `listed`
    /// and `scratch` are reused from one candidate to the next, so this
    /// allocates nothing once they have grown (the scorer's contract).
    fn score_candidate<'i>(
        &'i self,
        (query, query_pairs, tokenized): (&[ScoredToken<'_>], &QueryPairs, &Tokenized),
        name_id: NameId,
        organization: bool,
        listed: &mut ListedBuffers<'i>,
        scratch: &mut Scratch,
    ) -> Option<Scored> {
        let record = &self.index.names[name_id as usize];
        let name = self.listed_name(record, organization, listed);
        let mut scored = score_into(
            query,
            query_pairs,
            &name,
            tokenized.family_len.unwrap_or(0),
            scratch,
        )?;
        if record.weak {
            scored.score *= WEAK_ALIAS_FACTOR;
        }
        Some(scored)
    }

    /// A listed name as the scorer reads it, made in `buffers`.
    fn listed_name<'n, 'i>(
        &'i self,
        record: &crate::index::NameRecord,
        organization: bool,
        buffers: &'n mut ListedBuffers<'i>,
    ) -> ListedName<'n, 'i> {
        listed_view(&self.index, record, organization, &mut buffers.tokens);
        self.index
            .name_joined(record, &mut buffers.join, &mut buffers.joined);
        buffers.name(record)
    }

    /// [`Screener::score_candidate`] with the alignment, for a name that matched.
    fn explained_score(&self, field: &Field, at: usize, name_id: NameId) -> NameScore {
        let (tokenized, _) = field.reading(at);
        let query_owned = owned_tokens(&self.index, tokenized, field.organization);
        let query = view(&query_owned);
        let mut listed = ListedBuffers::default();
        let mut scratch = Scratch::default();
        let scored = self
            .score_candidate(
                (&query, &QueryPairs::of(&query), tokenized),
                name_id,
                field.organization,
                &mut listed,
                &mut scratch,
            )
            .expect("a name that scored scores again");
        let record = &self.index.names[name_id as usize];
        alignment(scored, &query, &listed.name(record), &scratch)
    }

    fn selected_lists(&self, options: &Options) -> Result<Vec<bool>, QueryError> {
        for id in &options.lists {
            if !self.lists.iter().any(|l| &l.id == id) {
                let known: Vec<&str> = self.lists.iter().map(|l| l.id.as_str()).collect();
                return Err(QueryError(format!(
                    "unknown list {id:?}: the lists are {}",
                    known.join(", ")
                )));
            }
        }
        Ok(self
            .lists
            .iter()
            .map(|l| options.lists.is_empty() || options.lists.contains(&l.id))
            .collect())
    }

    fn validate(&self, query: &Query, options: &Options) -> Result<Validated, QueryError> {
        options.validate()?;
        // Every value of every field, one length rule.
        let single = [
            ("name", &query.name),
            ("company", &query.company),
            ("date of birth", &query.dob),
            ("country", &query.country),
        ]
        .into_iter()
        .filter_map(|(label, value)| Some((label, value.as_deref()?)));
        let several = [
            ("employer", &query.employer),
            ("wallet", &query.wallet),
            ("id number", &query.id_number),
            ("phone", &query.phone),
            ("email", &query.email),
            ("website", &query.website),
        ]
        .into_iter()
        .flat_map(|(label, values)| values.iter().map(move |v| (label, v.as_str())));
        for (label, value) in single.chain(several) {
            let chars = value.trim().chars().count();
            if chars > MAX_FIELD_CHARS {
                return Err(QueryError(format!(
                    "{label} is {chars} characters long; at most {MAX_FIELD_CHARS} are screened"
                )));
            }
        }
        let mut fields = Vec::new();
        let texts = [
            (QueryField::Name, query.name.as_deref(), false),
            (QueryField::Company, query.company.as_deref(), true),
        ]
        .into_iter()
        .chain(
            query
                .employer
                .iter()
                .map(|e| (QueryField::Employer, Some(e.as_str()), true)),
        );
        for (label, value, organization) in texts {
            let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) else {
                continue;
            };
            let tokenized = tokenize(text);
            if tokenized.tokens.is_empty() {
                return Err(QueryError(format!(
                    "{} {text:?} has no letters or digits to screen",
                    label.as_str()
                )));
            }
            let other_readings = readings(&tokenized);
            let kinds = if organization {
                if options.vessels_and_aircraft {
                    vec![Kind::Organization, Kind::Vessel, Kind::Aircraft]
                } else {
                    vec![Kind::Organization]
                }
            } else {
                vec![Kind::Person]
            };
            fields.push(Field {
                label,
                text: text.to_string(),
                tokenized,
                readings: other_readings,
                organization,
                kinds,
            });
        }
        let mut identifiers = Vec::new();
        let mut warnings = Vec::new();
        for (label, values, kind) in query.identifiers() {
            for typed in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                let normalized = match kind {
                    IdentifierType::Wallet => Some(Normalized::wallet(typed)),
                    IdentifierType::Document => Normalized::document(typed),
                    _ => Normalized::phone(typed),
                };
                let Some(normalized) = normalized else {
                    return Err(QueryError(match kind {
                        IdentifierType::Document => format!(
                            "id number {typed:?} is too short to identify anyone: give the whole number (at least {} letters and digits)",
                            crate::identifiers::MIN_DOCUMENT_CHARS
                        ),
                        _ => format!(
                            "phone {typed:?} is too short: give the whole number with its country code (at least {} digits)",
                            crate::identifiers::MIN_PHONE_DIGITS
                        ),
                    }));
                };
                warnings.extend(normalized.warning);
                identifiers.push((label, typed.to_string(), kind, normalized.key));
            }
        }
        let mut domains = Vec::new();
        for (label, values) in [
            (QueryField::Email, &query.email),
            (QueryField::Website, &query.website),
        ] {
            for typed in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                let Some(domain) = crate::domains::registrable_domain(typed) else {
                    return Err(QueryError(format!(
                        "{} {typed:?} holds no internet domain: write an address such as name@example.com or example.com",
                        label.as_str()
                    )));
                };
                if crate::domains::is_free_mail(&domain) {
                    warnings.push(format!(
                        "\u{201c}{typed}\u{201d} is at {domain}, where anyone can have an address or a page: it says nothing about the applicant and is not compared."
                    ));
                    continue;
                }
                domains.push((label, typed.to_string(), domain));
            }
        }
        if fields.is_empty() && identifiers.is_empty() && domains.is_empty() && warnings.is_empty()
        {
            return Err(QueryError(
                "enter a name, a company or an identifier (wallet, ID number, phone, e-mail, website) to screen".into(),
            ));
        }
        let dob = match query
            .dob
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            None => None,
            Some(text) => Some((
                BirthDate::parse(text).ok_or_else(|| {
                    QueryError(format!(
                        "date of birth {text:?} is not a date: write YYYY-MM-DD, or YYYY (and a day the month has)"
                    ))
                })?,
                text.to_string(),
            )),
        };
        let country = match query
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => None,
            Some(text) => {
                let code = country_code(text).filter(|_| text.len() != 2 || is_known_code(text));
                Some(code.ok_or_else(|| {
                    QueryError(format!(
                        "country {text:?} is not known: use a two-letter ISO code such as KP or US"
                    ))
                })?)
            }
        };
        Ok(Validated {
            fields,
            domains,
            identifiers,
            warnings,
            dob,
            country,
        })
    }

    /// A notice hit on a person or company that also matched on a sanctions
    /// list (the same field) is shown once: as the sanctions hit, with the
    /// notice attached. A notice hit whose sanctions entry did not match says
    /// where that entry is.
    fn merge_notices(&self, mut matches: Vec<(u32, Match)>) -> Result<Vec<Match>, QueryError> {
        let mut merged_into: Vec<Option<usize>> = vec![None; matches.len()];
        for i in 0..matches.len() {
            let Some(notice) = matches[i].1.notice.clone() else {
                continue;
            };
            if matches[i].1.list != crate::catalog::NOTICES_LIST {
                continue;
            }
            let field = matches[i].1.field;
            let target = matches.iter().position(|(e, m)| {
                m.field == field && notice.also_listed.iter().any(|l| l.entity == *e)
            });
            match target {
                Some(j) => {
                    merged_into[i] = Some(j);
                    let m = &mut matches[j].1;
                    m.explanation.push(format!(
                        "Also named in a US public notice on the DPRK IT-worker schemes: {} ({}). Source: {}",
                        notice.action, notice.date, notice.source_url
                    ));
                    m.notice = Some(notice);
                }
                None => {
                    for listed in &notice.also_listed {
                        let id = listed.entity as usize;
                        let list = &self.lists[self.entries.list(id) as usize];
                        matches[i].1.explanation.push(format!(
                            "The same {} is on the {} as entry {} ({}).",
                            self.entries.kind(id).as_str(),
                            list.name,
                            self.entries.source_id(id).map_err(damaged)?,
                            self.primary_name(listed.entity)?
                        ));
                    }
                }
            }
        }
        Ok(matches
            .into_iter()
            .zip(merged_into)
            .filter(|(_, merged)| merged.is_none())
            .map(|((_, m), _)| m)
            .collect())
    }

    /// Labels a hit on an entry of the notices list for what it is: a public
    /// notice, not a sanctions designation; a persona may be anyone's name.
    fn label_notice(&self, entity: &Entity, m: &mut Match) -> Result<(), QueryError> {
        let Some(notice) = &entity.details.notice else {
            return Ok(());
        };
        let persona = notice.category == "persona";
        m.explanation.push(format!(
            "This is a US public notice, not a sanctions designation: {} ({}). Source: {}",
            notice.action, notice.date, notice.source_url
        ));
        if persona {
            m.explanation.push(format!(
                "\u{201c}{}\u{201d} is a false name (persona) that North Korean IT workers used in a US case. Innocent people may bear the same name: only other evidence (identity documents, the company, the checks below) can tell them apart.",
                entity.name
            ));
            // A persona's name alone is weak evidence: never more than possible.
            m.level = Level::Possible;
        }
        m.url = notice.source_url.clone();
        m.notice = Some(NoticeRef {
            id: entity.source_id.clone(),
            category: notice.category.clone(),
            action: notice.action.clone(),
            date: notice.date.clone(),
            source_url: notice.source_url.clone(),
            persona,
            also_listed: notice
                .also_listed
                .iter()
                .map(|&e| {
                    Ok(ListedEntry {
                        entity: e,
                        list: self.lists[self.entries.list(e as usize) as usize]
                            .id
                            .clone(),
                        source_id: self
                            .entries
                            .source_id(e as usize)
                            .map_err(damaged)?
                            .to_string()
                            .into(),
                    })
                })
                .collect::<Result<_, QueryError>>()?,
        });
        Ok(())
    }

    /// The listed domains' index, built at first use.
    fn domain_index(&self) -> Result<&crate::domains::DomainIndex, QueryError> {
        Ok(&self.listed_identifiers()?.domains)
    }

    /// A hit on an e-mail or website domain: the same registrable domain is
    /// strong, a near one possible.
    fn domain_match(
        &self,
        label: QueryField,
        typed: &str,
        domain: &str,
        entity_id: u32,
        at: u16,
        how: crate::domains::DomainMatch,
    ) -> Result<Match, QueryError> {
        let entity = self.entity(entity_id)?;
        let entity: &Entity = &entity;
        let listed = TypedIdentifier::new(&entity.details.identifiers[at as usize]);
        let what = if label == QueryField::Email {
            "e-mail address"
        } else {
            "website"
        };
        let (score, level, line) = match how {
            crate::domains::DomainMatch::Same => (
                1.0,
                Level::Strong,
                format!(
                    "The {what} \u{201c}{typed}\u{201d} is at {domain}, the domain of this entry's {} {}.",
                    listed.kind, listed.value
                ),
            ),
            crate::domains::DomainMatch::Near(why) => (
                // Close but not the same: a lookalike domain is a classic
                // front, and also an innocent neighbour; a reviewer decides.
                NEAR_DOMAIN_SCORE,
                Level::Possible,
                format!(
                    "The {what} \u{201c}{typed}\u{201d} is at {domain}, close to this entry's {} {} ({why}).",
                    listed.kind, listed.value
                ),
            ),
        };
        let explanation = vec![
            line,
            "Domains are compared as registered: the address's user, sub-domains such as www., letter case and the rest of the address are set aside.".into(),
        ];
        let identifier = MatchedIdentifier {
            typed: typed.to_string(),
            listed,
            name_differs: false,
        };
        self.identifier_hit(label, entity, identifier, (score, level), explanation)
    }

    /// A hit on one of an entry's identifiers (exact or a domain), with its
    /// score and level and the lines that explain it.
    fn identifier_hit(
        &self,
        field: QueryField,
        entity: &Entity,
        identifier: MatchedIdentifier,
        (score, level): (f32, Level),
        explanation: Vec<String>,
    ) -> Result<Match, QueryError> {
        let list = &self.lists[entity.list as usize];
        let mut m = Match {
            field,
            list: list.id.clone(),
            list_name: list.name.clone(),
            list_date: list.date.clone(),
            source_id: entity.source_id.clone(),
            kind: entity.kind,
            name: entity.name.clone(),
            matched_name: entity.name.clone(),
            matched_as: MatchedAs::Identifier,
            alias_strength: Strength::Strong,
            score,
            name_score: score,
            level,
            programs: entity.programs.clone(),
            explanation,
            checks: Vec::new(),
            matched_identifier: Some(identifier),
            notice: None,
            details: details(entity),
            url: list.entry_url(&entity.source_id),
        };
        self.label_notice(entity, &mut m)?;
        Ok(m)
    }

    /// The listed identifiers' index, built at first use.
    fn identifier_index(&self) -> Result<&IdentifierIndex, QueryError> {
        Ok(&self.listed_identifiers()?.exact)
    }

    /// Every entry's identifiers, decoded once and indexed both ways.
    fn listed_identifiers(&self) -> Result<&ListedIdentifiers, QueryError> {
        if let Some(listed) = self.listed_identifiers.get() {
            return Ok(listed);
        }
        // Read in place: the entries give their identifiers alone, not
        // each of the 16,000 entries made whole.
        let mut all = Vec::new();
        for id in 0..self.entries.len() {
            let texts = self.entries.identifier_texts(id).map_err(damaged)?;
            all.extend(
                texts
                    .into_iter()
                    .enumerate()
                    .map(|(at, (kind, value))| ListedIdentifier {
                        entity: id as u32,
                        at: at as u16,
                        kind,
                        value,
                    }),
            );
        }
        let listed = ListedIdentifiers {
            exact: IdentifierIndex::build(all.iter().copied()),
            domains: crate::domains::DomainIndex::build(all.iter().copied()),
        };
        Ok(self.listed_identifiers.get_or_init(|| listed))
    }

    /// A hit on an identifier: exact, so strong, with the listed identifier
    /// and, when the applicant's name is not the entry's, a warning that
    /// this is the most serious kind of hit.
    fn identifier_match(
        &self,
        label: QueryField,
        typed: &str,
        entity_id: u32,
        at: u16,
        name_differs: bool,
        query: &Query,
    ) -> Result<Match, QueryError> {
        let entity = self.entity(entity_id)?;
        let entity: &Entity = &entity;
        let listed = TypedIdentifier::new(&entity.details.identifiers[at as usize]);
        let what = match label {
            QueryField::Wallet => "wallet address",
            QueryField::IdNumber => "ID number",
            _ => "phone number",
        };
        let how = match listed.kind_type {
            IdentifierType::Wallet => "compared as the chain writes addresses: a URI, quotes and, for 0x and bc1 addresses, letter case set aside",
            IdentifierType::Phone => "compared as international digits",
            _ => "compared without spaces, dashes, dots and letter case",
        };
        let note = if listed.note.is_empty() {
            String::new()
        } else {
            format!(" {}", listed.note)
        };
        let mut explanation = vec![
            format!(
                "The {what} \u{201c}{typed}\u{201d} is listed for this entry: {} {}{note} ({how}).",
                listed.kind, listed.value
            ),
            "An identifier is exact evidence: it is matched as a whole or not at all, never by resemblance.".to_string(),
        ];
        if name_differs {
            explanation.push(format!(
                "The applicant's name \u{201c}{}\u{201d} is not this entry's name ({}): an identifier of a listed entry given under another name is the most serious kind of hit. The applicant may be using a borrowed or stolen identity, or asking to be paid into a sanctioned account. Escalate it.",
                query.name.as_deref().unwrap_or_default().trim(),
                entity.name
            ));
        }
        let identifier = MatchedIdentifier {
            typed: typed.to_string(),
            listed,
            name_differs,
        };
        self.identifier_hit(label, entity, identifier, (1.0, Level::Strong), explanation)
    }

    #[allow(clippy::too_many_arguments)]
    fn build_match(
        &self,
        field: &Field,
        reading_at: usize,
        entity_id: u32,
        name_id: NameId,
        scored: &NameScore,
        dob: Option<&(BirthDate, String)>,
        country: Option<&'static str>,
    ) -> Result<Match, QueryError> {
        let entity = self.entity(entity_id)?;
        let entity: &Entity = &entity;
        let list = &self.lists[entity.list as usize];
        let record = &self.index.names[name_id as usize];
        let (matched_name, matched_as, weak) = if record.alias == PRIMARY {
            (entity.name.clone(), MatchedAs::Primary, false)
        } else {
            let alias = &entity.aliases[record.alias as usize];
            (
                alias.name.clone(),
                MatchedAs::Alias(alias.kind),
                alias.strength == Strength::Weak,
            )
        };
        let name_score = scored.score;
        let mut score = name_score;
        let mut checks = Vec::new();
        if let Some((date, text)) = dob {
            if entity.kind == Kind::Person {
                checks.push(check_dob(date, text, entity));
            }
        }
        if let Some(code) = country {
            checks.push(check_country(code, entity));
        }
        for check in &checks {
            if check.outcome == Outcome::Conflict {
                score *= if check.field == CheckField::Dob {
                    DOB_CONFLICT_FACTOR
                } else {
                    COUNTRY_CONFLICT_FACTOR
                };
            }
        }
        let (tokenized, reading) = field.reading(reading_at);
        let mut explanation = explain::explain(
            field.label,
            tokenized,
            &matched_name,
            record,
            scored,
            weak,
            matched_as,
        );
        if entity.kind == Kind::Person && dob.is_none() && !scored.partial {
            explanation.push(
                "Many people share a name: only the date of birth and the other details can tell the applicant from the listed person, and none was given."
                    .into(),
            );
        }
        if let Some(reading) = reading {
            // Right after "The name matches …": how the script was read.
            explanation.insert(
                1,
                format!(
                    "\u{201c}{}\u{201d} was read as \u{201c}{}\u{201d} ({}).",
                    field.text,
                    reading.text(),
                    reading.kind.describe()
                ),
            );
        }
        let mut m = Match {
            field: field.label,
            list: list.id.clone(),
            list_name: list.name.clone(),
            list_date: list.date.clone(),
            source_id: entity.source_id.clone(),
            kind: entity.kind,
            name: entity.name.clone(),
            matched_name,
            matched_as,
            alias_strength: if weak {
                Strength::Weak
            } else {
                Strength::Strong
            },
            score: round3(score),
            name_score: round3(name_score),
            level: Level::of(score),
            programs: entity.programs.clone(),
            explanation,
            checks,
            matched_identifier: None,
            notice: None,
            details: details(entity),
            url: list.entry_url(&entity.source_id),
        };
        self.label_notice(entity, &mut m)?;
        Ok(m)
    }
}

/// The error a query meets when the embedded entries do not decode.
fn damaged(error: SnapshotError) -> QueryError {
    QueryError(format!("the embedded lists are damaged: {error}"))
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Text, key, weighing, alternate reading (text and key) and facts of each
/// token, owned.
type OwnedTokens = Vec<(
    String,
    String,
    crate::weights::Weighing,
    Option<(String, String)>,
    WordFacts,
)>;

fn owned_tokens(index: &NameIndex, tokenized: &Tokenized, organization: bool) -> OwnedTokens {
    tokenized
        .tokens
        .iter()
        .map(|t| {
            let key = variant_key(&t.text);
            let weighing = index.weighing(&t.text, &key, organization);
            let alternate = t.alternate.as_ref().map(|a| (a.clone(), variant_key(a)));
            let facts = WordFacts::of(&t.text, &key);
            (t.text.clone(), key, weighing, alternate, facts)
        })
        .collect()
}

/// Room for one listed name as the scorer reads it, reused from one
/// candidate to the next.
#[derive(Default)]
struct ListedBuffers<'i> {
    tokens: Vec<ScoredToken<'i>>,
    joined: Vec<u64>,
    join: JoinBuffers,
}

impl<'i> ListedBuffers<'i> {
    /// The name [`Screener::listed_name`] last made here, `record`'s.
    fn name(&self, record: &crate::index::NameRecord) -> ListedName<'_, 'i> {
        let person = record.kind == Kind::Person;
        ListedName {
            tokens: &self.tokens,
            joined: &self.joined,
            person,
            family_len: if person {
                record.family_len as usize
            } else {
                0
            },
        }
    }
}

/// A listed name's tokens as the scorer reads them, into `out`.
fn listed_view<'a>(
    index: &'a NameIndex,
    record: &crate::index::NameRecord,
    organization: bool,
    out: &mut Vec<ScoredToken<'a>>,
) {
    let slot = organization as usize;
    out.clear();
    out.extend(index.name_terms(record).iter().map(|&t| {
        let term = &index.terms[t as usize];
        ScoredToken {
            text: index.term_text(t),
            key: index.term_key(t),
            alternate_text: None,
            alternate_key: None,
            class: term.class[slot],
            weight: term.weight[slot],
            evidence: term.evidence[slot],
            facts: index.term_facts(t),
            term: Some(t),
        }
    }));
}

fn view(tokens: &OwnedTokens) -> Vec<ScoredToken<'_>> {
    tokens
        .iter()
        .map(|(text, key, weighing, alternate, facts)| ScoredToken {
            text,
            key,
            alternate_text: alternate.as_ref().map(|(t, _)| t.as_str()),
            alternate_key: alternate.as_ref().map(|(_, k)| k.as_str()),
            class: weighing.class,
            weight: weighing.weight,
            evidence: weighing.evidence,
            facts,
            term: None,
        })
        .collect()
}

#[cfg(test)]
#[path = "allocation_tests.rs"]
mod allocation_tests;
