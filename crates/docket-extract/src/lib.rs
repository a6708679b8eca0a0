//! # docket-extract
//!
//! Finds enforcement events in English news prose: who (a regulator, court, official or state
//! medium) did what (a fine, a summons, a ban, ...) to whom, when and for how much, with the
//! evidence sentence and its byte span.
//!
//! **Design decision:** a cheap filter decides where the expensive work happens. Every pattern
//! the extractor knows (catalogue names, aliases, descriptors, jurisdiction words and the
//! trigger lexicon) is compiled once, in [`Extractor::new`], into two Aho-Corasick automata that
//! scan a document in one linear pass. Only sentences that contain a trigger word are analysed
//! further (tokens, unknown names, clause roles, time and money patterns), and every sentence is
//! bounded in length, so the cost of a document is linear in its size. The analysis itself is
//! shallow and rule-based, driven by data tables ([`lexicon`]) rather than by code that knows
//! particular companies or sentences; its stages and limits are described in
//! `docs/extractor.md`.
//!
//! Events that one document reports more than once are merged inside the extractor (same
//! action, a shared target or the same actor, compatible dates and amounts), keeping the first
//! sentence as evidence, the most precise date and the amount.

#![warn(missing_docs)]

mod analyze;
pub mod index;
pub mod lexicon;
pub mod money;
pub mod sentence;
pub mod time;

use std::collections::HashMap;
use std::sync::Arc;

use docket_core::{ActionKind, AmountRole, DateValue, PartialDate, RawEvent, TextBody};
use docket_normalize::date::{parse_date, DateHints};
use docket_normalize::Resolver;
use thiserror::Error;

use analyze::{Candidate, Memory, Role};
use index::Index;

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
}

/// The text extractor. Build it once (it compiles its automata) and share it: `extract` takes
/// `&self` and is safe to call from many threads.
#[derive(Debug)]
pub struct Extractor {
    resolver: Arc<Resolver>,
    index: Index,
    times: time::TimeFinder,
    money: money::MoneyFinder,
}

impl Extractor {
    /// Compiles the automata for the resolver's catalogue and the built-in lexicons.
    pub fn new(resolver: Arc<Resolver>) -> Result<Self, ExtractError> {
        Ok(Extractor {
            index: Index::new(&resolver)?,
            times: time::TimeFinder::new()?,
            money: money::MoneyFinder::new()?,
            resolver,
        })
    }

    /// The catalogue index the extractor resolves against.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Extracts candidate events from one text. `context` holds the record's structured fields
    /// (currently unused: the text alone is read). `reference_date` anchors relative dates when
    /// the body has no readable `published` date.
    pub fn extract(
        &self,
        body: &TextBody,
        context: &RawEvent,
        reference_date: Option<PartialDate>,
    ) -> Extraction {
        let _ = context;
        let text = body.text.as_str();
        let anchor = body
            .published
            .as_deref()
            .and_then(|p| parse_date(p, &DateHints::default()).ok().flatten())
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
        let mut h = 0;
        for (number, &(start, end)) in spans.iter().enumerate() {
            while h < hits.len() && hits[h].start < start {
                h += 1;
            }
            let first = h;
            while h < hits.len() && hits[h].end <= end {
                h += 1;
            }
            let sentence_hits = &hits[first..h];
            if sentence_hits.is_empty() {
                continue;
            }
            let has_trigger = sentence_hits.iter().any(|hit| hit.trigger().is_some());
            if !has_trigger {
                self.remember_names(text, sentence_hits, &mut memory);
                continue;
            }
            let slice = &text[start..end];
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
            let headline =
                number == 0 && !slice.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']);
            let sentence = analyze::Sentence {
                text,
                span: (start, end),
                hits: sentence_hits,
                times,
                money,
                headline,
                latin,
            };
            candidates.extend(analyze::analyze(&sentence, &self.resolver, &mut memory));
        }
        let merged = merge(candidates, &self.resolver);
        let events = merged
            .into_iter()
            .filter(worth_emitting)
            .map(|c| to_raw(c, body))
            .collect();
        Extraction {
            events,
            sentences: spans.len(),
        }
    }

    fn dominant_jurisdiction(&self, hits: &[index::Hit]) -> Option<String> {
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
    fn remember_names(&self, text: &str, hits: &[index::Hit], memory: &mut Memory) {
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
                actor: docket_core::RawActor {
                    name: actor.name.clone(),
                    id_hint: Some(actor.id.clone()),
                    parent_hint: None,
                },
                key: actor.id.clone(),
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
                memory.last_authority = Some(mention);
            } else {
                memory.last_company = Some(mention);
            }
        }
    }
}

