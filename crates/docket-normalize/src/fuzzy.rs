//! The bounded fuzzy match of the resolver: a misspelled name ("Czech Data Protection
//! Auhtority") still reaches its catalogue actor, but two different actors are never merged.
//!
//! Candidates come from a trigram index over the match keys of catalogue names (never from a
//! scan of all names); each candidate is scored by optimal-string-alignment distance (`strsim`),
//! and the best one is accepted only when every guard passes:
//! 1. the query key has at least [`MIN_KEY_CHARS`] characters (a single word: at least
//!    [`MIN_SINGLE_WORD_CHARS`]) and no CJK character;
//! 2. its score is at least [`THRESHOLD`] ([`SINGLE_WORD_THRESHOLD`] for one word);
//! 3. no candidate of another actor scores within [`MARGIN`] of it;
//! 4. both names have the same number of content words (stop words such as "of" aside), and
//!    each pair of words that differ is a plausible typo: both at least 4 characters, no digit,
//!    similar enough ([`WORD_THRESHOLD`]), and not a distinguishing word (a place, a country or
//!    its adjective, a direction: "Saxony" is never "Sachsen-Anhalt"), unless the query's word
//!    is no distinguishing word itself and is a near spelling of exactly one distinguishing word,
//!    the candidate's ("Brandenberg" for "Brandenburg").

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::name::is_cjk;

/// Minimum length of a key, in characters, for a fuzzy match to be tried.
pub const MIN_KEY_CHARS: usize = 8;
/// Minimum length of a one-word key.
pub const MIN_SINGLE_WORD_CHARS: usize = 10;
/// Minimum similarity (1 - OSA distance / longer length) of the whole key.
pub const THRESHOLD: f64 = 0.88;
/// Minimum similarity of a one-word key.
pub const SINGLE_WORD_THRESHOLD: f64 = 0.9;
/// A second actor scoring within this much of the best makes the match ambiguous.
pub const MARGIN: f64 = 0.04;
/// Minimum similarity of two differing words.
pub const WORD_THRESHOLD: f64 = 0.75;
/// At most this many candidates (by shared trigrams) are scored.
const MAX_CANDIDATES: usize = 8;
/// Candidates sharing less than this Dice coefficient of trigrams are not scored. An edit
/// changes at most three trigrams, so a name within [`THRESHOLD`] (or within [`MARGIN`] below
/// it, for the ambiguity guard) of the query shares well over half of its trigrams.
const MIN_DICE: f64 = 0.5;
/// Trigrams found in more names than this are too common to select candidates.
const MAX_POSTING: usize = 4096;

/// Words skipped when names are compared word by word.
const STOP_WORDS: &[&str] = &[
    "of", "the", "for", "and", "de", "del", "della", "di", "der", "des", "du", "la", "le", "y",
    "e", "und", "et", "og", "i", "van", "von", "fur", "zum", "zur", "on", "in",
];

