//! The extractor's lexicons: plain data tables, documented in `docs/extractor.md`.
//!
//! Every table holds lower-case English words unless it says otherwise. To extend the
//! extractor to a new way of reporting an action, add a row to [`TRIGGERS`]; to teach it a new
//! kind of organisation, add to [`AUTHORITY_HEADS`] or [`LEGAL_SUFFIXES`]. Nothing here names a
//! particular company or regulator: those belong in the actor catalogue.

use std::sync::OnceLock;

use docket_core::ActionKind;

/// A table of words. Every table has a bit of its own, so that a token's membership in all of
/// them is looked up once per token ([`word_classes`]) and then tested with a mask.
#[derive(Debug)]
pub struct Lex {
    bit: u8,
    exact: bool,
    words: &'static [&'static str],
}

impl Lex {
    /// A table of lower-case words, matched ASCII-case-insensitively.
    pub const fn new(bit: u8, words: &'static [&'static str]) -> Self {
        Lex {
            bit,
            exact: false,
            words,
        }
    }

    /// A table of words matched exactly as written ("Inc", "Mr", "The").
    pub const fn exact(bit: u8, words: &'static [&'static str]) -> Self {
        Lex {
            bit,
            exact: true,
            words,
        }
    }

    /// The table's bit in a token's classes.
    pub fn mask(&self) -> u64 {
        1u64 << self.bit
    }

    /// The words of the table.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Something a word can be looked up in: a [`Lex`] table (by its bit) or a short literal list.
pub trait WordSet: Copy {
    /// The answer for a word token whose classes ([`word_classes`]) are `classes`, when the
    /// classes alone decide (a [`Lex`] table); `None` when the text must be compared (a list).
    fn by_classes(self, classes: u64) -> Option<bool>;
    /// Whether some word of the set is `len` bytes long (a list's test before it compares).
    fn has_length(self, len: usize) -> bool;
    /// Whether the set holds a word.
    fn has_word(self, word: &str) -> bool;
}

impl WordSet for &Lex {
    fn by_classes(self, classes: u64) -> Option<bool> {
        Some(classes & self.mask() != 0)
    }
    fn has_length(self, _len: usize) -> bool {
        true
    }
    fn has_word(self, word: &str) -> bool {
        word_classes(word) & self.mask() != 0
    }
}

impl WordSet for &[&str] {
    fn by_classes(self, _classes: u64) -> Option<bool> {
        None
    }
    fn has_length(self, len: usize) -> bool {
        self.iter().any(|w| w.len() == len)
    }
    fn has_word(self, word: &str) -> bool {
        self.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

impl<const N: usize> WordSet for &[&str; N] {
    fn by_classes(self, _classes: u64) -> Option<bool> {
        None
    }
    fn has_length(self, len: usize) -> bool {
        self.iter().any(|w| w.len() == len)
    }
    fn has_word(self, word: &str) -> bool {
        self.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// The longest word any table holds, in bytes.
const LONGEST_WORD: usize = 32;

/// A word of some table, with the bits of the tables that hold it.
struct Slot {
    /// The word, lower-cased.
    key: String,
    /// The word's [`folded_chunks`].
    chunks: Chunks,
    /// Bits of the case-insensitive tables that hold it.
    folded: u64,
    /// Spellings that exact tables hold, with their bits ("Inc", "Mr", "The").
    exact: Vec<(&'static str, u64)>,
}

/// An open-addressing table of every lexicon word, probed with a hash computed on the
/// lower-cased bytes as they are read: one probe per token, no copy, no allocation.
struct Classes {
    slots: Vec<Option<Slot>>,
    mask: usize,
    /// For each pair of first bytes (lower-cased, folded to 5 bits each), the lengths of the
    /// words that start with them: most words of prose are rejected without hashing.
    lengths: Vec<u64>,
}

fn pair_index(bytes: &[u8]) -> usize {
    let first = usize::from(bytes[0].to_ascii_lowercase() & 0x1f);
    let second = bytes
        .get(1)
        .map_or(0, |b| usize::from(b.to_ascii_lowercase() & 0x1f));
    first << 5 | second
}

/// Eight-byte chunks of a word of up to [`LONGEST_WORD`] bytes.
type Chunks = [u64; LONGEST_WORD / 8];

/// A word of at most [`LONGEST_WORD`] bytes in ASCII lower case, as little-endian chunks of
/// eight bytes, zero padded: two words of one length are equal ignoring ASCII case exactly
/// when their chunks are.
#[inline]
fn folded_chunks(bytes: &[u8]) -> Chunks {
    let mut chunks = [0u64; LONGEST_WORD / 8];
    let mut rest = bytes;
    let mut k = 0;
    while let (Some(chunk), Some(head)) = (chunks.get_mut(k), rest.first_chunk::<8>()) {
        *chunk = lower_case_chunk(u64::from_le_bytes(*head));
        rest = &rest[8..];
        k += 1;
    }
    if let Some(chunk) = chunks.get_mut(k) {
        *chunk = lower_case_chunk(short_chunk(rest));
    }
    chunks
}

/// Up to seven bytes as the low bytes of an integer (little-endian, the rest zero), read as
/// at most two overlapping loads instead of byte by byte.
fn short_chunk(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // four to seven bytes: the first four and the last four, overlapping
        (Some(first), Some(last)) if len < 8 => {
            u64::from(u32::from_le_bytes(*first))
                | u64::from(u32::from_le_bytes(*last)) << (8 * (len - 4))
        }
        _ if len < 4 => bytes
            .iter()
            .enumerate()
            .fold(0, |word, (i, &b)| word | u64::from(b) << (8 * i)),
        _ => 0,
    }
}

/// A hash of a word of `len` bytes from its [`folded_chunks`] (the length is mixed in, so
/// padding cannot make two words equal).
fn fold_hash(chunks: &Chunks, len: usize) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (len as u64).wrapping_mul(MULTIPLIER);
    for &chunk in chunks.iter().take(len.div_ceil(8)) {
        h = (h ^ chunk).wrapping_mul(MULTIPLIER).rotate_left(27);
    }
    h ^ (h >> 29)
}

/// Eight bytes with each of `A`..=`Z` turned into its lower case letter, the others as they are
/// (`u8::to_ascii_lowercase` on every byte at once).
fn lower_case_chunk(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // each byte's low seven bits plus a constant sets the byte's top bit from a threshold on;
    // seven bits plus at most 0x3f never carries into the next byte
    let low_seven = chunk & (ONES * 0x7f);
    let from_a = low_seven + ONES * (0x80 - u64::from(b'A'));
    let past_z = low_seven + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & !chunk & (ONES * 0x80);
    chunk | (upper >> 2)
}

fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut entries: Vec<Slot> = Vec::new();
        let mut lengths = vec![0u64; 1 << 10];
        for table in ALL_TABLES {
            for &word in table.words {
                let lower = word.to_ascii_lowercase();
                let index = match entries.iter().position(|s| s.key == lower) {
                    Some(i) => i,
                    None => {
                        entries.push(Slot {
                            chunks: folded_chunks(lower.as_bytes()),
                            key: lower,
                            folded: 0,
                            exact: Vec::new(),
                        });
                        entries.len() - 1
                    }
                };
                let slot = &mut entries[index];
                if table.exact {
                    match slot.exact.iter_mut().find(|(w, _)| *w == word) {
                        Some((_, bits)) => *bits |= table.mask(),
                        None => slot.exact.push((word, table.mask())),
                    }
                } else {
                    slot.folded |= table.mask();
                }
                if !word.is_empty() {
                    lengths[pair_index(word.as_bytes())] |= 1u64 << word.len().min(63);
                }
            }
        }
        let size = (entries.len() * 4).next_power_of_two();
        let mut slots: Vec<Option<Slot>> = (0..size).map(|_| None).collect();
        let mask = size - 1;
        for entry in entries {
            let mut i = fold_hash(&entry.chunks, entry.key.len()) as usize & mask;
            while slots[i].is_some() {
                i = (i + 1) & mask;
            }
            slots[i] = Some(entry);
        }
        Classes {
            slots,
            mask,
            lengths,
        }
    })
}

