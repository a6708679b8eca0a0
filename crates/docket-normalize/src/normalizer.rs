//! From a [`RawEvent`] to an [`Event`].

use foldhash::HashMap;
use std::cell::RefCell;
use std::sync::Arc;

use docket_core::{
    ActionKind, ActorKind, ActorRef, Amount, AmountRole, DateValue, Event, Period, RawActor,
    RawEvent, RecordOrigin, SourceRef,
};

use crate::action::{action_from_word, action_named_by, threatened_flag};
use crate::convert::{convert_event, RateTable};
use crate::date::{is_missing, parse_date_value, DateHints, DateProblem, ParsedDate};
use crate::money::{parse_currency, parse_money, MoneyProblem};
use crate::name::decode_entities;
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
    /// The target field holds a written list of names (`target_list`), split by
    /// [`crate::name_list::split_name_list`].
    pub target_list: bool,
    /// Text removed from the record's own values before they are read (`[sources.X.remove]`).
    pub remove: crate::remove::Removals,
}

/// Turns raw events into events. Cheap to clone (the catalogue index is shared).
#[derive(Debug, Clone)]
pub struct Normalizer {
    resolver: Arc<Resolver>,
    conversion: Option<Arc<(RateTable, Vec<String>)>>,
}

/// Most runs see the same few authority names again and again: resolved names are cached per
/// thread (bounded), tagged with the resolver's generation so that two catalogues never share
/// entries.
const CACHE_LIMIT: usize = 1 << 12;

/// The per-thread cache: the resolver generation it belongs to, then authorities and targets
/// by name (two maps, so that a lookup borrows the name instead of building a key).
#[derive(Default)]
struct ActorCache {
    owner: u64,
    authorities: HashMap<String, ActorRef>,
    targets: HashMap<String, ActorRef>,
}

thread_local! {
    static ACTOR_CACHE: RefCell<ActorCache> = RefCell::new(ActorCache::default());
}

/// The record states its action in its amount field: the event takes that action (with its
/// codes) and the flag `amount_states_action`; a fine, ban or suspension restated as a warning
/// was announced, not imposed (`threatened_fine`..., as the extractor flags it).
fn restate_action(event: &mut Event, stated: ActionKind, flags: &mut Vec<String>) {
    flags.push("amount_states_action".to_string());
    if stated == event.action {
        return;
    }
    if stated == ActionKind::Warning {
        flags.extend(threatened_flag(event.action));
    }
    event.action = stated;
    event.cameo = stated.cameo().map(str::to_string);
    event.plover = stated.plover().map(str::to_string);
}

/// The record's own value when it has one (moved, trimmed), else the constant.
fn take(own: Option<String>, constant: &Option<String>) -> Option<String> {
    match own {
        Some(text) if !is_missing(&text) => Some(trim_owned(text)),
        _ => present(constant).map(str::to_string),
    }
}

fn trim_owned(text: String) -> String {
    let trimmed = text.trim();
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    }
}

/// HTML entities decoded, white space trimmed, empty text dropped.
fn clean(text: Option<String>) -> Option<String> {
    let text = text?;
    let decoded = match decode_entities(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(decoded) => decoded,
    };
    Some(trim_owned(decoded)).filter(|t| !t.is_empty())
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !is_missing(v))
}

impl Normalizer {
    /// A normalizer over a catalogue index.
    pub fn new(resolver: Arc<Resolver>) -> Self {
        Normalizer {
            resolver,
            conversion: None,
        }
    }

    /// The same normalizer, converting every amount into each of `targets` (ISO codes) at the
    /// rates of `table` for the year of the event's date (see [`crate::convert`]). Fails when
    /// the table does not know a target.
    pub fn with_conversion(
        mut self,
        table: RateTable,
        targets: Vec<String>,
    ) -> Result<Self, String> {
        table.check_targets(&targets)?;
        self.conversion = if targets.is_empty() {
            None
        } else {
            Some(Arc::new((table, targets)))
        };
        Ok(self)
    }

