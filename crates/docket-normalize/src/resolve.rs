//! Actor resolution against the catalogue.

use foldhash::{HashMap, HashMapExt};

use docket_core::{ActorKind, ActorRef, Catalogue, CatalogueActor, MatchScore, RawActor};

use crate::fuzzy::{FuzzyIndex, FuzzyOutcome};
use crate::name::{
    base_name, display_name, first_word_is_capitals, fold_name, match_key_of, match_key_of_base,
    without_web_domain,
};
use crate::NormalizeError;

/// The catalogue files that ship with docket, in load order.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "jurisdictions.toml",
        include_str!("../catalogue/jurisdictions.toml"),
    ),
    ("china.toml", include_str!("../catalogue/china.toml")),
    ("eu-dpas.toml", include_str!("../catalogue/eu-dpas.toml")),
    (
        "competition-markets.toml",
        include_str!("../catalogue/competition-markets.toml"),
    ),
    (
        "companies.toml",
        include_str!("../catalogue/companies.toml"),
    ),
];

/// Parses one catalogue file's text; `origin` names it in errors.
pub fn parse_catalogue(text: &str, origin: &str) -> Result<Catalogue, NormalizeError> {
    toml::from_str(text).map_err(|e| NormalizeError::Catalogue {
        origin: origin.to_string(),
        reason: e.to_string(),
    })
}

/// The built-in catalogue, validated.
pub fn built_in_catalogue() -> Result<Catalogue, NormalizeError> {
    let mut catalogue = Catalogue::default();
    for (name, text) in BUILT_IN {
        catalogue.extend_with(parse_catalogue(text, &format!("built-in {name}"))?);
    }
    catalogue
        .validate("built-in catalogue")
        .map_err(NormalizeError::from)?;
    Ok(catalogue)
}

/// How a name was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMethod {
    /// The name is a catalogue id, or an extractor supplied the id.
    Id,
    /// The folded name equals a folded catalogue name or alias.
    Exact,
    /// Equal after removing legal-form suffixes ("S.A.", "Ltd").
    LegalForm,
    /// Equal after also removing a group word ("Group", "集团") and a leading article ("La",
    /// "El", "Der"): "Alibaba Group Holding Limited", "阿里巴巴集团控股有限公司".
    CoreName,
    /// A name of the form "Name (ACRONYM)" resolved through one of its parts.
    Bracketed,
    /// The name is an acronym of exactly one actor.
    Acronym,
    /// A jurisdiction word plus a descriptor: "the Spanish DPA".
    Descriptor,
    /// A bounded fuzzy match of the core name ("Czech Data Protection Auhtority"); the
    /// resolution carries its score.
    Fuzzy,
    /// Not in the catalogue.
    Unresolved,
}

impl MatchMethod {
    /// A short lowercase label for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMethod::Id => "id",
            MatchMethod::Exact => "exact",
            MatchMethod::LegalForm => "legal-form",
            MatchMethod::CoreName => "core-name",
            MatchMethod::Bracketed => "bracketed",
            MatchMethod::Acronym => "acronym",
            MatchMethod::Descriptor => "descriptor",
            MatchMethod::Fuzzy => "fuzzy",
            MatchMethod::Unresolved => "unresolved",
        }
    }
}

/// The outcome of resolving one name.
#[derive(Debug, Clone)]
pub struct Resolution<'a> {
    /// The catalogue actor, when found.
    pub actor: Option<&'a CatalogueActor>,
    /// How it was found.
    pub method: MatchMethod,
    /// The folded key that matched (or the folded name, when unresolved).
    pub key: String,
    /// The similarity of a fuzzy match (only for [`MatchMethod::Fuzzy`]).
    pub score: Option<MatchScore>,
    /// For an unresolved name: the nearest actor that the fuzzy match refused, with its
    /// similarity and the guard that refused it (for `docket catalogue lookup`).
    pub near_miss: Option<(&'a CatalogueActor, MatchScore, &'static str)>,
}

/// A name the catalogue does not know, as [`Resolver::actor_ref_with`] shows it to the
/// function that chooses its kind.
#[derive(Debug, Clone, Copy)]
pub struct UnresolvedName<'a> {
    /// The folded name ([`fold_name`]).
    pub folded: &'a str,
    /// Its base name ([`base_name`]): equal to `folded` when the name carries no legal form.
    pub base: &'a str,
}