/// The tables a word belongs to, as a mask of their bits.
pub fn word_classes(word: &str) -> u64 {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > LONGEST_WORD {
        return 0;
    }
    let c = classes();
    // most words of prose are in no table: reject them by first letters and length
    if c.lengths[pair_index(bytes)] & (1u64 << bytes.len()) == 0 {
        return 0;
    }
    let chunks = folded_chunks(bytes);
    let mut i = fold_hash(&chunks, bytes.len()) as usize & c.mask;
    while let Some(slot) = &c.slots[i] {
        if slot.key.len() == bytes.len() && slot.chunks == chunks {
            let mut mask = slot.folded;
            for (spelling, bits) in &slot.exact {
                if *spelling == word {
                    mask |= bits;
                }
            }
            return mask;
        }
        i = (i + 1) & c.mask;
    }
    0
}

/// How a trigger word takes its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A transitive verb: "X fined Y" (active) or "Y was fined by X" (passive, detected).
    Verb,
    /// A noun: "an investigation into Y", "Y agreed to pay a fine", "X's probe".
    Noun,
    /// A word that is a noun or a verb depending on context ("fine", "ban", "probe").
    Either,
    /// The subject is the target: "Y apologised", "Y settled with X", "the app disappeared".
    Intransitive,
    /// A payment verb ("Y agreed to pay $1m to the Department of Justice"): an event only when
    /// an amount and "to" + an authority follow, and no other trigger names the payment.
    Payment,
}

