use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{ActorKind, CoreError};

/// A jurisdiction and the words that name it in prose ("China", "Chinese", "Beijing"), used to
/// resolve descriptive mentions such as "the Chinese market regulator".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// ISO 3166-1 alpha-2 code, a subdivision code such as `DE-BY`, or `EU`.
    pub code: String,
    /// Names, demonyms and metonyms of the jurisdiction.
    #[serde(default)]
    pub names: Vec<String>,
}

/// One actor of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueActor {
    /// Stable id: `<jurisdiction>.<acronym>` for authorities (`cn.samr`), a slug for companies
    /// (`alibaba`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// What kind of actor.
    pub kind: ActorKind,
    /// The jurisdiction code, for authorities.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    /// Other names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Acronyms, matched case-sensitively in prose.
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// Names in the actor's own language(s).
    #[serde(default)]
    pub native: Vec<String>,
    /// Descriptive phrases ("market regulator", "internet watchdog", "state TV"); in prose they
    /// resolve to this actor when the jurisdiction is named or is the document's.
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// Lower-case sectors of a company ("ride-hailing", "e-commerce", "food delivery"): in
    /// prose, "the ride-hailing giant" refers back to the latest company of that sector.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// The id of the parent group.
    #[serde(default)]
    pub parent: Option<String>,
}

impl CatalogueActor {
    /// Every name of the actor that is matched as a name: canonical, aliases, native names and
    /// acronyms (descriptors excluded).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.native.iter().map(String::as_str))
            .chain(self.acronyms.iter().map(String::as_str))
    }
}

/// The actor catalogue: the built-in one, optionally extended and overridden by a user's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Jurisdictions and their names.
    #[serde(default, rename = "jurisdiction")]
    pub jurisdictions: Vec<Jurisdiction>,
    /// Actors.
    #[serde(default, rename = "actor")]
    pub actors: Vec<CatalogueActor>,
}

impl Catalogue {
    /// Adds `other` on top of `self`: an actor or jurisdiction with an existing id replaces it,
    /// a new one is appended.
    pub fn extend_with(&mut self, other: Catalogue) {
        for actor in other.actors {
            match self.actors.iter_mut().find(|a| a.id == actor.id) {
                Some(slot) => *slot = actor,
                None => self.actors.push(actor),
            }
        }
        for jurisdiction in other.jurisdictions {
            match self
                .jurisdictions
                .iter_mut()
                .find(|j| j.code == jurisdiction.code)
            {
                Some(slot) => *slot = jurisdiction,
                None => self.jurisdictions.push(jurisdiction),
            }
        }
    }

    /// Looks an actor up by id.
    pub fn get(&self, id: &str) -> Option<&CatalogueActor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// Checks that ids are unique, parents exist and there is no parent cycle.
    pub fn validate(&self, origin: &str) -> Result<(), CoreError> {
        let err = |reason: String| CoreError::Catalogue {
            origin: origin.to_string(),
            reason,
        };
        let mut parents: BTreeMap<&str, Option<&str>> = BTreeMap::new();
        for actor in &self.actors {
            if actor.id.is_empty() || actor.id.starts_with("x:") {
                return Err(err(format!(
                    "actor id {:?} is empty or uses the reserved prefix x:",
                    actor.id
                )));
            }
            if parents.insert(&actor.id, actor.parent.as_deref()).is_some() {
                return Err(err(format!("duplicate actor id {:?}", actor.id)));
            }
        }
        for (id, parent) in &parents {
            let mut seen = BTreeSet::from([*id]);
            let mut current = *parent;
            while let Some(p) = current {
                if !parents.contains_key(p) {
                    return Err(err(format!("actor {id:?} names unknown parent {p:?}")));
                }
                if !seen.insert(p) {
                    return Err(err(format!("parent cycle through {id:?}")));
                }
                current = parents.get(p).copied().flatten();
            }
        }
        Ok(())
    }

    /// The ultimate parent of an actor (itself if it has none).
    pub fn ultimate_parent<'a>(&'a self, id: &'a str) -> &'a str {
        let mut current = id;
        for _ in 0..32 {
            match self.get(current).and_then(|a| a.parent.as_deref()) {
                Some(parent) => current = parent,
                None => break,
            }
        }
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, parent: Option<&str>) -> CatalogueActor {
        CatalogueActor {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Company,
            jurisdiction: None,
            aliases: vec![],
            acronyms: vec![],
            native: vec![],
            descriptors: vec![],
            sectors: vec![],
            parent: parent.map(Into::into),
        }
    }

    #[test]
    fn validate_catches_unknown_parents_and_cycles() {
        let ok = Catalogue {
            jurisdictions: vec![],
            actors: vec![actor("alibaba", None), actor("uc-browser", Some("alibaba"))],
        };
        assert!(ok.validate("t").is_ok());
        assert_eq!(ok.ultimate_parent("uc-browser"), "alibaba");
        let dangling = Catalogue {
            jurisdictions: vec![],
            actors: vec![actor("a", Some("nope"))],
        };
        assert!(dangling.validate("t").is_err());
        let cycle = Catalogue {
            jurisdictions: vec![],
            actors: vec![actor("a", Some("b")), actor("b", Some("a"))],
        };
        assert!(cycle.validate("t").is_err());
    }

    #[test]
    fn extension_replaces_by_id() {
        let mut base = Catalogue {
            jurisdictions: vec![],
            actors: vec![actor("a", None)],
        };
        let mut replacement = actor("a", None);
        replacement.name = "A Corp".into();
        base.extend_with(Catalogue {
            jurisdictions: vec![],
            actors: vec![replacement, actor("b", None)],
        });
        assert_eq!(base.actors.len(), 2);
        assert_eq!(base.actors[0].name, "A Corp");
    }
}
