//! Actor resolution against the catalogue.

use std::collections::HashMap;

use docket_core::{ActorKind, ActorRef, Catalogue, CatalogueActor, RawActor};

use crate::name::{base_name, display_name, fold_name};
use crate::NormalizeError;

/// The catalogue files that ship with docket, in load order.
const BUILT_IN: &[(&str, &str)] = &[
    ("jurisdictions.toml", include_str!("../catalogue/jurisdictions.toml")),
    ("china.toml", include_str!("../catalogue/china.toml")),
    ("eu-dpas.toml", include_str!("../catalogue/eu-dpas.toml")),
    ("competition-markets.toml", include_str!("../catalogue/competition-markets.toml")),
    ("companies.toml", include_str!("../catalogue/companies.toml")),
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
    catalogue.validate("built-in catalogue").map_err(NormalizeError::from)?;
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
    /// A name of the form "Name (ACRONYM)" resolved through one of its parts.
    Bracketed,
    /// The name is an acronym of exactly one actor.
    Acronym,
    /// A jurisdiction word plus a descriptor: "the Spanish DPA".
    Descriptor,
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
            MatchMethod::Bracketed => "bracketed",
            MatchMethod::Acronym => "acronym",
            MatchMethod::Descriptor => "descriptor",
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
}

/// An index over the catalogue for name, acronym and descriptor look-ups.
#[derive(Debug, Clone)]
pub struct Resolver {
    generation: u64,
    catalogue: Catalogue,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_base: HashMap<String, Vec<usize>>,
    by_acronym: HashMap<String, Vec<usize>>,
    by_descriptor: HashMap<String, Vec<usize>>,
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
            by_acronym: HashMap::new(),
            by_descriptor: HashMap::new(),
            jurisdiction_words: HashMap::new(),
            catalogue,
        };
        for (index, actor) in resolver.catalogue.actors.iter().enumerate() {
            resolver.by_id.insert(actor.id.clone(), index);
            let names = std::iter::once(&actor.name).chain(&actor.aliases).chain(&actor.native);
            for name in names {
                let folded = fold_name(name);
                push_unique(&mut resolver.by_base, base_name(&folded), index);
                push_unique(&mut resolver.by_name, folded, index);
            }
            for acronym in &actor.acronyms {
                push_unique(&mut resolver.by_acronym, fold_name(acronym), index);
            }
            for descriptor in &actor.descriptors {
                push_unique(&mut resolver.by_descriptor, fold_name(descriptor), index);
            }
        }
        for jurisdiction in &resolver.catalogue.jurisdictions {
            for name in &jurisdiction.names {
                resolver
                    .jurisdiction_words
                    .insert(fold_name(name), jurisdiction.code.clone());
            }
        }
        resolver
    }

    /// The built-in catalogue, extended by `extra` when given.
    pub fn with_built_in(extra: Option<Catalogue>) -> Result<Self, NormalizeError> {
        let mut catalogue = built_in_catalogue()?;
        if let Some(extra) = extra {
            catalogue.extend_with(extra);
            catalogue.validate("catalogue with user extension").map_err(NormalizeError::from)?;
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

    /// The jurisdiction code that a folded word names ("chinese" -> "CN"), if any.
    pub fn jurisdiction_of_word(&self, folded_word: &str) -> Option<&str> {
        self.jurisdiction_words.get(folded_word).map(String::as_str)
    }

    /// Every jurisdiction word with its code (folded words).
    pub fn jurisdiction_words(&self) -> impl Iterator<Item = (&str, &str)> {
        self.jurisdiction_words.iter().map(|(w, c)| (w.as_str(), c.as_str()))
    }

    /// Actors whose descriptor (folded) is `folded_descriptor`, restricted to a jurisdiction
    /// when one is given. Returns the actor only when exactly one matches.
    pub fn resolve_descriptor(&self, folded_descriptor: &str, jurisdiction: Option<&str>) -> Option<&CatalogueActor> {
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

    fn unique<'a>(&'a self, map: &HashMap<String, Vec<usize>>, key: &str) -> Option<&'a CatalogueActor> {
        match map.get(key).map(Vec::as_slice) {
            Some([only]) => Some(&self.catalogue.actors[*only]),
            _ => None,
        }
    }

    /// Resolves a name through the tries documented in `docs/normalization.md`: exact folded
    /// name, legal-form equivalence, "Name (ACRONYM)" parts, acronym, jurisdiction plus
    /// descriptor. A try that finds more than one actor is ambiguous and falls through.
    pub fn resolve(&self, name: &str) -> Resolution<'_> {
        let folded = fold_name(&display_name(name));
        fn found(actor: Option<&CatalogueActor>, method: MatchMethod) -> Option<(&CatalogueActor, MatchMethod)> {
            actor.map(|a| (a, method))
        }
        let attempt = self
            .by_id
            .get(name.trim())
            .map(|&i| (&self.catalogue.actors[i], MatchMethod::Id))
            .or_else(|| found(self.unique(&self.by_name, &folded), MatchMethod::Exact))
            .or_else(|| found(self.unique(&self.by_base, &base_name(&folded)), MatchMethod::LegalForm))
            .or_else(|| self.resolve_bracketed(name).map(|a| (a, MatchMethod::Bracketed)))
            .or_else(|| found(self.unique(&self.by_acronym, &folded), MatchMethod::Acronym))
            .or_else(|| self.resolve_qualified_descriptor(&folded).map(|a| (a, MatchMethod::Descriptor)));
        match attempt {
            Some((actor, method)) => Resolution {
                actor: Some(actor),
                method,
                key: folded,
            },
            None => Resolution {
                actor: None,
                method: MatchMethod::Unresolved,
                key: folded,
            },
        }
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
        // "spanish dpa", "us securities and exchange commission"
        let (first, rest) = folded.split_once(' ')?;
        let jurisdiction = self.jurisdiction_of_word(first)?;
        self.resolve_descriptor(rest, Some(jurisdiction)).or_else(|| {
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
    pub fn actor_ref_with(&self, raw: &RawActor, kind_of_unresolved: impl Fn(&str) -> ActorKind) -> ActorRef {
        let by_hint = raw.id_hint.as_deref().and_then(|id| self.get(id));
        let (actor, folded) = match by_hint {
            Some(actor) => (Some(actor), String::new()),
            None => {
                let resolution = self.resolve(&raw.name);
                (resolution.actor, resolution.key)
            }
        };
        match actor {
            Some(actor) => ActorRef {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                resolved: true,
                parent: actor.parent.clone().or_else(|| raw.parent_hint.clone()),
            },
            None => {
                let name = display_name(&raw.name);
                let slug = base_name(&folded).replace(' ', "-");
                ActorRef {
                    id: format!("x:{}", if slug.is_empty() { "unnamed".to_string() } else { slug }),
                    name,
                    kind: kind_of_unresolved(&folded),
                    resolved: false,
                    parent: raw.parent_hint.clone(),
                }
            }
        }
    }
}
