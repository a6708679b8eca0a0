//! Text removed from a record's fields before they are read (`[sources.NAME.remove]` in a job).
//!
//! Scraped tables carry text that belongs to the page, not to the field: the SEC's index of
//! litigation releases writes the links of a release after its defendants ("Howard B. Present
//! See also: SEC Complaint", "Frank A. Dunn, et al. Other Release No.: AAER-3730"). No general
//! rule can tell such text from a name, but the person who writes the job can: a job lists, per
//! field, regular expressions whose matches are removed from every record's value of that field
//! before it is read.
//!
//! Design decision: a removal changes only the record's own values, never the job's constants,
//! and it is visible: the value is trimmed afterwards, a value left empty counts as missing,
//! and an event one of whose values lost text carries the flag `text_removed`. The rejects file
//! and the source keep the record as written.

use docket_core::RawEvent;
use regex::Regex;

use crate::NormalizeError;

/// An event field whose text a removal applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `action`.
    Action,
    /// `actor`.
    Actor,
    /// `target` (every target of the record).
    Target,
    /// `date`.
    Date,
    /// `amount`.
    Amount,
    /// `currency`.
    Currency,
    /// `summary`.
    Summary,
    /// `url`.
    Url,
    /// `ref`.
    Reference,
}

impl Field {
    /// The field's name in a job file.
    pub fn name(self) -> &'static str {
        match self {
            Field::Action => "action",
            Field::Actor => "actor",
            Field::Target => "target",
            Field::Date => "date",
            Field::Amount => "amount",
            Field::Currency => "currency",
            Field::Summary => "summary",
            Field::Url => "url",
            Field::Reference => "ref",
        }
    }
}

/// The removals of one source: (field, pattern) pairs, applied in the order given.
#[derive(Debug, Clone, Default)]
pub struct Removals {
    rules: Vec<(Field, Regex)>,
}

impl Removals {
    /// No removal at all.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Adds a pattern (regular-expression syntax of the `regex` crate) whose matches are removed
    /// from `field`. A pattern that does not compile, or one that matches the empty string
    /// (it would remove nothing and is most likely a mistake), is an error naming it.
    pub fn add(&mut self, field: Field, pattern: &str) -> Result<(), NormalizeError> {
        let error = |reason: String| NormalizeError::Pattern {
            field: field.name(),
            pattern: pattern.to_string(),
            reason,
        };
        let regex = Regex::new(pattern).map_err(|e| error(e.to_string()))?;
        if regex.is_match("") {
            return Err(error("it matches the empty string".to_string()));
        }
        self.rules.push((field, regex));
        Ok(())
    }

    /// Removes every match from the record's values of the fields it names. Values are trimmed
    /// afterwards; a value left empty is dropped (a target left empty is no target). Returns
    /// whether any value lost text.
    pub fn apply(&self, raw: &mut RawEvent) -> bool {
        let mut changed = false;
        for (field, regex) in &self.rules {
            let value = match field {
                Field::Action => &mut raw.action,
                Field::Date => &mut raw.date,
                Field::Amount => &mut raw.amount,
                Field::Currency => &mut raw.currency,
                Field::Summary => &mut raw.summary,
                Field::Url => &mut raw.url,
                Field::Reference => &mut raw.reference,
                Field::Actor => {
                    if let Some(actor) = &mut raw.actor {
                        if actor.id_hint.is_none() {
                            changed |= remove_from(regex, &mut actor.name);
                            if actor.name.is_empty() {
                                raw.actor = None;
                            }
                        }
                    }
                    continue;
                }
                Field::Target => {
                    for target in raw.targets.iter_mut().filter(|t| t.id_hint.is_none()) {
                        changed |= remove_from(regex, &mut target.name);
                    }
                    raw.targets
                        .retain(|t| t.id_hint.is_some() || !t.name.is_empty());
                    continue;
                }
            };
            if let Some(text) = value {
                changed |= remove_from(regex, text);
                if text.is_empty() {
                    *value = None;
                }
            }
        }
        changed
    }
}