    /// Recomputes the conversions of an event (after a merge changed its date or amount). Does
    /// nothing when the normalizer converts nothing.
    pub fn convert(&self, event: &mut Event) {
        if let Some(conversion) = &self.conversion {
            convert_event(&conversion.0, &conversion.1, event);
        }
    }

    /// The catalogue index.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Normalizes one raw event. The error is a reason for the rejects file.
    pub fn normalize(
        &self,
        raw: &RawEvent,
        origin: &RecordOrigin,
        hints: &SourceHints,
    ) -> Result<Event, String> {
        self.normalize_owned(raw.clone(), origin, hints)
    }

    /// Like [`Normalizer::normalize`], taking the raw event by value so that its text moves into
    /// the event instead of being copied.
    pub fn normalize_owned(
        &self,
        mut raw: RawEvent,
        origin: &RecordOrigin,
        hints: &SourceHints,
    ) -> Result<Event, String> {
        let constants = &hints.constants;
        let text_removed = !hints.remove.is_empty() && hints.remove.apply(&mut raw);
        let RawEvent {
            action,
            actor,
            targets,
            target_count,
            date,
            date_resolved,
            amount,
            currency,
            amount_role,
            summary,
            url,
            reference,
            span,
            quote,
            confidence,
            flags: raw_flags,
        } = raw;

        let action_text = take(action, &constants.action).ok_or_else(|| {
            "no action: map an `action` field or set constants.action".to_string()
        })?;
        let action = action_from_word(&action_text).ok_or_else(|| {
            format!("action {action_text:?} is not in the action lexicon (docs/actions.md)")
        })?;
        let mut event = Event::new(action);
        let mut flags = raw_flags;
        if text_removed {
            flags.push("text_removed".to_string());
        }

        let actor = actor.as_ref().or(constants.actor.as_ref());
        event.actor = actor
            .filter(|a| a.id_hint.is_some() || !is_missing(&a.name))
            .map(|a| self.cached_actor_ref(a, false));

        let targets = if targets.is_empty() {
            &constants.targets
        } else {
            &targets
        };
        event.targets = self.targets(targets, hints);
        event.target_count = target_count.or(constants.target_count);

        event.date = match date_resolved {
            Some(resolved) => Some(resolved),
            None => match take(date, &constants.date) {
                None => None,
                Some(text) => match parse_date_value(&text, &hints.date) {
                    Ok(Some(ParsedDate::Date { value, qualifier })) => Some(
                        DateValue::resolved(value, text)
                            .with_qualifier(qualifier.map(|q| q.to_string())),
                    ),
                    Ok(Some(ParsedDate::Period { from, to })) => {
                        // a period is when the conduct happened, not the date of the action
                        event.conduct_period = Some(Period { from, to, text });
                        None
                    }
                    Ok(None) => None,
                    Err(DateProblem::Placeholder) => {
                        flags.push("date_placeholder".to_string());
                        Some(DateValue::unresolved(text))
                    }
                    Err(problem) => return Err(problem.explain(&text)),
                },
            },
        };

        let currency = match take(currency, &constants.currency) {
            Some(text) => parse_currency(&text).map_err(|p| p.explain(&text))?,
            None => None,
        };
        event.amount = match take(amount, &constants.amount) {
            None => None,
            Some(text) => {
                let parsed = match parse_money(&text, currency.as_deref()) {
                    Ok(parsed) => parsed,
                    // an amount field that only names an action ("Only intention to issue
                    // fine" in a table of fines) states what happened instead of an amount
                    Err(MoneyProblem::NoNumber) => match action_named_by(&text) {
                        Some(stated) => {
                            restate_action(&mut event, stated, &mut flags);
                            None
                        }
                        None => return Err(MoneyProblem::NoNumber.explain(&text)),
                    },
                    Err(problem) => return Err(problem.explain(&text)),
                };
                match parsed {
                    None => None,
                    Some(parsed) => {
                        let currency = parsed.currency.ok_or_else(|| {
                        format!("amount {text:?} has no currency: map a `currency` field or set constants.currency")
                    })?;
                        let role = amount_role.unwrap_or(match action {
                            ActionKind::Fine | ActionKind::Settlement => AmountRole::Penalty,
                            _ => AmountRole::Other,
                        });
                        if let Some(bound) = parsed.bound {
                            flags.push(bound.flag().to_string());
                        }
                        Some(Amount::new(parsed.value, currency, role, text).with_max(parsed.max))
                    }
                }
            }
        };

        event.summary = clean(take(summary, &constants.summary));
        event.url = clean(take(url, &constants.url));
        event.reference = clean(take(reference, &constants.reference));
        event.sources.push(SourceRef {
            source: origin.source.to_string(),
            uri: origin.uri.to_string(),
            record: origin.record,
            span,
            quote,
        });
        event.confidence = confidence.unwrap_or(1.0).clamp(0.0, 1.0);
        flags.sort();
        flags.dedup();
        event.flags = flags;
        self.convert(&mut event);
        Ok(event)
    }

