//! The automaton built once from the catalogue and the trigger lexicon.
//!
//! One Aho-Corasick automaton (leftmost-longest) holds every pattern: names, aliases, native
//! names, acronyms, descriptors, jurisdiction words and trigger words. Matching is
//! ASCII-case-insensitive: the patterns are stored in ASCII lower case and the text is read in
//! ASCII lower case, byte by byte, as the automaton walks it (every byte offset is kept).
//!
//! Design decision: a hit must start where a word can start, so the automaton is not run over
//! every byte with its failure transitions; it is run *anchored* at each place where a word can
//! start, and only where some pattern starts with the byte found there. Most walks end after a
//! byte or two. This reads each byte of running text about once, where the unanchored search
//! stepped through failure transitions at every byte, and spends nothing on matches inside
//! words that the boundary check would drop.
//!
//! The case rules are checked on each match: a pattern written with an initial capital ("Ant",
//! "Chinese") only matches text that starts with a capital, so that "ant" or "chinese" in lower
//! case do not count as names; an acronym or all-capital name ("SEC", "US", "CCTV") only matches
//! text written exactly so.
//!
//! Every match must sit on word boundaries. Patterns that several entries share are stored once
//! with all their meanings.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use docket_core::ActionKind;
use docket_normalize::name::fold_name;
use docket_normalize::Resolver;

use crate::lexicon::{self, Form};
use crate::ExtractError;

/// What a matched pattern means.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A name of the catalogue actor at this index.
    Name(usize),
    /// A descriptor phrase (folded key for `Resolver::resolve_descriptor`).
    Descriptor(String),
    /// A word naming a jurisdiction.
    Jurisdiction(String),
    /// An action trigger.
    Trigger(ActionKind, Form),
}

/// One meaning of a pattern.
#[derive(Debug, Clone)]
pub struct Entry {
    meaning: Meaning,
    /// The pattern was written with an initial capital: the text must have one too.
    capital: bool,
    /// The pattern is an acronym or all-capital name: the text must be written exactly so
    /// ("SEC", "US", not "us").
    exact: Option<Box<str>>,
}

/// One match in the text, after boundary and capital checks. Its meanings are borrowed from
/// the index: finding them allocates nothing.
#[derive(Debug, Clone)]
pub struct Hit<'i> {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    entries: &'i [Entry],
    /// Bit i: entry i applies at this place.
    applies: u64,
}

impl<'i> Hit<'i> {
    /// The meanings that apply at this place (a pattern written with a capital applies only
    /// to text with one).
    pub fn meanings(&self) -> impl Iterator<Item = &'i Meaning> + '_ {
        let applies = self.applies;
        self.entries
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i >= 64 || applies & (1u64 << i) != 0)
            .map(|(_, e)| &e.meaning)
    }

    /// The trigger meaning, if any.
    pub fn trigger(&self) -> Option<(ActionKind, Form)> {
        self.meanings().find_map(|m| match m {
            Meaning::Trigger(a, f) => Some((*a, *f)),
            _ => None,
        })
    }

    /// The jurisdiction code, if the hit names one.
    pub fn jurisdiction(&self) -> Option<&'i str> {
        self.meanings().find_map(|m| match m {
            Meaning::Jurisdiction(code) => Some(code.as_str()),
            _ => None,
        })
    }

    /// Catalogue actor indices named by the hit.
    pub fn names(&self) -> impl Iterator<Item = usize> + '_ {
        self.meanings().filter_map(|m| match m {
            Meaning::Name(i) => Some(*i),
            _ => None,
        })
    }

    /// The descriptor key, if any.
    pub fn descriptor(&self) -> Option<&'i str> {
        self.meanings().find_map(|m| match m {
            Meaning::Descriptor(d) => Some(d.as_str()),
            _ => None,
        })
    }
}

/// The compiled automaton: every pattern in one, matched ASCII-case-insensitively, the case
/// rules checked on each match.
#[derive(Debug)]
pub struct Index {
    /// Every pattern in ASCII lower case, searched anchored at each place a word can start.
    automaton: NFA,
    /// The automaton's anchored start state.
    start: aho_corasick::automaton::StateID,
    /// Entry `b`: some pattern starts with the byte `b`, in either ASCII case.
    first_bytes: [bool; 256],
    entries: Vec<Vec<Entry>>,
}

#[derive(Default)]
struct Patterns {
    list: Vec<String>,
    entries: Vec<Vec<Entry>>,
    by_key: HashMap<String, usize>,
}

impl Patterns {
    fn add(&mut self, pattern: &str, key: String, entry: Entry) {
        if pattern.trim().is_empty() {
            return;
        }
        let slot = *self.by_key.entry(key).or_insert_with(|| {
            self.list.push(pattern.to_string());
            self.entries.push(Vec::new());
            self.list.len() - 1
        });
        if !self.entries[slot]
            .iter()
            .any(|e| e.meaning == entry.meaning)
        {
            self.entries[slot].push(entry);
        }
    }
}

