//! Chinese-language extraction: regulator notices such as administrative penalty decisions
//! (行政处罚决定书) and summons notices (约谈).
//!
//! Rule-based and driven by the data tables below plus the catalogue's `native` names; no code
//! knows a particular company. The stages (see `docs/extractor.md`, "Chinese notices"):
//!
//! 1. sentences are split on `。！？；` and line breaks (byte spans into the body);
//! 2. catalogue native names are found with one leftmost-longest Aho-Corasick pass; unknown
//!    organisations are read backwards from a legal-form suffix (有限公司, 集团, ...);
//! 3. every sentence with a trigger word (罚款, 约谈, ...) outside 《book titles》 and not
//!    negated (不予, 免予, ...) gives a candidate: its authority is the first authority named
//!    before the trigger, else the issuer of the notice; its targets are the companies of the
//!    sentence, else (for the title, or a sentence naming 当事人 / 该公司) the notice's party;
//! 4. a fine takes the penalty amount of its sentence (after 计/共计/合计, else attached to 罚款);
//! 5. the date is the full date of the sentence, else the last full date of the notice (the
//!    signature of a decision), else the body's `published` date;
//! 6. candidates with the same action that share a target are merged, so that a document gives
//!    one event per (action, target).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use docket_core::{ActionKind, AmountRole, DateValue, PartialDate, RawActor, RawEvent, TextBody};
use docket_normalize::date::{parse_date, DateHints};
use docket_normalize::name::is_cjk;
use docket_normalize::Resolver;
use regex::Regex;

use crate::{ExtractError, Extraction};

/// Trigger words and the action they report. Longest match wins (行政处罚 before 处罚-free
/// words). 没收 (confiscation of illegal gains) is folded into a fine of the same target when the
/// document has one (it is part of the same decision), otherwise it is reported as `other`.
const TRIGGERS: &[(&str, ActionKind)] = &[
    ("行政处罚", ActionKind::Fine),
    ("罚款", ActionKind::Fine),
    ("约谈", ActionKind::Summons),
    ("立案调查", ActionKind::Investigation),
    ("立案审查", ActionKind::Investigation),
    ("责令整改", ActionKind::Order),
    ("责令改正", ActionKind::Order),
    ("责令", ActionKind::Order),
    ("限期整改", ActionKind::Order),
    ("下架", ActionKind::Removal),
    ("暂停", ActionKind::Suspension),
    ("警告", ActionKind::Warning),
    ("通报批评", ActionKind::Censure),
    ("没收", ActionKind::Other),
];

/// Words right before a trigger that negate it ("不予行政处罚").
const NEGATIONS: &[&str] = &["不予", "免予", "免于", "未予", "不", "未", "拟"];

/// Legal-form suffixes that end an organisation's name, longest first.
const ORG_SUFFIXES: &[&str] = &["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"];

/// Words and characters that end a name when reading backwards from its suffix: verbs,
/// prepositions and conjunctions that precede a name in a notice.
const NAME_STOPS: &[&str] = &[
    "依法",
    "约谈",
    "责令",
    "给予",
    "处以",
    "当事人",
    "要求",
    "督促",
    "指导",
    "包括",
    "其中",
    "对",
    "向",
    "与",
    "及",
    "和",
    "被",
    "将",
    "由",
    "在",
    "了",
    "的",
    "等",
    "是",
    "为",
    "即",
];

/// Words that make a generic reference, not a name, when they are all that precedes a suffix.
const GENERIC_PREFIXES: &[&str] = &[
    "该",
    "本",
    "子",
    "母",
    "分",
    "其",
    "各",
    "上述",
    "相关",
    "涉事",
    "有关",
    "这些",
    "此类",
    "平台",
    "互联网",
    "科技",
    "控股",
    "多家",
    "部分",
    "境内",
    "境外",
];

/// How the notice refers back to its own issuer.
const SELF_REFERENCES: &[&str] = &["本局", "我局", "本机关", "本委", "我委", "本办", "我办"];

/// Words that point at the notice's party (a penalty decision calls it 当事人).
const PARTY_REFERENCES: &[&str] = &["当事人", "该公司", "该企业", "该集团", "该平台"];

