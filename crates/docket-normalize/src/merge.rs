//! Merging reports of the same real-world event, and stable event ids.
//!
//! The rule (also in `docs/merging.md`): two events are the same when
//! 1. their actions are equal;
//! 2. their source references (`ref`), when both have one, are equal;
//! 3. their actors, when both have one, have the same id;
//! 4. their targets share at least one id, or both have no target and both have the same actor;
//! 5. their dates, when both are known, agree at the coarser precision;
//! 6. their amounts, when both are known, are the same sum in the same currency.
//!
//! Candidates are found through a hash index keyed by (action, target id) or, for events
//! without targets, (action, actor id). The index holds 64-bit hashes and event positions,
//! never text.

use std::collections::HashMap;

use docket_core::Event;
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

/// The outcome of adding one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeOutcome {
    /// A new event, at this position.
    New(usize),
    /// Merged into the event at this position.
    Merged(usize),
}

/// Collects events, merging duplicates as they arrive.
#[derive(Debug, Default)]
pub struct Merger {
    events: Vec<Event>,
    index: HashMap<u64, Vec<u32>>,
}

fn block_keys(event: &Event) -> Vec<u64> {
    let action = event.action.as_str();
    if event.targets.is_empty() {
        let actor = event.actor.as_ref().map_or("", |a| a.id.as_str());
        vec![xxh3_64(format!("{action}\u{0}\u{0}{actor}").as_bytes())]
    } else {
        event
            .targets
            .iter()
            .map(|t| xxh3_64(format!("{action}\u{0}{}", t.id).as_bytes()))
            .collect()
    }
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
            && matches!((&a.actor, &b.actor), (Some(x), Some(y)) if x.id == y.id)
    } else {
        a.targets.iter().any(|t| b.targets.iter().any(|u| u.id == t.id))
    };
    if !targets_agree {
        return false;
    }
    if let (Some(x), Some(y)) = (a.date.as_ref().and_then(|d| d.value), b.date.as_ref().and_then(|d| d.value)) {
        if !x.is_compatible(&y) {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.amount, &b.amount) {
        if x.role == y.role && !x.same_sum(y) {
            return false;
        }
    }
    true
}

fn absorb(into: &mut Event, from: Event) {
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
    let more_precise = match (into.date.as_ref().and_then(|d| d.value), from.date.as_ref().and_then(|d| d.value)) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => y.precision() > x.precision(),
        _ => into.date.is_none() && from.date.is_some(),
    };
    if more_precise {
        into.date = from.date;
    }
    match (&into.amount, &from.amount) {
        (None, Some(_)) => into.amount = from.amount,
        (Some(x), Some(y)) if x.role != docket_core::AmountRole::Penalty && y.role == docket_core::AmountRole::Penalty => {
            into.amount = from.amount
        }
        _ => {}
    }
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
        if !into.sources.contains(&source) {
            into.sources.push(source);
        }
    }
    into.confidence = into.confidence.max(from.confidence);
    for flag in from.flags {
        if !into.flags.contains(&flag) {
            into.flags.push(flag);
        }
    }
    into.flags.sort();
}

impl Merger {
    /// An empty merger.
    pub fn new() -> Self {
        Merger::default()
    }

    /// Adds an event, merging it into the first earlier event it matches.
    pub fn push(&mut self, event: Event) -> MergeOutcome {
        let keys = block_keys(&event);
        let mut candidates: Vec<u32> = keys
            .iter()
            .filter_map(|k| self.index.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        if let Some(&found) = candidates.iter().find(|&&i| same_event(&self.events[i as usize], &event)) {
            let found = found as usize;
            absorb(&mut self.events[found], event);
            // the merged event may have gained targets: index them too
            for key in block_keys(&self.events[found]) {
                let slot = self.index.entry(key).or_default();
                if !slot.contains(&(found as u32)) {
                    slot.push(found as u32);
                }
            }
            return MergeOutcome::Merged(found);
        }
        let position = self.events.len();
        for key in keys {
            self.index.entry(key).or_default().push(position as u32);
        }
        self.events.push(event);
        MergeOutcome::New(position)
    }

    /// The number of distinct events so far.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether no event was added.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The merged events, in order of first appearance, with ids assigned.
    pub fn finish(self) -> Vec<Event> {
        let mut events = self.events;
        assign_ids(&mut events);
        events
    }
}

/// The content an id is derived from: action, actor, targets, date, amount and reference.
fn id_content(event: &Event) -> String {
    let mut targets: Vec<&str> = event.targets.iter().map(|t| t.id.as_str()).collect();
    targets.sort_unstable();
    let date = event.date.as_ref().and_then(|d| d.value).map(|d| d.to_string()).unwrap_or_default();
    let amount = event
        .amount
        .as_ref()
        .map(|a| format!("{} {}", a.value.normalize(), a.currency))
        .unwrap_or_default();
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        event.action,
        event.actor.as_ref().map_or("", |a| a.id.as_str()),
        targets.join("\u{1e}"),
        date,
        amount,
        event.reference.as_deref().unwrap_or("")
    )
}