fn is_all_caps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' || c == '-')
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The name without trailing legal-form words ("Tencent Holdings Ltd" -> "Tencent").
pub fn strip_legal_suffixes(name: &str) -> &str {
    let mut rest = name.trim_end_matches([',', ' ']);
    loop {
        let Some((head, last)) = rest.rsplit_once(' ') else {
            return rest;
        };
        if lexicon::is_legal_suffix(last) {
            rest = head.trim_end_matches([',', ' ']);
        } else {
            return rest;
        }
    }
}

impl Index {
    /// Builds the automata from the resolver's catalogue and the trigger lexicon.
    pub fn new(resolver: &Resolver) -> Result<Self, ExtractError> {
        let mut patterns = Patterns::default();
        let mut add = |pattern: &str, meaning: Meaning, force_cs: bool| {
            let pattern = pattern.trim();
            if pattern.is_empty() {
                return;
            }
            let variants = if pattern.contains('\'') {
                vec![pattern.to_string(), pattern.replace('\'', "’")]
            } else {
                vec![pattern.to_string()]
            };
            for variant in variants {
                // (a name that begins with a digit, "3M", "4chan", is matched as written: "3m"
                // in "£195.3m" is an amount)
                let digit_first = variant.starts_with(|c: char| c.is_ascii_digit())
                    && !matches!(meaning, Meaning::Trigger(..));
                let exact =
                    (force_cs || is_all_caps(&variant) || digit_first).then(|| variant.clone());
                let capital = exact.is_none()
                    && starts_upper(&variant)
                    && !matches!(meaning, Meaning::Trigger(..));
                let entry = Entry {
                    meaning: meaning.clone(),
                    capital,
                    exact: exact.map(String::into_boxed_str),
                };
                patterns.add(&variant, variant.to_ascii_lowercase(), entry);
            }
        };
        let catalogue = resolver.catalogue();
        for (index, actor) in catalogue.actors.iter().enumerate() {
            for name in std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .chain(&actor.native)
            {
                add(name, Meaning::Name(index), false);
                // legal forms belong to companies: "New York AG" is not "New York" plus a
                // German "AG"
                let company = matches!(
                    actor.kind,
                    docket_core::ActorKind::Company | docket_core::ActorKind::Other
                );
                let stripped = strip_legal_suffixes(name);
                if company
                    && stripped.len() >= 3
                    && stripped != name.as_str()
                    && !lexicon::is_in(lexicon::NOT_NAMES, stripped)
                {
                    add(stripped, Meaning::Name(index), false);
                }
            }
            for acronym in &actor.acronyms {
                add(acronym, Meaning::Name(index), true);
            }
            for descriptor in &actor.descriptors {
                let folded = fold_name(descriptor);
                if folded.is_empty() {
                    continue;
                }
                add(descriptor, Meaning::Descriptor(folded.clone()), false);
                if descriptor.to_ascii_lowercase() != folded {
                    add(&folded, Meaning::Descriptor(folded.clone()), false);
                }
            }
        }
        for jurisdiction in &catalogue.jurisdictions {
            for name in &jurisdiction.names {
                add(
                    name,
                    Meaning::Jurisdiction(jurisdiction.code.clone()),
                    false,
                );
            }
        }
        for (word, action, form) in lexicon::TRIGGERS {
            add(word, Meaning::Trigger(*action, *form), false);
        }
        let lowered: Vec<String> = patterns
            .list
            .iter()
            .map(|p| p.to_ascii_lowercase())
            .collect();
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&lowered)
            .map_err(|e| ExtractError::Pattern(e.to_string()))?;
        let start = automaton
            .start_state(Anchored::Yes)
            .map_err(|e| ExtractError::Pattern(e.to_string()))?;
        let mut first_bytes = [false; 256];
        for pattern in &lowered {
            if let Some(&b) = pattern.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
                first_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        Ok(Index {
            automaton,
            start,
            first_bytes,
            entries: patterns.entries,
        })
    }

