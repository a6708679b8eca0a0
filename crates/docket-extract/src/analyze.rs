//! Analysis of one sentence: tokens, mentions, and one candidate event per trigger.
//!
//! The analysis is shallow and rule-based: it finds the clause around each trigger word, decides
//! the trigger's voice (active, passive, noun, intransitive), and takes the actor and the
//! targets from fixed positions around it (subject, object, "by X", "into Y", ...). Roles come
//! from the kind of the mention: authorities (regulators, courts, governments, officials,
//! state media, and unknown names ending in "Commission", "Authority", ...) act; companies,
//! products and people are acted upon.

use std::collections::HashMap;

use docket_core::{ActionKind, AmountRole, DateValue, PartialDate, RawActor};
use docket_normalize::Resolver;

use crate::index::{is_cjk, Hit};
use crate::lexicon::{self, is_in, Form};
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
    /// The actor as the normalizer will see it.
    pub actor: RawActor,
    /// A key for comparing mentions (catalogue id or folded name).
    pub key: String,
    /// The mention only modifies another one (a possessive parent, a jurisdiction).
    pub modifier: bool,
    /// Found by coreference ("the company", a short name).
    pub coref: bool,
}

/// Document-level memory shared by the sentences of one document.
#[derive(Debug, Default)]
pub struct Memory {
    /// The most recent company mention.
    pub last_company: Option<Mention>,
    /// The most recent authority mention.
    pub last_authority: Option<Mention>,
    /// Short names introduced by longer ones ("UC" after "UC browser", "Xi" after "Xi Jinping").
    pub aliases: HashMap<String, (RawActor, Role, String)>,
    /// The document's dominant jurisdiction.
    pub dominant: Option<String>,
    /// The anchor for relative dates.
    pub anchor: Option<PartialDate>,
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
    /// Sentence span in the body text.
    pub span: (usize, usize),
    /// Confidence.
    pub confidence: f64,
    /// Flags.
    pub flags: Vec<String>,
}

/// Everything the analysis of one sentence needs.
pub struct Sentence<'a> {
    /// The whole body text.
    pub text: &'a str,
    /// The sentence span.
    pub span: (usize, usize),
    /// Catalogue, descriptor, jurisdiction and trigger hits within the sentence.
    pub hits: &'a [Hit],
    /// Time expressions (offsets relative to the body text).
    pub times: Vec<TimeExpr>,
    /// Amounts (offsets relative to the body text).
    pub money: Vec<MoneyExpr>,
    /// Whether the sentence is a headline.
    pub headline: bool,
    /// Whether capitalisation carries meaning (false for Chinese).
    pub latin: bool,
}

fn tokenize(text: &str, (from, to): (usize, usize)) -> Vec<Tok> {
    let mut toks = Vec::new();
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
        toks.push(Tok {
            start,
            end: start + c.len_utf8(),
            kind: Kind::Punct(c),
        });
    }
    toks
}

const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "President",
    "Premier",
    "Judge",
    "Justice",
    "Chairman",
    "Minister",
    "Senator",
    "Governor",
    "Sir",
    "Lord",
    "Commissioner",
    "Chancellor",
    "Secretary",
];

const PERSON_CUES: &[&str] = &[
    "billionaire",
    "founder",
    "boss",
    "executive",
    "analyst",
    "chairman",
    "president",
    "premier",
    "minister",
    "judge",
    "spokesman",
    "spokeswoman",
    "director",
    "officer",
    "chief",
    "head",
    "economist",
    "lawyer",
];

const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "de", "du", "des", "la", "le", "van", "von", "der", "y", "for", "&",
];

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
    jurisdiction: Vec<Option<String>>,
}