/// Words before the total of a computed penalty ("...4%的罚款，计182.28亿元").
const TOTAL_MARKERS: &[&str] = &["共计", "合计", "总计", "计"];

/// Words before an amount that is a base of computation or another sum, not the penalty.
const BASE_WORDS: &[&str] = &["销售额", "营业额", "营业收入", "收入", "违法所得", "货值"];

/// Sentences at the start of a notice that name its issuer and party.
const LEAD_SENTENCES: usize = 3;

/// Longest name read backwards from a suffix, in characters.
const MAX_NAME_CHARS: usize = 30;

/// The Chinese extractor's compiled tables.
#[derive(Debug)]
pub(crate) struct ZhExtractor {
    /// Every catalogue native name.
    names: AhoCorasick,
    /// Catalogue index of each native-name pattern.
    name_actor: Vec<usize>,
    triggers: AhoCorasick,
    suffixes: AhoCorasick,
    money: Regex,
    date: Regex,
    reference: Regex,
}

/// Whether a body should be read as Chinese: its `lang` (front matter or source) when given,
/// else more than 30% CJK characters among its letters.
pub(crate) fn is_chinese(body: &TextBody) -> bool {
    if let Some(lang) = body.lang.as_deref() {
        let lang = lang.trim().to_ascii_lowercase();
        if !lang.is_empty() {
            return lang == "zh" || lang.starts_with("zh-") || lang.starts_with("zh_");
        }
    }
    let (mut letters, mut cjk) = (0usize, 0usize);
    for c in body.text.chars() {
        if is_cjk(c) {
            // kana is Japanese, not Chinese
            if !matches!(c as u32, 0x3040..=0x30FF) {
                cjk += 1;
            }
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0 && cjk * 10 > letters * 3
}

#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// Catalogue index, or `None` for an unknown organisation.
    actor: Option<usize>,
    authority: bool,
}

/// Where a candidate's date came from; a higher rank wins when candidates merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum DateSource {
    Published,
    Document,
    Sentence,
}

#[derive(Debug, Clone)]
struct Candidate {
    action: ActionKind,
    span: (usize, usize),
    actor: Option<RawActor>,
    targets: Vec<RawActor>,
    amount: Option<String>,
    date: Option<(DateValue, DateSource)>,
    confidence: f64,
}