    /// Every hit in `text`, sorted, without overlaps (the longer wins).
    ///
    /// A hit must start where a word can start: after a character that is not part of a word,
    /// or on such a character (a pattern may begin with punctuation or a CJK character). So the
    /// automaton is run anchored at those places only, reading the text in ASCII lower case as
    /// it goes, and at each it takes the longest pattern (leftmost-longest). A hit that passes
    /// the boundary and case checks is kept and the scan goes on after it; a longest match that
    /// fails them is dropped and the scan goes on at the next place (so a match refused inside
    /// a word never hides a hit that starts after it).
    pub fn hits(&self, text: &str) -> Vec<Hit<'_>> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        let mut previous_wordy = false;
        while at < bytes.len() {
            let b = bytes[at];
            let (wordy, width) = if b.is_ascii() {
                (ASCII_WORD_BYTES[usize::from(b)], 1)
            } else {
                match char_at(text, at) {
                    Some(c) => (is_wordy(c), c.len_utf8()),
                    None => break,
                }
            };
            if !(previous_wordy && wordy) && self.first_bytes[usize::from(b)] {
                if let Some(hit) = self
                    .longest_at(bytes, at)
                    .and_then(|(pattern, end)| self.hit(text, at, end, pattern))
                {
                    at = hit.end;
                    previous_wordy = text[..at].chars().next_back().is_some_and(is_wordy);
                    out.push(hit);
                    continue;
                }
            }
            at += width;
            previous_wordy = wordy;
            if wordy {
                // the rest of an ASCII word: no hit starts inside it
                while at < bytes.len() && ASCII_WORD_BYTES[usize::from(bytes[at])] {
                    at += 1;
                }
            }
        }
        out
    }

    /// The longest pattern that starts at `start`: its index and end.
    fn longest_at(&self, bytes: &[u8], start: usize) -> Option<(usize, usize)> {
        let automaton = &self.automaton;
        let mut state = self.start;
        let mut longest = None;
        for (offset, &b) in bytes[start..].iter().enumerate() {
            state = automaton.next_state(Anchored::Yes, state, b.to_ascii_lowercase());
            if automaton.is_special(state) {
                if automaton.is_dead(state) {
                    break;
                }
                if automaton.is_match(state) {
                    longest = Some((
                        automaton.match_pattern(state, 0).as_usize(),
                        start + offset + 1,
                    ));
                }
            }
        }
        longest
    }

    /// The hit of pattern `pattern` at `start..end`, if it ends on a word boundary and its case
    /// rules hold. `start` is a place where [`Index::hits`] walks: a character boundary where a
    /// word can start, so the left boundary holds already.
    fn hit(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<Hit<'_>> {
        if !text.is_char_boundary(end) || !ends_on_word_boundary(text, start, end) {
            return None;
        }
        let found = &text[start..end];
        // a short word in capitals ("XI District Office") is an acronym or a numeral, not a
        // name written with an initial capital ("Xi")
        let upper = starts_upper(found) && !(found.len() <= 3 && is_all_caps(found));
        let entries = self.entries.get(pattern)?.as_slice();
        let mut applies = 0u64;
        for (i, e) in entries.iter().enumerate().take(64) {
            let ok = match &e.exact {
                Some(spelling) => **spelling == *found,
                None => !e.capital || upper,
            };
            if ok {
                applies |= 1u64 << i;
            }
        }
        (applies != 0 || entries.len() > 64).then_some(Hit {
            start,
            end,
            entries,
            applies,
        })
    }
}

/// Entry `b`: `b` is an ASCII letter or digit (a byte that continues an ASCII word).
const ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether a character is part of a word written with spaces around it: a letter or digit
/// of a script that is not CJK.
pub(crate) fn is_wordy(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// The character at byte `i` of `text` (an ASCII one read from its byte, without decoding), or
/// `None` at the end or inside a character.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// Whether a character belongs to a script written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// Whether the match `start..end` does not stop inside a word: its last character and the one
/// after it are not both part of words.
fn ends_on_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let last = text[start..end].chars().next_back();
    let after = text[end..].chars().next();
    !(last.is_some_and(is_wordy) && after.is_some_and(is_wordy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        let catalogue = docket_normalize::parse_catalogue(
            r#"
[[actor]]
id = "ant-group"
name = "Ant Group"
kind = "company"

[[actor]]
id = "group-nine"
name = "Group Nine Media"
kind = "company"

[[actor]]
id = "us.sec"
name = "Securities and Exchange Commission"
kind = "regulator"
acronyms = ["SEC"]
"#,
            "test",
        )
        .unwrap();
        Index::new(&Resolver::new(catalogue)).unwrap()
    }

    fn found<'t>(index: &Index, text: &'t str) -> Vec<&'t str> {
        index
            .hits(text)
            .iter()
            .map(|hit| &text[hit.start..hit.end])
            .collect()
    }

    #[test]
    fn hits_sit_on_word_boundaries_and_follow_the_case_rules() {
        let index = index();
        assert_eq!(
            found(
                &index,
                "The SEC fined Ant Group; the second sec fined ant group."
            ),
            ["SEC", "fined", "Ant Group", "fined"]
        );
        // inside a word, nothing
        assert!(found(&index, "Secondly, antigroup").is_empty());
        // the longest pattern at a place wins
        assert_eq!(
            found(&index, "the Securities and Exchange Commission"),
            ["Securities and Exchange Commission"]
        );
    }

    /// "Elegant Group Nine Media": "ant group" matches inside "Elegant" and is refused there;
    /// the name that starts after it, in the middle of that refused match, is still found.
    #[test]
    fn a_match_refused_inside_a_word_hides_nothing_after_it() {
        let index = index();
        assert_eq!(
            found(&index, "Elegant Group Nine Media was fined."),
            ["Group Nine Media", "fined"]
        );
    }

    /// Non-ASCII text around and inside the patterns: offsets stay on character boundaries.
    #[test]
    fn non_ascii_text_keeps_its_offsets() {
        let index = index();
        assert_eq!(
            found(&index, "« Ant Group » — l’SEC a infligé… SEC’s fine, éSEC"),
            ["Ant Group", "SEC", "SEC", "fine"]
        );
    }
}
