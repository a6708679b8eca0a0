//! # docket-extract
//!
//! Finds enforcement events in English news prose: who (a regulator, court, official or state
//! medium) did what (a fine, a summons, a ban, ...) to whom, when and for how much, with the
//! evidence sentence and its byte span.
//!
//! **Design decision:** a cheap filter decides where the expensive work happens. Every pattern
//! the extractor knows (catalogue names, aliases, descriptors, jurisdiction words and the
//! trigger lexicon) is compiled once, in [`Extractor::new`], into one Aho-Corasick automaton
//! that scans a document in one linear pass. Only sentences that contain a trigger word are
//! analysed (tokens, unknown names, clause roles, time and money patterns); a few sentences
//! before them are read for the names they introduce; every sentence is bounded in length and
//! the document-level passes compare an event with a bounded number of others, so the cost of a
//! document is linear in its size. The analysis itself is shallow and rule-based, driven by data
//! tables ([`lexicon`]) rather than by code that knows particular companies or sentences; its
//! stages and limits are described in `docs/extractor.md`.
//!
//! Events that one document reports more than once are merged inside the extractor (same
//! action, a shared target or the same actor, compatible dates, amounts and counts), keeping
//! the first sentence as evidence, the most precise date and the amount. An actor is never
//! carried over from another event: it comes from the event's own sentence or from an explicit
//! reference ("it", "the regulator", "the agency").

#![warn(missing_docs)]

mod analyze;
pub mod index;
pub mod lexicon;
pub mod money;
pub mod sentence;
pub mod time;
mod zh;

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use docket_core::{ActionKind, AmountRole, DateValue, PartialDate, RawEvent, TextBody};
use docket_normalize::date::{parse_date, DateHints};
use docket_normalize::Resolver;
use thiserror::Error;

use analyze::{Candidate, Memory, Role};
use index::Index;

/// Most amounts in a document for which totals are looked for.
const MAX_TOTALS: usize = 32;

/// How many events of one action an event without targets is compared with.
const MAX_ABSORB_SCAN: usize = 64;

/// Sentences at the start of a document whose names are always remembered (headline, lead).
const LEAD_SENTENCES: usize = 4;

/// Sentences without an action read before a sentence with one, for its references.
const CONTEXT_SENTENCES: usize = 4;

/// Errors raised while building an [`Extractor`].
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// A pattern or automaton could not be compiled.
    #[error("cannot compile the extractor's patterns: {0}")]
    Pattern(String),
}

/// The result of extracting one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Candidate events, one per real-world action reported in the text.
    pub events: Vec<RawEvent>,
    /// Number of sentences the text was split into.
    pub sentences: usize,
    /// Actions found that name neither who took them nor whom they were taken against ("Former
    /// CEO Settles Charges"): they make no event, and tell why a text that has nothing else
    /// gives none.
    pub unattributed: Vec<Unattributed>,
}

/// An action the text reports without an actor or a party (see [`Extraction::unattributed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unattributed {
    /// What was done.
    pub action: ActionKind,
    /// Byte span of its sentence in the text.
    pub sentence: (usize, usize),
}

/// The text extractor. Build it once (it compiles its automata) and share it: `extract` takes
/// `&self` and is safe to call from many threads.
#[derive(Debug)]
pub struct Extractor {
    resolver: Arc<Resolver>,
    descriptors: HashMap<String, Vec<String>>,
    actors: Vec<(Arc<docket_core::RawActor>, Arc<str>)>,
    index: Index,
    times: time::TimeFinder,
    money: money::MoneyFinder,
    zh: zh::ZhExtractor,
}

impl Extractor {
    /// Compiles the automata for the resolver's catalogue and the built-in lexicons.
    pub fn new(resolver: Arc<Resolver>) -> Result<Self, ExtractError> {
        let descriptors = resolver
            .catalogue()
            .actors
            .iter()
            .filter(|a| !a.descriptors.is_empty())
            .map(|a| {
                let folded = a
                    .descriptors
                    .iter()
                    .map(|d| docket_normalize::name::fold_name(d))
                    .collect();
                (a.id.clone(), folded)
            })
            .collect();
        Ok(Extractor {
            descriptors,
            actors: analyze::catalogue_actors(&resolver),
            index: Index::new(&resolver)?,
            times: time::TimeFinder::new()?,
            money: money::MoneyFinder::new()?,
            zh: zh::ZhExtractor::new(&resolver)?,
            resolver,
        })
    }

