//! Names written as a list in one field: the defendants of a court case ("Westport Capital
//! Markets, LLC and Christopher E. McClure"), the parties of a decision.
//!
//! A plain separator cannot split such a field: the comma also stands before a legal form
//! ("Bryant Boys, LLC") or a generational suffix ("James Wallace Nall, III"), and the list ends
//! in "and". [`split_name_list`] reads the list the way it is written:
//!
//! * `;` separates names outright;
//! * `,` separates names, except before a legal form or a suffix such as `Jr.` or `III`, which
//!   stays with the name before it;
//! * in each piece the first `and` between two names separates them (`Longfin Corp. and
//!   Venkata S. Meenavalli`), as in a list of two; a name holding `and` itself (`Brown and
//!   Williamson`) is therefore split too: use a `target_separator` for such fields;
//! * brackets and quotes are dropped with their contents (nicknames and aliases: `Woojae
//!   ("Steve") Jung`, `William Neil "Doc" Gallagher`, `(a/k/a Christian Anthony, Johnathan
//!   Stewart, and Michael Barron)`), and so is another name after `aka`, `f/k/a`, `d/b/a`...
//!   (`Michael Alan Stollery aka Michael Stollaire`, `Curative Biosciences, Inc., f/k/a
//!   Healthient, Inc.`);
//! * `et al.` and the parties' roles (`Defendant`, `Relief Defendants`, `as Defendants`) are no
//!   names (`Bevil et al.` is Bevil).

use crate::name::is_legal_form;

/// Suffixes after a name and a comma that the legal forms of [`is_legal_form`] do not cover:
/// a person's ("James Wallace Nall, III") or a professional firm's ("Law Offices of Jean D.
/// Chen, A Professional Corporation").
const OTHER_SUFFIXES: &[&str] = &[
    "jr",
    "jr.",
    "sr",
    "sr.",
    "ii",
    "iii",
    "iv",
    "v",
    "esq",
    "esq.",
    "phd",
    "ph.d.",
    "md",
    "m.d.",
    "cpa",
    "l.p.",
    "p.c.",
    "pc",
    "p.a.",
    "lc",
    "l.c.",
    "pllc",
    "a professional corporation",
    "a professional law corporation",
];

/// Markers of another name for the same party ("Ishmail Calvin Ross, aka Calvin Ross",
/// "Curative Biosciences, Inc., f/k/a Healthient, Inc."): the alias is no second party.
const ALIAS_MARKERS: &[&str] = &[
    "aka", "a/k/a", "a.k.a.", "a.k.a", "fka", "f/k/a", "f.k.a.", "nka", "n/k/a", "dba", "d/b/a",
    "d.b.a.", "formerly",
];

/// The same markers written out ("Fotios Geivelis, Jr., also known as Frank Anastasio", "Hold
/// Brothers On-Line Investment Services, LLC, now known as Tafferer Trading, LLC"), in lower
/// case as written.
const ALIAS_PHRASES: &[&str] = &[
    "also known as",
    "now known as",
    "formerly known as",
    "doing business as",
];

/// Role words of court parties; a piece made of them (after "as") names nobody.
const ROLE_WORDS: &[&str] = &[
    "defendant",
    "defendants",
    "relief",
    "respondent",
    "respondents",
    "plaintiff",
    "plaintiffs",
    "nominal",
    "et",
    "et.",
    "al",
    "al.",
    "others",
    "civil",
    "docket",
];