    /// Resolves a mention (through the per-thread cache when it is a plain name). Unresolved
    /// mentions get the kind the text showed (`kind_hint`: a person named after a role), else
    /// authorities the kind `other`, targets `company` when their name carries a legal form
    /// and `other` otherwise.
    fn cached_actor_ref(&self, raw: &RawActor, is_target: bool) -> ActorRef {
        let resolve = || {
            self.resolver
                .actor_ref_with(raw, |name| match raw.kind_hint {
                    Some(kind) => kind,
                    None if is_target && name.base != name.folded => ActorKind::Company,
                    None => ActorKind::Other,
                })
        };
        if raw.id_hint.is_some() || raw.parent_hint.is_some() || raw.kind_hint.is_some() {
            return resolve();
        }
        let owner = self.resolver.generation();
        ACTOR_CACHE.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.owner != owner {
                cache.owner = owner;
                cache.authorities.clear();
                cache.targets.clear();
            }
            let map = if is_target {
                &mut cache.targets
            } else {
                &mut cache.authorities
            };
            if let Some(found) = map.get(raw.name.as_str()) {
                return found.clone();
            }
            if map.len() >= CACHE_LIMIT {
                map.clear();
            }
            let resolved = resolve();
            map.insert(raw.name.clone(), resolved.clone());
            resolved
        })
    }

    fn targets(&self, raw: &[RawActor], hints: &SourceHints) -> Vec<ActorRef> {
        let separator = hints.target_separator.as_deref();
        let mut out: Vec<ActorRef> = Vec::new();
        let mut push = |actor: &RawActor| {
            if actor.id_hint.is_none() && is_missing(&actor.name) {
                return;
            }
            let resolved = self.cached_actor_ref(actor, true);
            if !out.iter().any(|t| t.id == resolved.id) {
                out.push(resolved);
            }
        };
        for actor in raw {
            // the names one target field holds: a written list, or the parts between separators
            let names: Option<Vec<String>> = match separator {
                _ if actor.id_hint.is_some() => None,
                _ if hints.target_list => Some(crate::name_list::split_name_list(&actor.name)),
                Some(sep) if actor.name.contains(sep) => Some(
                    actor
                        .name
                        .split(sep)
                        .map(|part| part.trim().to_string())
                        .collect(),
                ),
                _ => None,
            };
            match names {
                Some(names) => {
                    for name in names {
                        push(&RawActor {
                            name,
                            id_hint: None,
                            parent_hint: actor.parent_hint.clone(),
                            kind_hint: actor.kind_hint,
                        });
                    }
                }
                None => push(actor),
            }
        }
        out
    }
}
