//! The action lexicon: free action words onto the [`ActionKind`] taxonomy.

use docket_core::{ActionKind, ACTION_KINDS};

use crate::name::fold_name;

/// Whole phrases, checked before single words (folded form).
const PHRASES: &[(&str, ActionKind)] = &[
    ("cease and desist order", ActionKind::Order),
    ("cease and desist", ActionKind::Order),
    ("consent decree", ActionKind::Settlement),
    ("consent order", ActionKind::Settlement),
    ("deferred prosecution agreement", ActionKind::Settlement),
    ("administrative penalty", ActionKind::Fine),
    ("administrative fine", ActionKind::Fine),
    ("monetary penalty", ActionKind::Fine),
    ("civil penalty", ActionKind::Fine),
    ("penalty notice", ActionKind::Fine),
    ("found guilty", ActionKind::Ruling),
    ("final judgment", ActionKind::Ruling),
    ("taken down", ActionKind::Removal),
    ("pulled from", ActionKind::Removal),
    ("called in", ActionKind::Summons),
    ("compliance order", ActionKind::Order),
    ("interim measures", ActionKind::Order),
    ("asset freeze", ActionKind::Order),
    ("enforcement action", ActionKind::Other),
    // an announced sanction, not imposed: a threat of sanctions (CAMEO 132)
    ("only intention to issue fine", ActionKind::Warning),
    ("intention to issue fine", ActionKind::Warning),
    ("intention to fine", ActionKind::Warning),
    ("notice of intent", ActionKind::Warning),
    ("proposed fine", ActionKind::Warning),
];

/// Single words (folded), including inflections.
const WORDS: &[(&str, ActionKind)] = &[
    ("fine", ActionKind::Fine),
    ("fined", ActionKind::Fine),
    ("fines", ActionKind::Fine),
    ("fining", ActionKind::Fine),
    ("penalty", ActionKind::Fine),
    ("penalties", ActionKind::Fine),
    ("penalised", ActionKind::Fine),
    ("penalized", ActionKind::Fine),
    ("罚款", ActionKind::Fine),
    ("行政处罚", ActionKind::Fine),
    ("settlement", ActionKind::Settlement),
    ("settlements", ActionKind::Settlement),
    ("settle", ActionKind::Settlement),
    ("settled", ActionKind::Settlement),
    ("settles", ActionKind::Settlement),
    ("commitments", ActionKind::Settlement),
    ("investigation", ActionKind::Investigation),
    ("investigations", ActionKind::Investigation),
    ("investigate", ActionKind::Investigation),
    ("investigated", ActionKind::Investigation),
    ("investigating", ActionKind::Investigation),
    ("probe", ActionKind::Investigation),
    ("probes", ActionKind::Investigation),
    ("probed", ActionKind::Investigation),
    ("probing", ActionKind::Investigation),
    ("inquiry", ActionKind::Investigation),
    ("enquiry", ActionKind::Investigation),
    ("audit", ActionKind::Investigation),
    ("inspection", ActionKind::Investigation),
    ("scrutiny", ActionKind::Investigation),
    ("立案调查", ActionKind::Investigation),
    ("summons", ActionKind::Summons),
    ("summon", ActionKind::Summons),
    ("summoned", ActionKind::Summons),
    ("约谈", ActionKind::Summons),
    ("warning", ActionKind::Warning),
    ("warnings", ActionKind::Warning),
    ("warn", ActionKind::Warning),
    ("warned", ActionKind::Warning),
    ("admonition", ActionKind::Warning),
    ("警告", ActionKind::Warning),
    ("censure", ActionKind::Censure),
    ("censured", ActionKind::Censure),
    ("reprimand", ActionKind::Censure),
    ("reprimanded", ActionKind::Censure),
    ("shamed", ActionKind::Censure),
    ("criticised", ActionKind::Censure),
    ("criticized", ActionKind::Censure),
    ("rebuked", ActionKind::Censure),
    ("rapped", ActionKind::Censure),
    ("通报批评", ActionKind::Censure),
    ("order", ActionKind::Order),
    ("ordered", ActionKind::Order),
    ("injunction", ActionKind::Order),
    ("责令整改", ActionKind::Order),
    ("suspension", ActionKind::Suspension),
    ("suspend", ActionKind::Suspension),
    ("suspended", ActionKind::Suspension),
    ("halted", ActionKind::Suspension),
    ("暂停", ActionKind::Suspension),
    ("removal", ActionKind::Removal),
    ("removed", ActionKind::Removal),
    ("delisted", ActionKind::Removal),
    ("下架", ActionKind::Removal),
    ("ban", ActionKind::Ban),
    ("banned", ActionKind::Ban),
    ("bans", ActionKind::Ban),
    ("block", ActionKind::Ban),
    ("blocked", ActionKind::Ban),
    ("prohibited", ActionKind::Ban),
    ("prohibition", ActionKind::Ban),
    ("barred", ActionKind::Ban),
    ("charge", ActionKind::Charge),
    ("charged", ActionKind::Charge),
    ("charges", ActionKind::Charge),
    ("indicted", ActionKind::Charge),
    ("indictment", ActionKind::Charge),
    ("sued", ActionKind::Charge),
    ("lawsuit", ActionKind::Charge),
    ("complaint", ActionKind::Charge),
    ("prosecuted", ActionKind::Charge),
    ("ruling", ActionKind::Ruling),
    ("ruled", ActionKind::Ruling),
    ("judgment", ActionKind::Ruling),
    ("judgement", ActionKind::Ruling),
    ("verdict", ActionKind::Ruling),
    ("convicted", ActionKind::Ruling),
    ("conviction", ActionKind::Ruling),
    ("sentenced", ActionKind::Ruling),
    ("apology", ActionKind::Apology),
    ("apologised", ActionKind::Apology),
    ("apologized", ActionKind::Apology),
    ("apologises", ActionKind::Apology),
    ("apologizes", ActionKind::Apology),
];