/// Splits a field holding a written list of names into the names, in order, without
/// duplicates. Returns the field as one name when it holds no list.
pub fn split_name_list(text: &str) -> Vec<String> {
    let plain = without_brackets(text);
    let mut names: Vec<String> = Vec::new();
    for group in plain.split(';') {
        // the names of this group, the last one still open to a legal form after a comma
        let mut group_names: Vec<String> = Vec::new();
        // inside an alias, until the next name: "f/k/a Healthient, Inc., and X"
        let mut in_alias = false;
        for piece in group.split(',') {
            // "Capital Financial Partners, LLC et al.": the legal form before "et al." still
            // closes the name before it
            let mut rest = without_et_al(&squeeze(piece)).to_string();
            if in_alias {
                let (suffix, after) = leading_suffix(&rest);
                if !suffix.is_empty() {
                    rest = after.to_string();
                }
                in_alias = false;
            }
            // "aka Calvin Ross": the piece is another name of the party before
            let (before_alias, has_alias) = cut_at_alias(&rest);
            if has_alias {
                in_alias = true;
                rest = before_alias.to_string();
            }
            // "LLC and Christopher E. McClure": a legal form or suffix closes the name before
            if let Some(last) = group_names.last_mut() {
                let (suffix, after) = leading_suffix(&rest);
                if !suffix.is_empty() {
                    last.push_str(", ");
                    last.push_str(suffix);
                    rest = after.to_string();
                }
            }
            let rest = strip_leading_word(&rest, "and");
            let rest = strip_leading_word(rest, "&");
            if rest.is_empty() || is_role(rest) {
                continue;
            }
            let rest = without_role_suffix(rest);
            // the first "and" between two names separates them
            // (the conjunction inside a piece is written in lower case: "Brown And Co" is a name)
            match split_at_word(rest, "and") {
                Some((first, second)) if !first.is_empty() && !second.is_empty() => {
                    group_names.push(first.to_string());
                    if !is_role(second) {
                        group_names.push(without_role_suffix(second).to_string());
                    }
                }
                _ => group_names.push(rest.to_string()),
            }
        }
        for name in group_names {
            let name = without_et_al(&name);
            let name = name.trim_matches(|c: char| c == ',' || c.is_whitespace());
            if !name.is_empty() && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    if names.is_empty() && text.chars().any(char::is_alphanumeric) {
        names.push(squeeze(text));
    }
    names
}

/// The text without bracketed or quoted parts (brackets at any depth; an unclosed bracket or
/// quote runs to the end).
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            c if depth == 0 && !quoted => out.push(c),
            _ => continue,
        }
        // what was dropped separates the words around it
        if !matches!(c, '(' | '[' | ')' | ']' | '"' | '“' | '”') {
            continue;
        }
        out.push(' ');
    }
    out
}

/// The piece up to an alias marker ("Michael Alan Stollery aka Michael Stollaire" → "Michael
/// Alan Stollery"), and whether there was one.
fn cut_at_alias(piece: &str) -> (&str, bool) {
    if let Some(at) = ALIAS_PHRASES
        .iter()
        .filter_map(|phrase| find_words(piece, phrase))
        .min()
    {
        return (piece[..at].trim_end(), true);
    }
    let mut offset = 0;
    for token in piece.split(' ') {
        // "aka", "a/k/a", "A/K/A"; not a capitalised word ("Aka Brands" is a name)
        let marker = ALIAS_MARKERS
            .iter()
            .any(|m| token == *m || token.contains(['/', '.']) && token.eq_ignore_ascii_case(m));
        if marker {
            return (piece[..offset].trim_end(), true);
        }
        offset += token.len() + 1;
    }
    (piece, false)
}

/// The byte offset of `words` in `text` as whole words (exactly as written).
pub fn find_words(text: &str, words: &str) -> Option<usize> {
    text.match_indices(words).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The name without a trailing "et al." ("Bevil et al.", "Longfin et. al").
fn without_et_al(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    for ending in [" et al.", " et al", " et. al.", " et. al"] {
        if lower.ends_with(ending) && name.is_char_boundary(name.len() - ending.len()) {
            return &name[..name.len() - ending.len()];
        }
    }
    name
}

/// Trimmed, with inner white space collapsed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_leading_word<'a>(text: &'a str, word: &str) -> &'a str {
    match text.split_once(' ') {
        Some((first, rest)) if first.eq_ignore_ascii_case(word) => rest.trim_start(),
        None if text.eq_ignore_ascii_case(word) => "",
        _ => text,
    }
}

/// Splits at the first whole word `word` (exactly as written), not at the text's first word.
fn split_at_word<'a>(text: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
    let mut offset = 0;
    for token in text.split(' ') {
        if offset > 0 && token == word {
            let first = text[..offset].trim_end();
            let second = text[offset + token.len()..].trim_start();
            return Some((first, second));
        }
        offset += token.len() + 1;
    }
    None
}

