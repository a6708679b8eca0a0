//! From a [`RawEvent`] to an [`Event`].

use std::sync::Arc;

use docket_core::{ActionKind, ActorKind, ActorRef, Amount, AmountRole, DateValue, Event, RawActor, RawEvent, RecordOrigin, SourceRef};

use crate::action::action_from_word;
use crate::date::{is_missing, parse_date, DateHints, DateProblem};
use crate::money::{parse_currency, parse_money};
use crate::name::{base_name, decode_entities, fold_name};
use crate::resolve::Resolver;

/// What the job says about one source, as far as meaning is concerned.
#[derive(Debug, Clone, Default)]
pub struct SourceHints {
    /// Values used for every record where the record has none (`[sources.X.constants]`).
    pub constants: RawEvent,
    /// How to read dates.
    pub date: DateHints,
    /// Separator of several targets in one field (`target_separator`).
    pub target_separator: Option<String>,
}

/// Turns raw events into events. Cheap to clone (the catalogue index is shared).
#[derive(Debug, Clone)]
pub struct Normalizer {
    resolver: Arc<Resolver>,
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !is_missing(v))
}

impl Normalizer {
    /// A normalizer over a catalogue index.
    pub fn new(resolver: Arc<Resolver>) -> Self {
        Normalizer { resolver }
    }

    /// The catalogue index.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Normalizes one raw event. The error is a reason for the rejects file.
    pub fn normalize(&self, raw: &RawEvent, origin: &RecordOrigin, hints: &SourceHints) -> Result<Event, String> {
        let constants = &hints.constants;
        let pick = |own: &Option<String>, constant: &Option<String>| -> Option<String> {
            present(own).or_else(|| present(constant)).map(str::to_string)
        };

        let action_text = pick(&raw.action, &constants.action)
            .ok_or_else(|| "no action: map an `action` field or set constants.action".to_string())?;
        let action = action_from_word(&action_text)
            .ok_or_else(|| format!("action {action_text:?} is not in the action lexicon (docs/actions.md)"))?;
        let mut event = Event::new(action);
        let mut flags = raw.flags.clone();

        let actor = raw.actor.as_ref().or(constants.actor.as_ref());
        event.actor = actor
            .filter(|a| a.id_hint.is_some() || !is_missing(&a.name))
            .map(|a| self.resolver.actor_ref(a, ActorKind::Other));

        let targets = if raw.targets.is_empty() { &constants.targets } else { &raw.targets };
        event.targets = self.targets(targets, hints.target_separator.as_deref());
        event.target_count = raw.target_count.or(constants.target_count);

        event.date = match &raw.date_resolved {
            Some(resolved) => Some(resolved.clone()),
            None => match pick(&raw.date, &constants.date) {
                None => None,
                Some(text) => match parse_date(&text, &hints.date) {
                    Ok(Some(date)) => Some(DateValue::resolved(date, text)),
                    Ok(None) => None,
                    Err(DateProblem::Placeholder) => {
                        flags.push("date_placeholder".to_string());
                        Some(DateValue::unresolved(text))
                    }
                    Err(problem) => return Err(problem.explain(&text)),
                },
            },
        };

        let currency = match pick(&raw.currency, &constants.currency) {
            Some(text) => parse_currency(&text).map_err(|p| p.explain(&text))?,
            None => None,
        };
        event.amount = match pick(&raw.amount, &constants.amount) {
            None => None,
            Some(text) => match parse_money(&text, currency.as_deref()).map_err(|p| p.explain(&text))? {
                None => None,
                Some(parsed) => {
                    let currency = parsed.currency.ok_or_else(|| {
                        format!("amount {text:?} has no currency: map a `currency` field or set constants.currency")
                    })?;
                    let role = raw.amount_role.unwrap_or(match action {
                        ActionKind::Fine | ActionKind::Settlement => AmountRole::Penalty,
                        _ => AmountRole::Other,
                    });
                    Some(Amount::new(parsed.value, currency, role, text))
                }
            },
        };

        let clean = |v: Option<String>| v.map(|s| decode_entities(&s).trim().to_string()).filter(|s| !s.is_empty());
        event.summary = clean(pick(&raw.summary, &constants.summary));
        event.url = clean(pick(&raw.url, &constants.url));
        event.reference = clean(pick(&raw.reference, &constants.reference));
        event.sources.push(SourceRef {
            source: origin.source.to_string(),
            uri: origin.uri.to_string(),
            record: origin.record,
            span: raw.span,
            quote: raw.quote.clone(),
        });
        event.confidence = raw.confidence.unwrap_or(1.0).clamp(0.0, 1.0);
        flags.sort();
        flags.dedup();
        event.flags = flags;
        Ok(event)
    }

    fn targets(&self, raw: &[RawActor], separator: Option<&str>) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        let mut push = |actor: &RawActor| {
            if actor.id_hint.is_none() && is_missing(&actor.name) {
                return;
            }
            let folded = fold_name(&actor.name);
            let kind = if base_name(&folded) != folded { ActorKind::Company } else { ActorKind::Other };
            let resolved = self.resolver.actor_ref(actor, kind);
            if !out.iter().any(|t| t.id == resolved.id) {
                out.push(resolved);
            }
        };
        for actor in raw {
            match separator {
                Some(sep) if actor.id_hint.is_none() && actor.name.contains(sep) => {
                    for part in actor.name.split(sep) {
                        push(&RawActor {
                            name: part.trim().to_string(),
                            id_hint: None,
                            parent_hint: actor.parent_hint.clone(),
                        });
                    }
                }
                _ => push(actor),
            }
        }
        out
    }
}