/// Trigger words and phrases (lower case; matched ASCII-case-insensitively on word
/// boundaries), with the action they report and how they take arguments.
pub const TRIGGERS: &[(&str, ActionKind, Form)] = &[
    // fine
    ("fine", ActionKind::Fine, Form::Either),
    ("fines", ActionKind::Fine, Form::Either),
    ("fined", ActionKind::Fine, Form::Verb),
    ("fining", ActionKind::Fine, Form::Verb),
    ("penalty", ActionKind::Fine, Form::Noun),
    ("penalties", ActionKind::Fine, Form::Noun),
    // (only with an amount after "with": "The AEPD sanctioned CaixaBank with EUR 6 million";
    // not "The US sanctioned Russian oligarchs")
    ("sanctioned", ActionKind::Fine, Form::Verb),
    ("penalised", ActionKind::Fine, Form::Verb),
    ("penalized", ActionKind::Fine, Form::Verb),
    ("penalises", ActionKind::Fine, Form::Verb),
    ("penalizes", ActionKind::Fine, Form::Verb),
    ("penalising", ActionKind::Fine, Form::Verb),
    ("penalizing", ActionKind::Fine, Form::Verb),
    ("pay", ActionKind::Fine, Form::Payment),
    ("pays", ActionKind::Fine, Form::Payment),
    ("paid", ActionKind::Fine, Form::Payment),
    ("paying", ActionKind::Fine, Form::Payment),
    // settlement
    ("settlement", ActionKind::Settlement, Form::Noun),
    ("settlements", ActionKind::Settlement, Form::Noun),
    ("settle", ActionKind::Settlement, Form::Intransitive),
    ("settles", ActionKind::Settlement, Form::Intransitive),
    ("settled", ActionKind::Settlement, Form::Intransitive),
    ("settling", ActionKind::Settlement, Form::Intransitive),
    // only after a payment: "agreed to pay $4.3 billion to resolve the investigation"
    ("resolve", ActionKind::Settlement, Form::Intransitive),
    // investigation
    ("investigation", ActionKind::Investigation, Form::Noun),
    ("investigations", ActionKind::Investigation, Form::Noun),
    ("investigate", ActionKind::Investigation, Form::Verb),
    ("investigates", ActionKind::Investigation, Form::Verb),
    ("investigated", ActionKind::Investigation, Form::Verb),
    ("investigating", ActionKind::Investigation, Form::Verb),
    ("probe", ActionKind::Investigation, Form::Either),
    ("probes", ActionKind::Investigation, Form::Either),
    ("probed", ActionKind::Investigation, Form::Verb),
    ("probing", ActionKind::Investigation, Form::Verb),
    ("inquiry", ActionKind::Investigation, Form::Noun),
    ("inquiries", ActionKind::Investigation, Form::Noun),
    ("enquiry", ActionKind::Investigation, Form::Noun),
    ("raided", ActionKind::Investigation, Form::Verb),
    ("raid", ActionKind::Investigation, Form::Noun),
    ("raids", ActionKind::Investigation, Form::Noun),
    ("dawn raid", ActionKind::Investigation, Form::Noun),
    ("looking into", ActionKind::Investigation, Form::Verb),
    ("looked into", ActionKind::Investigation, Form::Verb),
    ("scrutiny", ActionKind::Investigation, Form::Noun),
    ("proceedings", ActionKind::Investigation, Form::Noun),
    ("legal proceedings", ActionKind::Charge, Form::Noun),
    ("criminal proceedings", ActionKind::Charge, Form::Noun),
    ("court proceedings", ActionKind::Charge, Form::Noun),
    (
        "cybersecurity review",
        ActionKind::Investigation,
        Form::Noun,
    ),
    (
        "cybersecurity reviews",
        ActionKind::Investigation,
        Form::Noun,
    ),
    ("antitrust review", ActionKind::Investigation, Form::Noun),
    // summons
    ("summoned", ActionKind::Summons, Form::Verb),
    ("summon", ActionKind::Summons, Form::Verb),
    ("summoning", ActionKind::Summons, Form::Verb),
    ("summons", ActionKind::Summons, Form::Either),
    ("called in", ActionKind::Summons, Form::Verb),
    // warning
    ("warned", ActionKind::Warning, Form::Verb),
    ("warns", ActionKind::Warning, Form::Verb),
    ("warning", ActionKind::Warning, Form::Noun),
    // Japan's and Korea's regulators' formal written warning ("issued an administrative
    // guidance to OpenAI")
    ("administrative guidance", ActionKind::Warning, Form::Noun),
    ("warning letter", ActionKind::Warning, Form::Noun),
    // censure
    ("censured", ActionKind::Censure, Form::Verb),
    ("censures", ActionKind::Censure, Form::Either),
    ("censure", ActionKind::Censure, Form::Either),
    ("reprimanded", ActionKind::Censure, Form::Verb),
    ("admonished", ActionKind::Censure, Form::Verb),
    ("disciplined", ActionKind::Censure, Form::Verb),
    ("reprimand", ActionKind::Censure, Form::Either),
    ("rebuked", ActionKind::Censure, Form::Verb),
    ("rapped", ActionKind::Censure, Form::Verb),
    ("raps", ActionKind::Censure, Form::Verb),
    ("shamed", ActionKind::Censure, Form::Verb),
    ("criticised", ActionKind::Censure, Form::Verb),
    ("criticized", ActionKind::Censure, Form::Verb),
    ("condemned", ActionKind::Censure, Form::Verb),
    // order
    ("ordered", ActionKind::Order, Form::Verb),
    ("told", ActionKind::Order, Form::Verb),
    ("ordering", ActionKind::Order, Form::Verb),
    // a headline's present ("Regulator orders Didi app removed"; with an authority only:
    // "orders for 50 planes" are none)
    ("orders", ActionKind::Order, Form::Verb),
    ("cease and desist", ActionKind::Order, Form::Noun),
    ("cease-and-desist", ActionKind::Order, Form::Noun),
    ("injunction", ActionKind::Order, Form::Noun),
    // a court's injunction as a verb ("permanently enjoined John Doe from violating ...")
    ("enjoined", ActionKind::Order, Form::Verb),
    ("enjoins", ActionKind::Order, Form::Verb),
    ("court order", ActionKind::Order, Form::Noun),
    // an order named with what it requires ("finalized an order requiring Epic Games to pay");
    // the bare noun "order" is too often no enforcement ("in order to", aircraft orders)
    ("order requiring", ActionKind::Order, Form::Noun),
    ("order directing", ActionKind::Order, Form::Noun),
    ("order barring", ActionKind::Order, Form::Noun),
    ("order prohibiting", ActionKind::Order, Form::Noun),
    ("order banning", ActionKind::Order, Form::Noun),
    // the order an authority agrees with a party ("finalized an order with Epic Games";
    // NEEDS_AUTHORITY)
    ("order with", ActionKind::Order, Form::Noun),
    // the European Commission's interim measures; a regulator's asset freeze
    ("interim measures", ActionKind::Order, Form::Noun),
    ("restraining order", ActionKind::Order, Form::Noun),
    ("restraining orders", ActionKind::Order, Form::Noun),
    ("asset freeze", ActionKind::Order, Form::Noun),
    ("asset freezes", ActionKind::Order, Form::Noun),
    ("demanded", ActionKind::Order, Form::Verb),
    // suspension
    ("suspension", ActionKind::Suspension, Form::Noun),
    ("suspended", ActionKind::Suspension, Form::Verb),
    ("suspends", ActionKind::Suspension, Form::Verb),
    ("suspend", ActionKind::Suspension, Form::Verb),
    ("suspending", ActionKind::Suspension, Form::Verb),
    ("halted", ActionKind::Suspension, Form::Verb),
    ("halts", ActionKind::Suspension, Form::Verb),
    ("halt", ActionKind::Suspension, Form::Noun),
    ("cancelled", ActionKind::Suspension, Form::Verb),
    ("canceled", ActionKind::Suspension, Form::Verb),
    ("discontinuation", ActionKind::Suspension, Form::Noun),
    ("revoked", ActionKind::Suspension, Form::Verb),
    ("revokes", ActionKind::Suspension, Form::Verb),
    ("revoking", ActionKind::Suspension, Form::Verb),
    // removal
    ("removed", ActionKind::Removal, Form::Verb),
    // ("ordered app stores to remove Didi's app": only with an authority, NEEDS_AUTHORITY)
    ("remove", ActionKind::Removal, Form::Verb),
    ("removes", ActionKind::Removal, Form::Verb),
    ("removing", ActionKind::Removal, Form::Verb),
    ("stop offering", ActionKind::Removal, Form::Verb),
    ("stop providing", ActionKind::Removal, Form::Verb),
    ("stop distributing", ActionKind::Removal, Form::Verb),
    ("removal", ActionKind::Removal, Form::Noun),
    ("delisted", ActionKind::Removal, Form::Verb),
    ("taken down", ActionKind::Removal, Form::Verb),
    ("took down", ActionKind::Removal, Form::Verb),
    ("take down", ActionKind::Removal, Form::Verb),
    ("pulled from", ActionKind::Removal, Form::Intransitive),
    ("disappeared from", ActionKind::Removal, Form::Intransitive),
    ("vanished from", ActionKind::Removal, Form::Intransitive),
    // "The app was no longer available on Apple's App Store in China"
    (
        "no longer available on",
        ActionKind::Removal,
        Form::Intransitive,
    ),
    ("closed", ActionKind::Removal, Form::Verb),
    ("closed down", ActionKind::Removal, Form::Verb),
    ("shut down", ActionKind::Removal, Form::Verb),
    ("shuts down", ActionKind::Removal, Form::Verb),
    ("shut", ActionKind::Removal, Form::Verb),
    // ban
    ("ban", ActionKind::Ban, Form::Either),
    ("bans", ActionKind::Ban, Form::Either),
    ("banned", ActionKind::Ban, Form::Verb),
    ("banning", ActionKind::Ban, Form::Verb),
    ("blocked", ActionKind::Ban, Form::Verb),
    ("blocks", ActionKind::Ban, Form::Verb),
    ("block", ActionKind::Ban, Form::Verb),
    ("blocking", ActionKind::Ban, Form::Verb),
    ("barred", ActionKind::Ban, Form::Verb),
    // (with an authority only, NEEDS_AUTHORITY: "Court Bars Recidivist from Serving ...", not
    // "behind bars")
    ("bars", ActionKind::Ban, Form::Verb),
    ("prohibited", ActionKind::Ban, Form::Verb),
    ("outlawed", ActionKind::Ban, Form::Verb),
    ("blacklisted", ActionKind::Ban, Form::Verb),
    // charge
    ("charged", ActionKind::Charge, Form::Verb),
    ("charging", ActionKind::Charge, Form::Verb),
    ("charges", ActionKind::Charge, Form::Noun),
    ("indicted", ActionKind::Charge, Form::Verb),
    ("indicts", ActionKind::Charge, Form::Verb),
    ("indicting", ActionKind::Charge, Form::Verb),
    ("indictment", ActionKind::Charge, Form::Noun),
    ("sued", ActionKind::Charge, Form::Verb),
    ("sues", ActionKind::Charge, Form::Verb),
    ("sue", ActionKind::Charge, Form::Verb),
    ("suing", ActionKind::Charge, Form::Verb),
    ("lawsuit", ActionKind::Charge, Form::Noun),
    ("lawsuits", ActionKind::Charge, Form::Noun),
    ("prosecuted", ActionKind::Charge, Form::Verb),
    ("prosecutes", ActionKind::Charge, Form::Verb),
    ("prosecuting", ActionKind::Charge, Form::Verb),
    ("prosecution", ActionKind::Charge, Form::Noun),
    ("accused", ActionKind::Charge, Form::Verb),
    ("complaint", ActionKind::Charge, Form::Noun),
    // "took Google to court" (only after a verb of taking, with an authority as its subject)
    ("to court", ActionKind::Charge, Form::Noun),
    ("legal action", ActionKind::Charge, Form::Noun),
    ("filed suit", ActionKind::Charge, Form::Noun),
    ("files suit", ActionKind::Charge, Form::Noun),
    // an authority's allegations are its charges ("The FTC alleges that Acme Corp deceived
    // consumers"); only with an authority as subject (NEEDS_AUTHORITY)
    ("alleges that", ActionKind::Charge, Form::Verb),
    ("alleged that", ActionKind::Charge, Form::Verb),
    // the European Commission's formal charges in competition cases
    ("statement of objections", ActionKind::Charge, Form::Noun),
    ("statements of objections", ActionKind::Charge, Form::Noun),
    // (only as what is sent or told to a party: "informed Microsoft of its preliminary view
    // that ...", "sent its preliminary findings to Meta")
    ("preliminary view", ActionKind::Charge, Form::Noun),
    ("preliminary findings", ActionKind::Charge, Form::Noun),
    // ruling
    ("ruled", ActionKind::Ruling, Form::Verb),
    ("ruling", ActionKind::Ruling, Form::Noun),
    ("convicted", ActionKind::Ruling, Form::Verb),
    ("found guilty", ActionKind::Ruling, Form::Verb),
    // alone, only a cue that the sentence may tell a verdict: the analysis keeps it only in
    // "found Elizabeth Holmes guilty", with "found" as the trigger
    ("guilty", ActionKind::Ruling, Form::Verb),
    ("liable", ActionKind::Ruling, Form::Verb),
    // (likewise: "The Supreme Court of India dismissed Google's appeal", with the court's verb
    // as the trigger)
    ("appeal", ActionKind::Ruling, Form::Noun),
    ("appeals", ActionKind::Ruling, Form::Noun),
    ("sentenced", ActionKind::Ruling, Form::Verb),
    ("sentence", ActionKind::Ruling, Form::Noun),
    ("jailed", ActionKind::Ruling, Form::Verb),
    ("verdict", ActionKind::Ruling, Form::Noun),
    // (a judgment alone only against a party: "SEC Obtains Judgment Against Broker", "Court
    // Enters $64 Million Judgment Against ..."; not "an error of judgment")
    ("judgment", ActionKind::Ruling, Form::Noun),
    ("judgments", ActionKind::Ruling, Form::Noun),
    ("judgement", ActionKind::Ruling, Form::Noun),
    ("judgements", ActionKind::Ruling, Form::Noun),
    ("convicts", ActionKind::Ruling, Form::Verb),
    ("final judgment", ActionKind::Ruling, Form::Noun),
    ("final judgments", ActionKind::Ruling, Form::Noun),
    ("final judgement", ActionKind::Ruling, Form::Noun),
    ("default judgment", ActionKind::Ruling, Form::Noun),
    ("consent judgment", ActionKind::Ruling, Form::Noun),
    ("conviction", ActionKind::Ruling, Form::Noun),
    ("convictions", ActionKind::Ruling, Form::Noun),
    ("acquitted", ActionKind::Ruling, Form::Verb),
    ("cleared", ActionKind::Ruling, Form::Verb),
    ("pleaded guilty", ActionKind::Ruling, Form::Intransitive),
    ("pleads guilty", ActionKind::Ruling, Form::Intransitive),
    ("plead guilty", ActionKind::Ruling, Form::Intransitive),
    ("pleading guilty", ActionKind::Ruling, Form::Intransitive),
    ("pled guilty", ActionKind::Ruling, Form::Intransitive),
    // other enforcement: arrests, detentions, seizures
    ("arrested", ActionKind::Other, Form::Verb),
    ("arrest", ActionKind::Other, Form::Noun),
    ("arrests", ActionKind::Other, Form::Noun),
    ("detained", ActionKind::Other, Form::Verb),
    ("seized", ActionKind::Other, Form::Verb),
    ("taken over", ActionKind::Other, Form::Verb),
    // the European Commission's commitments decisions: commitments an authority accepts, or
    // makes binding, settle its case (NEEDS_AUTHORITY)
    ("commitments", ActionKind::Settlement, Form::Noun),
    // the UK authorities' word for commitments ("The CMA has accepted undertakings from
    // Google"); with an authority only, as "commitments"
    ("undertakings", ActionKind::Settlement, Form::Noun),
    // an enforcement action the text does not name ("The Federal Trade Commission took action
    // against Acme Corp"; NEEDS_AUTHORITY)
    ("enforcement action", ActionKind::Other, Form::Noun),
    ("enforcement actions", ActionKind::Other, Form::Noun),
    ("took action against", ActionKind::Other, Form::Verb),
    ("takes action against", ActionKind::Other, Form::Verb),
    ("taken action against", ActionKind::Other, Form::Verb),
    ("taking action against", ActionKind::Other, Form::Verb),
    // apology
    ("apologised", ActionKind::Apology, Form::Intransitive),
    ("apologized", ActionKind::Apology, Form::Intransitive),
    ("apologises", ActionKind::Apology, Form::Intransitive),
    ("apologizes", ActionKind::Apology, Form::Intransitive),
    ("apology", ActionKind::Apology, Form::Noun),
];