    /// The catalogue index the extractor resolves against.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Extracts candidate events from one text. `context` holds the record's structured fields
    /// (currently unused: the text alone is read). Relative dates are anchored on the body's
    /// `published` date, else on a wire dateline at its start ("BEIJING, July 24 (Reuters) -"),
    /// else on `reference_date` (which also gives a dateline without a year its year).
    pub fn extract(
        &self,
        body: &TextBody,
        context: &RawEvent,
        reference_date: Option<PartialDate>,
    ) -> Extraction {
        let _ = context;
        // Chinese text (lang zh, else mostly CJK script) goes to the Chinese notice reader
        // (without a language, only text with CJK bytes, U+3000..U+9FFF, can be Chinese: a
        // byte test spares English text the character count)
        let cjk_bytes = || body.text.bytes().any(|b| (0xE3..=0xE9).contains(&b));
        if (body.lang.is_some() || cjk_bytes()) && zh::is_chinese(body) {
            return self.zh.extract(&self.resolver, body, reference_date);
        }
        let text = body.text.as_str();
        // the anchor of relative dates: the published date, else a wire dateline's (its year
        // from the reference date when it has none), else the reference date
        let anchor = body
            .published
            .as_deref()
            .and_then(|p| parse_date(p, &DateHints::default()).ok().flatten())
            .or_else(|| self.times.dateline(text, reference_date))
            .or(reference_date);
        let latin = !body.lang.as_deref().is_some_and(|l| {
            matches!(l.to_ascii_lowercase().as_str(), "zh" | "ja" | "ko") || l.starts_with("zh-")
        });
        let spans = sentence::split(text);
        let hits = self.index.hits(text);
        let mut memory = Memory {
            dominant: self.dominant_jurisdiction(&hits),
            anchor,
            ..Memory::default()
        };
        let mut candidates: Vec<Candidate> = Vec::new();
        // candidates of the previous sentence whose target the next sentence names
        let mut cataphoric: Vec<usize> = Vec::new();
        // sentences without a trigger only feed the memory of later sentences that have one:
        // they are read when such a sentence comes (and never after the last one)
        let mut deferred: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
        let mut h = 0;
        for (number, &(start, end)) in spans.iter().enumerate() {
            let waiting = std::mem::take(&mut cataphoric);
            let before = candidates.len();
            while h < hits.len() && hits[h].start < start {
                h += 1;
            }
            let first = h;
            while h < hits.len() && hits[h].end <= end {
                h += 1;
            }
            let sentence_hits = &hits[first..h];
            let has_trigger = sentence_hits.iter().any(|hit| hit.trigger().is_some());
            let slice = &text[start..end];
            if !has_trigger {
                if waiting.is_empty() {
                    // the lead is always read; later, only the sentences shortly before an
                    // action matter for its references
                    if number < LEAD_SENTENCES {
                        self.observe(
                            text,
                            number,
                            (start, end),
                            sentence_hits,
                            latin,
                            &mut memory,
                        );
                    } else {
                        if deferred.len() >= CONTEXT_SENTENCES && !deferred.is_empty() {
                            deferred.remove(0);
                        }
                        if CONTEXT_SENTENCES > 0 {
                            deferred.push((number, start, end, first, h));
                        }
                    }
                } else {
                    // the previous sentence waits for the name that opens this one
                    for (n, s, e, f, g) in deferred.drain(..) {
                        self.observe(text, n, (s, e), &hits[f..g], latin, &mut memory);
                    }
                    self.observe(
                        text,
                        number,
                        (start, end),
                        sentence_hits,
                        latin,
                        &mut memory,
                    );
                    fill_cataphoric(&mut candidates, &waiting, &memory);
                }
                continue;
            }
            for (n, s, e, f, g) in deferred.drain(..) {
                self.observe(text, n, (s, e), &hits[f..g], latin, &mut memory);
            }
            memory.sentence = number;
            memory.opening = None;
            let shift = |mut v: Vec<time::TimeExpr>| {
                for e in &mut v {
                    e.start += start;
                    e.end += start;
                }
                v
            };
            let times = shift(self.times.find(slice));
            let money = self
                .money
                .find(slice)
                .into_iter()
                .map(|mut m| {
                    m.start += start;
                    m.end += start;
                    m.core_end += start;
                    m
                })
                .collect();
            // a first sentence without a terminal mark, also inside closing quotes or brackets
            // ("EU to probe Alitalia 'state aid'" is a headline; "... said: 'It is over.'" is not)
            let unterminated = !slice
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?', '…']);
            let headline = number == 0 && unterminated;
            let sentence = analyze::Sentence {
                text,
                span: (start, end),
                hits: sentence_hits,
                times,
                money,
                headline,
                unterminated,
                latin,
                descriptors: &self.descriptors,
                actors: &self.actors,
            };
            candidates.extend(analyze::analyze(&sentence, &self.resolver, &mut memory));
            fill_cataphoric(&mut candidates, &waiting, &memory);
            cataphoric = (before..candidates.len())
                .filter(|&i| candidates[i].cataphoric && candidates[i].targets.is_empty())
                .collect();
        }
        // the names the document gives its courts and agencies later refine earlier mentions
        if candidates
            .iter()
            .any(|c| c.actor.as_ref().is_some_and(|a| a.key.starts_with("x:")))
        {
            for (n, s, e, f, g) in deferred.drain(..) {
                self.observe(text, n, (s, e), &hits[f..g], latin, &mut memory);
            }
        }

        let candidates = join_continuations(candidates);
        let candidates = join_anaphora(candidates);
        let mut unattributed = Vec::new();
        let mut merged = merge(candidates, &self.resolver, &mut unattributed);
        refine_authorities(&mut merged, &memory);
        let (emitted, unnamed): (Vec<Candidate>, Vec<Candidate>) =
            merged.into_iter().partition(worth_emitting);
        unattributed.extend(
            unnamed
                .iter()
                .filter(|c| c.actor.is_none() && c.targets.is_empty())
                .map(|c| Unattributed {
                    action: c.action,
                    sentence: c.span,
                }),
        );
        unattributed.sort_by_key(|u| u.sentence);
        Extraction {
            events: emitted.into_iter().map(|c| to_raw(c, body)).collect(),
            sentences: spans.len(),
            unattributed,
        }
    }