/// Words that tell two actors apart however similar the rest of their names is: German states
/// (English and German forms), directions, and European and other country names and adjectives
/// (folded). The catalogue's jurisdiction words are added to these.
pub const DISTINGUISHING_WORDS: &[&str] = &[
    // German states and their parts
    "baden",
    "wurttemberg",
    "wuerttemberg",
    "bavaria",
    "bavarian",
    "bayern",
    "bayerisches",
    "berlin",
    "brandenburg",
    "bremen",
    "hamburg",
    "hamburgische",
    "hamburgischer",
    "hesse",
    "hessen",
    "hessian",
    "hessischer",
    "niedersachsen",
    "saxony",
    "sachsen",
    "saxon",
    "anhalt",
    "mecklenburg",
    "vorpommern",
    "pomerania",
    "nordrhein",
    "westfalen",
    "westphalia",
    "rhine",
    "rhineland",
    "rheinland",
    "palatinate",
    "pfalz",
    "saarland",
    "schleswig",
    "holstein",
    "thuringia",
    "thuringen",
    "thueringen",
    "westphalian",
    // directions and qualifiers of places
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "central",
    "new",
    "greater",
    "nord",
    "sud",
    "ost",
    "nieder",
    "ober",
    // countries and adjectives (English, and the native forms found in company names)
    "austria",
    "austrian",
    "osterreich",
    "belgium",
    "belgian",
    "belgique",
    "belgie",
    "bulgaria",
    "bulgarian",
    "croatia",
    "croatian",
    "hrvatska",
    "cyprus",
    "cypriot",
    "czech",
    "czechia",
    "denmark",
    "danish",
    "danmark",
    "estonia",
    "estonian",
    "eesti",
    "finland",
    "finnish",
    "suomi",
    "france",
    "french",
    "germany",
    "german",
    "deutschland",
    "deutsche",
    "greece",
    "greek",
    "hellenic",
    "hellas",
    "hungary",
    "hungarian",
    "magyar",
    "magyarorszag",
    "ireland",
    "irish",
    "italy",
    "italian",
    "italia",
    "italiana",
    "latvia",
    "latvian",
    "latvija",
    "lithuania",
    "lithuanian",
    "lietuva",
    "luxembourg",
    "luxembourgish",
    "malta",
    "maltese",
    "netherlands",
    "dutch",
    "nederland",
    "poland",
    "polish",
    "polska",
    "portugal",
    "portuguese",
    "romania",
    "romanian",
    "slovakia",
    "slovak",
    "slovensko",
    "slovenia",
    "slovenian",
    "slovenija",
    "spain",
    "spanish",
    "espana",
    "espanola",
    "sweden",
    "swedish",
    "sverige",
    "norway",
    "norwegian",
    "norge",
    "iceland",
    "icelandic",
    "island",
    "liechtenstein",
    "switzerland",
    "swiss",
    "schweiz",
    "suisse",
    "svizzera",
    "britain",
    "british",
    "england",
    "english",
    "scotland",
    "scottish",
    "wales",
    "welsh",
    "uk",
    "us",
    "usa",
    "america",
    "american",
    "canada",
    "canadian",
    "mexico",
    "mexican",
    "brazil",
    "brasil",
    "brazilian",
    "argentina",
    "china",
    "chinese",
    "hong",
    "kong",
    "taiwan",
    "japan",
    "japanese",
    "korea",
    "korean",
    "india",
    "indian",
    "russia",
    "russian",
    "turkey",
    "turkish",
    "turkiye",
    "ukraine",
    "ukrainian",
    "australia",
    "australian",
    "singapore",
    "europe",
    "european",
    "isle",
    "man",
    "jersey",
    "guernsey",
    "gibraltar",
    "monaco",
    "andorra",
    "serbia",
    "serbian",
    "albania",
    "albanian",
    "macedonia",
    "bosnia",
    "montenegro",
    "moldova",
    "georgia",
    "georgian",
    "israel",
    "israeli",
    "africa",
    "african",
    "asia",
    "asian",
    "pacific",
    "iberia",
    "iberian",
    "nordic",
    "baltic",
    "benelux",
    "dach",
    "emea",
    "international",
    "global",
    "national",
    "federal",
    "state",
    "regional",
    "municipal",
    "city",
];

/// One name of the index: its key, content words and actor.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    words: Vec<String>,
    trigrams: usize,
    actor: usize,
}

/// The outcome of a fuzzy look-up.
#[derive(Debug, Clone, PartialEq)]
pub enum FuzzyOutcome {
    /// Accepted: the actor's index in the catalogue and the similarity.
    Match {
        /// Position of the actor in the catalogue.
        actor: usize,
        /// Similarity of the keys, 0 to 1.
        score: f64,
    },
    /// A candidate came close but a guard refused it.
    Refused {
        /// Position of the nearest actor.
        actor: usize,
        /// Its similarity.
        score: f64,
        /// Which guard refused it.
        reason: &'static str,
    },
    /// Nothing close.
    None,
}

/// The trigram index over catalogue names.
#[derive(Debug, Clone, Default)]
pub struct FuzzyIndex {
    entries: Vec<Entry>,
    postings: HashMap<u64, Vec<u32>>,
    /// Hashes of (number of content words, position, word) of every entry, umlauts written out
    /// folded (see `position_key`).
    positioned_words: HashSet<u64>,
    distinguishing: HashSet<String>,
}