/// Triggers that report enforcement only when an authority is named as their actor in the
/// clause ("the authorities closed 12,575 net cafes", but "shares closed higher"; "the court
/// cleared him", but "regulators cleared the merger" is an approval, see [`COURT_ONLY`]; a
/// website "taken over by the Secret Service", but a company taken over by a rival).
pub static NEEDS_AUTHORITY: &Lex = &Lex::new(
    0,
    &[
        "alleges that",
        "alleged that",
        "remove",
        "removes",
        "removing",
        "stop offering",
        "stop providing",
        "stop distributing",
        "proceedings",
        "legal proceedings",
        "criminal proceedings",
        "court proceedings",
        "legal action",
        "filed suit",
        "files suit",
        "took down",
        "take down",
        "disciplined",
        "commitments",
        "undertakings",
        "took action against",
        "takes action against",
        "taken action against",
        "taking action against",
        "order with",
        "closed",
        "closed down",
        "shut",
        "shut down",
        "shuts down",
        "bars",
        "cancelled",
        "canceled",
        "taken over",
        "seized",
        "complaint",
        "block",
        "blocking",
        "halted",
        "halts",
        "halt",
        "orders",
        "cleared",
        "demanded",
    ],
);

/// Words after which an "-ing" trigger is a gerund, not an action reported: prepositions
/// ("banned from suing", "fined for blocking", "accused of removing"), "that" ("found that
/// blocking the data does not ...", where a progressive would have its subject), and verbs of
/// stopping ("ordered them to stop blocking links": what is ordered stopped).
pub static GERUND_CUES: &Lex = &Lex::new(
    44,
    &[
        "that", "from", "stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased",
        "avoid", "avoids", "avoided", "refrain", "quit", "for", "of", "by", "after", "before",
        "without", "about", "against", "in", "on", "upon",
    ],
);

/// Nouns of a decision or a rule, whose "-ing" participle tells what the decision does, not an
/// action of its own ("a US court order blocking the sale", "a law banning TikTok").
pub static DECISION_NOUNS: &Lex = &Lex::new(
    45,
    &[
        "order",
        "orders",
        "ruling",
        "rulings",
        "decision",
        "decisions",
        "law",
        "laws",
        "rule",
        "rules",
        "regulation",
        "regulations",
        "bill",
        "bills",
        "decree",
        "decrees",
        "directive",
        "directives",
        "measure",
        "measures",
    ],
);

/// Words by which an authority announces a sanction it has not imposed ("intends to fine",
/// "proposes a fine", "threatened to ban"; "intents" is a misspelling the GDPR tracker's
/// summaries use for "intends"): the sanction is a threat, reported as a warning.
pub static THREATS: &Lex = &Lex::new(
    43,
    &[
        "intends",
        "intend",
        "intended",
        "intending",
        "intents",
        "intention",
        "intent",
        "proposes",
        "proposed",
        "propose",
        "proposing",
        "threatened",
        "threatens",
        "threaten",
        "threatening",
    ],
);

/// Triggers that support an event but do not report one on their own when no authority is
/// named: "X was accused of fraud" (by critics, rivals or the press) is kept only when the
/// document also reports the charge ("the SEC had accused X", "a complaint filed by ...").
pub static WEAK_TRIGGERS: &Lex = &Lex::new(1, &["accused"]);

/// Triggers that report a ruling only when a court or judge acts ("the Court of Appeal cleared
/// him"); with another actor, or none, they are not enforcement.
pub static COURT_ONLY: &Lex = &Lex::new(2, &["cleared"]);

