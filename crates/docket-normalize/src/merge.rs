//! Merging reports of the same real-world event, and stable event ids.
//!
//! The rule (also in `docs/normalization.md`, "Merging"): two events are the same when
//! 1. their actions are equal;
//! 2. their source references (`ref`), when both have one, are equal;
//! 3. their actors, when both have one, have the same id;
//! 4. their targets share at least one id, or both have no target and both have the same actor
//!    or the same reference (a table row whose controller is "Unknown" is still the row its
//!    reference names);
//! 5. their dates, when both are known, agree at the coarser precision;
//! 6. their amounts of the same role, when both are known, are the same sum in the same
//!    currency; an amount flagged as a bound ("more than $1m", "nearly $7m", "up to $5m")
//!    only has to hold for the other one (at least, within a tenth, at most);
//! 7. their target counts, when both are known, are equal, and a counted group (two or more)
//!    without an amount is not merged with an event that has an amount and no count.
//!
//! Candidates are found through a hash index keyed by (action, target id) or, for events
//! without targets, (action, actor id, year) and (action, reference); an event with no target,
//! no actor and no reference never merges. At most [`MAX_CANDIDATES`] of the most recent events of a block are compared. The
//! index holds 64-bit hashes and event positions, never text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use docket_core::{Amount, Decimal, DecimalText, Event};

use crate::money::AmountBound;
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

/// The outcome of adding one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeOutcome {
    /// A new event, at this position.
    New(usize),
    /// Merged into the event at this position.
    Merged(usize),
}

/// Where the merger keeps events. The merger itself keeps only hashes and positions; the events
/// live in the store, which may be memory ([`MemoryStore`]) or a file (the pipeline's spill
/// store), so that memory does not grow with the input beyond the index.
pub trait EventStore {
    /// Appends a new event and returns its position (0, 1, 2, ...). `json` is the event already
    /// serialized as one JSON object, when the caller has it (a store may keep those bytes).
    fn append(&mut self, event: Event, json: Option<Vec<u8>>) -> std::io::Result<usize>;
    /// Appends a new event given as its JSON; `event` makes the event from those bytes, for a
    /// store that keeps events rather than bytes (the default).
    fn append_json(
        &mut self,
        json: Vec<u8>,
        event: impl FnOnce(&[u8]) -> std::io::Result<Event>,
    ) -> std::io::Result<usize> {
        let made = event(&json)?;
        self.append(made, Some(json))
    }
    /// Calls `look` with the current state of the event at `position`.
    fn with<R>(&mut self, position: usize, look: impl FnOnce(&Event) -> R) -> std::io::Result<R>;
    /// Changes the event at `position` in place (after a merge).
    fn update<R>(
        &mut self,
        position: usize,
        change: impl FnOnce(&mut Event) -> R,
    ) -> std::io::Result<R>;
    /// How many events are stored.
    fn len(&self) -> usize;
    /// Whether the store is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Events kept in memory.
#[derive(Debug, Default)]
pub struct MemoryStore(pub Vec<Event>);

impl EventStore for MemoryStore {
    fn append(&mut self, event: Event, _json: Option<Vec<u8>>) -> std::io::Result<usize> {
        self.0.push(event);
        Ok(self.0.len() - 1)
    }

    fn with<R>(&mut self, position: usize, look: impl FnOnce(&Event) -> R) -> std::io::Result<R> {
        self.0
            .get(position)
            .map(look)
            .ok_or_else(|| std::io::Error::other(format!("no event at position {position}")))
    }