fn amount_value(text: &str) -> Option<(String, Option<String>)> {
    docket_normalize::money::parse_money(text, None)
        .ok()
        .flatten()
        .map(|m| (m.value.normalize().to_string(), m.currency))
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
    if let (Some((x, _)), Some((y, _))) = (&a.amount, &b.amount) {
        if amount_value(x) != amount_value(y) {
            return false;
        }
    }
    true
}

/// The merge index key of a target: its id, or the first word of an unknown name's slug.
fn block_key(m: &analyze::Mention) -> String {
    match m.key.strip_prefix("x:") {
        Some(slug) => format!("x:{}", slug.split('-').next().unwrap_or(slug)),
        None => m.key.clone(),
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
    if into.amount.is_none() {
        into.amount = from.amount;
    }
    into.target_count = into.target_count.or(from.target_count);
    into.confidence = into.confidence.max(from.confidence);
    for flag in from.flags {
        if !into.flags.contains(&flag) {
            into.flags.push(flag);
        }
    }
}

/// Merges the candidates of one document (see the crate docs).
fn merge(candidates: Vec<Candidate>, resolver: &Resolver) -> Vec<Candidate> {
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
    for candidate in untargeted {
        let matching: Vec<usize> = (0..out.len())
            .filter(|&i| {
                compatible(&out[i], &candidate)
                    && out[i]
                        .targets
                        .iter()
                        .all(|t| Some(&t.key) != candidate.actor.as_ref().map(|a| &a.key))
            })
            .take(2)
            .collect();
        if let [only] = matching.as_slice() {
            if candidate.actor.is_some() {
                absorb(&mut out[*only], candidate);
                continue;
            }
        }
        let Some(actor_key) = candidate.actor.as_ref().map(|a| a.key.clone()) else {
            continue;
        };
        match by_actor.get(&(candidate.action, actor_key.clone())) {
            Some(&i) if compatible(&out[i], &candidate) => absorb(&mut out[i], candidate),
            _ => {
                by_actor.insert((candidate.action, actor_key), out.len());
                out.push(candidate);
            }
        }
    }
    propagate_actors(&mut out);
    out.sort_by_key(|c| c.span.0);
    out
}

/// An event whose sentence names no actor takes the actor of another event of the document on
/// the same target ("Monsanto fined $1.5m" ... "Monsanto faced charges from the Department of
/// Justice"), when all such events agree on one actor.
fn propagate_actors(events: &mut [Candidate]) {
    for i in 0..events.len() {
        if events[i].actor.is_some() || events[i].targets.is_empty() {
            continue;
        }
        let mut found: Option<analyze::Mention> = None;
        let mut conflict = false;
        for (j, other) in events.iter().enumerate() {
            let Some(actor) = &other.actor else { continue };
            if j == i
                || !other
                    .targets
                    .iter()
                    .any(|t| events[i].targets.iter().any(|u| u.key == t.key))
            {
                continue;
            }
            match &found {
                Some(f) if f.key != actor.key => conflict = true,
                Some(_) => {}
                None => found = Some(actor.clone()),
            }
        }
        if let (Some(actor), false) = (found, conflict) {
            let event = &mut events[i];
            event.actor = Some(actor);
            event.flags.push("actor_from_document".to_string());
            event.confidence = (event.confidence - 0.1).max(0.05);
        }
    }
}

/// Actions that are complete without a target ("Xi warned of the risks").
const TARGETLESS: &[ActionKind] = &[ActionKind::Warning];

fn worth_emitting(candidate: &Candidate) -> bool {
    if !candidate.targets.is_empty() {
        return true;
    }
    let Some(actor) = &candidate.actor else {
        return false;
    };
    actor.role == Role::Authority
        && (TARGETLESS.contains(&candidate.action) || candidate.target_count.is_some())
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
        actor: candidate.actor.map(|m| m.actor),
        targets: candidate.targets.into_iter().map(|m| m.actor).collect(),
        target_count: candidate.target_count,
        date_resolved: candidate.date,
        amount,
        amount_role,
        span: Some([
            body.offset.saturating_add(start as u64),
            body.offset.saturating_add(end as u64),
        ]),
        quote,
        confidence: Some(candidate.confidence),
        flags: candidate.flags,
        ..RawEvent::default()
    }
}