/// Words in the clause before a trigger that make it negated, hypothetical or only planned
/// ("could face a fine", "plans to ban", "denied", "not"). Such triggers are dropped.
pub static MODAL_BEFORE: &Lex = &Lex::new(
    3,
    &[
        "not",
        "never",
        "no",
        "could",
        "may",
        "might",
        "would",
        "will",
        "should",
        "shall",
        "can",
        "cannot",
        "plans",
        "plan",
        "planned",
        "planning",
        "expected",
        "expects",
        "likely",
        "unlikely",
        "threatened",
        "threatens",
        "threaten",
        "threatening",
        "considering",
        "considers",
        "consider",
        "proposed",
        "proposes",
        "propose",
        "face",
        "faces",
        "facing",
        "risk",
        "risks",
        "risking",
        "if",
        "unless",
        "whether",
        "denied",
        "denies",
        "deny",
        "denying",
        "wants",
        "want",
        "intends",
        "intend",
        "aims",
        "seeking",
        "seeks",
        "seek",
        "possible",
        "potential",
        "poised",
        "avoid",
        "avoided",
        "avoiding",
        "escape",
        "escaped",
        "sought",
        "urged",
        "urges",
        "urging",
        "calls",
        "calling",
        "asked",
        "asking",
        "liable",
        "demanded",
        "lobbying",
        "hoping",
        "hopes",
        "fears",
        "feared",
        "threat",
        "any",
        "without",
        "offered",
        "offers",
        "offering",
        "proposing",
        "trying",
        "attempting",
        "suggesting",
        "suggest",
        "suggests",
        "suggested",
    ],
);

/// Words that, directly after a trigger noun, mark it hypothetical ("fine could", "ban would").
pub static MODAL_AFTER: &Lex = &Lex::new(4, &["could", "would", "might", "may", "will"]);

/// "Be" and "get" forms that make a following participle passive.
pub static BE_FORMS: &Lex = &Lex::new(
    5,
    &[
        "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets",
    ],
);

/// Verbs by which a subject receives a penalty named by a noun ("Y agreed to pay a fine", "Y
/// was hit with a probe", "Y is under investigation"): only with one of them does the subject
/// of a trigger noun become its target.
pub static RECEIVE_CUES: &Lex = &Lex::new(
    6,
    &[
        "pay",
        "paid",
        "pays",
        "paying",
        "hit",
        "received",
        "receives",
        "receive",
        "accepted",
        "accepts",
        "got",
        "gets",
        "incurred",
        "handed",
        "given",
        "slapped",
        "served",
        "agreed",
        "agrees",
        "reached",
        "reaches",
        "under",
        "subject",
        "focus",
        "target",
        "serving",
        "serve",
        "face",
        "faces",
        "facing",
        "suffered",
        "landed",
        "settled",
        "issued",
        "faced",
        "attracted",
    ],
);

/// Words that may stand between a "be" form and a participle ("was also fined").
pub static ADVERBS: &Lex = &Lex::new(
    7,
    &[
        "also",
        "already",
        "subsequently",
        "later",
        "then",
        "previously",
        "recently",
        "heavily",
        "reportedly",
        "officially",
        "formally",
        "now",
        "just",
        "since",
        "twice",
        "once",
        "again",
        "initially",
        "eventually",
        "allegedly",
        "effectively",
        "temporarily",
        "all",
        "both",
        "each",
        // ("the PBOC, the CBIRC and the CSRC jointly summoned Ant Group")
        "jointly",
        "separately",
        "publicly",
    ],
);

/// Words that end a clause when scanning for arguments: prepositions introducing a reason or a
/// time, relative pronouns, infinitive "to", subordinating conjunctions.
pub static CLAUSE_STOPS: &Lex = &Lex::new(
    8,
    &[
        "for", "over", "because", "after", "before", "since", "when", "while", "which", "who",
        "whom", "that", "to", "in", "at", "as", "but", "though", "although", "whereas", "until",
        "if", "unless", "said", "says", "after", "amid", "during", "from", "with", "by", "under",
        "about", "on", "into", "against", "of", "so", "than", "whether", "where", "saying",
        "claiming", "alleging",
    ],
);

/// Words that join the members of a list of targets.
pub static LIST_WORDS: &Lex = &Lex::new(
    9,
    &[
        "and",
        "including",
        "include",
        "includes",
        "such",
        "as",
        "well",
        "along",
        "plus",
        "namely",
        "both",
        "among",
        "them",
        "also",
        "like",
        "or",
    ],
);

/// Determiners and quantifiers that may precede a mention.
pub static DETERMINERS: &Lex = &Lex::new(
    10,
    &[
        "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "all", "other",
        "rival", "fellow",
    ],
);

/// Prepositions that introduce the target of a trigger noun ("investigation into Y").
pub static NOUN_TARGET_PREPS: &Lex =
    &Lex::new(11, &["of", "into", "on", "against", "for", "over", "upon"]);

/// Verbs + prepositions that hand a penalty to its target ("imposed on Y").
pub static HANDED_TO: &Lex = &Lex::new(
    12,
    &["imposed", "levied", "handed", "slapped", "issued", "served"],
);

/// Plural nouns naming a group of targets, for counts ("fined 12 companies").
pub static GROUP_NOUNS: &Lex = &Lex::new(
    13,
    &[
        "companies",
        "firms",
        "businesses",
        "banks",
        "platforms",
        "operators",
        "apps",
        "entities",
        "groups",
        "carriers",
        "insurers",
        "lenders",
        "brokers",
        "retailers",
        "wholesalers",
        "institutions",
        "distributors",
        "suppliers",
        "dealers",
        "producers",
        "providers",
        "airlines",
        "manufacturers",
        "makers",
        "websites",
        "sites",
        "services",
        "people",
        "individuals",
        "executives",
        "traders",
        "funds",
        "subsidiaries",
        "units",
        "games",
        "products",
    ],
);

/// Singular nouns that refer back to the most recent company ("the company", "the app").
pub static COREF_COMPANY: &Lex = &Lex::new(
    14,
    &[
        "company",
        "firm",
        "group",
        "app",
        "bank",
        "carrier",
        "operator",
        "business",
        "browser",
        "platform",
        "retailer",
        "insurer",
        "airline",
        "lender",
        "conglomerate",
        "giant",
        "subsidiary",
        "unit",
        "service",
        "broker",
        "manufacturer",
        "maker",
        "website",
        "site",
        "network",
        "insurer",
        "utility",
        "airline",
        "chain",
        "supermarket",
        "drugmaker",
        "automaker",
        "carmaker",
    ],
);

/// Nouns (and pronouns) that refer back to the most recent authority ("the regulator", "it").
pub static COREF_AUTHORITY: &Lex = &Lex::new(
    15,
    &[
        "regulator",
        "regulators",
        "watchdog",
        "authority",
        "authorities",
        "commission",
        "agency",
        "ministry",
        "department",
        "court",
        "tribunal",
        "prosecutors",
        "officials",
        "government",
        "it",
        "they",
        "he",
        "she",
        "judge",
        "bureau",
        "office",
        "board",
    ],
);

/// Product or unit nouns that may follow a possessive ("Alibaba's UC browser", "X's subsidiary,").
pub static PRODUCT_NOUNS: &Lex = &Lex::new(
    16,
    &[
        "browser",
        "app",
        "unit",
        "subsidiary",
        "affiliate",
        "arm",
        "division",
        "platform",
        "service",
        "brand",
        "bank",
        "site",
        "website",
        "network",
        "business",
        "venture",
        "fintech",
        "store",
        "game",
    ],
);