impl<'s, 'a> Ctx<'s, 'a> {
    fn word(&self, t: usize) -> &'a str {
        self.toks
            .get(t)
            .map_or("", |tok| &self.s.text[tok.start..tok.end])
    }

    fn is(&self, t: usize, table: &[&str]) -> bool {
        self.toks
            .get(t)
            .is_some_and(|tok| matches!(tok.kind, Kind::Word | Kind::Neg))
            && is_in(table, self.word(t))
    }

    fn punct(&self, t: usize) -> Option<char> {
        match self.toks.get(t)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_capitalised(&self, t: usize) -> bool {
        let Some(tok) = self.toks.get(t) else {
            return false;
        };
        tok.kind == Kind::Word && self.word(t).chars().next().is_some_and(char::is_uppercase)
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
    resolver: &Resolver,
    index: usize,
    start: usize,
    end: usize,
    t0: usize,
    t1: usize,
) -> Option<Mention> {
    let actor = resolver.catalogue().actors.get(index)?;
    Some(Mention {
        start,
        end,
        t0,
        t1,
        role: role_of_kind(actor.kind),
        actor: RawActor {
            name: actor.name.clone(),
            id_hint: Some(actor.id.clone()),
            parent_hint: None,
        },
        key: actor.id.clone(),
        modifier: false,
        coref: false,
    })
}

/// Finds the mentions of a sentence and updates the document memory.
fn find_mentions(ctx: &mut Ctx<'_, '_>, memory: &mut Memory) {
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
    let mut pending_jurisdiction: Option<(usize, String)> = None;
    for hit in s.hits {
        let (t0, t1) = ctx.tok_range(hit.start, hit.end);
        let names: Vec<usize> = hit.names().collect();
        let capital_start = s.text[hit.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !names.is_empty() && (hit.trigger().is_none() || capital_start) {
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
            if let Some(index) = chosen {
                if let Some(mut mention) =
                    catalogue_mention(ctx.resolver, index, hit.start, hit.end, t0, t1)
                {
                    // "Baidu Inc": absorb a following legal suffix
                    while mention.t1 < ctx.toks.len() && is_legal_suffix(ctx.word(mention.t1)) {
                        mention.end = ctx.toks[mention.t1].end;
                        mention.t1 += 1;
                    }
                    // "the US Securities and Exchange Commission": a jurisdiction word before an
                    // authority's name belongs to the mention
                    if let Some((jt, _)) = &pending_jurisdiction {
                        if *jt + 1 == t0 && mention.role == Role::Authority {
                            mention.start = ctx.toks[*jt].start;
                            mention.t0 = *jt;
                        }
                    }
                    ctx.add_mention(mention);
                    // "China's market regulator": a name that is also a jurisdiction word may
                    // qualify a descriptor that follows
                    pending_jurisdiction = hit
                        .jurisdiction()
                        .map(|code| (t1.saturating_sub(1), code.to_string()));
                    continue;
                }
            }
        }
        if let Some(descriptor) = hit.descriptor() {
            // jurisdiction: the word right before (skipping "the", "'s", stray punctuation)
            let mut jt = None;
            if let Some((pt, code)) = &pending_jurisdiction {
                let between_ok = (*pt + 1..t0).all(|t| {
                    matches!(ctx.toks[t].kind, Kind::Poss | Kind::Punct('.'))
                        || ctx.is(t, &["the", "state", "federal", "national"])
                });
                if between_ok {
                    jt = Some((*pt, code.clone()));
                }
            }
            let explicit = jt.as_ref().map(|(_, c)| c.as_str());
            let found = match explicit {
                Some(code) => ctx.resolver.resolve_descriptor(descriptor, Some(code)),
                None => match memory.dominant.as_deref() {
                    Some(code) => ctx.resolver.resolve_descriptor(descriptor, Some(code)),
                    None => ctx.resolver.resolve_descriptor(descriptor, None),
                },
            };
            if let Some(actor) = found {
                let index = ctx
                    .resolver
                    .catalogue()
                    .actors
                    .iter()
                    .position(|a| a.id == actor.id);
                if let Some(mut mention) = index
                    .and_then(|i| catalogue_mention(ctx.resolver, i, hit.start, hit.end, t0, t1))
                {
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
            }
        }
        if let Some(code) = hit.jurisdiction() {
            for t in t0..t1.min(ctx.covered.len()) {
                ctx.covered[t] = true;
                ctx.jurisdiction[t] = Some(code.to_string());
            }
            pending_jurisdiction = Some((t1.saturating_sub(1), code.to_string()));
            continue;
        }
        if hit.trigger().is_some() {
            for t in t0..t1.min(ctx.covered.len()) {
                ctx.covered[t] = true;
            }
        }
    }
    if s.latin {
        find_unknown_names(ctx, memory);
    }
    find_possessives(ctx);
    find_generic_references(ctx, memory);
    // update memory in text order
    let mut order: Vec<usize> = (0..ctx.mentions.len()).collect();
    order.sort_by_key(|&i| ctx.mentions[i].t0);
    for i in order {
        let m = &ctx.mentions[i];
        if m.modifier && m.role != Role::Authority {
            continue;
        }
        match m.role {
            Role::Authority => memory.last_authority = Some(m.clone()),
            Role::Company => memory.last_company = Some(m.clone()),
            Role::Person => {}
        }
        if !m.coref {
            register_aliases(ctx, m, memory);
        }
    }
}

fn is_legal_suffix(word: &str) -> bool {
    lexicon::LEGAL_SUFFIXES.contains(&word)
        || lexicon::LEGAL_SUFFIXES.contains(&word.trim_end_matches('.'))
        || lexicon::LEGAL_SUFFIXES.contains(&format!("{word}.").as_str())
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
        return;
    }
    for w in words {
        let usable = w.chars().count() >= 2
            && w.chars().all(char::is_alphanumeric)
            && w.chars().next().is_some_and(char::is_uppercase)
            && !lexicon::NOT_NAMES.contains(&w)
            && !is_legal_suffix(w)
            && !is_in(lexicon::COREF_COMPANY, w)
            && !is_in(lexicon::AUTHORITY_HEADS, w)
            && !is_in(lexicon::PRODUCT_NOUNS, w)
            && !is_in(TITLES, w)
            && resolver.jurisdiction_of_word(&w.to_lowercase()).is_none();
        if usable {
            memory
                .aliases
                .entry(w.to_string())
                .or_insert_with(|| (m.actor.clone(), m.role, m.key.clone()));
        }
    }
}

/// Capitalised spans that no catalogue entry covers.
fn find_unknown_names(ctx: &mut Ctx<'_, '_>, memory: &Memory) {
    let n = ctx.toks.len();
    let free = |ctx: &Ctx<'_, '_>, t: usize| ctx.owner[t].is_none() && !ctx.covered[t];
    let mut t = 0;
    while t < n {
        if !(free(ctx, t) && ctx.is_capitalised(t)) {
            t += 1;
            continue;
        }
        // extend
        let start = t;
        let mut end = t + 1;
        let mut connectors: Vec<usize> = Vec::new();
        loop {
            if end < n
                && free(ctx, end)
                && (ctx.is_capitalised(end)
                    || is_legal_suffix(ctx.word(end)) && ctx.toks[end].kind == Kind::Word)
            {
                end += 1;
                continue;
            }
            let connector = end < n
                && (ctx.is(end, NAME_CONNECTORS) || ctx.punct(end) == Some('&'))
                && end + 1 < n
                && free(ctx, end + 1)
                && ctx.is_capitalised(end + 1);
            if connector {
                connectors.push(end);
                end += 2;
                continue;
            }
            break;
        }
        // split at "and" unless the whole is an institution ("Securities and Exchange Commission")
        let last_word = ctx.word(end - 1);
        let institution = is_in(lexicon::AUTHORITY_HEADS, last_word);
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut piece_start = start;
        for &c in &connectors {
            if ctx.is(c, &["and"]) && !institution {
                pieces.push((piece_start, c));
                piece_start = c + 1;
            }
        }
        pieces.push((piece_start, end));
        for (mut a, b) in pieces {
            // leading words that are not names
            while a < b && (lexicon::NOT_NAMES.contains(&ctx.word(a)) || ctx.is(a, NAME_CONNECTORS))
            {
                a += 1;
            }
            // "Troubled Marsh ...": a sentence-initial participle or adverb is not a name
            let initial = a == 0 || (a == 1 && matches!(ctx.toks[0].kind, Kind::Punct(_)));
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
            add_unknown(ctx, memory, a, b);
        }
        t = end;
    }
}

fn add_unknown(ctx: &mut Ctx<'_, '_>, memory: &Memory, a: usize, b: usize) {
    let start = ctx.toks[a].start;
    let end = ctx.toks[b - 1].end;
    let text = &ctx.s.text[start..end];
    let single = b - a == 1;
    if single {
        let w = ctx.word(a);
        if let Some((actor, role, key)) = memory.aliases.get(w) {
            let mention = Mention {
                start,
                end,
                t0: a,
                t1: b,
                role: *role,
                actor: actor.clone(),
                key: key.clone(),
                modifier: false,
                coref: true,
            };
            ctx.add_mention(mention);
            return;
        }
        // a single capitalised word at the start of a sentence may be a plain word
        let sentence_start = a == 0 || (a == 1 && matches!(ctx.toks[0].kind, Kind::Punct(_)));
        let acronym = w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if sentence_start && !acronym && (w.ends_with("ly") || is_in(lexicon::SENTENCE_OPENERS, w))
        {
            return;
        }
        // "an Indonesian official", "Chilean military": a demonym used as an adjective
        let next_lower = ctx.toks.get(b).is_some_and(|t| t.kind == Kind::Word)
            && ctx.word(b).chars().next().is_some_and(char::is_lowercase);
        if next_lower && !acronym && lexicon::DEMONYM_ENDINGS.iter().any(|e| w.ends_with(e)) {
            return;
        }
        if acronym && docket_normalize::money::CURRENCY_CODES.contains(&w) {
            return;
        }
        // "Regulator", "Watchdog": a common noun, not a name (headlines capitalise them)
        if is_in(lexicon::AUTHORITY_HEADS, w)
            || is_in(lexicon::COREF_AUTHORITY, w)
            || is_in(lexicon::COREF_COMPANY, w)
        {
            return;
        }
    }
    // "Department of Justice", "Office of Fair Trading": the head may precede "of"
    let head_end = (a..b).find(|&t| ctx.is(t, &["of", "for"])).unwrap_or(b);
    let authority = (a..head_end).any(|t| is_in(lexicon::AUTHORITY_HEADS, ctx.word(t)));
    let before = a.checked_sub(1);
    let person = before.is_some_and(|p| TITLES.contains(&ctx.word(p)) || ctx.is(p, PERSON_CUES));
    let role = if authority {
        Role::Authority
    } else if person {
        Role::Person
    } else {
        Role::Company
    };
    // an authority keeps the jurisdiction word before it: "US Department of Justice"
    let (start, a) = match before {
        Some(p) if authority && ctx.jurisdiction[p].is_some() => (ctx.toks[p].start, p),
        _ => (start, a),
    };
    let name = ctx.s.text[start..end].to_string();
    let _ = text;
    let key = format!("x:{}", docket_normalize::name::slug(&name));
    let mention = Mention {
        start,
        end,
        t0: a,
        t1: b,
        role,
        actor: RawActor::named(name),
        key,
        modifier: false,
        coref: false,
    };
    ctx.add_mention(mention);
}

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
        let Some(j) = ctx.owner.get(t).copied().flatten() else {
            continue;
        };
        if j == i || ctx.mentions[j].t0 != t {
            continue;
        }
        // "UC browser": an unknown name followed by a product noun takes the noun along
        let jt1 = ctx.mentions[j].t1;
        if !product_before
            && ctx.mentions[j].actor.id_hint.is_none()
            && jt1 < n
            && ctx.is(jt1, lexicon::PRODUCT_NOUNS)
        {
            let end = ctx.toks[jt1].end;
            let start = ctx.mentions[j].start;
            let name = ctx.s.text[start..end].to_string();
            let m = &mut ctx.mentions[j];
            m.end = end;
            m.t1 = jt1 + 1;
            m.key = format!("x:{}", docket_normalize::name::slug(&name));
            m.actor.name = name;
            ctx.owner[jt1] = Some(j);
        }
        if possessor_is_company && ctx.mentions[j].role == Role::Company {
            let parent = ctx.mentions[i].actor.id_hint.clone();
            if parent.is_some() && parent != ctx.mentions[j].actor.id_hint {
                ctx.mentions[j].actor.parent_hint = parent;
            }
            ctx.mentions[i].modifier = true;
        } else if ctx.mentions[i].role == Role::Person {
            ctx.mentions[i].modifier = true;
        }
    }
}

