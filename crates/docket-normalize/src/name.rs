//! Name folding: the one function every name goes through before it is compared.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Legal-form suffixes, as folded token sequences, that do not distinguish two companies.
/// Longest first, so that "s a u" is stripped before "a u" could be considered.
const LEGAL_SUFFIXES: &[&[&str]] = &[
    &["sociedad", "anonima"],
    &["sociedad", "limitada"],
    &["societe", "anonyme"],
    &["co", "ltd"],
    &["company", "limited"],
    &["pvt", "ltd"],
    &["private", "limited"],
    &["s", "a", "u"],
    &["s", "l", "u"],
    &["s", "p", "a"],
    &["s", "r", "l"],
    &["s", "a", "s"],
    &["n", "v"],
    &["b", "v"],
    &["s", "a"],
    &["s", "l"],
    &["sau"],
    &["slu"],
    &["spa"],
    &["srl"],
    &["sarl"],
    &["sas"],
    &["sa"],
    &["sl"],
    &["nv"],
    &["bv"],
    &["ltd"],
    &["limited"],
    &["inc"],
    &["incorporated"],
    &["corp"],
    &["corporation"],
    &["co"],
    &["plc"],
    &["llc"],
    &["llp"],
    &["lp"],
    &["gmbh"],
    &["ag"],
    &["kg"],
    &["se"],
    &["oy"],
    &["oyj"],
    &["ab"],
    &["asa"],
    &["holding"],
    &["holdings"],
    &["有限公司"],
    &["股份有限公司"],
];

/// Folds a name for comparison: Unicode NFKC, lower case, accents removed, possessive `'s`
/// removed, `&` read as "and", every other non-alphanumeric character turned into a space,
/// white space collapsed, and a leading "the" dropped.
///
/// Folding is idempotent: `fold_name(&fold_name(x)) == fold_name(x)`.
pub fn fold_name(name: &str) -> String {
    if name.is_ascii() {
        // fast path: no normalization can change ASCII beyond lower-casing
        let bytes = name.as_bytes();
        return fold_tokens(bytes.len(), |i| bytes[i].to_ascii_lowercase() as char);
    }
    let mut decomposed = String::with_capacity(name.len());
    for c in name.nfkc().flat_map(char::to_lowercase).collect::<String>().nfd() {
        if !is_combining_mark(c) {
            decomposed.push(c);
        }
    }
    let chars: Vec<char> = decomposed.nfc().collect();
    fold_tokens(chars.len(), |i| chars[i])
}

/// The second stage of folding over already lower-cased characters: possessives, apostrophes,
/// `&`, punctuation to spaces, a leading "the".
fn fold_tokens(len: usize, char_at: impl Fn(usize) -> char) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    let mut i = 0;
    while i < len {
        let c = char_at(i);
        let is_apostrophe = matches!(c, '\'' | '’' | '`' | 'ʼ');
        if is_apostrophe {
            let next = (i + 1 < len).then(|| char_at(i + 1));
            let after = (i + 2 < len).then(|| char_at(i + 2));
            if next == Some('s') && after.is_none_or(|a| !a.is_alphanumeric()) {
                // possessive 's: drop both characters
                i += 2;
                continue;
            }
            // an apostrophe inside a word joins its halves: "o'neill" -> "oneill"
            i += 1;
            continue;
        }
        if c == '&' {
            push_word(&mut out, "and", &mut pending_space);
            pending_space = true;
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
        i += 1;
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

fn push_word(out: &mut String, word: &str, pending_space: &mut bool) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = false;
}

/// The folded name with trailing legal-form suffixes removed ("vodafone espana s a u" becomes
/// "vodafone espana"). A name that is only a suffix is kept as it is.
pub fn base_name(folded: &str) -> String {
    let mut tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    loop {
        let before = tokens.len();
        for suffix in LEGAL_SUFFIXES {
            if tokens.len() > suffix.len() && tokens.ends_with(suffix) {
                tokens.truncate(tokens.len() - suffix.len());
                break;
            }
        }
        if tokens.len() == before {
            break;
        }
    }
    tokens.join(" ")
}

/// A stable slug for an unresolved name: its base name with spaces as hyphens.
pub fn slug(name: &str) -> String {
    base_name(&fold_name(name)).replace(' ', "-")
}

/// The display form of a name: trimmed, inner white space collapsed, HTML entities that
/// scrapers leave behind (`&amp;`, `&#39;`, ...) decoded.
pub fn display_name(name: &str) -> String {
    let decoded = decode_entities(name);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the handful of HTML entities found in scraped tables. Unknown entities are kept.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let end = rest[..rest.len().min(10)].find(';');
        let decoded = end.and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse::<u32>().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_punctuation_and_articles() {
        assert_eq!(fold_name("XFERA MÓVILES SA"), "xfera moviles sa");
        assert_eq!(fold_name("Xfera Moviles S.A."), "xfera moviles s a");
        assert_eq!(fold_name("The Chinese market regulator"), "chinese market regulator");
        assert_eq!(fold_name("China’s  market regulator"), "china market regulator");
        assert_eq!(fold_name("AT&T Inc."), "at and t inc");
        assert_eq!(fold_name("  Agencia Española de Protección de Datos "), "agencia espanola de proteccion de datos");
        assert_eq!(fold_name("ＳＡＭＲ"), "samr");
    }

    #[test]
    fn strips_legal_suffixes() {
        assert_eq!(base_name(&fold_name("Xfera Moviles S.A.")), "xfera moviles");
        assert_eq!(base_name(&fold_name("XFERA MÓVILES SA")), "xfera moviles");
        assert_eq!(base_name(&fold_name("Vodafone España, S.A.U.")), "vodafone espana");
        assert_eq!(base_name(&fold_name("Baidu Inc")), "baidu");
        assert_eq!(base_name(&fold_name("Ltd")), "ltd");
        assert_eq!(slug("Tencent Holdings Ltd."), "tencent");
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(display_name("Ben &amp; Jerry&#39;s  Ltd"), "Ben & Jerry's Ltd");
        assert_eq!(display_name("a & b"), "a & b");
    }
}