/// Last words that make an unknown capitalised name an authority.
pub static AUTHORITY_HEADS: &Lex = &Lex::new(
    17,
    &[
        "commission",
        "authority",
        "agency",
        "regulator",
        "ministry",
        "department",
        "court",
        "tribunal",
        "office",
        "bureau",
        "board",
        "council",
        "administration",
        "commissioner",
        "police",
        "prosecutor",
        "prosecutors",
        "watchdog",
        "inspectorate",
        "parliament",
        "government",
        "senate",
        "congress",
        "treasury",
        "directorate",
        "committee",
        "service",
        "ombudsman",
        "regulators",
        "supervisor",
        "superintendency",
        "cabinet",
        "state",
        "fda",
        "ftc",
        "sec",
        "judge",
    ],
);

/// Legal-form suffixes that make a capitalised name a company (original spelling).
pub static LEGAL_SUFFIXES: &Lex = &Lex::exact(
    18,
    &[
        "Inc",
        "Inc.",
        "Ltd",
        "Ltd.",
        "plc",
        "PLC",
        "Plc",
        "SA",
        "S.A.",
        "SRL",
        "S.r.l.",
        "GmbH",
        "AG",
        "SpA",
        "S.p.A.",
        "N.V.",
        "NV",
        "Corp",
        "Corp.",
        "Corporation",
        "LLC",
        "LLP",
        "Co",
        "Co.",
        "Group",
        "Holdings",
        "BV",
        "B.V.",
        "AB",
        "ASA",
        "Oyj",
        "SE",
        "SAS",
        "S.L.",
        "SL",
        "Limited",
        "Incorporated",
        "S.A",
        "S.r.l",
        "S.p.A",
        "N.V",
        "B.V",
        "S.L",
        "S.A.U.",
        "S.A.U",
        "SAU",
        "S.L.U.",
        "S.L.U",
        "SLU",
        "s.r.l.",
        "s.r.l",
        "S.R.L.",
        "S.R.L",
        "EOOD",
        "OOD",
        "EAD",
    ],
);

/// Capitalised words that never start or make up an organisation name on their own.
pub static NOT_NAMES: &Lex = &Lex::exact(
    19,
    &[
        // the acronyms of laws ("several breaches of the GDPR", "the DMA")
        "GDPR",
        "DSGVO",
        "RGPD",
        "FCPA",
        "CCPA",
        "COPPA",
        "HIPAA",
        "DMA",
        "DSA",
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Of",
        "To",
        "And",
        "But",
        "Or",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "However",
        "Meanwhile",
        "Also",
        "Last",
        "Next",
        "This",
        "Earlier",
        "Later",
        "Now",
        "Then",
        "There",
        "Here",
        "What",
        "Which",
        "Who",
        "Why",
        "How",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Sir",
        "Lord",
        "Lady",
        "President",
        "Chairman",
        "Premier",
        "Minister",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "According",
        "Under",
        "Over",
        "Analysts",
        "Shares",
        "Despite",
        "Although",
        "Because",
        "So",
        "Yet",
        "Still",
        "Both",
        "Such",
        "Some",
        "Many",
        "Most",
        "All",
        "Other",
        "Another",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "No",
        "Not",
        "Is",
        "Was",
        "Are",
        "Were",
        "Has",
        "Have",
        "Had",
        "Will",
        "Would",
        "Could",
        "Should",
        "May",
        "Might",
        "Can",
        "Do",
        "Does",
        "Did",
        "Chief",
        "Executive",
        "Officer",
        "Boss",
        "Director",
        "Secretary",
        "General",
        "Judge",
        "Justice",
        "Senator",
        "Governor",
        "Deputy",
        "CEO",
        "IPO",
        "TV",
        "AI",
        "GDP",
        "UN",
        "OK",
        "Reuters",
        "BBC",
        "Internet",
        "Web",
        "Online",
        "Year",
        "New",
        "Among",
        "Altogether",
        "Investigators",
    ],
);

/// Words in the few tokens before an amount that make it a penalty.
pub static PENALTY_CUES: &Lex = &Lex::new(
    20,
    &[
        "fine",
        "fined",
        "fines",
        "penalty",
        "penalties",
        "pay",
        "paid",
        "pays",
        "paying",
        "settle",
        "settled",
        "settlement",
        "forfeit",
        "disgorge",
        "damages",
        "compensation",
        "repay",
        "fining",
        "penalised",
        "penalized",
        "sanction",
    ],
);

/// Nouns after an amount that make it the value of something ("the $37 billion IPO").
pub static VALUE_CUES: &Lex = &Lex::new(
    21,
    &[
        "ipo",
        "deal",
        "takeover",
        "merger",
        "acquisition",
        "bid",
        "listing",
        "offering",
        "stake",
        "bond",
        "bonds",
        "sale",
        "contract",
        "buyout",
        "fund",
        "company",
        "business",
        "purchase",
        "loan",
        "debt",
        "valued",
        "worth",
        "market",
        "flotation",
        "float",
        "offer",
        "transaction",
        "project",
        "investment",
    ],
);

/// Reporting verbs: an authority that "said" something is still the speaker of the clause.
pub static REPORTING: &Lex = &Lex::new(
    22,
    &[
        "said",
        "says",
        "announced",
        "confirmed",
        "stated",
        "revealed",
        "disclosed",
    ],
);

/// Whether a word is a legal form ("Inc", "Inc.", "S.A.", "GmbH"): the table holds "S.A." and
/// "S.A", "Inc." and "Inc", so a word's final period may go.
pub fn is_legal_suffix(word: &str) -> bool {
    is_in(LEGAL_SUFFIXES, word)
        || word.ends_with('.') && is_in(LEGAL_SUFFIXES, word.trim_end_matches('.'))
}

/// Whether a word is in a table (ASCII case-insensitively, or exactly for the tables of
/// capitalised words).
pub fn is_in(table: impl WordSet, word: &str) -> bool {
    table.has_word(word)
}

/// Capitalised words that often open a sentence without being names ("Shares in X fell").
pub static SENTENCE_OPENERS: &Lex = &Lex::new(
    23,
    &[
        // discourse adverbs ("Nonetheless, the bank was fined")
        "nonetheless",
        "nevertheless",
        "moreover",
        "furthermore",
        "therefore",
        "thus",
        "hence",
        "accordingly",
        "consequently",
        "subsequently",
        "previously",
        "additionally",
        "shares",
        "analysts",
        "investors",
        "officials",
        "critics",
        "experts",
        "consumers",
        "customers",
        "companies",
        "firms",
        "banks",
        "sales",
        "profits",
        "prices",
        "separately",
        "recent",
        "despite",
        "following",
        "instead",
        "elsewhere",
        "overall",
        "together",
        "yesterday",
        "today",
        // spans of time ("Days later, regulators summoned ...")
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "several",
        "each",
        "every",
        "neither",
        "either",
        "few",
        "much",
        "more",
        "less",
        "others",
        "only",
        "even",
        "just",
        "thus",
        "therefore",
        "indeed",
        "nevertheless",
        "furthermore",
        "moreover",
        "plus",
        "regulators",
        "prosecutors",
        "lawyers",
        "judges",
        "workers",
        "staff",
        "employees",
        "shareholders",
        "traders",
        "markets",
        "stocks",
        "bonds",
        "sources",
        "reports",
        "documents",
        "figures",
        "data",
        "growth",
        "demand",
        "revenue",
        "revenues",
        "earnings",
        "costs",
        "rules",
        "laws",
        "plans",
        "talks",
        "news",
        "industry",
        "government",
        "authorities",
        "police",
        "courts",
        "users",
        "people",
        "rivals",
        "competitors",
        "campaigners",
        "unions",
        "members",
        "lawmakers",
        "ministers",
        "politicians",
    ],
);

/// Endings of demonyms ("Indonesian", "Chinese", "Israeli"): such a word before a lower-case
/// noun is an adjective, not a name.
pub const DEMONYM_ENDINGS: &[&str] = &["an", "ese", "ish", "ean", "i", "ch", "ic"];