    /// Reads a sentence that reports no action, for the memory of the document.
    fn observe(
        &self,
        text: &str,
        number: usize,
        (start, end): (usize, usize),
        hits: &[index::Hit<'_>],
        latin: bool,
        memory: &mut Memory,
    ) {
        memory.sentence = number;
        memory.opening = None;
        // (a sentence that an authority opens is read in full too: "it" at the start of the
        // next one may refer to that authority)
        let catalogue = self.resolver.catalogue();
        let opens_with_authority = || {
            hits.first().is_some_and(|hit| {
                let lead = text.get(start..hit.start).unwrap_or_default().trim();
                (lead.is_empty() || lead.eq_ignore_ascii_case("the"))
                    && (hit.descriptor().is_some()
                        || hit.names().any(|i| {
                            catalogue
                                .actors
                                .get(i)
                                .is_some_and(|a| a.kind.is_authority())
                        }))
            })
        };
        if names_to_remember(&text[start..end], start, hits) || opens_with_authority() {
            let sentence = analyze::Sentence {
                text,
                span: (start, end),
                hits,
                times: Vec::new(),
                money: Vec::new(),
                headline: false,
                unterminated: false,
                latin,
                descriptors: &self.descriptors,
                actors: &self.actors,
            };
            analyze::observe(&sentence, &self.resolver, memory);
        } else {
            self.remember_names(text, hits, memory);
        }
    }

    fn dominant_jurisdiction(&self, hits: &[index::Hit<'_>]) -> Option<String> {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        let catalogue = self.resolver.catalogue();
        for (position, hit) in hits.iter().enumerate() {
            let mut codes: Vec<&str> = hit.jurisdiction().into_iter().collect();
            for index in hit.names() {
                if let Some(code) = catalogue
                    .actors
                    .get(index)
                    .and_then(|a| a.jurisdiction.as_deref())
                {
                    codes.push(code);
                }
            }
            for code in codes {
                let slot = counts.entry(code).or_insert((0, position));
                slot.0 += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
            .map(|(code, _)| code.to_string())
    }

    /// Keeps the most recent catalogue company and authority of a sentence that is not analysed.
    fn remember_names(&self, text: &str, hits: &[index::Hit<'_>], memory: &mut Memory) {
        let catalogue = self.resolver.catalogue();
        for hit in hits {
            let names: Vec<usize> = hit.names().collect();
            let [index] = names.as_slice() else { continue };
            let Some(actor) = catalogue.actors.get(*index) else {
                continue;
            };
            let mention = analyze::Mention {
                start: hit.start,
                end: hit.end,
                t0: 0,
                t1: 0,
                role: if actor.kind.is_authority() {
                    Role::Authority
                } else {
                    Role::Company
                },
                actor: Arc::new(docket_core::RawActor {
                    name: actor.name.clone(),
                    id_hint: Some(actor.id.clone()),
                    parent_hint: None,
                    kind_hint: None,
                }),
                key: actor.id.as_str().into(),
                modifier: false,
                coref: false,
            };
            let official = matches!(
                actor.kind,
                docket_core::ActorKind::Official | docket_core::ActorKind::Person
            );
            if official || mention.role == Role::Company {
                analyze::register_alias_words(
                    &self.resolver,
                    &text[hit.start..hit.end],
                    &mention,
                    memory,
                );
            }
            if official {
                continue;
            }
            if mention.role == Role::Authority {
                memory.push_authority(&mention);
            } else {
                memory.push_company(&mention);
            }
        }
    }
}

/// "One of Japan's best-known businessmen was arrested on Thursday ... Yoshiaki Tsutsumi was
/// once ranked ...": the name that opens the sentence after one with an indefinite subject is
/// that subject.
fn fill_cataphoric(candidates: &mut [Candidate], waiting: &[usize], memory: &Memory) {
    let Some(opening) = &memory.opening else {
        return;
    };
    for &i in waiting {
        if let Some(c) = candidates.get_mut(i) {
            if c.targets.is_empty() {
                c.targets.push(analyze::Mention {
                    coref: true,
                    ..opening.clone()
                });
                c.flags.push("target_coreference".to_string());
            }
        }
    }
}

/// Whether a sentence that reports no action may still introduce names for later sentences: a
/// run of two capitalised words that no catalogue name covers ("Riggs Bank", "Yoshiaki
/// Tsutsumi", "State Environmental Protection Agency"), a title before a name ("Ms Druyun"),
/// or an authority noun after a qualifier ("the US bankruptcy court"). A word scan, so that
/// prose without new names costs little; a lone capitalised word ("in Europe and Asia") is not
/// read (it would only make a doubtful company).
fn names_to_remember(sentence: &str, offset: usize, hits: &[index::Hit<'_>]) -> bool {
    let mut previous: Option<(bool, bool)> = None; // (capitalised and uncovered, title)
    let mut h = 0;
    for (start, word) in words_of(sentence) {
        if word.is_empty() {
            previous = None;
            continue;
        }
        let capital = index::char_at(word, 0).is_some_and(char::is_uppercase);
        let absolute = offset + start;
        while h < hits.len() && hits[h].end <= absolute {
            h += 1;
        }
        let covered = hits
            .get(h)
            .is_some_and(|hit| hit.start <= absolute + word.len());
        // (the tables are looked up only for the words that can matter)
        let classes = if capital || word.len() >= 4 && !covered {
            lexicon::word_classes(word)
        } else {
            0
        };
        let title = classes & lexicon::TITLES.mask() != 0;
        let name = capital && !covered && !title && classes & lexicon::NOT_NAMES.mask() == 0;
        // "in the US bankruptcy court in Houston": an authority named by a common noun
        let authority = !capital
            && classes
                & (lexicon::BARE_AUTHORITY_NOUNS.mask()
                    | lexicon::QUALIFIED_AUTHORITY_NOUNS.mask())
                != 0;
        if authority && previous.is_some() {
            return true;
        }
        match previous {
            Some((true, _)) if capital && !title => return true,
            Some((_, true)) if capital => return true,
            _ => {}
        }
        previous = Some((name, title));
    }
    false
}

/// The pieces of `text` between white space characters (as `str::split(char::is_whitespace)`
/// gives them, empty ones included), each trimmed of the characters that are not letters or
/// digits, with the byte offset where the untrimmed piece starts. ASCII is read byte by byte.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut next_start = Some(0);
    std::iter::from_fn(move || {
        let start = next_start?;
        let mut end = start;
        next_start = None;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii() {
                if b.is_ascii_whitespace() || b == b'\x0b' {
                    next_start = Some(end + 1);
                    break;
                }
                end += 1;
            } else {
                let c = text[end..].chars().next()?;
                if c.is_whitespace() {
                    next_start = Some(end + c.len_utf8());
                    break;
                }
                end += c.len_utf8();
            }
        }
        Some((start, trim_to_alphanumeric(&text[start..end])))
    })
}

/// `word` without the characters that are not letters or digits at either end.
fn trim_to_alphanumeric(word: &str) -> &str {
    let bytes = word.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let b = bytes[from];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                break;
            }
            from += 1;
        } else {
            match word[from..].chars().next() {
                Some(c) if !c.is_alphanumeric() => from += c.len_utf8(),
                _ => break,
            }
        }
    }
    let mut to = bytes.len();
    while to > from {
        let b = bytes[to - 1];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                break;
            }
            to -= 1;
        } else {
            match word[from..to].chars().next_back() {
                Some(c) if !c.is_alphanumeric() => to -= c.len_utf8(),
                _ => break,
            }
        }
    }
    &word[from..to]
}