impl ZhExtractor {
    /// Compiles the native names of the resolver's catalogue and the trigger tables.
    pub(crate) fn new(resolver: &Resolver) -> Result<Self, ExtractError> {
        let mut patterns: Vec<&str> = Vec::new();
        let mut name_actor = Vec::new();
        for (index, actor) in resolver.catalogue().actors.iter().enumerate() {
            for native in &actor.native {
                if native.chars().any(is_cjk) {
                    patterns.push(native.as_str());
                    name_actor.push(index);
                }
            }
        }
        let build = |patterns: &[&str]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns)
                .map_err(|e| ExtractError::Pattern(e.to_string()))
        };
        let regex =
            |pattern: &str| Regex::new(pattern).map_err(|e| ExtractError::Pattern(e.to_string()));
        let triggers: Vec<&str> = TRIGGERS.iter().map(|(w, _)| *w).collect();
        Ok(ZhExtractor {
            names: build(&patterns)?,
            name_actor,
            triggers: build(&triggers)?,
            suffixes: build(ORG_SUFFIXES)?,
            money: regex(
                r"(?:人民币)?\s*[0-9０-９][0-9０-９,，.．]*\s*(?:万亿|亿|万|千)?\s*(?:元|人民币)",
            )?,
            date: regex(r"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日")?,
            reference: regex(r"\p{Han}{1,10}[〔\[［(（][0-9]{4}[〕\]］)）]\s*[0-9]+\s*号")?,
        })
    }

    /// Extracts the events of a Chinese notice.
    pub(crate) fn extract(
        &self,
        resolver: &Resolver,
        body: &TextBody,
        reference_date: Option<PartialDate>,
    ) -> Extraction {
        let text = body.text.as_str();
        let sentences = split(text);
        let catalogue = resolver.catalogue();
        let mut mentions: Vec<Mention> = self
            .names
            .find_iter(text)
            .filter_map(|m| {
                let index = *self.name_actor.get(m.pattern().as_usize())?;
                let actor = catalogue.actors.get(index)?;
                Some(Mention {
                    start: m.start(),
                    end: m.end(),
                    actor: Some(index),
                    authority: actor.kind.is_authority(),
                })
            })
            .collect();
        let unknown = self.unknown_organisations(text, &mentions);
        mentions.extend(unknown);
        mentions.sort_by_key(|m| (m.start, m.end));

        let raw = |m: &Mention| -> RawActor {
            match m.actor.and_then(|i| catalogue.actors.get(i)) {
                Some(actor) => RawActor {
                    name: actor.name.clone(),
                    id_hint: Some(actor.id.clone()),
                    parent_hint: None,
                    kind_hint: None,
                },
                None => RawActor::named(text.get(m.start..m.end).unwrap_or_default()),
            }
        };
        let in_span =
            |(s, e): (usize, usize)| mentions.iter().filter(move |m| m.start >= s && m.end <= e);

        // the issuer: an authority in the title, else in the lead, else the first one
        let issuer = body
            .title
            .as_deref()
            .and_then(|title| {
                self.names.find_iter(title).find_map(|m| {
                    let index = *self.name_actor.get(m.pattern().as_usize())?;
                    let actor = catalogue.actors.get(index)?;
                    actor.kind.is_authority().then(|| RawActor {
                        name: actor.name.clone(),
                        id_hint: Some(actor.id.clone()),
                        parent_hint: None,
                        kind_hint: None,
                    })
                })
            })
            .or_else(|| {
                let lead_end = sentences
                    .get(LEAD_SENTENCES.min(sentences.len()).saturating_sub(1))
                    .map_or(0, |s| s.1);
                in_span((0, lead_end)).find(|m| m.authority).map(raw)
            })
            .or_else(|| mentions.iter().find(|m| m.authority).map(raw));

        // the party: a company in the lead or in a sentence naming 当事人, else the first one
        let party = sentences
            .iter()
            .enumerate()
            .filter(|(n, &(s, e))| {
                *n < LEAD_SENTENCES || text.get(s..e).is_some_and(|t| t.contains("当事人"))
            })
            .find_map(|(_, &span)| in_span(span).find(|m| !m.authority))
            .or_else(|| mentions.iter().find(|m| !m.authority))
            .map(raw);

        let document_date = self
            .date
            .find_iter(text)
            .filter_map(|m| read_date(m.as_str()))
            .last();
        let published = body
            .published
            .as_deref()
            .and_then(|p| parse_date(p, &DateHints::default()).ok().flatten())
            .map(|d| DateValue::resolved(d, body.published.clone().unwrap_or_default()))
            .or_else(|| reference_date.map(|d| DateValue::resolved(d, d.to_string())));
        let reference = self
            .reference
            .find(text)
            .map(|m| m.as_str().split_whitespace().collect::<String>());

        let mut candidates: Vec<Candidate> = Vec::new();
        for (number, &(start, end)) in sentences.iter().enumerate() {
            let Some(sentence) = text.get(start..end) else {
                continue;
            };
            let mut seen: Vec<ActionKind> = Vec::new();
            for m in self.triggers.find_iter(sentence) {
                let Some(&(_, action)) = TRIGGERS.get(m.pattern().as_usize()) else {
                    continue;
                };
                if seen.contains(&action)
                    || in_book_title(sentence, m.start())
                    || negated(sentence, m.start())
                {
                    continue;
                }
                seen.push(action);
                let trigger_at = start + m.start();
                let actor = in_span((start, trigger_at))
                    .find(|m| m.authority)
                    .map(raw)
                    .or_else(|| issuer.clone());
                let mut targets: Vec<RawActor> = Vec::new();
                for mention in in_span((start, end)).filter(|m| !m.authority) {
                    let t = raw(mention);
                    if !targets.iter().any(|x| same_actor(x, &t)) {
                        targets.push(t);
                    }
                }
                let mut confidence = 0.8;
                if targets.is_empty() {
                    let refers =
                        number == 0 || PARTY_REFERENCES.iter().any(|w| sentence.contains(w));
                    match (&party, refers) {
                        (Some(p), true) => {
                            targets.push(p.clone());
                            confidence = 0.7;
                        }
                        _ => continue,
                    }
                }
                if SELF_REFERENCES.iter().any(|w| sentence.contains(w))
                    && !in_span((start, trigger_at)).any(|m| m.authority)
                {
                    // 本局 refers back to the issuer
                    confidence += 0.05;
                }
                let amount = if action == ActionKind::Fine {
                    self.penalty(sentence)
                } else {
                    None
                };
                let date = self
                    .date
                    .find_iter(sentence)
                    .find_map(|m| read_date(m.as_str()))
                    .map(|d| (d, DateSource::Sentence))
                    .or_else(|| document_date.clone().map(|d| (d, DateSource::Document)))
                    .or_else(|| published.clone().map(|d| (d, DateSource::Published)));
                candidates.push(Candidate {
                    action,
                    span: (start, end),
                    actor,
                    targets,
                    amount,
                    date,
                    confidence,
                });
            }
        }

        let events = merge(candidates)
            .into_iter()
            .map(|c| {
                let reference = (c.action == ActionKind::Fine)
                    .then(|| reference.clone())
                    .flatten();
                to_raw(c, body, reference)
            })
            .collect();
        Extraction {
            events,
            sentences: sentences.len(),
            unattributed: Vec::new(),
        }
    }

    /// Organisations the catalogue does not know, read backwards from a legal-form suffix.
    fn unknown_organisations(&self, text: &str, known: &[Mention]) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        for m in self.suffixes.find_iter(text) {
            // "XX集团有限公司": the later suffix makes the longer name
            if let Some(rest) = text.get(m.end()..) {
                if ORG_SUFFIXES.iter().any(|s| rest.starts_with(s)) {
                    continue;
                }
            }
            let mut begin = m.start();
            let mut chars = 0;
            while let Some(before) = text.get(..begin) {
                let Some(c) = before.chars().next_back() else {
                    break;
                };
                if chars >= MAX_NAME_CHARS
                    || NAME_STOPS.iter().any(|w| before.ends_with(w))
                    || !(is_cjk(c) || c.is_alphanumeric() || matches!(c, '（' | '）' | '(' | ')'))
                {
                    break;
                }
                begin -= c.len_utf8();
                chars += 1;
            }
            // a leading bracket belongs to the text before the name
            while let Some(c) = text
                .get(begin..m.start())
                .and_then(|t| t.chars().next())
                .filter(|c| matches!(c, '（' | '）' | '(' | ')'))
            {
                begin += c.len_utf8();
            }
            let Some(prefix) = text.get(begin..m.start()) else {
                continue;
            };
            let generic = prefix.chars().count() < 2
                || GENERIC_PREFIXES.contains(&prefix)
                || prefix.ends_with('家')
                || prefix.chars().all(|c| c.is_ascii_digit());
            let covered = known.iter().any(|k| k.start < m.end() && begin < k.end);
            if generic || covered {
                continue;
            }
            found.push(Mention {
                start: begin,
                end: m.end(),
                actor: None,
                authority: false,
            });
        }
        found
    }

    /// The penalty of a fine sentence: the amount after 计/共计/合计 when present, else the
    /// amount attached to 罚款 ("罚款50万元", "处以50万元罚款"), else a lone amount that is not
    /// a base of computation (销售额...) or followed by a percentage.
    fn penalty(&self, sentence: &str) -> Option<String> {
        let amounts: Vec<regex::Match<'_>> = self.money.find_iter(sentence).collect();
        let before = |m: &regex::Match<'_>| sentence.get(..m.start()).unwrap_or_default();
        let after = |m: &regex::Match<'_>| sentence.get(m.end()..).unwrap_or_default();
        let clean = |m: &regex::Match<'_>| m.as_str().trim().to_string();
        if let Some(m) = amounts.iter().rev().find(|m| {
            let b = before(m).trim_end();
            TOTAL_MARKERS.iter().any(|w| b.ends_with(w))
        }) {
            return Some(clean(m));
        }
        if let Some(m) = amounts.iter().find(|m| {
            let b = before(m).trim_end().trim_end_matches(['：', ':']);
            let a = after(m).trim_start();
            b.ends_with("罚款")
                || a.starts_with("罚款")
                || a.starts_with("的罚款")
                || b.ends_with("罚款人民币")
        }) {
            return Some(clean(m));
        }
        let lone: Vec<&regex::Match<'_>> = amounts
            .iter()
            .filter(|m| {
                let b = before(m);
                let tail: String = b
                    .chars()
                    .rev()
                    .take(6)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let a = after(m).trim_start();
                let percentage = a
                    .char_indices()
                    .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
                    .is_some_and(|(i, c)| i > 0 && matches!(c, '%' | '％'));
                !percentage && !BASE_WORDS.iter().any(|w| tail.contains(w))
            })
            .collect();
        match lone.as_slice() {
            [only] => Some(clean(only)),
            _ => None,
        }
    }
}

