//! Analysis of one sentence: tokens, mentions, and one candidate event per trigger.
//!
//! The analysis is shallow and rule-based: it finds the clause around each trigger word, decides
//! the trigger's voice (active, passive, noun, intransitive), and takes the actor and the
//! targets from fixed positions around it (subject, object, "by X", "into Y", ...). Roles come
//! from the kind of the mention: authorities (regulators, courts, governments, officials,
//! state media, and unknown names ending in "Commission", "Authority", ...) act; companies,
//! products and people are acted upon.

use foldhash::{HashMap, HashSet};
use std::sync::Arc;

use docket_core::{ActionKind, ActorKind, AmountRole, DateValue, PartialDate, RawActor};
use docket_normalize::name_list::find_words;
use docket_normalize::Resolver;

use crate::index::{char_at, is_cjk, is_wordy, Hit};
use crate::lexicon::{
    self, is_in, is_legal_suffix, Form, WordSet, NAME_CONNECTORS, NUMBER_WORDS, PERSON_CUES,
    PERSON_PRONOUNS, TITLES,
};
use crate::money::MoneyExpr;
use crate::time::{date_value, TimeExpr};

/// The role a mention can play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Can act: a regulator, court, government, official or state medium.
    Authority,
    /// Acted upon: a company, product or brand.
    Company,
    /// A private person.
    Person,
}

/// A mention of an actor in the document.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte start in the body text.
    pub start: usize,
    /// Byte end in the body text.
    pub end: usize,
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// What it can do.
    pub role: Role,
    /// The actor as the normalizer will see it (shared: mentions are copied into the
    /// document memory often).
    pub actor: Arc<RawActor>,
    /// A key for comparing mentions (catalogue id or folded name).
    pub key: Arc<str>,
    /// The mention only modifies another one (a possessive parent, a jurisdiction).
    pub modifier: bool,
    /// Found by coreference ("the company", a short name).
    pub coref: bool,
}

impl Mention {
    /// The head noun of the name: its last word, or the word before its first "of" or "for"
    /// ("Ministry of Industry and Innovation" → "Ministry", "State Environmental Protection
    /// Agency" → "Agency"). Compare it ASCII-case-insensitively.
    fn head_word(&self) -> &str {
        let name = self.actor.name.as_str();
        let bytes = name.as_bytes();
        // one pass over the bytes: the first " of " or " for " after the first word
        let end = (1..bytes.len())
            .find(|&i| {
                bytes[i] == b' '
                    && (bytes[i + 1..].starts_with(b"of ") || bytes[i + 1..].starts_with(b"for "))
            })
            .unwrap_or(bytes.len());
        let head = &name[..end];
        let start = head.rfind([' ', '-']).map_or(0, |p| p + 1);
        &head[start..]
    }
}

/// Document-level memory shared by the sentences of one document.
#[derive(Debug, Default)]
pub struct Memory {
    /// The most recent company mention.
    pub last_company: Option<Mention>,
    /// The most recent authority mention.
    pub last_authority: Option<Mention>,
    /// Short names introduced by longer ones ("UC" after "UC browser", "Xi" after "Xi Jinping").
    pub aliases: HashMap<String, (Arc<RawActor>, Role, Arc<str>)>,
    /// The document's dominant jurisdiction.
    pub dominant: Option<String>,
    /// The anchor for relative dates.
    pub anchor: Option<PartialDate>,
    /// The most recent person ("he", "him").
    pub last_person: Option<Mention>,
    /// The most recent list of two or more targets named together ("the two men").
    pub last_list: Vec<Mention>,
    /// Recent authorities, most recent last ("the agency", "the attorney general").
    pub authorities: Vec<Mention>,
    /// The targets of the most recent event ("the case").
    pub last_targets: Vec<Mention>,
    /// The authority that acted in the most recent event, with its sentence's number and the
    /// event's action ("... fined Alibaba. The company was also ordered to ...").
    pub last_actor: Option<(usize, Mention, ActionKind)>,
    /// The date of the most recent event ("at the same time").
    pub last_date: Option<DateValue>,
    /// Recent companies, most recent last ("the bank" after "Riggs Bank").
    pub companies: Vec<Mention>,
    /// The most recent name outside the catalogue that may be a person's ("Frank Allan
    /// Bruvik"), for "him" when no person was recognised.
    pub last_named: Option<Mention>,
    /// The number of the current sentence.
    pub sentence: usize,
    /// The sentence of the latest authority mention, and whether it was the latest mention.
    pub authority_seen: Option<usize>,
    /// Whether the latest mention of the document was an authority.
    pub authority_last: bool,
    /// The company or person named first in the current sentence, when the sentence opens
    /// with it.
    pub opening: Option<Mention>,
    /// Names whose words are already registered as short names.
    pub registered: HashSet<String>,
    /// Keys of the names outside the catalogue met so far ("Riggs Bank" -> "x:riggs-bank").
    pub keys: std::cell::RefCell<HashMap<String, Arc<str>>>,
    /// Words already checked for a lower-case use in the document ("Insurance" -> true).
    pub lower_words: std::cell::RefCell<HashMap<String, bool>>,
    /// The authority that "it" may refer to from the previous sentences: the latest mention of
    /// the document, in the current or the previous sentence.
    pub it_authority: Option<Mention>,
    /// The authority that opened the previous sentence as its subject ("The Commission said
    /// Apple had ... It ordered the iPhone maker to ..."), for an "it" that opens the current
    /// one.
    pub it_subject: Option<Mention>,
    /// The authority that opened a sentence, with the sentence's number.
    pub opening_authority: Option<(usize, Mention)>,
}

/// How many recent authorities the memory keeps.
const RECENT_AUTHORITIES: usize = 12;

impl Memory {
    /// Records an authority as the most recent one.
    pub fn push_authority(&mut self, m: &Mention) {
        self.authorities.retain(|a| a.key != m.key);
        if self.authorities.len() >= RECENT_AUTHORITIES {
            self.authorities.remove(0);
        }
        self.authorities.push(m.clone());
        self.last_authority = Some(m.clone());
        self.authority_seen = Some(self.sentence);
        self.authority_last = true;
    }

    /// Records a company as the most recent one.
    pub fn push_company(&mut self, m: &Mention) {
        self.companies.retain(|a| a.key != m.key);
        if self.companies.len() >= RECENT_AUTHORITIES {
            self.companies.remove(0);
        }
        self.companies.push(m.clone());
        self.last_company = Some(m.clone());
        self.authority_last = false;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Poss,
    Neg,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

/// A candidate event, before the document-level merge.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The action.
    pub action: ActionKind,
    /// The actor mention.
    pub actor: Option<Mention>,
    /// Target mentions.
    pub targets: Vec<Mention>,
    /// Stated count of targets.
    pub target_count: Option<u32>,
    /// The date.
    pub date: Option<DateValue>,
    /// The amount text and its role.
    pub amount: Option<(String, AmountRole)>,
    /// The currency of the amount when its text does not say which ("kroner" in Norway).
    pub currency: Option<String>,
    /// The amount as parsed (value and currency), for comparisons.
    pub value: Option<(docket_core::Decimal, Option<String>)>,
    /// The amount is a reduction of the fine ("The original fine of EUR 75,000 was reduced to
    /// EUR 45,000"): the original amount, when the text states it (`Some(None)` when not).
    pub reduced_from: Option<Option<(docket_core::Decimal, Option<String>)>>,
    /// Sentence span in the body text.
    pub span: (usize, usize),
    /// The number of the sentence in the document.
    pub sentence: usize,
    /// Confidence.
    pub confidence: f64,
    /// Flags.
    pub flags: Vec<String>,
    /// The target is described, not named, by an indefinite subject that opens the sentence
    /// ("One of Japan's best-known businessmen was arrested"): the name that opens the next
    /// sentence is the target.
    pub cataphoric: bool,
    /// A definite trigger noun that refers back to an event already reported ("The lawsuit
    /// was brought by ..."): it joins the latest event of its action.
    pub anaphoric: bool,
    /// A ban decided by a court (a ruling): the document's bans without an actor are the same
    /// decision.
    pub court_ban: bool,
    /// Evidence too weak to stand alone ("X was accused of fraud", with no authority): kept
    /// only when it merges with an event reported otherwise.
    pub weak: bool,
    /// "also" stands in the trigger's verb group ("Baidu was also fined"): the action adds to
    /// one reported before, so it does not complete that one's missing party.
    pub also: bool,
}

/// Everything the analysis of one sentence needs.
pub struct Sentence<'a> {
    /// The whole body text.
    pub text: &'a str,
    /// The sentence span.
    pub span: (usize, usize),
    /// Catalogue, descriptor, jurisdiction and trigger hits within the sentence.
    pub hits: &'a [Hit<'a>],
    /// Time expressions (offsets relative to the body text).
    pub times: Vec<TimeExpr>,
    /// Amounts (offsets relative to the body text).
    pub money: Vec<MoneyExpr>,
    /// Whether the sentence is a headline.
    pub headline: bool,
    /// Whether the sentence ends without a terminal mark, as a headline or a title line inside
    /// a document does (an RSS item's description after its title).
    pub unterminated: bool,
    /// Whether capitalisation carries meaning (false for Chinese).
    pub latin: bool,
    /// Catalogue id -> the actor's descriptors, folded (built once per extractor).
    pub descriptors: &'a HashMap<String, Vec<String>>,
    /// Catalogue index -> the actor as mentions carry it (built once per extractor).
    pub actors: &'a [(Arc<RawActor>, Arc<str>)],
}

fn tokenize(text: &str, (from, to): (usize, usize)) -> Vec<Tok> {
    // about one token per five bytes of prose
    let mut toks = Vec::with_capacity((to - from) / 5 + 4);
    let s = &text[from..to];
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let start = from + i;
        let width = c.len_utf8();
        if c.is_whitespace() {
            i += width;
            continue;
        }
        if matches!(c, '\'' | '’') {
            // possessive 's / s' and n't
            let next = char_at(s, i + width);
            let after = next.and_then(|n| char_at(s, i + width + n.len_utf8()));
            if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                i += width + 1;
                toks.push(Tok {
                    start,
                    end: start + width + 1,
                    kind: Kind::Poss,
                });
                continue;
            }
            if matches!(next, Some('t')) && !after.is_some_and(char::is_alphanumeric) {
                i += width + 1;
                toks.push(Tok {
                    start,
                    end: start + width + 1,
                    kind: Kind::Neg,
                });
                continue;
            }
            let prev_word = toks
                .last()
                .is_some_and(|t| t.end == start && t.kind == Kind::Word);
            i += width;
            if prev_word
                && next.is_none_or(|n| !n.is_alphanumeric())
                && text[..start].ends_with('s')
            {
                toks.push(Tok {
                    start,
                    end: start + width,
                    kind: Kind::Poss,
                });
                continue;
            }
            toks.push(Tok {
                start,
                end: start + width,
                kind: Kind::Punct(c),
            });
            continue;
        }
        if is_wordy(c) {
            let digit = c.is_ascii_digit();
            let mut end = i + width;
            loop {
                // the rest of an ASCII run joins at once
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some(d) = char_at(s, end) else {
                    break;
                };
                let j = end;
                let joins = is_wordy(d)
                    || (matches!(d, '-' | '.' | ',') && {
                        let next = char_at(s, j + d.len_utf8());
                        let prev = s[..j].chars().next_back();
                        match d {
                            '-' => next.is_some_and(char::is_alphanumeric),
                            '.' => {
                                next.is_some_and(is_wordy)
                                    && (digit || prev.is_some_and(char::is_uppercase))
                            }
                            _ => digit && next.is_some_and(|n| n.is_ascii_digit()),
                        }
                    });
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
            }
            i = end;
            let kind = if digit { Kind::Num } else { Kind::Word };
            toks.push(Tok {
                start,
                end: from + end,
                kind,
            });
            continue;
        }
        i += width;
        if is_cjk(c) {
            toks.push(Tok {
                start,
                end: start + width,
                kind: Kind::Word,
            });
            continue;
        }
        // "&amp;", as scraped tables write an ampersand: one '&' token, so that its ';' does
        // not end a clause
        if c == '&' && s[start - from..].starts_with("&amp;") {
            i += 4;
            toks.push(Tok {
                start,
                end: start + 5,
                kind: Kind::Punct('&'),
            });
            continue;
        }
        toks.push(Tok {
            start,
            end: start + width,
            kind: Kind::Punct(c),
        });
    }
    toks
}

struct Ctx<'s, 'a> {
    s: &'s Sentence<'a>,
    resolver: &'s Resolver,
    toks: Vec<Tok>,
    mentions: Vec<Mention>,
    /// Token index -> mention index.
    owner: Vec<Option<usize>>,
    /// Token is covered by a time or money expression or a jurisdiction word.
    covered: Vec<bool>,
    /// Token index -> jurisdiction code of a jurisdiction word.
    jurisdiction: Vec<Option<&'a str>>,
    /// The trigger words of the sentence: first token, end token, action, form.
    triggers: Vec<(usize, usize, ActionKind, Form)>,
    /// Token index -> the lexicon tables the token's word belongs to; 0 for a token that is
    /// not a word (`Ctx::is` relies on it).
    classes: Vec<u64>,
}

impl<'s, 'a> Ctx<'s, 'a> {
    /// Whether token `t` lies inside one of the sentence's amounts ("$", "50", "million").
    fn in_amount(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|tok| {
            self.s
                .money
                .iter()
                .any(|m| m.start <= tok.start && tok.end <= m.end)
        })
    }

    /// The sentence tokenized, each word with its lexicon classes, and no mention yet.
    fn new(s: &'s Sentence<'a>, resolver: &'s Resolver) -> Self {
        let toks = tokenize(s.text, s.span);
        let n = toks.len();
        let classes: Vec<u64> = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Word | Kind::Neg => lexicon::word_classes(&s.text[t.start..t.end]),
                _ => 0,
            })
            .collect();
        Ctx {
            s,
            resolver,
            toks,
            mentions: Vec::new(),
            owner: vec![None; n],
            covered: vec![false; n],
            jurisdiction: vec![None; n],
            triggers: Vec::new(),
            classes,
        }
    }

    fn word(&self, t: usize) -> &'a str {
        self.toks
            .get(t)
            .map_or("", |tok| &self.s.text[tok.start..tok.end])
    }

    fn is(&self, t: usize, table: impl WordSet) -> bool {
        let Some(&classes) = self.classes.get(t) else {
            return false;
        };
        // only word tokens have classes (`Ctx::new`): a table decides by them alone
        if let Some(held) = table.by_classes(classes) {
            return held;
        }
        self.toks.get(t).is_some_and(|tok| {
            matches!(tok.kind, Kind::Word | Kind::Neg)
                && table.has_length(tok.end - tok.start)
                && table.has_word(&self.s.text[tok.start..tok.end])
        })
    }

    fn punct(&self, t: usize) -> Option<char> {
        match self.toks.get(t)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_capitalised(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|tok| {
            tok.kind == Kind::Word && self.first_char(tok).is_some_and(char::is_uppercase)
        })
    }

    fn is_lower_word(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|tok| {
            tok.kind == Kind::Word && self.first_char(tok).is_some_and(char::is_lowercase)
        })
    }

    /// The first character of a token: an ASCII one read from its byte, without slicing the
    /// token's text out first.
    fn first_char(&self, tok: &Tok) -> Option<char> {
        if tok.start >= tok.end {
            return None;
        }
        char_at(self.s.text, tok.start)
    }

    /// Whether token `t` opens the sentence (possibly after an opening quote or bracket), or a
    /// timeline's entry after its date and colon ("November 2020: Regulators suspended ..."),
    /// where a capital says nothing of a name.
    fn at_start(&self, t: usize) -> bool {
        t == 0
            || (t == 1 && matches!(self.toks[0].kind, Kind::Punct(_)))
            || t >= 2 && self.punct(t - 1) == Some(':') && (0..t - 1).all(|q| self.covered[q])
    }

    fn tok_index(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.end <= byte)
    }

    fn tok_range(&self, start: usize, end: usize) -> (usize, usize) {
        let t0 = self.tok_index(start);
        let t1 = self.toks.partition_point(|t| t.start < end);
        (t0, t1.max(t0 + 1).min(self.toks.len().max(t0 + 1)))
    }

    fn add_mention(&mut self, mention: Mention) -> usize {
        let index = self.mentions.len();
        for t in mention.t0..mention.t1.min(self.owner.len()) {
            self.owner[t] = Some(index);
        }
        self.mentions.push(mention);
        index
    }

    /// The mention that owns token `t`, if it is not a mere modifier.
    fn mention_at(&self, t: usize) -> Option<usize> {
        self.owner
            .get(t)
            .copied()
            .flatten()
            .filter(|&m| !self.mentions[m].modifier)
    }

    /// Whether a lower-case word looks like a finite verb or a participle ("co-founded"): used
    /// to keep a time expression with its own verb.
    fn is_other_verb(&self, t: usize) -> bool {
        if !self.is_lower_word(t) || self.covered[t] {
            return false;
        }
        let w = self.word(t);
        w.len() > 4 && w.ends_with("ed") && !self.is(t, lexicon::ADVERBS)
    }
}

fn role_of_kind(kind: docket_core::ActorKind) -> Role {
    use docket_core::ActorKind as K;
    match kind {
        K::Regulator | K::Court | K::Government | K::Official | K::Media => Role::Authority,
        K::Person => Role::Person,
        K::Company | K::Other => Role::Company,
    }
}

fn catalogue_mention(
    ctx: &Ctx<'_, '_>,
    index: usize,
    start: usize,
    end: usize,
    t0: usize,
    t1: usize,
) -> Option<Mention> {
    let actor = ctx.resolver.catalogue().actors.get(index)?;
    let (raw, key) = ctx.s.actors.get(index)?;
    Some(Mention {
        start,
        end,
        t0,
        t1,
        role: role_of_kind(actor.kind),
        actor: Arc::clone(raw),
        key: Arc::clone(key),
        modifier: false,
        coref: false,
    })
}

/// "Enel Energia", "Microsoft Ireland Operations Limited": capitalised words right after a
/// catalogue company's name (no title, office, role word or other known name among them) name
/// a unit of that company, which becomes its parent. A place word must not end the run ("Meta
/// Ireland" stays Meta); a legal form after the run belongs to it.
fn with_unit_name(ctx: &Ctx<'_, '_>, mention: Mention) -> Mention {
    let n = ctx.toks.len();
    // (the place words after the mention are not read yet: their hits tell them)
    let place_at = |t: usize| {
        ctx.jurisdiction[t].is_some()
            || ctx
                .s
                .hits
                .iter()
                .any(|h| h.start == ctx.toks[t].start && h.jurisdiction().is_some())
    };
    let unit_word = |t: usize| {
        ctx.owner[t].is_none()
            && !ctx.covered[t]
            && ctx.toks[t].kind == Kind::Word
            && name_word(ctx, t)
            && !is_legal_suffix(ctx.word(t))
            && !ctx.is(t, TITLES)
            && !ctx.is(t, lexicon::OFFICE_TITLES)
            && !ctx.is(t, lexicon::PERSON_CUES)
            && !ctx.is(t, lexicon::NOT_NAMES)
            // (a place inside the unit's name: "Amazon France Logistique"; one at its end is
            // dropped below: "Google Ireland")
            && (place_at(t) || !ctx.s.hits.iter().any(|h| h.start == ctx.toks[t].start))
    };
    let mut end = mention.t1;
    while end < n && unit_word(end) {
        end += 1;
    }
    while end > mention.t1 && place_at(end - 1) {
        end -= 1;
    }
    if end == mention.t1 {
        return mention;
    }
    let end = after_legal_forms(ctx, end);
    let stop = ctx.toks[end - 1].end;
    let name = ctx.s.text[mention.start..stop].to_string();
    let key = unknown_key(&name);
    let actor = RawActor {
        name,
        id_hint: None,
        parent_hint: mention.actor.id_hint.clone(),
        kind_hint: None,
    };
    Mention {
        end: stop,
        t1: end,
        actor: Arc::new(actor),
        key,
        ..mention
    }
}

/// The catalogue actors as mentions carry them (built once per extractor, shared by every
/// mention): the raw actor with its id, and the id as a key.
pub fn catalogue_actors(resolver: &Resolver) -> Vec<(Arc<RawActor>, Arc<str>)> {
    resolver
        .catalogue()
        .actors
        .iter()
        .map(|actor| {
            let raw = RawActor {
                name: actor.name.clone(),
                id_hint: Some(actor.id.clone()),
                parent_hint: None,
                kind_hint: None,
            };
            (Arc::new(raw), Arc::from(actor.id.as_str()))
        })
        .collect()
}

/// An official who holds an office of the catalogue acts as that office ("Mr Spitzer" sues as
/// the New York attorney general): the annotation convention names offices, not holders.
fn as_actor(resolver: &Resolver, m: Mention) -> Mention {
    let office = m
        .actor
        .id_hint
        .as_deref()
        .and_then(|id| resolver.get(id))
        .filter(|a| a.kind == docket_core::ActorKind::Official)
        .and_then(|a| a.parent.as_deref())
        .and_then(|p| resolver.get(p))
        .filter(|p| role_of_kind(p.kind) == Role::Authority);
    match office {
        Some(office) => Mention {
            actor: Arc::new(RawActor {
                name: office.name.clone(),
                id_hint: Some(office.id.clone()),
                parent_hint: None,
                kind_hint: None,
            }),
            key: office.id.as_str().into(),
            ..m
        },
        None => m,
    }
}

/// The most recent authority of the document whose catalogue entry has `descriptor`, or whose
/// name ends in `head` ("the agency" after "State Environmental Protection Agency").
fn recent_authority(
    descriptors: &HashMap<String, Vec<String>>,
    memory: &Memory,
    descriptor: Option<&str>,
    head: Option<&str>,
) -> Option<Mention> {
    memory.authorities.iter().rev().find_map(|a| {
        let by_descriptor = descriptor.is_some_and(|d| {
            a.actor
                .id_hint
                .as_deref()
                .and_then(|id| descriptors.get(id))
                .is_some_and(|list| list.iter().any(|x| x == d))
        });
        let by_head = head.is_some_and(|h| a.head_word().eq_ignore_ascii_case(h));
        (by_descriptor || by_head).then(|| Mention {
            coref: true,
            ..a.clone()
        })
    })
}

/// Last words of descriptors that name a regulator's kind ("central bank", "securities
/// watchdog"): such a descriptor that nothing resolves still names an authority.
/// ("authority" is left out: the GDPR tracker's summaries write "the data protection
/// authority" of a country they do not name, and such a sentence seldom names the party.)
const REGULATOR_HEADS: [&str; 5] = ["regulator", "watchdog", "bank", "planner", "censors"];

/// Heads of a body that a country's possessive names ("Indonesia's communications ministry",
/// "Turkey's personal data protection authority").
const COUNTRY_BODY_HEADS: [&str; 12] = [
    "regulator",
    "watchdog",
    "authority",
    "agency",
    "commission",
    "ministry",
    "board",
    "body",
    "bureau",
    "office",
    "department",
    "supervisor",
];

/// Where the name of a country's body ending at the head word `head` begins: the country, then
/// "'s", then one to three lower-case qualifiers ("Indonesia's communications ministry").
fn country_body_start(ctx: &Ctx<'_, '_>, head: usize) -> Option<usize> {
    if !ctx.is_lower_word(head) || !ctx.is(head, &COUNTRY_BODY_HEADS) {
        return None;
    }
    let qualifier =
        |q: usize| lower_qualifier(ctx, q) && !ctx.covered[q] && !ctx.is(q, lexicon::BE_FORMS);
    country_before_qualifiers(ctx, head, 3, qualifier).filter(|_| ctx.owner[head].is_none())
}

/// Whether the word at `q` may qualify a body's head: a free lower-case word, no clause stop,
/// no determiner.
fn lower_qualifier(ctx: &Ctx<'_, '_>, q: usize) -> bool {
    ctx.is_lower_word(q)
        && ctx.owner[q].is_none()
        && !ctx.is(q, lexicon::CLAUSE_STOPS)
        && !ctx.is(q, lexicon::DETERMINERS)
}

/// The country's token, when one to `most` qualifiers (as `qualifier` tells) end right before
/// token `end` and a country's possessive stands before them ("Indonesia's communications |
/// ministry").
fn country_before_qualifiers(
    ctx: &Ctx<'_, '_>,
    end: usize,
    most: usize,
    qualifier: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut first = end;
    while first > 0 && end - first < most && qualifier(first - 1) {
        first -= 1;
    }
    let possessive = first.checked_sub(1)?;
    let country = possessive.checked_sub(1)?;
    (first < end
        && ctx.toks[possessive].kind == Kind::Poss
        && ctx.jurisdiction[country].is_some()
        && ctx.owner[country].is_none())
    .then_some(country)
}

/// Finds the mentions of a sentence and updates the document memory.
fn find_mentions(ctx: &mut Ctx<'_, '_>, memory: &mut Memory, light: bool) {
    let s = ctx.s;
    // times and money cover their tokens
    for (start, end) in s
        .times
        .iter()
        .map(|t| (t.start, t.end))
        .chain(s.money.iter().map(|m| (m.start, m.end)))
    {
        let (t0, t1) = ctx.tok_range(start, end);
        for t in t0..t1.min(ctx.covered.len()) {
            ctx.covered[t] = true;
        }
    }
    // catalogue names, descriptors and jurisdiction words
    // the jurisdiction word or phrase before the current hit: its last token, its code, its
    // first token ("South African": the name of a body it qualifies starts at "South")
    let mut pending_jurisdiction: Option<(usize, String, usize)> = None;
    for hit in s.hits {
        let (t0, t1) = ctx.tok_range(hit.start, hit.end);
        let names: Vec<usize> = hit.names().collect();
        let capital_start = s.text[hit.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        // "Alibaba-backed Suning", "Tencent-owned Sogou": a name that is the first part of a
        // hyphenated adjective describes another party and is no party itself
        let adjective = adjective_suffix_at(s.text, hit.end);
        // ("$3M", "USD 3M": a name inside an amount is part of the amount, not 3M)
        let in_amount = || (t0..t1).any(|t| ctx.in_amount(t));
        if !names.is_empty()
            && (hit.trigger().is_none() || capital_start)
            && !adjective
            && !in_amount()
        {
            let chosen = if names.len() == 1 {
                Some(names[0])
            } else {
                let dominant = memory.dominant.as_deref();
                let matching: Vec<usize> = names
                    .iter()
                    .copied()
                    .filter(|&i| {
                        ctx.resolver
                            .catalogue()
                            .actors
                            .get(i)
                            .and_then(|a| a.jurisdiction.as_deref())
                            == dominant
                    })
                    .collect();
                (matching.len() == 1).then(|| matching[0])
            };
            // "India's Competition Commission": a name of another country's body (the UK's
            // former Competition Commission) that is also a descriptor is read as the
            // descriptor of the country named right before it
            let chosen = chosen.filter(|&index| {
                let Some((pt, code, _)) = &pending_jurisdiction else {
                    return true;
                };
                let right_before = (*pt + 1..t0)
                    .all(|t| matches!(ctx.toks[t].kind, Kind::Poss) || ctx.is(t, &["the"]));
                let elsewhere = ctx
                    .resolver
                    .catalogue()
                    .actors
                    .get(index)
                    .is_some_and(|a| a.jurisdiction.as_deref() != Some(code.as_str()));
                // (with no such body of that country, the descriptor is read as written, with
                // its country: "the Swiss Competition Commission" is no UK body either)
                // ("Kenya's Office of the Data Protection Commissioner": after another country's
                // possessive, an authority's name is no name of that other country's body)
                let possessive = (*pt + 1..t0).any(|t| ctx.toks[t].kind == Kind::Poss);
                let authority = ctx
                    .resolver
                    .catalogue()
                    .actors
                    .get(index)
                    .is_some_and(|a| role_of_kind(a.kind) == Role::Authority);
                !(right_before
                    && elsewhere
                    && (hit.descriptor().is_some() || possessive && authority))
            });
            if let Some(index) = chosen {
                // "State Environmental Protection Agency": an authority's catalogue name inside
                // a longer capitalised name is another body's name (the whole run is read as an
                // unknown name below)
                let inside_longer = t0 > 0
                    && ctx.owner[t0 - 1].is_none()
                    && !ctx.covered[t0 - 1]
                    && ctx.is_capitalised(t0 - 1)
                    && !ctx.at_start(t0 - 1)
                    && !ctx.is(t0 - 1, lexicon::NOT_NAMES)
                    && !ctx.is(t0 - 1, TITLES)
                    && ctx
                        .resolver
                        .catalogue()
                        .actors
                        .get(index)
                        .is_some_and(|a| role_of_kind(a.kind) == Role::Authority);
                let found = if inside_longer {
                    None
                } else {
                    catalogue_mention(ctx, index, hit.start, hit.end, t0, t1)
                };
                if let Some(mut mention) = found {
                    // "Baidu Inc", "Vodafone España, S.A.U.": absorb a following legal suffix
                    let end = after_legal_forms(ctx, mention.t1);
                    if end > mention.t1 {
                        mention.end = ctx.toks[end - 1].end;
                        mention.t1 = end;
                    }
                    // "Enel Energia", "Microsoft Ireland Operations Limited": a company's unit
                    if mention.role == Role::Company && !s.headline {
                        mention = with_unit_name(ctx, mention);
                    }
                    // "the US Securities and Exchange Commission": a jurisdiction word before an
                    // authority's name belongs to the mention
                    if let Some((jt, _, first)) = &pending_jurisdiction {
                        if *jt + 1 == t0 && mention.role == Role::Authority {
                            mention.start = ctx.toks[*first].start;
                            mention.t0 = *first;
                        }
                    }
                    ctx.add_mention(mention);
                    // "China's market regulator": a name that is also a jurisdiction word may
                    // qualify a descriptor that follows
                    pending_jurisdiction = hit
                        .jurisdiction()
                        .map(|code| (t1.saturating_sub(1), code.to_string(), t0));
                    continue;
                }
            }
        }
        // "WorldCom chief executive Bernie Ebbers": a person's role, not the EU's executive
        // ("Raytheon executive Mark Smith": "executive" before a name is a person's role, not
        // the Commission, which the descriptor names as "the EU's executive")
        let role_of_a_person = t0 > 0 && ctx.is(t0 - 1, &["chief"])
            || t1 == t0 + 1 && ctx.is(t0, &["executive"]) && ctx.is_capitalised(t1);
        // "The Paris Court of Appeal", "the Brussels Court of Appeal": a place's name right
        // before a capitalised descriptor names a body of that place, as written (not the
        // English Court of Appeal; "Brussels" there is no metonym of the Commission)
        // (a court's descriptor only, and not in a line in title case, where every word has a
        // capital: "SEC Obtains Final Judgment Against Aveo Pharmaceuticals Executive")
        let court_descriptor = || {
            s.text[hit.start..hit.end]
                .split(' ')
                .any(|w| matches!(w, "Court" | "Tribunal"))
        };
        if hit.descriptor().is_some()
            && !role_of_a_person
            && capital_start
            && t0 > 0
            && court_descriptor()
            && !((s.headline || s.unterminated) && title_case(ctx))
        {
            let p = t0 - 1;
            let metonym = ctx.owner[p].filter(|&m| {
                ctx.mentions[m].t0 == p
                    && ctx.mentions[m].t1 == t0
                    && ctx.mentions[m].role == Role::Authority
            });
            let place = bare_capitalised_word(ctx, p)
                && !ctx.at_start(p)
                && !ctx.is(p, TITLES)
                && (ctx.owner[p].is_none() || metonym.is_some());
            if place {
                if let Some(m) = metonym {
                    ctx.mentions[m].modifier = true;
                }
                add_named_authority(ctx, p, t1);
                pending_jurisdiction = None;
                continue;
            }
        }
        if let Some(descriptor) = hit.descriptor().filter(|_| !role_of_a_person) {
            // jurisdiction: the word right before (skipping "the", "'s", stray punctuation)
            let mut jt = None;
            if let Some((pt, code, first)) = &pending_jurisdiction {
                // ("Turkey's personal data protection authority": up to two lower-case
                // qualifiers after the possessive)
                let qualifiers = (*pt + 1..t0)
                    .filter(|&t| {
                        ctx.is_lower_word(t) && !ctx.is(t, &["the", "state", "federal", "national"])
                    })
                    .count();
                let between_ok = qualifiers <= 2
                    && (*pt + 1..t0).all(|t| {
                        matches!(ctx.toks[t].kind, Kind::Poss | Kind::Punct('.'))
                            || ctx.is(t, &["the", "state", "federal", "national"])
                            || ctx.is_lower_word(t)
                                && ctx.owner[t].is_none()
                                && !ctx.is(t, lexicon::CLAUSE_STOPS)
                                && !ctx.is(t, lexicon::DETERMINERS)
                                && (*pt + 1..t).any(|q| ctx.toks[q].kind == Kind::Poss)
                    });
                if between_ok {
                    jt = Some((*first, code.clone()));
                }
            }
            let explicit = jt.as_ref().map(|(_, c)| c.as_str());
            // "by the media watchdog, Reporters Without Borders": a name in apposition says who
            // is meant, not the document's jurisdiction (nor its latest authority)
            let named_after = t1 + 1 < ctx.toks.len()
                && ctx.punct(t1) == Some(',')
                && ctx.is_capitalised(t1 + 1)
                && !ctx.is(t1 + 1, lexicon::DETERMINERS);
            let found = match explicit {
                Some(code) => ctx.resolver.resolve_descriptor(descriptor, Some(code)),
                None if named_after => None,
                None => match memory.dominant.as_deref() {
                    Some(code) => ctx.resolver.resolve_descriptor(descriptor, Some(code)),
                    None => ctx.resolver.resolve_descriptor(descriptor, None),
                },
            };
            let index = found.and_then(|actor| {
                ctx.resolver
                    .catalogue()
                    .actors
                    .iter()
                    .position(|a| a.id == actor.id)
            });
            let mut mention =
                index.and_then(|i| catalogue_mention(ctx, i, hit.start, hit.end, t0, t1));
            // "the attorney general" with no jurisdiction that decides: the authority of the
            // document that fits the descriptor
            if mention.is_none() && explicit.is_none() && !named_after {
                mention =
                    recent_authority(ctx.s.descriptors, memory, Some(descriptor), None).map(|m| {
                        Mention {
                            start: hit.start,
                            end: hit.end,
                            t0,
                            t1,
                            ..m
                        }
                    });
            }
            if let Some(mut mention) = mention {
                if let Some((pt, _)) = jt {
                    mention.start = ctx.toks[pt].start;
                    mention.t0 = pt;
                    if let Some(owner) = ctx.owner[pt] {
                        ctx.mentions[owner].modifier = true;
                    }
                }
                ctx.add_mention(mention);
                pending_jurisdiction = None;
                continue;
            }
            // "The central bank fined Acme Corp", with no jurisdiction that decides and no
            // such authority before: the descriptor names an authority nobody resolved, kept
            // as written (not for a descriptor that is a capitalised name, "State Council")
            // (only a descriptor of a regulator's kind: not "government", "executive", "news
            // agency", which often name no one in particular)
            let head_in = |heads: &[&str]| {
                s.text[hit.start..hit.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|head| heads.iter().any(|h| h.eq_ignore_ascii_case(head)))
            };
            let regulator_kind = || head_in(&REGULATOR_HEADS);
            if explicit.is_none()
                && !named_after
                && hit.names().next().is_none()
                && regulator_kind()
                && s.text[hit.start..].starts_with(char::is_lowercase)
                && (t0..t1).all(|t| ctx.owner[t].is_none())
            {
                // ("Shanghai's market regulator": a place's possessive before it stays in the
                // name, so that one city's regulator is not every unnamed market regulator)
                let place_possessor = t0 >= 2
                    && ctx.toks[t0 - 1].kind == Kind::Poss
                    && bare_capitalised_word(ctx, t0 - 2)
                    && ctx.owner[t0 - 2].is_none();
                let from = if place_possessor { t0 - 2 } else { t0 };
                add_named_authority(ctx, from, t1);
                pending_jurisdiction = None;
                continue;
            }
            // "Mexico's antitrust regulator": a country's body the catalogue does not hold (or
            // holds more than once) is kept as written, with its country
            let body_head = || head_in(&COUNTRY_BODY_HEADS);
            // (not before a name in apposition: "the US financial watchdog, the Securities and
            // Exchange Commission")
            let apposition = ctx.punct(t1) == Some(',')
                && (ctx.is_capitalised(t1 + 1)
                    || ctx.is(t1 + 1, &["the"]) && ctx.is_capitalised(t1 + 2));
            // ("Brazil's Supreme Court": a court's capitalised descriptor too, whose country
            // has no such court in the catalogue)
            let court = || head_in(&["court", "tribunal"]);
            if let Some((pt, _)) = jt.as_ref().filter(|_| {
                !apposition
                    && (regulator_kind() || body_head() || court())
                    && (s.text[hit.start..].starts_with(char::is_lowercase) || court())
                    && (t0..t1).all(|t| ctx.owner[t].is_none())
            }) {
                let pt = *pt;
                if let Some(owner) = ctx.owner[pt] {
                    ctx.mentions[owner].modifier = true;
                }
                add_named_authority(ctx, pt, t1);
                pending_jurisdiction = None;
                continue;
            }
        }
        if let Some(code) = hit.jurisdiction() {
            for t in t0..t1.min(ctx.covered.len()) {
                ctx.covered[t] = true;
                ctx.jurisdiction[t] = Some(code);
            }
            pending_jurisdiction = Some((t1.saturating_sub(1), code.to_string(), t0));
            continue;
        }
        // ("appeal" is only a cue for `verdicts_on_object`, and a word of names: "the Court of
        // Appeal")
        if hit.trigger().is_some() && !(t1 == t0 + 1 && ctx.is(t0, &["appeal", "appeals"])) {
            for t in t0..t1.min(ctx.covered.len()) {
                ctx.covered[t] = true;
            }
        }
    }
    find_authority_phrases(ctx, memory);
    if s.latin {
        find_unknown_names(ctx, memory);
    }
    find_possessives(ctx);
    // a sentence only observed needs its names, not its references to earlier ones
    if !light {
        find_generic_references(ctx, memory);
        find_pronouns(ctx, memory);
    }
    mark_person_modifiers(ctx);
    memory.opening = ctx
        .mention_at(0)
        .filter(|&m| ctx.mentions[m].role != Role::Authority && ctx.mentions[m].t0 == 0)
        .map(|m| ctx.mentions[m].clone());
    memory.it_authority = memory
        .last_authority
        .clone()
        .filter(|_| memory.authority_last)
        .filter(|_| {
            memory
                .authority_seen
                .is_some_and(|s| s + 1 >= memory.sentence)
        });
    memory.it_subject = memory
        .opening_authority
        .as_ref()
        .filter(|(n, _)| n + 1 == memory.sentence)
        .map(|(_, m)| m.clone());
    // (also after a time phrase that opens the sentence: "On July 2, 2021, the Cyberspace
    // Administration of China announced ...", "A month later, the SAMR opened ...")
    let mut first = 0;
    while first < ctx.toks.len().min(10)
        && ctx.owner[first].is_none()
        && opening_time_token(ctx, first)
    {
        first += 1;
    }
    let opening = ctx.mention_at(first).filter(|&m| {
        let mention = &ctx.mentions[m];
        mention.role == Role::Authority && !mention.coref && mention.t0 == first
    });
    if let Some(m) = opening {
        memory.opening_authority = Some((memory.sentence, ctx.mentions[m].clone()));
    }
    update_memory(ctx, memory);
}

/// "A former FBI agent", "the Secret Service agent", "FBI man Jeffrey Royer": an authority
/// before a singular person noun only describes that person.
fn mark_person_modifiers(ctx: &mut Ctx<'_, '_>) {
    const PERSON_NOUNS: &[&str] = &[
        "agent",
        "man",
        "woman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "employee",
        "officer",
        "lawyer",
        "director",
        "boss",
        "chairman",
        "adviser",
        "aide",
        "source",
        "investigator",
        "inspector",
    ];
    for i in 0..ctx.mentions.len() {
        let t1 = ctx.mentions[i].t1;
        // ("SEC Chairman Gary Gensler charged Acme Corp": the head of the authority, named,
        // acts for it; its spokesman or an official does not)
        let head_named = ctx.is(t1, &["chairman", "chair", "chairwoman", "director"])
            && ctx.mention_at(t1 + 1).is_some_and(|m| {
                ctx.mentions[m].t0 == t1 + 1 && ctx.mentions[m].role == Role::Person
            });
        if ctx.mentions[i].role == Role::Authority && ctx.is(t1, PERSON_NOUNS) && !head_named {
            ctx.mentions[i].modifier = true;
        }
        // "Tesla chief executive Elon Musk", "WorldCom boss Bernie Ebbers": a company before
        // a person's title and name is the person's employer; the person is meant
        if ctx.mentions[i].role == Role::Company && titled_person_after(ctx, t1) {
            ctx.mentions[i].modifier = true;
        }
        // "Apple supplier Foxconn", "Alibaba rival JD.com", "Facebook parent Meta Platforms":
        // a company before a noun of its relation to the name after it only describes that
        // name, which is meant
        let related_after = ctx.is(t1, &RELATION_NOUNS)
            && ctx.mention_at(t1 + 1).is_some_and(|m| {
                ctx.mentions[m].t0 == t1 + 1 && ctx.mentions[m].role != Role::Authority
            });
        if ctx.mentions[i].role == Role::Company && related_after {
            ctx.mentions[i].modifier = true;
        }
    }
}

/// Whether a person's title ("chief executive", "boss", "CEO", "chief financial officer") at
/// `t` is followed by that person's name.
fn titled_person_after(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let title_word = |q: usize| {
        ctx.is(q, lexicon::PERSON_CUES)
            || ctx.is(q, &["financial", "operating", "technology", "co-founder"])
            || matches!(ctx.word(q), "CEO" | "CFO" | "COO" | "CTO")
    };
    // ("Didi chairman and chief executive Cheng Wei": two titles joined by "and")
    let mut q = t;
    while q < ctx.toks.len()
        && q < t + 6
        && (title_word(q) || q > t && ctx.is(q, &["and"]) && title_word(q + 1))
        && ctx.owner[q].is_none()
    {
        q += 1;
    }
    // (the text may end with the title: "... Acme Corp chief executive")
    q > t
        && ctx
            .owner
            .get(q)
            .copied()
            .flatten()
            .is_some_and(|m| ctx.mentions[m].role == Role::Person && ctx.mentions[m].t0 == q)
}

/// The sectors of the catalogue that a phrase of adjectives names ("Chinese ride-hailing" ->
/// "ride-hailing"; "food delivery"): its runs of one to three words, in lower case.
fn sector_words(resolver: &Resolver, phrase: &str) -> Vec<String> {
    let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    let mut found = Vec::new();
    for len in 1..=3.min(words.len()) {
        for run in words.windows(len) {
            let candidate = run.join(" ");
            if resolver.is_sector(&candidate) {
                found.push(candidate);
            }
        }
    }
    found
}

/// Removes a mention (absorbed into a longer one) and rebuilds the token owners.
fn remove_mention(ctx: &mut Ctx<'_, '_>, i: usize) {
    ctx.mentions.remove(i);
    for o in ctx.owner.iter_mut() {
        *o = None;
    }
    for (m, mention) in ctx.mentions.iter().enumerate() {
        for t in mention.t0..mention.t1.min(ctx.owner.len()) {
            ctx.owner[t] = Some(m);
        }
    }
}

/// Records the sentence's mentions in the document memory, in text order.
fn update_memory(ctx: &Ctx<'_, '_>, memory: &mut Memory) {
    let mut order: Vec<usize> = (0..ctx.mentions.len()).collect();
    order.sort_by_key(|&i| ctx.mentions[i].t0);
    let mut list: Vec<usize> = Vec::new();
    let mut best_list: Vec<usize> = Vec::new();
    for &i in &order {
        let m = &ctx.mentions[i];
        if m.modifier && m.role != Role::Authority {
            // "Augusto Pinochet's regime": the possessor still gives its short names
            if !m.coref {
                register_aliases(ctx, m, memory);
            }
            continue;
        }
        match m.role {
            Role::Authority => memory.push_authority(m),
            Role::Company => {
                memory.push_company(m);
                let text = &ctx.s.text[m.start..m.end];
                let words = text.split_whitespace().count();
                let organisation = text.split_whitespace().any(is_organisation_word);
                if m.actor.id_hint.is_none() && !m.coref && words >= 2 && !organisation {
                    memory.last_named = Some(m.clone());
                }
            }
            Role::Person => {
                memory.last_person = Some(m.clone());
                memory.authority_last = false;
            }
        }
        if !m.coref {
            register_aliases(ctx, m, memory);
        }
        // lists of targets joined by commas and "and"
        if m.role != Role::Authority {
            let joined = list.last().is_some_and(|&p| {
                let end = ctx.mentions[p].t1;
                end <= m.t0
                    && (end..m.t0).all(|t| {
                        matches!(ctx.punct(t), Some(','))
                            || ctx.is(t, &["and", "or"])
                            || ctx.jurisdiction[t].is_some()
                            || ctx.covered[t]
                    })
            });
            if !joined {
                if list.len() > best_list.len() {
                    best_list = std::mem::take(&mut list);
                }
                list.clear();
            }
            list.push(i);
        }
    }
    if list.len() > best_list.len() {
        best_list = list;
    }
    if best_list.len() >= 2 {
        memory.last_list = best_list.iter().map(|&i| ctx.mentions[i].clone()).collect();
    }
}

/// The token after the legal forms that follow a name from `t` on, with or without a comma
/// ("Baidu Inc", "Vodafone España, S.A.U."); `t` when none does.
fn after_legal_forms(ctx: &Ctx<'_, '_>, mut t: usize) -> usize {
    loop {
        if t < ctx.toks.len() && is_legal_suffix(ctx.word(t)) {
            t += 1;
        } else if legal_suffix_after_comma(ctx, t) {
            t += 2;
        } else {
            return t;
        }
    }
}

/// Whether a comma at `t` is followed by a legal form that ends the name ("Vodafone España,
/// S.A.U."): nothing that continues a name comes after the form.
fn legal_suffix_after_comma(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    t + 1 < ctx.toks.len()
        && ctx.punct(t) == Some(',')
        && ctx.toks[t + 1].kind == Kind::Word
        && is_legal_suffix(ctx.word(t + 1))
        && !(t + 2 < ctx.toks.len() && ctx.toks[t + 2].kind == Kind::Word && name_word(ctx, t + 2))
}

fn register_aliases(ctx: &Ctx<'_, '_>, m: &Mention, memory: &mut Memory) {
    let official = m
        .actor
        .id_hint
        .as_deref()
        .and_then(|id| ctx.resolver.get(id))
        .is_some_and(|a| a.kind == docket_core::ActorKind::Official);
    if m.role == Role::Authority && !official {
        return;
    }
    let text = &ctx.s.text[m.start..m.end];
    // a name registers its words once per document
    if memory.registered.contains(text) {
        return;
    }
    memory.registered.insert(text.to_string());
    register_alias_words(ctx.resolver, text, m, memory);
}

/// Registers the words of a multi-word company or person name as short names for the rest of
/// the document ("UC" for "UC browser", "Xi" for "Xi Jinping").
pub fn register_alias_words(resolver: &Resolver, text: &str, m: &Mention, memory: &mut Memory) {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        // a name seen alone keeps its meaning: "Yili" is not later the "Yili" of "Inner
        // Mongolia Yili Industrial"
        if let [w] = words.as_slice() {
            if m.actor.id_hint.is_none() && !m.coref {
                memory
                    .aliases
                    .entry((*w).to_string())
                    .or_insert_with(|| (m.actor.clone(), m.role, m.key.clone()));
            }
        }
        return;
    }
    // the folded word for the jurisdiction table, in a buffer kept across the words
    let mut folded = String::new();
    for &w in &words {
        let usable = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().nth(1).is_some()
            && w.chars().all(char::is_alphanumeric)
            && lexicon::word_classes(w)
                & (lexicon::NOT_NAMES.mask()
                    | lexicon::COREF_COMPANY.mask()
                    | lexicon::AUTHORITY_HEADS.mask()
                    | lexicon::PRODUCT_NOUNS.mask()
                    | TITLES.mask())
                == 0
            && !is_legal_suffix(w)
            && resolver
                .jurisdiction_of_word(lower_case_into(w, &mut folded))
                .is_none();
        if usable {
            // a surname overrides the same word seen alone ("Pinochet" in a headline, then
            // "Augusto Pinochet"); other words keep their first meaning
            let surname = words.last() == Some(&w);
            match memory.aliases.get_mut(w) {
                Some(slot) if surname && slot.2.strip_prefix("x:") == Some(&w.to_lowercase()) => {
                    *slot = (m.actor.clone(), m.role, m.key.clone());
                }
                Some(_) => {}
                None => {
                    memory
                        .aliases
                        .insert(w.to_string(), (m.actor.clone(), m.role, m.key.clone()));
                }
            }
        }
    }
}

/// `word` in lower case (as `str::to_lowercase` gives it), written into `buffer`: an ASCII word
/// without a new allocation.
fn lower_case_into<'b>(word: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.push_str(&word.to_lowercase());
    }
    buffer
}

/// "a judge", "a court" acting unnamed (a case of [`find_authority_phrases`]).
const UNNAMED_COURTS: &[&str; 2] = &["judge", "court"];
/// "the government of ..." (a case of [`find_authority_phrases`]).
const GOVERNMENT: &[&str; 1] = &["government"];
/// The first words of "attorney general", "attorneys general" and "grand jury" (a case of
/// [`find_authority_phrases`]).
const TWO_WORD_HEADS: &[&str; 3] = &["attorney", "attorneys", "grand"];

/// The words of the three lists above in one list, for the quick test that passes over most
/// words (one list is one length test, where three were three).
const LISTED_HEADS: &[&str; UNNAMED_COURTS.len() + GOVERNMENT.len() + TWO_WORD_HEADS.len()] = &{
    let mut all = [""; UNNAMED_COURTS.len() + GOVERNMENT.len() + TWO_WORD_HEADS.len()];
    let lists: [&[&str]; 3] = [UNNAMED_COURTS, GOVERNMENT, TWO_WORD_HEADS];
    let (mut n, mut l) = (0, 0);
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            all[n] = lists[l][i];
            n += 1;
            i += 1;
        }
        l += 1;
    }
    all
};

/// Authorities named by a common noun: "a New York court", "Chinese police", "federal agents",
/// "the Clinton administration", "46 states", "authorities in the US", "regulators"; and "the
/// court", "the agency", "the inquiry" for the latest such authority of the document.
fn find_authority_phrases(ctx: &mut Ctx<'_, '_>, memory: &Memory) {
    let n = ctx.toks.len();
    let mut t = 0;
    while t < n {
        if ctx.owner[t].is_some() || ctx.toks[t].kind != Kind::Word {
            t += 1;
            continue;
        }
        // every case below starts from one of these words: most words are none of them
        let head = ctx.is(t, lexicon::BARE_AUTHORITY_NOUNS)
            || ctx.is(t, lexicon::QUALIFIED_AUTHORITY_NOUNS)
            || ctx.is(t, lexicon::COREF_AUTHORITY)
            || ctx.is(t, LISTED_HEADS);
        if !head {
            t += 1;
            continue;
        }
        // "Indonesia's communications ministry", "Vietnam's information ministry": a country's
        // body that the catalogue does not name, by its head and lower-case qualifiers, as
        // written
        if let Some(country) = country_body_start(ctx, t) {
            add_named_authority(ctx, country, t + 1);
            t += 1;
            continue;
        }
        let lower = ctx.is_lower_word(t) || ctx.at_start(t);
        // "a judge has barred", "a court ruled": an unnamed court acts (unless the word is a
        // trigger here; looked up last, since it scans the sentence's hits)
        let trigger_here = || {
            ctx.s
                .hits
                .iter()
                .any(|h| h.start == ctx.toks[t].start && h.trigger().is_some())
        };
        // (not before a place: "a court in Delaware", "a judge in New York" are named below
        // with their place)
        let place_follows = ctx.is(t + 1, &["in"]) && place_word(ctx, t + 2);
        if ctx.is_lower_word(t)
            && ctx.is(t, UNNAMED_COURTS)
            && t > 0
            && ctx.is(t - 1, &["a"])
            && !place_follows
            && !trigger_here()
        {
            let name = ctx.word(t).to_string();
            let key = format!("x:{name}");
            ctx.add_mention(Mention {
                start: ctx.toks[t].start,
                end: ctx.toks[t].end,
                t0: t,
                t1: t + 1,
                role: Role::Authority,
                actor: Arc::new(RawActor::named(name)),
                key: key.into(),
                modifier: false,
                coref: false,
            });
            t += 1;
            continue;
        }
        // "the government of Equatorial Guinea"
        if ctx.is_lower_word(t) && ctx.is(t, GOVERNMENT) && ctx.is(t + 1, &["of"]) {
            let mut end = t + 2;
            while end < n
                && ctx.owner[end].is_none()
                && (name_word(ctx, end) || ctx.jurisdiction[end].is_some())
            {
                end += 1;
            }
            if end > t + 2 {
                add_named_authority(ctx, t, end);
                t = end;
                continue;
            }
        }
        // "US bankruptcy judge Letitia Clark": "judge" before a name is a title; "the US
        // bankruptcy court judge in Texas": the judge of a named court is that court
        if ctx.is(t, &["judge"])
            && (t + 1 < n && name_word(ctx, t + 1) || t > 0 && ctx.owner[t - 1].is_some())
        {
            t += 1;
            continue;
        }
        let bare = ctx.is(t, lexicon::BARE_AUTHORITY_NOUNS);
        let two_words = ctx.is(t, TWO_WORD_HEADS) && ctx.is(t + 1, &["general", "jury"]);
        let qualified = two_words || ctx.is(t, lexicon::QUALIFIED_AUTHORITY_NOUNS);
        if !lower || !(bare || qualified) {
            // "the agency", "the court": the latest authority with that head
            if ctx.is_lower_word(t)
                && t > 0
                && ctx.is(t - 1, &["the"])
                && ctx.is(t, lexicon::COREF_AUTHORITY)
                && !ctx.is(t, &["it", "they", "he", "she", "officials", "government"])
                && !(t + 1 < n && (ctx.is_capitalised(t + 1) || ctx.is(t + 1, &["of"])))
            {
                let head = ctx.word(t).to_lowercase();
                let generic = matches!(head.as_str(), "regulator" | "watchdog" | "authority");
                let found = recent_authority(ctx.s.descriptors, memory, Some(&head), Some(&head))
                    .or_else(|| {
                        generic
                            .then(|| memory.last_authority.clone())
                            .flatten()
                            .map(|m| Mention { coref: true, ..m })
                    });
                if let Some(m) = found {
                    let mention = Mention {
                        start: ctx.toks[t - 1].start,
                        end: ctx.toks[t].end,
                        t0: t - 1,
                        t1: t + 1,
                        ..m
                    };
                    ctx.add_mention(mention);
                }
            }
            t += 1;
            continue;
        }
        let head_end = if two_words { t + 2 } else { t + 1 };
        let head_word = ctx.word(head_end - 1).to_lowercase();
        // ("state attorneys general": the first word of a two-word head is the noun)
        let singular = !head_word.ends_with('s') && !ctx.is(t, &["attorneys"]);
        // qualifiers before the head
        let mut a = t;
        let mut capital = false;
        let mut place = false;
        let officials = ctx.is(head_end - 1, &["officials", "agents"]);
        let mut absorbed_descriptor = None;
        while a > 0 {
            let p = a - 1;
            if let Some(o) = ctx.owner[p] {
                // "central government officials": officials of a body named by a descriptor
                // are named as written
                let m = &ctx.mentions[o];
                let descriptive = ctx.s.text[m.start..m.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                if officials && descriptive && m.t1 == a && absorbed_descriptor.is_none() {
                    absorbed_descriptor = Some(o);
                    capital = true;
                    place = true;
                    a = m.t0;
                    continue;
                }
                break;
            }
            let tok = ctx.toks[p];
            // "China's regulators": a country's possessive right before the head (its
            // qualifiers are read above, by `country_before_qualifiers`)
            if tok.kind == Kind::Poss
                && a == t
                && p > 0
                && ctx.jurisdiction[p - 1].is_some()
                && ctx.owner[p - 1].is_none()
            {
                capital = true;
                place = true;
                a = p - 1;
                break;
            }
            // ("46 states", "40 state attorneys general")
            if tok.kind == Kind::Num && (head_word == "states" || ctx.is(t, &["attorneys"])) {
                capital = true;
                a = p;
                continue;
            }
            // (a jurisdiction written with periods is several tokens: "U.S. prosecutors")
            if ctx.jurisdiction[p].is_some() {
                capital = true;
                place = true;
                a = p;
                continue;
            }
            if tok.kind != Kind::Word {
                break;
            }
            let w = ctx.word(p);
            if ctx.is_capitalised(p)
                && (!ctx.is(p, lexicon::NOT_NAMES) || w == "New" && a < t)
                && !(ctx.at_start(p) && ctx.is(p, lexicon::SENTENCE_OPENERS))
                && !lexicon::ADJECTIVE_SUFFIXES.iter().any(|x| w.ends_with(x))
            {
                capital = true;
                a = p;
                continue;
            }
            if ctx.is_lower_word(p) && ctx.is(p, lexicon::GOVERNMENT_MODIFIERS) {
                a = p;
                continue;
            }
            // "Indonesia's communications ministry", "Vietnam's information ministry": lower-case
            // qualifiers right after a country's possessive
            if let Some(country) =
                country_before_qualifiers(ctx, p + 1, 4, |q| lower_qualifier(ctx, q))
            {
                capital = true;
                place = true;
                a = country;
            }
            break;
        }
        // "officials", "agents": only a jurisdiction or government qualifier makes them
        // officials of an authority ("Chinese officials", "federal agents", not "union
        // officials")
        let needs_government = ctx.is(
            head_end - 1,
            &["officials", "agents", "investigators", "judges"],
        );
        let government = place || (a..t).any(|p| ctx.is(p, lexicon::GOVERNMENT_MODIFIERS));
        let ok = if bare {
            true
        } else if needs_government {
            government
        } else if singular {
            // "a federal grand jury", "a district court": a government adjective qualifies a
            // court or a jury as well as a place does
            capital || government && ctx.is(head_end - 1, &["jury", "court", "judge"])
        } else {
            capital || a < t
        };
        // "a grand jury in Manhattan", "a court in Delaware": a place after the head qualifies a
        // court or a jury that nothing before it qualifies (not a possessor: "the jury in
        // Smith's case"); "the US bankruptcy court in Houston" keeps its name
        let place_after = if !ok
            && singular
            && ctx.is(head_end - 1, &["jury", "court", "judge"])
            && ctx.is(head_end, &["in"])
        {
            let mut e = head_end + 1;
            while e < n && ctx.owner[e].is_none() && place_word(ctx, e) {
                e += 1;
            }
            let possessive = ctx.toks.get(e).is_some_and(|tok| tok.kind == Kind::Poss);
            (e > head_end + 1 && !possessive).then_some(e)
        } else {
            None
        };
        if !ok && place_after.is_none() {
            t = head_end;
            continue;
        }
        // "authorities in the US"
        let mut end = place_after.unwrap_or(head_end);
        if bare && ctx.is(end, &["in"]) {
            let j = if ctx.is(end + 1, &["the"]) {
                end + 2
            } else {
                end + 1
            };
            if j < n && ctx.jurisdiction[j].is_some() {
                end = j + 1;
                while end < n && ctx.jurisdiction[end].is_some() && ctx.owner[end].is_none() {
                    end += 1;
                }
            } else if j < n && ctx.owner[j].is_none() && name_word(ctx, j) && !ctx.covered[j] {
                // "Authorities in Shanghai": a place the catalogue does not know, as written
                // (not a possessor: "regulators in Acme's home market"; not a time: "Regulators
                // in November 2020 suspended ...")
                let mut e = j;
                while e < n && ctx.owner[e].is_none() && name_word(ctx, e) && !ctx.covered[e] {
                    e += 1;
                }
                if !ctx.toks.get(e).is_some_and(|tok| tok.kind == Kind::Poss) {
                    end = e;
                }
            }
        }
        if let Some(o) = absorbed_descriptor {
            remove_mention(ctx, o);
        }
        add_named_authority(ctx, a, end);
        t = end;
    }
}

/// Whether `text` continues at byte `at` with one of [`lexicon::ADJECTIVE_SUFFIXES`] that ends
/// the word ("Alibaba|-backed Suning").
fn adjective_suffix_at(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    rest.starts_with('-')
        && lexicon::ADJECTIVE_SUFFIXES.iter().any(|suffix| {
            rest.get(..suffix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(suffix))
                && !rest[suffix.len()..]
                    .chars()
                    .next()
                    .is_some_and(crate::index::is_wordy)
        })
}

/// Whether the word at `t` is a capitalised word that nothing else has read: no time expression
/// or amount covers it, it is no jurisdiction word and no word that is never a name (a place
/// before a body's descriptor: "Shanghai's market regulator", "the Paris Court of Appeal").
fn bare_capitalised_word(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.toks.get(t).is_some_and(|tok| tok.kind == Kind::Word)
        && ctx.is_capitalised(t)
        && !ctx.covered[t]
        && ctx.jurisdiction[t].is_none()
        && !ctx.is(t, lexicon::NOT_NAMES)
}

/// Whether the word at `t` may name a place after "in": a jurisdiction word, or a capitalised
/// word that no time expression covers ("a court in Delaware", not "a court in November").
fn place_word(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    t < ctx.toks.len() && (ctx.jurisdiction[t].is_some() || name_word(ctx, t) && !ctx.covered[t])
}

/// Whether a capitalised word can be part of a name.
fn name_word(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.is_capitalised(t)
        && !lexicon::ADJECTIVE_SUFFIXES
            .iter()
            .any(|x| ctx.word(t).ends_with(x))
}

/// Head words of bodies whose names may hold "and" ("University of Technology and Economics").
const INSTITUTION_HEADS: [&str; 12] = [
    "university",
    "organization",
    "organisation",
    "institute",
    "association",
    "federation",
    "foundation",
    "school",
    "college",
    "academy",
    "hospital",
    "centre",
];

/// Words of a body's name that no person's name has ("Danish Cancer Society").
const ORGANISATION_WORDS: [&str; 16] = [
    "society",
    "council",
    "bank",
    "group",
    "party",
    "club",
    "church",
    "union",
    "fund",
    "service",
    "services",
    "network",
    "company",
    "committee",
    "board",
    "institution",
];

/// Capitalised spans that no catalogue entry covers.
fn find_unknown_names(ctx: &mut Ctx<'_, '_>, memory: &Memory) {
    let n = ctx.toks.len();
    // (tested once, and only when a headline has an unknown name)
    let mut title_case_headline: Option<bool> = None;
    let free = |ctx: &Ctx<'_, '_>, t: usize| ctx.owner[t].is_none() && !ctx.covered[t];
    // the name goes on at `t`: a free capitalised word, or a legal form
    let goes_on = |ctx: &Ctx<'_, '_>, t: usize| {
        t < n
            && free(ctx, t)
            && (name_word(ctx, t) || is_legal_suffix(ctx.word(t)) && ctx.toks[t].kind == Kind::Word)
    };
    let mut t = 0;
    while t < n {
        if !(free(ctx, t) && name_word(ctx, t)) {
            t += 1;
            continue;
        }
        // extend
        let start = t;
        let mut end = t + 1;
        let mut connectors: Vec<usize> = Vec::new();
        loop {
            if goes_on(ctx, end) {
                end += 1;
                continue;
            }
            let connector = end < n
                && (ctx.is(end, NAME_CONNECTORS) || ctx.punct(end) == Some('&'))
                && end + 1 < n
                && free(ctx, end + 1)
                && name_word(ctx, end + 1);
            if connector {
                connectors.push(end);
                end += 2;
                continue;
            }
            // "Funeda Sp. z o.o.", "Gedi Gruppo Editoriale S.p.A.": a legal form written with
            // periods inside closes the name
            if let Some(form_end) = dotted_legal_form_end(ctx, end) {
                end = form_end;
                break;
            }
            // "IZA OBRAS Y PROMOCIONES, S.A.": the legal form after a comma closes the name
            if legal_suffix_after_comma(ctx, end) && free(ctx, end + 1) {
                end += 2;
                break;
            }
            // "Telekom Romania Communications SA", "Royal Dutch Tennis Association": a place
            // word inside a name, when the name goes on after it
            let place_inside = end + 1 < n
                && (start..end).any(|q| !ctx.is(q, lexicon::NOT_NAMES))
                && ctx.jurisdiction[end].is_some()
                && ctx.owner[end].is_none()
                && ctx.toks[end].kind == Kind::Word
                && goes_on(ctx, end + 1);
            if place_inside {
                end += 1;
                continue;
            }
            // "VfB Stuttgart 1893 AG", "Club 1899 Hoffenheim GmbH": a number inside a name, when
            // the name goes on after it
            let number_inside = end + 1 < n
                && ctx.toks[end].kind == Kind::Num
                && free(ctx, end)
                && ctx.word(end).len() <= 4
                && ctx.word(end).bytes().all(|b| b.is_ascii_digit());
            if number_inside && goes_on(ctx, end + 1) {
                end += 2;
                continue;
            }
            // "Servicios Aby 2018, S.L.": the number, then the legal form after a comma
            if number_inside && legal_suffix_after_comma(ctx, end + 1) && free(ctx, end + 2) {
                end += 3;
                break;
            }
            // 'Ramesh "Sunny" Balwani': a nickname in quotes between a person's names
            let quote = |t: usize| matches!(ctx.punct(t), Some('"' | '\u{201c}' | '\u{201d}'));
            let nickname = end + 3 < n
                && quote(end)
                && name_word(ctx, end + 1)
                && free(ctx, end + 1)
                && quote(end + 2)
                && ctx.toks[end + 1].start == ctx.toks[end].end
                && ctx.toks[end + 2].start == ctx.toks[end + 1].end
                && !ctx.is(end + 1, lexicon::NOT_NAMES)
                && goes_on(ctx, end + 3);
            if nickname {
                end += 4;
                continue;
            }
            // "Morele.net", "Allegro.pl", "Example.co.uk": a web domain is one name
            if domain_ending(ctx, end) {
                end += 2;
                continue;
            }
            // "T. Stene Transport AS", "J. P. Morgan", "S.C. Dreamtime Call S.R.L.", "L.E.
            // EOOD": initials and their period inside a name
            let initial = end + 1 < n
                && ctx.punct(end) == Some('.')
                && ctx.toks[end].start == ctx.toks[end - 1].end
                && {
                    // ("ING Bank N.V. Amsterdam": a legal form ends the name)
                    let w = ctx.word(end - 1);
                    !is_legal_suffix(w)
                        && w.split('.')
                            .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
                }
                && goes_on(ctx, end + 1);
            if initial {
                end += 2;
                continue;
            }
            // "State of California", "Attorney General of Texas": a place closes the name of
            // an authority, and of a bank or an institution ("Bank of China", "Royal Bank of
            // Scotland", "University of California")
            let place = end + 1 < n
                && ctx.is(end, &["of"])
                && ctx.jurisdiction[end + 1].is_some()
                && ctx.owner[end + 1].is_none()
                && (ctx.is(end - 1, lexicon::AUTHORITY_HEADS)
                    || ctx.is(end - 1, &["bank"])
                    || ctx.is(end - 1, &INSTITUTION_HEADS));
            if place {
                end += 2;
                while end < n && ctx.jurisdiction[end].is_some() && ctx.owner[end].is_none() {
                    end += 1;
                }
                break;
            }
            break;
        }
        // split at "and" unless the whole is an institution ("Securities and Exchange Commission",
        // "Ministry of Industry and Innovation", "Budapest University of Technology and
        // Economics": a body's head word, then "of" or "for", before the "and")
        let first_and = connectors.iter().copied().find(|&c| ctx.is(c, &["and"]));
        let institution = ctx.is(end - 1, lexicon::AUTHORITY_HEADS)
            || first_and.is_some_and(|and| {
                (start..and).any(|h| {
                    (ctx.is(h, lexicon::AUTHORITY_HEADS) || ctx.is(h, &INSTITUTION_HEADS))
                        && (h + 1..and).any(|q| ctx.is(q, &["of", "for"]))
                })
            });
        // a list has one "and": "Liggett Group and Brown and Williamson" is two names
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut piece_start = start;
        for &c in &connectors {
            if ctx.is(c, &["and"]) && !institution {
                pieces.push((piece_start, c));
                piece_start = c + 1;
                break;
            }
        }
        pieces.push((piece_start, end));
        for (mut a, b) in pieces {
            // leading words that are not names ("New" stays in "New South Wales"; a given name
            // after a word for a person stays: "its co-founder Do Kwon")
            let given_name = a + 1 < b
                && a > 0
                && person_cue(ctx, a - 1)
                && ctx.toks[a].kind == Kind::Word
                && !ctx.is(a, NAME_CONNECTORS)
                && !ctx.is(a, TITLES);
            // (a title followed by "for" or "of" names an office, not a person: "the Hamburg
            // Commissioner for Data Protection", "Secretary of State")
            let office = |a: usize| a + 1 < b && ctx.is(a + 1, &["for", "of"]);
            while a < b
                && !given_name
                && (ctx.is(a, lexicon::NOT_NAMES)
                    || ctx.is(a, NAME_CONNECTORS)
                    || ctx.is(a, TITLES) && a + 1 < b && !office(a))
                && !(ctx.word(a) == "New" && a + 1 < b)
            {
                a += 1;
            }
            // "New Yorker William Trowbridge": a demonym before a person's name
            if ctx.word(a) == "New" && a + 2 < b {
                let w = ctx.word(a + 1);
                if w.ends_with("er") || w.ends_with("ers") {
                    ctx.covered[a] = true;
                    ctx.covered[a + 1] = true;
                    a += 2;
                }
            }
            // "Troubled Marsh ...": a sentence-initial participle or adverb is not a name
            let initial = ctx.at_start(a);
            let w = ctx.word(a);
            if initial
                && b - a > 1
                && w.len() > 4
                && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
            {
                a += 1;
            }
            if a >= b {
                continue;
            }
            // a legal form alone names nobody
            if (a..b).all(|t| is_legal_suffix(ctx.word(t)) || ctx.punct(t).is_some()) {
                continue;
            }
            // "Texan Michael Chicoine": a demonym before a person's name
            if b - a >= 3 && demonym_like(ctx.resolver, ctx.word(a)) {
                ctx.covered[a] = true;
                a += 1;
            }
            // "Transportation Secretary Norman Mineta": an office, then its holder
            if let Some(title) = (a..b.saturating_sub(1))
                .find(|&t| ctx.is(t, lexicon::OFFICE_TITLES) && name_word(ctx, t + 1))
            {
                let jurisdiction_before = a > 0 && ctx.jurisdiction[a - 1].is_some();
                if title > a || jurisdiction_before {
                    add_office(ctx, a, title + 1);
                }
                add_unknown(ctx, memory, title + 1, b);
                continue;
            }
            // "Nikola CEO Trevor Milton": a company, the holder's role in it, then the holder
            // (the company is then the person's employer, as in "Tesla CEO Elon Musk")
            if let Some(role) = (a + 1..b.saturating_sub(1)).find(|&t| {
                matches!(ctx.word(t), "CEO" | "CFO" | "COO" | "CTO") && name_word(ctx, t + 1)
            }) {
                add_unknown(ctx, memory, a, role);
                add_unknown(ctx, memory, role + 1, b);
                continue;
            }
            // "the Nu River", "the Three Gorges Dam": places are never targets
            if ctx.is(b - 1, lexicon::PLACE_HEADS) {
                for t in a..b {
                    ctx.covered[t] = true;
                }
                continue;
            }
            let a = country_prefix(ctx, a, b).unwrap_or(a);
            // "FTC Takes Action Against Data Broker": in a headline in title case, a name the
            // body does not write as well is no name
            // ("SEC Charges Connecticut Man with Ponzi Scheme": also a title line after the
            // headline); the longest start of the run the document writes elsewhere is the name
            // ("SEC Sues Kimberly Sredich for Stealing Investor Funds", after the title "Kimberly
            // Sredich")
            let (mut a, mut b) = (a, b);
            // (and the earliest start: "SEC Obtains Judgment Against Donato Baca" under the
            // title "Donato Baca" names him, without the preposition that title case capitalises)
            if (ctx.s.headline || ctx.s.unterminated)
                && *title_case_headline.get_or_insert_with(|| title_case(ctx))
            {
                let (from, to) = ctx.s.span;
                let written_elsewhere = |start: usize, end: usize| {
                    let name = &ctx.s.text[ctx.toks[start].start..ctx.toks[end - 1].end];
                    // (as whole words: "Investment" is not written in "Investments")
                    find_words(&ctx.s.text[to..], name).is_some()
                        || find_words(&ctx.s.text[..from], name).is_some()
                };
                let joining = |t: usize| ctx.is(t, &["for", "of", "and", "the", "&"]);
                // (past other words than the prepositions and articles that title case
                // capitalised, a name of two words or more: "Company Longfin Corp" -> "Longfin
                // Corp", but not "Taiwan-Based Insurance Company" -> "Insurance")
                let function_word = |t: usize| {
                    ctx.is(
                        t,
                        &[
                            "against", "in", "on", "of", "for", "with", "from", "by", "to", "at",
                            "the", "a", "an", "and", "or", "into", "over",
                        ],
                    )
                };
                let found = (a..b)
                    .filter(|&start| ctx.toks[start].kind == Kind::Word && !joining(start))
                    .find_map(|start| {
                        // (or right after a noun that describes a party: "Cryptocurrency
                        // Company Longfin")
                        let described = start > a
                            && ctx.is(
                                start - 1,
                                &[
                                    "company",
                                    "firm",
                                    "bank",
                                    "fund",
                                    "startup",
                                    "adviser",
                                    "advisor",
                                    "broker",
                                    "executive",
                                    "promoter",
                                    "trader",
                                    "platform",
                                    "exchange",
                                ],
                            );
                        let shortest = if described || (a..start).all(function_word) {
                            start + 1
                        } else {
                            start + 2
                        };
                        (shortest..=b)
                            .rev()
                            .find(|&end| {
                                ctx.toks[end - 1].kind == Kind::Word
                                    && !joining(end - 1)
                                    && written_elsewhere(start, end)
                            })
                            .map(|end| (start, end))
                    });
                match found {
                    Some((start, end)) => (a, b) = (start, end),
                    None => continue,
                }
            }
            add_unknown(ctx, memory, a, b);
        }
        t = end;
    }
}

/// Legal forms written with periods inside, by the word the tokenizer cuts them at and the
/// text that follows it: "Sp. z o.o." (Polish), "S.p.A." and "S.r.l." (Italian).
const DOTTED_LEGAL_FORMS: [(&str, &[&str]); 3] = [
    ("sp", &[". z o.o.", ". z o. o.", ". z.o.o.", " z o.o."]),
    ("s.p", &[".a."]),
    ("s.r", &[".l."]),
];

/// The token end of a legal form written with periods inside, whose first word is token
/// `end - 1` ("Funeda Sp. z o.o.", "Gedi Gruppo Editoriale S.p.A."), when the text goes on so.
fn dotted_legal_form_end(ctx: &Ctx<'_, '_>, end: usize) -> Option<usize> {
    let first = end.checked_sub(1)?;
    let word = ctx.word(first);
    let (_, continuations) = DOTTED_LEGAL_FORMS
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))?;
    let from = ctx.toks[first].end;
    let rest = ctx.s.text.get(from..)?;
    let length = continuations
        .iter()
        .find(|form| {
            rest.get(..form.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(form))
        })?
        .len();
    let byte_end = from + length;
    let token_end = ctx.toks.partition_point(|t| t.start < byte_end);
    (token_end > end).then_some(token_end)
}

/// Whether tokens `t` and `t + 1` are a period and a web domain ending written right after the
/// name before them, with no space ("Morele" ".net").
fn domain_ending(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    t > 0
        && t + 1 < ctx.toks.len()
        && ctx.punct(t) == Some('.')
        && ctx.toks[t].start == ctx.toks[t - 1].end
        && ctx.toks[t + 1].start == ctx.toks[t].end
        && ctx.toks[t + 1].kind == Kind::Word
        && ctx.owner[t + 1].is_none()
        && docket_normalize::name::WEB_DOMAIN_ENDINGS.contains(&ctx.word(t + 1))
}

/// Whether the sentence is written in title case: at least three words of four letters or
/// more, nearly all capitalised ("FTC Takes Action Against Data Broker").
fn title_case(ctx: &Ctx<'_, '_>) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    for t in 0..ctx.toks.len() {
        if ctx.toks[t].kind == Kind::Word && ctx.word(t).chars().count() >= 4 {
            long += 1;
            if ctx.is_capitalised(t) {
                capitalised += 1;
            }
        }
    }
    long >= 3 && capitalised * 5 >= long * 4
}

/// "China Literature", "China Evergrande", "Hong Kong Exchanges": a country's name (a noun,
/// not a demonym or an abbreviation such as "US") right before a name of one or two words
/// begins that name, outside a headline, unless a preposition stands before it ("in China
/// Alibaba ..."). Returns where the name starts.
fn country_prefix(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> Option<usize> {
    if ctx.s.headline || b - a > 2 {
        return None;
    }
    // ("American Express", "Swiss Life", "Danish Cancer Society": a demonym only before one
    // word of a name, not an acronym, or two ending in an organisation's word; "Bavarian DPA"
    // and "German Banking Act" are no companies)
    let demonym_name = if b - a == 1 {
        !ctx.word(a).chars().all(|c| c.is_ascii_uppercase())
    } else {
        ctx.is(b - 1, &ORGANISATION_WORDS)
    };
    let country_word = |t: usize| {
        let w = ctx.word(t);
        ctx.jurisdiction[t].is_some()
            && ctx.owner[t].is_none()
            && ctx.toks[t].kind == Kind::Word
            && ctx.is_capitalised(t)
            && !w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            && (!lexicon::has_demonym_ending(w) || demonym_name)
    };
    let mut c = a;
    while c > 0 && country_word(c - 1) {
        c -= 1;
    }
    if c == a {
        return None;
    }
    // (a demonym also after a preposition: "a penalty on Swiss Life")
    let opens_clause = c == 0
        || demonym_name && lexicon::has_demonym_ending(ctx.word(c))
        || !ctx.is(
            c - 1,
            &[
                "in",
                "to",
                "from",
                "for",
                "at",
                "across",
                "of",
                "with",
                "by",
                "into",
                "on",
                "than",
                "outside",
                "inside",
                "within",
                "throughout",
            ],
        );
    let name_like = !ctx.is(a, lexicon::AUTHORITY_HEADS)
        && !ctx.is(a, TITLES)
        && !ctx.is(a, lexicon::PERSON_CUES)
        && !ctx.is(a, lexicon::OFFICE_TITLES)
        && !ctx.is(a, lexicon::NOT_NAMES);
    (opens_clause && name_like).then_some(c)
}

/// Whether a word names the people of a place: a place or demonym of the catalogue's
/// jurisdictions with a plural ending ("Icelanders", "Americans", "Germans", "Britons").
fn people_of_a_place(resolver: &Resolver, word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ers", "s"].iter().any(|ending| {
        lower
            .strip_suffix(ending)
            .is_some_and(|stem| stem.len() >= 4 && resolver.jurisdiction_of_word(stem).is_some())
    })
}

/// Whether a word is a demonym of a known place that the catalogue does not list ("Texan" for
/// "Texas"): it ends in "n" and, without that letter, begins a jurisdiction's name.
fn demonym_like(resolver: &Resolver, word: &str) -> bool {
    let lower = word.to_lowercase();
    let Some(stem) = lower.strip_suffix('n') else {
        return false;
    };
    stem.len() >= 3
        && resolver
            .jurisdiction_words()
            .any(|(w, _)| w.len() > stem.len() && w.starts_with(stem) && !w.contains(' '))
}

/// An office named by capitalised words ending in a title ("Transportation Secretary", "US
/// Attorney"): an authority.
fn add_office(ctx: &mut Ctx<'_, '_>, a: usize, b: usize) {
    let a = if a > 0 && ctx.jurisdiction[a - 1].is_some() {
        jurisdiction_first(ctx, a - 1)
    } else {
        a
    };
    add_named_authority(ctx, a, b);
}

/// The first token of the jurisdiction phrase whose token `p` is ("South African": from
/// "African", "South").
fn jurisdiction_first(ctx: &Ctx<'_, '_>, p: usize) -> usize {
    if ctx.jurisdiction[p].is_none() {
        return p;
    }
    let mut first = p;
    while first > 0 && ctx.jurisdiction[first - 1] == ctx.jurisdiction[p] {
        first -= 1;
    }
    first
}

/// Adds an authority outside the catalogue named by tokens `a..b` (its key from the name's
/// slug).
fn add_named_authority(ctx: &mut Ctx<'_, '_>, a: usize, b: usize) {
    let mention = named_authority(ctx, a, b);
    ctx.add_mention(mention);
}

/// An authority outside the catalogue named by tokens `a..b`, as written.
fn named_authority(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> Mention {
    let start = ctx.toks[a].start;
    let end = ctx.toks[b - 1].end;
    let name = ctx.s.text[start..end].to_string();
    Mention {
        start,
        end,
        t0: a,
        t1: b,
        role: Role::Authority,
        key: unknown_key(&name),
        actor: Arc::new(RawActor::named(name)),
        modifier: false,
        coref: false,
    }
}

/// The key of a name outside the catalogue: `x:` and its slug.
fn unknown_key(name: &str) -> Arc<str> {
    Arc::from(format!("x:{}", docket_normalize::name::slug(name)))
}

/// Whether a capitalised word at the start of a sentence is an ordinary word: the document
/// also writes it in lower case ("Insurance bosses plead guilty" when the story speaks of "the
/// insurance industry"). The search is bounded to the text around the sentence.
fn lower_case_elsewhere(ctx: &Ctx<'_, '_>, memory: &Memory, word: &str) -> bool {
    if let Some(&known) = memory.lower_words.borrow().get(word) {
        return known;
    }
    let found = lower_case_in_window(ctx, word);
    memory
        .lower_words
        .borrow_mut()
        .insert(word.to_string(), found);
    found
}

fn lower_case_in_window(ctx: &Ctx<'_, '_>, word: &str) -> bool {
    const WINDOW: usize = 8 * 1024;
    let text = ctx.s.text;
    let mut from = ctx.s.span.0.saturating_sub(WINDOW);
    let mut to = (ctx.s.span.1 + WINDOW).min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let lower = word.to_lowercase();
    if lower == word || lower.len() < 3 {
        return false;
    }
    let hay = &text[from..to];
    hay.match_indices(lower.as_str()).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The key of a name outside the catalogue, computed once per document.
fn name_key(memory: &Memory, name: &str) -> Arc<str> {
    if let Some(key) = memory.keys.borrow().get(name) {
        return Arc::clone(key);
    }
    let key = unknown_key(name);
    memory
        .keys
        .borrow_mut()
        .insert(name.to_string(), Arc::clone(&key));
    key
}

fn add_unknown(ctx: &mut Ctx<'_, '_>, memory: &Memory, a: usize, b: usize) {
    let start = ctx.toks[a].start;
    let end = ctx.toks[b - 1].end;
    let single = b - a == 1;
    let before = a.checked_sub(1);
    let titled = before.is_some_and(|p| ctx.is(p, TITLES));
    if single {
        let w = ctx.word(a);
        if let Some((actor, role, key)) = memory.aliases.get(w) {
            let role = if titled && *role == Role::Company {
                Role::Person
            } else {
                *role
            };
            let mention = Mention {
                start,
                end,
                t0: a,
                t1: b,
                role,
                actor: actor.clone(),
                key: key.clone(),
                modifier: false,
                coref: true,
            };
            ctx.add_mention(mention);
            return;
        }
        // a single capitalised word at the start of a sentence may be a plain word
        let sentence_start = ctx.at_start(a);
        let acronym = w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if sentence_start
            && !acronym
            && (w.ends_with("ly")
                || ctx.is(a, lexicon::SENTENCE_OPENERS)
                || w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
                || lower_case_elsewhere(ctx, memory, w))
        {
            return;
        }
        // "including a Briton", "an American": a single capitalised word after an indefinite
        // article is a common noun
        if before.is_some_and(|p| ctx.is(p, &["a", "an"])) && !acronym {
            return;
        }
        // "to encourage Icelanders to travel", "Americans": the people of a place
        if !acronym && people_of_a_place(ctx.resolver, w) {
            return;
        }
        // "Twenty-eight people", "MP3 files": numbers and product codes are not names
        if number_of(ctx, a).is_some() || w.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        // "an Indonesian official", "Chilean military": a demonym used as an adjective, before
        // its noun (not before a function word or a verb: "ordered Douban to rectify",
        // "Douban said")
        let next_noun = ctx.is_lower_word(b)
            && !ctx.is(b, lexicon::CLAUSE_STOPS)
            && !ctx.is(b, lexicon::BE_FORMS)
            && !ctx.is(b, &REPORTING)
            && !ctx.is(
                b,
                &[
                    "to", "and", "or", "of", "for", "in", "on", "at", "with", "from", "by", "has",
                    "have", "had", "will", "would",
                ],
            )
            && !ctx.word(b).ends_with("ed");
        if next_noun && !acronym && lexicon::has_demonym_ending(w) {
            return;
        }
        if acronym && docket_normalize::money::CURRENCY_CODES.contains(&w) {
            return;
        }
        // "Regulator", "Watchdog": a common noun, not a name (headlines capitalise them)
        if ctx.is(a, lexicon::AUTHORITY_HEADS)
            || ctx.is(a, lexicon::COREF_AUTHORITY)
            || ctx.is(a, lexicon::COREF_COMPANY)
        {
            return;
        }
    }
    // "Department of Justice", "Office of Fair Trading": the head may precede "of"
    let head_end = (a..b).find(|&t| ctx.is(t, &["of", "for"])).unwrap_or(b);
    // "Bavarian DPA" when two Bavarian authorities share the descriptor: still an authority,
    // never a company that "the company" could refer to
    let (name_start, name_end) = (ctx.toks[a].start, ctx.toks[head_end - 1].end);
    let descriptor =
        ctx.s.hits.iter().any(|hit| {
            hit.start <= name_start && name_end <= hit.end && hit.descriptor().is_some()
        });
    // ("Office Depot", "Bureau Veritas": a head of an office that only opens a longer name,
    // with no "of" or "for" after it, names a company; not in a headline, whose capitals
    // join words into runs: "Court Imposes Lifetime Bars")
    let opening_head_only = head_end == b
        && b - a > 1
        && !ctx.s.headline
        && ctx.is(a, &["office", "bureau", "agency", "board", "commission"])
        && !(a + 1..b).any(|t| ctx.is(t, lexicon::AUTHORITY_HEADS));
    let authority = descriptor
        || !opening_head_only && (a..head_end).any(|t| ctx.is(t, lexicon::AUTHORITY_HEADS));
    let judicial = before.is_some_and(|p| ctx.is(p, lexicon::JUDICIAL_TITLES));
    // "Jeffrey Royer, 41,": an age after a name
    let aged = ctx.punct(b) == Some(',')
        && ctx.toks.get(b + 1).is_some_and(|t| t.kind == Kind::Num)
        && ctx.word(b + 1).len() <= 3;
    // "Russian Mikhail Khodorkovsky": a demonym before two or three words of a name (not
    // before a body's: "the Danish Cancer Society", "the Italian National Institute for ...")
    let body_word = |t: usize| {
        ctx.is(t, &INSTITUTION_HEADS)
            || ctx.is(t, lexicon::AUTHORITY_HEADS)
            || ctx.is(t, &ORGANISATION_WORDS)
            || ctx.is(t, &["of", "for", "and"])
            || is_legal_suffix(ctx.word(t))
    };
    let demonym_before = |p: usize| {
        ctx.jurisdiction[p].is_some()
            && a == p + 1
            && (2..=3).contains(&(b - a))
            && !(a..b).any(body_word)
    };
    let person = titled || aged || before.is_some_and(|p| person_cue(ctx, p) || demonym_before(p));
    // "Brazil's consumer protection agency Senacon", "Turkey's personal data protection
    // authority KVKK": a one-word name right after an authority named by its lower-case
    // descriptor is the authority's own name (the catalogue's, when the descriptor resolved:
    // the name is then no mention of its own; not a person after a title, "Transportation
    // Secretary Norman Mineta")
    let described = before.and_then(|p| ctx.owner[p]).filter(|&o| {
        let m = &ctx.mentions[o];
        let descriptor_text =
            ctx.s.text[ctx.toks[m.t1 - 1].start..m.end].starts_with(|c: char| c.is_lowercase());
        m.role == Role::Authority
            && m.t1 == a
            && !m.coref
            && !m.modifier
            && single
            && descriptor_text
    });
    if let Some(o) = described {
        if ctx.mentions[o].actor.id_hint.is_some() {
            return;
        }
        ctx.mentions[o].modifier = true;
    }
    let role = if authority || judicial || described.is_some() {
        Role::Authority
    } else if person {
        Role::Person
    } else {
        Role::Company
    };
    // an authority keeps the jurisdiction word before it: "US Department of Justice"; also a
    // country's possessive, so that one country's body is not another's of the same name:
    // "Turkey's Personal Data Protection Authority"
    let (start, a) = match before {
        Some(p) if authority && ctx.jurisdiction[p].is_some() => {
            let first = jurisdiction_first(ctx, p);
            (ctx.toks[first].start, first)
        }
        Some(p)
            if authority
                && ctx.toks[p].kind == Kind::Poss
                && p > 0
                && ctx.jurisdiction[p - 1].is_some()
                && ctx.owner[p - 1].is_none() =>
        {
            let first = jurisdiction_first(ctx, p - 1);
            (ctx.toks[first].start, first)
        }
        _ => (start, a),
    };
    let name = ctx.s.text[start..end].to_string();
    let key = name_key(memory, &name);
    let mention = Mention {
        start,
        end,
        t0: a,
        t1: b,
        role,
        actor: Arc::new(RawActor::named(name)),
        key,
        modifier: false,
        coref: false,
    };
    ctx.add_mention(mention);
}

/// The flag of an event whose parties the sentence names only by a plural noun or an industry
/// (see [`unnamed_parties`]).
pub const UNNAMED_TARGET: &str = "unnamed_target";

/// Whether the action at `t0` is taken against parties the sentence names only by a plural
/// noun or an industry: a target preposition and a group noun after the trigger ("a series of
/// fines imposed on companies", "probes into platforms"), or, before a trigger the clause's
/// subject comes "under", an industry of the catalogue's sectors ("China's live-streamed
/// e-commerce came under scrutiny on Tuesday"). Such an event has neither actor nor named
/// target, and is kept, flagged `unnamed_target`.
fn unnamed_parties(ctx: &Ctx<'_, '_>, t0: usize, (left, right): (usize, usize)) -> bool {
    let plural_after = || {
        (t0 + 1..right.min(t0 + 5))
            .filter(|&p| ctx.is(p, lexicon::NOUN_TARGET_PREPS) && !ctx.is(p, &["of", "for"]))
            .any(|p| {
                (p + 1..right.min(p + 4))
                    .find(|&q| {
                        !(ctx.is_lower_word(q) && ctx.owner[q].is_none())
                            || ctx.is(q, lexicon::GROUP_NOUNS)
                    })
                    .is_some_and(|q| ctx.is(q, lexicon::GROUP_NOUNS))
            })
    };
    let industry_under = || {
        let Some(under) = (t0.saturating_sub(3).max(left)..t0)
            .rev()
            .find(|&t| ctx.is(t, &["under"]))
        else {
            return false;
        };
        let subject_end = under.saturating_sub(1);
        if subject_end <= left || (left..subject_end).any(|t| ctx.owner[t].is_some()) {
            return false;
        }
        let text = &ctx.s.text[ctx.toks[left].start..ctx.toks[subject_end].start];
        !sector_words(ctx.resolver, text).is_empty()
    };
    if !(plural_after() || industry_under()) {
        return false;
    }
    // (a clause with an authority, or an agent, "filed this week by the Recording Industry
    // Association of America", has its actor: it was not found to act as one)
    let named_agent = (left..right).any(|t| {
        ctx.mention_at(t)
            .is_some_and(|m| ctx.mentions[m].role == Role::Authority)
    }) || (t0..ctx.toks.len())
        .any(|t| ctx.is(t, &["by"]) && ctx.mention_at(skip_determiners(ctx, t + 1)).is_some());
    !named_agent
}

/// The latest list of parties (companies or people) before token `t0` in the sentence: the
/// last one named, and those before it joined to it by commas, `and` or `or` only ("Tencent,
/// Alibaba and ByteDance"), in order.
fn latest_party_list(ctx: &Ctx<'_, '_>, t0: usize) -> Vec<Mention> {
    let mut parties: Vec<&Mention> = ctx
        .mentions
        .iter()
        .filter(|m| m.role != Role::Authority && !m.modifier && !m.coref && m.t1 <= t0)
        .collect();
    parties.sort_by_key(|m| m.t0);
    let mut list: Vec<Mention> = Vec::new();
    for m in parties.into_iter().rev() {
        let joined = list.last().is_none_or(|next| {
            (m.t1..next.t0).all(|t| ctx.punct(t) == Some(',') || ctx.is(t, &["and", "or"]))
        });
        if !joined {
            break;
        }
        list.push(m.clone());
    }
    list.reverse();
    list
}

/// Words of a role in a company before its holder's name ("former chief executive", "chief
/// financial officer", "CEO").
const ROLE_WORDS: [&str; 14] = [
    "former",
    "ex",
    "chief",
    "senior",
    "vice",
    "deputy",
    "financial",
    "operating",
    "technology",
    "managing",
    "ceo",
    "cfo",
    "coo",
    "cto",
];

/// Whether token `t` is a free word of a person's role before the holder's name ("former
/// chief executive", "founder", "president"): a role word, a word for a person or a noun of a
/// person's role.
fn holder_role_word(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.owner[t].is_none()
        && (ctx.is(t, &ROLE_WORDS) || person_cue(ctx, t) || ctx.is(t, lexicon::PERSON_ROLE_NOUNS))
}

/// Whether the word at `t` is a word for a person before a name ("founder"), also with "co-"
/// before it ("co-founder", which the table leaves out: its words are tried on every token).
fn person_cue(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.is(t, PERSON_CUES)
        || ctx
            .word(t)
            .strip_prefix("co-")
            .is_some_and(|rest| is_in(PERSON_CUES, rest))
}

/// Product nouns that name a part of a group rather than a product ("unit", "subsidiary").
const GROUP_PART_NOUNS: [&str; 8] = [
    "unit",
    "subsidiary",
    "affiliate",
    "arm",
    "division",
    "business",
    "venture",
    "fintech",
];

/// "Alibaba's UC browser", "Alibaba's subsidiary, Ant": the possessor becomes the parent.
fn find_possessives(ctx: &mut Ctx<'_, '_>) {
    let n = ctx.toks.len();
    for i in 0..ctx.mentions.len() {
        let t1 = ctx.mentions[i].t1;
        if t1 >= n || ctx.toks[t1].kind != Kind::Poss {
            continue;
        }
        let possessor_is_company = ctx.mentions[i].role == Role::Company;
        let mut t = t1 + 1;
        // skip one product noun and a comma: "'s subsidiary, Ant"
        let mut product_before = false;
        if t < n && ctx.is(t, lexicon::PRODUCT_NOUNS) {
            product_before = true;
            t += 1;
            if ctx.punct(t) == Some(',') {
                t += 1;
            }
        }
        // "Hardie's former chief executive Peter MacDonald": a role in the company, then the
        // person who holds it (the company is then the person's employer, as in "Tesla CEO
        // Elon Musk")
        let role_start = t;
        if !product_before && possessor_is_company {
            // ("Didi's chairman and chief executive Cheng Wei": two roles joined by "and")
            while t < n.min(role_start + 6)
                && (holder_role_word(ctx, t)
                    || t > role_start
                        && ctx.is(t, &["and"])
                        && t + 1 < n
                        && holder_role_word(ctx, t + 1))
            {
                t += 1;
            }
            if t > role_start {
                // (", John Smith,": the name in apposition)
                if ctx.punct(t) == Some(',') && ctx.mention_at(t + 1).is_some() {
                    t += 1;
                }
                let person = ctx.mention_at(t).filter(|&j| {
                    ctx.mentions[j].t0 == t && ctx.mentions[j].actor.id_hint.is_none()
                });
                if let Some(j) = person {
                    ctx.mentions[j].role = Role::Person;
                    ctx.mentions[i].modifier = true;
                }
                continue;
            }
        }
        let Some(j) = ctx.owner.get(t).copied().flatten() else {
            continue;
        };
        if j == i || ctx.mentions[j].t0 != t {
            continue;
        }
        // "UC browser": an unknown name followed by a product noun takes the noun along (not
        // a noun for a part of a group: "Evergrande's Hengda Real Estate unit" is Hengda Real
        // Estate, a company of the group)
        let jt1 = ctx.mentions[j].t1;
        if !product_before
            && ctx.mentions[j].actor.id_hint.is_none()
            && jt1 < n
            && ctx.is(jt1, lexicon::PRODUCT_NOUNS)
            && !ctx.is(jt1, &GROUP_PART_NOUNS)
        {
            let end = ctx.toks[jt1].end;
            let start = ctx.mentions[j].start;
            let name = ctx.s.text[start..end].to_string();
            let m = &mut ctx.mentions[j];
            m.end = end;
            m.t1 = jt1 + 1;
            m.key = unknown_key(&name);
            Arc::make_mut(&mut m.actor).name = name;
            ctx.owner[jt1] = Some(j);
        }
        if possessor_is_company && ctx.mentions[j].role == Role::Company {
            let parent = ctx.mentions[i].actor.id_hint.clone();
            if parent.is_some() && parent != ctx.mentions[j].actor.id_hint {
                Arc::make_mut(&mut ctx.mentions[j].actor).parent_hint = parent;
            }
            ctx.mentions[i].modifier = true;
        } else if ctx.mentions[i].role == Role::Person {
            ctx.mentions[i].modifier = true;
        }
    }
}

/// "the company", "the Seattle-based company", "the app": the most recent company mention. An
/// organisation noun ("the company", "the group") refers to the company as a whole: when the
/// latest mention was introduced as another company's unit ("Yukos's Yuganskneftegas
/// subsidiary"), the parent is meant. "the two men", "the firms": the latest list.
fn find_generic_references(ctx: &mut Ctx<'_, '_>, memory: &Memory) {
    let n = ctx.toks.len();
    for t in 1..n {
        if ctx.owner[t].is_some() {
            continue;
        }
        // "the two men", "the pair", "the firms"
        if ctx.is(t, lexicon::PLURAL_PERSON_NOUNS) && ctx.is_lower_word(t) {
            let mut p = t;
            let mut count = None;
            while p > 0 && (ctx.is(p - 1, NUMBER_WORDS) || ctx.is(p - 1, &["both"])) {
                count = number_word(ctx.word(p - 1)).or(count);
                p -= 1;
            }
            let the = p > 0 && ctx.is(p - 1, &["the", "both"]);
            let companies = memory.last_list.iter().all(|m| m.role == Role::Company);
            let fits = memory.last_list.len() >= 2
                && count.is_none_or(|c| c as usize == memory.last_list.len())
                && (count.is_some()
                    || ctx.is(t, &["pair"])
                    || companies && ctx.is(t, &["firms", "companies"]));
            if the && fits && !(t + 1 < n && ctx.is(t + 1, &["of", "who", "that"])) {
                for m in memory.last_list.clone() {
                    let mention = Mention {
                        start: ctx.toks[p - 1].start,
                        end: ctx.toks[t].end,
                        t0: p - 1,
                        t1: t + 1,
                        coref: true,
                        modifier: false,
                        ..m
                    };
                    ctx.mentions.push(mention);
                }
                let first = ctx.mentions.len() - memory.last_list.len();
                for q in p - 1..=t {
                    ctx.owner[q] = Some(first);
                }
            }
            continue;
        }
        if !ctx.is(t, lexicon::COREF_COMPANY) || !ctx.is_lower_word(t) {
            continue;
        }
        // "the company", "the Seattle-based company", "the giant supermarket chain"
        let mut p = t - 1;
        let mut adjectives = 0;
        while p > 0 && adjectives < 3 && ctx.owner[p].is_none() {
            let w = ctx.word(p);
            // (also a product written with a lower-case first letter: "the iPhone maker")
            let adjective = ctx.toks[p].kind == Kind::Word
                && !ctx.is(p, &["the"])
                && !ctx.is(p, lexicon::CLAUSE_STOPS)
                && (ctx.is_lower_word(p)
                    || w.starts_with(|c: char| c.is_ascii_lowercase())
                    || lexicon::ADJECTIVE_SUFFIXES.iter().any(|x| w.ends_with(x)));
            if !adjective {
                break;
            }
            adjectives += 1;
            p -= 1;
        }
        if !ctx.is(p, &["the"]) {
            continue;
        }
        // "the company's" is fine; "the company Monsanto" or "the group of" is not a reference
        if t + 1 < n && (ctx.is_capitalised(t + 1) || ctx.is(t + 1, &["of"])) {
            continue;
        }
        let earlier = ctx
            .mentions
            .iter()
            .filter(|m| m.role == Role::Company && !m.modifier && m.t1 < p)
            .max_by_key(|m| m.t1)
            .cloned();
        // "the bank" after "Riggs Bank": the latest company whose name has that noun (not
        // for the nouns any company is: "the company", "the group")
        let noun = ctx.word(t);
        let specific = !ctx.is(
            t,
            &[
                "company",
                "firm",
                "group",
                "business",
                "giant",
                "conglomerate",
                "corporation",
            ],
        );
        let named_after = specific
            .then(|| {
                ctx.mentions
                    .iter()
                    .filter(|m| m.role == Role::Company && !m.modifier && m.t1 < p)
                    .chain(memory.companies.iter().rev())
                    .find(|m| {
                        m.actor
                            .name
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case(noun))
                    })
                    .cloned()
            })
            .flatten();

        // "the ride-hailing giant": the latest company the phrase fits, skipping companies
        // whose catalogue sectors are others; none fits, no reference
        let sectors = if p + 1 < t {
            let phrase = &ctx.s.text[ctx.toks[p + 1].start..ctx.toks[t - 1].end];
            sector_words(ctx.resolver, phrase)
        } else {
            Vec::new()
        };
        let antecedent = if sectors.is_empty() {
            named_after
                .or(earlier)
                .or_else(|| memory.last_company.clone())
        } else {
            let fits = |m: &Mention| {
                let known = m
                    .actor
                    .id_hint
                    .as_deref()
                    .and_then(|id| ctx.resolver.get(id));
                known.is_none_or(|a| {
                    a.sectors.is_empty()
                        || sectors.iter().any(|s| ctx.resolver.has_sector(&a.id, s))
                })
            };
            let mut in_sentence: Vec<&Mention> = ctx
                .mentions
                .iter()
                .filter(|m| m.role == Role::Company && !m.modifier && m.t1 < p)
                .collect();
            in_sentence.sort_by_key(|m| std::cmp::Reverse(m.t1));
            in_sentence
                .into_iter()
                .chain(memory.companies.iter().rev())
                .find(|m| fits(m))
                .cloned()
        };
        let Some(mut antecedent) = antecedent else {
            continue;
        };
        let organisation = ctx.is(
            t,
            &[
                "company",
                "firm",
                "group",
                "conglomerate",
                "giant",
                "business",
                "corporation",
            ],
        );
        if organisation {
            if let Some(parent) = antecedent
                .actor
                .parent_hint
                .clone()
                .and_then(|id| ctx.resolver.get(&id))
            {
                antecedent.actor = Arc::new(RawActor {
                    name: parent.name.clone(),
                    id_hint: Some(parent.id.clone()),
                    parent_hint: None,
                    kind_hint: None,
                });
                antecedent.key = parent.id.as_str().into();
            }
        }
        let mention = Mention {
            start: ctx.toks[p].start,
            end: ctx.toks[t].end,
            t0: p,
            t1: t + 1,
            coref: true,
            modifier: false,
            ..antecedent
        };
        ctx.add_mention(mention);
    }
}

/// "A jury found Elizabeth Holmes guilty", "the court found Acme Corp liable": a verdict whose
/// party stands between the verb and the adjective, read as a ruling with the verb as its
/// trigger (the passive "was found guilty" is a phrase of the lexicon).
fn verdicts_on_object(ctx: &Ctx<'_, '_>) -> Vec<(usize, usize, ActionKind, Form)> {
    let mut out = Vec::new();
    for t in 0..ctx.toks.len() {
        // "The Supreme Court of India dismissed Google's appeal against the CCI's order": a
        // court's decision on a party's appeal is a ruling on that party (the court acting is
        // checked with the other rulings' actors)
        // (the cheap test first: a name right after the word, before the word's table)
        if ctx.owner.get(t + 1).copied().flatten().is_some()
            && ctx.owner[t].is_none()
            && ctx.is(t, &APPEAL_DECISIONS)
        {
            let party = ctx.mention_at(t + 1).filter(|&m| {
                ctx.mentions[m].t0 == t + 1 && ctx.mentions[m].role != Role::Authority
            });
            let appeal = party.is_some_and(|m| {
                let after = ctx.mentions[m].t1;
                ctx.toks
                    .get(after)
                    .is_some_and(|tok| tok.kind == Kind::Poss)
                    && ctx.is(after + 1, &APPEAL_NOUNS)
            });
            let court_before = (t.saturating_sub(10)..t).any(|q| {
                ctx.owner[q].is_some_and(|o| {
                    let name = ctx.mentions[o].actor.name.to_lowercase();
                    ctx.mentions[o].role == Role::Authority
                        && (name.contains("court") || name.contains("tribunal"))
                })
            });
            if appeal && court_before {
                out.push((t, t + 1, ActionKind::Ruling, Form::Verb));
                continue;
            }
        }
        if !ctx.is(t, &["found", "finds", "find", "finding"]) || ctx.owner[t].is_some() {
            continue;
        }
        // the party: one mention (a name, or a pronoun read as one), right after the verb, or
        // after its role ("found former Raytheon executive Mark Smith guilty")
        let verdict_after = |m: usize| ctx.is(ctx.mentions[m].t1, &["guilty", "liable"]);
        let Some(m) = ctx
            .owner
            .get(t + 1)
            .copied()
            .flatten()
            .filter(|&m| verdict_after(m))
            .or_else(|| {
                let n = ctx.toks.len();
                let q = (t + 1..n.min(t + 7)).find(|&q| {
                    ctx.owner[q].is_some_and(|o| {
                        ctx.mentions[o].t0 == q
                            && ctx.mentions[o].role != Role::Authority
                            && verdict_after(o)
                    })
                })?;
                let roles_only = (t + 1..q).all(|r| {
                    holder_role_word(ctx, r)
                        || ctx.is(r, &["former", "ex"])
                        || ctx.is(r, lexicon::DETERMINERS)
                        || ctx.owner[r].is_some_and(|o| ctx.mentions[o].role == Role::Company)
                });
                roles_only.then(|| ctx.owner[q]).flatten()
            })
        else {
            continue;
        };
        let end = ctx.mentions[m].t1;
        // (a verdict is a court's, a jury's or a judge's, named in the clause before the verb,
        // or an authority's: not "The survey found Apple liable to lose market share")
        let judicial = (t.saturating_sub(8)..t).any(|q| {
            ctx.is(
                q,
                &[
                    "court",
                    "courts",
                    "jury",
                    "judge",
                    "judges",
                    "tribunal",
                    "magistrate",
                ],
            ) || ctx.owner[q].is_some_and(|o| ctx.mentions[o].role == Role::Authority)
        });
        let likely_to = ctx.is(end + 1, &["to"]);
        if verdict_after(m) && judicial && !likely_to {
            out.push((t, t + 1, ActionKind::Ruling, Form::Verb));
        }
    }
    out
}

/// Whether a name outside the catalogue may be a person's: two to four words, none of them an
/// organisation's ("Frank Allan Bruvik", not "Universal Music Group").
fn person_like(m: &Mention) -> bool {
    let words: Vec<&str> = m.actor.name.split_whitespace().collect();
    m.actor.id_hint.is_none()
        && (2..=4).contains(&words.len())
        && !words
            .iter()
            .any(|w| is_organisation_word(w) || w.chars().all(|c| !c.is_lowercase()))
}

/// Whether a word of a name marks an organisation ("Bank", "Agency", "Ltd", "Group").
fn is_organisation_word(word: &str) -> bool {
    let mask = lexicon::COREF_COMPANY.mask()
        | lexicon::AUTHORITY_HEADS.mask()
        | lexicon::PRODUCT_NOUNS.mask()
        | lexicon::LEGAL_SUFFIXES.mask();
    lexicon::word_classes(word) & mask != 0 || word.ends_with('.') && is_legal_suffix(word)
}

/// "He", "him", "she": the most recent person of the document.
fn find_pronouns(ctx: &mut Ctx<'_, '_>, memory: &Memory) {
    // without a recognised person, the latest name that may be one ("Frank Allan Bruvik ...
    // cleared him")
    let target_person = match memory.last_targets.as_slice() {
        [only] if only.role == Role::Person || person_like(only) => Some(only.clone()),
        _ => None,
    };
    let Some(person) = target_person
        .or_else(|| memory.last_person.clone())
        .or_else(|| memory.last_named.clone())
    else {
        return;
    };
    for t in 0..ctx.toks.len() {
        if ctx.owner[t].is_none() && ctx.is(t, PERSON_PRONOUNS) {
            // the sentence's own person comes first
            let own = ctx
                .mentions
                .iter()
                .filter(|m| m.role == Role::Person && !m.coref && m.t1 <= t)
                .max_by_key(|m| m.t1)
                .cloned();
            let m = own.unwrap_or_else(|| person.clone());
            let mention = Mention {
                start: ctx.toks[t].start,
                end: ctx.toks[t].end,
                t0: t,
                t1: t + 1,
                coref: true,
                modifier: false,
                ..m
            };
            ctx.add_mention(mention);
        }
    }
}

/// Mentions of a sentence that reports no action: only the document memory is updated (short
/// names, the latest company, person and authority).
pub fn observe(s: &Sentence<'_>, resolver: &Resolver, memory: &mut Memory) {
    let mut ctx = Ctx::new(s, resolver);
    find_mentions(&mut ctx, memory, true);
}

/// The mentions that share a span with mention `m` (a plural reference such as "the two men"
/// stands for several actors), `m` first.
fn same_span(ctx: &Ctx<'_, '_>, m: usize) -> Vec<usize> {
    let (t0, t1) = (ctx.mentions[m].t0, ctx.mentions[m].t1);
    let mut out = vec![m];
    out.extend(
        (0..ctx.mentions.len())
            .filter(|&o| o != m && ctx.mentions[o].t0 == t0 && ctx.mentions[o].t1 == t1),
    );
    out
}

/// The analysis of one sentence: candidate events.
pub fn analyze(s: &Sentence<'_>, resolver: &Resolver, memory: &mut Memory) -> Vec<Candidate> {
    let mut ctx = Ctx::new(s, resolver);
    find_mentions(&mut ctx, memory, false);
    court_in_proceedings(&mut ctx);
    let mut triggers: Vec<(usize, usize, ActionKind, Form)> = Vec::new();
    for hit in s.hits {
        let Some((mut action, form)) = hit.trigger() else {
            continue;
        };
        let (t0, t1) = ctx.tok_range(hit.start, hit.end);
        if action == ActionKind::Investigation && court_proceedings(&ctx, t0, t1) {
            action = ActionKind::Charge;
        }
        if ctx.owner.get(t0).copied().flatten().is_some() {
            continue;
        }
        // "guilty", "liable", "appeal" alone are read by `verdicts_on_object` only
        if t1 == t0 + 1 && ctx.is(t0, &["guilty", "liable", "appeal", "appeals"]) {
            continue;
        }
        // "sanctioned" is a fine only with an amount after "with" ("The AEPD sanctioned
        // CaixaBank with EUR 6 million"; not "The US sanctioned Russian oligarchs")
        if ctx.is(t0, &["sanctioned"]) {
            let n = ctx.toks.len();
            let with_amount = (t1..n.min(t1 + 8)).any(|t| {
                ctx.is(t, &["with"])
                    && (ctx.in_amount(t + 1)
                        || ctx.is(t + 1, &["a", "an"]) && ctx.is(t + 2, lexicon::PENALTY_CUES))
            });
            if !with_amount {
                continue;
            }
        }
        // a judgment alone is one only against a party ("SEC Obtains Judgment Against Broker";
        // not "an error of judgment", "in its judgment")
        if t1 == t0 + 1
            && ctx.is(t0, &["judgment", "judgments", "judgement", "judgements"])
            && !ctx.is(t1, &["against"])
        {
            continue;
        }
        // ("(National School of Justice and Prosecution)": a word of a name)
        if ctx.is_capitalised(t0) && in_names_bracket(&ctx, t0) {
            continue;
        }
        // undertakings are a settlement only as what a party gives and an authority accepts
        // ("The CMA has accepted undertakings from Google"; not "fined four undertakings", the
        // EU's word for companies)
        if ctx.is(t0, &["undertakings"]) {
            let accepted = (t0.saturating_sub(4)..t0).any(|q| {
                ctx.is(
                    q,
                    &[
                        "accepted", "accepts", "accept", "offered", "offers", "gave", "given",
                        "binding", "agreed",
                    ],
                )
            }) || ctx.is(t1, &["from", "offered", "given"]);
            if !accepted {
                continue;
            }
        }
        // a preliminary view or findings are charges only as what an authority sends or tells
        // a party ("informed Microsoft of its preliminary view that ...")
        if ctx.is(t0, &["preliminary"])
            && !(t0.saturating_sub(5)..t0).any(|q| ctx.is(q, &GIVING) || ctx.is(q, &INFORMING))
        {
            continue;
        }
        triggers.push((t0, t1, action, form));
    }
    triggers.extend(verdicts_on_object(&ctx));
    triggers.sort_by_key(|&(t0, t1, _, _)| (t0, t1));
    ctx.triggers = triggers;
    let mut out: Vec<Candidate> = Vec::new();
    // the spans of the triggers that produced an event: a noun in their object is theirs
    let mut produced: Vec<(usize, usize, Form, ActionKind)> = Vec::new();
    for k in 0..ctx.triggers.len() {
        let (t0, t1, action, form) = ctx.triggers[k];
        if form == Form::Noun && absorbed(&ctx, &produced, t0) && !own_agent(&ctx, t1) {
            continue;
        }
        // "announced settled charges against X": the participle only qualifies the charges,
        // which are a settlement with the charges' parties
        if settled_before_charges(&ctx, t1, k) {
            continue;
        }
        // "The FTC sued to block Nvidia's acquisition of Arm": the suit is read with the
        // parties of the ban it seeks (below), which is not done
        if suit_purpose(&ctx, k + 1) || suit_object_purpose(&ctx, k) {
            continue;
        }
        if complaint_handled(&ctx, t0) {
            continue;
        }
        let mut found = analyze_trigger(&ctx, memory, t0, t1, action, form);
        if action == ActionKind::Charge && k > 0 && settled_before_charges(&ctx, t0, k - 1) {
            for candidate in &mut found {
                candidate.action = ActionKind::Settlement;
            }
        }
        if suit_purpose(&ctx, k) {
            for candidate in &mut found {
                candidate.action = ActionKind::Charge;
            }
        }
        // "fined Tencent, Alibaba and Suning for failing to report earlier acquisitions for
        // antitrust review": a noun in the reason of an earlier action, naming no party, is
        // that reason, not an action; but "for failing to provide information requested by the
        // DPA during an investigation" tells of one that took place, of the same parties
        if in_reason_of_earlier(&ctx, &produced, t0)
            && found
                .iter()
                .all(|c| c.targets.is_empty() && c.target_count.is_none())
        {
            let during = (t0.saturating_sub(4)..t0).any(|t| {
                ctx.is(t, &["during"]) || ctx.is(t, &["course"]) && ctx.is(t + 1, &["of"])
            });
            match out.last().filter(|_| during) {
                Some(earlier) => {
                    for candidate in &mut found {
                        candidate.targets.clone_from(&earlier.targets);
                        candidate.target_count = earlier.target_count;
                    }
                }
                None => found.clear(),
            }
        }
        // "ordered Apple to allow other payment systems, and imposed weekly penalties of 5
        // million euros": a penalty that a verb coordinated with the latest active verb hands
        // over, naming no party, goes to that verb's parties
        if form != Form::Verb
            && found
                .iter()
                .all(|c| c.targets.is_empty() && c.target_count.is_none())
        {
            if let Some(earlier) = coordinated_handover(&ctx, &produced, &out, t0)
                .or_else(|| participle_handover(&ctx, &out, t0))
            {
                for candidate in found.iter_mut().filter(|c| {
                    c.actor.is_none()
                        || c.actor.as_ref().map(|a| &a.key)
                            == earlier.actor.as_ref().map(|a| &a.key)
                }) {
                    candidate.targets.clone_from(&earlier.targets);
                    candidate.target_count = earlier.target_count;
                }
            }
        }
        // "Binance pleaded guilty and agreed to pay over $4 billion to resolve the
        // investigation": an intransitive verb coordinated with the latest intransitive verb
        // shares its subject, the parties
        if form == Form::Intransitive
            && found
                .iter()
                .all(|c| c.targets.is_empty() && c.target_count.is_none())
        {
            if let Some(earlier) = coordinated_intransitive(&ctx, &produced, &out, t0) {
                for candidate in &mut found {
                    candidate.targets.clone_from(&earlier.targets);
                    candidate.target_count = earlier.target_count;
                }
            }
        }
        if found.iter().any(|c| c.actor.is_none()) {
            let shared = coordinated_actor(&ctx, &produced, &out, t0, action, form);
            // "Beijing told Tencent to end exclusive deals, and fined it 500,000 yuan": with the
            // actor it shares, an "it" as the verb's object is the latest company
            let it_object = shared.is_some()
                && form == Form::Verb
                && ctx.is(t1, &["it"])
                && ctx.owner.get(t1).copied().flatten().is_none()
                && pronoun_as_object(&ctx, t1);
            let party = it_object
                .then(|| latest_party(&ctx, memory, t0, false))
                .flatten();
            for candidate in found.iter_mut().filter(|c| c.actor.is_none()) {
                candidate.actor.clone_from(&shared);
                if let Some(party) = party
                    .as_ref()
                    .filter(|_| candidate.targets.is_empty() && candidate.target_count.is_none())
                {
                    target_by_reference(candidate, party);
                }
            }
        }
        found = split_amount_each(&ctx, t0, found);
        if !found.is_empty() {
            produced.push((t0, t1, form, action));
        }
        // (the parties of one amount split per party are one list for a later "them")
        let mut split_parties: Vec<Mention> = Vec::new();
        for mut candidate in found {
            candidate.also = also_before(&ctx, t0);
            // "China's market regulator fined Alibaba ... The company was also ordered to
            // submit reports": "also" continues the previous sentence's action on the same
            // party, by the same authority; or the same action on another party ("The SAMR
            // fined Tencent for 12 deals. Baidu was also fined for two deals"); so does a
            // sentence that opens with the previous party's "Its" ("The CAC fined Didi 8
            // billion yuan. Its chairman Cheng Wei and president Jean Liu were each fined")
            let its_opening = ctx.is(0, &["its", "their"]) && !matches!(form, Form::Noun);
            if candidate.actor.is_none() && (candidate.also || its_opening) {
                let previous = memory
                    .last_actor
                    .as_ref()
                    .filter(|(n, _, _)| n + 1 == memory.sentence || *n == memory.sentence)
                    .filter(|(_, _, last_action)| {
                        !candidate.targets.is_empty()
                            && (*last_action == candidate.action
                                || candidate
                                    .targets
                                    .iter()
                                    .all(|t| memory.last_targets.iter().any(|l| l.key == t.key)))
                    });
                if let Some((_, actor, _)) = previous {
                    candidate.actor = Some(actor.clone());
                    candidate.flags.push("actor_coreference".to_string());
                }
            }
            if let Some(actor) = candidate
                .actor
                .as_ref()
                .filter(|a| a.role == Role::Authority)
            {
                memory.last_actor = Some((memory.sentence, actor.clone(), candidate.action));
            }
            if candidate.flags.iter().any(|f| f == "amount_each") {
                split_parties.extend(candidate.targets.iter().cloned());
                memory.last_targets.clone_from(&split_parties);
            } else if !candidate.targets.is_empty() {
                memory.last_targets = candidate.targets.clone();
            }
            if candidate.date.as_ref().is_some_and(|d| d.value.is_some()) {
                memory.last_date = candidate.date.clone();
            }
            out.push(candidate);
        }
    }
    out
}

/// "The ACCC has launched Federal Court proceedings against Qantas": a court's name right before
/// "proceedings" says where the proceedings are brought; it is no actor, and with "proceedings"
/// it is the noun "court proceedings" (a charge). The court's mention is dropped.
fn court_in_proceedings(ctx: &mut Ctx<'_, '_>) {
    while let Some(m) = ctx.mentions.iter().position(|m| {
        m.role == Role::Authority
            && m.t1 > m.t0
            && ctx.is(m.t1 - 1, &["court"])
            && ctx.is(m.t1, &["proceedings"])
    }) {
        remove_mention(ctx, m);
    }
}

/// Words before "proceedings" that make them a case brought before a court ("civil penalty
/// proceedings", "civil proceedings").
const COURT_CASE_QUALIFIERS: [&str; 2] = ["civil", "penalty"];

/// Verbs that bring a case before a court ("commenced proceedings against Westpac", "instituted
/// proceedings"); "opened proceedings" and "initiated proceedings" are the Commission's
/// investigations.
const COURT_CASE_VERBS: [&str; 6] = [
    "commenced",
    "commences",
    "instituted",
    "institutes",
    "brought",
    "brings",
];

/// Whether "proceedings" at `t0..t1` are a case before a court (a charge), not a regulator's
/// own proceedings (an investigation, as in "The Commission opened formal proceedings against
/// Google"): qualified as civil or penalty proceedings, brought with a verb of courts, or
/// followed by "in court", "in the Federal Court", "before the High Court".
fn court_proceedings(ctx: &Ctx<'_, '_>, t0: usize, t1: usize) -> bool {
    if t1 != t0 + 1 || !ctx.is(t0, &["proceedings"]) {
        return false;
    }
    // ("Federal Court proceedings": the court's mention is dropped, see `court_in_proceedings`)
    if t0 > 0 && (ctx.is(t0 - 1, &COURT_CASE_QUALIFIERS) || ctx.is(t0 - 1, &["court"])) {
        return true;
    }
    let verb = (t0.saturating_sub(4)..t0)
        .rev()
        .find(|&t| !ctx.is(t, &["civil", "legal", "penalty", "formal", "new"]));
    if verb.is_some_and(|v| ctx.is(v, &COURT_CASE_VERBS)) {
        return true;
    }
    // "in court", "in the Federal Court", "before the Supreme Court of Victoria": the court's
    // word within the prepositional phrase right after
    court_place_end(ctx, t1).is_some()
}

/// The end of a phrase at `t` that says before which court something is brought: "in court",
/// "in the Federal Court", "before the Supreme Court of Victoria" (to the end of the court's
/// name).
fn court_place_end(ctx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    if !ctx.is(t, &["in", "before"]) {
        return None;
    }
    let court = (t + 1..(t + 5).min(ctx.toks.len()))
        .take_while(|&q| ctx.toks[q].kind == Kind::Word)
        .find(|&q| ctx.is(q, &["court"]))?;
    Some(ctx.owner[court].map_or(court + 1, |m| ctx.mentions[m].t1.max(court + 1)))
}

/// Whether the pronoun at `p` is the object of the verb before it: "ordered it to", "fined it
/// $5m", "banned it from"; not the subject of a clause ("warned it might").
fn pronoun_as_object(ctx: &Ctx<'_, '_>, p: usize) -> bool {
    p + 1 >= ctx.toks.len()
        || ctx.covered[p + 1]
        || matches!(ctx.toks[p + 1].kind, Kind::Punct(_) | Kind::Num)
        || ctx.is(
            p + 1,
            &["to", "from", "for", "over", "with", "in", "on", "against"],
        )
}

/// "fined Alibaba and Tencent 500,000 yuan each", "Alibaba and Tencent were each fined 500,000
/// yuan", "imposed fines of 500,000 yuan apiece on ...": the amount is each party's, so a
/// candidate with several named targets becomes one event per target, each with the amount and
/// flagged `amount_each`. A counted group without names keeps its one event, flagged too (the
/// amount is then not the group's total).
fn split_amount_each(ctx: &Ctx<'_, '_>, t0: usize, found: Vec<Candidate>) -> Vec<Candidate> {
    let each = |t: usize| ctx.is(t, &["each", "apiece"]);
    let per_party = |c: &Candidate| {
        let Some((text, _)) = &c.amount else {
            return false;
        };
        // right after the amount ("500,000 yuan each")
        let after_amount = ctx.s.money.iter().any(|m| {
            ctx.s
                .text
                .get(..m.end)
                .is_some_and(|t| t.ends_with(text.as_str()))
                && each(ctx.tok_range(m.start, m.end).1)
        });
        // in the verb group ("were each fined", "each paid")
        let in_verb_group = (t0.saturating_sub(3)..t0)
            .rev()
            .take_while(|&t| {
                each(t) || ctx.is(t, lexicon::BE_FORMS) || ctx.is(t, &["has", "have", "had"])
            })
            .any(each);
        after_amount || in_verb_group
    };
    let mut out = Vec::with_capacity(found.len());
    for mut candidate in found {
        if !per_party(&candidate) {
            out.push(candidate);
            continue;
        }
        candidate.flags.push("amount_each".to_string());
        if candidate.targets.len() < 2 {
            out.push(candidate);
            continue;
        }
        let targets = std::mem::take(&mut candidate.targets);
        // (a stated count is the group's, not one party's)
        candidate.target_count = None;
        for target in targets {
            let mut one = candidate.clone();
            one.targets = vec![target];
            out.push(one);
        }
    }
    out
}

/// Whether "also" stands in the verb group before the trigger at `t0` ("was also ordered",
/// "has also been fined").
fn also_before(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    (t0.saturating_sub(4)..t0)
        .rev()
        .take_while(|&t| {
            ctx.is(t, &["also"])
                || ctx.is(t, lexicon::BE_FORMS)
                || ctx.is(t, lexicon::ADVERBS)
                || ctx.is(t, &["has", "have", "had"])
        })
        .any(|t| ctx.is(t, &["also"]))
}

/// "imposed a fine of EUR 51,000 on X and a fine of EUR 27,200 on Y": a trigger noun right
/// after "and" and a determiner shares the actor of the sentence's latest event, when that
/// event has the same action.
fn coordinated_actor(
    ctx: &Ctx<'_, '_>,
    produced: &[(usize, usize, Form, ActionKind)],
    out: &[Candidate],
    t0: usize,
    action: ActionKind,
    form: Form,
) -> Option<Mention> {
    if form == Form::Verb {
        return coordinated_verb_actor(ctx, produced, out, t0);
    }
    // a determiner makes it a noun ("and a fine", not "and fined")
    let mut d = t0;
    while d > 0 && ctx.is(d - 1, lexicon::DETERMINERS) {
        d -= 1;
    }
    if d == t0 || d == 0 || !ctx.is(d - 1, &["and"]) {
        return None;
    }
    let &(_, _, _, earlier_action) = produced.last()?;
    if earlier_action != action {
        return None;
    }
    let earlier = out.iter().rev().find(|c| c.action == action)?;
    earlier.actor.clone()
}

/// The sentence's latest event, when the trigger noun at `t0` is the object of a verb that hands
/// a penalty over ([`lexicon::HANDED_TO`]) right after "and", and that event's trigger is an
/// active verb with parties and an authority acting: "ordered Apple to allow ..., and imposed
/// weekly penalties".
fn coordinated_handover<'o>(
    ctx: &Ctx<'_, '_>,
    produced: &[(usize, usize, Form, ActionKind)],
    out: &'o [Candidate],
    t0: usize,
) -> Option<&'o Candidate> {
    let verb = verb_of_object(ctx, 0, t0, |q| ctx.is(q, lexicon::HANDED_TO))?;
    coordinated_with_latest(ctx, produced, out, verb).filter(|c| {
        !c.targets.is_empty() && c.actor.as_ref().is_some_and(|a| a.role == Role::Authority)
    })
}

/// The sentence's latest event, when the trigger noun at `t0` is the object of a participle
/// that hands a penalty over right after a comma, and that event has parties and an authority
/// acting: "The Data Protection Commission has announced its decision in its inquiry into
/// TikTok Technology Limited, imposing a fine of €345 million".
fn participle_handover<'o>(
    ctx: &Ctx<'_, '_>,
    out: &'o [Candidate],
    t0: usize,
) -> Option<&'o Candidate> {
    verb_of_object(ctx, 0, t0, |q| {
        ctx.is(q, &["imposing", "levying", "issuing"]) && q > 0 && ctx.punct(q - 1) == Some(',')
    })?;
    out.last().filter(|c| {
        c.span == ctx.s.span
            && !c.targets.is_empty()
            && c.actor.as_ref().is_some_and(|a| a.role == Role::Authority)
    })
}

/// Where the verb group of the verb at `t` begins, when "and" stands right before it (adverbs
/// between).
fn right_after_and(ctx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    let mut p = t;
    while p > 0 && ctx.is(p - 1, lexicon::ADVERBS) {
        p -= 1;
    }
    (p > 0 && ctx.is(p - 1, &["and"])).then_some(p)
}

/// The sentence's latest event, when the verb at `verb` stands right after "and" and that
/// event's trigger is an active verb before it: the two verbs share their subject.
fn coordinated_with_latest<'o>(
    ctx: &Ctx<'_, '_>,
    produced: &[(usize, usize, Form, ActionKind)],
    out: &'o [Candidate],
    verb: usize,
) -> Option<&'o Candidate> {
    let p = right_after_and(ctx, verb)?;
    let &(e0, e1, form, _) = produced.last()?;
    let passive = e0 > 0 && ctx.is(e0 - 1, lexicon::BE_FORMS);
    if form != Form::Verb || passive || e1 >= p {
        return None;
    }
    out.last()
}

/// The sentence's latest event, when the verb group of the intransitive trigger at `t0` stands
/// right after "and" and that event's trigger is an intransitive verb before it, with parties:
/// "Binance pleaded guilty and agreed to pay over $4 billion to resolve ...".
fn coordinated_intransitive<'o>(
    ctx: &Ctx<'_, '_>,
    produced: &[(usize, usize, Form, ActionKind)],
    out: &'o [Candidate],
    t0: usize,
) -> Option<&'o Candidate> {
    let and = before_verb_group(ctx, 0, t0);
    if and >= t0 || !ctx.is(and, &["and"]) {
        return None;
    }
    let &(_, e1, form, _) = produced.last()?;
    if form != Form::Intransitive || e1 > and {
        return None;
    }
    out.last().filter(|c| !c.targets.is_empty())
}

/// "The CAC said it had summoned executives from Meituan and ordered the company to
/// rectify": an active verb right after "and" shares the actor of the sentence's latest event,
/// when that event's trigger is an active verb too (its subject is the subject of both).
fn coordinated_verb_actor(
    ctx: &Ctx<'_, '_>,
    produced: &[(usize, usize, Form, ActionKind)],
    out: &[Candidate],
    t0: usize,
) -> Option<Mention> {
    coordinated_with_latest(ctx, produced, out, t0)?
        .actor
        .clone()
        .filter(|a| a.role == Role::Authority)
}

/// Verbs of a court's decision on an appeal against a sanction ("upheld the fine", "annulled the
/// decision", "rejected Qualcomm's appeal against the fine").
const APPEAL_DECISIONS: [&str; 16] = [
    "upheld",
    "upholds",
    "annulled",
    "annuls",
    "quashed",
    "quashes",
    "overturned",
    "overturns",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "confirmed",
    "confirms",
    "reduced",
    "reduces",
];

/// Nouns of a party's appeal against a decision ("Google's appeal against the fine", "Meta's
/// challenge to the order").
const APPEAL_NOUNS: [&str; 4] = ["appeal", "appeals", "challenge", "challenges"];

/// Words that open a subordinate clause inside a sentence ("days after the company went public").
const SUBORDINATORS: [&str; 8] = [
    "after", "before", "when", "while", "because", "since", "until", "as",
];

/// The authority that opens the main clause, when the verb at `verb` comes right after ", and"
/// and its own clause, which begins at `left`, opens with a subordinating word: "The CAC
/// launched its investigation into Didi in July, days after the company went public in New York,
/// and ordered app stores to remove its apps" (the CAC orders, not the company).
fn main_clause_authority(ctx: &Ctx<'_, '_>, left: usize, verb: usize) -> Option<usize> {
    // (a subordinating word after a comma or a span of time, "days after", "shortly after"; not
    // a preposition after a verb: "Prosecutors went after the companies ..., and accused")
    let subordinator = left.checked_sub(1).filter(|&s| {
        ctx.is(s, &SUBORDINATORS)
            && s > 0
            && (ctx.punct(s - 1) == Some(',')
                || ctx.is(
                    s - 1,
                    &[
                        "days", "weeks", "months", "years", "hours", "shortly", "just", "soon",
                        "long", "day", "week", "month", "year",
                    ],
                ))
    })?;
    let p = right_after_and(ctx, verb)?;
    if p < 2 || p <= left || ctx.punct(p - 2) != Some(',') {
        return None;
    }
    let (main_left, _) = clause(ctx, subordinator, subordinator + 1);
    let m = ctx.mention_at(skip_determiners(ctx, main_left))?;
    (ctx.mentions[m].role == Role::Authority && !ctx.mentions[m].modifier).then_some(m)
}

/// The authority that opens the main clause when the pronoun at `p` opens a subordinate
/// clause right after its subordinating word ("..., days after it launched an investigation"),
/// and the trigger at `t0` is an act that only an authority takes (a company may sue or settle:
/// "Regulators fined Acme Corp after it sued a rival"). "it" names no plural body.
fn subordinate_pronoun_authority(ctx: &Ctx<'_, '_>, p: usize, t0: usize) -> Option<usize> {
    let subordinator = p.checked_sub(1).filter(|&s| ctx.is(s, &SUBORDINATORS))?;
    let authorities_only = ctx.triggers.iter().any(|&(o0, _, action, _)| {
        o0 == t0
            && !matches!(
                action,
                ActionKind::Charge | ActionKind::Settlement | ActionKind::Apology
            )
    });
    if !authorities_only {
        return None;
    }
    let (main_left, _) = clause(ctx, subordinator, subordinator + 1);
    let m = ctx.mention_at(skip_determiners(ctx, main_left))?;
    let mention = &ctx.mentions[m];
    let plural = mention.t1 > mention.t0
        && ctx.is_lower_word(mention.t1 - 1)
        && ctx.word(mention.t1 - 1).ends_with('s');
    let agrees = ctx.is(p, &["it"]) != plural;
    (mention.role == Role::Authority && mention.t1 <= subordinator && agrees).then_some(m)
}

/// The authority that an "it" or "they" right after a reporting verb names, as the subject of
/// the active verb at `t0` right after "and": "The Ministry of Industry and Information
/// Technology said it had found 101 apps that illegally collected user data and ordered them
/// to fix the problems" (the ministry orders).
fn reported_pronoun_subject(ctx: &Ctx<'_, '_>, memory: &Memory, t0: usize) -> Option<Mention> {
    let p = right_after_and(ctx, t0)?;
    let pronoun = reported_pronoun_before(ctx, p)?;
    authority_reference(ctx, memory, pronoun, pronoun + 1)
}

/// The latest "it" or "they" before token `t` that follows a reporting verb ("the CAC said it
/// had summoned ...").
fn reported_pronoun_before(ctx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    (1..t)
        .rev()
        .find(|&q| ctx.is(q, &["it", "they"]) && ctx.is(q - 1, &REPORTING))
}

/// The latest company before token `t0`, of this sentence or before, that "it" or "its"
/// refers to ("fined Clearview AI ... and ordered it to delete"), or with `person` the latest
/// person, that "him" or "her" refers to (a name outside the catalogue with no cue to its kind
/// may be a person's: "John Smith"); marked as found by coreference.
fn latest_party(ctx: &Ctx<'_, '_>, memory: &Memory, t0: usize, person: bool) -> Option<Mention> {
    let role = if person { Role::Person } else { Role::Company };
    let unknown = |m: &Mention| person && m.role == Role::Company && m.actor.id_hint.is_none();
    let own = ctx
        .mentions
        .iter()
        .filter(|m| (m.role == role || unknown(m)) && m.t1 <= t0 && !m.modifier)
        .max_by_key(|m| m.t1)
        .cloned();
    let before = || {
        if person {
            memory.last_person.clone()
        } else {
            memory.last_company.clone()
        }
    };
    let mut m = own.or_else(before)?;
    m.coref = true;
    Some(m)
}

/// The owner named in the object of an ordering verb, when the trigger at `t0` is a participle
/// right after that object: "ordered Didi's 25 apps removed from app stores" (Didi, and 25 when
/// a number stands before the plural noun); `None` as the owner for "its" ("ordered its app
/// removed").
fn ordered_done(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<(Option<usize>, Option<u32>)> {
    if !is_participle(ctx.word(t0)) {
        return None;
    }
    let from = t0.saturating_sub(7).max(left);
    let verb = (from..t0).rev().find(|&q| {
        ctx.is(
            q,
            &[
                "ordered", "orders", "order", "ordering", "wants", "wanted", "want",
            ],
        )
    })?;
    // (only a noun phrase between: a possessor, a number, lower-case words)
    let noun_phrase = (verb + 1..t0).all(|q| {
        ctx.owner[q].is_some()
            || matches!(ctx.toks[q].kind, Kind::Poss | Kind::Num)
            || ctx.is_lower_word(q) && !ctx.is(q, lexicon::CLAUSE_STOPS)
    });
    if !noun_phrase || verb + 1 >= t0 {
        return None;
    }
    let how_many = (verb + 1..t0)
        .find(|&q| ctx.toks[q].kind == Kind::Num)
        .and_then(|q| number_of(ctx, q));
    if ctx.is(verb + 1, &["its"]) {
        return Some((None, how_many));
    }
    let owner = (verb + 1..t0)
        .filter_map(|q| ctx.mention_at(q))
        .find(|&m| {
            let mention = &ctx.mentions[m];
            mention.role != Role::Authority
                && ctx
                    .toks
                    .get(mention.t1)
                    .is_some_and(|t| t.kind == Kind::Poss)
        })?;
    Some((Some(owner), how_many))
}

/// The authority or state that puts a party under the noun at `t0`: "Beijing put Didi under a
/// cybersecurity review" (an active "put"/"placed" whose object is a name, then "under" and
/// at most two words before the noun).
fn putter_under(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<Mention> {
    let mut under = t0;
    while under > left && !ctx.is(under, &["under"]) && t0 - under <= 3 {
        under -= 1;
    }
    if !ctx.is(under, &["under"]) || under == 0 {
        return None;
    }
    let object = ctx.mention_at(under - 1)?;
    // ("put Full Truck Alliance and Kanzhun under": back over the list to its first name)
    let mut first = ctx.mentions[object].t0;
    while first >= 2 && (ctx.is(first - 1, &["and"]) || ctx.punct(first - 1) == Some(',')) {
        match ctx.mention_at(first - 2) {
            Some(m) => first = ctx.mentions[m].t0,
            None => break,
        }
    }
    let verb = first.checked_sub(1)?;
    if verb < left || !ctx.is(verb, &["put", "puts", "placed", "places"]) {
        return None;
    }
    // (not the passive "Didi was put under review": the party is the subject)
    if skip_adverbs_back(ctx, verb).is_some_and(|p| ctx.is(p, lexicon::BE_FORMS)) {
        return None;
    }
    match nearest_authority_left(ctx, left, verb) {
        Some(a) => Some(ctx.mentions[a].clone()),
        // ("China's securities regulator said it would tighten rules ... and put Full Truck
        // Alliance under cybersecurity review": the authority before the reported "it")
        None => state_subject(ctx, left, verb).or_else(|| {
            let pronoun = reported_pronoun_before(ctx, verb)?;
            let a = nearest_authority_left(ctx, 0, pronoun)?;
            Some(Mention {
                coref: true,
                ..ctx.mentions[a].clone()
            })
        }),
    }
}

/// The comma that opens a reporting clause inserted right before ", and" and the verb group
/// at `verb` ("..., the market regulator said on Saturday, and was fined"), and the authority
/// it names: the clause between the two commas has a reporting verb and names an authority.
fn reporting_clause_before(ctx: &Ctx<'_, '_>, verb: usize) -> Option<(usize, usize)> {
    // (the clause of the verb begins after "and": the search goes back from the sentence's
    // start)
    let and = before_verb_group(ctx, 0, verb);
    if !ctx.is(and, &["and"]) || and < 2 || ctx.punct(and - 1) != Some(',') {
        return None;
    }
    let close = and - 1;
    let open = (close.saturating_sub(12)..close)
        .rev()
        .find(|&t| ctx.punct(t) == Some(','))?;
    let reports = (open + 1..close).any(|t| ctx.is(t, &REPORTING));
    let authority = (open + 1..close)
        .filter_map(|t| ctx.mention_at(t))
        .find(|&m| ctx.mentions[m].role == Role::Authority)?;
    reports.then_some((open, authority))
}

/// Whether token `t0` stands in the reason of the sentence's latest action: after it, behind
/// "failing to", "failure to", "failed to" or "refusing to" ("fined X for failing to report
/// acquisitions for antitrust review"), or behind "for" and a gerund ("took legal action
/// against Qantas for advertising tickets on flights it had already cancelled").
fn in_reason_of_earlier(
    ctx: &Ctx<'_, '_>,
    produced: &[(usize, usize, Form, ActionKind)],
    t0: usize,
) -> bool {
    let Some(&(_, e1, _, _)) = produced.last() else {
        return false;
    };
    e1 < t0
        && (e1..t0).any(|t| {
            ctx.is(t, &["failing", "failure", "failed", "refusing"]) && ctx.is(t + 1, &["to"])
                // ("for advertising tickets on flights it had already cancelled")
                || ctx.is(t, &["for"])
                    && ctx.is_lower_word(t + 1)
                    && ctx.word(t + 1).ends_with("ing")
        })
}

/// Whether trigger `k` is a ban that a suit before it seeks: "sued to block", "sued on Thursday
/// to block", "filed a lawsuit to block" (the verb right after "to", the suit right before it,
/// with only time expressions between).
fn suit_purpose(ctx: &Ctx<'_, '_>, k: usize) -> bool {
    let Some((t0, suit_end)) = ban_after_charge(ctx, k) else {
        return false;
    };
    suit_end < t0
        && (suit_end..t0 - 1).all(|t| ctx.covered[t] && ctx.owner[t].is_none())
        && ctx.is(
            suit_end - 1,
            &[
                "sued",
                "sues",
                "suing",
                "sue",
                "lawsuit",
                "suit",
                "complaint",
            ],
        )
}

/// Whether the trigger noun at `t0` is a complaint that its subject passes on or turns down,
/// someone else's ("The CNIL forwarded the complaint to the Dutch DPA", "The Irish DPC rejected
/// the complaint against Facebook"): no charge by the subject. An authority's own complaint
/// named by its possessive stays one ("rejected the SEC's complaint").
fn complaint_handled(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    if !ctx.is(t0, &["complaint", "complaints"]) {
        return false;
    }
    let Some(verb) = t0
        .checked_sub(2)
        .filter(|&v| ctx.is(v + 1, &["the", "a", "this", "these"]))
    else {
        return false;
    };
    ctx.is(
        verb,
        &[
            "forwarded",
            "forwards",
            "referred",
            "refers",
            "passed",
            "transferred",
            "transfers",
            "rejected",
            "rejects",
        ],
    )
}

/// Where trigger `k` begins and the trigger before it ends, when `k` is a ban right after "to"
/// and the trigger before it a charge: the shape of a suit brought to block something.
fn ban_after_charge(ctx: &Ctx<'_, '_>, k: usize) -> Option<(usize, usize)> {
    let &(t0, _, action, _) = ctx.triggers.get(k)?;
    if action != ActionKind::Ban || k == 0 || t0 < 2 || !ctx.is(t0 - 1, &["to"]) {
        return None;
    }
    let (_, suit_end, suit_action, _) = ctx.triggers[k - 1];
    (suit_action == ActionKind::Charge).then_some((t0, suit_end))
}

/// Whether trigger `k` is a ban that a suit against a party before it seeks: "sued Meta to block
/// its acquisition of Within" (the suit's object between "sued" and "to"; the suit is read with
/// its own object, the ban is not done; "sued Microsoft and Activision in December to block the
/// deal").
fn suit_object_purpose(ctx: &Ctx<'_, '_>, k: usize) -> bool {
    let Some((t0, suit_end)) = ban_after_charge(ctx, k) else {
        return false;
    };
    suit_end + 1 < t0
        && ctx.is(suit_end - 1, &["sued", "sues", "suing", "sue"])
        && (suit_end..t0 - 1).any(|t| ctx.owner[t].is_some())
        && (suit_end..t0 - 1).all(|t| {
            ctx.owner[t].is_some()
                || ctx.covered[t]
                || ctx.is(t, lexicon::DETERMINERS)
                || ctx.is(t, &["and"])
                || ctx.punct(t) == Some(',')
        })
}

/// Whether trigger `k` is "settled" right before a charge noun ("settled charges", "settled
/// administrative proceedings" are no act of settling by the subject).
fn settled_before_charges(ctx: &Ctx<'_, '_>, t1: usize, k: usize) -> bool {
    let (t0, _, action, _) = ctx.triggers[k];
    if action != ActionKind::Settlement {
        return false;
    }
    // an adjective after a determiner or a verb of bringing charges, not the verb of a subject
    // ("Acme Corp settled charges brought by the SEC")
    let adjective = t0 > 0
        && (ctx.is(t0 - 1, lexicon::DETERMINERS)
            || ctx.is(
                t0 - 1,
                &[
                    "announced",
                    "announces",
                    "filed",
                    "files",
                    "instituted",
                    "institutes",
                    "brought",
                    "brings",
                    "obtained",
                ],
            ));
    // ("filed settled fraud charges": up to two lower-case words between)
    adjective
        && ctx.is(t0, &["settled"])
        && ctx.triggers.get(k + 1).is_some_and(|&(n0, _, next, form)| {
            n0 >= t1
                && n0 - t1 <= 2
                && (t1..n0).all(|q| ctx.is_lower_word(q) && ctx.owner[q].is_none())
                && next == ActionKind::Charge
                && form == Form::Noun
        })
}

/// Whether "told" at `t0..t1` instructs a company to act: "Tencent was told (by the central
/// bank) to end ...", with a company as the subject or an authority as the agent, or
/// "regulators told Tencent to end ...", with an authority as the subject; "to" must be
/// followed by a verb (a lower-case word that is no determiner).
fn told_to_act(ctx: &Ctx<'_, '_>, left: usize, right: usize, t0: usize, t1: usize) -> bool {
    let verb_after = |to: usize| {
        ctx.is(to, &["to"])
            && ctx.is_lower_word(to + 1)
            && !ctx.is(to + 1, lexicon::DETERMINERS)
            && ctx.owner.get(to + 1).copied().flatten().is_none()
    };
    let be = skip_adverbs_back(ctx, t0).filter(|&p| p >= left && ctx.is(p, lexicon::BE_FORMS));
    if let Some(be) = be {
        // "was told (by X) to": "to" right after the participle, or after its agent
        let agent = ctx.is(t1, &["by"]);
        let to = if agent {
            match (t1 + 1..right.min(t1 + 10)).find(|&q| ctx.is(q, &["to"])) {
                Some(to) => to,
                None => return false,
            }
        } else {
            t1
        };
        let by_authority = agent && authority_right(ctx, t1 + 1, to).is_some();
        let company_subject = !subject(ctx, left, be, |m| m.role == Role::Company).is_empty();
        return verb_after(to) && (by_authority || company_subject);
    }
    // ("summoned Tencent and told it to stop": the pronoun stands for the latest party; "the
    // CAC said it had summoned executives from Tencent and ByteDance and told them to clean
    // up": the authority before the reported "it")
    if ctx.is(t1, &["it", "them"]) {
        let reported = || {
            reported_pronoun_before(ctx, t0).is_some()
                && nearest_authority_left(ctx, 0, t0).is_some()
        };
        return verb_after(t1 + 1)
            && (nearest_authority_left(ctx, left, t0).is_some() || reported());
    }
    let Some(m) = ctx.owner.get(t1).copied().flatten() else {
        return false;
    };
    // ("told Didi Global executives to devise a plan": the company's people, then "to")
    let after = ctx.mentions[m].t1;
    let to = if ctx.is(after, lexicon::PERSON_ROLE_NOUNS) {
        after + 1
    } else {
        after
    };
    // ("Beijing told Tencent to end exclusive music licensing deals": a state as the subject)
    ctx.mentions[m].role != Role::Authority
        && verb_after(to)
        && (nearest_authority_left(ctx, left, t0).is_some()
            || state_subject(ctx, left, t0).is_some())
}

/// "told Tencent to suspend", "required Acme Corp to remove": the company told to do what the
/// trigger after "to" says, itself a target of the action.
fn directed_subject(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    if t0 < 3 || !ctx.is(t0 - 1, &["to"]) {
        return None;
    }
    let m = ctx.owner[t0 - 2]?;
    let mention = &ctx.mentions[m];
    // ("ordered Tencent's WeChat to suspend": past the owner of the app told)
    let start = mention
        .t0
        .checked_sub(2)
        .filter(|&q| ctx.toks[q + 1].kind == Kind::Poss)
        .and_then(|q| ctx.owner[q])
        .map_or(mention.t0, |owner| ctx.mentions[owner].t0);
    // ("will require software provider Avast to pay": past a description before the name)
    let mut verb = start.checked_sub(1)?;
    while verb > left
        && start - verb <= 3
        && ctx.is_lower_word(verb)
        && ctx.owner[verb].is_none()
        && !ctx.covered[verb]
        && !ctx.is(verb, &DIRECTIVES)
        && !ctx.is(verb, lexicon::CLAUSE_STOPS)
    {
        verb -= 1;
    }
    let directed = verb >= left && ctx.is(verb, &DIRECTIVES);
    (directed && mention.role != Role::Authority && !mention.modifier).then_some(m)
}

/// Verbs that tell a party to act ("told Tencent to suspend", "required Acme Corp to remove").
const DIRECTIVES: [&str; 15] = [
    "told",
    "tells",
    "instructed",
    "instructs",
    "required",
    "requires",
    // ("The FTC will require Avast to pay")
    "require",
    "forced",
    "forces",
    "directed",
    "directs",
    "compelled",
    "compels",
    // (an order whose complement is another action is that action:
    // "ordered Tencent to suspend new app updates")
    "ordered",
    "orders",
];

/// "India banned TikTok", "Russia fined Google", "Beijing fined Tencent": a country or capital
/// alone as the subject stands for its state: the catalogue's government of that jurisdiction
/// (the European Commission for the EU), or else the state named as written.
fn state_subject(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<Mention> {
    let p = before_verb_group(ctx, left, t0);
    if p < left || p >= t0 || ctx.jurisdiction[p].is_none() || ctx.owner[p].is_some() {
        return None;
    }
    // the run of place words that ends at p ("South Korea"), after at most a determiner
    let mut first = p;
    while first > left && ctx.jurisdiction[first - 1].is_some() && ctx.owner[first - 1].is_none() {
        first -= 1;
    }
    let opens = first == left || first == left + 1 && ctx.is(left, lexicon::DETERMINERS);
    // ("Last year, the EU fined Google", "In 2019, India banned TikTok": a fronted time
    // and its comma)
    let start = if first > left && ctx.is(first - 1, lexicon::DETERMINERS) {
        first - 1
    } else {
        first
    };
    let fronted_time = start > left + 1
        && ctx.punct(start - 1) == Some(',')
        && (left..start - 1).any(|t| ctx.covered[t] && ctx.jurisdiction[t].is_none())
        && (left..start - 1).all(|t| {
            ctx.covered[t] && ctx.jurisdiction[t].is_none() || ctx.is_lower_word(t) || t == left
        });
    let opens = opens || fronted_time;
    if !opens {
        return None;
    }
    state_of_place(ctx, first, p)
}

/// The state that the place words `first..=p` name, when they are capitalised words and no
/// demonym ("Chinese banned ..." is a fragment): the Union's Commission for the EU ("The EU
/// fined Google", as "Brussels" does), else the catalogue's government of that jurisdiction
/// ("Beijing fined Tencent", "Russia blocked LinkedIn"), else the place as written.
fn state_of_place(ctx: &Ctx<'_, '_>, first: usize, p: usize) -> Option<Mention> {
    let named = (first..=p).all(|t| ctx.is_capitalised(t) && ctx.toks[t].kind == Kind::Word);
    let demonym = (first..=p).any(|t| lexicon::has_demonym_ending(ctx.word(t)));
    if !named || demonym {
        return None;
    }
    // "The EU fined Google": the Union acts through its Commission, as "Brussels" does
    if (first..=p).all(|t| ctx.jurisdiction[t] == Some("EU")) {
        let commission = ctx
            .resolver
            .catalogue()
            .actors
            .iter()
            .position(|a| a.id == EU_EXECUTIVE);
        if let Some(index) = commission {
            let (start, end) = (ctx.toks[first].start, ctx.toks[p].end);
            return catalogue_mention(ctx, index, start, end, first, p + 1);
        }
    }
    // "Beijing fined Tencent", "Russia blocked LinkedIn": the state acts through its
    // government, when the catalogue holds one (as "the Chinese government" names it)
    let code = ctx.jurisdiction[p];
    let government = ctx.resolver.catalogue().actors.iter().position(|a| {
        a.kind == ActorKind::Government
            && a.jurisdiction.as_deref() == code
            && a.descriptors.iter().any(|d| d == "government")
    });
    if let Some(index) = government {
        let (start, end) = (ctx.toks[first].start, ctx.toks[p].end);
        return catalogue_mention(ctx, index, start, end, first, p + 1);
    }
    Some(named_authority(ctx, first, p + 1))
}

/// The state where a passive ban took place: "in" and a country's name within a few words after
/// the trigger ending at `t1` ("banned in India", "banned on government devices in Canada"),
/// the place ending the clause or followed by a time expression or a punctuation mark.
fn banned_in_place(ctx: &Ctx<'_, '_>, t1: usize, right: usize) -> Option<Mention> {
    let within = right.min(t1 + 6);
    let at = (t1..within).find(|&q| ctx.is(q, &["in"]))?;
    // (only words of the verb's own phrase before "in": "on government devices")
    if !(t1..at).all(|q| ctx.is_lower_word(q) && ctx.owner[q].is_none()) {
        return None;
    }
    // ("in the US")
    let first = if ctx.is(at + 1, &["the"]) {
        at + 2
    } else {
        at + 1
    };
    if !ctx.jurisdiction.get(first).is_some_and(Option::is_some) {
        return None;
    }
    let mut p = first;
    while p + 1 < ctx.toks.len() && ctx.jurisdiction[p + 1].is_some() && ctx.owner[p + 1].is_none()
    {
        p += 1;
    }
    let closes = p + 1 >= right
        || ctx.punct(p + 1).is_some()
        || ctx.covered.get(p + 2).copied().unwrap_or(false)
            && ctx.is(p + 1, &["in", "on", "last", "this"]);
    (closes && (first..=p).all(|t| ctx.owner[t].is_none()))
        .then(|| state_of_place(ctx, first, p))
        .flatten()
}

/// The catalogue id of the body that acts for the European Union as a whole.
const EU_EXECUTIVE: &str = "eu.commission";

/// The parties accused by the clause that starts at `from` with a mention ("... alleged that
/// Mr Richter and his accomplices sent ...": Richter): the list of mentions up to the end of
/// the clause, authorities left out.
fn accused_from(ctx: &Ctx<'_, '_>, from: usize) -> Vec<usize> {
    if ctx.mention_at(from).is_none() {
        return Vec::new();
    }
    let (list, _) = object_list(ctx, from, object_clause_end(ctx, from), 0);
    list.into_iter()
        .filter(|&m| ctx.mentions[m].role != Role::Authority)
        .collect()
}

/// Where a list of objects that starts at `from` ends: the clause's end or a word that stops
/// an argument ("of" excepted: "executives of Acme Corp").
fn object_clause_end(ctx: &Ctx<'_, '_>, from: usize) -> usize {
    let n = ctx.toks.len();
    (from..n)
        .find(|&t| {
            is_clause_boundary_right(ctx, t)
                || ctx.is(t, lexicon::CLAUSE_STOPS)
                    && !ctx.is(t, &["of"])
                    && !own_amount_preposition(ctx, from, t)
        })
        .unwrap_or(n)
}

/// Whether the preposition at `t` introduces the next target of a list after "and" and that
/// target's own amount ("a penalty of EUR 150m on Google and EUR 60m on Facebook": the second
/// "on"), in an object list that begins at `from`.
fn own_amount_preposition(ctx: &Ctx<'_, '_>, from: usize, t: usize) -> bool {
    if !(t > from
        && ctx.is(t, lexicon::NOUN_TARGET_PREPS)
        && ctx.covered[t - 1]
        && ctx.mention_at(t + 1).is_some())
    {
        return false;
    }
    let mut q = t - 1;
    while q > from && ctx.covered[q] {
        q -= 1;
    }
    q > from && ctx.is(q, &["and"])
}

/// Whether the noun at `t0` is introduced by "according to" ("According to the SEC's
/// complaint", "according to the complaint"): only articles, a possessor and its "'s" between.
fn after_according_to(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    (t0.saturating_sub(6)..t0).any(|a| {
        ctx.is(a, &["according"])
            && ctx.is(a + 1, &["to"])
            && (a + 2..t0).all(|t| {
                ctx.is(t, &["the", "its", "their", "a", "an"])
                    || ctx.owner[t].is_some()
                    || ctx.toks[t].kind == Kind::Poss
            })
    })
}

/// The authority whose findings, allegations or charges a sentence names before `t0` ("Without
/// admitting or denying the SEC's findings, ..."): the other party of a penalty paid.
fn findings_authority(ctx: &Ctx<'_, '_>, t0: usize) -> Option<Mention> {
    ctx.mentions
        .iter()
        .filter(|m| m.role == Role::Authority && m.t1 + 1 < t0 && !m.coref)
        .find(|m| {
            ctx.toks[m.t1].kind == Kind::Poss
                && ctx.is(
                    m.t1 + 1,
                    &[
                        "findings",
                        "allegations",
                        "charges",
                        "complaint",
                        "claims",
                        "order",
                    ],
                )
        })
        .cloned()
}

/// Verbs of a payment someone is ordered to make ("ordered to pay", "ordered X to repay").
const PAY_VERBS: [&str; 5] = ["pay", "repay", "compensate", "forfeit", "disgorge"];

/// Whether the trigger noun at `t0` is the object of an earlier trigger that produced an event
/// ("settle an investigation", "ordered to pay a fine", "pleaded guilty to charges").
fn absorbed(ctx: &Ctx<'_, '_>, produced: &[(usize, usize, Form, ActionKind)], t0: usize) -> bool {
    produced.iter().any(|&(_, p1, pf, pa)| {
        if p1 > t0 {
            return false;
        }
        // "a four-month jail sentence and a fine of $250,000": one sentence, with its fine
        if pf == Form::Noun {
            return pa == ActionKind::Ruling
                && (p1..t0).all(|t| ctx.is(t, &["and"]) || ctx.is(t, lexicon::DETERMINERS))
                && (p1..t0).any(|t| ctx.is(t, &["and"]));
        }
        // "ordered Acme Corp to pay a civil penalty": the payer named in between
        let pays = (p1..t0).any(|t| ctx.is(t, &PAY_VERBS));
        let words = (p1..t0)
            .filter(|&t| {
                let payer = pays && ctx.owner[t].is_some();
                // "settled the SEC's charges", "to resolve the Justice Department's
                // investigation": the possessor of the absorbed noun
                let possessor = ctx.owner[t].is_some_and(|m| {
                    ctx.toks
                        .get(ctx.mentions[m].t1)
                        .is_some_and(|tok| tok.kind == Kind::Poss)
                });
                // "settle Securities and Exchange Commission charges": an authority named
                // right before the absorbed noun, as a modifier
                let modifier = ctx.owner[t].is_some_and(|m| {
                    ctx.mentions[m].t1 == t0 && ctx.mentions[m].role == Role::Authority
                });
                // "to resolve the department's investigation": a common noun as the possessor
                let noun_possessor = ctx.is_lower_word(t)
                    && ctx
                        .toks
                        .get(t + 1)
                        .is_some_and(|tok| tok.kind == Kind::Poss);
                !(ctx.covered[t]
                    || matches!(ctx.toks[t].kind, Kind::Punct(_) | Kind::Num | Kind::Poss)
                    || noun_possessor
                    || ctx.is(t, lexicon::DETERMINERS)
                    || ctx.is(t, &["to", "pay", "paid", "paying"])
                    || payer
                    || possessor
                    || modifier)
            })
            .count();
        let punct = (p1..t0).any(|t| matches!(ctx.punct(t), Some(',' | ';' | ':')));
        words <= 1 && !punct && t0 - p1 <= 12
    })
}

/// "a lawsuit filed by Mr Spitzer": a trigger noun with its own authority agent is an action of
/// its own, even as the object of another trigger ("settle a lawsuit filed by ...").
fn own_agent(ctx: &Ctx<'_, '_>, t1: usize) -> bool {
    ctx.is(t1, &["filed", "brought", "launched", "lodged"])
        && ctx.is(t1 + 1, &["by"])
        && authority_right(ctx, t1 + 2, (t1 + 6).min(ctx.toks.len())).is_some()
}

/// "as" is a conjunction, except in "as well as" and "such as".
fn as_list(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.is(t, &["as"]) && (t > 0 && ctx.is(t - 1, &["well", "such"]) || ctx.is(t + 1, &["well"]))
}

/// Tokens a bracket of a name's other names may hold.
const MAX_NAMES_BRACKET: usize = 12;

/// Whether the tokens between the brackets at `open` and `close` are only other names of the
/// name right before `open`: capitalised words, short particles ("de", "of", "für"), commas,
/// periods and hyphens ("(Autoriteit Persoonsgegevens, AP)").
fn names_bracket(ctx: &Ctx<'_, '_>, open: usize, close: usize) -> bool {
    open > 0
        && ctx.owner[open - 1].is_some()
        && (open + 1..close).all(|q| {
            ctx.toks[q].kind == Kind::Word
                && (ctx.is_capitalised(q) || ctx.word(q).chars().count() <= 3)
                || matches!(ctx.punct(q), Some(',' | '.' | '-'))
        })
}

/// The nearest bracket after token `t`, within [`MAX_NAMES_BRACKET`] tokens, when it closes
/// one (no other bracket opens first).
fn closing_bracket_after(ctx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    (t + 1..(t + MAX_NAMES_BRACKET + 1).min(ctx.toks.len()))
        .find(|&q| matches!(ctx.punct(q), Some('(' | ')')))
        .filter(|&q| ctx.punct(q) == Some(')'))
}

/// The nearest bracket before token `t`, within [`MAX_NAMES_BRACKET`] tokens, when it opens one.
fn opening_bracket_before(ctx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    (t.saturating_sub(MAX_NAMES_BRACKET)..t)
        .rev()
        .find(|&q| matches!(ctx.punct(q), Some('(' | ')')))
        .filter(|&q| ctx.punct(q) == Some('('))
}

/// The brackets around token `t` when they hold only other names of the name before them (see
/// [`names_bracket`]): "Krajowa Szkoła Sądownictwa i Prokuratury (National School of Justice and
/// Prosecution)" names a school, and its "Prosecution" is no action.
fn in_names_bracket(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    match (
        opening_bracket_before(ctx, t),
        closing_bracket_after(ctx, t),
    ) {
        (Some(open), Some(close)) => names_bracket(ctx, open, close),
        _ => false,
    }
}

/// "(FTC)", "(SEC)": a short bracket after a name is part of it, not a clause boundary; so is
/// a longer one right after a name that holds only its other names ("(Autoriteit
/// Persoonsgegevens, AP)", "(Agencia Española de Protección de Datos, AEPD)").
fn short_bracket(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let n = ctx.toks.len();
    match ctx.punct(t) {
        Some('(') => {
            (t + 1..(t + 5).min(n)).any(|q| ctx.punct(q) == Some(')'))
                || closing_bracket_after(ctx, t).is_some_and(|close| names_bracket(ctx, t, close))
        }
        Some(')') => {
            (t.saturating_sub(4)..t).any(|q| ctx.punct(q) == Some('('))
                || opening_bracket_before(ctx, t).is_some_and(|open| names_bracket(ctx, open, t))
        }
        _ => false,
    }
}

fn is_clause_boundary_left(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    !as_list(ctx, t) && !short_bracket(ctx, t) && (ends_clause(ctx, t) || ctx.is(t, &["as"]))
}

fn is_clause_boundary_right(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    !short_bracket(ctx, t) && (ends_clause(ctx, t) || ctx.is(t, &["which", "who"]))
}

/// What ends a clause on either side: a clause mark that no time or amount covers, or a word
/// of [`lexicon::CLAUSE_BOUNDARY_WORDS`].
fn ends_clause(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    // (a wire dateline's dash too: "AMSTERDAM, Aug 26 - The Dutch Data Protection Authority
    // has imposed ...")
    !ctx.covered[t]
        && (matches!(ctx.punct(t), Some(';' | ':' | '—' | '–' | '(' | ')')) || dateline_dash(ctx, t))
        // ("since April": a starting point, which a time expression covers, is no clause)
        || ctx.is(t, lexicon::CLAUSE_BOUNDARY_WORDS) && !(ctx.covered[t] && ctx.is(t, &["since"]))
}

/// Whether token `t` is the dash that ends a wire dateline opening the sentence: a hyphen with
/// a space on each side after a place in capitals, a date and an agency in brackets
/// ("AMSTERDAM, Aug 26 (Reuters) -", "BEIJING -"). A hyphen between spaces elsewhere stays
/// within its clause (a parenthesis: "the Secret Service - a federal agency ... - is said to").
fn dateline_dash(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    if t == 0 || t > 12 || ctx.punct(t) != Some('-') {
        return false;
    }
    let tok = ctx.toks[t];
    let bytes = ctx.s.text.as_bytes();
    let spaced = tok.start > 0
        && bytes
            .get(tok.start - 1)
            .is_some_and(u8::is_ascii_whitespace)
        && bytes.get(tok.end).is_some_and(u8::is_ascii_whitespace);
    let place = ctx.word(0);
    spaced
        && place.len() >= 2
        && place.chars().all(|c| c.is_ascii_uppercase())
        && (0..t).all(|q| {
            ctx.covered[q]
                || matches!(
                    ctx.toks[q].kind,
                    Kind::Num | Kind::Punct(',' | '.' | '(' | ')')
                )
                || ctx.word(q).starts_with(|c: char| c.is_ascii_uppercase())
        })
}

/// Whether the verb trigger at `t0` is an "-ing" form that reports no action of its own: a
/// gerund after a preposition or "that" ("banned from suing Parmalat", "fined for blocking
/// rivals", "found that blocking the data does not ..."), or
/// an "-ing" word that opens the sentence ("Prosecuting attorney Carol Lam said", "Suing Google
/// would take years"), or the participle of a trigger noun or of a decision ("an injunction
/// blocking the sale", "a US court order blocking the sale", "a law banning TikTok": the order
/// or the law is what acts, read on its own). In a progressive ("is currently suing Google"), a participle clause
/// (", fining it $5 million") or after a noun ("police investigating the murder") it tells an
/// action.
fn gerund_or_modifier(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    if !ctx.word(t0).to_ascii_lowercase().ends_with("ing") {
        return false;
    }
    let mut before = t0;
    loop {
        let Some(b) = before.checked_sub(1) else {
            return true;
        };
        before = b;
        let adverb =
            ctx.is(b, lexicon::ADVERBS) || ctx.is_lower_word(b) && ctx.word(b).ends_with("ly");
        if !adverb {
            break;
        }
    }
    // "a US court order last week blocking the sale": the participle of a trigger noun, whose
    // event it is (a time expression may stand between)
    let in_trigger = |t: usize| ctx.triggers.iter().any(|&(s, e, _, _)| (s..e).contains(&t));
    let mut noun_end = before;
    while noun_end > 0
        && ctx.covered[noun_end]
        && ctx.jurisdiction[noun_end].is_none()
        && !in_trigger(noun_end)
    {
        noun_end -= 1;
    }
    let of_noun = |noun: usize| {
        ctx.is(noun, lexicon::DECISION_NOUNS)
            || ctx.triggers.iter().any(|&(_, end, _, form)| {
                end == noun + 1 && matches!(form, Form::Noun | Form::Either)
            })
    };
    // (an ordering participle is how the decision acts, read with it: "a final judgment
    // ordering Acme Corp to pay a civil penalty")
    let ordering = ctx
        .triggers
        .iter()
        .any(|&(o0, _, action, _)| o0 == t0 && action == ActionKind::Order);
    ctx.is(before, lexicon::GERUND_CUES) || !ordering && (noun_end..=before).any(of_noun)
}

/// Words after which a past participle before a noun describes that noun ("over cancelled
/// flights", "the suspended licence", "for banned substances").
const BEFORE_ADJECTIVE: [&str; 13] = [
    "over", "for", "about", "of", "on", "with", "from", "the", "a", "an", "its", "their", "any",
];

/// Whether the trigger verb at `t0..t1` is a past participle used as an adjective before a
/// lower-case noun ("The ACCC has launched court proceedings against Qantas over cancelled
/// flights"): it tells what the noun is, no one acts.
fn adjectival_participle(ctx: &Ctx<'_, '_>, t0: usize, t1: usize) -> bool {
    t1 == t0 + 1
        && t0 > 0
        && ctx.word(t0).to_ascii_lowercase().ends_with("ed")
        && ctx.is(t0 - 1, &BEFORE_ADJECTIVE)
        && ctx.is_lower_word(t1)
        && !ctx.covered[t1]
        && ctx.owner[t1].is_none()
        && !ctx.is(t1, lexicon::CLAUSE_STOPS)
        && !ctx.is(t1, lexicon::DETERMINERS)
        && !ctx.is(t1, &["and", "or", "by"])
}

fn modal_before(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> bool {
    // "the FTC's bid to halt the deal", "an attempt to block": sought, not done (but "efforts
    // to resolve an inquiry" tell of a real inquiry)
    if t0 >= 2
        && ctx.is(t0 - 1, &["to"])
        && ctx.is(
            t0 - 2,
            &[
                "bid",
                "bids",
                "attempt",
                "attempts",
                "attempted",
                "effort",
                "efforts",
            ],
        )
    {
        return true;
    }
    // "is to investigate", "are to be fined": planned
    if t0 >= 2 && ctx.is(t0 - 1, &["to"]) && ctx.is(t0 - 2, &["is", "are", "was", "were"]) {
        return true;
    }
    if t0 >= 3
        && ctx.is(t0 - 1, &["be"])
        && ctx.is(t0 - 2, &["to"])
        && ctx.is(t0 - 3, &["is", "are", "was", "were"])
    {
        return true;
    }
    // seven tokens back, a name counting as one ("calling on the Department of Trade and
    // Industry to block")
    let mut from = words_back(ctx, t0, left, 7, |_| false);
    // "said it would hold talks with internet platforms and ordered them to rectify": a verb
    // in the past tense right after "and" has a verb group of its own, which the modal before
    // "and" does not govern (but "could be fined and banned" shares "could be")
    let own_group = right_after_and(ctx, t0).filter(|&and| {
        and > from
            && ctx.is_lower_word(t0)
            && ctx.word(t0).ends_with("ed")
            && !(from..and)
                .any(|q| ctx.is(q, lexicon::BE_FORMS) || ctx.is(q, &["has", "have", "had"]))
    });
    if let Some(and) = own_group {
        from = and;
    }
    // "faced charges", "is facing a probe": real; "could face a fine": a threat
    let faced = ctx.is(t0, lexicon::FACED_NOUNS);
    // (a sentence that a reporting verb tells, with no "if" or "unless": "the regulator said
    // Meituan would pay a fine")
    let reported_unconditionally = || {
        (0..ctx.toks.len()).any(|q| ctx.is(q, &REPORTING))
            && !(0..ctx.toks.len()).any(|q| ctx.is(q, &["if", "unless"]))
    };
    // the end of the list item being read: "seeks permanent injunctions, disgorgement and
    // civil penalties" is one object of "seeks", a list of short noun phrases
    let mut item_end = t0;
    for t in (from..t0).rev() {
        // (the item right before the trigger is the list's last one: "and civil")
        let last_item = item_end < t0 || (t + 1..t0).any(|q| ctx.is(q, &["and", "or"]));
        if ctx.punct(t) == Some(',') && last_item && list_item(ctx, t + 1, item_end) {
            item_end = t;
            continue;
        }
        if matches!(ctx.punct(t), Some(',' | ';' | ':' | '(' | '“' | '"')) {
            break;
        }
        if faced && ctx.is(t, &["face", "faces", "facing"]) {
            continue;
        }
        // "Acme Corp will pay $10 million to settle allegations": an agreed settlement, as
        // regulators announce it
        let agreed_payment = ctx.is(t, &["will"])
            && ctx.is(t + 1, &["pay"])
            && ctx.is(t0 - 1, &["to"])
            && (t + 2..t0 - 1).any(|q| ctx.covered[q]);
        // "Meituan will pay a fine of 3.44 billion yuan", "the regulator said Meituan would
        // pay a fine of ...": a penalty decided, to be paid (not "would pay a fine if ...")
        let decided_penalty = ctx.is(t, &["will", "would"])
            && ctx.is(t + 1, &["pay"])
            && ctx.is(t0, &["fine", "fines", "penalty", "penalties"])
            // (an amount's words do not count: "will pay a $10 million civil penalty")
            && (t + 2..t0).filter(|&q| !ctx.covered[q]).count() <= 4
            && (t + 2..t0)
                .all(|q| ctx.covered[q] || ctx.is_lower_word(q) && ctx.owner[q].is_none())
            && (ctx.is(t, &["will"]) || reported_unconditionally());
        // "the SAMR said Alibaba would be fined 18.2 billion yuan": a fine decided, with its
        // amount right after the participle, as a reporting verb tells it (not "could be
        // fined", not "would be fined if ...")
        let decided_fine = ctx.is(t, &["will", "would"])
            && t0 == t + 2
            && ctx.is(t + 1, &["be"])
            && ctx.is(t0, &["fined", "penalised", "penalized"])
            && ctx.covered.get(t0 + 1).copied().unwrap_or(false)
            && reported_unconditionally();
        if agreed_payment || decided_penalty || decided_fine {
            return false;
        }
        // ("arrested in May and charged": the month, which a time expression covers, is
        // no modal)
        let month = ctx.covered[t] && ctx.word(t) == "May";
        // ("Ant Group's planned listing was suspended": an adjective of the passive's subject,
        // after a determiner or a possessive, with the verb of being after it)
        let adjective = t > 0
            && (ctx.toks[t - 1].kind == Kind::Poss || ctx.is(t - 1, lexicon::DETERMINERS))
            && (t + 1..t0).any(|q| ctx.is(q, lexicon::BE_FORMS));
        if ctx.toks[t].kind == Kind::Neg || !month && !adjective && ctx.is(t, lexicon::MODAL_BEFORE)
        {
            return true;
        }
    }
    false
}

/// The token `words` words before token `t`, not before `floor`: a name counts as one word,
/// and a token that `passed_over` tells as none.
fn words_back(
    ctx: &Ctx<'_, '_>,
    t: usize,
    floor: usize,
    words: usize,
    passed_over: impl Fn(usize) -> bool,
) -> usize {
    let mut from = t;
    let mut counted = 0;
    while from > floor && counted < words {
        from -= 1;
        if let Some(m) = ctx.owner[from] {
            from = ctx.mentions[m].t0.max(floor);
        } else if passed_over(from) {
            continue;
        }
        counted += 1;
    }
    from
}

/// Whether `from..to` is an item of a list of short noun phrases: at most four lower-case
/// words ("disgorgement", "and civil"), no name, no verb of being, no negation.
fn list_item(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> bool {
    to > from
        && to - from <= 4
        && (from..to).all(|t| {
            ctx.is_lower_word(t)
                && ctx.owner[t].is_none()
                && !ctx.is(t, lexicon::BE_FORMS)
                && !ctx.is(t, lexicon::MODAL_BEFORE)
                && !ctx.is(t, &["it", "they", "he", "she", "we", "which", "who"])
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    Active,
    Passive,
    Noun,
    Intransitive,
}

fn skip_adverbs_back(ctx: &Ctx<'_, '_>, mut t: usize) -> Option<usize> {
    // returns the index of the first non-adverb token before t
    while t > 0 {
        t -= 1;
        if !ctx.is(t, lexicon::ADVERBS) {
            return Some(t);
        }
    }
    None
}

/// Whether `word` looks like a past participle ("fined", "taken", "cut").
fn is_participle(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("en") || word.ends_with("ut")
}

/// "Tencent was ordered to give up its exclusive rights and fined 500,000 yuan", "Mr Ebbers
/// was arrested in May and charged with fraud": a participle after "and" that shares the verb
/// of being of an earlier passive in its clause is a passive too, whose subject is that
/// passive's. Returns the earlier verb of being. Not when a name follows the participle as its
/// object ("... and fined Alibaba" is active).
fn coordinated_passive(ctx: &Ctx<'_, '_>, left: usize, t0: usize, t1: usize) -> Option<usize> {
    // ("... and fined", "... and was later fined")
    let and = before_verb_group(ctx, left, t0);
    if and <= left || !ctx.is(and, &["and"]) {
        return None;
    }
    if !is_participle(ctx.word(t0)) || ctx.owner.get(t1).copied().flatten().is_some() {
        return None;
    }
    // the earlier passive: a verb of being, adverbs, a participle; nothing between it and
    // "and" that opens another verb group of its own
    let from = and.saturating_sub(16).max(left);
    for b in (from..and).rev() {
        if ctx.toks[b].kind == Kind::Neg || matches!(ctx.punct(b), Some(';' | ':')) {
            return None;
        }
        if ctx.is(b, lexicon::BE_FORMS) {
            let participle = (b + 1..and)
                .find(|&q| !ctx.is(q, lexicon::ADVERBS))
                .filter(|&q| ctx.is_lower_word(q) && is_participle(ctx.word(q)));
            return participle.map(|_| b);
        }
    }
    None
}

/// "Tencent was told to suspend new app updates", "Didi was ordered to stop registering new
/// users": the action someone was directed to take is done to them, a passive whose subject is
/// the target. ("forced" and "asked" are left out: "Toyota was forced to suspend production"
/// after an earthquake is no enforcement.) The directing participle may have its agent ("was
/// ordered by the ministry to suspend"). Returns the verb of being and the participle.
fn passive_directive(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<(usize, usize)> {
    if t0 < left + 3 || !ctx.is(t0 - 1, &["to"]) {
        return None;
    }
    // the agent between the participle and "to": a short phrase without punctuation
    let agent = (t0.saturating_sub(10).max(left)..t0 - 1)
        .rev()
        .take_while(|&q| ctx.punct(q).is_none())
        .find(|&q| ctx.is(q, &["by"]));
    let participle = agent.unwrap_or(t0 - 1).checked_sub(1)?;
    let directed = ctx.is(
        participle,
        &["told", "ordered", "instructed", "directed", "required"],
    );
    let be = skip_adverbs_back(ctx, participle).filter(|&p| p >= left)?;
    (directed && ctx.is(be, lexicon::BE_FORMS)).then_some((be, participle))
}

fn voice(ctx: &Ctx<'_, '_>, left: usize, t0: usize, t1: usize, form: Form) -> Voice {
    let prev = skip_adverbs_back(ctx, t0).filter(|&p| p >= left);
    let next_is_by = ctx.is(t1, &["by"]);
    let verbish = |ctx: &Ctx<'_, '_>| {
        // "was investigating" is a progressive, not a passive
        let progressive = ctx.word(t0).to_ascii_lowercase().ends_with("ing");
        let be = !progressive && prev.is_some_and(|p| ctx.is(p, lexicon::BE_FORMS));
        if be || (next_is_by && !progressive) {
            return Voice::Passive;
        }
        if coordinated_passive(ctx, left, t0, t1).is_some()
            || passive_directive(ctx, left, t0).is_some()
        {
            return Voice::Passive;
        }
        let word = ctx.word(t1 - 1);
        let participle = is_participle(word);
        // "Wang Xuebing, jailed for 12 years": a participle after a name and a comma (not
        // with a name as its object: "The head of the CMA, Andrea Coscelli, fined Acme Widgets
        // Ltd" is active)
        let object_follows = ctx.owner.get(t1).copied().flatten().is_some();
        if participle
            && !object_follows
            && prev.is_some_and(|p| {
                ctx.punct(p) == Some(',')
                    && p > 0
                    && ctx
                        .mention_at(p - 1)
                        .is_some_and(|m| ctx.mentions[m].role != Role::Authority)
            })
        {
            return Voice::Passive;
        }
        // a reduced passive ("Monsanto fined $1.5m", "companies fined by"): a participle right
        // after a non-authority subject, with no authority before it in the clause
        if participle && ctx.s.headline {
            let subject = prev.and_then(|p| ctx.owner[p]).map(|m| &ctx.mentions[m]);
            let authority_left = ctx
                .mentions
                .iter()
                .any(|m| m.role == Role::Authority && !m.modifier && m.t1 <= t0 && m.t0 >= left);
            if subject.is_some_and(|m| m.role != Role::Authority)
                && !authority_left
                && !object_follows
            {
                return Voice::Passive;
            }
        }
        Voice::Active
    };
    // "filed a settled action against Acme Capital LLC": a participle after a determiner
    // qualifies a noun of proceedings, and is read as that noun
    // ("instituted settled administrative proceedings against Beta LLC")
    const PROCEEDINGS: [&str; 7] = [
        "action",
        "actions",
        "proceeding",
        "proceedings",
        "case",
        "cases",
        "complaint",
    ];
    let settled_proceeding = form == Form::Intransitive
        && ctx.is(t0, &["settled"])
        && t0 > 0
        && ctx.is(
            t0 - 1,
            &[
                "a",
                "an",
                "the",
                "instituted",
                "filed",
                "brought",
                "announced",
            ],
        )
        && (ctx.is(t1, &PROCEEDINGS)
            || ctx.is(t1, &["administrative", "civil", "cease-and-desist"])
                && ctx.is(t1 + 1, &PROCEEDINGS));
    if settled_proceeding {
        return Voice::Noun;
    }
    match form {
        Form::Verb => verbish(ctx),
        Form::Intransitive | Form::Payment => Voice::Intransitive,
        Form::Noun if charges_as_verb(ctx, left, prev, t0, t1) => verbish(ctx),
        Form::Noun => Voice::Noun,
        Form::Either => {
            let Some(p) = prev else { return Voice::Noun };
            let subject_before = ctx.owner[p].is_some_and(|m| !ctx.mentions[m].modifier)
                || ctx.is(
                    p,
                    &[
                        "it",
                        "they",
                        "which",
                        "who",
                        "regulators",
                        "authorities",
                        "officials",
                        "watchdog",
                        "regulator",
                    ],
                );
            // ("it would fine Grindr": after a modal, a verb)
            let modal = ctx.is(
                p,
                &[
                    "will", "would", "could", "can", "may", "might", "must", "should", "shall",
                ],
            );
            // ("The FTC's order bans Acme Corp from selling browsing data": a decision as the
            // subject, with an object after the verb)
            let decision_subject = ctx.is(
                p,
                &[
                    "order",
                    "ruling",
                    "decision",
                    "law",
                    "rule",
                    "regulation",
                    "decree",
                    "directive",
                    "judgment",
                    "settlement",
                ],
            ) && (ctx.mention_at(t1).is_some()
                || ctx.is(t1, lexicon::DETERMINERS));
            // ("EU fines Google $2.7 billion", "China fines Alibaba": a place as the subject,
            // with a name after the verb; not "US fines on banks")
            let place_subject = ctx.jurisdiction[p].is_some() && ctx.mention_at(t1).is_some();
            if subject_before
                || modal
                || decision_subject
                || place_subject
                || ctx.is(p, &["to"]) && !ctx.is(p.saturating_sub(1), &["due", "subject", "liable"])
            {
                verbish(ctx)
            } else {
                Voice::Noun
            }
        }
    }
}

/// Whether "charges" at `t0` is the verb of an authority that opens its clause, with an object
/// after it ("SEC Charges Three Individuals with Fraud", "The Securities and Exchange Commission
/// today charges Acme Corp with ..."), not the noun it usually is ("settled SEC charges",
/// "faces SEC charges", "SEC charges against Acme were dropped").
fn charges_as_verb(
    ctx: &Ctx<'_, '_>,
    left: usize,
    prev: Option<usize>,
    t0: usize,
    t1: usize,
) -> bool {
    /// Words after the noun "charges" that begin no object.
    const NOT_OBJECT: [&str; 18] = [
        "against", "that", "of", "over", "filed", "brought", "were", "was", "are", "is", "related",
        "in", "and", "or", "by", "from", "on", "under",
    ];
    // ("The SEC today charges ...")
    let prev = prev.map(|p| {
        if ctx.is(p, &["today"]) {
            p.saturating_sub(1)
        } else {
            p
        }
    });
    // ("The SEC's complaint charges Smith with ...": the authority's complaint, indictment or
    // suit as the subject, its possessor the one who charges)
    let prev = prev.map(|p| {
        let filed = ctx.is(p, &["complaint", "indictment", "lawsuit", "suit"])
            && p >= 2
            && ctx.toks[p - 1].kind == Kind::Poss;
        if filed {
            p - 2
        } else {
            p
        }
    });
    let Some(subject) = prev.and_then(|p| ctx.owner[p]).map(|m| &ctx.mentions[m]) else {
        return false;
    };
    ctx.is(t0, &["charges"])
        && t1 == t0 + 1
        && subject.role == Role::Authority
        && !subject.modifier
        && subject.t0 >= left
        && (left..subject.t0).all(|t| ctx.is(t, &["the"]))
        && ctx.punct(t1).is_none()
        && ctx.toks.get(t1).is_some()
        && !ctx.is(t1, &NOT_OBJECT)
}

/// Mentions to the right, as an object: a list of names, maybe after "12 companies, including",
/// skipping appositions ("Ryan Samuel Pitylak, a University of Texas student, and Mark Stephen
/// Trotter") and the thing the target holds ("$1bn worth of contracts assigned to Boeing").
/// Nouns that name a company by its relation to another ("Ant Group's rival Lufax", "Baidu's
/// video unit iQiyi").
const RELATION_NOUNS: [&str; 16] = [
    "rival",
    "competitor",
    "peer",
    "counterpart",
    "challenger",
    "archrival",
    "unit",
    "subsidiary",
    "affiliate",
    "arm",
    "supplier",
    "parent",
    "owner",
    "partner",
    "customer",
    "contractor",
];

/// Whether a description by an owner begins at `t`: a name, its "'s", then lower-case words
/// (jurisdiction words may come first): "ByteDance's Chinese version of TikTok", "Alibaba's
/// payment affiliate".
fn owner_description(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let Some(owner) = ctx.mention_at(t) else {
        return false;
    };
    let poss = ctx.mentions[owner].t1;
    if ctx.toks.get(poss).is_none_or(|tok| tok.kind != Kind::Poss) {
        return false;
    }
    let mut q = poss + 1;
    while q < ctx.toks.len() && ctx.jurisdiction[q].is_some() && ctx.owner[q].is_none() {
        q += 1;
    }
    q < ctx.toks.len() && ctx.is_lower_word(q) && ctx.owner[q].is_none()
}

/// Where a description by an owner after the comma at `comma` ends ([`owner_description`]): its
/// closing comma, or `limit` (the clause's end) when none comes within a dozen tokens.
fn owner_description_end(ctx: &Ctx<'_, '_>, comma: usize, limit: usize) -> Option<usize> {
    (ctx.punct(comma) == Some(',') && owner_description(ctx, comma + 1)).then(|| {
        (comma + 2..limit.min(comma + 14))
            .find(|&q| ctx.punct(q) == Some(','))
            .unwrap_or(limit)
    })
}

fn object_list(
    ctx: &Ctx<'_, '_>,
    from: usize,
    right: usize,
    max_gap: usize,
) -> (Vec<usize>, Option<u32>) {
    let mut targets: Vec<usize> = Vec::new();
    let mut count = None;
    let mut gap = 0;
    let mut t = from;
    while t < right {
        if let Some(m) = ctx.owner[t] {
            let mention = &ctx.mentions[m];
            if !mention.modifier {
                for o in same_span(ctx, m) {
                    if !targets.contains(&o) {
                        targets.push(o);
                    }
                }
            }
            t = mention.t1.max(t + 1);
            gap = 0;
            // an apposition after a name: ", a University of Texas student,"
            if ctx.punct(t) == Some(',') && ctx.is(t + 1, &["a", "an", "the"]) {
                let close = (t + 2..right.min(t + 14)).find(|&q| ctx.punct(q) == Some(','));
                if let Some(close) = close {
                    t = close;
                }
            }
            // ", ByteDance's Chinese version of TikTok,": a description by the name's owner,
            // to its closing comma or the clause's end (not a list's next item, "Tencent's
            // China Literature")
            if let Some(end) = owner_description_end(ctx, t, right) {
                t = end;
            }
            continue;
        }
        let tok = ctx.toks[t];
        if tok.kind == Kind::Num {
            if ctx.is(t + 1, lexicon::GROUP_NOUNS) {
                count = ctx.word(t).replace(',', "").parse::<u32>().ok();
            }
            t += 1;
            continue;
        }
        if tok.kind == Kind::Poss {
            // "the IPO of Ant Group's rival Lufax": a company named by its relation to the
            // possessor is the party, not the possessor
            let next = (t + 1..right.min(t + 5)).find(|&q| ctx.owner[q].is_some());
            let related = next.is_some_and(|q| {
                (t + 1..q).any(|r| ctx.is(r, &RELATION_NOUNS))
                    && (t + 1..q).all(|r| ctx.is_lower_word(r) || ctx.jurisdiction[r].is_some())
            });
            if related {
                targets.retain(|&o| ctx.mentions[o].t1 != t);
            }
            t += 1;
            continue;
        }
        // ("Terraform Labs PTE Ltd. and its founder": the period of an abbreviated legal form)
        let abbreviation_period = tok.kind == Kind::Punct('.')
            && t > 0
            && ctx.toks[t - 1].end == tok.start
            && is_legal_suffix(ctx.word(t - 1))
            && (ctx.is(t + 1, &["and"]) || ctx.punct(t + 1) == Some(','));
        // ("MAN, Volvo/Renault, Daimler": a slash between two names joins two names of one
        // party, "Medicals Nordic I/S" a legal form; the list goes on after the second)
        if tok.kind == Kind::Punct('/') && t > 0 && ctx.owner[t - 1].is_some() {
            if let Some(second) = ctx.owner.get(t + 1).copied().flatten() {
                t = ctx.mentions[second].t1.max(t + 2);
                continue;
            }
        }
        if matches!(
            tok.kind,
            Kind::Punct(',' | '$' | '€' | '£' | '“' | '”' | '"' | '\'' | '‘' | '’')
        ) || ctx.covered[t]
            || abbreviation_period
        {
            t += 1;
            continue;
        }
        // "charged Acme Corp and its former CEO, John Doe,": a role of the target before, then
        // the name in apposition
        // ("charged Binance Holdings Ltd., its U.S. affiliate BAM Trading Services Inc., and
        // founder Changpeng Zhao": after the list's comma too, the role and its holder)
        let after_and = t > 0 && ctx.is(t - 1, &["and"]);
        let after_comma = t > 0 && ctx.punct(t - 1) == Some(',');
        if !targets.is_empty()
            && (after_and || after_comma)
            && ctx.is(t, &["its", "his", "her", "their"])
        {
            let comma = (t + 1..right.min(t + 6)).find(|&q| ctx.punct(q) == Some(','));
            let role_words = comma.is_some_and(|c| {
                (t + 1..c).all(|q| ctx.owner[q].is_none() && ctx.toks[q].kind == Kind::Word)
            });
            if let Some(c) =
                comma.filter(|&c| after_and && role_words && ctx.mention_at(c + 1).is_some())
            {
                t = c + 1;
                continue;
            }
            // "Terraform Labs and its founder Do Kwon", "and its former CEO John Smith", "and
            // its auditor Deloitte": the role, then the name, without a comma
            let person = (t + 2..right.min(t + 6)).find(|&q| ctx.owner[q].is_some());
            let person = person.filter(|&q| {
                ctx.mention_at(q)
                    .is_some_and(|m| ctx.mentions[m].role != Role::Authority)
                    && (t + 1..q).all(|r| {
                        ctx.toks[r].kind == Kind::Word && !ctx.is(r, lexicon::CLAUSE_STOPS)
                            // ("its U.S. affiliate BAM Trading")
                            || ctx.jurisdiction[r].is_some()
                    })
            });
            if let Some(q) = person {
                t = q;
                continue;
            }
        }
        // "fined Didi chairman Cheng Wei and president Jean Liu": the next holder's role,
        // then the holder (also after the list's comma: "founder Jack Ma, chairman Eric Jing
        // and chief executive Simon Hu"; not a speaker: "..., spokesman John Smith said")
        let list_comma = || {
            ctx.punct(t - 1) == Some(',')
                && !(t..ctx.toks.len().min(t + 8))
                    .any(|q| ctx.is(q, &REPORTING) || ctx.is(q, &["told", "added", "says", "said"]))
        };
        if !targets.is_empty() && t > 0 && (ctx.is(t - 1, &["and"]) || list_comma()) {
            let holder = (t..right.min(t + 4))
                .take_while(|&q| holder_role_word(ctx, q))
                .last()
                .map(|q| q + 1)
                .filter(|&q| {
                    ctx.mention_at(q).is_some_and(|m| {
                        ctx.mentions[m].role == Role::Person && ctx.mentions[m].t0 == q
                    })
                });
            if let Some(q) = holder {
                t = q;
                continue;
            }
        }
        // "a penalty of EUR 150m on Google and EUR 60m on Facebook": the next target's own
        // amount and preposition
        if !targets.is_empty() && own_amount_preposition(ctx, from, t) {
            t += 1;
            continue;
        }
        // "blocked access to Yahoo and PayPal", "restricted access to Twitter": the party
        // whose service is reached
        if targets.is_empty() && t == from && ctx.is(t, &["access"]) && ctx.is(t + 1, &["to"]) {
            t += 2;
            continue;
        }
        // "Tencent-owned Sogou and SoftBank-backed Didi": a hyphenated adjective before a name
        if tok.kind == Kind::Word
            && lexicon::ADJECTIVE_SUFFIXES
                .iter()
                .any(|x| ctx.word(t).ends_with(x))
            && ctx.mention_at(t + 1).is_some()
        {
            t += 1;
            continue;
        }
        // "three websites - Shadowcrew, Carderplanet and Darkprofits", "three more online
        // platforms: Yunmanman, Huochebang and Boss Zhipin"
        if targets.is_empty()
            && matches!(tok.kind, Kind::Punct('-' | '–' | '—' | ':'))
            && ctx.mention_at(t + 1).is_some()
        {
            t += 1;
            continue;
        }
        if ctx.is(t, lexicon::LIST_WORDS)
            || ctx.is(t, lexicon::DETERMINERS)
            || ctx.is(t, lexicon::GROUP_NOUNS)
        {
            if ctx.is(t, lexicon::GROUP_NOUNS) && count.is_none() {
                if let Some(c) = t
                    .checked_sub(1)
                    .filter(|&p| ctx.is(p, NUMBER_WORDS))
                    .map(|p| number_word(ctx.word(p)))
                {
                    count = c;
                }
            }
            t += 1;
            continue;
        }
        // "worth of contracts assigned to Boeing"; "three executives at milk firm Yili",
        // "managers from Acme": people stand for their employer, as with "of"
        let employer =
            t > from && ctx.is(t, &["at", "from"]) && ctx.is(t - 1, lexicon::PERSON_ROLE_NOUNS);
        // "suspended trading in the securities of Acme Corp": the issuer of what is traded
        let traded = t > from && ctx.is(t, &["in"]) && ctx.is(t - 1, &["trading"]);
        if targets.is_empty()
            && (ctx.is(t, &["of"])
                || employer
                || traded
                || ctx.is(t, &["assigned", "awarded", "granted", "held", "owned"])
                    && ctx.is(t + 1, &["to", "by"])
                // "25 apps operated by Didi": the operator of what is named
                || ctx.is(t, &OPERATED) && ctx.is(t + 1, &["by"]))
        {
            t += if ctx.is(t, &["of"]) || employer || traded {
                1
            } else {
                2
            };
            continue;
        }
        if tok.kind == Kind::Word
            && !ctx.is(t, lexicon::CLAUSE_STOPS)
            && targets.is_empty()
            && gap < max_gap
        {
            gap += 1;
            t += 1;
            continue;
        }
        break;
    }
    (targets, count)
}

/// Participles that, before "by", name who runs what the object names ("25 apps operated by
/// Didi").
const OPERATED: [&str; 4] = ["operated", "controlled", "developed", "run"];

fn number_word(w: &str) -> Option<u32> {
    NUMBER_WORDS
        .words()
        .iter()
        .position(|n| n.eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 2)
}

/// The number a token states: digits, or a number word ("twelve", "Twenty-eight").
fn number_of(ctx: &Ctx<'_, '_>, t: usize) -> Option<u32> {
    let w = ctx.word(t);
    if ctx.toks.get(t).is_some_and(|tok| tok.kind == Kind::Num) {
        return w.replace(',', "").parse::<u32>().ok();
    }
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const TEENS: &[&str] = &[
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let lower = w.to_ascii_lowercase();
    let (tens, units) = lower.split_once('-').unwrap_or((lower.as_str(), ""));
    if let Some(i) = TENS.iter().position(|x| *x == tens) {
        let base = (i as u32 + 2) * 10;
        return match units {
            "" => Some(base),
            "one" => Some(base + 1),
            u => number_word(u).filter(|&n| n < 10).map(|n| base + n),
        };
    }
    if let Some(i) = TEENS.iter().position(|x| *x == lower) {
        return Some(i as u32 + 13);
    }
    number_word(&lower)
}

/// The subject of the clause that ends at `t0`: the names just before the verb group ("twelve
/// managers from Mitsubishi Motors were charged", "Yili's shares were suspended"), or, when an
/// apposition or a relative clause stands before the verb, the first name of the clause with
/// its list; for "X, which was fined", the antecedent X.
fn subject(
    ctx: &Ctx<'_, '_>,
    left: usize,
    t0: usize,
    want: impl Fn(&Mention) -> bool,
) -> Vec<usize> {
    let p = before_verb_group(ctx, left, t0);
    // ("Acme Pharma Inc. pleaded guilty": the period of a legal form's abbreviation is the
    // name's)
    let p = if p > left
        && ctx.punct(p) == Some('.')
        && is_legal_suffix(ctx.word(p - 1))
        && ctx.owner[p - 1].is_some_and(|m| ctx.mentions[m].t1 == p)
    {
        p - 1
    } else {
        p
    };
    let relative = p >= left && ctx.is(p, &["which", "who", "that"]);
    // ("Douyin, ByteDance's Chinese version of TikTok, was fined": the apposition that
    // describes a name by its owner names no one else)
    let described: Vec<(usize, usize)> = (left..t0)
        .filter(|&c| c > 0 && ctx.owner[c - 1].is_some())
        .filter_map(|c| owner_description_end(ctx, c, t0).map(|end| (c + 1, end)))
        .collect();
    let candidates: Vec<usize> = (0..ctx.mentions.len())
        .filter(|&m| {
            let mention = &ctx.mentions[m];
            !mention.modifier
                && mention.t0 >= left
                && mention.t1 <= t0
                && want(mention)
                && !described
                    .iter()
                    .any(|&(a, b)| mention.t0 >= a && mention.t1 <= b)
        })
        .collect();
    let mut sorted = candidates.clone();
    sorted.sort_by_key(|&m| (ctx.mentions[m].t0, m));
    if relative {
        // the antecedent: the last mention before the pronoun, and its list
        let before: Vec<usize> = sorted
            .iter()
            .copied()
            .filter(|&m| ctx.mentions[m].t1 <= p)
            .collect();
        let Some(&last) = before.last() else {
            return Vec::new();
        };
        let mut list = same_span(ctx, last);
        chain_back(ctx, &before, &mut list);
        return list;
    }
    // "Wang Xuebing, jailed for 12 years": the name before the comma of a bare participle
    if p > left && ctx.punct(p) == Some(',') && !ctx.is(p + 1, lexicon::BE_FORMS) && p + 1 == t0 {
        if let Some(m) = ctx.mention_at(p - 1).filter(|&m| want(&ctx.mentions[m])) {
            return same_span(ctx, m);
        }
    }
    // the noun phrase that ends right before the verb group
    if p >= left && ctx.punct(p).is_none() {
        if let Some(m) = ctx.owner[p].filter(|&m| want(&ctx.mentions[m])) {
            // "an ex-chief financial officer at Boeing has received": the employer of one
            // person is not the subject; "twelve managers from Mitsubishi Motors" (an unnamed
            // group) stands for its company
            let m0 = ctx.mentions[m].t0;
            if m0 > left
                && ctx.is(
                    m0 - 1,
                    &["at", "of", "from", "for", "in", "with", "by", "to"],
                )
            {
                let group = m0 >= 2
                    && ctx.is(m0 - 2, lexicon::PERSON_ROLE_NOUNS)
                    && ctx.word(m0 - 2).ends_with('s')
                    && (m0.saturating_sub(5)..m0 - 2).any(|q| {
                        number_of(ctx, q).is_some() || ctx.is(q, &["several", "some", "all"])
                    });
                // "Access to Clubhouse was blocked": the party reached; "The IPO of Ant Group
                // was halted": the party whose listing, app or account it is
                let access = m0 >= 2
                    && ctx.is(m0 - 1, &["to"])
                    && ctx.is(m0 - 2, &["access"])
                    && m0 - 2 >= left;
                let owned = m0 >= 2
                    && m0 - 2 >= left
                    && ctx.is(m0 - 1, &["of"])
                    && ctx.is(m0 - 2, &OWNED_THINGS);
                if !(group || access || owned) {
                    return Vec::new();
                }
                return vec![m];
            }
            let mut list = same_span(ctx, m);
            chain_back(ctx, &sorted, &mut list);
            return list;
        }
        // "Several former HealthSouth employees", "Yili's shares", "The Titan corporation":
        // a name inside the noun phrase, when the phrase names its people, its unit, or
        // something it owns
        let company_head = ctx.is(p, lexicon::PERSON_ROLE_NOUNS)
            || ctx.is(p, lexicon::COREF_COMPANY)
            || ctx.is(
                p,
                &[
                    "corporation",
                    "shares",
                    "stock",
                    "offices",
                    "headquarters",
                    "units",
                ],
            );
        let possessed = (p.saturating_sub(3)..p).any(|q| ctx.toks[q].kind == Kind::Poss);
        let mut q = p;
        let mut steps = 0;
        while q > left && steps < 5 && (company_head || possessed) {
            q -= 1;
            steps += 1;
            if let Some(m) = ctx.owner[q] {
                let mention = &ctx.mentions[m];
                if mention.role != Role::Authority && want(mention) || mention.modifier {
                    if mention.role == Role::Authority {
                        break;
                    }
                    return vec![m];
                }
                break;
            }
            let np_word = ctx.is_lower_word(q)
                && !ctx.is(q, lexicon::CLAUSE_STOPS)
                && !ctx.is(q, lexicon::BE_FORMS)
                || matches!(ctx.toks[q].kind, Kind::Poss | Kind::Num)
                || ctx.covered[q];
            if !np_word {
                break;
            }
        }
        // "N executives from X": the employer
        let mut q = p;
        let mut steps = 0;
        while q > left && steps < 6 {
            if ctx.is(q, lexicon::PERSON_ROLE_NOUNS) && ctx.is(q + 1, &["from", "at", "of"]) {
                if let Some(m) = ctx.mention_at(q + 2) {
                    if ctx.mentions[m].t1 > p && want(&ctx.mentions[m]) {
                        return vec![m];
                    }
                }
            }
            q -= 1;
            steps += 1;
        }
    }
    if sorted.is_empty() {
        return Vec::new();
    }
    // a common noun right before the verb is the subject ("US Ahold suppliers face charges"):
    // the first name of the clause is the subject only across an apposition or a clause
    if p >= left && ctx.is_lower_word(p) && !ctx.is(p, &["which", "who", "that"]) {
        return Vec::new();
    }
    let first = sorted[0];
    // a subject opens its clause: at most a few words ("The US agrochemical giant") before it
    let words_before = (left..ctx.mentions[first].t0)
        .filter(|&t| !ctx.covered[t] && matches!(ctx.toks[t].kind, Kind::Word | Kind::Num))
        .count();
    // "an officer at Boeing has received a fine": a name inside a prepositional phrase is not
    // the subject
    let in_phrase = ctx.mentions[first].t0 > left
        && ctx.is(
            ctx.mentions[first].t0 - 1,
            &["at", "of", "from", "for", "in", "with", "by", "to"],
        );
    if words_before > 5 || in_phrase {
        return Vec::new();
    }
    let mut list = same_span(ctx, first);
    let mut end = ctx.mentions[first].t1;
    for &m in &sorted[1..] {
        if list.contains(&m) {
            continue;
        }
        let gap_ok = (end..ctx.mentions[m].t0).all(|t| {
            matches!(ctx.punct(t), Some(',' | '&'))
                || ctx.is(t, &["and", "or", "both"])
                || ctx.jurisdiction[t].is_some()
        });
        if gap_ok && end <= ctx.mentions[m].t0 {
            list.extend(same_span(ctx, m));
            end = ctx.mentions[m].t1;
        } else {
            break;
        }
    }
    list
}

/// Makes `party`, which the candidate's text refers to without naming it, its one target,
/// flagged `target_coreference` (and no longer `unnamed_target`).
fn target_by_reference(c: &mut Candidate, party: &Mention) {
    c.targets = vec![Mention {
        coref: true,
        ..party.clone()
    }];
    c.flags.retain(|f| f != UNNAMED_TARGET);
    c.flags.push("target_coreference".to_string());
    c.confidence = (c.confidence - 0.1).clamp(0.05, 1.0);
}

/// The one company the sentence names (also as a possessor: "Didi's shares"), if it names
/// exactly one.
fn sentence_only_company(ctx: &Ctx<'_, '_>) -> Option<Mention> {
    let mut companies = ctx.mentions.iter().filter(|m| m.role == Role::Company);
    let first = companies.next()?;
    companies.all(|m| m.key == first.key).then(|| first.clone())
}

/// The one company the document has named so far, if it has named exactly one.
fn only_company(memory: &Memory) -> Option<Mention> {
    let first = memory.companies.first()?;
    memory
        .companies
        .iter()
        .all(|m| m.key == first.key)
        .then(|| first.clone())
}

/// Where the clause after an opening "According to ...," begins (the token after the phrase's
/// comma), if the clause at `left` opens so and the comma comes before `t0`.
fn according_to_end(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    if !(ctx.is(left, &["according"]) && ctx.is(left + 1, &["to"])) {
        return None;
    }
    (left + 2..t0)
        .find(|&t| ctx.punct(t) == Some(','))
        .map(|t| t + 1)
}

/// Where the clause a speaker that is no authority reports begins ("The newspaper Der Standard
/// reported that ...": the token after "that"), if a reporting verb and "that" stand between
/// `left` and `t0` with no authority before them.
fn media_report_end(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    let r = (left..t0.saturating_sub(1)).rev().find(|&r| {
        (ctx.is(r, lexicon::REPORTING) || ctx.is(r, &["reported", "reports", "wrote"]))
            && ctx.is(r + 1, &["that"])
    })?;
    let speaker_is_authority = ctx
        .mentions
        .iter()
        .any(|m| m.role == Role::Authority && m.t0 >= left && m.t1 <= r);
    (!speaker_is_authority).then_some(r + 2)
}

fn chain_back(ctx: &Ctx<'_, '_>, sorted: &[usize], list: &mut Vec<usize>) {
    let mut start = ctx.mentions[list[0]].t0;
    // a list ends with "and" or "or" before its last member: "A, B and C"; a lone comma is an
    // apposition or a clause ("by watchdog Spamhaus, OptInRealBig was sued")
    let head_start = start;
    let before_head = sorted
        .iter()
        .filter(|&&m| ctx.mentions[m].t1 <= head_start && !list.contains(&m))
        .max_by_key(|&&m| ctx.mentions[m].t1)
        .map(|&m| ctx.mentions[m].t1);
    let joined = before_head.is_some_and(|e| {
        (e..head_start).any(|t| ctx.is(t, &["and", "or"]) || ctx.punct(t) == Some('&'))
    });
    if !joined {
        return;
    }
    for &m in sorted.iter().rev() {
        if list.contains(&m) || ctx.mentions[m].t1 > start {
            continue;
        }
        // ("The People's Bank of China and the CBIRC", "The PBOC, the CBIRC and the CSRC": a
        // determiner after "and" or the list's comma)
        let gap_ok = (ctx.mentions[m].t1..start).all(|t| {
            matches!(ctx.punct(t), Some(',' | '&'))
                || ctx.is(t, &["and", "or"])
                || ctx.is(t, &["the"])
                    && t > 0
                    && (ctx.is(t - 1, &["and", "or"]) || ctx.punct(t - 1) == Some(','))
                // ("The People's Bank of China and other financial regulators", "and three
                // other financial regulators")
                || ctx.is(t, &["other"]) && t > 0 && ctx.is(t - 1, &["and", "or"])
                || ctx.is(t, &["other"])
                    && t > 1
                    && number_of(ctx, t - 1).is_some()
                    && ctx.is(t - 2, &["and", "or"])
                || number_of(ctx, t).is_some()
                    && ctx.is(t + 1, &["other"])
                    && t > 0
                    && ctx.is(t - 1, &["and", "or"])
                || ctx.jurisdiction[t].is_some()
                || ctx.covered[t]
                // ("Yunmanman and Huochebang apps and Boss Zhipin": the product noun of the
                // names before it)
                || t == ctx.mentions[m].t1 && product_noun(ctx, t)
        });
        // "Binance and its founder Changpeng Zhao": a party, then a role in it and its holder
        let role_of_party = || {
            let t = ctx.mentions[m].t1;
            ctx.is(t, &["and"])
                && ctx.is(t + 1, &["its", "their"])
                && start > t + 2
                && start - (t + 2) <= 4
                && (t + 2..start).all(|q| holder_role_word(ctx, q))
        };
        // "Didi chairman Cheng Wei and president Jean Liu were fined": a holder, then the
        // next holder's role and the holder
        let next_holder = || {
            let t = ctx.mentions[m].t1;
            (ctx.is(t, &["and"]) || ctx.punct(t) == Some(','))
                && start > t + 1
                && start - (t + 1) <= 3
                && (t + 1..start).all(|q| holder_role_word(ctx, q))
                && ctx.mentions[m].role == Role::Person
                && ctx.mentions[list[0]].role == Role::Person
        };
        if gap_ok || role_of_party() || next_holder() {
            list.insert(0, m);
            start = ctx.mentions[m].t0;
        } else {
            break;
        }
    }
}

/// Whether the word at `t` is a product noun ("app", "browser"), also in the plural ("apps").
fn product_noun(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.is(t, lexicon::PRODUCT_NOUNS)
        || ctx
            .word(t)
            .to_ascii_lowercase()
            .strip_suffix('s')
            .is_some_and(|one| is_in(lexicon::PRODUCT_NOUNS, one))
}

/// The token before the verb group that ends at `t0` ("Marsh has already agreed to" -> "Marsh").
fn before_verb_group(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> usize {
    let mut p = t0;
    while p > left {
        p -= 1;
        if ctx.covered[p] && ctx.owner[p].is_none() && ctx.jurisdiction[p].is_none()
            || ctx.is(p, lexicon::BE_FORMS)
            || ctx.is(p, lexicon::ADVERBS)
            || ctx.is(p, &["has", "have", "had", "agreed", "to", "currently"])
            // ("Meituan will pay a fine", "must pay": a modal that `modal_before` let pass)
            || ctx.is(p, &["will", "would", "must"])
            // "agreed to pay $20 million in penalties to settle", "to pay a $20 million
            // penalty to settle": the payment's object
            || ctx.is(p, &["in"]) && p > 0 && ctx.covered[p - 1] && ctx.covered.get(p + 1) == Some(&true)
            || ctx.is(p, &["a", "an"]) && p > 0 && ctx.is(p - 1, &PAY_VERBS) && ctx.covered.get(p + 1) == Some(&true)
            // "will pay a total of $520 million to resolve": the words of a sum paid
            || sum_words_paid(ctx, p)
            // "agreed to pay over $4 billion to resolve": the words that qualify an amount
            || qualifies_amount(ctx, p)
            // "Acme Corp will pay $10 million to settle"
            || ctx.is(p, &["will", "pay"]) && ctx.is(t0.saturating_sub(1), &["to"])
        {
            continue;
        }
        break;
    }
    p
}

/// Whether token `p` is one of the words that qualify the amount right after them ("over $4
/// billion", "more than $5 million", "nearly $1 billion").
fn qualifies_amount(ctx: &Ctx<'_, '_>, p: usize) -> bool {
    const QUALIFIERS: [&str; 9] = [
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "more",
        "than",
    ];
    let mut q = p;
    while ctx.is(q, &QUALIFIERS) {
        q += 1;
    }
    q > p && ctx.covered.get(q) == Some(&true) && ctx.owner[q].is_none()
}

/// The words of a sum before its amount ("a total of", "a combined total of").
const SUM_WORDS: [&str; 4] = ["a", "total", "combined", "of"];

/// Whether token `p` is one of the words of a sum that a pay verb takes ("pay a total of $520
/// million", "paid a combined total of ..."): the words run from right after the verb to an
/// "of" right before the amount.
fn sum_words_paid(ctx: &Ctx<'_, '_>, p: usize) -> bool {
    if !ctx.is(p, &SUM_WORDS) {
        return false;
    }
    let mut end = p;
    while ctx.is(end + 1, &SUM_WORDS) {
        end += 1;
    }
    let mut start = p;
    while start > 0 && ctx.is(start - 1, &SUM_WORDS) {
        start -= 1;
    }
    ctx.is(end, &["of"])
        && ctx.covered.get(end + 1) == Some(&true)
        && start > 0
        && ctx.is(start - 1, &PAY_VERBS)
}

/// "It agreed to pay", "On that occasion, it was ordered to pay": the pronoun "it" as the
/// subject is the latest company of the document.
fn pronoun_subject(ctx: &Ctx<'_, '_>, memory: &Memory, left: usize, t0: usize) -> Option<Mention> {
    let p = before_verb_group(ctx, left, t0);
    // "Its planned IPO was suspended", "days before its IPO was halted": what the latest
    // company owns (an adjective may stand between)
    let owned_by_its = p >= left
        && ctx.is(p, &OWNED_THINGS)
        && (p.saturating_sub(3).max(left)..p).any(|q| {
            ctx.is(q, &["its"])
                && (q + 1..p).all(|r| ctx.is_lower_word(r) && ctx.owner[r].is_none())
        });
    if owned_by_its {
        return latest_company_reference(memory);
    }
    // (past a conjunction and a time expression with its preposition: "and in January 2024 it
    // received a fine", "In January 2024 it received a fine")
    let first = (left..t0).find(|&t| {
        let time_preposition = ctx.is(t, &["in", "on", "at", "during", "by"])
            && ctx.covered.get(t + 1) == Some(&true)
            && ctx.owner[t + 1].is_none();
        !matches!(ctx.toks[t].kind, Kind::Punct(_))
            && !ctx.covered[t]
            && !ctx.is(t, &["and", "but", "then"])
            && !time_preposition
    })?;
    if !(ctx.is(first, &["it"]) || p >= left && ctx.is(p, &["it"])) {
        return None;
    }
    latest_company_reference(memory)
}

/// Things a party owns that an action can stop: "The IPO of Ant Group was halted", "its
/// planned IPO was suspended".
const OWNED_THINGS: [&str; 12] = [
    "ipo",
    "listing",
    "flotation",
    "offering",
    "app",
    "apps",
    "account",
    "accounts",
    "licence",
    "license",
    "licences",
    "licenses",
];

/// The latest company of the document, as what an "it" refers to.
fn latest_company_reference(memory: &Memory) -> Option<Mention> {
    let mut m = memory.last_company.clone()?;
    m.coref = true;
    Some(m)
}

/// "In 2018 the company was fined ..., and in January 2024 it received a 10 million euro
/// fine": "it" right before the verb that receives the trigger noun is the latest company.
fn pronoun_receiving(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    left: usize,
    t0: usize,
) -> Option<Mention> {
    let cue = (t0.saturating_sub(8).max(left + 1)..t0)
        .rev()
        .find(|&q| ctx.is(q, lexicon::RECEIVE_CUES))?;
    if !ctx.is(cue - 1, &["it"]) {
        return None;
    }
    latest_company_reference(memory)
}

fn nearest_authority_left(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    (0..ctx.mentions.len())
        .filter(|&m| {
            let mention = &ctx.mentions[m];
            mention.role == Role::Authority
                && mention.t1 <= t0
                && mention.t0 >= left
                && !mention.modifier
        })
        .max_by_key(|&m| ctx.mentions[m].t1)
}

fn authority_right(ctx: &Ctx<'_, '_>, t1: usize, right: usize) -> Option<usize> {
    (0..ctx.mentions.len())
        .filter(|&m| {
            let mention = &ctx.mentions[m];
            mention.role == Role::Authority && mention.t0 >= t1 && mention.t1 <= right
        })
        .min_by_key(|&m| ctx.mentions[m].t0)
}

/// The agents named after "by" or "from" at `t` ("by the SEC", "from the Department of Justice
/// and the SEC"): the mentions of the list, authorities or not.
fn agents_at(ctx: &Ctx<'_, '_>, t: usize, right: usize) -> Vec<usize> {
    let start = skip_determiners(ctx, t);
    if start >= right {
        return Vec::new();
    }
    let (list, _) = object_list(ctx, start, right, 1);
    list
}

/// An authority referred to by a pronoun or a common noun ("it", "the regulator").
fn authority_reference(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    left: usize,
    t0: usize,
) -> Option<Mention> {
    let from = tokens_back_past_amounts(ctx, left, t0, 6);
    // "it", "they", or "the regulator": not "a judge", which is indefinite
    let referring = (from..t0).find(|&t| {
        ctx.owner[t].is_none()
            && ctx.is(t, lexicon::COREF_AUTHORITY)
            && (ctx.is(t, &["it", "they"]) || t > 0 && ctx.is(t - 1, &["the"]))
    })?;
    let mut m = if ctx.is(referring, &["it", "they"]) {
        // "it" is the latest name before it: in this sentence, or at the end of the previous;
        // a name after a preposition is passed over, as the subject pronoun refers to a
        // subject ("The CAC said it had launched an investigation into Kanzhun, days after it
        // announced a probe into Didi": "it" is the CAC, not Kanzhun)
        let mut before: Vec<usize> = (0..ctx.mentions.len())
            .filter(|&m| ctx.mentions[m].t1 <= referring && !ctx.mentions[m].modifier)
            .collect();
        before.sort_by_key(|&m| std::cmp::Reverse(ctx.mentions[m].t1));
        let antecedent = before.into_iter().find(|&m| {
            ctx.mentions[m].role == Role::Authority || !after_preposition(ctx, ctx.mentions[m].t0)
        });
        match antecedent {
            Some(b) if ctx.mentions[b].role == Role::Authority => ctx.mentions[b].clone(),
            // ("The CAC ordered app stores to remove 25 apps operated by Didi Global, days
            // after it launched an investigation into the company": an "it" that acts, opening
            // a subordinate clause, is the main clause's authority, not its object)
            Some(_) => ctx.mentions[subordinate_pronoun_authority(ctx, referring, t0)?].clone(),
            None if (0..ctx.mentions.len()).any(|m| ctx.mentions[m].t1 <= referring) => {
                return None
            }
            // ("The Commission said Apple had abused its position. It ordered the iPhone
            // maker to ...": an "it" that opens the sentence is the subject of the previous
            // one, when an authority opened it)
            // (also after a time phrase that opens the sentence: "In April 2021 it fined
            // Alibaba", "Two days later, it ordered app stores to ...")
            None => memory.it_authority.clone().or_else(|| {
                (0..referring)
                    .all(|t| opening_time_token(ctx, t))
                    .then(|| memory.it_subject.clone())
                    .flatten()
            })?,
        }
    } else {
        memory.last_authority.clone()?
    };
    m.coref = true;
    Some(m)
}

/// Words of a time phrase that may open a sentence before its subject ("In April 2021 it
/// fined ...", "Two days later, it ordered ...", "A month later, the SAMR opened ...").
const OPENING_TIME_WORDS: [&str; 19] = [
    "in", "on", "at", "by", "during", "later", "earlier", "then", "a", "the", "next", "days",
    "weeks", "months", "years", "day", "week", "month", "year",
];

/// Whether token `t` may belong to a time phrase that opens the sentence before its subject:
/// a punctuation mark, a time expression, a count or one of [`OPENING_TIME_WORDS`].
fn opening_time_token(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.punct(t).is_some()
        || ctx.covered[t] && ctx.jurisdiction[t].is_none()
        || ctx.is(t, &OPENING_TIME_WORDS)
        || number_of(ctx, t).is_some()
}

/// Whether the name beginning at token `t` is the object of "over" ("over Alexa voice
/// recordings", "over the Alexa case").
fn after_over(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    ctx.is(p, &["over"]) || ctx.is(p, lexicon::DETERMINERS) && p > 0 && ctx.is(p - 1, &["over"])
}

/// Whether the name beginning at token `t` is the object of a preposition ("into Kanzhun",
/// "against the company").
fn after_preposition(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let Some(mut p) = t.checked_sub(1) else {
        return false;
    };
    if ctx.is(p, lexicon::DETERMINERS) {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        p = q;
    }
    ctx.is(
        p,
        &[
            "into", "against", "on", "of", "at", "with", "from", "over", "to",
        ],
    )
}

/// "ordered smartphone app stores to stop offering": the verb of an order whose complement
/// is the trigger at `t0`, a few words before it and its "to".
fn ordering_verb(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    if t0 == 0 || !ctx.is(t0 - 1, &["to"]) {
        return None;
    }
    ctx.triggers
        .iter()
        .rev()
        .find(|&&(o0, o1, oa, of)| {
            oa == ActionKind::Order && of == Form::Verb && o0 >= left && o1 < t0 && t0 - o1 <= 7
        })
        .map(|&(o0, ..)| o0)
}

/// Verbs that open an action.
const OPENING: [&str; 16] = [
    "launched",
    "launch",
    "launches",
    "opened",
    "open",
    "opens",
    "started",
    "start",
    "starts",
    "began",
    "begun",
    "begin",
    "begins",
    "initiated",
    "initiate",
    "initiates",
];

/// Verbs by which an authority takes an action it names as their object ("it filed a
/// complaint", "it brought charges", "it imposed a fine", "it issued a warning").
const TAKING: [&str; 21] = [
    "filed",
    "file",
    "files",
    "brought",
    "bring",
    "brings",
    "lodged",
    "imposed",
    "impose",
    "imposes",
    "issued",
    "issue",
    "issues",
    "levied",
    "levy",
    "levies",
    "handed",
    "slapped",
    "announced",
    "announce",
    "announces",
];

/// Whether a trigger noun is the object of a verb that opens or takes an action ("launched",
/// "opened", "began"; "filed", "brought", "imposed") whose subject is "it" or "they": "it had
/// launched an investigation", "it has opened a formal probe", "The FTC said it filed a
/// complaint against Kochava Inc."
fn opened_by_pronoun(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> bool {
    object_of_pronoun(ctx, left, t0, |t| ctx.is(t, &OPENING) || ctx.is(t, &TAKING))
}

/// Whether a trigger noun is the object of a verb (as `verb` tells) whose subject is "it" or
/// "they", with only determiners and adjectives between ("it has opened a formal probe", "it
/// proposes a fine").
fn object_of_pronoun(
    ctx: &Ctx<'_, '_>,
    left: usize,
    t0: usize,
    verb: impl Fn(usize) -> bool,
) -> bool {
    let Some(verb) = verb_of_object(ctx, left, t0, verb) else {
        return false;
    };
    let from = verb.saturating_sub(3).max(left);
    // the pronoun right before the verb group ("it had", "it has now")
    (from..verb)
        .rev()
        .take(3)
        .find(|&t| ctx.is(t, &["it", "they"]))
        .is_some_and(|p| {
            (p + 1..verb).all(|t| {
                ctx.is(t, lexicon::BE_FORMS)
                    || ctx.is(t, lexicon::ADVERBS)
                    || ctx.is(t, &["has", "have", "had", "formally", "officially"])
                    // ("it will launch a probe": kept only when announced, see
                    // `announced_investigation`)
                    || ctx.is(t, &["will", "would"])
            })
        })
}

/// The token `most` tokens before `t0`, not before `left`, where an amount's tokens count as
/// none ("it would impose a $50 million fine": "it" is six tokens back).
fn tokens_back_past_amounts(ctx: &Ctx<'_, '_>, left: usize, t0: usize, most: usize) -> usize {
    let mut from = t0;
    let mut counted = 0;
    while from > left && counted < most {
        from -= 1;
        if !ctx.in_amount(from) {
            counted += 1;
        }
    }
    from
}

/// The verb (as `verb` tells), at most six tokens before the trigger noun at `t0` (an amount
/// counting as none), whose object the noun is: only determiners, adjectives and an amount
/// between them ("opened a formal probe", "its", "slapped a record $2.8 billion fine").
fn verb_of_object(
    ctx: &Ctx<'_, '_>,
    left: usize,
    t0: usize,
    verb: impl Fn(usize) -> bool,
) -> Option<usize> {
    let from = tokens_back_past_amounts(ctx, left, t0, 6);
    let v = (from..t0).rev().find(|&t| verb(t))?;
    (v + 1..t0)
        .all(|t| ctx.is_lower_word(t) && ctx.owner[t].is_none() || ctx.covered[t])
        .then_some(v)
}

/// The clause around tokens `t0..t1`: from after the last boundary before it to the first
/// boundary after it.
fn clause(ctx: &Ctx<'_, '_>, t0: usize, t1: usize) -> (usize, usize) {
    let n = ctx.toks.len();
    let mut left = 0;
    for t in (0..t0).rev() {
        if is_clause_boundary_left(ctx, t) {
            left = t + 1;
            break;
        }
    }
    let mut right = n;
    for t in t1..n {
        if is_clause_boundary_right(ctx, t) {
            right = t;
            break;
        }
    }
    (left, right)
}

/// The events a trigger reports. A sanction that an authority announces it intends, proposes
/// or threatens to impose ("The ICO intends to fine British Airways £183m", "a draft decision
/// which proposes a fine of EUR 28 million against Facebook") has not been imposed: it is a
/// threat of sanctions (CAMEO 132, a `warning`), read with the sanction's own arguments and
/// flagged `threatened_<action>`; with no authority as its actor it stays a plan and is dropped.
fn analyze_trigger(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    t0: usize,
    t1: usize,
    action: ActionKind,
    form: Form,
) -> Vec<Candidate> {
    // (the flag only for a sanction, and only when a threat word governs it)
    let threat = threat_before(ctx, t0)
        .then(|| docket_normalize::action::threatened_flag(action))
        .flatten();
    let announced = match action {
        ActionKind::Investigation => announced_investigation(ctx, t0),
        ActionKind::Removal | ActionKind::Suspension | ActionKind::Ban => {
            announced_passive(ctx, t0) || said_it_would(ctx, t0)
        }
        ActionKind::Fine => said_it_would(ctx, t0),
        _ => false,
    };
    let mut found = analyze_trigger_as(
        ctx,
        memory,
        t0,
        t1,
        action,
        form,
        threat.is_some() || announced,
    );
    // (a threat or an announcement is an event only when an authority makes it)
    if threat.is_some() || announced {
        found.retain(|c| c.actor.as_ref().is_some_and(|a| a.role == Role::Authority));
    }
    for candidate in &mut found {
        if let Some(flag) = &threat {
            candidate.flags.push(flag.clone());
            candidate.action = ActionKind::Warning;
        } else if announced {
            candidate.flags.push("announced".to_string());
        }
    }
    found
}

/// Words that report what someone said.
const REPORTING: [&str; 6] = [
    "said",
    "says",
    "announced",
    "stated",
    "confirmed",
    "announces",
];

/// The authority that reports the clause beginning at `left` ("The CAC said on Sunday that
/// Didi's app was removed from app stores": the CAC), when it is the subject of a reporting
/// verb right before the clause (a time expression may stand between).
fn reporting_authority(ctx: &Ctx<'_, '_>, left: usize) -> Option<Mention> {
    let mut p = left.checked_sub(1)?;
    if ctx.is(p, &["that"]) {
        p = p.checked_sub(1)?;
    }
    while p > 0 && ctx.covered[p] && !ctx.is(p, &REPORTING) {
        p -= 1;
    }
    if !ctx.is(p, &REPORTING) {
        return None;
    }
    let mut q = p.checked_sub(1)?;
    while q > 0 && (ctx.covered[q] && ctx.owner[q].is_none() || ctx.is(q, lexicon::ADVERBS)) {
        q -= 1;
    }
    // ("The Securities and Exchange Commission (SEC) said": the name before its acronym in
    // brackets)
    if ctx.punct(q) == Some(')') && ctx.mention_at(q).is_none() {
        if let Some(open) = (q.saturating_sub(4)..q)
            .rev()
            .find(|&t| ctx.punct(t) == Some('('))
        {
            q = open.checked_sub(1)?;
        }
    }
    let m = ctx.mention_at(q)?;
    let mention = &ctx.mentions[m];
    // (the reporter opens its sentence or clause)
    let opens = mention.t0 == 0
        || ctx.is(mention.t0 - 1, &["the"])
            && (mention.t0 == 1 || ctx.punct(mention.t0 - 2) == Some(','))
        || ctx.punct(mention.t0 - 1) == Some(',');
    (mention.role == Role::Authority && opens).then(|| mention.clone())
}

/// The party an order noun ending at `t1` requires to act: "a cease-and-desist order requiring
/// Acme Corp to stop", "an injunction barring Acme Corp from selling", or the party it is
/// agreed with: "finalized an order with Epic Games".
fn required_party(ctx: &Ctx<'_, '_>, t1: usize) -> Vec<usize> {
    const REQUIRING: [&str; 9] = [
        "with",
        "requiring",
        "directing",
        "ordering",
        "forcing",
        "compelling",
        "barring",
        "prohibiting",
        "banning",
    ];
    // (after the trigger, after the noun it qualifies: "a cease-and-desist order requiring",
    // or the trigger's last word: "an order requiring")
    let verb = if ctx.is(t1, &["order", "orders", "injunction"]) {
        t1 + 1
    } else if t1 > 0 && ctx.is(t1 - 1, &REQUIRING) {
        t1 - 1
    } else {
        t1
    };
    if !ctx.is(verb, &REQUIRING) {
        return Vec::new();
    }
    object_list(ctx, verb + 1, object_clause_end(ctx, verb + 1), 0).0
}

/// What the object of a removal verb is, when it is no product or place.
enum RemovedObject {
    /// Another action ("closed an investigation", "closed its probe").
    Action,
    /// A restriction ("remove the restrictions", "lift the curbs").
    Restriction,
}

/// Content that a platform is told to take down ("ordered TikTok to remove harmful content"):
/// the party told is ordered; the content's removal is no removal of a party's product.
const CONTENT_NOUNS: [&str; 10] = [
    "content",
    "contents",
    "posts",
    "videos",
    "material",
    "materials",
    "comments",
    "articles",
    "information",
    "messages",
];

/// Nouns of restrictions that a party may be told to remove.
const RESTRICTION_NOUNS: [&str; 16] = [
    "restriction",
    "restrictions",
    "provision",
    "provisions",
    "barrier",
    "barriers",
    "obstacle",
    "obstacles",
    "requirement",
    "requirements",
    "clause",
    "clauses",
    "curbs",
    "limits",
    "limitations",
    "terms",
];

/// The kind of the object of the removal verb ending at `t1` (its head after determiners and
/// adjectives), when it is an action or a restriction.
fn removed_object(ctx: &Ctx<'_, '_>, t1: usize, right: usize) -> Option<RemovedObject> {
    let is_trigger = |t: usize| ctx.triggers.iter().any(|&(o0, ..)| o0 == t);
    let mut h = t1;
    while h < right.min(t1 + 4)
        && !is_trigger(h)
        && !ctx.is(h, &RESTRICTION_NOUNS)
        && !ctx.is(h, &CONTENT_NOUNS)
        && (ctx.is(h, lexicon::DETERMINERS)
            || ctx.is(h, &["its", "their", "his", "her"])
            || ctx.is_lower_word(h) && ctx.owner[h].is_none() && !ctx.covered[h])
    {
        h += 1;
    }
    if h >= right {
        None
    } else if is_trigger(h) && ctx.owner[h].is_none() {
        Some(RemovedObject::Action)
    } else if ctx.is(h, &RESTRICTION_NOUNS) || ctx.is(h, &CONTENT_NOUNS) {
        Some(RemovedObject::Restriction)
    } else {
        None
    }
}

/// A reporting clause that closes the sentence after the trigger ending at `t1`: a comma, an
/// authority, a reporting verb, and at most a time expression before the sentence ends or
/// another comma (", the SAMR said on Monday."). The authority reports the action (it is the
/// actor of a passive or a received noun that names none), and the clause's date is the
/// action's when the action's own clause has none. Returns the authority's mention and the end
/// of the reporting clause.
fn reporter_after(ctx: &Ctx<'_, '_>, t1: usize) -> Option<(usize, usize)> {
    let n = ctx.toks.len();
    let comma = (t1..n).find(|&t| ctx.punct(t) == Some(','))?;
    // (nothing but the action's own words before it: no second clause)
    if (t1..comma).any(|t| ctx.is(t, lexicon::CLAUSE_BOUNDARY_WORDS)) {
        return None;
    }
    let m = ctx.mention_at(skip_determiners(ctx, comma + 1))?;
    let mention = &ctx.mentions[m];
    // ("..., the Securities and Exchange Commission (SEC) said": past its acronym in brackets)
    let verb = match ctx.punct(mention.t1) {
        Some('(') => (mention.t1 + 1..n.min(mention.t1 + 5))
            .find(|&t| ctx.punct(t) == Some(')'))
            .map_or(mention.t1, |close| close + 1),
        _ => mention.t1,
    };
    if mention.role != Role::Authority || !ctx.is(verb, &REPORTING) {
        return None;
    }
    let mut end = verb + 1;
    while end < n && ctx.covered[end] {
        end += 1;
    }
    (end == n || matches!(ctx.punct(end), Some('.' | ','))).then_some((m, end))
}

/// Words of a news medium that reports a clause after it ("..., state media reported on
/// Thursday", "..., the official Xinhua news agency said on Monday").
const MEDIA_WORDS: [&str; 9] = [
    "state",
    "media",
    "official",
    "news",
    "agency",
    "television",
    "tv",
    "newspaper",
    "reports",
];

/// The date of a news medium's report that closes the sentence after the trigger ending at
/// `t1` ("China's market regulator has launched an investigation into Alibaba, state media
/// reported on Thursday"): the report's time expression, for an action whose own clause has
/// none. (An authority that reports the clause is read by [`reporter_after`].)
fn media_report_date(ctx: &Ctx<'_, '_>, memory: &Memory, t1: usize) -> Option<DateValue> {
    let n = ctx.toks.len();
    let comma = (t1..n).rev().find(|&t| ctx.punct(t) == Some(','))?;
    let mut t = skip_determiners(ctx, comma + 1);
    let start = t;
    while t < n.min(start + 5)
        && (ctx.is(t, &MEDIA_WORDS)
            || ctx.owner[t].is_some_and(|m| {
                ctx.mentions[m]
                    .actor
                    .id_hint
                    .as_deref()
                    .and_then(|id| ctx.resolver.get(id))
                    .is_some_and(|a| a.kind == docket_core::ActorKind::Media)
            }))
    {
        t += 1;
    }
    if t == start || !(ctx.is(t, &REPORTING) || ctx.is(t, &["reported", "reports"])) {
        return None;
    }
    let from = ctx.toks.get(t + 1)?.start;
    let e = ctx.s.times.iter().find(|e| {
        e.start >= from
            && !e.since
            && ctx.s.text[from..e.start]
                .split_whitespace()
                .all(|w| w.eq_ignore_ascii_case("on"))
    })?;
    Some(expr_date(ctx, memory, e))
}

/// Whether the removal, suspension or ban at `t0` is one an authority says will be done ("The
/// CAC said on Sunday that Didi's app would be removed from app stores"): `would be` or `will
/// be` right before the participle, after a reporting verb. Kept, flagged `announced`, with the
/// reporting authority as its actor.
fn announced_passive(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    t0 >= 2
        && ctx.is(t0 - 1, &["be"])
        && ctx.is(t0 - 2, &["would", "will"])
        && (t0.saturating_sub(12)..t0 - 2).any(|t| ctx.is(t, &REPORTING))
}

/// Whether the investigation at `t0` is one that an authority says it will open: "China's
/// securities regulator said on Friday it would investigate Evergrande's unit", "the FTC said
/// it will launch a probe into X". Such a report is how an investigation's opening is
/// announced, so it is kept (flagged `announced`), not dropped as a plan: `it` or `they`,
/// then `would` or `will`, then the trigger (or a verb that opens it and its adjectives),
/// after a reporting verb.
fn announced_investigation(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    let Some(modal) = (t0.saturating_sub(5)..t0)
        .rev()
        .find(|&t| ctx.is(t, &["would", "will"]))
    else {
        return false;
    };
    let opening = (modal + 1..t0).all(|t| {
        ctx.is(t, &OPENING) || ctx.is_lower_word(t) && ctx.owner[t].is_none() && !ctx.covered[t]
    });
    let Some(pronoun) = modal.checked_sub(1).filter(|&p| ctx.is(p, &["it", "they"])) else {
        return false;
    };
    opening
        && !(modal + 1..t0).any(|t| ctx.toks[t].kind == Kind::Neg || ctx.is(t, &["not"]))
        && (pronoun.saturating_sub(5)..pronoun).any(|t| ctx.is(t, &REPORTING))
}

/// Whether the verb at `t0` follows "it would" or "it will" after a reporting verb: "The SAMR
/// said it would fine Tencent 500,000 yuan", "Norway's data protection authority said on Monday
/// it would fine Grindr NOK 100 million" announce a sanction as decided (kept and flagged
/// `announced` when an authority is the actor and the sanction a fine, a ban, a suspension or
/// a removal).
fn said_it_would(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    // "said it would impose a fine of 42.1 billion won on Google": the verb that hands the
    // penalty noun over, with its article and an amount between
    let mut verb = t0;
    let mut q = t0;
    while q > 0 && (ctx.in_amount(q - 1) || ctx.is(q - 1, &["a", "an"])) && t0 - q < 8 {
        q -= 1;
    }
    if q < t0 && q > 0 && ctx.is(q - 1, &["impose", "levy", "issue", "slap"]) {
        verb = q - 1;
    }
    verb >= 3
        && ctx.is(verb - 1, &["would", "will"])
        && ctx.is(verb - 2, &["it", "they"])
        && (verb.saturating_sub(8)..verb - 2).any(|t| ctx.is(t, &REPORTING))
}

/// Whether a word of [`lexicon::THREATS`] governs the trigger at `t0`, with at most a few
/// linking words between ("intends to fine", "proposes a fine", "a proposed fine", "its
/// intention to impose a fine", "threatened to ban").
fn threat_before(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    let mut t = t0;
    for _ in 0..8 {
        let Some(p) = t.checked_sub(1) else {
            return false;
        };
        if ctx.is(p, lexicon::THREATS) {
            return true;
        }
        // (an amount between: "proposed a £5m fine")
        if !(ctx.covered[p] || ctx.is(p, &["to", "a", "an", "impose", "issue", "levy"])) {
            return false;
        }
        t = p;
    }
    false
}

fn analyze_trigger_as(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    t0: usize,
    t1: usize,
    mut action: ActionKind,
    form: Form,
    threatened: bool,
) -> Vec<Candidate> {
    let n = ctx.toks.len();
    let (left, right) = clause(ctx, t0, t1);
    // ("Meituan is under investigation ..., the SAMR said on Monday": the reporting clause
    // after the comma belongs to the action's clause, for its date)
    let reporter = reporter_after(ctx, t1);
    let right = reporter.map_or(right, |(_, end)| end.max(right));
    let reported_from = reporter.map(|(m, _)| ctx.mentions[m].t0);
    let modal = !threatened && modal_before(ctx, left, t0);
    if modal
        || (t1 < n && ctx.is(t1, lexicon::MODAL_AFTER))
        || form == Form::Verb && (gerund_or_modifier(ctx, t0) || adjectival_participle(ctx, t0, t1))
    {
        return Vec::new();
    }
    // "closed an investigation into Apple", "ordered Apple to remove the restrictions": what
    // is closed or removed is an action or a restriction, not a product or a place: no
    // removal (an ordered one is an order to the party told)
    if action == ActionKind::Removal && form == Form::Verb {
        match removed_object(ctx, t1, right) {
            Some(RemovedObject::Action) => return Vec::new(),
            Some(RemovedObject::Restriction) => {
                if ordering_verb(ctx, left, t0).is_some() {
                    action = ActionKind::Order;
                } else {
                    return Vec::new();
                }
            }
            None => {}
        }
    }
    let trigger_text = ctx.s.text[ctx.toks[t0].start..ctx.toks[t1 - 1].end].to_lowercase();
    // "orders" is a verb only after its subject ("The CAC orders app stores to ...", "and
    // orders"), not after a noun's modifier ("sending distraint orders to the banks")
    if trigger_text == "orders" {
        let subject_before = skip_adverbs_back(ctx, t0).is_some_and(|p| {
            ctx.owner[p].is_some() || ctx.is(p, &["it", "they", "and", "regulators", "authorities"])
        });
        if !subject_before {
            return Vec::new();
        }
    }
    // a payment is an event only when no other trigger names it ("pay a fine", "pay ... to
    // settle"), an amount follows, and it goes to an authority ("pay $1m to the Department of
    // Justice") or settles an authority's action on the payer just reported
    let mut settled_with: Option<Mention> = None;
    if form == Form::Payment {
        let other = ctx.triggers.iter().any(|&(o0, _, oa, of)| {
            o0 != t0
                && of != Form::Payment
                && matches!(oa, ActionKind::Fine | ActionKind::Settlement)
                && o0 >= left
                && o0 < right
        });
        let amount_next = ctx.covered.get(t1).copied().unwrap_or(false)
            || ctx.punct(t1).is_some_and(|c| matches!(c, '$' | '€' | '£'));
        if other || !amount_next {
            return Vec::new();
        }
        let mut q = t1;
        while q < right && (ctx.covered[q] || matches!(ctx.toks[q].kind, Kind::Punct(_))) {
            q += 1;
        }
        let to_authority = ctx
            .is(q, &["to"])
            .then(|| ctx.mention_at(skip_determiners(ctx, q + 1)))
            .flatten()
            .filter(|&m| ctx.mentions[m].role == Role::Authority);
        if to_authority.is_none() {
            // "Texas Attorney General Ken Paxton sued Meta ..., and the company agreed to pay
            // $1.4 billion": the party of the authority's action just reported settles it
            match payment_settles_last_action(ctx, memory, left, t0) {
                Some(authority) => {
                    action = ActionKind::Settlement;
                    settled_with = Some(authority);
                }
                None => return Vec::new(),
            }
        }
    }
    // "ordered to pay": a court-ordered payment is a ruling (a fine when a regulator orders it)
    // ("ordered Acme Corp to pay": also after the object; "was ordered by the SAMR to pay":
    // after the agent)
    let ordered_to_pay = action == ActionKind::Order
        && (t1..right.min(t1 + 10))
            .take_while(|&t| {
                t == t1
                    || ctx.owner[t].is_some()
                    || ctx.is(t, &["to", "and", "by", "the"])
                    || ctx.punct(t) == Some(',')
            })
            .any(|t| ctx.is(t, &["to"]) && ctx.is(t + 1, &PAY_VERBS));
    // "The minister ruled out a bailout": to rule out is to exclude, no ruling
    if action == ActionKind::Ruling && ctx.is(t1, &["out"]) {
        return Vec::new();
    }
    // "Tencent was told to end its exclusive music licensing deals", "regulators told Tencent
    // to end ...": an instruction to a company by an authority, or to a company in the
    // passive; "told the BBC", "told reporters that", "Mr Smith was told to leave" are not
    if ctx.is(t0, &["told"]) && !told_to_act(ctx, left, right, t0, t1) {
        return Vec::new();
    }
    // "obtained a final judgment against John Smith, ordering him to pay $1.2 million": the
    // payment is the judgment's, which carries its amount (the one ordered is a pronoun for
    // the judgment's target; "a final judgment ordering Acme Corp to pay" names it here)
    if ordered_to_pay
        && ctx.is(t0, &["ordering"])
        && ctx.is(t1, &["him", "her", "it", "them"])
        && ctx.triggers.iter().any(|&(o0, o1, oa, of)| {
            oa == ActionKind::Ruling && of == Form::Noun && o0 >= left && o1 <= t0
        })
    {
        return Vec::new();
    }
    // "... a final judgment against John Smith, ordering him to pay a $25 million penalty": the
    // penalty is the one the judgment orders, and its amount the judgment's
    if action == ActionKind::Fine && form == Form::Noun {
        let pay = (t0.saturating_sub(6).max(left)..t0)
            .rev()
            .find(|&q| ctx.is(q, &PAY_VERBS))
            .filter(|&q| (q + 1..t0).all(|r| !ctx.is(r, lexicon::CLAUSE_STOPS)));
        let judgment_orders = pay.filter(|&q| q >= 3).is_some_and(|q| {
            ctx.is(q - 1, &["to"])
                && ctx.is(q - 2, &["him", "her", "it", "them"])
                && ctx.is(
                    q - 3,
                    &["ordering", "orders", "ordered", "requiring", "requires"],
                )
                && ctx.triggers.iter().any(|&(_, o1, oa, of)| {
                    oa == ActionKind::Ruling && of == Form::Noun && o1 <= q - 3
                })
        });
        if judgment_orders {
            return Vec::new();
        }
    }
    // "The FTC ordered Avast to pay $16.5 million to settle charges": the payment ordered is
    // the settlement's, which is the event
    if ordered_to_pay
        && ctx.triggers.iter().any(|&(o0, _, oa, _)| {
            oa == ActionKind::Settlement && o0 > t1 && o0 < right && ctx.is(o0 - 1, &["to"])
        })
    {
        return Vec::new();
    }
    // "ordered 30 projects halted", "ordered a halt to", "ordered a thorough investigation":
    // the order is the ordered action, which takes the orderer as its actor
    if action == ActionKind::Order && !ordered_to_pay {
        let complement = ctx.triggers.iter().any(|&(o0, _, oa, of)| {
            // (not a participle that only qualifies the order: "an injunction blocking Acme")
            let other = oa != ActionKind::Order
                && oa != ActionKind::Fine
                && !(of == Form::Verb && gerund_or_modifier(ctx, o0));
            // ("was ordered by the Ministry of Industry and Information Technology to suspend")
            let directed =
                || passive_directive(ctx, left, o0).is_some_and(|(_, participle)| participle == t0);
            other && o0 > t0 && (o0 < right.min(t1 + 6) || o0 < right && directed())
        });
        if complement {
            return Vec::new();
        }
    }
    // "agreed to pay $20 million in penalties to settle the SEC's charges": the penalty is
    // what the settlement pays, and the settlement the event
    if action == ActionKind::Fine
        && form != Form::Verb
        && ctx.is(t1, &["to"])
        && ctx
            .triggers
            .iter()
            .any(|&(o0, _, oa, _)| o0 == t1 + 1 && oa == ActionKind::Settlement)
    {
        return Vec::new();
    }
    // "the accused": a participle after a determiner is a noun; "executives of shamed US energy
    // firm Enron": after a preposition, an adjective
    if form == Form::Verb
        && t0 > 0
        && ctx.is(
            t0 - 1,
            &[
                "the",
                "a",
                "an",
                "of",
                "with",
                "for",
                "on",
                "containing",
                "about",
            ],
        )
    {
        return Vec::new();
    }
    // "for failing to delete banned content": a participle between a verb after "to" and a
    // noun is an adjective ("to have banned", "to be blocked" are verbs)
    let attributive = form == Form::Verb
        && t0 >= 2
        && ctx.is(t0 - 2, &["to"])
        && ctx.is_lower_word(t0 - 1)
        && !ctx.is(t0 - 1, lexicon::BE_FORMS)
        && !ctx.is(
            t0 - 1,
            &["have", "has", "get", "got", "be", "been", "being"],
        )
        && ctx.is_lower_word(t1)
        && ctx.owner.get(t1).is_some_and(Option::is_none)
        && !ctx.is(t1, lexicon::DETERMINERS)
        && !ctx.is(t1, lexicon::CLAUSE_STOPS);
    if attributive {
        return Vec::new();
    }
    // "resolve" settles only what a payment resolves ("agreed to pay $4.3 billion to resolve
    // the Justice Department's investigation"; not "to resolve the outage")
    if ctx.is(t0, &["resolve"]) {
        let paid = t0 >= 2
            && ctx.is(t0 - 1, &["to"])
            && (t0.saturating_sub(8).max(left)..t0 - 1).any(|q| ctx.is(q, &PAY_VERBS))
            && (t0.saturating_sub(8).max(left)..t0 - 1).any(|q| ctx.covered[q]);
        if !paid {
            return Vec::new();
        }
    }
    let voice = voice(ctx, left, t0, t1, form);
    if action == ActionKind::Warning && !warning_to_someone(ctx, left, right, t0, t1, voice) {
        return Vec::new();
    }
    // "the WTO's dispute settlement panel", "investigation powers": the noun only qualifies
    // the one after it, which is no action
    if voice == Voice::Noun
        && ctx.is(
            t1,
            &[
                "panel",
                "panels",
                "body",
                "mechanism",
                "mechanisms",
                "procedure",
                "procedures",
                "process",
                "system",
                "powers",
                "regime",
                "framework",
                "rules",
            ],
        )
    {
        return Vec::new();
    }
    let mut flags = Vec::new();
    let mut actors: Vec<Mention> = Vec::new();
    let mut targets: Vec<usize>;
    let mut count = None;
    let mut confidence: f64 = 0.8;
    let mut extra_targets: Vec<Mention> = Vec::new();
    let mut explicit_agent = false;
    let not_authority = |m: &Mention| m.role != Role::Authority;
    // the orderer of "ordered a halt to ...": the actor of the ordering verb
    let orderer = || -> Option<Mention> {
        let o = ctx
            .triggers
            .iter()
            .rev()
            .find(|&&(_, o1, oa, _)| oa == ActionKind::Order && o1 <= t0 && t0 - o1 <= 5)?;
        // "it was ordered to pay": the one ordered is not the orderer
        if o.0 > 0 && ctx.is(o.0 - 1, lexicon::BE_FORMS) {
            return None;
        }
        // "Mineta said he was concerned, and ordered an investigation": the orderer may stand
        // before a reporting verb
        nearest_authority_left(ctx, 0, o.0)
            .map(|a| ctx.mentions[a].clone())
            .or_else(|| authority_reference(ctx, memory, 0, o.0))
    };
    let speaker = (action == ActionKind::Warning && voice == Voice::Active)
        .then(|| inverted_speaker(ctx, right, t0, t1))
        .flatten();
    match voice {
        // "'Investors must take care,' warned the SEC.": the speaker after the verb gave the
        // warning, whose content is what was said (a comment by anyone else is dropped above)
        Voice::Active if speaker.is_some() => {
            actors.extend(speaker.map(|m| ctx.mentions[m].clone()));
            targets = Vec::new();
            confidence = 0.85;
        }
        Voice::Active => {
            // a country acting, kept only when it acts on someone named ("India banned TikTok";
            // not "the US blocked its application")
            let mut state = None;
            let subject_mentions = subject(ctx, left, t0, |_| true);
            let nearest_auth = nearest_authority_left(ctx, left, t0);
            // "In a filing to US regulators the airline warned": the subject is the company
            // named by a common noun right before the verb, and the authority before it is
            // not the one acting
            let p = before_verb_group(ctx, left, t0);
            // ("India's first low-cost airline ordered 30 planes": with no authority in the
            // clause at all, any company noun there)
            // (not the one ordered before the complement: "It ordered the iPhone maker to
            // remove the restrictions")
            let company_subject = p > left
                && p < t0
                && ordering_verb(ctx, left, t0).is_none()
                && ctx.is(p, lexicon::COREF_COMPANY)
                && ctx.owner[p].is_none_or(|m| ctx.mentions[m].role != Role::Authority)
                && match nearest_auth {
                    Some(a) => ctx.is(p - 1, &["the"]) && ctx.mentions[a].t1 < p,
                    None => true,
                };
            // "Shareholders sued Acme Corp", "A Californian man sued Apple", "ITunes user sues
            // Apple": private people acting are no authority
            let private_subject = nearest_auth.is_none()
                && p >= left
                && p < t0
                && ctx.owner[p].is_none()
                && ctx.is(p, lexicon::PRIVATE_AGENTS);
            if company_subject || private_subject {
                return Vec::new();
            }
            // "The People's Bank of China and other financial regulators": the others are
            // nobody in particular, and the named one acts
            let other = |m: usize| named_as_other(ctx, m);
            let named_in_list = |a: usize| {
                subject_mentions
                    .iter()
                    .rev()
                    .copied()
                    .find(|&m| !other(m) && ctx.mentions[m].role == Role::Authority)
                    .filter(|_| other(a) && subject_mentions.contains(&a))
                    // ("The People's Bank of China and other regulators met with ... and
                    // ordered them": the named one right before "and other", when the subject
                    // is a verb's before)
                    .or_else(|| {
                        let m0 = ctx.mentions[a].t0;
                        (other(a) && m0 >= 3 && ctx.is(m0 - 2, &["and", "or"]))
                            .then(|| ctx.mention_at(m0 - 3))
                            .flatten()
                            .filter(|&n| {
                                ctx.mentions[n].t1 == m0 - 2
                                    && ctx.mentions[n].role == Role::Authority
                                    && !other(n)
                            })
                    })
            };
            let nearest_auth = nearest_auth.map(|a| named_in_list(a).unwrap_or(a));
            let subject_mentions: Vec<usize> = if subject_mentions.iter().any(|&m| !other(m)) {
                subject_mentions
                    .iter()
                    .copied()
                    .filter(|&m| !other(m))
                    .collect()
            } else {
                subject_mentions
            };
            match nearest_auth {
                // "The People's Bank of China and the CBIRC summoned ...": every authority of a
                // subject list acts, one event each (not with an amount, which they share)
                Some(a)
                    if subject_mentions.len() > 1
                        && !amount_in_clause(ctx, left, right)
                        && subject_mentions.contains(&a)
                        && subject_mentions
                            .iter()
                            .all(|&m| ctx.mentions[m].role == Role::Authority) =>
                {
                    actors.extend(subject_mentions.iter().map(|&m| ctx.mentions[m].clone()));
                }
                Some(a) => actors.push(ctx.mentions[a].clone()),
                None => {
                    // "it had ordered app stores to stop offering Didi's app": the subject
                    // of the ordering verb ("It ordered Apple to remove the restrictions":
                    // the company before the complement is the one ordered, not its subject)
                    let ordered_by = || {
                        ordering_verb(ctx, left, t0)
                            .and_then(|o| authority_reference(ctx, memory, left, o))
                    };
                    // "The CAC launched its investigation into Didi, days after the company went
                    // public, and ordered app stores to remove its apps": the subject of the
                    // main clause before the subordinate one
                    let main_clause = || {
                        let verb = ordering_verb(ctx, left, t0).unwrap_or(t0);
                        main_clause_authority(ctx, left, verb).map(|m| ctx.mentions[m].clone())
                    };
                    // a company doing it is not enforcement, unless it refers to an authority
                    let company_acts = subject_mentions
                        .iter()
                        .any(|&m| ctx.mentions[m].role != Role::Authority);
                    let reference = if company_acts {
                        let Some(orderer) = main_clause().or_else(ordered_by) else {
                            return Vec::new();
                        };
                        Some(orderer)
                    } else {
                        authority_reference(ctx, memory, left, t0)
                            .or_else(ordered_by)
                            .or_else(|| reported_pronoun_subject(ctx, memory, t0))
                            .or_else(main_clause)
                    };
                    if let Some(a) = reference {
                        flags.push("actor_coreference".to_string());
                        actors.push(a);
                    } else if !ctx.s.headline
                        // (in a headline, a place right before the verb: "EU fines Google $2.7
                        // billion over shopping searches", "China bans TikTok")
                        || t0 > 0 && ctx.jurisdiction[t0 - 1].is_some()
                    {
                        state = state_subject(ctx, left, t0);
                    }
                }
            }
            // "ruled that X must pay", "found that X"; "investigating whether X misled"
            let question = action == ActionKind::Investigation && ctx.is(t1, &["whether"]);
            let from = if ctx.is(t1, &["that"]) || question {
                t1 + 1
            } else {
                t1
            };
            // "ruled against Acme Corp": the losing party, named right after "against" (not
            // "ruled against the interests of the people he represents")
            let from = if action == ActionKind::Ruling
                && ctx.is(from, &["against"])
                && ctx.mention_at(skip_determiners(ctx, from + 1)).is_some()
            {
                from + 1
            } else {
                from
            };
            let from = if action == ActionKind::Ruling
                && ctx.mention_at(skip_determiners(ctx, from)).is_none()
            {
                // "ruled in 2003 that Bruvik"
                (from..right.min(from + 4))
                    .find(|&q| ctx.is(q, &["that"]))
                    .map_or(from, |q| q + 1)
            } else {
                from
            };
            // ("block Microsoft's acquisition of Activision Blizzard": both sides of the deal)
            let (list, c) = deal_parties(ctx, skip_determiners(ctx, from))
                .map(|parties| (parties, None))
                .unwrap_or_else(|| object_list(ctx, from, right, 4));
            targets = list;
            count = c.or_else(|| counted_object(ctx, from, right));
            // "suspended new user registrations at Boss Zhipin": the company where the
            // suspended or banned activity takes place
            // (an authority acting: "agreed to suspend their requests for WTO arbitration"
            // and "the classic falling blocks game on PCs" are not)
            if targets.is_empty()
                && count.is_none()
                && matches!(action, ActionKind::Suspension | ActionKind::Ban)
                && actors.iter().any(|a| a.role == Role::Authority)
            {
                let place = (from..right.min(from + 5))
                    .take_while(|&q| ctx.is_lower_word(q) && ctx.owner[q].is_none())
                    .find(|&q| q > from && ctx.is(q, &["at", "on", "of", "for", "in"]));
                if let Some(at) = place {
                    targets = noun_object(ctx, at + 1, 1)
                        .0
                        .into_iter()
                        .filter(|&m| ctx.mentions[m].role != Role::Authority)
                        .collect();
                }
            }
            // "fined 22 companies for failing to report deals, including Alibaba and Tencent":
            // the counted object's examples, at the end of the clause
            if targets.is_empty() && count.is_some() {
                let including = (t1..n)
                    .find(|&t| ctx.is(t, &["including"]) && t > 0 && ctx.punct(t - 1) == Some(','));
                if let Some(i) = including {
                    let end = (i + 1..n)
                        .find(|&r| is_clause_boundary_right(ctx, r))
                        .unwrap_or(n);
                    targets = object_list(ctx, i + 1, end, 0).0;
                }
            }
            // "told Tencent to suspend new app updates": the one told to act is the target
            if targets.is_empty() {
                if let Some(told) = directed_subject(ctx, left, t0) {
                    targets = same_span(ctx, told);
                }
            }
            // "ordered Didi's 25 apps removed from app stores": the owner of what is ordered
            // done, and how many
            if targets.is_empty() && count.is_none() {
                match ordered_done(ctx, left, t0) {
                    Some((Some(owner), how_many)) => {
                        targets = same_span(ctx, owner);
                        count = how_many;
                    }
                    // ("ordered its app removed": "its" is the latest company)
                    Some((None, how_many)) => {
                        if let Some(m) = latest_party(ctx, memory, t0, false) {
                            extra_targets.push(m);
                            count = how_many;
                        }
                    }
                    None => {}
                }
            }
            if !targets.is_empty() {
                actors.extend(state);
            }
            // "investigating the case": the case of the document
            if targets.is_empty() && is_case_reference(ctx, from) {
                extra_targets = case_targets(ctx, memory, left, t0);
            }
            // "ordered app stores to remove its app": the app's owner is the latest company
            // (also "to remove 25 of its apps")
            let its = if ctx.toks.get(from).is_some_and(|t| t.kind == Kind::Num)
                && ctx.is(from + 1, &["of"])
            {
                from + 2
            } else {
                from
            };
            if targets.is_empty()
                && !actors.is_empty()
                && from == t1
                && ctx.is(its, &["its"])
                && product_noun(ctx, its + 1)
            {
                extra_targets.extend(latest_party(ctx, memory, t0, false));
            }
            // "fined Clearview AI ... and ordered it to delete": "it" is the latest company,
            // of this sentence or before
            // (an object: "ordered it to", "fined it $5m", "banned it from"; not the subject of
            // a clause, "warned it might", and only with an authority acting)
            let object = pronoun_as_object(ctx, from);
            // ("a final judgment against John Smith, ordering him to pay": "him" or "her" the
            // latest person, of this sentence or before)
            let person_pronoun = ctx.is(from, &["him", "her"]);
            if targets.is_empty()
                && !actors.is_empty()
                && from == t1
                && (ctx.is(from, &["it"]) || person_pronoun)
                && ctx.owner[from].is_none()
                && object
            {
                extra_targets.extend(latest_party(ctx, memory, t0, person_pronoun));
            }
            // "summoned Tencent, Alibaba and ByteDance and ordered them to stop": "them" is
            // the latest list of parties, of this sentence or else the previous event's targets
            if targets.is_empty()
                && !actors.is_empty()
                && from == t1
                && ctx.is(from, &["them"])
                && ctx.owner[from].is_none()
                && object
            {
                let mut list = latest_party_list(ctx, t0);
                // ("said it had found 101 apps that illegally collected user data and ordered
                // them to fix the problems": the latest counted group of the sentence, before
                // the previous event's parties: "regulators summoned 34 internet companies and
                // told them to rectify" is not about the company of the sentence before)
                // ("held talks with 34 internet firms and warned them": a word between)
                if list.is_empty() {
                    count = (1..t0).rev().find_map(|q| {
                        if !ctx.is(q, lexicon::GROUP_NOUNS) {
                            return None;
                        }
                        let number = if ctx.toks[q - 1].kind == Kind::Num {
                            q - 1
                        } else if q >= 2
                            && ctx.toks[q - 2].kind == Kind::Num
                            && ctx.is_lower_word(q - 1)
                        {
                            q - 2
                        } else {
                            return None;
                        };
                        number_of(ctx, number)
                    });
                }
                if list.is_empty() && count.is_none() {
                    list = memory.last_targets.clone();
                }
                for mut m in list {
                    m.coref = true;
                    extra_targets.push(m);
                }
            }
            confidence = 0.9;
        }
        Voice::Passive => {
            // "X was ordered to ... and fined": the subject of the earlier passive
            // ("X was told to suspend ...": the one told)
            let verb_group = coordinated_passive(ctx, left, t0, t1)
                .or_else(|| passive_directive(ctx, left, t0).map(|(be, _)| be))
                .unwrap_or(t0);
            targets = subject(ctx, left, verb_group, not_authority);
            // "Tencent Music has been ordered to ..., the market regulator said on Saturday,
            // and was fined 500,000 yuan": across the reporting clause, the subject before it
            let mut inserted_reporter = None;
            if targets.is_empty() {
                if let Some((comma, reporter)) = reporting_clause_before(ctx, verb_group) {
                    inserted_reporter = Some(ctx.mentions[reporter].clone());
                    // (the subject of the sentence's first passive: "has been ordered")
                    let be = (0..comma).find(|&q| {
                        ctx.is(q, lexicon::BE_FORMS) || ctx.is(q, &["has", "have", "had"])
                    });
                    if let Some(be) = be {
                        targets = subject(ctx, 0, be, not_authority);
                    }
                }
            }
            if targets.is_empty() {
                extra_targets.extend(pronoun_subject(ctx, memory, left, verb_group));
            }
            if targets.is_empty() && extra_targets.is_empty() {
                count = counted_subject(ctx, left, verb_group);
            }
            // the agent: "by X", or an authority elsewhere in the clause
            let agent_right = right.min(clause_end_for_agent(ctx, t1));
            let by = (t1..agent_right).find(|&t| ctx.is(t, &["by"]));
            if let Some(b) = by {
                // "banned from the auction by a US court injunction": the instrument's action
                if let Some(&(_, _, instrument, _)) =
                    ctx.triggers.iter().find(|&&(o0, _, _, of)| {
                        of == Form::Noun && o0 > b && o0 < agent_right.min(b + 6)
                    })
                {
                    action = instrument;
                }
                let agents = agents_at(ctx, b + 1, agent_right);
                // "sued by Lockheed Martin": a company's action is not enforcement
                if b == t1
                    && !agents.is_empty()
                    && agents
                        .iter()
                        .all(|&m| ctx.mentions[m].role != Role::Authority)
                {
                    return Vec::new();
                }
                // "criticised by privacy campaigners", "removed by the very same person":
                // people who hold no office, named by a common noun
                let right_after = b == t1 || b == t1 + 1 && ctx.is(t1, lexicon::ADVERBS);
                if right_after && private_agent(ctx, b + 1, agent_right) {
                    return Vec::new();
                }
                // "taken over by the US Secret Service", "blocked by a US court injunction"
                for m in agents {
                    if ctx.mentions[m].role == Role::Authority {
                        actors.push(ctx.mentions[m].clone());
                        explicit_agent = true;
                    }
                }
            }
            if actors.is_empty() {
                if let Some(a) =
                    authority_right(ctx, t1, agent_right).map(|m| ctx.mentions[m].clone())
                {
                    actors.push(a);
                }
            }
            if actors.is_empty() {
                if let Some(a) = nearest_authority_left(ctx, left, t0)
                    .filter(|&a| !targets.contains(&a))
                    .map(|a| ctx.mentions[a].clone())
                {
                    actors.push(a);
                }
            }
            if actors.is_empty() {
                actors.extend(by_reference(ctx, memory, t1, agent_right));
            }
            // (not with an agent no one recognised, "accused by unions", nor across a comma or
            // a relative pronoun: "..., who have been accused")
            let same_clause =
                (left..t0).all(|t| ctx.punct(t) != Some(',') && !ctx.is(t, &["who", "which"]));
            if actors.is_empty() && by.is_none() && same_clause {
                actors.extend(reporting_authority(ctx, left));
            }
            if actors.is_empty() && by.is_none() {
                actors.extend(reporter.map(|(m, _)| ctx.mentions[m].clone()));
            }
            if actors.is_empty() && by.is_none() && !targets.is_empty() {
                actors.extend(inserted_reporter);
            }
            // "TikTok was banned in India", "Telegram has been blocked in Russia": a ban,
            // suspension or removal in a country, with no agent, is that state's
            if actors.is_empty()
                && by.is_none()
                && !targets.is_empty()
                && matches!(
                    action,
                    ActionKind::Ban | ActionKind::Suspension | ActionKind::Removal
                )
            {
                actors.extend(banned_in_place(ctx, t1, agent_right));
            }
            confidence = 0.85;
        }
        Voice::Noun => {
            let (list, c, agent) = noun_arguments(ctx, memory, (left, right), t0, t1, action);
            targets = list;
            count = c;
            // "Amazon was hit with a $25 million fine over Alexa voice recordings": "over"
            // gives the reason when the subject receives the penalty; the subject is the target
            let over = targets
                .first()
                .is_some_and(|&m| after_over(ctx, ctx.mentions[m].t0));
            if over {
                let (received, subject_mentions) = receiving_subject(ctx, left, t0, t1, right);
                if received && !subject_mentions.is_empty() {
                    targets = subject_mentions;
                }
            }
            if targets.is_empty() && action == ActionKind::Order {
                targets = required_party(ctx, t1);
            }
            // "a $5 billion settlement between the FTC and Facebook": the authority of the
            // pair settles with the other party
            let mut between_actor = None;
            if action == ActionKind::Settlement && ctx.is(t1, &["between"]) {
                let (pair, _) = object_list(ctx, t1 + 1, right, 0);
                let (authorities, parties): (Vec<usize>, Vec<usize>) = pair
                    .into_iter()
                    .partition(|&m| ctx.mentions[m].role == Role::Authority);
                if authorities.len() == 1 && !parties.is_empty() {
                    between_actor = Some(ctx.mentions[authorities[0]].clone());
                    targets = parties;
                } else if authorities.is_empty()
                    && !parties.is_empty()
                    && nearest_authority_left(ctx, left, t0).is_some()
                {
                    // ("A judge approved a $725 million settlement between Facebook and users":
                    // the named party of a settlement that the clause's authority approves)
                    targets = parties;
                }
            }
            if let Some(agent) = agent {
                match agent {
                    Agent::Private => return Vec::new(),
                    Agent::Authorities(list) => {
                        explicit_agent = true;
                        actors = list;
                    }
                }
            }
            // (the pair's authority settles, also when someone else approves the settlement: "A
            // federal judge approved a $5 billion settlement between the FTC and Facebook")
            if let Some(between) = between_actor {
                actors = vec![between];
            }
            // "Beijing put Didi under a cybersecurity review", "The CAC placed three apps under
            // review": the subject of the verb that puts the party under the noun
            if actors.is_empty() {
                actors.extend(putter_under(ctx, left, t0));
            }
            // "Acme Corp faces charges of price fixing brought by the Justice Department": the
            // agent of the participle that brings the noun
            if actors.is_empty() {
                let brought_by = (t1..right.min(t1 + 8))
                    .find(|&t| {
                        ctx.is(t, &["brought", "filed", "lodged", "laid", "launched"])
                            && ctx.is(t + 1, &["by"])
                    })
                    .and_then(|t| authority_right(ctx, t + 2, right.min(t + 6)));
                actors.extend(brought_by.map(|m| ctx.mentions[m].clone()));
            }
            if actors.is_empty() {
                actors.extend(orderer());
            }
            // "Beijing slapped a $2.8 billion fine on Alibaba": a country or capital as the
            // subject of the verb that hands the penalty over, as with an active verb
            if actors.is_empty() && !ctx.s.headline {
                let verb = verb_of_object(ctx, left, t0, |q| {
                    ctx.is(q, lexicon::HANDED_TO) || ctx.is(q, &TAKING) || ctx.is(q, &OPENING)
                });
                if let Some(v) = verb {
                    if !targets.is_empty() {
                        actors.extend(state_subject(ctx, left, v));
                    }
                    // "Alibaba slapped a fine on its suppliers": a company that hands a
                    // penalty over acts privately
                    // (not the passive "Alibaba was slapped with a fine")
                    let passive =
                        skip_adverbs_back(ctx, v).is_some_and(|p| ctx.is(p, lexicon::BE_FORMS));
                    let company_subject = !passive
                        && subject(ctx, left, v, |_| true)
                            .iter()
                            .any(|&m| ctx.mentions[m].role == Role::Company);
                    if actors.is_empty() && company_subject {
                        return Vec::new();
                    }
                }
            }
            // "The CSRC said it had launched an investigation into X": "it" as the subject of
            // a verb that opens the action, "it" being an authority
            // ("... which indicates that it proposes a fine against Facebook": the same for a
            // sanction the authority announces)
            let announced =
                threatened && object_of_pronoun(ctx, left, t0, |t| ctx.is(t, lexicon::THREATS));
            if actors.is_empty() && (announced || opened_by_pronoun(ctx, left, t0)) {
                if let Some(a) = authority_reference(ctx, memory, left, t0) {
                    flags.push("actor_coreference".to_string());
                    actors.push(a);
                }
            }
            if targets.is_empty() && is_case_reference(ctx, t1 + 1) {
                extra_targets = case_targets(ctx, memory, left, t0);
            }
            if targets.is_empty() && extra_targets.is_empty() {
                // "Y agreed to pay a fine", "Y was hit with a probe"; "the charges he faces"
                let (received, subject_mentions) = receiving_subject(ctx, left, t0, t1, right);
                if received {
                    targets = subject_mentions;
                    confidence = 0.75;
                    if targets.is_empty() {
                        extra_targets.extend(
                            pronoun_subject(ctx, memory, left, t0)
                                .or_else(|| pronoun_receiving(ctx, memory, left, t0)),
                        );
                    }
                    // "Without admitting or denying the SEC's findings, Acme Corp agreed to pay
                    // a $2 million penalty": the authority whose findings the sentence names
                    if actors.is_empty() {
                        actors.extend(findings_authority(ctx, t0));
                    }
                    // ("The SEC said Acme Corp agreed to pay a $10 million penalty")
                    if actors.is_empty() {
                        actors.extend(reporting_authority(ctx, left));
                    }
                    // ("Meituan is under investigation ..., the SAMR said on Monday")
                    if actors.is_empty() {
                        actors.extend(reporter.map(|(m, _)| ctx.mentions[m].clone()));
                    }
                }
            } else {
                confidence = 0.85;
            }
        }
        Voice::Intransitive => {
            targets = subject(ctx, left, t0, not_authority);
            // "The FTC will require Avast to pay $16.5 million and prohibit the company from
            // selling browsing data to settle charges": the one told to pay settles
            if targets.is_empty()
                && action == ActionKind::Settlement
                && t0 > 0
                && ctx.is(t0 - 1, &["to"])
            {
                let told_to_pay = (left..t0)
                    .rev()
                    .filter(|&q| ctx.is(q, &PAY_VERBS))
                    .find_map(|q| directed_subject(ctx, left, q));
                if let Some(told) = told_to_pay {
                    targets = same_span(ctx, told);
                }
            }
            // "issued an order settling charges against Gamma Trading LLC": the party of the
            // charges settled
            if targets.is_empty() && action == ActionKind::Settlement {
                let mut q = t1;
                while q < right.min(t1 + 4)
                    && (ctx.is(q, lexicon::DETERMINERS) || ctx.is(q, &["its", "their"]))
                {
                    q += 1;
                }
                while q < right.min(t1 + 6) && ctx.is_lower_word(q) && !ctx.is(q, &SETTLED_CASES) {
                    q += 1;
                }
                if ctx.is(q, &SETTLED_CASES) && ctx.is(q + 1, &["against"]) {
                    let (list, _) = noun_object(ctx, q + 2, 4);
                    targets = list;
                }
            }
            if targets.is_empty() {
                extra_targets.extend(pronoun_subject(ctx, memory, left, t0));
            }
            // "settled with the SEC", "paying $500,000 to the SEC to settle", "settle a lawsuit
            // filed by Mr Spitzer", "pleaded guilty in a US court"
            // "to" gives the counterparty only for a payment ("paying $500,000 to the SEC"), or
            // right after the verb
            let with = (t1..right).find(|&t| {
                ctx.is(t, &["with"]) || ctx.is(t, &["to"]) && (form == Form::Payment || t == t1)
            });
            let filed_by = (t1..right.min(t1 + 8))
                .find(|&t| {
                    ctx.is(t, &["filed", "brought", "launched", "lodged"]) && ctx.is(t + 1, &["by"])
                })
                .and_then(|t| authority_right(ctx, t + 2, right));
            // "to settle allegations by the Federal Trade Commission that ...": the authority
            // that makes the claims settled
            let claims_by = (t1..right.min(t1 + 3))
                .find(|&t| {
                    ctx.is(t, &["charges", "claims", "allegations", "accusations"])
                        && ctx.is(t + 1, &["by", "from"])
                })
                .and_then(|t| authority_right(ctx, t + 2, right.min(t + 10)));
            // "settled the attorney general case", "settle SEC charges": the authority of the
            // settled case
            let object_authority = authority_right(ctx, t1, right.min(t1 + 4)).filter(|&m| {
                let mention = &ctx.mentions[m];
                ctx.is(mention.t0.saturating_sub(1), &["the", "its"])
                    || mention.t0 == t1
                        && ctx.is(
                            mention.t1,
                            &[
                                "charges",
                                "claims",
                                "allegations",
                                "lawsuit",
                                "suit",
                                "case",
                                "probe",
                                "investigation",
                                "complaint",
                            ],
                        )
            });
            let actor = with
                .and_then(|w| authority_right(ctx, w + 1, right))
                .filter(|&m| ctx.mentions[m].t0 <= skip_determiners(ctx, with.unwrap_or(0) + 1))
                .or(filed_by)
                .or(claims_by)
                .or(object_authority)
                .or_else(|| {
                    nearest_authority_left(ctx, left, t0)
                        .filter(|a| !targets.contains(a) && action != ActionKind::Apology)
                })
                .map(|m| ctx.mentions[m].clone());
            actors.extend(actor);
            confidence = 0.8;
        }
    }
    let medium = |a: &Mention| {
        a.actor
            .id_hint
            .as_deref()
            .and_then(|id| ctx.resolver.get(id))
            .is_some_and(|c| c.kind == docket_core::ActorKind::Media)
    };
    // "CCTV accused Baidu of promoting fake medical ads": a medium's accusation is public
    // criticism, not a charge
    if action == ActionKind::Charge
        && trigger_text == "accused"
        && !actors.is_empty()
        && actors.iter().all(medium)
    {
        action = ActionKind::Censure;
    }
    // a news medium acts only by criticising or warning ("shamed during state TV's show"), not
    // by arresting or closing ("the official news agency said the arrest ...")
    if !matches!(action, ActionKind::Censure | ActionKind::Warning) {
        actors.retain(|a| !medium(a));
    }
    if actors.is_empty() && settled_with.is_some() {
        actors.extend(settled_with);
        flags.push("actor_coreference".to_string());
    }
    // "taken over", "closed", "cleared": only with an authority actor of the clause
    if is_in(lexicon::NEEDS_AUTHORITY, &trigger_text) && actors.is_empty() {
        return Vec::new();
    }
    // (any word of the name, the head or one before a place: "a judge in New York", "a grand
    // jury in Delaware")
    let court_actor = |m: &Mention| {
        let name = m.actor.name.to_lowercase();
        name.split([' ', '-'])
            .any(|w| matches!(w, "court" | "judge" | "jury" | "tribunal"))
            || m.actor
                .id_hint
                .as_deref()
                .and_then(|id| ctx.resolver.get(id))
                .is_some_and(|a| a.kind == docket_core::ActorKind::Court)
            || name.contains("court")
    };
    if is_in(lexicon::COURT_ONLY, &trigger_text) && !actors.iter().any(court_actor) {
        return Vec::new();
    }
    if ordered_to_pay {
        action = if actors.iter().any(|a| !court_actor(a)) {
            ActionKind::Fine
        } else {
            ActionKind::Ruling
        };
    }
    // "The Court of Justice upheld the 2.42 billion euro fine on Google", "The Supreme People's
    // Court rejected Qualcomm's appeal against the fine": a court that decides on an appeal
    // against a sanction rules (it did not impose the sanction)
    if voice == Voice::Noun
        && matches!(
            action,
            ActionKind::Fine | ActionKind::Ban | ActionKind::Suspension | ActionKind::Order
        )
        && !actors.is_empty()
        && actors.iter().all(court_actor)
        && ((left..t0).any(|q| ctx.is(q, &APPEAL_DECISIONS))
            // ("Google's appeal against a 4.34 billion euro fine was largely rejected by the
            // General Court": the appeal against the sanction, before it)
            || (t0.saturating_sub(6).max(left)..t0).any(|q| {
                ctx.is(q, &APPEAL_NOUNS)
                    && ctx.is(q + 1, &["against", "to"])
            }))
    {
        action = ActionKind::Ruling;
    }
    // a judge or a court that bars or bans decides a case: a ruling
    let mut court_ban = false;
    if matches!(action, ActionKind::Ban) && actors.iter().any(court_actor) && !explicit_agent {
        action = ActionKind::Ruling;
        court_ban = true;
    }
    // "The lawsuit was brought by ...": a definite noun refers to the event reported before
    // ("The original fine of EUR 75,000 was reduced to ...": an adjective of time between)
    let determiner = if t0 > 1 && ctx.is(t0 - 1, &["original", "initial"]) {
        t0 - 2
    } else {
        t0.saturating_sub(1)
    };
    // ("However, the original fine ...": "the original fine" refers back wherever it stands)
    let anaphoric = voice == Voice::Noun
        && t0 > 0
        && ctx.is(determiner, &["the", "this"])
        && (ctx.at_start(determiner) || determiner + 1 < t0);
    // "... who alleged that Mr Richter and his accomplices sent ...": the accused
    if action == ActionKind::Charge && targets.is_empty() && extra_targets.is_empty() {
        if let Some(a) = (t1..n).find(|&t| ctx.is(t, &["alleged", "alleging", "alleges"])) {
            let mut from = if ctx.is(a + 1, &["that"]) {
                a + 2
            } else {
                a + 1
            };
            if ctx.is(from, TITLES) {
                from += 1;
            }
            targets = accused_from(ctx, from);
        }
    }
    // "According to the SEC's complaint, John Doe misappropriated ...": the subject of the
    // clause that the complaint introduces
    if action == ActionKind::Charge
        && voice == Voice::Noun
        && targets.is_empty()
        && extra_targets.is_empty()
        && after_according_to(ctx, t0)
    {
        let comma_after = |from: usize| (from..n).find(|&t| ctx.punct(t) == Some(','));
        if let Some(mut comma) = comma_after(t1) {
            // "According to the FTC's complaint, filed in federal court, Acme Corp ...": past
            // the phrase that tells where the complaint was filed
            if ctx.is(comma + 1, &["filed", "brought", "which"]) {
                comma = comma_after(comma + 1).unwrap_or(n);
            }
            let mut from = comma + 1;
            if ctx.is(from, TITLES) {
                from += 1;
            }
            targets = accused_from(ctx, from);
        }
    }
    let mut target_mentions: Vec<Mention> =
        targets.iter().map(|&m| ctx.mentions[m].clone()).collect();
    target_mentions.extend(extra_targets);
    let actors: Vec<Mention> = actors
        .into_iter()
        .map(|a| as_actor(ctx.resolver, a))
        .collect();
    if action == ActionKind::Apology {
        // the one who apologises acts
        let Some(first) = target_mentions.first().cloned() else {
            return Vec::new();
        };
        return finish(
            ctx,
            memory,
            action,
            vec![first],
            target_mentions,
            count,
            t0,
            (left, right),
            reported_from,
            confidence,
            flags,
        );
    }
    let keys: Vec<Arc<str>> = actors.iter().map(|a| a.key.clone()).collect();
    target_mentions.retain(|t| !keys.contains(&t.key));
    // authorities are acted upon only by courts and orders ("the court ruled against the FTC"),
    // and fined: a data-protection authority fines ministries and town councils too ("a fine of
    // EUR 51,000 on the Ministry of Industry and Innovation"); and investigated by another
    // authority ("the DPA launched investigations against the ministry"; without one, "the
    // investigations of the DPA" name the investigator)
    // (and reprimanded: "The DPC issued a reprimand to the Department of Health")
    let investigated = action == ActionKind::Investigation && !actors.is_empty();
    if !(matches!(
        action,
        ActionKind::Ruling | ActionKind::Order | ActionKind::Fine | ActionKind::Censure
    ) || investigated)
    {
        target_mentions.retain(|t| t.role != Role::Authority);
    }
    let mut seen: Vec<Arc<str>> = Vec::new();
    target_mentions.retain(|m| {
        if seen.contains(&m.key) {
            false
        } else {
            seen.push(m.key.clone());
            true
        }
    });
    if target_mentions.iter().any(|m| m.coref) {
        flags.push("target_coreference".to_string());
        confidence -= 0.1;
    }
    let cataphoric = target_mentions.is_empty() && indefinite_opening(ctx, t0);
    let mut out = finish(
        ctx,
        memory,
        action,
        actors.clone(),
        target_mentions.clone(),
        count,
        t0,
        (left, right),
        reported_from,
        confidence,
        flags.clone(),
    );
    let weak = is_in(lexicon::WEAK_TRIGGERS, &trigger_text) && actors.is_empty();
    // "Vodafone had processed the claimant's data ... The fine of EUR 35,000 was reduced to EUR
    // 21,000": a reduced fine of nobody named, with no event before it to refer to, is on the
    // only company the document has named
    let only_company = (anaphoric
        && action == ActionKind::Fine
        && actors.is_empty()
        && target_mentions.is_empty()
        && count.is_none()
        && memory.last_targets.is_empty()
        && memory.last_actor.is_none())
    .then(|| only_company(memory))
    .flatten();
    // "The Commission has also ordered Apple to remove ... The Commission's investigation was
    // opened in June 2020": the authority's own investigation, naming no party, is of the one
    // party of the authority's latest event
    let same_actor = |m: &Mention| {
        memory
            .last_actor
            .as_ref()
            .is_some_and(|(_, a, _)| a.key == m.key)
    };
    // ("The Commission's investigation": the authority's possessive refers back too)
    // (also "its investigation" after the authority: "the CAC announced its investigation")
    let possessed_by_actor = t0 >= 2
        && ctx.toks[t0 - 1].kind == Kind::Poss
        && ctx.owner[t0 - 2].is_some_and(|m| actors.iter().any(|a| a.key == ctx.mentions[m].key))
        || t0 >= 1
            && ctx.is(t0 - 1, &["its"])
            && !actors.is_empty()
            && actors.iter().all(|a| a.role == Role::Authority);
    let own_investigation = (anaphoric || possessed_by_actor)
        && action == ActionKind::Investigation
        && target_mentions.is_empty()
        && count.is_none()
        && !actors.is_empty();
    let investigated = (own_investigation && actors.iter().all(same_actor))
        .then(|| match memory.last_targets.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        })
        .flatten()
        // "Didi's shares tumbled after the CAC announced its investigation on July 2": with no
        // party before, the one company the sentence names
        .or_else(|| {
            (own_investigation && memory.last_targets.is_empty())
                .then(|| sentence_only_company(ctx))
                .flatten()
        });
    for c in &mut out {
        c.cataphoric = cataphoric;
        c.anaphoric = anaphoric;
        c.court_ban = court_ban;
        c.weak = weak;
        if let Some(company) = only_company.as_ref().filter(|_| c.reduced_from.is_some()) {
            target_by_reference(c, company);
        }
        if let Some(party) = investigated.as_ref().filter(|_| c.targets.is_empty()) {
            target_by_reference(c, party);
        }
    }
    // "A subsequent New South Wales state inquiry criticised Hardie's actions": an inquiry
    // that acts on a target has investigated it
    if action != ActionKind::Investigation && !target_mentions.is_empty() {
        if let Some(inquiry) = actors.iter().find(|a| {
            let head = a.head_word();
            ["inquiry", "investigation", "probe"]
                .iter()
                .any(|h| head.eq_ignore_ascii_case(h))
        }) {
            out.extend(finish(
                ctx,
                memory,
                ActionKind::Investigation,
                vec![inquiry.clone()],
                target_mentions,
                None,
                t0,
                (left, right),
                reported_from,
                confidence,
                flags,
            ));
        }
    }
    out
}

/// Whether the words from `from` name people who hold no office ("privacy campaigners", "some
/// aid groups", "net users", "the very same person"): a short phrase of lower-case words, with
/// no name or authority in it, whose head is one of [`lexicon::PRIVATE_AGENTS`].
fn private_agent(ctx: &Ctx<'_, '_>, from: usize, right: usize) -> bool {
    let mut t = from;
    while t < right.min(from + 5) {
        if ctx.owner[t].is_some() || ctx.covered[t] || !ctx.is_lower_word(t) {
            return false;
        }
        if ctx.is(t, lexicon::PRIVATE_AGENTS) {
            // the head: what follows ends the phrase ("by net users and later dropped")
            return t + 1 >= ctx.toks.len()
                || !ctx.is_lower_word(t + 1)
                || ctx.is(t + 1, lexicon::CLAUSE_STOPS)
                || ctx.is(t + 1, &["and", "or", "but"]);
        }
        t += 1;
    }
    false
}

/// Whether a warning is one given to someone, rather than a forecast or a comment: not a
/// "profits warning" (a company's forecast); not one a company issues ("F-Secure issued a
/// warning"); not a comment whose speaker, named after the verb, is no authority ("..., warns
/// network monitoring company Sandvine.").
fn warning_to_someone(
    ctx: &Ctx<'_, '_>,
    left: usize,
    right: usize,
    t0: usize,
    t1: usize,
    voice: Voice,
) -> bool {
    if t0 > 0 && ctx.is(t0 - 1, &["profit", "profits", "earnings", "sales"]) {
        return false;
    }
    let not_authority = |m: usize| ctx.mentions[m].role != Role::Authority;
    if voice == Voice::Noun {
        // the verb that gives the warning, a few words before it ("issued its third warning")
        let giving = (left..t0).rev().take(4).find(|&q| {
            ctx.is(
                q,
                &[
                    "issued",
                    "issues",
                    "issue",
                    "issuing",
                    "gave",
                    "gives",
                    "sent",
                    "released",
                    "published",
                ],
            )
        });
        if let Some(verb) = giving {
            let givers = subject(ctx, left, verb, |_| true);
            if !givers.is_empty() && givers.iter().all(|&m| not_authority(m)) {
                return false;
            }
        }
        return true;
    }
    // "..., warns Baroness Greenfield.": a comment, unless an authority speaks
    !inverted_speaker(ctx, right, t0, t1).is_some_and(not_authority)
}

/// The speaker named after a reporting verb that follows what was said, when the speaker's
/// name then ends the sentence or the clause: "..., warns Baroness Greenfield.", "'Investors
/// must take care,' warned the SEC on Tuesday."
fn inverted_speaker(ctx: &Ctx<'_, '_>, right: usize, t0: usize, t1: usize) -> Option<usize> {
    let after_speech = t0 > 0 && matches!(ctx.punct(t0 - 1), Some(',' | '"' | '”' | '’'));
    if !(after_speech && ctx.is(t0, &["warns", "warned"])) {
        return None;
    }
    let speaker = (t1..right.min(t1 + 6)).find_map(|q| ctx.mention_at(q))?;
    let end = ctx.mentions[speaker].t1;
    let closes = end >= ctx.toks.len()
        || matches!(ctx.punct(end), Some('.' | ','))
        || ctx
            .s
            .times
            .iter()
            .any(|e| ctx.tok_range(e.start, e.end).0 == end);
    closes.then_some(speaker)
}

/// Whether the sentence opens with an indefinite description of its subject and names no one
/// in it ("One of Japan's best-known businessmen was arrested", "A US bank has said ...").
fn indefinite_opening(ctx: &Ctx<'_, '_>, t0: usize) -> bool {
    let opens = ctx.is(0, &["a", "an"]) || ctx.is(0, &["one"]) && ctx.is(1, &["of"]);
    if !opens || !ctx.is_capitalised(0) {
        return false;
    }
    let mut t = 1;
    while t < t0 {
        if let Some(m) = ctx.owner[t] {
            // "One of Japan's best-known businessmen": a possessive place is a description
            let after = ctx.mentions[m].t1;
            if ctx.mentions[m].role == Role::Authority
                && after < ctx.toks.len()
                && ctx.toks[after].kind == Kind::Poss
            {
                t = after;
                continue;
            }
            return false;
        }
        let np = ctx.covered[t]
            || matches!(ctx.toks[t].kind, Kind::Poss | Kind::Num)
            || ctx.is(t, &["of"])
            || ctx.is_lower_word(t)
                && !ctx.is(t, lexicon::BE_FORMS)
                && !ctx.is(
                    t,
                    &[
                        "has", "have", "had", "who", "which", "that", "will", "would",
                    ],
                );
        if !np {
            break;
        }
        t += 1;
    }
    t > 1
        && (ctx.is(t, lexicon::BE_FORMS)
            || ctx.is(t, &["has", "have", "had", "who", "which", "that"])
            || t == t0)
}

/// The candidates of one trigger: one per actor (separate authorities acting in one sentence
/// are separate actions: "charges from the Department of Justice and the SEC").
#[allow(clippy::too_many_arguments)]
fn finish(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    action: ActionKind,
    actors: Vec<Mention>,
    targets: Vec<Mention>,
    count: Option<u32>,
    t0: usize,
    clause: (usize, usize),
    reported_from: Option<usize>,
    confidence: f64,
    mut flags: Vec<String>,
) -> Vec<Candidate> {
    if ctx.s.headline {
        flags.push("headline".to_string());
    }
    // (an event of nobody named is kept with a low confidence, for a reader to filter)
    let mut confidence = confidence;
    if actors.is_empty()
        && targets.is_empty()
        && count.is_none()
        && unnamed_parties(ctx, t0, clause)
    {
        flags.push(UNNAMED_TARGET.to_string());
        confidence = confidence.min(0.5);
    }
    let date = nearest_date(ctx, memory, t0, clause, reported_from)
        .or_else(|| media_report_date(ctx, memory, t0 + 1));
    let ((amount, currency, value), reduced_from) =
        reduced_amount(ctx, memory, action, t0, clause, &targets);
    if reduced_from.is_some() {
        flags.push("amount_reduced".to_string());
    }
    let make = |actor: Option<Mention>| Candidate {
        action,
        actor,
        targets: targets.clone(),
        target_count: count,
        date: date.clone(),
        amount: amount.clone(),
        currency: currency.clone(),
        value: value.clone(),
        reduced_from: reduced_from.clone(),
        span: ctx.s.span,
        sentence: memory.sentence,
        confidence: confidence.clamp(0.05, 1.0),
        flags: flags.clone(),
        cataphoric: false,
        anaphoric: false,
        court_ban: false,
        weak: false,
        also: false,
    };
    let mut out = Vec::new();
    if actors.is_empty() {
        out.push(make(None));
    } else {
        let mut seen: Vec<Arc<str>> = Vec::new();
        for actor in actors {
            if seen.contains(&actor.key) {
                continue;
            }
            seen.push(actor.key.clone());
            out.push(make(Some(actor)));
        }
    }
    // "fined Google 150 million euros and Facebook 60 million euros": each target with its own
    // amount right after it is an event of its own, with that amount
    if let Some(own) = own_amounts(ctx, action, &targets) {
        out = out
            .into_iter()
            .flat_map(|candidate| {
                targets.iter().zip(&own).map(move |(target, &money)| {
                    let (amount, currency, value) =
                        read_amount(ctx, memory, (money, AmountRole::Penalty));
                    Candidate {
                        targets: vec![target.clone()],
                        target_count: None,
                        amount,
                        currency,
                        value,
                        reduced_from: None,
                        flags: candidate
                            .flags
                            .iter()
                            .filter(|f| *f != "amount_reduced")
                            .cloned()
                            .collect(),
                        ..candidate.clone()
                    }
                })
            })
            .collect();
    }
    out
}

/// The amounts of a list of targets that each carry one right after the name ("Google 150
/// million euros and Facebook 60 million euros"), as indexes into the sentence's money, when
/// every target of a penalty has its own.
fn own_amounts(ctx: &Ctx<'_, '_>, action: ActionKind, targets: &[Mention]) -> Option<Vec<usize>> {
    let penalty = matches!(
        action,
        ActionKind::Fine | ActionKind::Settlement | ActionKind::Ruling
    );
    if !penalty || targets.len() < 2 || targets.iter().any(|m| m.coref) {
        return None;
    }
    // "fined Google and Amazon 100 million euros and 35 million euros, respectively": the
    // amounts between the first target and "respectively", in order, one per target (not a
    // conversion in brackets)
    let first = targets.iter().map(|m| m.t0).min().unwrap_or(0);
    if let Some(respectively) = (first..ctx.toks.len()).find(|&t| ctx.is(t, &["respectively"])) {
        let amounts: Vec<usize> = (0..ctx.s.money.len())
            .filter(|&i| {
                let at = ctx.tok_index(ctx.s.money[i].start);
                at > first
                    && at < respectively
                    && !(at > 0 && ctx.punct(at - 1) == Some('('))
                    && !targets.iter().any(|m| m.t0 <= at && at < m.t1)
            })
            .collect();
        if amounts.len() == targets.len() {
            return Some(amounts);
        }
    }
    // right after the target ("fined Google EUR 150m and Facebook EUR 60m"), or right before
    // its preposition ("a penalty of EUR 150m on Google and EUR 60m on Facebook")
    let own: Vec<usize> = targets
        .iter()
        .map(|m| {
            ctx.s.money.iter().position(|e| {
                ctx.tok_index(e.start) == m.t1
                    || m.t0 >= 1
                        && ctx.is(m.t0 - 1, lexicon::NOUN_TARGET_PREPS)
                        && ctx.toks.partition_point(|t| t.start < e.end) == m.t0 - 1
            })
        })
        .collect::<Option<Vec<usize>>>()?;
    // (two different amounts: one repeated is a shared one, not a breakdown)
    let distinct = own
        .iter()
        .any(|&i| ctx.s.money[i].start != ctx.s.money[own[0]].start);
    distinct.then_some(own)
}

/// What stands after "by" or "from" a trigger noun.
enum Agent {
    /// Companies or private parties: not enforcement.
    Private,
    /// The acting authorities.
    Authorities(Vec<Mention>),
}

/// The arguments of a trigger noun: "investigation into Y", "suspension of the $37bn Y IPO",
/// "a fine of N was imposed on Y", "the SEC's probe", "a probe by the US SEC", "charges from
/// the Department of Justice and the SEC", "a lawsuit filed against Y by X".
fn noun_arguments(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    (left, right): (usize, usize),
    t0: usize,
    t1: usize,
    action: ActionKind,
) -> (Vec<usize>, Option<u32>, Option<Agent>) {
    let n = ctx.toks.len();
    let mut targets = Vec::new();
    let mut count = None;
    // "shareholder lawsuits", "a class-action suit": private
    if t0 > 0 && ctx.is(t0 - 1, lexicon::PRIVATE_SUIT_MODIFIERS) {
        return (Vec::new(), None, Some(Agent::Private));
    }
    // "The ACCC took Google to court": the party taken to court, right before the trigger,
    // after a verb of taking whose subject is an authority ("Epic Games took Apple to court"
    // and "the case went to court" are no enforcement)
    if ctx.is(t0, &["to"]) && ctx.is(t0 + 1, &["court"]) {
        let party = t0
            .checked_sub(1)
            .and_then(|p| ctx.mention_at(p))
            .filter(|&m| ctx.mentions[m].role != Role::Authority);
        let taken_by = party.and_then(|m| {
            let verb = ctx.mentions[m].t0.checked_sub(1)?;
            let taking = ctx.is(
                verb,
                &[
                    "took", "take", "takes", "taking", "taken", "dragged", "drag", "drags",
                    "hauled", "haul", "hauls",
                ],
            );
            taking
                .then(|| nearest_authority_left(ctx, left, verb))
                .flatten()
                .map(|a| ctx.mentions[a].clone())
        });
        return match (party, taken_by) {
            (Some(m), Some(authority)) => (
                same_span(ctx, m),
                None,
                Some(Agent::Authorities(vec![authority])),
            ),
            _ => (Vec::new(), None, Some(Agent::Private)),
        };
    }
    // "Shareholders have also launched lawsuits against the group": a suit whose clause opens
    // with private people, and names no one before the noun
    let opener = skip_determiners(ctx, left);
    if action == ActionKind::Charge
        && opener < t0
        && ctx.is(opener, lexicon::PRIVATE_AGENTS)
        && (opener..t0).all(|t| ctx.owner[t].is_none())
    {
        return (Vec::new(), None, Some(Agent::Private));
    }
    // "accepted commitments offered by Amazon", "commitments from Amazon": the party that
    // offers the commitments is the target of the settlement, not its agent
    let mut offered_by = None;
    if ctx.is(t0, &["commitments", "undertakings"]) {
        let mut t = t1;
        if ctx.is(t, &["offered", "proposed", "given", "made", "submitted"]) {
            t += 1;
        }
        if ctx.is(t, &["by", "from"]) {
            offered_by = ctx
                .mention_at(skip_determiners(ctx, t + 1))
                .filter(|&m| ctx.mentions[m].role != Role::Authority);
        }
    }
    // "Apple has filed a lawsuit against John Doe", "Computer firm Apple has issued a lawsuit":
    // a suit that a company files is a private one
    const FILING: [&str; 10] = [
        "filed",
        "files",
        "file",
        "issued",
        "issues",
        "brought",
        "brings",
        "lodged",
        "launched",
        "initiated",
    ];
    if action == ActionKind::Charge {
        let filing = (t0.saturating_sub(4).max(left)..t0)
            .rev()
            .find(|&q| ctx.is(q, &FILING))
            .filter(|&v| {
                (v + 1..t0).all(|q| {
                    ctx.is(q, lexicon::DETERMINERS)
                        || ctx.is_lower_word(q) && ctx.owner[q].is_none()
                })
            });
        if let Some(v) = filing {
            let p = before_verb_group(ctx, left, v);
            let company = p < v
                && (ctx.owner[p].is_some_and(|m| ctx.mentions[m].role == Role::Company)
                    || ctx.owner[p].is_none() && ctx.is(p, lexicon::COREF_COMPANY));
            if company {
                return (Vec::new(), None, Some(Agent::Private));
            }
        }
    }
    let mut t = t1;
    let mut limit = (t1 + 4).min(n);
    // a preposition inside a name ("Department of Justice") does not count, and an agent
    // phrase ("from the SEC", "by X") ends the search
    // "sent a Statement of Objections to Apple", "issued a warning to X": after a verb of
    // giving, "to" introduces the target
    // the verb a few words before the noun, with only its indirect object ("sent Amazon a
    // Statement of Objections"), determiners and adjectives in between
    // (also an amount: "issued a £7.5 million fine to Clearview AI")
    let giving = || {
        (t0.saturating_sub(7).max(left)..t0)
            .rev()
            .find(|&q| ctx.is(q, &GIVING) || ctx.is(q, &INFORMING))
            .filter(|&v| {
                (v + 1..t0).all(|q| {
                    ctx.owner[q].is_some()
                        || ctx.is(q, lexicon::DETERMINERS)
                        || ctx.is_lower_word(q)
                        || ctx.covered[q]
                })
            })
    };
    let is_prep = |t: usize| {
        ctx.owner[t].is_none()
            && (ctx.is(t, lexicon::NOUN_TARGET_PREPS)
                || ctx.is(t, &["to"])
                    // ("to try and prevent": an infinitive)
                    && (ctx.is(t + 1, lexicon::DETERMINERS)
                        || ctx.owner.get(t + 1).is_some_and(Option::is_some))
                    && giving().is_some())
    };
    // "a fine of EUR 6,000 on Y": "of" and its amount belong to the noun; the target's
    // preposition comes after them
    // (and so do a range's: "a fine between EUR 28 million and EUR 36 million against Y")
    // (also with words that qualify the amount, "a fine of over PLN 2.8 million", and a
    // converted amount in brackets after it, "(approx. EUR 644,780)")
    // ("fines totalling 48 million euros on three wholesalers": so does a total's)
    let skip_amount = |t: usize| -> Option<usize> {
        if !ctx.is(t, &["of", "between", "totalling", "totaling"]) {
            return None;
        }
        let mut u = t + 1;
        // ("of over", "of more than", "of up to", "of an estimated")
        let qualifying = |u: usize| {
            ctx.is(u, lexicon::INEXACT_AMOUNT) || ctx.is(u, &["more", "at", "up", "an", "less"])
        };
        while u < n.min(t + 4) && !ctx.covered[u] && qualifying(u) {
            u += 1;
        }
        if !(u < n && ctx.covered[u]) {
            return None;
        }
        while u < n && ctx.covered[u] {
            u += 1;
        }
        if ctx.punct(u) == Some('(') {
            let close = (u + 1..n.min(u + 10)).find(|&q| ctx.punct(q) == Some(')'));
            if let Some(close) = close.filter(|&c| (u + 1..c).any(|q| ctx.covered[q])) {
                u = close + 1;
            }
        }
        if ctx.is(t, &["between"])
            && ctx.is(u, &["and", "to"])
            && ctx.covered.get(u + 1) == Some(&true)
        {
            u += 1;
            while u < n && ctx.covered[u] {
                u += 1;
            }
        }
        Some(u)
    };
    if let Some(after) = skip_amount(t) {
        limit = (after + 3).min(n);
        t = after;
    }
    // ("instituted proceedings in the Federal Court against Google": where the case is brought
    // comes before its party)
    if let Some(after) = court_place_end(ctx, t) {
        limit = (after + 4).min(n);
        t = after;
    }
    while t < limit && !is_prep(t) {
        // ("a final judgment by consent against Richard Roe": how it was entered, no agent)
        let manner = ctx.is(t, &["by"]) && ctx.is(t + 1, &["consent", "default", "agreement"]);
        if manner {
            t += 2;
            continue;
        }
        if matches!(ctx.punct(t), Some(',' | ';' | '.')) || ctx.is(t, &["from", "by"]) {
            t = limit;
            break;
        }
        // "a legal complaint filed against the bank"
        if ctx.is(t, &["filed", "brought", "lodged", "launched"]) && ctx.is(t + 1, &["against"]) {
            t += 1;
            break;
        }
        t += 1;
    }
    if t < limit && is_prep(t) {
        let is_for = ctx.is(t, &["for", "over"]);
        let from = if is_for {
            skip_determiners(ctx, t + 1)
        } else {
            t + 1
        };
        let (list, c) = noun_object(ctx, from, if is_for { 0 } else { 6 });
        targets = list;
        count = c;
    }
    // "sent Amazon a Statement of Objections": the indirect object of the verb of giving
    if targets.is_empty() {
        if let Some(v) = giving() {
            if let Some(m) = (v + 1..t0)
                .find_map(|q| ctx.owner[q])
                .filter(|&m| !ctx.mentions[m].modifier && ctx.mentions[m].role != Role::Authority)
            {
                targets = same_span(ctx, m);
            }
        }
    }
    // "The Justice Department reached a settlement with Google", "a $10 million settlement with
    // Acme Corp": the party an authority settled with (an authority after "with" is the
    // counterparty, read as the actor; with no authority before, two companies settle
    // privately: "Fiat reached a $2bn settlement with GM")
    if targets.is_empty()
        && action == ActionKind::Settlement
        && ctx.is(t1, &["with"])
        && nearest_authority_left(ctx, left, t0).is_some()
    {
        if let Some(m) = ctx
            .mention_at(skip_determiners(ctx, t1 + 1))
            .filter(|&m| !ctx.mentions[m].modifier && ctx.mentions[m].role != Role::Authority)
        {
            targets = same_span(ctx, m);
        }
    }
    // "an investigation into whether Microsoft breached", "a probe to assess whether X may
    // have": the subject of the question is investigated
    if targets.is_empty() && action == ActionKind::Investigation {
        let whether = (t1..(t1 + 5).min(n))
            .take_while(|&t| ctx.punct(t).is_none())
            .find(|&t| ctx.is(t, &["whether"]));
        if let Some(w) = whether {
            let subject = skip_determiners(ctx, w + 1);
            // ("to assess whether the acquisition of Figma by Adobe may reduce competition")
            if let Some(parties) = deal_parties(ctx, subject) {
                targets = parties;
            } else if let Some(m) = ctx
                .mention_at(subject)
                .filter(|&m| !ctx.mentions[m].modifier)
            {
                let end = (ctx.mentions[m].t0..right)
                    .find(|&r| is_clause_boundary_right(ctx, r))
                    .unwrap_or(right);
                targets = object_list(ctx, ctx.mentions[m].t0, end, 0).0;
            }
        }
    }
    // "hitting the company with a $27bn bill for back taxes and fines", "slapped Y with a
    // fine": the object of the verb
    let mut hit_by: Option<usize> = None;
    if targets.is_empty() {
        let near: Vec<usize> = (left..t0)
            .rev()
            .filter(|&t| !ctx.covered[t] && !matches!(ctx.toks[t].kind, Kind::Punct(_)))
            .take(8)
            .collect();
        if let Some(w) = near.into_iter().find(|&t| ctx.is(t, &["with"])) {
            if let Some(m) = w.checked_sub(1).and_then(|q| ctx.mention_at(q)) {
                let v = ctx.mentions[m].t0.checked_sub(1);
                if v.is_some_and(|v| {
                    ctx.is(
                        v,
                        &[
                            "hit", "hitting", "hits", "slapped", "slapping", "served", "handed",
                        ],
                    )
                }) && ctx.mentions[m].role != Role::Authority
                {
                    targets = same_span(ctx, m);
                    hit_by = v;
                }
            }
        }
    }
    if targets.is_empty() {
        // "... was imposed on Y"
        let mut words = 0;
        for h in t1..right {
            if ctx.is(h, lexicon::HANDED_TO) && (ctx.is(h + 1, &["on", "upon", "to", "against"])) {
                let (list, c) = noun_object(ctx, h + 2, 4);
                targets = list;
                count = count.or(c);
                break;
            }
            if !ctx.covered[h] && ctx.toks[h].kind == Kind::Word {
                words += 1;
                if words > 6 {
                    break;
                }
            }
        }
    }
    // possessor: "the SEC's investigation", "Microsoft's record fine"
    let mut p = t0;
    let mut possessor = None;
    while p > left {
        p -= 1;
        if ctx.toks[p].kind == Kind::Poss {
            possessor = p.checked_sub(1).and_then(|q| ctx.owner[q]);
            break;
        }
        if !(ctx.toks[p].kind == Kind::Word
            && ctx.word(p).chars().next().is_some_and(char::is_lowercase))
            || t0 - p > 3
        {
            break;
        }
    }
    let mut actors: Vec<Mention> = Vec::new();
    // the one who hit: the subject, which a participle ("after hitting") shares with its
    // sentence
    if let Some(v) = hit_by {
        if let Some(a) = nearest_authority_left(ctx, 0, v) {
            actors.push(ctx.mentions[a].clone());
        }
    }
    if let Some(m) = possessor {
        let mention = &ctx.mentions[m];
        // "Apple's lawsuit accused anonymous people": a company's suit or complaint is its own,
        // a private one ("Ebbers's indictment", "Microsoft's charges" are against them)
        let own_suit = mention.role == Role::Company
            && ctx.is(t0, &["lawsuit", "lawsuits", "complaint", "suit"]);
        if own_suit {
            return (Vec::new(), None, Some(Agent::Private));
        }
        if mention.role == Role::Authority {
            actors.push(mention.clone());
        } else if targets.is_empty() && !mention.modifier {
            targets.push(m);
        }
    }
    let mut agent = None;
    if actors.is_empty() {
        // the agent phrase belongs to the nearest noun: it must follow closely, before any
        // other trigger ("a legal complaint filed ... by Judge X" is the complaint's agent, not
        // that of "the settlement" before it)
        let next_trigger = ctx
            .triggers
            .iter()
            .map(|&(o0, _, _, _)| o0)
            .filter(|&o| o > t0)
            .min()
            .unwrap_or(n);
        let agent_right = right.min(clause_end_for_agent(ctx, t1)).min(next_trigger);
        let mut words = 0;
        let mut by = None;
        // (the party that offers commitments is no agent)
        let agent_right = if offered_by.is_some() {
            t1
        } else {
            agent_right
        };
        // ("a fine was imposed on Amazon by Luxembourg's data protection authority": after the
        // list the penalty was handed to, whichever path found it; not "to halt the auction of
        // its Yugansk division by the Russian authorities", whose agent is the auction's)
        let first_target = targets.iter().map(|&m| ctx.mentions[m].t0).min();
        let handed =
            first_target.is_some_and(|f| f > t1 && (t1..f).any(|q| ctx.is(q, lexicon::HANDED_TO)));
        let targets_end = targets
            .iter()
            .map(|&m| ctx.mentions[m].t1)
            .filter(|&e| handed && e > t1)
            .max();
        let agent_from = targets_end.filter(|&e| e < agent_right).unwrap_or(t1);
        for t in agent_from..agent_right {
            // ("the removal of apps run by Didi": who runs the apps, not who removes them)
            let operator = ctx.is(t, &["by"]) && t > 0 && ctx.is(t - 1, &OPERATED);
            if ctx.is(t, &["by", "from"]) && ctx.owner[t].is_none() && !operator {
                by = Some(t);
                break;
            }
            if matches!(ctx.punct(t), Some(',' | ';' | ':')) {
                break;
            }
            if !ctx.covered[t] && ctx.toks[t].kind == Kind::Word && !ctx.is(t, lexicon::DETERMINERS)
            {
                words += 1;
                if words > 3 {
                    break;
                }
            }
        }
        if let Some(b) = by {
            let agents = agents_at(ctx, b + 1, agent_right);
            let authorities: Vec<Mention> = agents
                .iter()
                .filter(|&&m| ctx.mentions[m].role == Role::Authority)
                .map(|&m| ctx.mentions[m].clone())
                .collect();
            if !authorities.is_empty() {
                agent = Some(Agent::Authorities(authorities));
            } else if !agents.is_empty() && ctx.is(b, &["by"]) {
                agent = Some(Agent::Private);
            }
        }
        if agent.is_none() {
            // "an inquiry the New York attorney-general": an authority right after the noun
            let next = skip_determiners(ctx, t1);
            if let Some(m) = ctx
                .mention_at(next)
                .filter(|&m| ctx.mentions[m].role == Role::Authority && next > t1)
            {
                actors.push(ctx.mentions[m].clone());
            }
        }
        // "a settlement reached with 46 states"
        if agent.is_none() {
            let with = (t1..agent_right.min(t1 + 3)).find(|&t| {
                ctx.is(t, &["with"])
                    && t > t1
                    && ctx.is(t - 1, &["reached", "agreed", "struck", "signed", "made"])
            });
            if let Some(w) = with {
                let list: Vec<Mention> = agents_at(ctx, w + 1, agent_right)
                    .into_iter()
                    .filter(|&m| ctx.mentions[m].role == Role::Authority)
                    .map(|m| ctx.mentions[m].clone())
                    .collect();
                if !list.is_empty() {
                    agent = Some(Agent::Authorities(list));
                }
            }
        }
        if agent.is_none() && actors.is_empty() {
            if let Some(m) = noun_actor_left(ctx, left, t0) {
                // "The Department of Justice and the FTC opened antitrust investigations": every
                // authority of the subject list acts, as for a verb (not with an amount, which
                // they share)
                let mut list = vec![m];
                if !amount_in_clause(ctx, left, right) {
                    let mut before: Vec<usize> = (0..ctx.mentions.len())
                        .filter(|&o| {
                            let mention = &ctx.mentions[o];
                            !mention.modifier && mention.t0 >= left && mention.t1 <= t0
                        })
                        .collect();
                    before.sort_by_key(|&o| (ctx.mentions[o].t0, o));
                    chain_back(ctx, &before, &mut list);
                    // ("The People's Bank of China and other financial regulators": the others
                    // are nobody in particular, and the named one acts)
                    let other = |o: usize| named_as_other(ctx, o);
                    if list.iter().any(|&o| other(o)) && list.iter().any(|&o| !other(o)) {
                        list.retain(|&o| !other(o));
                    }
                }
                if list
                    .iter()
                    .all(|&o| ctx.mentions[o].role == Role::Authority)
                {
                    actors.extend(list.iter().map(|&o| ctx.mentions[o].clone()));
                } else {
                    actors.push(ctx.mentions[m].clone());
                }
            } else if let Some(m) = by.and_then(|b| by_reference(ctx, memory, b, agent_right)) {
                actors.push(m);
            } else if let Some(m) = jurisdiction_actor(ctx, memory, left, t0) {
                actors.push(m);
            }
        }
    }
    if !actors.is_empty() {
        agent = Some(Agent::Authorities(actors));
    }
    if let Some(m) = offered_by {
        targets = vec![m];
    }
    // "dismissed Google's appeal against the 2.42 billion euro fine": the one who appeals a
    // sanction is the one it was imposed on
    if targets.is_empty() && count.is_none() {
        targets = appellant(ctx, t0);
    }
    // "the Commission's 2004 ruling that Microsoft had abused its dominant position": the
    // subject of what a ruling or finding holds
    if targets.is_empty()
        && count.is_none()
        && action == ActionKind::Ruling
        && ctx.is(t1, &["that"])
    {
        if let Some(m) = ctx
            .mention_at(skip_determiners(ctx, t1 + 1))
            .filter(|&m| ctx.mentions[m].role != Role::Authority)
        {
            targets = same_span(ctx, m);
        }
    }
    // "extended the probe to three other platforms, Yunmanman, Huochebang and Boss Zhipin",
    // "expanded its investigation to include Acme Corp": the parties the action is extended to
    if targets.is_empty() && count.is_none() {
        if let Some(to) = extended_to(ctx, left, t0, t1) {
            let (list, c) = noun_object(ctx, to, 6);
            targets = list;
            count = c;
        }
    }
    // "imposed fines on 43 cases involving tech firms, including Alibaba, Tencent and Didi": the
    // examples after ", including" of what follows the noun's target preposition
    if targets.is_empty() {
        let including = (t1..n.min(t1 + 16))
            .find(|&t| ctx.is(t, &["including"]) && ctx.punct(t - 1) == Some(','));
        if let Some(i) = including.filter(|&i| {
            (t1..i).any(|q| ctx.is(q, &["on", "against", "into", "upon"]))
                && (t1..i).all(|q| ctx.owner[q].is_none())
        }) {
            let end = (i + 1..n)
                .find(|&r| is_clause_boundary_right(ctx, r))
                .unwrap_or(n);
            targets = object_list(ctx, i + 1, end, 0).0;
        }
    }
    (targets, count, agent)
}

/// Verbs of giving, after which "to" introduces a trigger noun's target ("sent a Statement of
/// Objections to Apple", "issued a warning to X").
const GIVING: [&str; 10] = [
    "sent",
    "sends",
    "issued",
    "issues",
    "addressed",
    "handed",
    "served",
    "delivered",
    "gave",
    "gives",
];

/// The authority whose action a payment settles: "Texas Attorney General Ken Paxton sued Meta
/// ..., and the company agreed to pay $1.4 billion". The payment at `t0` follows "agreed to",
/// its payer is a party of the latest event, and that event is an authority's charge or
/// investigation of this sentence or the one before.
fn payment_settles_last_action(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    left: usize,
    t0: usize,
) -> Option<Mention> {
    if t0 < 2 || !ctx.is(t0 - 1, &["to"]) || !ctx.is(t0 - 2, &["agreed", "agrees", "agree"]) {
        return None;
    }
    let (sentence, authority, action) = memory.last_actor.as_ref()?;
    let recent = *sentence == memory.sentence || sentence + 1 == memory.sentence;
    if !recent || !matches!(action, ActionKind::Charge | ActionKind::Investigation) {
        return None;
    }
    let payers = subject(ctx, left, t0 - 2, |m| m.role != Role::Authority);
    payers
        .iter()
        .any(|&m| {
            memory
                .last_targets
                .iter()
                .any(|t| t.key == ctx.mentions[m].key)
        })
        .then(|| Mention {
            coref: true,
            ..authority.clone()
        })
}

/// What is settled that names its party after "against" ("settling charges against Acme").
const SETTLED_CASES: [&str; 6] = [
    "charges",
    "claims",
    "allegations",
    "proceedings",
    "case",
    "lawsuit",
];

/// Verbs of telling a party of a trigger noun ("informed Microsoft of its preliminary view").
const INFORMING: [&str; 4] = ["informed", "informs", "notified", "notifies"];

/// Verbs that extend an action to more parties ("extended the probe to three other
/// platforms").
const EXTENDING: [&str; 8] = [
    "extended",
    "extends",
    "expanded",
    "expands",
    "widened",
    "widens",
    "broadened",
    "broadens",
];

/// Where the parties begin when the trigger noun at `t0..t1` is the object of a verb of
/// extending ("extended the probe to X", "expanded its investigation to include X", "widened
/// the inquiry to cover X"): the token after "to" (and "include" or "cover").
fn extended_to(ctx: &Ctx<'_, '_>, left: usize, t0: usize, t1: usize) -> Option<usize> {
    let verb = (t0.saturating_sub(4).max(left)..t0)
        .rev()
        .find(|&q| ctx.is(q, &EXTENDING))?;
    let between_ok = (verb + 1..t0)
        .all(|q| ctx.is(q, lexicon::DETERMINERS) || ctx.is_lower_word(q) && ctx.owner[q].is_none());
    if !between_ok || !ctx.is(t1, &["to"]) {
        return None;
    }
    Some(
        if ctx.is(t1 + 1, &["include", "includes", "cover", "covers"]) {
            t1 + 2
        } else {
            t1 + 1
        },
    )
}

/// The party whose appeal or challenge is against the trigger noun at `t0`: "Google's appeal
/// against the 2.42 billion euro fine", "Meta's challenge to the order", "Google won its appeal
/// against a fine" (the possessor, or the subject right before the verb of "its", no authority;
/// only determiners, adjectives and an amount between).
fn appellant(ctx: &Ctx<'_, '_>, t0: usize) -> Vec<usize> {
    let Some(preposition) = (t0.saturating_sub(8)..t0)
        .rev()
        .find(|&q| ctx.is(q, &["against", "to", "of"]))
    else {
        return Vec::new();
    };
    let between_ok = (preposition + 1..t0).all(|q| {
        ctx.covered[q]
            || ctx.is(q, lexicon::DETERMINERS)
            || ctx.is_lower_word(q) && ctx.owner[q].is_none() && !ctx.is(q, lexicon::CLAUSE_STOPS)
    });
    let appeal = preposition
        .checked_sub(1)
        .filter(|&a| ctx.is(a, &APPEAL_NOUNS));
    let possessor = appeal
        .and_then(|a| a.checked_sub(1))
        .filter(|&p| ctx.toks[p].kind == Kind::Poss)
        .and_then(|p| p.checked_sub(1))
        .and_then(|q| ctx.mention_at(q))
        // "Google won its appeal against a 2.4 billion euro fine": "its" is the subject of the
        // verb right before it, a party named at the start of the clause
        .or_else(|| {
            let its = appeal?
                .checked_sub(1)
                .filter(|&p| ctx.is(p, &["its", "their"]))?;
            let verb = its.checked_sub(1).filter(|&v| ctx.is_lower_word(v))?;
            let subject = verb.checked_sub(1).and_then(|q| ctx.mention_at(q))?;
            (ctx.mentions[subject].t1 == verb).then_some(subject)
        })
        .filter(|&m| ctx.mentions[m].role != Role::Authority);
    match possessor {
        Some(m) if between_ok => same_span(ctx, m),
        _ => Vec::new(),
    }
}

/// Whether an amount starts in the clause `left..right` (the authorities of a subject list
/// share it, so one of them acts).
fn amount_in_clause(ctx: &Ctx<'_, '_>, left: usize, right: usize) -> bool {
    ctx.s.money.iter().any(|e| {
        let (m0, _) = ctx.tok_range(e.start, e.end);
        m0 >= left && m0 < right
    })
}

/// Whether mention `m` is named after "other" ("and other financial regulators": nobody in
/// particular).
fn named_as_other(ctx: &Ctx<'_, '_>, m: usize) -> bool {
    let m0 = ctx.mentions[m].t0;
    m0 > 0 && ctx.is(m0 - 1, &["other"])
}

/// The authority before a trigger noun that acts: a modifier right before it ("a Pentagon
/// inquiry", "the SEC investigation", "a Madrid court settlement") or the subject of its clause
/// ("the FTC has won a court order"); not a party named in between ("Monsanto agreed to pay $1m
/// to the Department of Justice and co-operate with continuing investigations").
fn noun_actor_left(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    // ("According to Der Standard, the Austrian DPA has imposed a fine", "The newspaper Der
    // Standard reported that the Austrian DPA has imposed a fine": the reported clause)
    // ("The SEC announced that the US District Court ... entered a final judgment": the
    // clause after the report's "that", when it names an authority itself)
    let left = according_to_end(ctx, left, t0)
        .or_else(|| media_report_end(ctx, left, t0))
        .or_else(|| {
            let that = (left..t0)
                .rev()
                .find(|&q| ctx.is(q, &["that"]) && q > 0 && ctx.is(q - 1, &REPORTING))?;
            nearest_authority_left(ctx, that + 1, t0).map(|_| that + 1)
        })
        .unwrap_or(left);
    let a = nearest_authority_left(ctx, left, t0)?;
    // ("a fine of EUR 51,000 on the Ministry of Industry and a fine of EUR 27,200 on YAY": the
    // ministry before "and" is the first fine's target, not the second one's actor)
    let adjacent = (ctx.mentions[a].t1..t0).all(|t| {
        ctx.covered[t]
            || ctx.is(t, lexicon::DETERMINERS)
            || ctx.is_lower_word(t)
                && !ctx.is(t, lexicon::CLAUSE_STOPS)
                && !ctx.is(t, &["and", "or"])
                && t0 - ctx.mentions[a].t1 <= 2
    });
    let first = (0..ctx.mentions.len())
        .filter(|&m| {
            ctx.mentions[m].t0 >= left && ctx.mentions[m].t1 <= t0 && !ctx.mentions[m].modifier
        })
        .min_by_key(|&m| ctx.mentions[m].t0);
    let subject = first.is_some_and(|f| ctx.mentions[f].key == ctx.mentions[a].key)
        && (left..first.map_or(0, |f| ctx.mentions[f].t0))
            .filter(|&t| !ctx.covered[t] && ctx.toks[t].kind == Kind::Word)
            .count()
            <= 6;
    (adjacent || subject).then_some(a)
}

/// "The Texas lawsuit": a place before a trigger noun names the action of that place's
/// authority, the latest one of the document with that jurisdiction.
fn jurisdiction_actor(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    left: usize,
    t0: usize,
) -> Option<Mention> {
    let mut p = t0;
    let mut code = None;
    while p > left && t0 - p < 3 {
        p -= 1;
        if let Some(c) = ctx.jurisdiction[p] {
            code = Some(c);
            break;
        }
        if !ctx.is_lower_word(p) || ctx.is(p, lexicon::CLAUSE_STOPS) {
            return None;
        }
    }
    let code = code?;
    let latest = memory.authorities.iter().rev().find_map(|a| {
        let j = a
            .actor
            .id_hint
            .as_deref()
            .and_then(|id| ctx.resolver.get(id))
            .and_then(|c| c.jurisdiction.as_deref())?;
        (j == code).then(|| Mention {
            coref: true,
            ..a.clone()
        })
    });
    // ("Apple was hit with a $1.8bn EU fine": with no EU authority before, the Union's, which
    // acts through its Commission, as for "The EU fined Google")
    latest.or_else(|| {
        let index = (code == "EU")
            .then(|| {
                ctx.resolver
                    .catalogue()
                    .actors
                    .iter()
                    .position(|a| a.id == EU_EXECUTIVE)
            })
            .flatten()?;
        catalogue_mention(ctx, index, ctx.toks[p].start, ctx.toks[p].end, p, p + 1)
    })
}

/// Whether "the case" (or "the affair", "the scandal") stands at `t`.
fn is_case_reference(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    ctx.is(t, &["the"]) && ctx.is(t + 1, lexicon::CASE_NOUNS) && ctx.owner[t + 1].is_none()
}

/// The targets of "the case": the subject of the sentence when it is a company or a person
/// ("Boeing lost a contract after a Pentagon inquiry into the case"), else the targets of the
/// document's latest event ("The US Secret Service has been investigating the case").
fn case_targets(ctx: &Ctx<'_, '_>, memory: &Memory, left: usize, t0: usize) -> Vec<Mention> {
    let first = (0..ctx.mentions.len())
        .filter(|&m| !ctx.mentions[m].modifier && ctx.mentions[m].t1 <= t0)
        .min_by_key(|&m| ctx.mentions[m].t0);
    let subordinate =
        left > 0 && ctx.is(left - 1, &["after", "before", "following", "amid", "since"]);
    match first {
        Some(m)
            if subordinate
                && ctx.mentions[m].role != Role::Authority
                && ctx.mentions[m].t0 <= 2 =>
        {
            vec![ctx.mentions[m].clone()]
        }
        Some(m) if ctx.mentions[m].t0 >= left || ctx.mentions[m].role == Role::Authority => {
            memory.last_targets.clone()
        }
        None => memory.last_targets.clone(),
        _ => Vec::new(),
    }
}

/// "Y agreed to pay a fine", "Y was hit with a probe", "Y is the focus of an inquiry", "the
/// charges he faces": whether the subject receives the noun, and the subject.
fn receiving_subject(
    ctx: &Ctx<'_, '_>,
    left: usize,
    t0: usize,
    t1: usize,
    right: usize,
) -> (bool, Vec<usize>) {
    let not_authority = |m: &Mention| m.role != Role::Authority;
    // "Mikhail Khodorkovsky has been in jail since October 2003 on charges of fraud": held or
    // tried "on charges", the subject of the clause's first verb group is charged
    if t0 > left && ctx.is(t0 - 1, &["on"]) && ctx.is(t0, &["charges", "charge"]) {
        let verb = (left..t0).find(|&q| {
            ctx.is(q, lexicon::BE_FORMS) || ctx.is(q, &["has", "have", "had", "remains", "remain"])
        });
        if let Some(v) = verb {
            let charged = subject(ctx, left, v, not_authority);
            if !charged.is_empty() {
                return (true, charged);
            }
        }
    }
    // "the charges he faces"
    if let Some(m) = ctx.mention_at(t1) {
        let after = ctx.mentions[m].t1;
        if after < right
            && ctx.is(after, lexicon::RECEIVE_CUES)
            && ctx.mentions[m].role != Role::Authority
        {
            return (true, same_span(ctx, m));
        }
    }
    // "Beta Corp consented to the entry of a final judgment": the party consents to what is
    // entered against it
    let mut p = t0;
    while p > left && ctx.is(p - 1, lexicon::DETERMINERS) {
        p -= 1;
    }
    if p >= left + 4 && ctx.is(p - 1, &["of"]) && ctx.is(p - 2, &["entry"]) {
        let to = if ctx.is(p - 3, &["the"]) {
            p - 4
        } else {
            p - 3
        };
        let consent = to > left
            && ctx.is(to, &["to"])
            && ctx.is(
                to - 1,
                &[
                    "consented",
                    "consents",
                    "consenting",
                    "agreed",
                    "agrees",
                    "agreeing",
                ],
            );
        if consent {
            return (true, subject(ctx, left, to - 1, not_authority));
        }
    }
    // the cue must be close to the noun: at most four words before it; the subject is that
    // of the cue's verb group
    let mut words = 0;
    for t in (left..t0).rev() {
        if ctx.owner[t].is_some() {
            break;
        }
        // (a cue that is itself a trigger, and so covered: "Meituan paid a fine"; not after an
        // order, whose trigger reads the payment: "it was ordered to pay a fine of $16m")
        let ordered_to = || {
            if t < 2 || !ctx.is(t - 1, &["to"]) {
                return false;
            }
            // (over the agent: "was ordered by the SAMR to pay")
            let mut q = t - 2;
            while q > left && (ctx.owner[q].is_some() || ctx.is(q, &["by", "the"])) {
                q -= 1;
            }
            ctx.is(
                q,
                &[
                    "ordered",
                    "told",
                    "required",
                    "forced",
                    "directed",
                    "compelled",
                ],
            )
        };
        let cue = ctx.is(t, lexicon::RECEIVE_CUES) && !(ctx.covered[t] && ordered_to());
        if !cue && (ctx.covered[t] || matches!(ctx.toks[t].kind, Kind::Punct(_) | Kind::Num)) {
            continue;
        }
        if cue {
            // "Marsh is also the focus of an inquiry": the verb group ends before "the focus"
            // ("were placed under cybersecurity review", "came under investigation": the verb
            // before "under")
            let placed_under = t > left
                && ctx.is(t, &["under"])
                && ctx.is(
                    t - 1,
                    &[
                        "placed", "put", "came", "come", "comes", "remains", "remained", "kept",
                    ],
                );
            let verb = if t > left && (ctx.is(t - 1, lexicon::DETERMINERS) || placed_under) {
                t - 1
            } else {
                t
            };
            return (true, subject(ctx, left, verb, not_authority));
        }
        // "laws that impose penalties": the noun belongs to a relative clause
        if ctx.is(t, &["that", "which", "who"]) {
            break;
        }
        if !(ctx.is(t, lexicon::LIST_WORDS) || ctx.is(t, lexicon::DETERMINERS)) {
            words += 1;
        }
        if words > 3 {
            break;
        }
    }
    (false, Vec::new())
}

/// "fined 12 companies", "indicted 19 people", "closed 12,575 net cafes", "summoned the
/// executives of five payment companies": the stated number of unnamed targets.
fn counted_object(ctx: &Ctx<'_, '_>, from: usize, right: usize) -> Option<u32> {
    // "summoned the executives of five payment companies": the people of the counted group
    let role = skip_determiners(ctx, from);
    let from = if ctx.is(role, lexicon::PERSON_ROLE_NOUNS)
        && ctx.is(role + 1, &["of", "from", "at"])
        && role + 2 < right
    {
        role + 2
    } else {
        from
    };
    let mut t = from;
    while t < right.min(from + 4) {
        if ctx.is(t, lexicon::DETERMINERS)
            && ctx.toks[t].kind == Kind::Word
            && number_of(ctx, t).is_none()
        {
            t += 1;
            continue;
        }
        let c = number_of(ctx, t)?;
        // "12,575 net cafes", "30 projects", "224 people": a plural noun within two words
        let plural = (t + 1..(t + 3).min(right)).any(|q| {
            ctx.is_lower_word(q) && ctx.word(q).ends_with('s') && !ctx.is(q, &["was", "has", "is"])
        });
        return plural.then_some(c);
    }
    None
}

/// "Twenty-eight people have been arrested": the number of an unnamed subject.
fn counted_subject(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<u32> {
    let first = (left..t0).find(|&t| !matches!(ctx.toks[t].kind, Kind::Punct(_)))?;
    let first = if ctx.is(first, &["the", "all"]) {
        first + 1
    } else {
        first
    };
    let c = number_of(ctx, first)?;
    ctx.is(first + 1, lexicon::GROUP_NOUNS).then_some(c)
}

/// "by the regulator": an authority named by a common noun after "by".
fn by_reference(ctx: &Ctx<'_, '_>, memory: &Memory, t1: usize, right: usize) -> Option<Mention> {
    let by = (t1..right).find(|&t| ctx.is(t, &["by"]))?;
    let head = skip_determiners(ctx, by + 1);
    if head < right
        && ctx.owner[head].is_none()
        && ctx.is(head, lexicon::COREF_AUTHORITY)
        && !ctx.is(head, &["it", "they", "he", "she"])
    {
        let mut m = memory.last_authority.clone()?;
        m.coref = true;
        return Some(m);
    }
    None
}

fn skip_determiners(ctx: &Ctx<'_, '_>, mut t: usize) -> usize {
    while t < ctx.toks.len() && ctx.is(t, lexicon::DETERMINERS) {
        t += 1;
    }
    t
}

/// Where the agent of a passive may still be found.
fn clause_end_for_agent(ctx: &Ctx<'_, '_>, t1: usize) -> usize {
    (t1..ctx.toks.len())
        .find(|&t| {
            ctx.is(
                t,
                &[
                    "for", "because", "after", "which", "who", "while", "but", "since", "over",
                    "amid", "alleging", "saying", "claiming",
                ],
            ) || matches!(ctx.punct(t), Some(';'))
        })
        .unwrap_or(ctx.toks.len())
}

/// The object of a trigger noun's preposition: the first mention within `max_skip` tokens
/// (skipping determiners, adjectives, amounts and "the listing of"), with its list.
fn noun_object(ctx: &Ctx<'_, '_>, from: usize, max_skip: usize) -> (Vec<usize>, Option<u32>) {
    let n = ctx.toks.len();
    // ("an investigation into Adobe's proposed acquisition of Figma": both sides of a deal)
    if let Some(parties) = deal_parties(ctx, skip_determiners(ctx, from)) {
        return (parties, None);
    }
    let mut t = from;
    let mut skipped = 0;
    let mut count = None;
    while t < n && skipped <= max_skip {
        if let Some(m) = ctx.owner[t] {
            if ctx.mentions[m].modifier {
                t = ctx.mentions[m].t1.max(t + 1);
                continue;
            }
            let (list, c) = object_list(ctx, t, object_clause_end(ctx, t), 0);
            return (list, count.or(c));
        }
        let tok = ctx.toks[t];
        if let Some(c) = number_of(ctx, t) {
            // ("on nine financial institutions": an adjective between)
            if ctx.is(t + 1, lexicon::GROUP_NOUNS)
                || ctx.is_lower_word(t + 1)
                    && ctx.owner[t + 1].is_none()
                    && ctx.is(t + 2, lexicon::GROUP_NOUNS)
                || tok.kind == Kind::Num
                    && ctx.is_lower_word(t + 1)
                    && ctx.word(t + 1).ends_with('s')
                    // ("fines on 43 cases involving tech firms": what is counted is no party)
                    && !ctx.is(t + 1, &NO_PARTIES)
            {
                count = Some(c);
            }
        }
        // "the removal of 25 apps run by Didi": the operator of what is named
        if ctx.is(t, &OPERATED) && ctx.is(t + 1, &["by"]) {
            t += 2;
            continue;
        }
        let after_product =
            t > 0 && ctx.is(t - 1, lexicon::PRODUCT_NOUNS) && ctx.punct(t) == Some(',');
        // "a cybersecurity review of three more online platforms: Yunmanman, Huochebang and
        // Boss Zhipin": the list after a colon names the group
        // (also after a comma: "to three other platforms, Yunmanman, Huochebang and Boss
        // Zhipin", but not a speaker: "three companies, the regulator said")
        let group_listed = t > 0
            && ctx.is(t - 1, lexicon::GROUP_NOUNS)
            && matches!(ctx.punct(t), Some(':' | ','))
            && ctx
                .mention_at(t + 1)
                .is_some_and(|m| ctx.mentions[m].role != Role::Authority);
        // "an investigation into the data breach at Cathay Pacific", "the cyber attack on
        // British Airways": the party where an incident happened
        let incident_at =
            t > 0 && ctx.is(t - 1, &INCIDENT_NOUNS) && ctx.is(t, &["at", "on", "involving"]);
        let skippable = ctx.covered[t]
            || after_product
            || group_listed
            || incident_at
            || matches!(
                tok.kind,
                Kind::Num | Kind::Poss | Kind::Punct('$' | '€' | '£' | '“' | '”' | '"')
            )
            || (tok.kind == Kind::Word
                && (ctx.is(t, &["of"]) || !ctx.is(t, lexicon::CLAUSE_STOPS)));
        if !skippable {
            break;
        }
        if !ctx.covered[t] {
            skipped += 1;
        }
        t += 1;
    }
    (Vec::new(), count)
}

/// Incidents that an investigation looks into, before the party where they happened ("the
/// data breach at Cathay Pacific").
const INCIDENT_NOUNS: [&str; 14] = [
    "breach",
    "breaches",
    "attack",
    "cyberattack",
    "hack",
    "leak",
    "leaks",
    "outage",
    "collapse",
    "accident",
    "crash",
    "explosion",
    "incident",
    "failure",
];

/// Nouns of a deal between companies, whose review concerns both sides ("the acquisition of
/// Figma by Adobe", "Adobe's proposed acquisition of Figma", "the merger of Vodafone and Three").
const DEAL_NOUNS: [&str; 7] = [
    "acquisition",
    "takeover",
    "purchase",
    "merger",
    "buyout",
    "combination",
    "acquisitions",
];

/// The parties of a deal named at `from` (after its determiners): the buyer and what it buys
/// ("the acquisition of Figma by Adobe", "Adobe's proposed acquisition of Figma"), or the
/// companies that merge ("the merger of Vodafone and Three", "the merger between X and Y").
/// Buyer first. None when `from` names no deal.
fn deal_parties(ctx: &Ctx<'_, '_>, from: usize) -> Option<Vec<usize>> {
    let n = ctx.toks.len();
    let company = |m: usize| !ctx.mentions[m].modifier && ctx.mentions[m].role == Role::Company;
    // "Adobe's": the buyer as the deal's possessor
    let mut buyer: Vec<usize> = Vec::new();
    let mut t = from;
    if let Some(m) = ctx.mention_at(t).filter(|&m| company(m)) {
        let after = ctx.mentions[m].t1;
        if ctx
            .toks
            .get(after)
            .is_some_and(|tok| tok.kind == Kind::Poss)
        {
            buyer = same_span(ctx, m);
            t = after + 1;
        } else {
            return None;
        }
    }
    // (adjectives and an amount before the noun: "proposed", "$20 billion")
    while t < n
        && (ctx.covered[t]
            || ctx.is_lower_word(t)
                && ctx.owner[t].is_none()
                && !ctx.is(t, &DEAL_NOUNS)
                && !ctx.is(t, lexicon::CLAUSE_STOPS))
        && t < from + 6
    {
        t += 1;
    }
    if !ctx.is(t, &DEAL_NOUNS) || !ctx.is(t + 1, &["of", "between", "with"]) {
        return None;
    }
    let first = ctx
        .mention_at(skip_determiners(ctx, t + 2))
        .filter(|&m| company(m))?;
    let start = ctx.mentions[first].t0;
    // what is bought, or the merging companies, up to "by" or the end of the clause
    let end = (start..n)
        .find(|&r| ctx.is(r, &["by"]) || is_clause_boundary_right(ctx, r))
        .unwrap_or(n);
    let (mut bought, _) = object_list(ctx, start, end, 0);
    bought.retain(|&m| company(m));
    if buyer.is_empty() && ctx.is(end, &["by"]) {
        if let Some(m) = ctx
            .mention_at(skip_determiners(ctx, end + 1))
            .filter(|&m| company(m))
        {
            buyer = same_span(ctx, m);
        }
    }
    let mut parties = buyer;
    for m in bought {
        if !parties.contains(&m) {
            parties.push(m);
        }
    }
    (!parties.is_empty()).then_some(parties)
}

/// Plural nouns that count things, not parties ("fines on 43 cases", "over 22 deals").
const NO_PARTIES: [&str; 12] = [
    "cases",
    "deals",
    "transactions",
    "acquisitions",
    "mergers",
    "counts",
    "charges",
    "violations",
    "breaches",
    "incidents",
    "complaints",
    "products",
];

/// The date of the trigger at `t0`: the nearest time expression in its clause, unless it is a
/// starting point, the end of a range or a year used as a modifier ("its 2004 listing"), or
/// another verb stands between it and the trigger ("the company he co-founded in 1984"), except
/// in a reporting clause that closes the sentence, which begins at token `reported_from` (see
/// [`reporter_after`]). "At the same time" is the date of the previous event.
fn nearest_date(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    t0: usize,
    (left, right): (usize, usize),
    reported_from: Option<usize>,
) -> Option<DateValue> {
    let trigger_byte = ctx.toks.get(t0).map_or(0, |t| t.start);
    let lo = ctx.toks.get(left).map_or(0, |t| t.start);
    let hi = ctx
        .toks
        .get(right.saturating_sub(1))
        .map_or(usize::MAX, |t| t.end);
    // "has been under investigation since April", "have been banned since 2019": an action
    // in force since a starting point began then (not "the first fine since 2019")
    let in_force = ctx.s.times.iter().any(|e| e.since)
        && (t0.saturating_sub(4).max(left)..t0).any(|t| ctx.is(t, &["been"]));
    let usable = |e: &&TimeExpr| {
        if e.start < lo || e.end > hi || e.since && !in_force {
            return false;
        }
        let first = ctx.tok_index(e.start);
        let last = ctx.toks.partition_point(|t| t.start < e.end);
        let before = first.checked_sub(1);
        // "back to 1993", "from October to December", "between March and October 2004"
        let text = ctx.s.text[e.start..e.end].to_ascii_lowercase();
        if text.starts_with("from ") || text.starts_with("to ") {
            return false;
        }
        if before.is_some_and(|p| ctx.is(p, &["to", "between", "from", "through"])) {
            return false;
        }
        // "dating back as far as 2012": how far back the conduct goes (not "back in December
        // 2018", a date)
        if before.is_some_and(|p| ctx.is(p, &["as"]) && p > 0 && ctx.is(p - 1, &["far"])) {
            return false;
        }
        // "fined 12 companies for failing to report 22 deals in 2012": a year or a month in
        // the reason after the trigger ("for" and a gerund) dates the conduct (a day there,
        // "... for misleading investors on Monday", is often the action's, and stays)
        let coarse = matches!(e.kind, crate::time::TimeKind::Absolute(d) if d.day_part().is_none());
        let reason_before = coarse
            && first > t0
            && (t0 + 1..first).any(|q| {
                ctx.is(q, &["for"])
                    && ctx.is_lower_word(q + 1)
                    && ctx.word(q + 1).ends_with("ing")
                    && q + 1 < first
            });
        if reason_before {
            return false;
        }
        if before.is_some_and(|p| ctx.is(p, &["and"]))
            && (first.saturating_sub(5)..first).any(|q| ctx.is(q, &["between", "from"]))
        {
            return false;
        }
        // "Didi, which listed in New York last month, was ordered ... on Friday": an
        // expression inside a relative clause closed before the trigger dates that clause
        let in_relative = last <= t0
            && (left..first)
                .rev()
                .find(|&q| ctx.is(q, &["which", "who"]))
                .is_some_and(|r| {
                    r > 0
                        && ctx.punct(r - 1) == Some(',')
                        && (last..t0).any(|q| ctx.punct(q) == Some(','))
                });
        if in_relative {
            return false;
        }
        // "its 2004 New York listing", "the 2001 election": a bare year as a modifier
        let bare_year = matches!(e.kind, crate::time::TimeKind::Absolute(d) if d.month_part().is_none())
            && text.chars().all(|c| c.is_ascii_digit());
        if bare_year
            && before
                .is_some_and(|p| ctx.is(p, lexicon::DETERMINERS) || ctx.toks[p].kind == Kind::Poss)
        {
            return false;
        }
        // another verb between the trigger and a later expression owns it ("the company he
        // co-founded in 1984"); not the verb that hands the penalty over ("a fine was
        // imposed on Amazon in 2021"), nor an authority's report of the action (", the SAMR
        // said on Monday")
        // ("The Commission's investigation was opened in June 2020": nor the verb that opens
        // or takes it, in the passive)
        let opens_or_takes = |q: usize| {
            ctx.is(q, lexicon::HANDED_TO)
                || (ctx.is(q, &OPENING) || ctx.is(q, &TAKING))
                    && q > 0
                    && ctx.is(q - 1, lexicon::BE_FORMS)
        };
        last <= t0
            || reported_from.is_some_and(|r| first > r)
            || !(t0 + 2..first).any(|q| ctx.is_other_verb(q) && !opens_or_takes(q))
    };
    // "acquired by Oracle in 2005 and fined by the SEC in 2007": an expression before the
    // trigger with "and" between them dates the earlier verb when one follows the trigger
    let coordinated = |e: &TimeExpr| {
        let last = ctx.toks.partition_point(|t| t.start < e.end);
        (last..t0).any(|q| ctx.is(q, &["and"]))
    };
    // "the Commission's 2004 ruling", "The regulator's 2019 fine on Acme Corp was upheld last
    // week": a bare year right before a trigger noun is that action's own date
    let own_year = ctx.s.times.iter().find(|e| {
        let last = ctx.toks.partition_point(|t| t.start < e.end);
        last == t0
            && e.start >= lo
            && !e.since
            && matches!(e.kind, crate::time::TimeKind::Absolute(d) if d.month_part().is_none())
            && ctx.s.text[e.start..e.end]
                .chars()
                .all(|c| c.is_ascii_digit())
            && ctx
                .triggers
                .iter()
                .any(|&(o0, _, _, form)| o0 == t0 && matches!(form, Form::Noun | Form::Either))
    });
    if let Some(e) = own_year {
        return Some(expr_date(ctx, memory, e));
    }
    // (each expression tested once: most sentences have one or two)
    let found: Vec<&TimeExpr> = ctx.s.times.iter().filter(usable).collect();
    let later = found.iter().any(|e| e.start >= trigger_byte);
    let best = found
        .into_iter()
        .filter(|e| !(later && e.end <= trigger_byte && coordinated(e)))
        .min_by_key(|e| {
            if e.end <= trigger_byte {
                trigger_byte - e.end
            } else {
                e.start.saturating_sub(trigger_byte)
            }
        });
    let Some(best) = best else {
        // "At the same time it introduced new controls": the previous event's date
        let same_time = (left..right.min(left + 6)).any(|t| {
            ctx.is(t, &["same"])
                && ctx.is(t + 1, &["time"])
                && ctx.is(t.saturating_sub(1), &["the"])
        });
        if same_time {
            return memory.last_date.clone();
        }
        // "Two days later, it ordered app stores to ...": a span after the previous event
        if let Some(date) = span_after_last_event(ctx, memory, t0) {
            return Some(date);
        }
        // "It began in November 2020, when regulators halted Ant Group's listing": a "when"
        // clause right after a time expression and its comma happened then
        if left >= 3 && ctx.is(left - 1, &["when"]) && ctx.punct(left - 2) == Some(',') {
            let comma = ctx.toks[left - 2].start;
            let then =
                ctx.s.times.iter().find(|e| {
                    !e.since && e.end <= comma && ctx.s.text[e.end..comma].trim().is_empty()
                });
            if let Some(e) = then {
                return Some(expr_date(ctx, memory, e));
            }
        }
        // "On Saturday, the SAMR said it had fined Alibaba": an expression that opens the
        // sentence, before a comma, dates the sentence's main clause and what it reports; so
        // does one before a colon, as a timeline writes it ("April 2021: Alibaba is fined a
        // record 18.2 billion yuan")
        let opening = ctx.s.times.iter().find(|e| {
            let last = ctx.toks.partition_point(|t| t.start < e.end);
            ctx.tok_index(e.start) <= 1
                && matches!(ctx.punct(last), Some(',' | ':'))
                && last < t0
                && !e.since
        })?;
        return Some(expr_date(ctx, memory, opening));
    };
    Some(expr_date(ctx, memory, best))
}

/// The date a time expression of the sentence gives, resolved against the document's anchor.
fn expr_date(ctx: &Ctx<'_, '_>, memory: &Memory, e: &TimeExpr) -> DateValue {
    date_value(e.kind, &ctx.s.text[e.start..e.end], memory.anchor)
}

/// "Two days later, it ordered ...", "A month later the SAMR opened ...": a span of days,
/// weeks, months or years followed by "later" that opens the sentence, before the trigger at
/// `t0`, counted from the date of the previous event. Days and weeks need a previous date to
/// the day; months give a month, years keep the month at most. None without a previous date.
fn span_after_last_event(ctx: &Ctx<'_, '_>, memory: &Memory, t0: usize) -> Option<DateValue> {
    let start = usize::from(ctx.is(0, &["and", "but", "then"]));
    let count = if ctx.is(start, &["a", "an", "one"]) {
        1
    } else {
        number_of(ctx, start)?
    };
    let unit = start + 1;
    if !ctx.is(unit + 1, &["later"]) || unit + 1 >= t0 {
        return None;
    }
    let base = memory.last_date.as_ref()?.value?;
    let count = i64::from(count);
    let value = if ctx.is(unit, &["day", "days"]) || ctx.is(unit, &["week", "weeks"]) {
        let days = if ctx.is(unit, &["week", "weeks"]) {
            count * 7
        } else {
            count
        };
        let day = base
            .to_civil()?
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?;
        PartialDate::day(day.year(), day.month() as u8, day.day() as u8).ok()?
    } else if ctx.is(unit, &["month", "months"]) {
        let month = i64::from(base.month_part()?) - 1 + count;
        let year = i64::from(base.year_part()) + month.div_euclid(12);
        PartialDate::month(
            i16::try_from(year).ok()?,
            u8::try_from(month.rem_euclid(12) + 1).ok()?,
        )
        .ok()?
    } else if ctx.is(unit, &["year", "years"]) {
        let year = i16::try_from(i64::from(base.year_part()) + count).ok()?;
        PartialDate::new(year, base.month_part(), None).ok()?
    } else {
        return None;
    };
    let text = &ctx.s.text[ctx.toks[start].start..ctx.toks[unit + 1].end];
    Some(DateValue::resolved(value, text))
}

fn money_role(ctx: &Ctx<'_, '_>, expr: &MoneyExpr) -> AmountRole {
    // (the words that qualify the amount are part of it: "fined Acme Corp more than $2m")
    let t0 = amount_qualifier(ctx, expr).map_or_else(|| ctx.tok_index(expr.start), |q| q.from);
    let t1 = ctx.toks.partition_point(|t| t.start < expr.end);
    // ("fined Apple and Amazon a total of more than 200 million euros": the words of a sum
    // stand between the cue and the amount)
    let mut cue_end = t0;
    while cue_end > 0 && t0 - cue_end < 3 && ctx.is(cue_end - 1, &SUM_WORDS) {
        cue_end -= 1;
    }
    // (four words back, a name counting as one, and a list's "and", commas and the roles of
    // its holders as none: "fined chairman Cheng Wei and president Jean Liu 1 million yuan
    // each")
    let from = words_back(ctx, cue_end, 0, 4, |t| {
        ctx.is(t, &["and"])
            // (not the "and" of a range: "between 6,000 and 17,000 euros")
            && !t.checked_sub(1).is_some_and(|p| ctx.toks[p].kind == Kind::Num)
            || ctx.punct(t) == Some(',')
            || holder_role_word(ctx, t)
    });
    let before = (from..t0).any(|t| ctx.is(t, lexicon::PENALTY_CUES));
    if before {
        return AmountRole::Penalty;
    }
    if (t0.saturating_sub(3)..t0).any(|t| ctx.is(t, &["worth", "valued", "value"])) {
        return AmountRole::Value;
    }
    let after: Vec<usize> = (t1..(t1 + 4).min(ctx.toks.len())).collect();
    for &t in &after {
        if ctx.is(t, lexicon::PENALTY_CUES) {
            return AmountRole::Penalty;
        }
        if ctx.is(t, lexicon::VALUE_CUES) {
            return AmountRole::Value;
        }
        if matches!(ctx.punct(t), Some(',' | ';' | '.')) {
            break;
        }
    }
    AmountRole::Other
}

/// Currencies that a word names only together with a country ("kroner" in Norway).
const AMBIGUOUS_CURRENCIES: &[(&str, &str, &str)] = &[
    ("kroner", "NO", "NOK"),
    ("krone", "NO", "NOK"),
    ("kroner", "DK", "DKK"),
    ("krone", "DK", "DKK"),
    ("kronor", "SE", "SEK"),
    ("krona", "SE", "SEK"),
    ("lira", "TR", "TRY"),
    ("liras", "TR", "TRY"),
    ("crown", "NO", "NOK"),
    ("crown", "DK", "DKK"),
    ("crown", "SE", "SEK"),
    ("crown", "CZ", "CZK"),
];

/// Currency words that name their country ("Norwegian crowns"), whatever the document's.
const NAMED_CURRENCIES: &[(&str, &str)] = &[
    ("norwegian crown", "NOK"),
    ("norwegian kron", "NOK"),
    ("swedish crown", "SEK"),
    ("swedish kron", "SEK"),
    ("danish crown", "DKK"),
    ("danish kron", "DKK"),
    ("czech crown", "CZK"),
    ("czech korun", "CZK"),
    ("swiss franc", "CHF"),
];

fn pick_amount(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    action: ActionKind,
    t0: usize,
    (left, right): (usize, usize),
    targets: &[Mention],
) -> PickedAmount {
    if ctx.s.money.is_empty() {
        return (None, None, None);
    }
    let trigger_byte = ctx.toks.get(t0).map_or(0, |t| t.start);
    let lo = ctx.toks.get(left).map_or(0, |t| t.start);
    // "ruled that X must stop ... and said it must pay 1.47m yuan": a reporting verb does not
    // end the clause for the amount
    let mut right = right;
    while right < ctx.toks.len() && ctx.is(right, &["said", "says"]) {
        right = (right + 1..ctx.toks.len())
            .find(|&t| is_clause_boundary_right(ctx, t))
            .unwrap_or(ctx.toks.len());
    }
    let hi = ctx
        .toks
        .get(right.saturating_sub(1))
        .map_or(usize::MAX, |t| t.end);
    let distance = |m: &MoneyExpr| {
        if m.end <= trigger_byte {
            trigger_byte - m.end
        } else {
            m.start - trigger_byte
        }
    };
    // an exact amount, or a floor or approximation of a penalty or value ("fined Apple over
    // EUR 1.8 billion", "a fine of nearly $5m"); never a cap ("up to $5m", "less than $1m")
    let usable = |m: &MoneyExpr, role: AmountRole| match amount_qualifier(ctx, m) {
        None => true,
        Some(q) => !q.cap && matches!(role, AmountRole::Penalty | AmountRole::Value),
    };
    let roles: Vec<(usize, AmountRole)> = ctx
        .s
        .money
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start >= lo && m.end <= hi)
        .map(|(i, m)| (i, money_role(ctx, m)))
        .filter(|&(i, role)| usable(&ctx.s.money[i], role))
        .collect();
    let penalty_action = matches!(
        action,
        ActionKind::Fine | ActionKind::Settlement | ActionKind::Ruling
    );
    let chosen = if penalty_action {
        roles
            .iter()
            .filter(|(_, r)| *r == AmountRole::Penalty)
            .min_by_key(|(i, _)| distance(&ctx.s.money[*i]))
            .or_else(|| {
                roles
                    .iter()
                    .filter(|(i, r)| {
                        *r == AmountRole::Other
                            && (distance(&ctx.s.money[*i]) < 60
                                || after_target_apposition(ctx, &ctx.s.money[*i], targets))
                            && action != ActionKind::Ruling
                    })
                    .min_by_key(|(i, _)| distance(&ctx.s.money[*i]))
            })
            .map(|(i, _)| (*i, AmountRole::Penalty))
    } else {
        // the value of what was acted upon: an amount inside the target's noun phrase
        let target_end = targets.iter().map(|m| m.end).max().unwrap_or(0);
        roles
            .iter()
            .filter(|(i, r)| {
                let m = &ctx.s.money[*i];
                *r == AmountRole::Value
                    && m.start >= trigger_byte
                    && m.end <= target_end.max(trigger_byte)
            })
            .min_by_key(|(i, _)| distance(&ctx.s.money[*i]))
            .map(|(i, r)| (*i, *r))
    };
    let Some(chosen) = chosen else {
        return (None, None, None);
    };
    read_amount(ctx, memory, chosen)
}

/// Whether amount `m` comes right after a target ("fined Alibaba, Tencent's China Literature
/// and Suning's Shenzhen Hive Box 500,000 yuan") or an apposition that follows a target: "fined
/// UAB Prime Leasing, the operator of the short-term car rental platform CityBee, EUR 110,000"
/// (the amount of the verb, however long the list or the apposition).
fn after_target_apposition(ctx: &Ctx<'_, '_>, m: &MoneyExpr, targets: &[Mention]) -> bool {
    let (q, _) = ctx.tok_range(m.start, m.end);
    // ("fined Alibaba, Tencent's China Literature and Suning's Shenzhen Hive Box 500,000
    // yuan": right after the last of the verb's objects, however long the list; also after
    // the target's other names in brackets: "fined Krajowa Szkoła Sądownictwa i Prokuratury
    // (National School of Justice and Prosecution) EUR 22,200")
    let after_names_bracket = |target: &Mention| {
        ctx.punct(target.t1) == Some('(')
            && q > target.t1 + 1
            && closing_bracket_after(ctx, target.t1) == Some(q - 1)
            && names_bracket(ctx, target.t1, q - 1)
    };
    if targets
        .iter()
        .any(|target| target.t1 == q || after_names_bracket(target))
    {
        return true;
    }
    let Some(comma) = q.checked_sub(1).filter(|&c| ctx.punct(c) == Some(',')) else {
        return false;
    };
    targets.iter().any(|target| {
        let open = target.t1;
        open < comma
            && comma - open <= 16
            && ctx.punct(open) == Some(',')
            && ctx.is(open + 1, &["the", "a", "an"])
            && (open + 1..comma).all(|t| ctx.punct(t) != Some(','))
    })
}

/// A word or two before an amount that make it inexact ("more than", "over", "nearly", "up
/// to"): where they begin, and whether they make it a cap.
struct AmountQualifier {
    /// The first token of the words.
    from: usize,
    /// A maximum ("up to", "less than", "under"), not the amount itself.
    cap: bool,
}

/// The words before the amount `m` that qualify it, if any (see [`AmountQualifier`]).
fn amount_qualifier(ctx: &Ctx<'_, '_>, m: &MoneyExpr) -> Option<AmountQualifier> {
    let p = ctx.tok_index(m.start).checked_sub(1)?;
    if !ctx.is(p, lexicon::INEXACT_AMOUNT) {
        return None;
    }
    let previous = p.checked_sub(1);
    let before = |words: &[&str]| previous.is_some_and(|q| ctx.is(q, words));
    let (from, cap) = if ctx.is(p, &["than"]) {
        // "more than", "greater than" (not "no more than"); "less than", "fewer than"
        let floor = before(&["more", "greater"])
            && !p.checked_sub(2).is_some_and(|q| ctx.is(q, &["no", "not"]));
        (previous.unwrap_or(p), !floor)
    } else if ctx.is(p, &["least"]) {
        (previous.unwrap_or(p), !before(&["at"]))
    } else if ctx.is(p, &["estimated"]) && before(&["an"]) {
        (previous.unwrap_or(p), false)
    } else {
        (p, ctx.is(p, &["to", "under"]))
    };
    Some(AmountQualifier { from, cap })
}

/// A fine's amount, or the amount it was reduced to: "The original fine of EUR 75,000 was
/// reduced to EUR 45,000", "a fine of EUR 20,000, which was, however, reduced to EUR 7,000 by a
/// district court", "the original fine was reduced for immediate payment to EUR 1,600". The
/// amount after "to" that a reducing verb ("reduced", "cut", "lowered") governs in the rest of
/// the sentence, before another fine, is the fine's amount; the amount the fine would otherwise
/// take, when it is another one, is the original (the second value).
fn reduced_amount(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    action: ActionKind,
    t0: usize,
    clause: (usize, usize),
    targets: &[Mention],
) -> (PickedAmount, ReducedFrom) {
    let picked = pick_amount(ctx, memory, action, t0, clause, targets);
    if action != ActionKind::Fine || ctx.s.money.is_empty() {
        return (picked, None);
    }
    let n = ctx.toks.len();
    // the rest of the sentence, up to another fine ("which was, however, reduced to EUR 7,000
    // by a district court" lies beyond the clause)
    let right = ctx
        .triggers
        .iter()
        .filter(|&&(o0, _, oa, _)| o0 > t0 && oa == ActionKind::Fine)
        .map(|&(o0, ..)| o0)
        .min()
        .unwrap_or(n);
    const REDUCING: [&str; 6] = ["reduced", "cut", "lowered", "reduces", "cuts", "lowers"];
    // the fine is what was reduced: the passive's subject is the fine's own phrase (its
    // trigger, its amount) or "which" ("a fine of EUR 20,000 on X, which was, however,
    // reduced"); "its profits were cut to $2m" reduces something else
    let reduces_the_fine = |verb: usize| {
        // (", however," is an aside, not a new clause)
        let aside = |t: usize| ctx.is(t, &["however"]) && t > 0 && ctx.punct(t - 1) == Some(',');
        if (t0..verb).any(|t| ctx.is(t, lexicon::CLAUSE_BOUNDARY_WORDS) && !aside(t)) {
            return false;
        }
        let mut p = verb;
        while p > t0
            && (ctx.is(p - 1, lexicon::ADVERBS)
                || ctx.is(p - 1, &["however", "then", "later", "subsequently", "been"])
                || ctx.punct(p - 1) == Some(','))
        {
            p -= 1;
        }
        if p <= t0 + 1 {
            return false;
        }
        // ("has been reduced": the auxiliary before "been")
        let be = ctx.is(p - 1, lexicon::BE_FORMS)
            || ctx.is(p, &["been"]) && ctx.is(p - 1, &["has", "have", "had"]);
        let mut q = p - 2;
        while q > t0 && ctx.punct(q) == Some(',') {
            q -= 1;
        }
        be && (q == t0 || ctx.covered[q] || ctx.is(q, &["which"]))
    };
    let reduced = ctx.s.money.iter().enumerate().find(|(_, m)| {
        let first = ctx.tok_index(m.start);
        first > t0
            && first < right
            && first >= 1
            && ctx.is(first - 1, &["to"])
            && (first.saturating_sub(16).max(t0)..first - 1)
                .rev()
                .find(|&t| ctx.is(t, &REDUCING))
                .is_some_and(reduces_the_fine)
    });
    let Some((index, _)) = reduced else {
        return (picked, None);
    };
    let reduced_to = read_amount(ctx, memory, (index, AmountRole::Penalty));
    if reduced_to.2.is_none() {
        return (picked, None);
    }
    let original = picked
        .2
        .clone()
        .filter(|v| Some(v) != reduced_to.2.as_ref());
    (reduced_to, Some(original))
}

/// The original amount of a reduced fine: see [`reduced_amount`].
type ReducedFrom = Option<Option<(docket_core::Decimal, Option<String>)>>;

/// The amount at `chosen` (an index into the sentence's amounts, and its role), read.
fn read_amount(ctx: &Ctx<'_, '_>, memory: &Memory, chosen: (usize, AmountRole)) -> PickedAmount {
    let m = &ctx.s.money[chosen.0];
    // (with the words that qualify it: the normalizer reads them and flags the amount)
    let start = amount_qualifier(ctx, m)
        .filter(|q| !q.cap)
        .and_then(|q| ctx.toks.get(q.from))
        .map_or(m.start, |t| t.start);
    let text = ctx.s.text[start..m.end].to_string();
    // the amount must name its currency, or the country must
    match docket_normalize::money::parse_money(&text, None) {
        Ok(Some(parsed)) if parsed.currency.is_some() => {
            let value = (parsed.value.normalize(), parsed.currency);
            (Some((text, chosen.1)), None, Some(value))
        }
        Ok(Some(parsed)) => {
            let lower = text.to_lowercase();
            let named = NAMED_CURRENCIES
                .iter()
                .find(|(words, _)| lower.contains(words))
                .map(|(_, code)| code);
            let currency = named.or_else(|| {
                AMBIGUOUS_CURRENCIES
                    .iter()
                    .find(|(word, country, _)| {
                        lower.contains(word) && memory.dominant.as_deref() == Some(*country)
                    })
                    .map(|(_, _, code)| code)
            });
            match currency {
                Some(code) => {
                    let value = (parsed.value.normalize(), Some((*code).to_string()));
                    (
                        Some((text, chosen.1)),
                        Some((*code).to_string()),
                        Some(value),
                    )
                }
                None => (None, None, None),
            }
        }
        _ => (None, None, None),
    }
}

/// An amount: its text and role, the currency the country gives it, its parsed value.
type PickedAmount = (
    Option<(String, AmountRole)>,
    Option<String>,
    Option<(docket_core::Decimal, Option<String>)>,
);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The tokenizer as it was written before its byte fast paths: one character at a time,
    /// through `char_indices`. The oracle of the property test below.
    fn tokenize_by_chars(text: &str, (from, to): (usize, usize)) -> Vec<Tok> {
        // about one token per five bytes of prose
        let mut toks = Vec::with_capacity((to - from) / 5 + 4);
        let s = &text[from..to];
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let start = from + i;
            if c.is_whitespace() {
                continue;
            }
            if matches!(c, '\'' | '’') {
                // possessive 's / s' and n't
                let rest = &s[i + c.len_utf8()..];
                let next = rest.chars().next();
                let after = rest.chars().nth(1);
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                    iter.next();
                    toks.push(Tok {
                        start,
                        end: start + c.len_utf8() + 1,
                        kind: Kind::Poss,
                    });
                    continue;
                }
                if matches!(next, Some('t')) && !after.is_some_and(char::is_alphanumeric) {
                    iter.next();
                    toks.push(Tok {
                        start,
                        end: start + c.len_utf8() + 1,
                        kind: Kind::Neg,
                    });
                    continue;
                }
                let prev_word = toks
                    .last()
                    .is_some_and(|t| t.end == start && t.kind == Kind::Word);
                if prev_word
                    && next.is_none_or(|n| !n.is_alphanumeric())
                    && text[..start].ends_with('s')
                {
                    toks.push(Tok {
                        start,
                        end: start + c.len_utf8(),
                        kind: Kind::Poss,
                    });
                    continue;
                }
                toks.push(Tok {
                    start,
                    end: start + c.len_utf8(),
                    kind: Kind::Punct(c),
                });
                continue;
            }
            if c.is_alphanumeric() && !is_cjk(c) {
                let mut end = i + c.len_utf8();
                let digit = c.is_ascii_digit();
                while let Some(&(j, d)) = iter.peek() {
                    let joins = d.is_alphanumeric() && !is_cjk(d)
                        || (matches!(d, '-' | '.' | ',') && {
                            let next = s[j + d.len_utf8()..].chars().next();
                            let prev = s[..j].chars().next_back();
                            match d {
                                '-' => next.is_some_and(char::is_alphanumeric),
                                '.' => {
                                    next.is_some_and(|n| n.is_alphanumeric() && !is_cjk(n))
                                        && (digit || prev.is_some_and(char::is_uppercase))
                                }
                                _ => digit && next.is_some_and(|n| n.is_ascii_digit()),
                            }
                        });
                    if !joins {
                        break;
                    }
                    end = j + d.len_utf8();
                    iter.next();
                }
                let kind = if digit { Kind::Num } else { Kind::Word };
                toks.push(Tok {
                    start,
                    end: from + end,
                    kind,
                });
                continue;
            }
            if is_cjk(c) {
                toks.push(Tok {
                    start,
                    end: start + c.len_utf8(),
                    kind: Kind::Word,
                });
                continue;
            }
            // "&amp;", as scraped tables write an ampersand: one '&' token, so that its ';' does
            // not end a clause
            if c == '&' && s[i..].starts_with("&amp;") {
                for _ in 0..4 {
                    iter.next();
                }
                toks.push(Tok {
                    start,
                    end: start + 5,
                    kind: Kind::Punct('&'),
                });
                continue;
            }
            toks.push(Tok {
                start,
                end: start + c.len_utf8(),
                kind: Kind::Punct(c),
            });
        }
        toks
    }

    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Baidu",
            "fined",
            "A",
            "s",
            "t",
            "S",
            "12",
            "3.5",
            "U.S.",
            "e-commerce",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "'",
            "’",
            "-",
            ".",
            ",",
            "&amp;",
            "&",
            ";",
            "阿里巴巴",
            "é",
            "Ünal",
            "€",
            "(",
            ")",
            "\"",
            "1,000",
            "x",
            "n't",
            "Co.",
            "2021",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
    }

    fn spans(tokens: Vec<Tok>) -> Vec<(usize, usize, Kind)> {
        tokens.iter().map(|t| (t.start, t.end, t.kind)).collect()
    }

    proptest! {
        /// The buffered lower case is `str::to_lowercase`, for ASCII words and others (Greek
        /// final sigma included), with the buffer reused from a previous word.
        #[test]
        fn lower_case_into_is_to_lowercase(word in "[A-Za-z0-9ΣσÄÖİ]{0,12}", previous in "[a-z]{0,12}") {
            let mut buffer = previous;
            prop_assert_eq!(lower_case_into(&word, &mut buffer), word.to_lowercase());
        }

        /// The byte-at-a-time tokenizer gives the tokens of the character-at-a-time one, on the
        /// whole text and on a span that starts inside it.
        #[test]
        fn tokenize_matches_the_character_tokenizer(text in pieces(), cut in 0usize..8) {
            let whole = (0, text.len());
            prop_assert_eq!(spans(tokenize(&text, whole)), spans(tokenize_by_chars(&text, whole)));
            let from = (0..=cut.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let part = (from, text.len());
            prop_assert_eq!(spans(tokenize(&text, part)), spans(tokenize_by_chars(&text, part)));
        }
    }

    #[test]
    fn tokens_of_a_sentence() {
        let text = "China's SAMR fined Alibaba Group Holding Ltd. 18.2 billion yuan; it didn't \
                    appeal &amp; paid.";
        let words: Vec<(&str, Kind)> = tokenize(text, (0, text.len()))
            .iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect();
        assert_eq!(
            words,
            [
                ("China", Kind::Word),
                ("'s", Kind::Poss),
                ("SAMR", Kind::Word),
                ("fined", Kind::Word),
                ("Alibaba", Kind::Word),
                ("Group", Kind::Word),
                ("Holding", Kind::Word),
                ("Ltd", Kind::Word),
                (".", Kind::Punct('.')),
                ("18.2", Kind::Num),
                ("billion", Kind::Word),
                ("yuan", Kind::Word),
                (";", Kind::Punct(';')),
                ("it", Kind::Word),
                ("didn", Kind::Word),
                ("'t", Kind::Neg),
                ("appeal", Kind::Word),
                ("&amp;", Kind::Punct('&')),
                ("paid", Kind::Word),
                (".", Kind::Punct('.')),
            ]
        );
    }
}