    fn update<R>(
        &mut self,
        position: usize,
        change: impl FnOnce(&mut Event) -> R,
    ) -> std::io::Result<R> {
        self.0
            .get_mut(position)
            .map(change)
            .ok_or_else(|| std::io::Error::other(format!("no event at position {position}")))
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Collects events, merging duplicates as they arrive.
///
/// The index maps each block key (a 64-bit hash of action and target id, or of action and actor
/// id) to a linked list of positions stored in one flat vector: 8 bytes per link plus the head
/// table, and a 16-byte fingerprint per event; no text. The vectors grow in fixed chunks, so
/// memory follows the number of events without doubling steps.
#[derive(Debug, Default)]
pub struct Merger<S: EventStore = MemoryStore> {
    store: S,
    /// Block key (32 bits of its hash) -> the newest link of the block. Two blocks whose keys
    /// share 32 bits become one block: that only adds candidates, which the full rule rules
    /// out, and it halves the size of the index.
    heads: HashMap<u32, u32, BuildHasherDefault<SpreadHasher>>,
    /// (position, next link index or u32::MAX)
    links: Chunked<(u32, u32)>,
    /// One per stored event: what rules 2, 3, 5 and 6 need, so that most candidates are ruled
    /// out without reading the event back from the store.
    fingerprints: Chunked<Fingerprint>,
    /// Links followed and candidates compared so far (see [`Merger::work`]).
    steps: u64,
}

/// Entries per chunk of a [`Chunked`] vector.
const CHUNK: usize = 1 << 14;

/// A vector in fixed-size chunks: it grows without copying, so memory grows with the number
/// of entries and never doubles for a moment (as a `Vec` does while it moves to a larger
/// buffer).
#[derive(Debug, Clone)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Copy> Chunked<T> {
    fn push(&mut self, value: T) {
        if self.len % CHUNK == 0 {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.push(value);
            self.len += 1;
        }
    }

    fn get(&self, index: usize) -> Option<T> {
        self.chunks.get(index / CHUNK)?.get(index % CHUNK).copied()
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.chunks.get_mut(index / CHUNK)?.get_mut(index % CHUNK)
    }

    fn len(&self) -> usize {
        self.len
    }
}

/// What the merger needs of a new event to find and rule out its candidates: its block keys
/// and its fingerprint. Made where the event is made (on a normalizer thread), so that the
/// merger's thread does not, and so that the event itself can stay there: see
/// [`Merger::push_prepared`].
#[derive(Debug, Clone)]
pub struct Prepared {
    keys: Vec<u64>,
    fingerprint: Fingerprint,
}

impl Prepared {
    /// The keys and fingerprint of `event`.
    pub fn of(event: &Event) -> Self {
        Prepared {
            keys: block_keys(event),
            fingerprint: Fingerprint::of(event),
        }
    }
}

/// A 16-byte summary of an event for ruling candidates out: hashes of reference, actor and
/// amount (0 when absent), the amount's role, and the date's parts (year 0 when absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Fingerprint {
    reference: u32,
    actor: u32,
    /// Hash of the amount's sum and currency, and its role (0 when there is no amount).
    amount: u32,
    amount_role: u8,
    year: i16,
    month: u8,
    day: u8,
}

fn hash32(bytes: &[u8]) -> u32 {
    // never 0, which means "absent"
    (xxh3_64(bytes) as u32) | 1
}

impl Fingerprint {
    fn of(event: &Event) -> Self {
        let date = event.date.as_ref().and_then(|d| d.value);
        Fingerprint {
            reference: event
                .reference
                .as_deref()
                .map_or(0, |r| hash32(r.as_bytes())),
            actor: event.actor.as_ref().map_or(0, |a| hash32(a.id.as_bytes())),
            // (a bound is compared by value, not by hash: see `amounts_agree`)
            amount: event
                .amount
                .as_ref()
                .filter(|_| amount_bound(event).is_none())
                .map_or(0, |a| {
                    // the sum's canonical form (trailing zeros dropped) and the currency, with no
                    // text formatting
                    let mut bytes = [0u8; 24];
                    bytes[..16].copy_from_slice(&a.value.normalize().serialize());
                    let currency = a.currency.as_bytes();
                    let n = currency.len().min(8);
                    bytes[16..16 + n].copy_from_slice(&currency[..n]);
                    hash32(&bytes)
                }),
            amount_role: event.amount.as_ref().map_or(0, |a| a.role as u8 + 1),
            year: date.map_or(0, |d| d.year_part()),
            month: date.and_then(|d| d.month_part()).unwrap_or(0),
            day: date.and_then(|d| d.day_part()).unwrap_or(0),
        }
    }

