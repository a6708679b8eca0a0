//! Rolling events up to parent groups: "fines against Alibaba Group" counts the fines against
//! UC Browser and Alibaba (China) too, while the export keeps the target each source named.

use docket_core::{ActorKind, ActorRef, Event};

use crate::resolve::Resolver;

/// Parent chains longer than this are cut (the catalogue refuses cycles, so this is a guard).
const MAX_DEPTH: usize = 32;

/// The ultimate parent of one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupOf {
    /// The target's id as exported (`uc-browser`, `x:some-name`).
    pub target: String,
    /// The id of its ultimate parent: the last actor up the chain of `parent` links, which is
    /// the target itself when it has no parent.
    pub group: String,
}

/// The ultimate parent of an actor id: catalogue `parent` links are followed to the top. An id
/// that is not in the catalogue is its own group.
pub fn ultimate_parent_id<'a>(resolver: &'a Resolver, id: &'a str) -> &'a str {
    let mut current = id;
    for _ in 0..MAX_DEPTH {
        match resolver.get(current).and_then(|a| a.parent.as_deref()) {
            Some(parent) if parent != current => current = parent,
            _ => break,
        }
    }
    current
}

/// The ultimate parent of one target: through its own `parent` (from the catalogue, or stated
/// by the text for an unresolved name), then up the catalogue.
pub fn group_of(resolver: &Resolver, target: &ActorRef) -> String {
    let start = match (&target.parent, resolver.get(&target.id)) {
        // a catalogue actor's chain is the catalogue's
        (_, Some(_)) => target.id.as_str(),
        (Some(parent), None) => parent.as_str(),
        (None, None) => target.id.as_str(),
    };
    ultimate_parent_id(resolver, start).to_string()
}

/// The ultimate parent id of every target of `event`, in target order.
pub fn ultimate_parents(resolver: &Resolver, event: &Event) -> Vec<GroupOf> {
    event
        .targets
        .iter()
        .map(|t| GroupOf {
            target: t.id.clone(),
            group: group_of(resolver, t),
        })
        .collect()
}

/// Rolls an event up to parent groups, for exports that ask for it: `targets` becomes the
/// ultimate parents (each once, in order of first appearance), and `direct_targets` keeps the
/// targets as the sources named them. An event whose targets are all their own groups is left
/// as it is (no `direct_targets`). Event ids do not change.
pub fn roll_up(resolver: &Resolver, event: &mut Event) {
    let groups = ultimate_parents(resolver, event);
    if groups.iter().all(|g| g.group == g.target) {
        return;
    }
    let mut rolled: Vec<ActorRef> = Vec::with_capacity(groups.len());
    for (target, group) in event.targets.iter().zip(&groups) {
        if rolled.iter().any(|r| r.id == group.group) {
            continue;
        }
        let actor = if group.group == target.id {
            target.clone()
        } else {
            match resolver.get(&group.group) {
                Some(parent) => ActorRef {
                    id: parent.id.clone(),
                    name: parent.name.clone(),
                    kind: parent.kind,
                    resolved: true,
                    parent: None,
                    match_score: None,
                },
                // a parent stated by the text and not in the catalogue: only its id is known
                None => ActorRef {
                    id: group.group.clone(),
                    name: group.group.clone(),
                    kind: ActorKind::Company,
                    resolved: false,
                    parent: None,
                    match_score: None,
                },
            }
        };
        rolled.push(actor);
    }
    event.direct_targets = std::mem::replace(&mut event.targets, rolled);
}

#[cfg(test)]
mod tests {
    use docket_core::{ActionKind, Catalogue, CatalogueActor};

    use super::*;

    fn company(id: &str, parent: Option<&str>) -> CatalogueActor {
        CatalogueActor {
            id: id.into(),
            name: id.to_uppercase(),
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
    fn targets_roll_up_to_the_top_of_the_chain() {
        let resolver = Resolver::new(Catalogue {
            jurisdictions: vec![],
            actors: vec![
                company("alibaba", None),
                company("alibaba-china", Some("alibaba")),
                company("uc-browser", Some("alibaba-china")),
                company("tencent", None),
            ],
        });
        let target = |name: &str| {
            resolver.actor_ref(&docket_core::RawActor::named(name), ActorKind::Company)
        };
        let mut event = Event::new(ActionKind::Fine);
        event.targets = vec![
            target("uc-browser"),
            target("alibaba-china"),
            target("tencent"),
            target("Some Shop"),
        ];
        let groups = ultimate_parents(&resolver, &event);
        let pairs: Vec<(&str, &str)> = groups
            .iter()
            .map(|g| (g.target.as_str(), g.group.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("uc-browser", "alibaba"),
                ("alibaba-china", "alibaba"),
                ("tencent", "tencent"),
                ("x:some-shop", "x:some-shop")
            ]
        );
        roll_up(&resolver, &mut event);
        let ids: Vec<&str> = event.targets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["alibaba", "tencent", "x:some-shop"]);
        assert_eq!(event.direct_targets.len(), 4);

        // a parent stated by the text
        let mut stated = Event::new(ActionKind::Fine);
        let mut raw = docket_core::RawActor::named("Some App");
        raw.parent_hint = Some("uc-browser".into());
        stated.targets = vec![resolver.actor_ref(&raw, ActorKind::Company)];
        assert_eq!(ultimate_parents(&resolver, &stated)[0].group, "alibaba");

        // nothing to roll up: the event is unchanged
        let mut plain = Event::new(ActionKind::Fine);
        plain.targets = vec![target("tencent")];
        roll_up(&resolver, &mut plain);
        assert!(plain.direct_targets.is_empty());
    }
}