/// Sentence spans: split on 。！？； (full and half width) and line breaks, trimmed of
/// whitespace, empty ones dropped.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, spans: &mut Vec<(usize, usize)>| {
        if let Some(slice) = text.get(s..e) {
            let lead = slice.len() - slice.trim_start().len();
            let trail = slice.len() - slice.trim_end().len();
            if lead + trail < slice.len() {
                spans.push((s + lead, e - trail));
            }
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '。' | '！' | '？' | '；' | '!' | '?' | ';' => {
                let end = i + c.len_utf8();
                push(start, end, &mut spans);
                start = end;
            }
            '\n' | '\r' => {
                push(start, i, &mut spans);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut spans);
    spans
}

/// Whether a byte position lies inside 《...》 (a law's or a document's title).
fn in_book_title(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or_default();
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

fn negated(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or_default();
    NEGATIONS.iter().any(|w| before.ends_with(w))
}

fn read_date(text: &str) -> Option<DateValue> {
    let compact: String = text.split_whitespace().collect();
    let value = parse_date(&compact, &DateHints::default()).ok().flatten()?;
    Some(DateValue::resolved(value, compact))
}

fn same_actor(a: &RawActor, b: &RawActor) -> bool {
    match (&a.id_hint, &b.id_hint) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.name == b.name,
        _ => false,
    }
}