    /// False only when [`same_event`] is sure to be false (a hash collision can only make it
    /// true, and then the full comparison decides).
    fn may_match(&self, other: &Fingerprint) -> bool {
        let differ = |a: u32, b: u32| a != 0 && b != 0 && a != b;
        if differ(self.reference, other.reference) || differ(self.actor, other.actor) {
            return false;
        }
        if self.year != 0 && other.year != 0 {
            if self.year != other.year {
                return false;
            }
            if self.month != 0 && other.month != 0 {
                if self.month != other.month {
                    return false;
                }
                if self.day != 0 && other.day != 0 && self.day != other.day {
                    return false;
                }
            }
        }
        // rule 6: two amounts of the same role must be the same sum
        !(self.amount_role != 0
            && self.amount_role == other.amount_role
            && differ(self.amount, other.amount))
    }
}

const NO_LINK: u32 = u32::MAX;

/// The 32 bits of a block key that the index keeps.
fn short_key(key: u64) -> u32 {
    (key ^ (key >> 32)) as u32
}

/// A hasher for keys that are already hashes: it spreads them over 64 bits with one
/// multiplication (the hash table takes its control bits from the top).
#[derive(Default)]
struct SpreadHasher(u64);

impl Hasher for SpreadHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// At most this many earlier events of one block are compared with a new event.
pub const MAX_CANDIDATES: usize = 256;

/// The blocks an event is compared within. An event with targets: one block per (action,
/// target). Without targets: (action, actor, year), since rule 4 needs the same actor and rule
/// 5 compatible dates, and (action, reference) for rule 4's reference clause. An event with no target, no actor and no reference can never
/// merge (rule 4) and gets no block at all, so such events cost nothing to index.
fn block_keys(event: &Event) -> Vec<u64> {
    // each part followed by a zero byte, hashed at once (the digest a streaming hasher fed
    // part by part gives, at less cost for short parts)
    let key = |parts: &[&str]| {
        let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
        for part in parts {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
        xxh3_64(&bytes)
    };
    let action = event.action.as_str();
    if !event.targets.is_empty() {
        return event
            .targets
            .iter()
            .map(|t| key(&[action, &t.id]))
            .collect();
    }
    let mut keys = Vec::new();
    if let Some(actor) = &event.actor {
        let year = event
            .date
            .as_ref()
            .and_then(|d| d.value)
            .map(|d| d.year_part().to_string())
            .unwrap_or_default();
        keys.push(key(&[action, "", &actor.id, &year]));
    }
    // rule 4's reference clause: events without targets meet by their reference
    if let Some(reference) = &event.reference {
        keys.push(key(&[action, "", "", "ref", reference]));
    }
    keys
}

/// Whether two events report the same real-world action (the rule in the module docs).
pub fn same_event(a: &Event, b: &Event) -> bool {
    if a.action != b.action {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.reference, &b.reference) {
        if x != y {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.actor, &b.actor) {
        if x.id != y.id {
            return false;
        }
    }
    let targets_agree = if a.targets.is_empty() || b.targets.is_empty() {
        a.targets.is_empty()
            && b.targets.is_empty()
            && (matches!((&a.actor, &b.actor), (Some(x), Some(y)) if x.id == y.id)
                || matches!((&a.reference, &b.reference), (Some(x), Some(y)) if x == y))
    } else {
        a.targets
            .iter()
            .any(|t| b.targets.iter().any(|u| u.id == t.id))
    };
    if !targets_agree {
        return false;
    }
    if let (Some(x), Some(y)) = (
        a.date.as_ref().and_then(|d| d.value),
        b.date.as_ref().and_then(|d| d.value),
    ) {
        if !x.is_compatible(&y) {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.amount, &b.amount) {
        if !amounts_agree((x, amount_bound(a)), (y, amount_bound(b))) {
            return false;
        }
    }
    counts_agree(
        (a.target_count, a.amount.is_some()),
        (b.target_count, b.amount.is_some()),
    )
}

/// The bound an event's amount is, from the flag the normalizer raised for the words before it
/// ("more than $1m": [`AmountBound::Floor`]).
pub fn amount_bound(event: &Event) -> Option<AmountBound> {
    if event.flags.is_empty() {
        return None;
    }
    AmountBound::ALL
        .into_iter()
        .find(|b| event.flags.iter().any(|f| f == b.flag()))
}

/// Rule 6: two amounts of the same role are the same sum in the same currency; when one is a
/// bound, the other lies within it (a floor: at least it; an approximation: within a tenth of
/// it; a cap: at most it). Amounts of different roles do not compare.
fn amounts_agree(
    (x, x_bound): (&Amount, Option<AmountBound>),
    (y, y_bound): (&Amount, Option<AmountBound>),
) -> bool {
    if x.role != y.role {
        return true;
    }
    if x_bound.is_none() && y_bound.is_none() {
        return x.same_sum(y);
    }
    if x.currency != y.currency {
        return false;
    }
    let within = |bound: Option<AmountBound>, limit: Decimal, value: Decimal| match bound {
        Some(AmountBound::Floor) => value >= limit,
        Some(AmountBound::Cap) => value <= limit,
        Some(AmountBound::Approximate) => (value - limit).abs() * Decimal::TEN <= limit.abs(),
        None => false,
    };
    within(x_bound, x.value, y.value) || within(y_bound, y.value, x.value)
}

/// Rule 7, for events and for the extractor's candidates: each side is its count of targets
/// and whether it has an amount. Counts, when both are known, are equal; and a counted group
/// (two or more) without an amount is not one party's action with an amount and no count
/// ("SAMR fined 22 companies, including Alibaba" and "Alibaba was slapped with a record fine of
/// 18.2 billion yuan").
pub fn counts_agree(a: (Option<u32>, bool), b: (Option<u32>, bool)) -> bool {
    if let (Some(x), Some(y)) = (a.0, b.0) {
        if x != y {
            return false;
        }
    }
    let group_without_amount =
        |(count, amount): (Option<u32>, bool), (other_count, other_amount): (Option<u32>, bool)| {
            count.is_some_and(|c| c >= 2) && !amount && other_count.is_none() && other_amount
        };
    !(group_without_amount(a, b) || group_without_amount(b, a))
}

fn absorb(into: &mut Event, from: Event) {
    let into_bound = amount_bound(into);
    let from_bound = amount_bound(&from);
    if into.actor.is_none() {
        into.actor = from.actor;
    }
    for target in from.targets {
        if !into.targets.iter().any(|t| t.id == target.id) {
            into.targets.push(target);
        }
    }
    if into.target_count.is_none() {
        into.target_count = from.target_count;
    }
    let more_precise = match (
        into.date.as_ref().and_then(|d| d.value),
        from.date.as_ref().and_then(|d| d.value),
    ) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => y.precision() > x.precision(),
        _ => into.date.is_none() && from.date.is_some(),
    };
    if more_precise {
        into.date = from.date;
    }
    // the amount kept: a penalty wins over a value, an exact sum over a bound; the bound's
    // flag goes with the amount it describes
    let take = match (&into.amount, &from.amount) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => {
            x.role != docket_core::AmountRole::Penalty && y.role == docket_core::AmountRole::Penalty
                || x.role == y.role && into_bound.is_some() && from_bound.is_none()
        }
        _ => false,
    };
    let kept_bound = if take {
        into.amount = from.amount;
        from_bound
    } else {
        into_bound
    };
    if into.summary.is_none() {
        into.summary = from.summary;
    }
    if into.reference.is_none() {
        into.reference = from.reference;
    }
    if into.url.is_none() {
        into.url = from.url;
    }
    for source in from.sources {
        // a record that yields two reports of one event adds its source once; such duplicates
        // sit at the end of the list, so only the trailing sources of the same record are checked
        let duplicate = into
            .sources
            .iter()
            .rev()
            .take_while(|s| {
                s.record == source.record && s.uri == source.uri && s.source == source.source
            })
            .any(|s| *s == source);
        if !duplicate {
            into.sources.push(source);
        }
    }
    into.confidence = into.confidence.max(from.confidence);
    for flag in from.flags {
        if !into.flags.contains(&flag) {
            into.flags.push(flag);
        }
    }
    if into_bound.is_some() || from_bound.is_some() {
        into.flags
            .retain(|f| !AmountBound::ALL.iter().any(|b| f == b.flag()));
        if let Some(b) = kept_bound {
            into.flags.push(b.flag().to_string());
        }
    }
    into.flags.sort();
}

impl Merger<MemoryStore> {
    /// An empty merger over memory.
    pub fn new() -> Self {
        Merger::default()
    }

    /// The merged events, in order of first appearance, with ids assigned.
    pub fn finish(self) -> Vec<Event> {
        let mut events = self.store.0;
        assign_ids(&mut events);
        events
    }
}

impl<S: EventStore> Merger<S> {
    /// An empty merger over `store`.
    pub fn with_store(store: S) -> Self {
        Merger {
            store,
            heads: HashMap::default(),
            links: Chunked::default(),
            fingerprints: Chunked::default(),
            steps: 0,
        }
    }

    fn link(&mut self, key: u64, position: u32) {
        let head = self.heads.get(&short_key(key)).copied().unwrap_or(NO_LINK);
        // skip when the list already holds this position (a merged event re-indexed); only the
        // newest MAX_CANDIDATES links are looked at, as in `candidates`, so a large block costs
        // no more per event than a small one (a repeated link further back is harmless:
        // candidates are deduplicated)
        let mut cursor = head;
        let mut seen = 0;
        while cursor != NO_LINK && seen < MAX_CANDIDATES {
            seen += 1;
            self.steps += 1;
            let Some((p, next)) = self.links.get(cursor as usize) else {
                break;
            };
            if p == position {
                return;
            }
            cursor = next;
        }
        self.link_new(key, position);
    }

    /// Puts `position` at the head of `key`'s list, unless it is the head already. Enough by
    /// itself for an event just appended: no list can hold its position yet except through
    /// another key of the same event, and that link is then the list's head (the walk of
    /// [`Merger::link`] is for merged events, whose position may be anywhere in a list).
    fn link_new(&mut self, key: u64, position: u32) {
        let next = self.links.len() as u32;
        let head = self.heads.entry(short_key(key)).or_insert(NO_LINK);
        if *head != NO_LINK
            && self
                .links
                .get(*head as usize)
                .is_some_and(|(p, _)| p == position)
        {
            return;
        }
        self.links.push((position, *head));
        *head = next;
    }

    fn candidates(&self, keys: &[u64]) -> Vec<u32> {
        let mut found = Vec::new();
        for key in keys {
            let mut cursor = self.heads.get(&short_key(*key)).copied().unwrap_or(NO_LINK);
            let mut seen = 0;
            // newest first; a block larger than MAX_CANDIDATES is only searched among its most
            // recent members, which bounds the work per event whatever the input
            while cursor != NO_LINK && seen < MAX_CANDIDATES {
                seen += 1;
                let Some((position, next)) = self.links.get(cursor as usize) else {
                    break;
                };
                found.push(position);
                cursor = next;
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Adds an event, merging it into the first earlier event it matches.
    pub fn push(&mut self, event: Event) -> std::io::Result<MergeOutcome> {
        self.push_serialized(event, None)
    }

    /// Like [`Merger::push`], with the event's JSON already made (handed to the store when the
    /// event is new).
    pub fn push_serialized(
        &mut self,
        event: Event,
        json: Option<Vec<u8>>,
    ) -> std::io::Result<MergeOutcome> {
        let prepared = Prepared::of(&event);
        self.push_inner(prepared, Some(event), json, |_| {
            Err(std::io::Error::other("the event is already made"))
        })
    }

    /// Adds an event given by its [`Prepared`] keys and its JSON. The event itself is made from
    /// the JSON (`event`) only when a candidate passes the fingerprint test and must be
    /// compared in full, or when the store keeps events rather than bytes; most events are
    /// never made again. Merges exactly as [`Merger::push`] does.
    pub fn push_prepared(
        &mut self,
        prepared: Prepared,
        json: Vec<u8>,
        event: impl Fn(&[u8]) -> std::io::Result<Event>,
    ) -> std::io::Result<MergeOutcome> {
        self.push_inner(prepared, None, Some(json), event)
    }

    fn push_inner(
        &mut self,
        prepared: Prepared,
        mut event: Option<Event>,
        json: Option<Vec<u8>>,
        make_event: impl Fn(&[u8]) -> std::io::Result<Event>,
    ) -> std::io::Result<MergeOutcome> {
        let Prepared { keys, fingerprint } = prepared;
        let candidates = self.candidates(&keys);
        self.steps += candidates.len() as u64;
        for position in candidates {
            let known = self.fingerprints.get(position as usize).unwrap_or_default();
            if !known.may_match(&fingerprint) {
                continue;
            }
            let current = match event.take() {
                Some(made) => made,
                None => make_event(json.as_deref().unwrap_or_default())?,
            };
            if !self
                .store
                .with(position as usize, |earlier| same_event(earlier, &current))?
            {
                event = Some(current);
                continue;
            }
            let (merged_keys, merged_fingerprint) =
                self.store.update(position as usize, |earlier| {
                    absorb(earlier, current);
                    // the merged event may have gained targets: index them too
                    (block_keys(earlier), Fingerprint::of(earlier))
                })?;
            if let Some(slot) = self.fingerprints.get_mut(position as usize) {
                *slot = merged_fingerprint;
            }
            for key in merged_keys {
                self.link(key, position);
            }
            return Ok(MergeOutcome::Merged(position as usize));
        }
        let position = match (event, json) {
            (Some(made), json) => self.store.append(made, json)?,
            (None, Some(json)) => self.store.append_json(json, make_event)?,
            (None, None) => return Err(std::io::Error::other("an event with neither form")),
        };
        self.fingerprints.push(fingerprint);
        let position32 = u32::try_from(position)
            .map_err(|_| std::io::Error::other("more than 4 billion events"))?;
        for key in keys {
            self.link_new(key, position32);
        }
        Ok(MergeOutcome::New(position))
    }

    /// The work done so far: links followed and candidates looked at. At most
    /// `2 * MAX_CANDIDATES` per block key of each pushed event, whatever the input (a test
    /// holds it to that on a block of 20,000 events).
    pub fn work(&self) -> u64 {
        self.steps
    }

    /// The number of distinct events so far.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// Whether no event was added.
    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// The store, for reading the events out at the end.
    pub fn into_store(self) -> S {
        self.store
    }
}

/// Hashes the content an id is derived from: action, actor, sorted targets, date, amount and
/// reference, each followed by a separator byte.
fn id_hash(event: &Event) -> u128 {
    // the parts are written end to end and hashed at once (the same digest as feeding a
    // streaming hasher piece by piece, which costs more for short parts); dates and amounts as
    // their canonical text, written on the stack
    const END: u8 = 0x1f;
    let mut bytes: Vec<u8> = Vec::with_capacity(160);
    bytes.extend_from_slice(event.action.as_str().as_bytes());
    bytes.push(END);
    bytes.extend_from_slice(
        event
            .actor
            .as_ref()
            .map_or("", |a| a.id.as_str())
            .as_bytes(),
    );
    bytes.push(END);
    let mut targets: Vec<&str> = event.targets.iter().map(|t| t.id.as_str()).collect();
    targets.sort_unstable();
    for (i, target) in targets.iter().enumerate() {
        if i > 0 {
            bytes.extend_from_slice("\u{1e}".as_bytes());
        }
        bytes.extend_from_slice(target.as_bytes());
    }
    bytes.push(END);
    if let Some(date) = event.date.as_ref().and_then(|d| d.value) {
        bytes.extend_from_slice(date.text().as_str().as_bytes());
    }
    bytes.push(END);
    if let Some(amount) = &event.amount {
        bytes.extend_from_slice(
            DecimalText::new(&amount.value.normalize())
                .as_str()
                .as_bytes(),
        );
        bytes.push(b' ');
        bytes.extend_from_slice(amount.currency.as_bytes());
    }
    bytes.push(END);
    bytes.extend_from_slice(event.reference.as_deref().unwrap_or("").as_bytes());
    bytes.push(END);
    xxh3_128(&bytes)
}

/// The id an event's content gives it, before any `-2` suffix: `ev-` plus 96 bits of xxh3-128.
pub fn content_id(event: &Event) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bits = id_hash(event) >> 32;
    let mut id = String::with_capacity(27);
    id.push_str("ev-");
    // 96 bits: 24 hex digits, most significant first (as `{:024x}` writes them)
    for shift in (0..24).rev() {
        id.push(char::from(HEX[((bits >> (shift * 4)) & 0xf) as usize]));
    }
    id
}

/// Hands out final ids: the content id, or, when an earlier event already has it (identical
/// content kept apart by the merge rule), the content id with `-2`, `-3`, ... in order of
/// appearance. Keeps one 64-bit hash per id (in `HashSlots`), and a counter only for ids
/// seen more than once.
#[derive(Debug, Default)]
pub struct IdAllocator {
    seen: HashSlots,
    repeats: HashMap<u64, u32, BuildHasherDefault<SpreadHasher>>,
}

impl IdAllocator {
    /// An allocator with room for `events` ids, so that its table is allocated once.
    pub fn with_capacity(events: usize) -> Self {
        IdAllocator {
            seen: HashSlots::with_capacity(events),
            repeats: HashMap::default(),
        }
    }

    /// The final id for an event whose content id is `base`.
    pub fn assign(&mut self, base: &str) -> String {
        let hash = xxh3_64(base.as_bytes());
        if self.seen.insert(hash) {
            return base.to_string();
        }
        let count = self.repeats.entry(hash).or_insert(1);
        *count += 1;
        format!("{base}-{count}")
    }
}

/// Slots per chunk of [`HashSlots`] (256 KB, the size of a fingerprint chunk of the merge
/// index, whose memory is free again by the time ids are handed out).
const SLOT_CHUNK: usize = 1 << 15;

/// A set of 64-bit hashes: open addressing with linear probing over fixed-size chunks, filled
/// to at most 8/9. Sized for its expected count it takes 9 bytes per hash and never holds an old
/// and a new table at once (a hash table that doubles does, and rounds up to a power of two).
#[derive(Debug, Default)]
struct HashSlots {
    chunks: Vec<Vec<u64>>,
    slots: usize,
    len: usize,
    /// Whether the hash 0 (which marks an empty slot) is in the set.
    has_zero: bool,
}

impl HashSlots {
    fn with_capacity(expected: usize) -> Self {
        let slots = (expected + expected / 8 + 1).max(64);
        let mut chunks = Vec::with_capacity(slots.div_ceil(SLOT_CHUNK));
        let mut left = slots;
        while left > 0 {
            let size = left.min(SLOT_CHUNK);
            chunks.push(vec![0u64; size]);
            left -= size;
        }
        HashSlots {
            chunks,
            slots,
            len: 0,
            has_zero: false,
        }
    }

    fn slot(&mut self, index: usize) -> Option<&mut u64> {
        self.chunks
            .get_mut(index / SLOT_CHUNK)?
            .get_mut(index % SLOT_CHUNK)
    }

    /// Adds `hash`; false when it was already there.
    fn insert(&mut self, hash: u64) -> bool {
        if hash == 0 {
            return !std::mem::replace(&mut self.has_zero, true);
        }
        if (self.len + 1) * 9 > self.slots * 8 {
            self.grow();
        }
        let slots = self.slots;
        // the hash's high bits choose the first slot (no modulo bias worth the name)
        let mut index = ((u128::from(hash) * slots as u128) >> 64) as usize;
        loop {
            let Some(slot) = self.slot(index) else {
                return false;
            };
            if *slot == 0 {
                *slot = hash;
                self.len += 1;
                return true;
            }
            if *slot == hash {
                return false;
            }
            index = (index + 1) % slots;
        }
    }

    fn grow(&mut self) {
        let mut bigger = HashSlots::with_capacity(self.len.max(32) * 2);
        bigger.has_zero = self.has_zero;
        for chunk in std::mem::take(&mut self.chunks) {
            for hash in chunk.into_iter().filter(|&h| h != 0) {
                bigger.insert(hash);
            }
        }
        *self = bigger;
    }
}

/// Assigns stable ids from content (see [`IdAllocator`]).
pub fn assign_ids(events: &mut [Event]) {
    let mut ids = IdAllocator::default();
    for event in events.iter_mut() {
        event.id = ids.assign(&content_id(event));
    }
}

#[cfg(test)]
mod tests {
    use docket_core::{
        ActionKind, ActorKind, ActorRef, Amount, AmountRole, DateValue, PartialDate, SourceRef,
    };
    use rust_decimal::Decimal;

    use super::*;

    fn actor(id: &str) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Company,
            resolved: true,
            parent: None,
            match_score: None,
        }
    }

    fn fine(authority: &str, target: &str, date: &str, amount: i64, record: u64) -> Event {
        let mut event = Event::new(ActionKind::Fine);
        event.actor = Some(actor(authority));
        event.targets = vec![actor(target)];
        let date: PartialDate = date.parse().unwrap();
        event.date = Some(DateValue::resolved(date, date.to_string()));
        event.amount = Some(Amount::new(
            Decimal::from(amount),
            "EUR",
            AmountRole::Penalty,
            amount.to_string(),
        ));
        event.sources = vec![SourceRef {
            source: "s".into(),
            uri: "f".into(),
            record,
            span: None,
            quote: None,
        }];
        event
    }

    /// Rule 7: a fine on a counted group without an amount ("fined 22 companies, including
    /// Alibaba") and a fine of Alibaba with an amount are two events; so are two different
    /// counts. The same count, or a group and one party with the same amount, still merge.
    #[test]
    fn a_counted_group_without_an_amount_is_not_one_partys_fine() {
        let single = fine("cn.samr", "alibaba", "2021", 18_000, 1);
        let mut group = fine("cn.samr", "alibaba", "2021", 0, 2);
        group.amount = None;
        group.target_count = Some(22);
        assert!(!same_event(&single, &group));
        assert!(!same_event(&group, &single));
        let mut other_count = group.clone();
        other_count.target_count = Some(12);
        assert!(!same_event(&group, &other_count));
        let mut same_count = group.clone();
        same_count.sources[0].record = 3;
        assert!(same_event(&group, &same_count));
        let mut group_with_amount = fine("cn.samr", "alibaba", "2021", 18_000, 4);
        group_with_amount.target_count = Some(22);
        assert!(same_event(&single, &group_with_amount));
    }

    /// Adversarial input for the index: 20,000 different fines of one company by one
    /// authority, all in one block. The work per event stays bounded (no quadratic walk).
    /// The chunked hash set agrees with a standard one, through growth and collisions of the
    /// first slot.
    #[test]
    fn hash_slots_hold_what_a_hash_set_holds() {
        let mut slots = HashSlots::with_capacity(10);
        let mut reference = std::collections::HashSet::new();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for i in 0..200_000u64 {
            // a few values again and again, 0 and values that start at the same slot
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = match i % 7 {
                0 => 0,
                1 => i % 100,
                2 => state & 0xffff_0000_0000_0000,
                _ => state,
            };
            assert_eq!(
                slots.insert(value),
                reference.insert(value),
                "value {value}"
            );
        }
        assert_eq!(slots.len + usize::from(slots.has_zero), reference.len());
        assert!(slots.len * 9 <= slots.slots * 8);
    }

    /// Pushing keys and JSON merges exactly as pushing events: same outcomes, same events.
    #[test]
    fn prepared_pushes_merge_as_event_pushes_do() {
        let mut events = Vec::new();
        for i in 0..300u64 {
            let company = format!("company-{}", i % 37);
            // every third fine is reported again, some with a less precise date or no amount
            let mut event = fine("es.aepd", &company, "2021-11-23", 1000 + (i % 50) as i64, i);
            if i % 5 == 0 {
                event.reference = Some(format!("ref-{}", i % 11));
            }
            events.push(event.clone());
            if i % 3 == 0 {
                let mut again = event.clone();
                again.sources[0].record += 10_000;
                if i % 2 == 0 {
                    again.date = Some(DateValue::resolved(
                        "2021-11".parse().unwrap(),
                        "November 2021",
                    ));
                }
                if i % 4 == 0 {
                    again.amount = None;
                }
                events.push(again);
            }
        }
        let mut by_event = Merger::new();
        let mut by_keys = Merger::new();
        let from_json =
            |bytes: &[u8]| serde_json::from_slice::<Event>(bytes).map_err(std::io::Error::other);
        for event in events {
            let json = serde_json::to_vec(&event).unwrap();
            let prepared = Prepared::of(&event);
            assert_eq!(
                by_event.push(event).unwrap(),
                by_keys.push_prepared(prepared, json, from_json).unwrap()
            );
        }
        assert!(by_event.len() < 400, "some reports merged");
        assert_eq!(by_event.into_store().0, by_keys.into_store().0);
    }

    #[test]
    fn a_huge_block_costs_bounded_work_per_event() {
        let mut merger = Merger::new();
        let n = 20_000u64;
        for i in 0..n {
            let outcome = merger
                .push(fine(
                    "es.aepd",
                    "vodafone",
                    "2021-11-23",
                    1000 + i as i64,
                    i + 1,
                ))
                .unwrap();
            assert_eq!(outcome, MergeOutcome::New(i as usize));
        }
        // one block key per event (one target)
        assert!(
            merger.work() <= n * 2 * MAX_CANDIDATES as u64,
            "{} steps for {n} events",
            merger.work()
        );
        assert!(merger.work() >= n, "the counter counts");
    }

    #[test]
    fn same_authority_date_and_amount_but_another_target_is_another_event() {
        let mut merger = Merger::new();
        assert_eq!(
            merger
                .push(fine("es.aepd", "vodafone", "2021-11-23", 40000, 1))
                .unwrap(),
            MergeOutcome::New(0)
        );
        assert_eq!(
            merger
                .push(fine("es.aepd", "orange", "2021-11-23", 40000, 2))
                .unwrap(),
            MergeOutcome::New(1)
        );
    }

    #[test]
    fn the_same_fine_reported_twice_is_one_event_with_both_sources() {
        let mut merger = Merger::new();
        merger
            .push(fine("es.aepd", "vodafone", "2021-11", 40000, 1))
            .unwrap();
        assert_eq!(
            merger
                .push(fine("es.aepd", "vodafone", "2021-11-23", 40000, 7))
                .unwrap(),
            MergeOutcome::Merged(0)
        );
        let events = merger.finish();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].sources.len(), 2);
        // the more precise date wins
        assert_eq!(
            events[0].date.as_ref().unwrap().value.unwrap().to_string(),
            "2021-11-23"
        );
    }

