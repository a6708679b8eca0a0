use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

/// What kind of party an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A regulator, supervisory authority or watchdog.
    Regulator,
    /// A court or tribunal.
    Court,
    /// A government, ministry or state body that is not a regulator.
    Government,
    /// A named official acting in office (a president, a commissioner).
    Official,
    /// A company, subsidiary, product or brand.
    Company,
    /// A private person.
    Person,
    /// A news organisation or broadcaster.
    Media,
    /// Anything else.
    Other,
}

impl ActorKind {
    /// The lowercase name used in exports and catalogue files.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Regulator => "regulator",
            ActorKind::Court => "court",
            ActorKind::Government => "government",
            ActorKind::Official => "official",
            ActorKind::Company => "company",
            ActorKind::Person => "person",
            ActorKind::Media => "media",
            ActorKind::Other => "other",
        }
    }

    /// Whether actors of this kind can act as an enforcing authority.
    pub fn is_authority(self) -> bool {
        matches!(
            self,
            ActorKind::Regulator
                | ActorKind::Court
                | ActorKind::Government
                | ActorKind::Official
                | ActorKind::Media
        )
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "regulator" => ActorKind::Regulator,
            "court" => ActorKind::Court,
            "government" => ActorKind::Government,
            "official" => ActorKind::Official,
            "company" => ActorKind::Company,
            "person" => ActorKind::Person,
            "media" => ActorKind::Media,
            "other" => ActorKind::Other,
            _ => {
                return Err(CoreError::UnknownValue {
                    what: "actor kind",
                    value: s.to_string(),
                })
            }
        })
    }
}

/// An actor as it appears in an event: resolved against the catalogue, or kept unresolved with a
/// stable slug id (prefixed `x:`). An actor is never dropped for being unknown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorRef {
    /// Catalogue id (`cn.samr`, `alibaba`) or, if unresolved, `x:` plus a slug of the name.
    pub id: String,
    /// Canonical catalogue name, or the normalized display name of an unresolved actor.
    pub name: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// Whether the name was found in the catalogue.
    pub resolved: bool,
    /// The id of the parent group, if known.
    pub parent: Option<String>,
    /// How close a fuzzy match was (0 to 1), only for names resolved by the bounded fuzzy
    /// match of the resolver; absent (and not exported) for every other resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub match_score: Option<MatchScore>,
}

/// A similarity score between 0 and 1, kept in thousandths so that it can be compared, hashed
/// and ordered exactly. It is exported as a JSON number with at most three decimals (`0.968`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatchScore(u16);

impl MatchScore {
    /// The score of a similarity in `0.0..=1.0`, rounded to thousandths; values outside the
    /// range are clamped and NaN is 0.
    pub fn from_f64(similarity: f64) -> Self {
        if similarity.is_nan() {
            return MatchScore(0);
        }
        MatchScore((similarity.clamp(0.0, 1.0) * 1000.0).round() as u16)
    }

    /// The score in thousandths (0 to 1000).
    pub fn thousandths(self) -> u16 {
        self.0
    }

    /// The score as a number from 0 to 1.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl fmt::Display for MatchScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_f64())
    }
}

impl Serialize for MatchScore {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for MatchScore {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Ok(MatchScore::from_f64(value))
    }
}
