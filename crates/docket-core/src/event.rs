use serde::{Deserialize, Serialize};

use crate::{ActionKind, ActorRef, Amount, DateValue, Period};

/// Where a piece of an event was read: the job's source name, the file, the record within the
/// file, and for text the byte span and the sentence itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SourceRef {
    /// The source's name in the job file.
    pub source: String,
    /// The file (or URL) the record came from.
    pub uri: String,
    /// The record's 1-based position in its file: the data row for CSV, the array element for
    /// JSON, the line for JSONL, the document for text.
    pub record: u64,
    /// `[start, end)` byte offsets of the evidence sentence in the file, for text (for a JSON
    /// text field that is nested or an array, from the start of that text: see
    /// `docs/job-file.md`).
    pub span: Option<[u64; 2]>,
    /// The evidence sentence, for text.
    pub quote: Option<String>,
}

/// One real-world enforcement event, after normalization and merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id derived from the normalized content (never from file order).
    pub id: String,
    /// What was done.
    pub action: ActionKind,
    /// The CAMEO code of the action.
    pub cameo: Option<String>,
    /// The PLOVER category of the action.
    pub plover: Option<String>,
    /// Who acted: the authority.
    pub actor: Option<ActorRef>,
    /// Who was acted upon.
    pub targets: Vec<ActorRef>,
    /// How many targets the source counted ("fined 12 companies"), when it said.
    pub target_count: Option<u32>,
    /// When.
    pub date: Option<DateValue>,
    /// For how much.
    pub amount: Option<Amount>,
    /// A one-paragraph summary, when the source gave one.
    pub summary: Option<String>,
    /// The source's own reference for the case (an ETid, an SEC release number), when mapped.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// A link to the primary source, when given.
    pub url: Option<String>,
    /// Every source that reports this event, in input order.
    pub sources: Vec<SourceRef>,
    /// How sure docket is, from 0 to 1.
    pub confidence: f64,
    /// Documented flags, such as `hypothetical`, `amount_cap` or `date_placeholder`.
    pub flags: Vec<String>,
    /// The period of the conduct the action is about ("between 2008 and 2012"), kept apart from
    /// `date`, the date of the action. Absent (and not exported) when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conduct_period: Option<Period>,
    /// Only in exports rolled up to parent groups: the targets as the source named them, while
    /// `targets` holds their ultimate parents. Empty (and not exported) otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub direct_targets: Vec<ActorRef>,
}

impl Event {
    /// A new event with an action and nothing else; the normalizer fills in the rest.
    pub fn new(action: ActionKind) -> Self {
        Event {
            id: String::new(),
            action,
            cameo: action.cameo().map(str::to_string),
            plover: action.plover().map(str::to_string),
            actor: None,
            targets: Vec::new(),
            target_count: None,
            date: None,
            amount: None,
            summary: None,
            reference: None,
            url: None,
            sources: Vec::new(),
            confidence: 1.0,
            flags: Vec::new(),
            conduct_period: None,
            direct_targets: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorKind, AmountRole, Decimal, MatchScore, PartialDate};

    fn event() -> Event {
        let mut event = Event::new(ActionKind::Fine);
        event.id = "ev-1".into();
        event.targets = vec![ActorRef {
            id: "x:a".into(),
            name: "A".into(),
            kind: ActorKind::Company,
            resolved: false,
            parent: None,
            match_score: None,
        }];
        event.date = Some(DateValue::resolved(
            PartialDate::day(2021, 7, 16).unwrap(),
            "2021-07-16",
        ));
        event.amount = Some(Amount::new(
            Decimal::new(30000, 0),
            "EUR",
            AmountRole::Penalty,
            "30000",
        ));
        event
    }

    #[test]
    fn new_optional_fields_are_not_exported_when_empty() {
        let json = serde_json::to_string(&event()).unwrap();
        assert_eq!(
            json,
            r#"{"id":"ev-1","action":"fine","cameo":"172","plover":"SANCTION","actor":null,"targets":[{"id":"x:a","name":"A","kind":"company","resolved":false,"parent":null}],"target_count":null,"date":{"value":"2021-07-16","precision":"day","text":"2021-07-16"},"amount":{"value":"30000","currency":"EUR","role":"penalty","text":"30000"},"summary":null,"ref":null,"url":null,"sources":[],"confidence":1.0,"flags":[]}"#
        );
        let back: Event = serde_json::from_str(&json).unwrap();
        assert_eq!(back, event());
    }

    #[test]
    fn new_fields_round_trip() {
        let mut e = event();
        e.targets[0].match_score = Some(MatchScore::from_f64(0.9684));
        e.date = e.date.map(|d| d.with_qualifier(Some("Q3".into())));
        e.amount = e.amount.map(|a| a.with_max(Some(Decimal::new(100000, 1))));
        e.conduct_period = Some(Period {
            from: PartialDate::year(2008).unwrap(),
            to: PartialDate::year(2012).unwrap(),
            text: "between 2008 and 2012".into(),
        });
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["targets"][0]["match_score"], 0.968);
        assert_eq!(json["date"]["qualifier"], "Q3");
        assert_eq!(json["amount"]["max"], "10000");
        assert_eq!(json["conduct_period"]["from"], "2008");
        let back: Event = serde_json::from_value(json).unwrap();
        assert_eq!(back, e);
    }
}