    /// Rule 6 with a bound: "more than EUR 1.8 billion" is the fine of EUR 1.84 billion (the
    /// exact sum is kept, without the bound's flag), not one of EUR 500 million; "nearly EUR 7
    /// million" is within a tenth of EUR 6.8 million, not of EUR 5 million; "up to" caps.
    #[test]
    fn a_bound_agrees_with_the_sums_it_allows() {
        let bounded = |amount: i64, bound: AmountBound, record: u64| {
            let mut event = fine("eu.ec", "apple", "2024-03", amount, record);
            event.flags.push(bound.flag().to_string());
            event
        };
        let mut merger = Merger::new();
        merger
            .push(bounded(1_800_000_000, AmountBound::Floor, 1))
            .unwrap();
        assert_eq!(
            merger
                .push(fine("eu.ec", "apple", "2024-03-04", 500_000_000, 2))
                .unwrap(),
            MergeOutcome::New(1)
        );
        assert_eq!(
            merger
                .push(fine("eu.ec", "apple", "2024-03-04", 1_840_000_000, 3))
                .unwrap(),
            MergeOutcome::Merged(0)
        );
        let events = merger.finish();
        let merged = &events[0];
        assert_eq!(
            merged.amount.as_ref().map(|a| a.value),
            Some(Decimal::from(1_840_000_000))
        );
        assert!(merged.flags.is_empty(), "{:?}", merged.flags);

        for (other, same) in [(6_800_000, true), (7_600_000, true), (5_000_000, false)] {
            let a = bounded(7_000_000, AmountBound::Approximate, 1);
            let b = fine("eu.ec", "apple", "2024-03", other, 2);
            assert_eq!(same_event(&a, &b), same, "nearly 7m and {other}");
            assert_eq!(same_event(&b, &a), same, "{other} and nearly 7m");
        }
        for (other, same) in [(4_000_000, true), (6_000_000, false)] {
            let a = bounded(5_000_000, AmountBound::Cap, 1);
            let b = fine("eu.ec", "apple", "2024-03", other, 2);
            assert_eq!(same_event(&a, &b), same, "up to 5m and {other}");
        }
        // an exact sum met later replaces the bound; a bound met later leaves the exact sum
        let mut merger = Merger::new();
        merger
            .push(fine("eu.ec", "apple", "2024-03", 1_840_000_000, 1))
            .unwrap();
        merger
            .push(bounded(1_800_000_000, AmountBound::Floor, 2))
            .unwrap();
        let events = merger.finish();
        assert_eq!(events.len(), 1);
        assert_eq!(
            events[0].amount.as_ref().map(|a| a.value),
            Some(Decimal::from(1_840_000_000))
        );
        assert!(events[0].flags.is_empty(), "{:?}", events[0].flags);
    }