/// Assigns stable ids from content. Two unmerged events with the same content (which the merge
/// rule keeps apart only through differing sources of the same reference) get `-2`, `-3`
/// suffixes in order of appearance.
pub fn assign_ids(events: &mut [Event]) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for event in events.iter_mut() {
        let hash = xxh3_128(id_content(event).as_bytes());
        let base = format!("ev-{:024x}", hash >> 32);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        event.id = if *count == 1 { base } else { format!("{base}-{count}") };
    }
}

#[cfg(test)]
mod tests {
    use docket_core::{ActionKind, ActorKind, ActorRef, Amount, AmountRole, DateValue, PartialDate, SourceRef};
    use rust_decimal::Decimal;

    use super::*;

    fn actor(id: &str) -> ActorRef {
        ActorRef { id: id.into(), name: id.into(), kind: ActorKind::Company, resolved: true, parent: None }
    }

    fn fine(authority: &str, target: &str, date: &str, amount: i64, record: u64) -> Event {
        let mut event = Event::new(ActionKind::Fine);
        event.actor = Some(actor(authority));
        event.targets = vec![actor(target)];
        let date: PartialDate = date.parse().unwrap();
        event.date = Some(DateValue::resolved(date, date.to_string()));
        event.amount = Some(Amount::new(Decimal::from(amount), "EUR", AmountRole::Penalty, amount.to_string()));
        event.sources = vec![SourceRef { source: "s".into(), uri: "f".into(), record, span: None, quote: None }];
        event
    }

    #[test]
    fn same_authority_date_and_amount_but_another_target_is_another_event() {
        let mut merger = Merger::new();
        assert_eq!(merger.push(fine("es.aepd", "vodafone", "2021-11-23", 40000, 1)), MergeOutcome::New(0));
        assert_eq!(merger.push(fine("es.aepd", "orange", "2021-11-23", 40000, 2)), MergeOutcome::New(1));
    }

    #[test]
    fn the_same_fine_reported_twice_is_one_event_with_both_sources() {
        let mut merger = Merger::new();
        merger.push(fine("es.aepd", "vodafone", "2021-11", 40000, 1));
        assert_eq!(merger.push(fine("es.aepd", "vodafone", "2021-11-23", 40000, 7)), MergeOutcome::Merged(0));
        let events = merger.finish();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].sources.len(), 2);
        // the more precise date wins
        assert_eq!(events[0].date.as_ref().unwrap().value.unwrap().to_string(), "2021-11-23");
    }

    #[test]
    fn different_references_amounts_or_dates_keep_events_apart() {
        let mut merger = Merger::new();
        let mut a = fine("es.aepd", "vodafone", "2021-09-14", 56000, 1);
        a.reference = Some("ETid-1".into());
        let mut b = fine("es.aepd", "vodafone", "2021-09-14", 56000, 2);
        b.reference = Some("ETid-2".into());
        merger.push(a);
        assert_eq!(merger.push(b), MergeOutcome::New(1));
        assert_eq!(merger.push(fine("es.aepd", "vodafone", "2021-09-14", 57000, 3)), MergeOutcome::New(2));
        assert_eq!(merger.push(fine("es.aepd", "vodafone", "2021-10-14", 56000, 4)), MergeOutcome::New(3));
        let events = merger.finish();
        let ids: std::collections::BTreeSet<_> = events.iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids.len(), 4, "ids are unique");
    }

    #[test]
    fn ids_come_from_content_not_order() {
        let mut one = Merger::new();
        one.push(fine("a", "x", "2021", 1, 1));
        one.push(fine("a", "y", "2021", 2, 2));
        let mut two = Merger::new();
        two.push(fine("a", "y", "2021", 2, 9));
        two.push(fine("a", "x", "2021", 1, 8));
        let ids = |events: Vec<Event>| -> std::collections::BTreeSet<String> { events.into_iter().map(|e| e.id).collect() };
        assert_eq!(ids(one.finish()), ids(two.finish()));
    }
}