fn dates_compatible(a: &Option<DateValue>, b: &Option<DateValue>) -> bool {
    match (
        a.as_ref().and_then(|d| d.value),
        b.as_ref().and_then(|d| d.value),
    ) {
        (Some(x), Some(y)) => x.is_compatible(&y),
        _ => true,
    }
}

fn compatible(a: &Candidate, b: &Candidate) -> bool {
    if a.action != b.action || !dates_compatible(&a.date, &b.date) {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.actor, &b.actor) {
        if x.key != y.key {
            return false;
        }
    }
    // two amounts differ, unless one is the other reduced ("The original fine of EUR 75,000
    // was reduced to EUR 45,000"; a reduction whose original the text does not state fits any)
    let reduces = |r: &Candidate, other: &Candidate| match &r.reduced_from {
        Some(Some(original)) => other.value.as_ref() == Some(original),
        Some(None) => true,
        None => false,
    };
    if let (Some(x), Some(y)) = (&a.value, &b.value) {
        if x != y && !reduces(a, b) && !reduces(b, a) {
            return false;
        }
    }
    // "closed 12,575 net cafes" and "shut down 700 websites" are two actions; "SAMR fined 22
    // companies, including Alibaba and Tencent" and "Alibaba was slapped with a record fine of
    // 18.2 billion yuan" are two fines (the normalizer's merge rule 7)
    docket_normalize::merge::counts_agree(
        (a.target_count, a.value.is_some()),
        (b.target_count, b.value.is_some()),
    )
}