/// An index over the catalogue for name, acronym and descriptor look-ups.
#[derive(Debug, Clone)]
pub struct Resolver {
    generation: u64,
    catalogue: Catalogue,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_base: HashMap<String, Vec<usize>>,
    by_core: HashMap<String, Vec<usize>>,
    fuzzy: FuzzyIndex,
    by_acronym: HashMap<String, Vec<usize>>,
    by_descriptor: HashMap<String, Vec<usize>>,
    by_sector: HashMap<String, Vec<usize>>,
    jurisdiction_words: HashMap<String, String>,
}

fn push_unique(map: &mut HashMap<String, Vec<usize>>, key: String, index: usize) {
    if key.is_empty() {
        return;
    }
    let slot = map.entry(key).or_default();
    if !slot.contains(&index) {
        slot.push(index);
    }
}

impl Resolver {
    /// Builds the index.
    pub fn new(catalogue: Catalogue) -> Self {
        static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut resolver = Resolver {
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            by_base: HashMap::new(),
            by_core: HashMap::new(),
            fuzzy: FuzzyIndex::default(),
            by_acronym: HashMap::new(),
            by_descriptor: HashMap::new(),
            by_sector: HashMap::new(),
            jurisdiction_words: HashMap::new(),
            catalogue,
        };
        for (index, actor) in resolver.catalogue.actors.iter().enumerate() {
            resolver.by_id.insert(actor.id.clone(), index);
            let names = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .chain(&actor.native);
            for name in names {
                let folded = fold_name(name);
                let core = match_key_of(&folded, first_word_is_capitals(name));
                push_unique(&mut resolver.by_core, core, index);
                push_unique(&mut resolver.by_base, base_name(&folded), index);
                push_unique(&mut resolver.by_name, folded, index);
            }
            for acronym in &actor.acronyms {
                push_unique(&mut resolver.by_acronym, fold_name(acronym), index);
            }
            for descriptor in &actor.descriptors {
                push_unique(&mut resolver.by_descriptor, fold_name(descriptor), index);
            }
            for sector in &actor.sectors {
                push_unique(&mut resolver.by_sector, sector.to_lowercase(), index);
            }
        }
        for jurisdiction in &resolver.catalogue.jurisdictions {
            for name in &jurisdiction.names {
                resolver
                    .jurisdiction_words
                    .insert(fold_name(name), jurisdiction.code.clone());
            }
        }
        let mut fuzzy = FuzzyIndex::new(resolver.jurisdiction_words.keys().map(String::as_str));
        let mut keys: Vec<(&String, &Vec<usize>)> = resolver.by_core.iter().collect();
        keys.sort();
        for (key, actors) in keys {
            for &actor in actors {
                fuzzy.insert(key, actor);
            }
        }
        resolver.fuzzy = fuzzy;
        resolver
    }

    /// The built-in catalogue, extended by `extra` when given.
    pub fn with_built_in(extra: Option<Catalogue>) -> Result<Self, NormalizeError> {
        let mut catalogue = built_in_catalogue()?;
        if let Some(extra) = extra {
            catalogue.extend_with(extra);
            catalogue
                .validate("catalogue with user extension")
                .map_err(NormalizeError::from)?;
        }
        Ok(Resolver::new(catalogue))
    }

    /// A number unique to this index in this process, for caches keyed by resolver.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The catalogue behind the index.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// An actor by id.
    pub fn get(&self, id: &str) -> Option<&CatalogueActor> {
        self.by_id.get(id).map(|&i| &self.catalogue.actors[i])
    }

    /// Whether a lower-case phrase is the sector of some catalogue actor.
    pub fn is_sector(&self, phrase: &str) -> bool {
        self.by_sector.contains_key(phrase)
    }

    /// Whether the catalogue actor `id` lists the lower-case sector `sector`.
    pub fn has_sector(&self, id: &str, sector: &str) -> bool {
        match (self.by_id.get(id), self.by_sector.get(sector)) {
            (Some(index), Some(actors)) => actors.contains(index),
            _ => false,
        }
    }

    /// The jurisdiction code that a folded word names ("chinese" -> "CN"), if any.
    pub fn jurisdiction_of_word(&self, folded_word: &str) -> Option<&str> {
        self.jurisdiction_words.get(folded_word).map(String::as_str)
    }

    /// Every jurisdiction word with its code (folded words).
    pub fn jurisdiction_words(&self) -> impl Iterator<Item = (&str, &str)> {
        self.jurisdiction_words
            .iter()
            .map(|(w, c)| (w.as_str(), c.as_str()))
    }

