use serde::Deserialize;

use docket_core::{RawActor, RawEvent, TextBody};

/// The `fields` table of a structured source: event field -> where to find it in a record (a
/// column name for CSV, a JSON pointer for JSON). Unknown event fields are an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMap {
    /// The action word.
    pub action: Option<String>,
    /// The authority.
    pub actor: Option<String>,
    /// The target(s).
    pub target: Option<String>,
    /// The date of the action.
    pub date: Option<String>,
    /// The amount.
    pub amount: Option<String>,
    /// The currency (a code or a symbol).
    pub currency: Option<String>,
    /// A summary.
    pub summary: Option<String>,
    /// A link to the primary source.
    pub url: Option<String>,
    /// The source's own reference id for the case.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Free text for the extractor.
    pub text: Option<String>,
    /// Publication date of the text.
    pub published: Option<String>,
}

/// One field value read from a record: a single text or, for JSON arrays, several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappedValue {
    /// One value.
    One(String),
    /// Several values (a JSON array).
    Many(Vec<String>),
}

impl MappedValue {
    fn first(self) -> String {
        match self {
            MappedValue::One(s) => s,
            MappedValue::Many(v) => v.join("; "),
        }
    }
}

impl FieldMap {
    /// Every (event field, location) pair that is mapped.
    pub fn entries(&self) -> Vec<(&'static str, &str)> {
        let all = [
            ("action", &self.action),
            ("actor", &self.actor),
            ("target", &self.target),
            ("date", &self.date),
            ("amount", &self.amount),
            ("currency", &self.currency),
            ("summary", &self.summary),
            ("url", &self.url),
            ("ref", &self.reference),
            ("text", &self.text),
            ("published", &self.published),
        ];
        all.into_iter()
            .filter_map(|(name, location)| location.as_deref().map(|l| (name, l)))
            .collect()
    }

    /// Builds a raw event (and text body) by asking `lookup` for each mapped location. The text
    /// body's `offset` is 0 and it has no anchors: an adapter that knows where the text field
    /// sits in the file sets them, so that spans are file offsets.
    pub fn build(
        &self,
        mut lookup: impl FnMut(&str) -> Option<MappedValue>,
    ) -> (RawEvent, Option<TextBody>) {
        let mut get = |location: &Option<String>| location.as_deref().and_then(&mut lookup);
        let mut event = RawEvent {
            action: get(&self.action).map(MappedValue::first),
            actor: get(&self.actor).map(|v| RawActor::named(v.first())),
            date: get(&self.date).map(MappedValue::first),
            amount: get(&self.amount).map(MappedValue::first),
            currency: get(&self.currency).map(MappedValue::first),
            summary: get(&self.summary).map(MappedValue::first),
            url: get(&self.url).map(MappedValue::first),
            reference: get(&self.reference).map(MappedValue::first),
            ..RawEvent::default()
        };
        event.targets = match get(&self.target) {
            Some(MappedValue::One(name)) => vec![RawActor::named(name)],
            Some(MappedValue::Many(names)) => names.into_iter().map(RawActor::named).collect(),
            None => Vec::new(),
        };
        let text = get(&self.text)
            .map(MappedValue::first)
            .map(|text| TextBody {
                text,
                offset: 0,
                published: get(&self.published).map(MappedValue::first),
                lang: None,
                title: None,
                anchors: Vec::new(),
            });
        (event, text)
    }
}