/// The merge index key of a target: its id, or the first word of an unknown name's slug.
fn block_key(m: &analyze::Mention) -> String {
    match m.key.strip_prefix("x:") {
        Some(slug) => format!("x:{}", slug.split('-').next().unwrap_or(slug)),
        None => m.key.to_string(),
    }
}

/// Whether two target mentions name the same actor: the same key, or, for names outside the
/// catalogue, one name being the first words of the other ("Marsh" and "Marsh & McLennan").
fn same_target(a: &analyze::Mention, b: &analyze::Mention) -> bool {
    if a.key == b.key {
        return true;
    }
    match (a.key.strip_prefix("x:"), b.key.strip_prefix("x:")) {
        (Some(x), Some(y)) => {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            !short.is_empty() && long.starts_with(short) && long[short.len()..].starts_with('-')
        }
        _ => false,
    }
}

fn absorb(into: &mut Candidate, from: Candidate) {
    into.weak = into.weak && from.weak;
    for target in from.targets {
        match into.targets.iter_mut().find(|t| same_target(t, &target)) {
            // keep the fuller name
            Some(slot) => {
                if target.key.len() > slot.key.len() && slot.key.starts_with("x:") {
                    *slot = target;
                }
            }
            None => into.targets.push(target),
        }
    }
    if into.actor.is_none() {
        into.actor = from.actor;
    }
    let precision = |d: &Option<DateValue>| d.as_ref().and_then(|d| d.value).map(|v| v.precision());
    if precision(&from.date) > precision(&into.date) || into.date.is_none() {
        into.date = from.date;
    }
    // a reduced amount replaces the original one: it is the fine in force
    let reduction = from.reduced_from.is_some() && into.reduced_from.is_none();
    if into.amount.is_none() || reduction && from.amount.is_some() {
        into.amount = from.amount;
        into.currency = from.currency;
        into.value = from.value;
        into.reduced_from = from.reduced_from;
    }
    into.target_count = into.target_count.or(from.target_count);
    into.confidence = into.confidence.max(from.confidence);
    for flag in from.flags {
        if !into.flags.contains(&flag) {
            into.flags.push(flag);
        }
    }
}

/// "A Norwegian student ... has been ordered to pay compensation by the country's Supreme
/// Court. Frank Allan Bruvik was ordered to pay 100,000 kroner": an event whose sentence names
/// its actor but not its target, followed in the next sentence by the same action naming its
/// target but not its actor, is one event. Not when "also" adds the second to the first ("The
/// SAMR said it had imposed fines of 500,000 yuan for each of the deals. Baidu was also fined
/// for two deals": Baidu's fine is another).
fn join_continuations(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut pending: Option<Candidate> = None;
    for mut candidate in candidates {
        if let Some(lead) = pending.take() {
            let next_sentence = lead.sentence + 1 == candidate.sentence;
            if next_sentence
                && lead.target_count.is_none()
                && candidate.action == lead.action
                && candidate.actor.is_none()
                && !candidate.also
                && !candidate.targets.is_empty()
                && compatible(&lead, &candidate)
            {
                let targets = std::mem::take(&mut candidate.targets);
                let mut joined = lead;
                absorb(
                    &mut joined,
                    Candidate {
                        targets: Vec::new(),
                        ..candidate
                    },
                );
                joined.targets = targets;
                out.push(joined);
                continue;
            }
            out.push(lead);
        }
        if candidate.targets.is_empty() && candidate.actor.is_some() {
            pending = Some(candidate);
        } else {
            out.push(candidate);
        }
    }
    out.extend(pending);
    out
}

/// "OptInRealBig was sued in December 2003 ... The lawsuit was brought by Microsoft and New
/// York attorney general Eliot Spitzer who alleged that Mr Richter ...": a definite trigger
/// noun that opens its sentence joins the latest event of the same action.
fn join_anaphora(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if candidate.anaphoric {
            // (a reduction joins the latest fine it reduces that names a party: "The fine is
            // composed of EUR 3,000 ... The original fine of EUR 5,000 was reduced to EUR
            // 3,000"; "the controller has already received a fine twice")
            let reduction = candidate.reduced_from.is_some();
            let names_a_party = |c: &Candidate| !c.targets.is_empty() || c.actor.is_some();
            let latest = out.len().saturating_sub(MAX_ABSORB_SCAN)..out.len();
            let preferred = latest.clone().rev().find(|&i| {
                let c = &out[i];
                c.action == candidate.action
                    && (!reduction || compatible(c, &candidate) && names_a_party(c))
            });
            let position = preferred.or_else(|| {
                reduction
                    .then(|| {
                        latest.rev().find(|&i| {
                            out[i].action == candidate.action && compatible(&out[i], &candidate)
                        })
                    })
                    .flatten()
            });
            if let Some(previous) = position
                .map(|i| &mut out[i])
                .filter(|c| compatible(c, &candidate) && c.span != candidate.span)
            {
                absorb(previous, candidate);
                continue;
            }
        }
        out.push(candidate);
    }
    out
}