/// "the company", "the app": the most recent company mention.
fn find_generic_references(ctx: &mut Ctx<'_, '_>, memory: &Memory) {
    let n = ctx.toks.len();
    for t in 1..n {
        if ctx.owner[t].is_some() || !ctx.is(t - 1, &["the"]) || !ctx.is(t, lexicon::COREF_COMPANY)
        {
            continue;
        }
        // "the company's" is fine; "the company Monsanto" or "the group of" is not a reference
        if t + 1 < n && (ctx.is_capitalised(t + 1) || ctx.is(t + 1, &["of"])) {
            continue;
        }
        let earlier = ctx
            .mentions
            .iter()
            .filter(|m| m.role == Role::Company && !m.modifier && m.t1 < t)
            .max_by_key(|m| m.t1)
            .cloned();
        let Some(antecedent) = earlier.or_else(|| memory.last_company.clone()) else {
            continue;
        };
        let mention = Mention {
            start: ctx.toks[t - 1].start,
            end: ctx.toks[t].end,
            t0: t - 1,
            t1: t + 1,
            coref: true,
            modifier: false,
            ..antecedent
        };
        ctx.add_mention(mention);
    }
}

/// The analysis of one sentence: candidate events.
pub fn analyze(s: &Sentence<'_>, resolver: &Resolver, memory: &mut Memory) -> Vec<Candidate> {
    let toks = tokenize(s.text, s.span);
    let n = toks.len();
    let mut ctx = Ctx {
        s,
        resolver,
        toks,
        mentions: Vec::new(),
        owner: vec![None; n],
        covered: vec![false; n],
        jurisdiction: vec![None; n],
    };
    find_mentions(&mut ctx, memory);
    let mut triggers: Vec<(usize, usize, ActionKind, Form)> = Vec::new();
    for hit in s.hits {
        let Some((action, form)) = hit.trigger() else {
            continue;
        };
        let (t0, t1) = ctx.tok_range(hit.start, hit.end);
        if ctx.owner.get(t0).copied().flatten().is_some() {
            continue;
        }
        triggers.push((t0, t1, action, form));
    }
    let mut out = Vec::new();
    for (k, &(t0, t1, action, form)) in triggers.iter().enumerate() {
        // a noun that is the object of another trigger ("settle an investigation", "pay a
        // fine ... to settle") belongs to that trigger's event
        let absorbed = triggers[..k].iter().any(|&(_, p1, _, pf)| {
            pf != Form::Noun && p1 <= t0 && t0 - p1 <= 2 && form == Form::Noun
        });
        if absorbed {
            continue;
        }
        if let Some(candidate) = analyze_trigger(&ctx, memory, t0, t1, action, form) {
            out.push(candidate);
        }
    }
    out
}