fn content_words(key: &str) -> Vec<String> {
    key.split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

fn trigrams(key: &str) -> Vec<u64> {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(key.chars())
        .chain(std::iter::once(' '))
        .collect();
    let mut out: Vec<u64> = chars
        .windows(3)
        .map(|w| (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Similarity of two strings: 1 minus their optimal-string-alignment distance (a swap of two
/// neighbouring letters counts once) divided by the longer length, in characters.
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - strsim::osa_distance(a, b) as f64 / longest as f64
}

/// German umlauts written out ("ue" for "ü", folded to "u") read as the folded letter, so that
/// "wuerttemberg" and "wurttemberg" are one spelling.
fn umlaut_fold(word: &str) -> std::borrow::Cow<'_, str> {
    // one pass: an `e` right after `u`, `o` or `a` is dropped (the pairs cannot overlap, and
    // dropping an `e` makes no new pair, so this is "ue" -> "u", "oe" -> "o", "ae" -> "a")
    let bytes = word.as_bytes();
    let dropped =
        |i: usize| i > 0 && bytes[i] == b'e' && matches!(bytes[i - 1], b'u' | b'o' | b'a');
    if !(0..bytes.len()).any(dropped) {
        return std::borrow::Cow::Borrowed(word);
    }
    let kept: Vec<u8> = (0..bytes.len())
        .filter(|&i| !dropped(i))
        .map(|i| bytes[i])
        .collect();
    // only ASCII `e` bytes were removed, so the rest is still UTF-8
    std::borrow::Cow::Owned(String::from_utf8_lossy(&kept).into_owned())
}

/// The hash of a content word at its position in a name of `count` content words (umlauts
/// written out folded). A collision only lets a name through to the full search.
fn position_key(count: usize, position: usize, word: &str) -> u64 {
    // one-shot xxh3 seeded with the count and position: the streaming hasher costs more to set
    // up than a short word costs to hash
    let seed = ((count as u64) << 32) | (position as u64 & 0xFFFF_FFFF);
    xxhash_rust::xxh3::xxh3_64_with_seed(umlaut_fold(word).as_bytes(), seed)
}

fn eligible(key: &str) -> bool {
    // an ASCII key (most keys) has as many characters as bytes, and none of them CJK
    let (chars, cjk) = if key.is_ascii() {
        (key.len(), false)
    } else {
        (key.chars().count(), key.chars().any(is_cjk))
    };
    let single = !key.as_bytes().contains(&b' ');
    chars >= MIN_KEY_CHARS && (!single || chars >= MIN_SINGLE_WORD_CHARS) && !cjk
}

impl FuzzyIndex {
    /// An index with the built-in distinguishing words plus `extra_distinguishing` (folded
    /// words; multi-word entries are split).
    pub fn new<'a>(extra_distinguishing: impl IntoIterator<Item = &'a str>) -> Self {
        let mut distinguishing: HashSet<String> = DISTINGUISHING_WORDS
            .iter()
            .map(|w| (*w).to_string())
            .collect();
        for word in extra_distinguishing {
            for part in word.split(' ').filter(|p| !p.is_empty()) {
                distinguishing.insert(part.to_string());
            }
        }
        FuzzyIndex {
            entries: Vec::new(),
            postings: HashMap::new(),
            positioned_words: HashSet::new(),
            distinguishing,
        }
    }

    /// Adds a catalogue name by its match key.
    pub fn insert(&mut self, key: &str, actor: usize) {
        if !eligible(key)
            || self
                .entries
                .iter()
                .any(|e| e.actor == actor && e.key == key)
        {
            return;
        }
        let Ok(id) = u32::try_from(self.entries.len()) else {
            return;
        };
        let grams = trigrams(key);
        for &trigram in &grams {
            self.postings.entry(trigram).or_default().push(id);
        }
        let words = content_words(key);
        for (position, word) in words.iter().enumerate() {
            self.positioned_words
                .insert(position_key(words.len(), position, word));
        }
        self.entries.push(Entry {
            key: key.to_string(),
            words,
            trigrams: grams.len(),
            actor,
        });
    }

    /// Whether a folded word tells places or countries apart.
    pub fn is_distinguishing(&self, word: &str) -> bool {
        self.distinguishing.contains(word)
    }

    /// The entries whose trigram Dice coefficient with the query is at least `MIN_DICE`, with
    /// that coefficient, in id order.
    fn candidates(&self, query: &[u64]) -> Vec<(f64, u32)> {
        // Prefix filter (exact, not a heuristic): a Dice coefficient of at least MIN_DICE = 0.5
        // needs 4n >= q + o with o >= n, so an entry must share n >= q/3 of the q query
        // trigrams. An entry found in none of the (m - k + 1) shortest posting lists (m lists,
        // k = ceil(q/3)) shares at most k - 1 and cannot qualify; so only those lists are
        // scanned for candidates, and the longer lists are probed by binary search (posting
        // lists are sorted, since ids are pushed in increasing order).
        let mut lists: Vec<&[u32]> = query
            .iter()
            .filter_map(|trigram| self.postings.get(trigram))
            .filter(|list| list.len() <= MAX_POSTING)
            .map(Vec::as_slice)
            .collect();
        let needed = query.len().div_ceil(3).max(1);
        if lists.len() < needed {
            return Vec::new();
        }
        lists.sort_unstable_by_key(|list| list.len());
        let (prefix, rest) = lists.split_at(lists.len() - needed + 1);
        let mut found: Vec<u32> = prefix
            .iter()
            .flat_map(|list| list.iter().copied())
            .collect();
        found.sort_unstable();
        let mut candidates: Vec<(f64, u32)> = Vec::new();
        let mut start = 0;
        while start < found.len() {
            let id = found[start];
            let mut end = start + 1;
            while end < found.len() && found[end] == id {
                end += 1;
            }
            let in_rest = rest
                .iter()
                .filter(|list| list.binary_search(&id).is_ok())
                .count();
            let shared = (end - start + in_rest) as f64;
            let other = self.entries[id as usize].trigrams;
            let dice = 2.0 * shared / (query.len() + other) as f64;
            if dice >= MIN_DICE {
                candidates.push((dice, id));
            }
            start = end;
        }
        candidates
    }

    /// Looks a match key up.
    pub fn lookup(&self, key: &str) -> FuzzyOutcome {
        if !eligible(key) || self.entries.is_empty() {
            return FuzzyOutcome::None;
        }
        // guard 4 compares the content words in order, needs as many on both sides, and
        // accepts at most half of them differing: so at least half of the query's words must
        // be, at their position, the word of some catalogue name with as many words. Most
        // names outside the catalogue stop here, before the trigram search.
        let query_words = content_words(key);
        let present = query_words
            .iter()
            .enumerate()
            .filter(|(position, word)| {
                self.positioned_words
                    .contains(&position_key(query_words.len(), *position, word))
            })
            .count();
        if !query_words.is_empty() && present * 2 < query_words.len() {
            return FuzzyOutcome::None;
        }
        let query = trigrams(key);
        let mut candidates = self.candidates(&query);
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.truncate(MAX_CANDIDATES);

        // the best score per actor; a length difference alone can rule a candidate out
        let key_chars = key.chars().count();
        let floor = SINGLE_WORD_THRESHOLD.min(THRESHOLD) - 0.1;
        let mut best: Vec<(f64, usize, u32)> = Vec::new();
        for (_, id) in candidates {
            let entry = &self.entries[id as usize];
            let entry_chars = entry.key.chars().count();
            let longest = key_chars.max(entry_chars) as f64;
            if 1.0 - key_chars.abs_diff(entry_chars) as f64 / longest < floor {
                continue;
            }
            let score = similarity(key, &entry.key);
            match best.iter_mut().find(|(_, actor, _)| *actor == entry.actor) {
                Some(slot) if slot.0 >= score => {}
                Some(slot) => *slot = (score, entry.actor, id),
                None => best.push((score, entry.actor, id)),
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let Some(&(score, actor, id)) = best.first() else {
            return FuzzyOutcome::None;
        };
        let single = !key.contains(' ');
        let threshold = if single {
            SINGLE_WORD_THRESHOLD
        } else {
            THRESHOLD
        };
        let refuse = |reason| FuzzyOutcome::Refused {
            actor,
            score,
            reason,
        };
        if score < threshold {
            return if score >= threshold - 0.1 {
                refuse("below the threshold")
            } else {
                FuzzyOutcome::None
            };
        }
        if best
            .get(1)
            .is_some_and(|(second, _, _)| score - second < MARGIN)
        {
            return refuse("another actor is as close");
        }
        if let Some(reason) = self.words_differ(&query_words, &self.entries[id as usize].words) {
            return refuse(reason);
        }
        FuzzyOutcome::Match { actor, score }
    }

    /// Why the content words of `key` and `words` may not be read as one name, if they may not.
    fn words_differ(&self, query: &[String], words: &[String]) -> Option<&'static str> {
        if query.len() != words.len() {
            return Some("the names have different words");
        }
        let mut differing = 0;
        for (a, b) in query.iter().zip(words) {
            if a == b || umlaut_fold(a) == umlaut_fold(b) {
                continue;
            }
            differing += 1;
            if a.chars().any(|c| c.is_ascii_digit()) || b.chars().any(|c| c.is_ascii_digit()) {
                return Some("a number differs");
            }
            if a.chars().count() < 4 || b.chars().count() < 4 {
                return Some("a short word differs");
            }
            if similarity(a, b) < WORD_THRESHOLD {
                return Some("a word differs beyond a typo");
            }
            if self.is_distinguishing(a) {
                return Some("a distinguishing word differs");
            }
            if self.is_distinguishing(b) && !self.is_unique_near_spelling(a, b) {
                return Some("a distinguishing word differs");
            }
        }
        if differing * 2 > query.len() {
            return Some("too many words differ");
        }
        None
    }

    /// Whether `word` (no distinguishing word itself) is a near spelling of the distinguishing
    /// word `target` and of no other one.
    fn is_unique_near_spelling(&self, word: &str, target: &str) -> bool {
        const NEAR: f64 = 0.85;
        if word.chars().count() < 6 || similarity(word, target) < NEAR {
            return false;
        }
        !self
            .distinguishing
            .iter()
            .any(|other| other != target && similarity(word, other) >= NEAR - 0.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_one_pass_umlaut_fold_is_the_chain_of_replacements(word in "[aeouäß ]{0,12}") {
            let chained = word.replace("ue", "u").replace("oe", "o").replace("ae", "a");
            let folded = umlaut_fold(&word);
            proptest::prop_assert_eq!(folded.as_ref(), chained.as_str());
        }
    }

    /// The prefix-filtered candidate search finds exactly what counting every posting list
    /// finds.
    #[test]
    fn prefix_filter_finds_what_full_counting_finds() {
        let names = [
            "bayerisches landesamt fur datenschutzaufsicht",
            "landesbeauftragte fur datenschutz niedersachsen",
            "landesbeauftragter fur den datenschutz baden wurttemberg",
            "commission nationale de l informatique et des libertes",
            "securities and exchange commission",
            "federal trade commission",
            "state administration for market regulation",
            "cyberspace administration of china",
            "competition and markets authority",
            "information commissioner s office",
        ];
        let mut index = FuzzyIndex::new([]);
        for (actor, name) in names.iter().enumerate() {
            index.insert(name, actor);
        }
        let queries = [
            "bayerisches landesamt fur datenschutz",
            "landesbeauftragte fur datenschutz nordrhein westfalen",
            "securites and exchange comission",
            "federal trade comission",
            "market regulation administration",
            "information commissioners office",
            "tundra fjord health holdings",
            "commission",
        ];
        for key in queries {
            let query = trigrams(key);
            let mut counts = vec![0usize; index.entries.len()];
            for trigram in &query {
                if let Some(list) = index.postings.get(trigram) {
                    for &id in list {
                        counts[id as usize] += 1;
                    }
                }
            }
            let full: Vec<(f64, u32)> = counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(id, n)| {
                    let other = index.entries[id].trigrams;
                    (2.0 * *n as f64 / (query.len() + other) as f64, id as u32)
                })
                .filter(|(dice, _)| *dice >= MIN_DICE)
                .collect();
            assert_eq!(index.candidates(&query), full, "{key}");
        }
    }

    #[test]
    fn similarity_counts_swaps_once() {
        assert!((similarity("auhtority", "authority") - (1.0 - 1.0 / 9.0)).abs() < 1e-9);
        assert_eq!(similarity("", ""), 1.0);
    }

    #[test]
    fn trigram_candidates_and_guards() {
        let mut index = FuzzyIndex::new([]);
        index.insert("czech data protection authority", 0);
        index.insert("data protection authority of saxony", 1);
        index.insert("data protection authority of sachsen anhalt", 2);
        index.insert("data protection authority of brandenburg", 3);
        assert!(matches!(
            index.lookup("czech data protection auhtority"),
            FuzzyOutcome::Match { actor: 0, .. }
        ));
        assert!(matches!(
            index.lookup("data protection authority of saxonia"),
            FuzzyOutcome::Refused { .. } | FuzzyOutcome::None
        ));
        assert!(matches!(
            index.lookup("data protection authority of brandenberg"),
            FuzzyOutcome::Match { actor: 3, .. }
        ));
        assert_eq!(index.lookup("short"), FuzzyOutcome::None);
    }
}