    #[test]
    fn different_references_amounts_or_dates_keep_events_apart() {
        let mut merger = Merger::new();
        let mut a = fine("es.aepd", "vodafone", "2021-09-14", 56000, 1);
        a.reference = Some("ETid-1".into());
        let mut b = fine("es.aepd", "vodafone", "2021-09-14", 56000, 2);
        b.reference = Some("ETid-2".into());
        merger.push(a).unwrap();
        assert_eq!(merger.push(b).unwrap(), MergeOutcome::New(1));
        assert_eq!(
            merger
                .push(fine("es.aepd", "vodafone", "2021-09-14", 57000, 3))
                .unwrap(),
            MergeOutcome::New(2)
        );
        assert_eq!(
            merger
                .push(fine("es.aepd", "vodafone", "2021-10-14", 56000, 4))
                .unwrap(),
            MergeOutcome::New(3)
        );
        let events = merger.finish();
        let ids: std::collections::BTreeSet<_> = events.iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids.len(), 4, "ids are unique");
    }

    #[test]
    fn ids_come_from_content_not_order() {
        let mut one = Merger::new();
        one.push(fine("a", "x", "2021", 1, 1)).unwrap();
        one.push(fine("a", "y", "2021", 2, 2)).unwrap();
        let mut two = Merger::new();
        two.push(fine("a", "y", "2021", 2, 9)).unwrap();
        two.push(fine("a", "x", "2021", 1, 8)).unwrap();
        let ids = |events: Vec<Event>| -> std::collections::BTreeSet<String> {
            events.into_iter().map(|e| e.id).collect()
        };
        assert_eq!(ids(one.finish()), ids(two.finish()));
    }
}