/// "a US court injunction" ... "the US bankruptcy court in Houston": an authority named by a
/// common noun takes the fuller name that the document gives it later, when there is exactly
/// one (same first word, same head noun).
fn refine_authorities(events: &mut [Candidate], memory: &Memory) {
    for event in events.iter_mut() {
        let Some(actor) = &event.actor else { continue };
        if !actor.key.starts_with("x:") || actor.role != Role::Authority {
            continue;
        }
        let name = actor.actor.name.to_lowercase();
        let words: Vec<&str> = name.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if words.len() < 2 {
            continue;
        }
        let fuller: Vec<&analyze::Mention> = memory
            .authorities
            .iter()
            .filter(|a| {
                let other = a.actor.name.to_lowercase();
                let w: Vec<&str> = other.split_whitespace().collect();
                a.key != actor.key
                    && a.key.starts_with("x:")
                    && w.len() > words.len()
                    && w.first() == Some(first)
                    && w.last() == Some(last)
            })
            .collect();
        if let [only] = fuller.as_slice() {
            let refined = analyze::Mention {
                start: actor.start,
                end: actor.end,
                t0: actor.t0,
                t1: actor.t1,
                ..(*only).clone()
            };
            event.actor = Some(refined);
        }
    }
}

/// Merges the candidates of one document (see the crate docs). A candidate with neither actor,
/// target nor count, which no other event absorbs, is dropped and listed in `unattributed`.
fn merge(
    candidates: Vec<Candidate>,
    resolver: &Resolver,
    unattributed: &mut Vec<Unattributed>,
) -> Vec<Candidate> {
    let _ = resolver;
    let mut out: Vec<Candidate> = Vec::new();
    let mut index: HashMap<(ActionKind, String), Vec<usize>> = HashMap::new();
    let mut untargeted: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if candidate.targets.is_empty() {
            untargeted.push(candidate);
            continue;
        }
        let keys: Vec<(ActionKind, String)> = candidate
            .targets
            .iter()
            .map(|t| (candidate.action, block_key(t)))
            .collect();
        let found = keys
            .iter()
            .filter_map(|k| index.get(k))
            .flatten()
            .copied()
            .find(|&i| {
                compatible(&out[i], &candidate)
                    && out[i]
                        .targets
                        .iter()
                        .any(|t| candidate.targets.iter().any(|u| same_target(t, u)))
            });
        match found {
            Some(i) => {
                absorb(&mut out[i], candidate);
                for t in &out[i].targets {
                    let slot = index.entry((out[i].action, block_key(t))).or_default();
                    if !slot.contains(&i) {
                        slot.push(i);
                    }
                }
            }
            None => {
                let i = out.len();
                for k in keys {
                    index.entry(k).or_default().push(i);
                }
                out.push(candidate);
            }
        }
    }
    // an event reported without its target ("the SEC announced the settlements") is the same
    // as the one targeted event of that action it is compatible with
    let mut by_actor: HashMap<(ActionKind, String), usize> = HashMap::new();
    let mut by_action: HashMap<ActionKind, Vec<usize>> = HashMap::new();
    for (i, c) in out.iter().enumerate() {
        by_action.entry(c.action).or_default().push(i);
    }
    for candidate in untargeted {
        // among many events of the action, one cannot be told apart: no absorption (this
        // also keeps the pass linear)
        let same_action: &[usize] = by_action
            .get(&candidate.action)
            .map(Vec::as_slice)
            .filter(|v| v.len() <= MAX_ABSORB_SCAN)
            .unwrap_or(&[]);
        let matching: Vec<usize> = same_action
            .iter()
            .copied()
            .filter(|&i| {
                compatible(&out[i], &candidate)
                    && out[i]
                        .targets
                        .iter()
                        .all(|t| Some(&t.key) != candidate.actor.as_ref().map(|a| &a.key))
                    // ("... imposed fines of 500,000 yuan for each of the deals. Baidu was
                    // also fined": a later event that adds to it is another one)
                    && !(out[i].also && out[i].sentence > candidate.sentence)
            })
            .take(2)
            .collect();
        if let [only] = matching.as_slice() {
            // a stated number of targets that the targeted event lacks is another action
            let counts_agree = candidate.target_count.is_none()
                || out[*only].target_count == candidate.target_count;
            if candidate.actor.is_some() && counts_agree {
                absorb(&mut out[*only], candidate);
                continue;
            }
        }
        // without an actor, a stated number of targets identifies the event ("Twenty-eight
        // people have been arrested")
        let actor_key = match (&candidate.actor, candidate.target_count) {
            (Some(a), _) => a.key.to_string(),
            (None, Some(count)) => format!("count:{count}"),
            // ("a series of fines imposed on companies": its own sentence identifies it)
            (None, None) if candidate.flags.iter().any(|f| f == analyze::UNNAMED_TARGET) => {
                format!("unnamed:{}", candidate.span.0)
            }
            (None, None) => {
                unattributed.push(Unattributed {
                    action: candidate.action,
                    sentence: candidate.span,
                });
                continue;
            }
        };
        match by_actor.get(&(candidate.action, actor_key.clone())) {
            Some(&i) if compatible(&out[i], &candidate) => absorb(&mut out[i], candidate),
            _ => {
                by_actor.insert((candidate.action, actor_key), out.len());
                by_action
                    .entry(candidate.action)
                    .or_default()
                    .push(out.len());
                out.push(candidate);
            }
        }
    }
    merge_verdicts(&mut out);
    merge_court_bans(&mut out);
    drop_totals(&mut out);
    out.retain(|c| !c.weak);
    out.sort_by_key(|c| c.span.0);
    out
}