/// The longest run of words at the start of `text` that is a legal form or a personal suffix
/// ("LLC", "Inc.", "S.A. de C.V.", "III"), and the text after it.
fn leading_suffix(text: &str) -> (&str, &str) {
    let mut ends: Vec<usize> = Vec::new();
    let mut offset = 0;
    for token in text.split(' ') {
        offset += token.len();
        ends.push(offset);
        offset += 1;
        if ends.len() == 5 {
            break;
        }
    }
    for &end in ends.iter().rev() {
        let candidate = &text[..end];
        // the suffix closes the piece, or "and" the next name follows ("LLC and Christopher E.
        // McClure"); "V Capital", "AS Roma" are names of their own
        let after = text[end..].trim_start();
        if !(after.is_empty() || strip_leading_word(after, "and") != after) {
            continue;
        }
        let lower = candidate.to_lowercase();
        // ("as Defendants": a lower-case word without a period is no legal form, "AS" is)
        let written_as_form = candidate.contains('.') || !candidate.starts_with(char::is_lowercase);
        if written_as_form && (is_legal_form(candidate) || OTHER_SUFFIXES.contains(&lower.as_str()))
        {
            return (candidate, text[end..].trim_start());
        }
    }
    ("", text)
}

/// Whether the piece names a role only ("Defendant", "Relief Defendants", "as Defendants",
/// "et al.").
fn is_role(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .filter(|w| w != "as" && w != "a" && w != "the")
        .collect();
    !words.is_empty() && words.iter().all(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// The name without a trailing role ("JM Capital Holdings LLC as Defendant").
fn without_role_suffix(text: &str) -> &str {
    match text.to_ascii_lowercase().rfind(" as ") {
        Some(at) if is_role(&text[at..]) => text[..at].trim_end(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        split_name_list(text)
    }

    #[test]
    fn lists_of_the_sec_litigation_releases() {
        for (text, expected) in [
            (
                "Christopher J. Spencer and John Busshaus",
                vec!["Christopher J. Spencer", "John Busshaus"],
            ),
            (
                "PlexCorps, Dominic Lacroix, and Sabrina Paradis-Royer",
                vec!["PlexCorps", "Dominic Lacroix", "Sabrina Paradis-Royer"],
            ),
            ("Woojae (\"Steve\") Jung, et al.", vec!["Woojae Jung"]),
            (
                "Westport Capital Markets, LLC and Christopher E. McClure",
                vec!["Westport Capital Markets, LLC", "Christopher E. McClure"],
            ),
            (
                "Yellowstone Partners, LLC, David H. Hansen, and Cameron G. High",
                vec!["Yellowstone Partners, LLC", "David H. Hansen", "Cameron G. High"],
            ),
            (
                "Longfin Corp. and Venkata S. Meenavalli",
                vec!["Longfin Corp.", "Venkata S. Meenavalli"],
            ),
            (
                "Dana J. Bradley; Marlin S. Hershey; D. Bradley Inc.; Bryant Boys, LLC; Hershey Enterprises, Inc.",
                vec![
                    "Dana J. Bradley",
                    "Marlin S. Hershey",
                    "D. Bradley Inc.",
                    "Bryant Boys, LLC",
                    "Hershey Enterprises, Inc.",
                ],
            ),
            (
                "Michael Ajzenman and Cutting Edge Business Services, Inc.",
                vec!["Michael Ajzenman", "Cutting Edge Business Services, Inc."],
            ),
            ("James Wallace Nall, III, et al.", vec!["James Wallace Nall, III"]),
            (
                "Benjamin Conde, Defendant, and Essex Global Investment Corp., and Facultas Capital Management, Inc., Relief Defendants",
                vec![
                    "Benjamin Conde",
                    "Essex Global Investment Corp.",
                    "Facultas Capital Management, Inc.",
                ],
            ),
            (
                "Christopher Fulco (a/k/a Christian Anthony, Johnathan Stewart, and Michael Barron), and JM Capital Holdings LLC, as Defendants, and Jamie Milione, as Relief Defendant",
                vec!["Christopher Fulco", "JM Capital Holdings LLC", "Jamie Milione"],
            ),
            ("Mylan N.V.", vec!["Mylan N.V."]),
            (
                "David N. Osegueda, Ishmail Calvin Ross, aka Calvin Ross, Zachary R. Logan, and Jessica Snyder, fka Jessica Gutierrez",
                vec![
                    "David N. Osegueda",
                    "Ishmail Calvin Ross",
                    "Zachary R. Logan",
                    "Jessica Snyder",
                ],
            ),
            (
                "Titanium Blockchain Infrastructure Services, Inc., Michael Alan Stollery aka Michael Stollaire ",
                vec![
                    "Titanium Blockchain Infrastructure Services, Inc.",
                    "Michael Alan Stollery",
                ],
            ),
            (
                "Curative Biosciences, Inc., f/k/a Healthient, Inc., William M. Alverson",
                vec!["Curative Biosciences, Inc.", "William M. Alverson"],
            ),
            (
                "Yin Nan \"Michael\" Wang, Law Offices of Jean D. Chen, A Professional Corporation",
                vec!["Yin Nan Wang", "Law Offices of Jean D. Chen, A Professional Corporation"],
            ),
            (
                "Bevil et al., Duke et al., Duncan, Saccomanno et al.",
                vec!["Bevil", "Duke", "Duncan", "Saccomanno"],
            ),
            ("Christopher A. Faulkner, et. al.", vec!["Christopher A. Faulkner"]),
            (
                "Eagle Financial Diamond Group Inc A/K/A Diamante Atelier, Aka Brands, LLC",
                vec!["Eagle Financial Diamond Group Inc", "Aka Brands, LLC"],
            ),
            (
                "Tree Lined Holdings, LLC, And Golden State Regional Center, LLC",
                vec!["Tree Lined Holdings, LLC", "Golden State Regional Center, LLC"],
            ),
            (
                "Syed Arham Arbab, Artis Proficio Capital Investments, LLC, Civil Docket",
                vec!["Syed Arham Arbab", "Artis Proficio Capital Investments, LLC"],
            ),
            (
                "United Development Funding III, LP, Hollis M. Greenlaw",
                vec!["United Development Funding III, LP", "Hollis M. Greenlaw"],
            ),
            ("Grupo Bimbo, S.A. de C.V.", vec!["Grupo Bimbo, S.A. de C.V."]),
        ] {
            assert_eq!(split(text), expected, "{text}");
        }
    }

    /// The SEC's index of litigation releases for 2014 and 2015 (fixtures/data/sec): "et al."
    /// right after a legal form, the legal form "LC", and aliases written out.
    #[test]
    fn lists_of_the_sec_litigation_index() {
        for (text, expected) in [
            (
                "CR Intrinsic Investors, LLC et al.",
                vec!["CR Intrinsic Investors, LLC"],
            ),
            ("TelexFree, Inc. et al.", vec!["TelexFree, Inc."]),
            (
                "Wealth Strategy Partners, LC, et al.",
                vec!["Wealth Strategy Partners, LC"],
            ),
            (
                "Hold Brothers On-Line Investment Services, LLC, now known as Tafferer Trading, LLC, Gregory Hold, and Steven Hold",
                vec![
                    "Hold Brothers On-Line Investment Services, LLC",
                    "Gregory Hold",
                    "Steven Hold",
                ],
            ),
            (
                "Bernard H. Butts, Jr., Fotios Geivelis, Jr., also known as Frank Anastasio, Worldwide Funding III Limited LLC",
                vec![
                    "Bernard H. Butts, Jr.",
                    "Fotios Geivelis, Jr.",
                    "Worldwide Funding III Limited LLC",
                ],
            ),
            // written with capitals, the words are a name
            (
                "Now Known As Media, Inc. and Jane Roe",
                vec!["Now Known As Media, Inc.", "Jane Roe"],
            ),
        ] {
            assert_eq!(split(text), expected, "{text}");
        }
    }

    #[test]
    fn letters_that_change_length_in_lower_case_do_not_shift_the_cuts() {
        // "İ" is 2 bytes, its lower case 3: cuts are made on ASCII-lower-cased copies
        assert_eq!(split("İİ Holdİng as Defendant"), vec!["İİ Holdİng"]);
        assert_eq!(split("Acme İİ et al."), vec!["Acme İİ"]);
    }

    #[test]
    fn a_field_without_a_list_is_one_name() {
        assert_eq!(split("  Acme   Corp "), vec!["Acme Corp"]);
        assert_eq!(split("Defendants"), vec!["Defendants"]);
        assert!(split("").is_empty());
        assert!(split(" ; , ").is_empty());
    }
}