/// Whether `word` ends like a demonym (one of [`DEMONYM_ENDINGS`]).
#[inline]
pub fn has_demonym_ending(word: &str) -> bool {
    DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Common nouns that name acting authorities on their own ("authorities fined ...",
/// "regulators ordered ...", "prosecutors charged ...").
pub static BARE_AUTHORITY_NOUNS: &Lex =
    &Lex::new(24, &["authorities", "regulators", "prosecutors", "police"]);

/// Common nouns that name an acting authority when a place, a demonym, a number or a
/// government adjective qualifies them ("a New York court", "Chinese police", "federal agents",
/// "the Clinton administration", "46 states", "a Los Angeles grand jury"). The singular ones
/// need a capitalised qualifier.
pub static QUALIFIED_AUTHORITY_NOUNS: &Lex = &Lex::new(
    25,
    &[
        "court",
        "courts",
        "jury",
        "officials",
        "agents",
        "investigators",
        "administration",
        "inquiry",
        "states",
        "attorney-general",
        "prosecutor",
        "judges",
        "judge",
    ],
);

/// Lower-case words that may qualify an authority noun ("central government officials",
/// "federal agents", "a state inquiry").
pub static GOVERNMENT_MODIFIERS: &Lex = &Lex::new(
    26,
    &[
        "federal",
        "state",
        "central",
        "local",
        "regional",
        "provincial",
        "municipal",
        "city",
        "county",
        "national",
        "government",
        "district",
        "appeals",
        "appeal",
        "bankruptcy",
        "criminal",
        "civil",
        "high",
        "military",
        "tax",
        "customs",
        "grand",
        "antitrust",
        "competition",
        "securities",
        "financial",
        "banking",
        "trade",
        "commerce",
        "environment",
        "environmental",
        "health",
        "labour",
        "labor",
    ],
);

/// Titles after which a person acts as an authority ("Spanish Judge Baltasar Garzon").
pub static JUDICIAL_TITLES: &Lex =
    &Lex::exact(27, &["Judge", "Justice", "Magistrate", "Prosecutor"]);

/// Endings of hyphenated adjectives that are not names even when capitalised
/// ("the Seattle-based company", "the Egyptian-born analyst").
pub const ADJECTIVE_SUFFIXES: &[&str] = &[
    "-based",
    "-born",
    "-owned",
    "-run",
    "-listed",
    "-headquartered",
    "-registered",
    "-led",
    "-backed",
    "-controlled",
    "-made",
    "-style",
    "-published",
    "-level",
    "-wide",
];

/// Last words of capitalised names of places, which are never targets ("the Nu River", "the
/// Three Gorges Dam").
pub static PLACE_HEADS: &Lex = &Lex::exact(
    28,
    &[
        "River",
        "Rivers",
        "Dam",
        "Valley",
        "Province",
        "Street",
        "Lake",
        "Mountain",
        "Mountains",
        "Island",
        "Islands",
        "Sea",
        "Ocean",
        "Square",
        "Airport",
        "Bay",
        "Coast",
        "Desert",
        "Gorges",
        "Delta",
        "County",
        "Peninsula",
    ],
);

/// Nouns for people in a role, which refer to their employer when no name follows ("three
/// executives from Mitsubishi Motors", "a China Construction Bank branch manager": the
/// annotation convention lists the company when the people are not named).
pub static PERSON_ROLE_NOUNS: &Lex = &Lex::new(
    29,
    &[
        "executive",
        "executives",
        "manager",
        "managers",
        "employee",
        "employees",
        "staff",
        "officer",
        "officers",
        "director",
        "directors",
        "bosses",
        "boss",
        "officials",
        "traders",
        "workers",
        "bankers",
        "brokers",
        "salesmen",
    ],
);

/// Nouns that refer to the case of the document ("an inquiry into the case").
pub static CASE_NOUNS: &Lex = &Lex::new(30, &["case", "affair", "scandal", "matter"]);

/// Heads of phrases for people who hold no office, as the agent of a passive verb ("criticised
/// by privacy campaigners", "removed by the very same person") or the subject of an active one
/// with no authority in the clause ("Shareholders sued Acme Corp", "A Californian man sued
/// Apple"): their action is no enforcement.
pub static PRIVATE_AGENTS: &Lex = &Lex::new(
    42,
    &[
        "person",
        "people",
        "man",
        "woman",
        "user",
        "users",
        "customer",
        "consumer",
        "shareholder",
        "investor",
        "campaigners",
        "activists",
        "critics",
        "groups",
        "analysts",
        "shareholders",
        "investors",
        "consumers",
        "customers",
        "rivals",
        "competitors",
        "residents",
        "fans",
        "bloggers",
        "commentators",
        "observers",
    ],
);

/// Plural nouns that refer back to the last list of targets ("the two men").
pub static PLURAL_PERSON_NOUNS: &Lex = &Lex::new(
    31,
    &[
        "men",
        "women",
        "people",
        "pair",
        "executives",
        "companies",
        "firms",
        "defendants",
        "brothers",
    ],
);

/// Modifiers of a lawsuit that make it private ("shareholder lawsuits", "a class-action suit").
pub static PRIVATE_SUIT_MODIFIERS: &Lex = &Lex::new(
    32,
    &[
        "shareholder",
        "shareholders",
        "class-action",
        "investor",
        "investors",
        "consumer",
        "customer",
        "patent",
        "private",
    ],
);

/// Words right before an amount that make it inexact ("more than $8m", "up to $5m", "nearly
/// $7m"): a cap is never a penalty's amount, a floor or an approximation only with its words
/// (see `amount_qualifier` in the analysis).
pub static INEXACT_AMOUNT: &Lex = &Lex::new(
    33,
    &[
        "than",
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "some",
        "least",
        "to",
        "estimated",
        "under",
    ],
);

/// Nouns that, after "face(s)" or "facing", are real rather than possible ("faced charges",
/// "is facing a probe"); other nouns after "face" are threats ("could face a fine").
pub static FACED_NOUNS: &Lex = &Lex::new(
    34,
    &[
        "charges",
        "charge",
        "probe",
        "investigation",
        "inquiry",
        "prosecution",
        "trial",
        "scrutiny",
        "indictment",
    ],
);

/// Capitalised titles of offices that may stand inside a run of capitalised words, between
/// the office and its holder ("Transportation Secretary Norman Mineta", "US Attorney David
/// Kelley").
pub static OFFICE_TITLES: &Lex = &Lex::exact(
    35,
    &[
        "Secretary",
        "Minister",
        "Attorney",
        "Commissioner",
        "Governor",
        "Chancellor",
        "Prosecutor",
        "Mayor",
    ],
);

/// Titles before a name (original spelling): the name after one is a person's ("Mr", "Gen",
/// "Judge").
pub static TITLES: &Lex = &Lex::exact(
    36,
    &[
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "President",
        "Premier",
        "Judge",
        "Justice",
        "Magistrate",
        "Prosecutor",
        "Chairman",
        "Minister",
        "Senator",
        "Governor",
        "Sir",
        "Lord",
        "Commissioner",
        "Chancellor",
        "Secretary",
        "Gen",
        "General",
        "Col",
        "Capt",
        "CEO",
        "CFO",
        "COO",
        "CTO",
    ],
);

/// Nouns before a name that make it a person's ("billionaire Jack Ma", "former FBI man Jeffrey
/// Royer").
pub static PERSON_CUES: &Lex = &Lex::new(
    37,
    &[
        "billionaire",
        "founder",
        "boss",
        "executive",
        "analyst",
        "chairman",
        "chairwoman",
        "president",
        "premier",
        "minister",
        "judge",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "officer",
        "chief",
        "head",
        "economist",
        "lawyer",
        "man",
        "woman",
        "student",
        "ruler",
        "dictator",
        "mogul",
        "tycoon",
        "businessman",
        "businesswoman",
        "hacker",
        "spammer",
        "trader",
        "banker",
        "consultant",
        "strategist",
        "accountant",
        "manager",
        "employee",
        "suspect",
        "ringleader",
        "defendant",
    ],
);

/// Words that join the capitalised words of one name ("Department of Justice", "Banco de
/// España", "Johnson & Johnson").
pub static NAME_CONNECTORS: &Lex = &Lex::new(
    38,
    &[
        "of", "and", "de", "du", "des", "la", "le", "van", "von", "der", "y", "for", "&",
    ],
);

/// Pronouns that refer to a person ("He is also being investigated").
pub static PERSON_PRONOUNS: &Lex = &Lex::new(39, &["he", "him", "she"]);

/// Number words from two to twelve, in order ("twelve managers").
pub static NUMBER_WORDS: &Lex = &Lex::new(
    40,
    &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ],
);

/// Words that open a new clause on either side of a trigger's arguments ("X fined Y **after**
/// ...", "**Although** ...", "... **said** ..."): where the clause of a trigger ends. The left
/// boundary adds "as", the right one "which" and "who" (see `analyze.rs`).
pub static CLAUSE_BOUNDARY_WORDS: &Lex = &Lex::new(
    41,
    &[
        "but",
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "after",
        "before",
        "when",
        "since",
        "following",
        "amid",
        "meanwhile",
        "however",
        "said",
        "says",
    ],
);

/// Every table with a bit, for [`word_classes`].
static ALL_TABLES: &[&Lex] = &[
    NEEDS_AUTHORITY,
    WEAK_TRIGGERS,
    COURT_ONLY,
    MODAL_BEFORE,
    MODAL_AFTER,
    BE_FORMS,
    RECEIVE_CUES,
    ADVERBS,
    CLAUSE_STOPS,
    LIST_WORDS,
    DETERMINERS,
    NOUN_TARGET_PREPS,
    HANDED_TO,
    GROUP_NOUNS,
    COREF_COMPANY,
    COREF_AUTHORITY,
    PRODUCT_NOUNS,
    AUTHORITY_HEADS,
    LEGAL_SUFFIXES,
    NOT_NAMES,
    PENALTY_CUES,
    VALUE_CUES,
    REPORTING,
    SENTENCE_OPENERS,
    BARE_AUTHORITY_NOUNS,
    QUALIFIED_AUTHORITY_NOUNS,
    GOVERNMENT_MODIFIERS,
    JUDICIAL_TITLES,
    PLACE_HEADS,
    PERSON_ROLE_NOUNS,
    CASE_NOUNS,
    PLURAL_PERSON_NOUNS,
    PRIVATE_AGENTS,
    PRIVATE_SUIT_MODIFIERS,
    INEXACT_AMOUNT,
    FACED_NOUNS,
    OFFICE_TITLES,
    TITLES,
    PERSON_CUES,
    NAME_CONNECTORS,
    PERSON_PRONOUNS,
    NUMBER_WORDS,
    CLAUSE_BOUNDARY_WORDS,
    THREATS,
    GERUND_CUES,
    DECISION_NOUNS,
];

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_chunk_is_lower_cased_byte_by_byte(bytes in proptest::prelude::any::<[u8; 8]>()) {
            let lowered = lower_case_chunk(u64::from_le_bytes(bytes)).to_le_bytes();
            proptest::prop_assert_eq!(lowered, bytes.map(|b| b.to_ascii_lowercase()));
        }

        #[test]
        fn chunks_are_equal_exactly_when_words_are_equal_ignoring_ascii_case(
            word in "[A-Za-z0-9.'\u{e0}-\u{ff}]{0,20}",
            flips in proptest::prelude::any::<u32>(),
            change in proptest::prelude::any::<Option<(usize, u8)>>(),
        ) {
            // the same word with some letters' case flipped, and maybe one byte changed
            let mut other: Vec<u8> = word
                .bytes()
                .enumerate()
                .map(|(i, b)| {
                    if flips >> (i % 32) & 1 == 1 && b.is_ascii_alphabetic() { b ^ 0x20 } else { b }
                })
                .collect();
            if let Some((at, byte)) = change {
                if !other.is_empty() {
                    let at = at % other.len();
                    other[at] = byte;
                }
            }
            let same = word.as_bytes().eq_ignore_ascii_case(&other);
            let (a, b) = (folded_chunks(word.as_bytes()), folded_chunks(&other));
            proptest::prop_assert_eq!(a == b, same);
            if same {
                proptest::prop_assert_eq!(fold_hash(&a, word.len()), fold_hash(&b, other.len()));
            }
        }

        #[test]
        fn word_classes_match_a_scan_of_the_tables(word in "[A-Za-z]{1,12}|[A-Za-z' .-]{1,33}") {
            proptest::prop_assert_eq!(word_classes(&word), classes_by_scan(&word));
        }
    }

    /// The tables that hold `word`, by a scan of every table (the reference for the hashed
    /// lookup).
    fn classes_by_scan(word: &str) -> u64 {
        let mut expected = 0u64;
        for table in ALL_TABLES {
            let held = if table.exact {
                table.words.contains(&word)
            } else {
                table.words.iter().any(|w| w.eq_ignore_ascii_case(word))
            };
            if held {
                expected |= table.mask();
            }
        }
        expected
    }

    #[test]
    fn every_table_word_is_found_in_any_case_as_a_scan_finds_it() {
        for table in ALL_TABLES {
            for word in table.words {
                for variant in [
                    word.to_string(),
                    word.to_ascii_lowercase(),
                    word.to_ascii_uppercase(),
                    format!("{word}s"),
                ] {
                    assert_eq!(
                        word_classes(&variant),
                        classes_by_scan(&variant),
                        "{variant}"
                    );
                }
            }
        }
    }

    #[test]
    fn short_chunks_hold_the_bytes_in_order() {
        for len in 0..8 {
            let bytes: Vec<u8> = (1..=len as u8).map(|i| i * 17).collect();
            let mut expected = [0u8; 8];
            expected[..len].copy_from_slice(&bytes);
            assert_eq!(
                short_chunk(&bytes),
                u64::from_le_bytes(expected),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn every_byte_lower_cases_like_the_standard_library() {
        for b in 0..=255u8 {
            let lowered = lower_case_chunk(u64::from(b) * 0x0101_0101_0101_0101).to_le_bytes();
            assert_eq!(lowered, [b.to_ascii_lowercase(); 8], "{b:#x}");
        }
    }

    #[test]
    fn every_table_has_its_own_bit() {
        let mut seen = 0u64;
        for table in ALL_TABLES {
            assert!(table.bit < 64);
            assert_eq!(seen & table.mask(), 0, "bit {} is used twice", table.bit);
            seen |= table.mask();
            for word in table.words {
                assert!(word.len() <= LONGEST_WORD, "{word}");
                assert!(is_in(*table, word), "{word}");
            }
        }
    }

    #[test]
    fn lookups_fold_case_except_in_exact_tables() {
        assert!(is_in(CLAUSE_STOPS, "For"));
        assert!(is_in(LEGAL_SUFFIXES, "Inc"));
        assert!(!is_in(LEGAL_SUFFIXES, "inc"));
        assert!(is_in(TITLES, "Mr"));
        assert!(!is_in(TITLES, "general"));
        assert!(!is_in(CLAUSE_STOPS, "forward"));
    }
}