/// "Bank of America has been banned from suing Parmalat ... a judge has barred Bank of America
/// and two auditors ... Deloitte & Touche has also been banned from the case": bans without an
/// actor in a document where a court barred parties are that court's decision.
fn merge_court_bans(events: &mut Vec<Candidate>) {
    let courts: Vec<usize> = (0..events.len()).filter(|&i| events[i].court_ban).collect();
    let [court] = courts.as_slice() else {
        return;
    };
    let court = *court;
    let joins: Vec<bool> = (0..events.len())
        .map(|i| {
            i != court
                && events[i].action == ActionKind::Ban
                && events[i].actor.is_none()
                && dates_compatible(&events[i].date, &events[court].date)
        })
        .collect();
    fold_into(events, court, &joins, |e| e.action = ActionKind::Ruling);
}

/// One verdict is often reported in pieces: "A New York court ruled that Jeffrey Royer ...",
/// "Mr Royer was convicted of ...", "Mr Elgindy was convicted of ...". A ruling that names no
/// court joins the document's only ruling by a court when nothing contradicts it.
fn merge_verdicts(events: &mut Vec<Candidate>) {
    // within a few sentences of each other
    const NEAR: usize = 6;
    let sentence = |c: &Candidate| c.sentence;
    let with_court: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].action == ActionKind::Ruling && events[i].actor.is_some())
        .collect();
    let [court] = with_court.as_slice() else {
        return;
    };
    let court = *court;
    let joins: Vec<bool> = (0..events.len())
        .map(|i| {
            i != court
                && events[i].action == ActionKind::Ruling
                && events[i].actor.is_none()
                && !events[i].targets.is_empty()
                && sentence(&events[i]).abs_diff(sentence(&events[court])) <= NEAR
                && compatible(&events[court], &events[i])
        })
        .collect();
    fold_into(events, court, &joins, |_| {});
}

/// Absorbs every event marked in `joins` into the event at `into`, in one pass; `prepare`
/// adjusts each absorbed event first.
fn fold_into(
    events: &mut Vec<Candidate>,
    into: usize,
    joins: &[bool],
    prepare: impl Fn(&mut Candidate),
) {
    if !joins.iter().any(|&j| j) {
        return;
    }
    let mut kept: Vec<Candidate> = Vec::with_capacity(events.len());
    let mut absorbed: Vec<Candidate> = Vec::new();
    let mut target = 0;
    for (i, mut event) in std::mem::take(events).into_iter().enumerate() {
        if joins.get(i).copied().unwrap_or(false) {
            prepare(&mut event);
            absorbed.push(event);
        } else {
            if i == into {
                target = kept.len();
            }
            kept.push(event);
        }
    }
    if let Some(slot) = kept.get_mut(target) {
        for event in absorbed {
            absorb(slot, event);
        }
    }
    *events = kept;
}