/// Removes the matches of `regex` from `text` and trims what is left; whether text was removed.
fn remove_from(regex: &Regex, text: &mut String) -> bool {
    if !regex.is_match(text) {
        return false;
    }
    let removed = regex.replace_all(text, "");
    let trimmed = removed.trim();
    *text = trimmed.to_string();
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use docket_core::RawActor;

    fn removals(rules: &[(Field, &str)]) -> Removals {
        let mut removals = Removals::default();
        for (field, pattern) in rules {
            removals.add(*field, pattern).unwrap();
        }
        removals
    }

    #[test]
    fn matches_are_removed_and_the_rest_trimmed() {
        let removals = removals(&[(Field::Target, r"(?s)\s*(See also|Other Release Nos?\.?:).*")]);
        for (written, kept) in [
            (
                "Howard B. Present See also: SEC Complaint",
                "Howard B. Present",
            ),
            (
                "Frank A. Dunn, et al. Other Release No.: AAER-3730",
                "Frank A. Dunn, et al.",
            ),
            (
                "Avon Products, Inc. Other Release No.:",
                "Avon Products, Inc.",
            ),
            ("Zhunrize, Inc.", "Zhunrize, Inc."),
        ] {
            let mut raw = RawEvent {
                targets: vec![RawActor::named(written)],
                ..RawEvent::default()
            };
            let changed = removals.apply(&mut raw);
            assert_eq!(raw.targets[0].name, kept);
            assert_eq!(changed, written != kept, "{written}");
        }
    }

    #[test]
    fn a_value_left_empty_is_missing() {
        let removals = removals(&[(Field::Amount, r"(?i)unknown"), (Field::Target, "N/A")]);
        let mut raw = RawEvent {
            amount: Some(" Unknown ".into()),
            targets: vec![RawActor::named("N/A"), RawActor::named("Acme N/A Corp")],
            ..RawEvent::default()
        };
        assert!(removals.apply(&mut raw));
        assert_eq!(raw.amount, None);
        assert_eq!(raw.targets.len(), 1);
        assert_eq!(raw.targets[0].name, "Acme  Corp");
    }

    #[test]
    fn only_the_named_fields_change() {
        let removals = removals(&[(Field::Summary, "See also:.*")]);
        let mut raw = RawEvent {
            summary: Some("Charged. See also: SEC Complaint".into()),
            reference: Some("See also: LR-1".into()),
            targets: vec![RawActor::named("A See also: B")],
            ..RawEvent::default()
        };
        assert!(removals.apply(&mut raw));
        assert_eq!(raw.summary.as_deref(), Some("Charged."));
        assert_eq!(raw.reference.as_deref(), Some("See also: LR-1"));
        assert_eq!(raw.targets[0].name, "A See also: B");
    }

    #[test]
    fn a_resolved_mention_is_left_alone() {
        let removals = removals(&[(Field::Actor, "SEC")]);
        let mut raw = RawEvent {
            actor: Some(RawActor {
                name: "SEC".into(),
                id_hint: Some("us.sec".into()),
                parent_hint: None,
                kind_hint: None,
            }),
            ..RawEvent::default()
        };
        assert!(!removals.apply(&mut raw));
        assert_eq!(raw.actor.unwrap().name, "SEC");
    }

    #[test]
    fn bad_patterns_are_errors_that_name_them() {
        let mut removals = Removals::default();
        let error = removals.add(Field::Target, "(See also").unwrap_err();
        assert!(error.to_string().contains("(See also"), "{error}");
        assert!(error.to_string().contains("target"), "{error}");
        let error = removals.add(Field::Date, r"\s*").unwrap_err();
        assert!(error.to_string().contains("empty string"), "{error}");
        assert!(removals.is_empty());
    }
}