/// Maps a free action word or phrase ("Fined", "cease-and-desist order", "probe") onto the
/// taxonomy. Canonical names map to themselves. Returns `None` for a word the lexicon does not
/// know: the caller decides whether that rejects the record.
pub fn action_from_word(word: &str) -> Option<ActionKind> {
    // a canonical name ("fine"), as a job's constant usually is: folding a word of lower-case
    // ASCII letters changes nothing, so it can be parsed as it is
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) {
        if let Some(kind) = ACTION_KINDS.iter().copied().find(|k| k.as_str() == word) {
            return Some(kind);
        }
    }
    let folded = fold_name(word);
    if let Ok(kind) = folded.parse::<ActionKind>() {
        return Some(kind);
    }
    if let Some((_, kind)) = PHRASES.iter().find(|(phrase, _)| folded == *phrase) {
        return Some(*kind);
    }
    if let Some((_, kind)) = PHRASES
        .iter()
        .find(|(phrase, _)| contains_words(&folded, phrase))
    {
        return Some(*kind);
    }
    folded
        .split(' ')
        .find_map(|token| WORDS.iter().find(|(w, _)| *w == token).map(|(_, k)| *k))
        .or_else(|| {
            WORDS
                .iter()
                .find(|(w, _)| !w.is_ascii() && folded.contains(w))
                .map(|(_, k)| *k)
        })
}

/// The action that a whole text names, and nothing else: a canonical name, a phrase or a word
/// of the lexicon ("Only intention to issue fine", "Reprimand", "warning"). Unlike
/// [`action_from_word`], a text that only holds such a word among others ("Fine reduced on
/// appeal") names none. The normalizer reads an amount field that holds such a text as the
/// record's statement of its action.
pub fn action_named_by(text: &str) -> Option<ActionKind> {
    let folded = fold_name(text);
    if let Ok(kind) = folded.parse::<ActionKind>() {
        return Some(kind);
    }
    PHRASES
        .iter()
        .chain(WORDS)
        .find(|(phrase, _)| folded == *phrase)
        .map(|(_, kind)| *kind)
}

fn contains_words(haystack: &str, phrase: &str) -> bool {
    haystack == phrase
        || haystack.starts_with(&format!("{phrase} "))
        || haystack.ends_with(&format!(" {phrase}"))
        || haystack.contains(&format!(" {phrase} "))
}

/// The flag of a sanction announced but not imposed, which is a threat of sanctions (a
/// `warning`): `threatened_fine`, `threatened_ban`, `threatened_suspension`. `None` for an
/// action that is no such sanction. The extractor flags an announced sanction with it, and the
/// normalizer an amount field that says the fine was only intended.
pub fn threatened_flag(action: ActionKind) -> Option<String> {
    matches!(
        action,
        ActionKind::Fine | ActionKind::Ban | ActionKind::Suspension
    )
    .then(|| format!("threatened_{}", action.as_str()))
}

/// The whole lexicon, for documentation and tests: (word or phrase, action).
pub fn lexicon() -> impl Iterator<Item = (&'static str, ActionKind)> {
    PHRASES.iter().chain(WORDS.iter()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_leaves_every_canonical_name_of_lower_case_letters_as_it_is() {
        // what the fast path of `action_from_word` relies on
        for kind in ACTION_KINDS {
            let name = kind.as_str();
            if name.bytes().all(|b| b.is_ascii_lowercase()) {
                assert_eq!(fold_name(name), name);
                assert_eq!(fold_name(name).parse::<ActionKind>().ok(), Some(kind));
            }
        }
    }

    #[test]
    fn maps_free_words() {
        let cases = [
            ("fined", ActionKind::Fine),
            ("Fine", ActionKind::Fine),
            ("penalty", ActionKind::Fine),
            ("cease-and-desist order", ActionKind::Order),
            ("consent decree", ActionKind::Settlement),
            ("probe", ActionKind::Investigation),
            ("Summoned", ActionKind::Summons),
            ("约谈", ActionKind::Summons),
            ("settlement", ActionKind::Settlement),
            ("investigation", ActionKind::Investigation),
        ];
        for (word, kind) in cases {
            assert_eq!(action_from_word(word), Some(kind), "{word}");
        }
        assert_eq!(action_from_word("lunch"), None);
    }

    #[test]
    fn only_a_whole_text_names_an_action() {
        assert_eq!(
            action_named_by("Only intention to issue fine"),
            Some(ActionKind::Warning)
        );
        assert_eq!(action_named_by(" Reprimand "), Some(ActionKind::Censure));
        assert_eq!(action_named_by("warning"), Some(ActionKind::Warning));
        assert_eq!(action_named_by("Fine reduced on appeal"), None);
        assert_eq!(action_named_by("Unknown"), None);
        assert_eq!(action_named_by(""), None);
    }

    #[test]
    fn every_lexicon_entry_maps_to_itself() {
        for (word, kind) in lexicon() {
            assert_eq!(action_from_word(word), Some(kind), "{word}");
        }
    }
}

#[cfg(test)]
mod doc_tests {
    #[test]
    fn docs_list_every_lexicon_entry() {
        let doc = include_str!("../../../docs/actions.md");
        for (word, kind) in super::lexicon() {
            assert!(
                doc.contains(&format!("`{word}`")),
                "docs/actions.md lacks `{word}` ({kind})"
            );
        }
    }
}