/// Merges candidates with the same action that share a target (one event per action and
/// target), then folds a confiscation into a fine of the same target.
fn merge(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut merged: Vec<Candidate> = Vec::new();
    for c in candidates {
        let existing = merged.iter_mut().find(|m| {
            m.action == c.action
                && m.targets
                    .iter()
                    .any(|t| c.targets.iter().any(|u| same_actor(t, u)))
        });
        let Some(m) = existing else {
            merged.push(c);
            continue;
        };
        for t in c.targets {
            if !m.targets.iter().any(|x| same_actor(x, &t)) {
                m.targets.push(t);
            }
        }
        if m.amount.is_none() && c.amount.is_some() {
            // the sentence that states the penalty is the better evidence
            m.amount = c.amount;
            m.span = c.span;
            if m.actor.is_none() {
                m.actor = c.actor.clone();
            }
        }
        if m.actor.is_none() {
            m.actor = c.actor;
        }
        let rank = |d: &Option<(DateValue, DateSource)>| d.as_ref().map(|(_, s)| *s);
        if rank(&c.date) > rank(&m.date) {
            // a sentence that dates the action is better evidence than a headline
            if m.amount.is_none() {
                m.span = c.span;
            }
            m.date = c.date;
        }
        m.confidence = m.confidence.max(c.confidence);
    }
    let fines: Vec<Vec<RawActor>> = merged
        .iter()
        .filter(|c| c.action == ActionKind::Fine)
        .map(|c| c.targets.clone())
        .collect();
    merged.retain(|c| {
        c.action != ActionKind::Other
            || !fines
                .iter()
                .any(|f| f.iter().any(|t| c.targets.iter().any(|u| same_actor(t, u))))
    });
    merged
}