    /// Actors whose descriptor (folded) is `folded_descriptor`, restricted to a jurisdiction
    /// when one is given. Returns the actor only when exactly one matches.
    pub fn resolve_descriptor(
        &self,
        folded_descriptor: &str,
        jurisdiction: Option<&str>,
    ) -> Option<&CatalogueActor> {
        let candidates = self.by_descriptor.get(folded_descriptor)?;
        let mut found = candidates
            .iter()
            .map(|&i| &self.catalogue.actors[i])
            .filter(|a| jurisdiction.is_none_or(|j| a.jurisdiction.as_deref() == Some(j)));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Every descriptor phrase (folded).
    pub fn descriptors(&self) -> impl Iterator<Item = &str> {
        self.by_descriptor.keys().map(String::as_str)
    }

    fn unique<'a>(
        &'a self,
        map: &HashMap<String, Vec<usize>>,
        key: &str,
    ) -> Option<&'a CatalogueActor> {
        match map.get(key).map(Vec::as_slice) {
            Some([only]) => Some(&self.catalogue.actors[*only]),
            _ => None,
        }
    }

    /// Resolves a name through the tries documented in `docs/normalization.md`: catalogue id,
    /// exact folded name, legal-form equivalence, core name (group word and article dropped),
    /// "Name (ACRONYM)" parts, acronym, jurisdiction plus descriptor, and last a bounded fuzzy
    /// match. A try that finds more than one actor is ambiguous and falls through.
    pub fn resolve(&self, name: &str) -> Resolution<'_> {
        self.resolve_with_base(name).0
    }

    /// [`Resolver::resolve`], with the base name of the folded name (which an unresolved
    /// name's id and kind are made from) and the display name (an unresolved name's name).
    fn resolve_with_base(&self, name: &str) -> (Resolution<'_>, String, String) {
        let display = display_name(name);
        let folded = fold_name(&display);
        // ("Shadowcrew.com" is Shadowcrew: the web domain is no part of the base name)
        let base = match without_web_domain(&display) {
            Some(stem) => base_name(&fold_name(stem)),
            None => base_name(&folded),
        };
        let capitals = first_word_is_capitals(name);
        // the core name serves the core-name try and the fuzzy match; most names are found
        // before either
        let core = std::cell::OnceCell::new();
        let core_key = || {
            core.get_or_init(|| match_key_of_base(&base, capitals).to_string())
                .clone()
        };
        fn found(
            actor: Option<&CatalogueActor>,
            method: MatchMethod,
        ) -> Option<(&CatalogueActor, MatchMethod)> {
            actor.map(|a| (a, method))
        }
        let attempt = self
            .by_id
            .get(name.trim())
            .map(|&i| (&self.catalogue.actors[i], MatchMethod::Id))
            .or_else(|| found(self.unique(&self.by_name, &folded), MatchMethod::Exact))
            .or_else(|| found(self.unique(&self.by_base, &base), MatchMethod::LegalForm))
            .or_else(|| {
                found(
                    self.unique(&self.by_core, &core_key()),
                    MatchMethod::CoreName,
                )
            })
            .or_else(|| {
                self.resolve_bracketed(name)
                    .map(|a| (a, MatchMethod::Bracketed))
            })
            .or_else(|| found(self.unique(&self.by_acronym, &folded), MatchMethod::Acronym))
            .or_else(|| {
                self.resolve_qualified_descriptor(&folded)
                    .map(|a| (a, MatchMethod::Descriptor))
            });
        if let Some((actor, method)) = attempt {
            let resolution = Resolution {
                actor: Some(actor),
                method,
                key: folded,
                score: None,
                near_miss: None,
            };
            return (resolution, base, display);
        }
        // the fuzzy match, on the outer name of "Name (ACRONYM)"
        let key = match name.rfind('(') {
            Some(open) if open > 0 => {
                match_key_of(&fold_name(&display_name(&name[..open])), capitals)
            }
            _ => core_key(),
        };
        let resolution = match self.fuzzy.lookup(&key) {
            FuzzyOutcome::Match { actor, score } => Resolution {
                actor: Some(&self.catalogue.actors[actor]),
                method: MatchMethod::Fuzzy,
                key,
                score: Some(MatchScore::from_f64(score)),
                near_miss: None,
            },
            FuzzyOutcome::Refused {
                actor,
                score,
                reason,
            } => Resolution {
                actor: None,
                method: MatchMethod::Unresolved,
                key: folded,
                score: None,
                near_miss: Some((
                    &self.catalogue.actors[actor],
                    MatchScore::from_f64(score),
                    reason,
                )),
            },
            FuzzyOutcome::None => Resolution {
                actor: None,
                method: MatchMethod::Unresolved,
                key: folded,
                score: None,
                near_miss: None,
            },
        };
        (resolution, base, display)
    }

    fn resolve_bracketed(&self, name: &str) -> Option<&CatalogueActor> {
        let open = name.rfind('(')?;
        let close = name[open..].find(')')? + open;
        let outer = fold_name(&name[..open]);
        let inner = fold_name(&name[open + 1..close]);
        self.unique(&self.by_name, &outer)
            .or_else(|| self.unique(&self.by_base, &base_name(&outer)))
            .or_else(|| self.unique(&self.by_acronym, &inner))
            .or_else(|| self.unique(&self.by_name, &inner))
    }

    fn resolve_qualified_descriptor(&self, folded: &str) -> Option<&CatalogueActor> {
        // "dpa of saxony anhalt", "the dpa from luxembourg": the place after the descriptor
        for joint in [" of ", " from ", " in "] {
            if let Some((head, place)) = split_once_at_space(folded, joint) {
                if let Some(jurisdiction) = self.jurisdiction_of_word(place) {
                    if let Some(actor) = self.resolve_descriptor(head, Some(jurisdiction)) {
                        return Some(actor);
                    }
                }
            }
        }
        // "spanish dpa", "us securities and exchange commission"
        let (first, rest) = folded.split_once(' ')?;
        let jurisdiction = self.jurisdiction_of_word(first)?;
        self.resolve_descriptor(rest, Some(jurisdiction))
            .or_else(|| {
                self.unique(&self.by_name, rest)
                    .filter(|a| a.jurisdiction.as_deref() == Some(jurisdiction))
            })
    }

    /// Turns a raw mention into an exported actor. Unresolved names keep a normalized display
    /// name and get the stable id `x:<slug>`; `default_kind` is their kind.
    pub fn actor_ref(&self, raw: &RawActor, default_kind: ActorKind) -> ActorRef {
        self.actor_ref_with(raw, |_| default_kind)
    }

    /// Like [`Resolver::actor_ref`], choosing the kind of an unresolved name from its folded
    /// form (for example `company` when it carries a legal-form suffix).
    pub fn actor_ref_with(
        &self,
        raw: &RawActor,
        kind_of_unresolved: impl Fn(&UnresolvedName) -> ActorKind,
    ) -> ActorRef {
        let by_hint = raw.id_hint.as_deref().and_then(|id| self.get(id));
        let (actor, folded, base, display, score) = match by_hint {
            Some(actor) => (Some(actor), String::new(), String::new(), None, None),
            None => {
                let (resolution, base, display) = self.resolve_with_base(&raw.name);
                (
                    resolution.actor,
                    resolution.key,
                    base,
                    Some(display),
                    resolution.score,
                )
            }
        };
        match actor {
            Some(actor) => ActorRef {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                resolved: true,
                parent: actor.parent.clone().or_else(|| raw.parent_hint.clone()),
                match_score: score,
            },
            None => {
                let name = display.unwrap_or_else(|| display_name(&raw.name));
                // "x:" and the base name with hyphens for spaces
                let mut id = String::with_capacity(2 + base.len().max(7));
                id.push_str("x:");
                if base.is_empty() {
                    id.push_str("unnamed");
                } else {
                    id.extend(base.chars().map(|c| if c == ' ' { '-' } else { c }));
                }
                ActorRef {
                    id,
                    name,
                    kind: kind_of_unresolved(&UnresolvedName {
                        folded: &folded,
                        base: &base,
                    }),
                    resolved: false,
                    parent: raw.parent_hint.clone(),
                    match_score: None,
                }
            }
        }
    }
}

/// `text.split_once(joint)` for a `joint` that starts with a space: the joint is compared at
/// each space, where `str::split_once` would first build a two-way searcher for the pattern
/// (which costs more than the whole search, on a name).
fn split_once_at_space<'t>(text: &'t str, joint: &str) -> Option<(&'t str, &'t str)> {
    debug_assert!(joint.starts_with(' '));
    let bytes = text.as_bytes();
    let at = (0..bytes.len())
        .find(|&at| bytes[at] == b' ' && bytes[at..].starts_with(joint.as_bytes()))?;
    Some((&text[..at], &text[at + joint.len()..]))
}

#[cfg(test)]
mod tests {
    use super::split_once_at_space;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn split_once_at_space_is_str_split_once(
            words in prop::collection::vec(
                prop::sample::select(vec!["of", "from", "in", "dpa", "oft", "中", "é", ""]),
                0..8,
            ),
            joint in prop::sample::select(vec![" of ", " from ", " in ", " ", "  "]),
        ) {
            let text = words.join(" ");
            prop_assert_eq!(split_once_at_space(&text, joint), text.split_once(joint));
        }
    }
}