/// A headline's "$1.5m fine" that the body shows to be the sum of two payments ("$1m to the
/// Department of Justice" and "$500,000 to the SEC") is not a third action: an event whose
/// amount is the sum of the amounts of two or more other events on the same target goes.
fn drop_totals(events: &mut Vec<Candidate>) {
    let parsed: Vec<Option<(docket_core::Decimal, Option<String>)>> =
        events.iter().map(|e| e.value.clone()).collect();
    // a story with many amounts is a list, not a total and its parts (and the pass stays
    // bounded)
    if parsed.iter().filter(|p| p.is_some()).count() > MAX_TOTALS {
        return;
    }
    let mut drop = vec![false; events.len()];
    let with_amount: Vec<usize> = (0..events.len()).filter(|&i| parsed[i].is_some()).collect();
    for &i in &with_amount {
        let event = &events[i];
        let Some((total, currency)) = &parsed[i] else {
            continue;
        };
        let parts: Vec<usize> = with_amount
            .iter()
            .copied()
            .filter(|&j| {
                j != i
                    && parsed[j].as_ref().is_some_and(|(_, c)| c == currency)
                    && events[j]
                        .targets
                        .iter()
                        .any(|t| event.targets.iter().any(|u| same_target(t, u)))
            })
            .collect();
        let sum: docket_core::Decimal = parts
            .iter()
            .filter_map(|&j| parsed[j].as_ref().map(|(v, _)| *v))
            .sum();
        if parts.len() >= 2 && sum == *total {
            drop[i] = true;
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Actions that are complete without a target ("Xi warned of the risks").
const TARGETLESS: &[ActionKind] = &[ActionKind::Warning];

/// An event needs a named target, or an authority that acted ("the agency ordered 30 projects
/// halted", "regulators ordered all big loans to be scrutinised"), or a stated number of
/// targets ("Twenty-eight people have been arrested").
fn worth_emitting(candidate: &Candidate) -> bool {
    if !candidate.targets.is_empty() || candidate.target_count.is_some() {
        return true;
    }
    // ("a series of fines imposed on companies": parties named only by a plural noun or an
    // industry)
    if candidate.actor.is_none() && candidate.flags.iter().any(|f| f == analyze::UNNAMED_TARGET) {
        return true;
    }
    let Some(actor) = &candidate.actor else {
        return false;
    };
    actor.role == Role::Authority
        && (TARGETLESS.contains(&candidate.action) || candidate.action != ActionKind::Apology)
}

/// A mention as the normalizer takes it: a person the catalogue does not know ("CEO Trevor
/// Milton") carries the kind the text showed.
fn raw_actor(mention: analyze::Mention) -> docket_core::RawActor {
    let person = mention.role == Role::Person;
    let mut actor = Arc::unwrap_or_clone(mention.actor);
    if person && actor.id_hint.is_none() {
        actor.kind_hint = Some(docket_core::ActorKind::Person);
    }
    actor
}

fn to_raw(candidate: Candidate, body: &TextBody) -> RawEvent {
    let (start, end) = candidate.span;
    let quote = body.text.get(start..end).map(str::to_string);
    let (amount, amount_role) = match candidate.amount {
        Some((text, role)) => (Some(text), Some(role)),
        None => (None, None::<AmountRole>),
    };
    RawEvent {
        action: Some(candidate.action.as_str().to_string()),
        actor: candidate.actor.map(raw_actor),
        targets: candidate.targets.into_iter().map(raw_actor).collect(),
        target_count: candidate.target_count,
        date_resolved: candidate.date,
        amount,
        amount_role,
        currency: candidate.currency,
        span: Some([body.file_offset(start), body.file_offset(end)]),
        quote,
        confidence: Some(candidate.confidence),
        flags: candidate.flags,
        ..RawEvent::default()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn texts() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Riggs", "Bank", "bank", "Ms", "court", " ", "  ", "\t", "\n", "\u{b}", "\u{a0}",
            "\u{2009}", "\u{3000}", ",", ".", "'", "’", "“", "”", "(", ")", "-", "é", "Ünal", "ß",
            "阿里", "€", "12", "x",
        ]);
        prop::collection::vec(piece, 0..30).prop_map(|parts| parts.concat())
    }

    proptest! {
        /// `words_of` gives the pieces of `str::split(char::is_whitespace)`, trimmed as
        /// `trim_matches(|c| !c.is_alphanumeric())` trims, at their byte offsets.
        #[test]
        fn words_of_splits_and_trims_as_the_character_functions(text in texts()) {
            let expected: Vec<(usize, &str)> = text
                .split(char::is_whitespace)
                .map(|piece| {
                    (
                        piece.as_ptr() as usize - text.as_ptr() as usize,
                        piece.trim_matches(|c: char| !c.is_alphanumeric()),
                    )
                })
                .collect();
            prop_assert_eq!(words_of(&text).collect::<Vec<_>>(), expected);
            for (_, word) in words_of(&text) {
                prop_assert_eq!(index::char_at(word, 0), word.chars().next());
            }
        }
    }

    #[test]
    fn sentences_with_new_names_are_read() {
        // two capitalised words no catalogue name covers
        assert!(names_to_remember("He joined Riggs Bank in 2001.", 0, &[]));
        // a title before a name
        assert!(names_to_remember("It was Ms Druyun who left.", 0, &[]));
        // a lone capitalised word, or two apart, are not enough
        assert!(!names_to_remember(
            "Sales in Europe rose, and Asia fell.",
            0,
            &[]
        ));
        // a piece with no letter breaks a run, as white space alone does not
        assert!(!names_to_remember("Riggs — Bank", 0, &[]));
        assert!(names_to_remember("Riggs\u{a0}Bank", 0, &[]));
    }
}