fn to_raw(c: Candidate, body: &TextBody, reference: Option<String>) -> RawEvent {
    let (start, end) = c.span;
    RawEvent {
        action: Some(c.action.as_str().to_string()),
        actor: c.actor,
        targets: c.targets,
        date_resolved: c.date.map(|(d, _)| d),
        amount_role: c.amount.as_ref().map(|_| AmountRole::Penalty),
        amount: c.amount,
        reference,
        span: Some([
            body.offset.saturating_add(start as u64),
            body.offset.saturating_add(end as u64),
        ]),
        quote: body.text.get(start..end).map(str::to_string),
        confidence: Some(c.confidence.min(1.0)),
        ..RawEvent::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str, lang: Option<&str>) -> TextBody {
        TextBody {
            text: text.to_string(),
            offset: 7,
            published: None,
            lang: lang.map(str::to_string),
            title: None,
            anchors: Vec::new(),
        }
    }

    #[test]
    fn language_from_lang_or_script() {
        assert!(is_chinese(&body("anything", Some("zh"))));
        assert!(is_chinese(&body("anything", Some("zh-CN"))));
        assert!(!is_chinese(&body("市场监管总局", Some("en"))));
        assert!(is_chinese(&body(
            "市场监管总局对阿里巴巴罚款 in 2021",
            None
        )));
        assert!(!is_chinese(&body(
            "The SAMR (市场监管总局) fined Alibaba.",
            None
        )));
        assert!(!is_chinese(&body("", None)));
    }

    #[test]
    fn sentences_split_on_chinese_punctuation() {
        let text = "第一句。第二句！\n第三句；  ";
        let spans = split(text);
        let parts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(parts, ["第一句。", "第二句！", "第三句；"]);
    }

    fn extractor() -> (ZhExtractor, Resolver) {
        let resolver = Resolver::with_built_in(None).unwrap_or_else(|e| panic!("{e}"));
        let zh = ZhExtractor::new(&resolver).unwrap_or_else(|e| panic!("{e}"));
        (zh, resolver)
    }

    #[test]
    fn penalty_is_the_total_not_the_sales_figure() {
        let (zh, _) = extractor();
        let s = "处以其2019年中国境内销售额4557.12亿元4%的罚款，计182.28亿元。";
        assert_eq!(zh.penalty(s).as_deref(), Some("182.28亿元"));
        assert_eq!(
            zh.penalty("对其罚款人民币50万元。").as_deref(),
            Some("人民币50万元")
        );
        assert_eq!(zh.penalty("处以50万元罚款。").as_deref(), Some("50万元"));
        assert_eq!(zh.penalty("处以上一年度销售额3%的罚款。"), None);
    }

    #[test]
    fn unknown_companies_stop_at_verbs() {
        let (zh, resolver) = extractor();
        let b = body(
            "某市市场监管局依法约谈杭州某某网络科技有限公司，责令其限期整改。",
            Some("zh"),
        );
        let out = zh.extract(&resolver, &b, None);
        let names: Vec<&str> = out
            .events
            .iter()
            .flat_map(|e| e.targets.iter().map(|t| t.name.as_str()))
            .collect();
        assert!(names.contains(&"杭州某某网络科技有限公司"), "{out:#?}");
        assert!(out
            .events
            .iter()
            .any(|e| e.action.as_deref() == Some("summons")));
    }

    #[test]
    fn negated_and_titled_triggers_are_skipped() {
        let (zh, resolver) = extractor();
        let b = body(
            "依据《中华人民共和国行政处罚法》，市场监管总局决定对腾讯不予行政处罚。",
            Some("zh"),
        );
        let out = zh.extract(&resolver, &b, None);
        assert!(out.events.is_empty(), "{out:#?}");
    }

    #[test]
    fn spans_stay_on_char_boundaries_for_mixed_text() {
        let (zh, resolver) = extractor();
        let samples = [
            "😀市场监管总局😀对😀阿里巴巴罚款😀50万元😀。",
            "SAMR 市场监管总局 fined Alibaba 罚款 ¥50万元 🚀；国家网信办约谈腾讯！",
            "公司公司有限公司集团。罚款计元；约谈",
            "。。；；\n\n罚款",
        ];
        for text in samples {
            let b = body(text, Some("zh"));
            for e in zh.extract(&resolver, &b, None).events {
                let [s, t] = e.span.unwrap_or_default();
                let (s, t) = ((s - 7) as usize, (t - 7) as usize);
                assert!(text.is_char_boundary(s) && text.is_char_boundary(t));
            }
        }
    }
}