fn is_clause_boundary_left(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    !ctx.covered[t] && matches!(ctx.punct(t), Some(';' | ':' | '—' | '–' | '(' | ')'))
        || ctx.is(
            t,
            &[
                "but",
                "while",
                "whereas",
                "although",
                "though",
                "because",
                "after",
                "before",
                "as",
                "when",
                "since",
                "following",
                "amid",
                "meanwhile",
                "however",
            ],
        )
}

fn is_clause_boundary_right(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    !ctx.covered[t] && matches!(ctx.punct(t), Some(';' | ':' | '—' | '–' | '(' | ')'))
        || ctx.is(
            t,
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
                "which",
                "who",
                "following",
                "amid",
                "meanwhile",
                "however",
                "said",
                "says",
            ],
        )
}

fn modal_before(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> bool {
    let from = t0.saturating_sub(7).max(left);
    for t in (from..t0).rev() {
        if matches!(ctx.punct(t), Some(',' | ';' | ':' | '(' | '“' | '"')) {
            break;
        }
        if ctx.toks[t].kind == Kind::Neg || ctx.is(t, lexicon::MODAL_BEFORE) {
            return true;
        }
    }
    false
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

fn voice(ctx: &Ctx<'_, '_>, left: usize, t0: usize, t1: usize, form: Form) -> Voice {
    let prev = skip_adverbs_back(ctx, t0).filter(|&p| p >= left);
    let next_is_by = ctx.is(t1, &["by"]);
    let verbish = |ctx: &Ctx<'_, '_>| {
        // "was investigating" is a progressive, not a passive
        let progressive = ctx.word(t1 - 1).to_ascii_lowercase().ends_with("ing");
        let be = !progressive && prev.is_some_and(|p| ctx.is(p, lexicon::BE_FORMS));
        if be || next_is_by {
            return Voice::Passive;
        }
        // a reduced passive ("Monsanto fined $1.5m", "companies fined by"): a participle right
        // after a non-authority subject, with no authority before it in the clause
        let word = ctx.word(t1 - 1);
        let participle = word.ends_with("ed") || word.ends_with("en");
        if participle && ctx.s.headline {
            let subject = prev.and_then(|p| ctx.owner[p]).map(|m| &ctx.mentions[m]);
            let authority_left = ctx
                .mentions
                .iter()
                .any(|m| m.role == Role::Authority && !m.modifier && m.t1 <= t0 && m.t0 >= left);
            if subject.is_some_and(|m| m.role != Role::Authority) && !authority_left {
                let object_follows = ctx.owner.get(t1).copied().flatten().is_some();
                if !object_follows {
                    return Voice::Passive;
                }
            }
        }
        Voice::Active
    };
    match form {
        Form::Verb => verbish(ctx),
        Form::Intransitive => Voice::Intransitive,
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
            if subject_before
                || ctx.is(p, &["to"]) && !ctx.is(p.saturating_sub(1), &["due", "subject", "liable"])
            {
                verbish(ctx)
            } else {
                Voice::Noun
            }
        }
    }
}

/// Mentions to the right, as an object: a list of names, maybe after "12 companies, including".
fn object_list(
    ctx: &Ctx<'_, '_>,
    from: usize,
    right: usize,
    max_gap: usize,
) -> (Vec<usize>, Option<u32>) {
    let mut targets = Vec::new();
    let mut count = None;
    let mut gap = 0;
    let mut t = from;
    while t < right {
        if let Some(m) = ctx.owner[t] {
            let mention = &ctx.mentions[m];
            if !mention.modifier && !targets.contains(&m) {
                targets.push(m);
            }
            t = mention.t1.max(t + 1);
            gap = 0;
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
            t += 1;
            continue;
        }
        if matches!(
            tok.kind,
            Kind::Punct(',' | '$' | '€' | '£' | '“' | '”' | '"' | '\'' | '‘' | '’')
        ) || ctx.covered[t]
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

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

fn number_word(w: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 2)
}

/// The subject of the clause that ends at `t0`: the first non-modifier mention in the clause,
/// with the mentions listed after it; for "X, which was fined", the antecedent X.
fn subject(
    ctx: &Ctx<'_, '_>,
    left: usize,
    t0: usize,
    want: impl Fn(&Mention) -> bool,
) -> Vec<usize> {
    // relative pronoun just before the verb group
    let mut p = t0;
    while p > left {
        p -= 1;
        if ctx.is(p, lexicon::BE_FORMS)
            || ctx.is(p, lexicon::ADVERBS)
            || ctx.is(p, &["has", "have", "had"])
        {
            continue;
        }
        break;
    }
    let relative = p >= left && ctx.is(p, &["which", "who", "that"]);
    let candidates: Vec<usize> = (0..ctx.mentions.len())
        .filter(|&m| {
            let mention = &ctx.mentions[m];
            !mention.modifier && mention.t0 >= left && mention.t1 <= t0 && want(mention)
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut sorted = candidates.clone();
    sorted.sort_by_key(|&m| ctx.mentions[m].t0);
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
        let mut list = vec![last];
        chain_back(ctx, &before, &mut list);
        return list;
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
            &["at", "of", "from", "for", "in", "with", "by"],
        );
    if words_before > 5 || in_phrase {
        return Vec::new();
    }
    let mut list = vec![first];
    let mut end = ctx.mentions[first].t1;
    for &m in &sorted[1..] {
        let gap_ok = (end..ctx.mentions[m].t0)
            .all(|t| matches!(ctx.punct(t), Some(',' | '&')) || ctx.is(t, &["and", "or", "both"]));
        if gap_ok {
            list.push(m);
            end = ctx.mentions[m].t1;
        } else {
            break;
        }
    }
    list
}

fn chain_back(ctx: &Ctx<'_, '_>, sorted: &[usize], list: &mut Vec<usize>) {
    let mut start = ctx.mentions[list[0]].t0;
    for &m in sorted.iter().rev().skip(1) {
        let gap_ok = (ctx.mentions[m].t1..start)
            .all(|t| matches!(ctx.punct(t), Some(',' | '&')) || ctx.is(t, &["and", "or"]));
        if gap_ok && ctx.mentions[m].t1 <= start {
            list.insert(0, m);
            start = ctx.mentions[m].t0;
        } else {
            break;
        }
    }
}

/// "It agreed to pay", "It is paying ... to settle": a pronoun opening the clause is the latest
/// company of the document.
fn pronoun_subject(ctx: &Ctx<'_, '_>, memory: &Memory, left: usize, t0: usize) -> Option<Mention> {
    let first =
        (left..t0).find(|&t| !matches!(ctx.toks[t].kind, Kind::Punct(_)) && !ctx.covered[t])?;
    if !ctx.is(first, &["it", "they"]) {
        return None;
    }
    let mut m = memory.last_company.clone()?;
    m.coref = true;
    Some(m)
}

fn nearest_authority_left(ctx: &Ctx<'_, '_>, left: usize, t0: usize) -> Option<usize> {
    (0..ctx.mentions.len())
        .filter(|&m| {
            let mention = &ctx.mentions[m];
            mention.role == Role::Authority && mention.t1 <= t0 && mention.t0 >= left
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

/// An authority referred to by a pronoun or a common noun ("it", "the regulator").
fn authority_reference(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    left: usize,
    t0: usize,
) -> Option<Mention> {
    let from = t0.saturating_sub(6).max(left);
    let referring =
        (from..t0).any(|t| ctx.owner[t].is_none() && ctx.is(t, lexicon::COREF_AUTHORITY));
    if !referring {
        return None;
    }
    let mut m = memory.last_authority.clone()?;
    m.coref = true;
    Some(m)
}

fn analyze_trigger(
    ctx: &Ctx<'_, '_>,
    memory: &Memory,
    t0: usize,
    t1: usize,
    action: ActionKind,
    form: Form,
) -> Option<Candidate> {
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
    if modal_before(ctx, left, t0) || (t1 < n && ctx.is(t1, lexicon::MODAL_AFTER)) {
        return None;
    }
    let voice = voice(ctx, left, t0, t1, form);
    let mut flags = Vec::new();
    let mut actor: Option<Mention> = None;
    let mut targets: Vec<usize> = Vec::new();
    let mut count = None;
    let mut confidence: f64 = 0.8;
    let mut extra_target: Option<Mention> = None;
    let not_authority = |m: &Mention| m.role != Role::Authority;
    match voice {
        Voice::Active => {
            let subject_mentions = subject(ctx, left, t0, |_| true);
            let nearest_auth = nearest_authority_left(ctx, left, t0);
            match nearest_auth {
                Some(a) => actor = Some(ctx.mentions[a].clone()),
                None => {
                    // a company doing it is not enforcement, unless it refers to an authority
                    if subject_mentions
                        .iter()
                        .any(|&m| ctx.mentions[m].role != Role::Authority)
                    {
                        return None;
                    }
                    actor = authority_reference(ctx, memory, left, t0);
                    if actor.is_some() {
                        flags.push("actor_coreference".to_string());
                    }
                }
            }
            let (list, c) = object_list(ctx, t1, right, 4);
            targets = list;
            count = c;
            confidence = 0.9;
        }
        Voice::Passive => {
            targets = subject(ctx, left, t0, not_authority);
            // the agent: "by X", or an authority elsewhere in the clause
            let agent_right = right.min(clause_end_for_agent(ctx, t1));
            // "sued by Lockheed Martin": a company's action is not enforcement
            let by_company = ctx.is(t1, &["by"])
                && ctx
                    .owner
                    .get(t1 + 1)
                    .copied()
                    .flatten()
                    .or_else(|| ctx.owner.get(t1 + 2).copied().flatten())
                    .is_some_and(|m| ctx.mentions[m].role != Role::Authority);
            if by_company {
                return None;
            }
            actor = authority_right(ctx, t1, agent_right).map(|m| ctx.mentions[m].clone());
            if actor.is_none() {
                actor = nearest_authority_left(ctx, left, t0)
                    .filter(|&a| !targets.contains(&a))
                    .map(|a| ctx.mentions[a].clone());
            }
            if actor.is_none() {
                actor = by_reference(ctx, memory, t1, agent_right);
            }
            confidence = 0.85;
        }
        Voice::Noun => {
            // "investigation into Y", "suspension of the $37bn Y IPO", "fine on Y"
            let mut t = t1;
            let limit = (t1 + 4).min(n);
            // a preposition inside a name ("Department of Justice") does not count, and an
            // agent phrase ("from the SEC", "by X") ends the search
            let is_prep =
                |t: usize| ctx.owner[t].is_none() && ctx.is(t, lexicon::NOUN_TARGET_PREPS);
            while t < limit && !is_prep(t) {
                if matches!(ctx.punct(t), Some(',' | ';' | '.')) || ctx.is(t, &["from", "by"]) {
                    t = limit;
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
            if targets.is_empty() {
                // "... was imposed on Y"
                let mut words = 0;
                for h in t1..right {
                    if ctx.is(h, lexicon::HANDED_TO)
                        && (ctx.is(h + 1, &["on", "upon", "to", "against"]))
                    {
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
            if let Some(m) = possessor {
                let mention = &ctx.mentions[m];
                if mention.role == Role::Authority {
                    actor = Some(mention.clone());
                } else if targets.is_empty() && !mention.modifier {
                    targets.push(m);
                }
            }
            if actor.is_none() {
                let agent_right = right.min(clause_end_for_agent(ctx, t1));
                let by = (t1..agent_right).find(|&t| ctx.is(t, &["by", "from"]));
                actor = by
                    .and_then(|b| authority_right(ctx, b + 1, agent_right))
                    .or_else(|| nearest_authority_left(ctx, left, t0))
                    .map(|m| ctx.mentions[m].clone())
                    .or_else(|| by_reference(ctx, memory, t1, agent_right));
            }
            if targets.is_empty() {
                // "Y agreed to pay a fine", "Y was hit with a probe"
                let subject_mentions = subject(ctx, left, t0, not_authority);
                let from = subject_mentions.last().map_or(t0, |&m| ctx.mentions[m].t1);
                // the cue must be close to the noun: at most four words before it
                let mut words = 0;
                let mut received = false;
                for t in (from..t0).rev() {
                    if ctx.covered[t] || matches!(ctx.toks[t].kind, Kind::Punct(_) | Kind::Num) {
                        continue;
                    }
                    if ctx.is(t, lexicon::RECEIVE_CUES) {
                        received = true;
                        break;
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
                if received {
                    targets = subject_mentions;
                    confidence = 0.75;
                    if targets.is_empty() {
                        extra_target = pronoun_subject(ctx, memory, left, t0);
                    }
                }
            } else {
                confidence = 0.85;
            }
        }
        Voice::Intransitive => {
            targets = subject(ctx, left, t0, not_authority);
            if targets.is_empty() {
                extra_target = pronoun_subject(ctx, memory, left, t0);
            }
            // "settled with the SEC", "paying $500,000 to the SEC to settle"
            let with = (t1..right).find(|&t| ctx.is(t, &["with"]));
            actor = with
                .and_then(|w| authority_right(ctx, w + 1, right))
                .or_else(|| nearest_authority_left(ctx, left, t0).filter(|a| !targets.contains(a)))
                .map(|m| ctx.mentions[m].clone());
            confidence = 0.8;
        }
    }
    let mut target_mentions: Vec<Mention> =
        targets.iter().map(|&m| ctx.mentions[m].clone()).collect();
    target_mentions.extend(extra_target);
    if let Some(a) = &actor {
        target_mentions.retain(|t| t.key != a.key);
    }
    // authorities are acted upon only by courts and orders ("the court ruled against the FTC")
    if !matches!(action, ActionKind::Ruling | ActionKind::Order) {
        target_mentions.retain(|t| t.role != Role::Authority);
    }
    target_mentions.dedup_by(|a, b| a.key == b.key);
    if target_mentions.iter().any(|m| m.coref) {
        flags.push("target_coreference".to_string());
        confidence -= 0.1;
    }
    if ctx.s.headline {
        flags.push("headline".to_string());
    }
    let date = nearest_date(ctx, memory, t0);
    let amount = pick_amount(ctx, action, t0, &target_mentions);
    Some(Candidate {
        action,
        actor,
        targets: target_mentions,
        target_count: count,
        date,
        amount,
        span: ctx.s.span,
        confidence: confidence.clamp(0.05, 1.0),
        flags,
    })
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
                    "amid",
                ],
            ) || matches!(ctx.punct(t), Some(';'))
        })
        .unwrap_or(ctx.toks.len())
}

/// The object of a trigger noun's preposition: the first mention within `max_skip` tokens
/// (skipping determiners, adjectives, amounts and "the listing of"), with its list.
fn noun_object(ctx: &Ctx<'_, '_>, from: usize, max_skip: usize) -> (Vec<usize>, Option<u32>) {
    let n = ctx.toks.len();
    let mut t = from;
    let mut skipped = 0;
    let mut count = None;
    while t < n && skipped <= max_skip {
        if let Some(m) = ctx.owner[t] {
            if ctx.mentions[m].modifier {
                t = ctx.mentions[m].t1.max(t + 1);
                continue;
            }
            let right = (t..n)
                .find(|&r| {
                    is_clause_boundary_right(ctx, r)
                        || ctx.is(r, lexicon::CLAUSE_STOPS) && !ctx.is(r, &["of"])
                })
                .unwrap_or(n);
            let (list, c) = object_list(ctx, t, right, 0);
            return (list, count.or(c));
        }
        let tok = ctx.toks[t];
        if tok.kind == Kind::Num && ctx.is(t + 1, lexicon::GROUP_NOUNS) {
            count = ctx.word(t).replace(',', "").parse::<u32>().ok();
        }
        let after_product =
            t > 0 && ctx.is(t - 1, lexicon::PRODUCT_NOUNS) && ctx.punct(t) == Some(',');
        let skippable = ctx.covered[t]
            || after_product
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

fn nearest_date(ctx: &Ctx<'_, '_>, memory: &Memory, t0: usize) -> Option<DateValue> {
    let trigger_byte = ctx.toks.get(t0).map_or(0, |t| t.start);
    let best = ctx.s.times.iter().min_by_key(|e| {
        if e.end <= trigger_byte {
            trigger_byte - e.end
        } else {
            e.start.saturating_sub(trigger_byte)
        }
    })?;
    let text = &ctx.s.text[best.start..best.end];
    Some(date_value(best.kind, text, memory.anchor))
}

fn money_role(ctx: &Ctx<'_, '_>, expr: &MoneyExpr) -> AmountRole {
    let t0 = ctx.tok_index(expr.start);
    let t1 = ctx.toks.partition_point(|t| t.start < expr.end);
    let before = (t0.saturating_sub(4)..t0).any(|t| ctx.is(t, lexicon::PENALTY_CUES));
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

fn pick_amount(
    ctx: &Ctx<'_, '_>,
    action: ActionKind,
    t0: usize,
    targets: &[Mention],
) -> Option<(String, AmountRole)> {
    if ctx.s.money.is_empty() {
        return None;
    }
    let trigger_byte = ctx.toks.get(t0).map_or(0, |t| t.start);
    let distance = |m: &MoneyExpr| {
        if m.end <= trigger_byte {
            trigger_byte - m.end
        } else {
            m.start - trigger_byte
        }
    };
    let roles: Vec<(usize, AmountRole)> = ctx
        .s
        .money
        .iter()
        .enumerate()
        .map(|(i, m)| (i, money_role(ctx, m)))
        .collect();
    let penalty_action = matches!(action, ActionKind::Fine | ActionKind::Settlement);
    let chosen = if penalty_action {
        roles
            .iter()
            .filter(|(_, r)| *r == AmountRole::Penalty)
            .min_by_key(|(i, _)| distance(&ctx.s.money[*i]))
            .or_else(|| {
                roles
                    .iter()
                    .filter(|(i, r)| *r == AmountRole::Other && distance(&ctx.s.money[*i]) < 60)
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
    }?;
    let m = &ctx.s.money[chosen.0];
    Some((ctx.s.text[m.start..m.end].to_string(), chosen.1))
}
