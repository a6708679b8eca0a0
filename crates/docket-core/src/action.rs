use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::CoreError;

/// What an authority did. The taxonomy is deliberately small and regulatory: every kind maps to
/// one CAMEO code and one PLOVER category (see `docs/actions.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    /// A monetary penalty imposed by an authority.
    Fine,
    /// An agreement to pay or to change conduct in order to end a case.
    Settlement,
    /// An investigation, probe, inquiry or audit.
    Investigation,
    /// A summons: the authority calls a company in for a meeting (约谈).
    Summons,
    /// A warning or threat of sanctions.
    Warning,
    /// Public criticism, shaming or a reprimand.
    Censure,
    /// An order to do or stop doing something (cease-and-desist, rectification).
    Order,
    /// Suspension of a listing, licence, service or deal.
    Suspension,
    /// Removal of an app or product from stores or the market.
    Removal,
    /// A ban or a block.
    Ban,
    /// Criminal or civil charges, or a lawsuit brought by an authority.
    Charge,
    /// A court ruling or judgment.
    Ruling,
    /// A public apology by the target.
    Apology,
    /// Any other enforcement action.
    Other,
}

/// Every action kind, in declaration order.
pub const ACTION_KINDS: [ActionKind; 14] = [
    ActionKind::Fine,
    ActionKind::Settlement,
    ActionKind::Investigation,
    ActionKind::Summons,
    ActionKind::Warning,
    ActionKind::Censure,
    ActionKind::Order,
    ActionKind::Suspension,
    ActionKind::Removal,
    ActionKind::Ban,
    ActionKind::Charge,
    ActionKind::Ruling,
    ActionKind::Apology,
    ActionKind::Other,
];

impl ActionKind {
    /// The lowercase name used in exports and job files.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Fine => "fine",
            ActionKind::Settlement => "settlement",
            ActionKind::Investigation => "investigation",
            ActionKind::Summons => "summons",
            ActionKind::Warning => "warning",
            ActionKind::Censure => "censure",
            ActionKind::Order => "order",
            ActionKind::Suspension => "suspension",
            ActionKind::Removal => "removal",
            ActionKind::Ban => "ban",
            ActionKind::Charge => "charge",
            ActionKind::Ruling => "ruling",
            ActionKind::Apology => "apology",
            ActionKind::Other => "other",
        }
    }

    /// The CAMEO event code closest to this action (table and reasons in `docs/actions.md`).
    pub fn cameo(self) -> Option<&'static str> {
        Some(match self {
            ActionKind::Fine => "172",
            ActionKind::Settlement => "172",
            ActionKind::Investigation => "090",
            ActionKind::Summons => "106",
            ActionKind::Warning => "132",
            ActionKind::Censure => "111",
            ActionKind::Order => "172",
            ActionKind::Suspension => "172",
            ActionKind::Removal => "1721",
            ActionKind::Ban => "1722",
            ActionKind::Charge => "115",
            ActionKind::Ruling => "116",
            ActionKind::Apology => "055",
            ActionKind::Other => return None,
        })
    }

    /// The PLOVER category of this action (table and reasons in `docs/actions.md`).
    pub fn plover(self) -> Option<&'static str> {
        Some(match self {
            ActionKind::Fine => "SANCTION",
            ActionKind::Settlement => "SANCTION",
            ActionKind::Investigation => "ACCUSE",
            ActionKind::Summons => "DEMAND",
            ActionKind::Warning => "THREATEN",
            ActionKind::Censure => "ACCUSE",
            ActionKind::Order => "COERCE",
            ActionKind::Suspension => "SANCTION",
            ActionKind::Removal => "COERCE",
            ActionKind::Ban => "COERCE",
            ActionKind::Charge => "ACCUSE",
            ActionKind::Ruling => "SANCTION",
            ActionKind::Apology => "CONCEDE",
            ActionKind::Other => return None,
        })
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActionKind {
    type Err = CoreError;

    /// Parses the canonical lowercase name only; free words ("fined", "probe") are the
    /// normalizer's job.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ACTION_KINDS
            .iter()
            .copied()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| CoreError::UnknownValue {
                what: "action",
                value: s.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in ACTION_KINDS {
            assert_eq!(kind.as_str().parse::<ActionKind>(), Ok(kind));
        }
        assert!("fined".parse::<ActionKind>().is_err());
    }

    #[test]
    fn every_kind_but_other_has_codes() {
        for kind in ACTION_KINDS {
            assert_eq!(kind.cameo().is_some(), kind != ActionKind::Other);
            assert_eq!(kind.plover().is_some(), kind != ActionKind::Other);
        }
    }
}
