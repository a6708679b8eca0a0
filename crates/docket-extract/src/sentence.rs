//! Sentence segmentation in one linear pass.
//!
//! Rules (see `docs/extractor.md`):
//! * a blank line (only white space between two line breaks) ends a sentence, so headlines and
//!   paragraphs are separate; a Markdown heading line (`# ...`) is its own sentence;
//! * `.`, `!`, `?`, `…` end a sentence when followed by white space and then a sentence start
//!   (an upper-case letter, a digit, an opening quote or bracket, or a non-Latin letter);
//!   closing quotes and brackets right after the mark belong to the ending sentence;
//! * a `.` after a title abbreviation ("Mr.", "No.", "Dr.") never ends a sentence; after an
//!   initial, a dotted acronym ("U.S.", "S.A.") or a company or month abbreviation ("Inc.",
//!   "Corp.", "Dec.") it ends one only when the next word is a typical sentence opener ("The",
//!   "It", "He", ...);
//! * `。`, `！`, `？` always end a sentence;
//! * a run longer than [`MAX_SENTENCE_BYTES`] is cut at its last white space, so that every
//!   later stage works on bounded pieces.
//!
//! Every byte is visited a bounded number of times: look-behind is limited to a few bytes, and
//! a look-ahead over white space is never repeated. [`split_counted`] reports the work done.

/// Longest sentence handed to later stages; longer runs are cut at white space.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Abbreviations after which a period never ends a sentence.
const NEVER_BREAK: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "sgt", "rev", "hon", "vs", "v", "fig", "art", "ca", "approx", "cf", "e.g", "i.e", "mt",
    "ft", "pp",
];

/// Abbreviations after which a period ends a sentence only before a typical sentence opener.
const MAYBE_BREAK: &[&str] = &[
    "inc", "corp", "ltd", "co", "bros", "plc", "llc", "jr", "sr", "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "est", "govt",
];

/// The longest word an abbreviation key holds: the bytes of a `u64` (every word of
/// [`NEVER_BREAK`] and [`MAYBE_BREAK`] must fit; [`sorted_keys`] stops the build otherwise).
const LONGEST_ABBREVIATION: usize = std::mem::size_of::<u64>();

/// A word of at most [`LONGEST_ABBREVIATION`] bytes in ASCII lower case, packed into an
/// integer (its bytes, then zeros); `None` for a longer word.
const fn abbreviation_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST_ABBREVIATION {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        key |= (bytes[i].to_ascii_lowercase() as u64) << (56 - 8 * i);
        i += 1;
    }
    Some(key)
}

/// The keys of a list of abbreviations, sorted for a binary search.
const fn sorted_keys<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        keys[i] = match abbreviation_key(words[i]) {
            Some(key) => key,
            None => panic!("an abbreviation is longer than LONGEST_ABBREVIATION"),
        };
        i += 1;
    }
    // insertion sort (a const fn cannot call the slice sorts)
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let swap = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    keys
}

/// [`NEVER_BREAK`] as sorted keys (see [`abbreviation_key`]).
const NEVER_BREAK_KEYS: [u64; NEVER_BREAK.len()] = sorted_keys(NEVER_BREAK);

/// [`MAYBE_BREAK`] as sorted keys (see [`abbreviation_key`]).
const MAYBE_BREAK_KEYS: [u64; MAYBE_BREAK.len()] = sorted_keys(MAYBE_BREAK);

/// Words that typically open a sentence (checked after an ambiguous abbreviation).
const OPENERS: &[&str] = &[
    "The",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "But",
    "And",
    "A",
    "An",
    "Its",
    "Their",
    "His",
    "Her",
    "There",
    "However",
    "Meanwhile",
    "Last",
    "Earlier",
    "After",
    "As",
    "Shares",
    "According",
    "When",
    "While",
    "If",
    "Some",
    "Many",
    "Due",
    "During",
    "Following",
    "Because",
    "Moreover",
    "Furthermore",
    "Additionally",
    "Although",
    "Despite",
    "Subsequently",
    "Therefore",
    "Thus",
    // (a span of time or a count: "... fined Acme Inc. Two days later, it ordered ...")
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Days",
    "Weeks",
    "Months",
    "Years",
    "Separately",
    "Then",
    "Later",
    "Since",
    "Under",
    "Regulators",
    "Authorities",
    "Prosecutors",
    "Officials",
    "Analysts",
    "Investors",
    "Both",
    "Each",
    "Now",
    "Still",
    "Instead",
];

/// Byte spans `[start, end)` of the sentences of `text`, trimmed of white space.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    split_counted(text).0
}

/// Like [`split`], also returning the number of byte visits made (for linearity tests).
pub fn split_counted(text: &str) -> (Vec<(usize, usize)>, u64) {
    let mut seg = Segmenter {
        text,
        bytes: text.as_bytes(),
        out: Vec::new(),
        start: 0,
        last_space: None,
        steps: 0,
    };
    seg.run();
    (seg.out, seg.steps)
}

struct Segmenter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: Vec<(usize, usize)>,
    /// Start of the current sentence (may point at white space; trimmed on push).
    start: usize,
    /// Last white space seen in the current sentence, for cutting overlong runs.
    last_space: Option<usize>,
    steps: u64,
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）'
    )
}

/// Entry `b`: the main loop must look at byte `b` (a terminal mark, a line break, a heading
/// mark or a byte of a multi-byte character); one table lookup per byte of the skipped runs.
const STOP_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'.' | b'!' | b'?' | b'\n' | b'#') || b >= 0x80;
        b += 1;
    }
    table
};

fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0b' | b'\x0c')
}

impl Segmenter<'_> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn push(&mut self, end: usize) {
        let end = end.min(self.bytes.len());
        let (mut s, mut e) = (self.start.min(end), end);
        while s < e {
            match self.char_at(s) {
                Some(c) if c.is_whitespace() => s += c.len_utf8(),
                _ => break,
            }
            self.steps += 1;
        }
        while e > s {
            let Some(c) = self.text[..e].chars().next_back() else {
                break;
            };
            if c.is_whitespace() {
                e -= c.len_utf8();
                self.steps += 1;
            } else {
                break;
            }
        }
        if e > s {
            self.out.push((s, e));
        }
        self.start = end;
        self.last_space = None;
    }

    fn run(&mut self) {
        let len = self.bytes.len();
        let mut i = 0;
        // a Markdown heading on the first line
        let mut line_start = true;
        while i < len {
            // skip to the next byte that can matter: a terminal mark, a line break, a heading
            // mark or a multi-byte character (white space is looked for only when an overlong
            // run must be cut)
            let limit = (self.start + MAX_SENTENCE_BYTES + 1).min(len);
            if i < limit {
                let skip = self.bytes[i..limit]
                    .iter()
                    .position(|&b| STOP_BYTES[usize::from(b)])
                    .unwrap_or(limit - i);
                if skip > 0 {
                    self.steps += skip as u64;
                    i += skip;
                    line_start = false;
                    if i >= len {
                        break;
                    }
                }
            }
            self.steps += 1;
            let b = self.bytes[i];
            if i - self.start > MAX_SENTENCE_BYTES {
                let cut = self
                    .last_space_before(i)
                    .filter(|&s| s > self.start)
                    .unwrap_or_else(|| self.floor(i));
                self.push(cut);
                i = self.start;
                continue;
            }
            if line_start && b == b'#' {
                // a heading line: everything up to the line end
                self.push(i);
                let end = self.bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(len, |p| i + p);
                self.steps += (end - i) as u64;
                let end = end.min(self.start + MAX_SENTENCE_BYTES).max(self.start);
                let end = self.floor(end);
                self.push(end);
                i = end.max(i + 1);
                line_start = false;
                continue;
            }
            if b == b'\n' {
                // blank line?
                let mut j = i + 1;
                while j < len && matches!(self.bytes[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                    self.steps += 1;
                }
                if j < len && self.bytes[j] == b'\n' {
                    self.push(i);
                    i = j + 1;
                    line_start = true;
                    continue;
                }
                if j >= len {
                    self.push(len);
                    return;
                }
                self.last_space = Some(i);
                i = j;
                line_start = true;
                continue;
            }
            line_start = false;
            if is_space_byte(b) {
                self.last_space = Some(i);
                i += 1;
                continue;
            }
            if b < 0x80 {
                if matches!(b, b'.' | b'!' | b'?') {
                    i = self.after_terminal(i, b == b'.');
                } else {
                    i += 1;
                }
                continue;
            }
            // multi-byte character
            let Some(c) = self.char_at(i) else {
                i += 1;
                continue;
            };
            let next = i + c.len_utf8();
            match c {
                '。' | '！' | '？' => {
                    let end = self.absorb_closers(next);
                    self.push(end);
                    i = end;
                }
                '…' => i = self.after_terminal_at(i, next, false),
                c if c.is_whitespace() => {
                    self.last_space = Some(i);
                    i = next;
                }
                _ => i = next,
            }
        }
        self.push(len);
    }

    /// The last white space of the current sentence before `i` (a backward scan, at most
    /// once per cut, so every byte is still visited a bounded number of times).
    fn last_space_before(&mut self, i: usize) -> Option<usize> {
        let from = self.start.min(i);
        let found = self.bytes[from..i]
            .iter()
            .rposition(|&b| is_space_byte(b))
            .map(|p| from + p);
        self.steps += (i - found.unwrap_or(from)) as u64;
        found.or(self.last_space)
    }

    /// The largest char boundary at or below `i`.
    fn floor(&self, mut i: usize) -> usize {
        i = i.min(self.bytes.len());
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    fn absorb_closers(&mut self, mut i: usize) -> usize {
        let mut n = 0;
        while let Some(c) = self.char_at(i) {
            self.steps += 1;
            if is_closer(c) || matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
                i += c.len_utf8();
                n += 1;
                if n > 8 {
                    break;
                }
            } else {
                break;
            }
        }
        i
    }

    fn after_terminal(&mut self, i: usize, is_period: bool) -> usize {
        self.after_terminal_at(i, i + 1, is_period)
    }

    /// Handles a terminal mark at `i` (ending at `next`); returns where to continue.
    fn after_terminal_at(&mut self, i: usize, next: usize, is_period: bool) -> usize {
        let end = self.absorb_closers(next);
        // must be followed by white space (or the end)
        let Some(c) = self.char_at(end) else {
            self.push(end);
            return end;
        };
        if !c.is_whitespace() {
            return end;
        }
        // skip horizontal white space (a line break is handled by the main loop)
        let mut j = end;
        while j < self.bytes.len() && matches!(self.bytes[j], b' ' | b'\t') {
            j += 1;
            self.steps += 1;
        }
        let Some(first) = self.char_at(j) else {
            self.push(end);
            return j;
        };
        if first == '\n' || first == '\r' {
            // the line break may be a paragraph break; otherwise a new line after a
            // terminal mark still ends the sentence, unless the period is an abbreviation's
            // and the next line does not open a sentence ("Acme Corp.\nThe SEC" ends one)
            let mut next_line = j;
            while next_line < self.bytes.len()
                && next_line - j < 8
                && matches!(self.bytes[next_line], b'\n' | b'\r' | b' ' | b'\t')
            {
                next_line += 1;
                self.steps += 1;
            }
            if is_period && !self.period_ends(i, next_line) {
                return j;
            }
            self.push(end);
            return j;
        }
        let starts = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(
                first,
                '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '-' | '—' | '*' | '•'
            )
            || (first.is_alphabetic() && !first.is_lowercase());
        if !starts {
            return j;
        }
        if is_period && !self.period_ends(i, j) {
            return j;
        }
        self.push(end);
        j
    }

    /// Whether the period at `dot` ends a sentence, given the next word starts at `next`.
    fn period_ends(&mut self, dot: usize, next: usize) -> bool {
        // the word before the period (bounded look-behind)
        let from = self.floor(dot.saturating_sub(12));
        let before = &self.text[from..dot];
        self.steps += before.len() as u64;
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &before[word_start..];
        if word.is_empty() {
            return true;
        }
        // the lists hold short lower-case ASCII words, packed into sorted integers
        let key = abbreviation_key(word);
        let listed = |keys: &[u64]| key.is_some_and(|k| keys.binary_search(&k).is_ok());
        if listed(&NEVER_BREAK_KEYS) {
            return false;
        }
        let mut chars = word.chars();
        let single_initial =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        let dotted = word.as_bytes().contains(&b'.')
            && word.chars().all(|c| c.is_alphabetic() || c == '.')
            && word.split('.').all(|part| part.chars().count() <= 2);
        if single_initial || dotted || listed(&MAYBE_BREAK_KEYS) {
            return self.next_is_opener(next);
        }
        true
    }

    fn next_is_opener(&mut self, next: usize) -> bool {
        let to = self.floor((next + 12).min(self.bytes.len()));
        let ahead = &self.text[next.min(to)..to];
        self.steps += ahead.len() as u64;
        let word: &str = ahead
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        OPENERS.contains(&word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_bound() {
        for word in NEVER_BREAK.iter().chain(MAYBE_BREAK) {
            assert!(word.len() <= LONGEST_ABBREVIATION, "{word}");
            assert_eq!(*word, word.to_ascii_lowercase(), "{word}");
        }
    }

    #[test]
    fn abbreviation_keys_find_exactly_the_listed_words_in_any_case() {
        for (list, keys) in [
            (NEVER_BREAK, &NEVER_BREAK_KEYS[..]),
            (MAYBE_BREAK, &MAYBE_BREAK_KEYS[..]),
        ] {
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
            let found =
                |w: &str| abbreviation_key(w).is_some_and(|k| keys.binary_search(&k).is_ok());
            for word in list {
                assert!(found(word), "{word}");
                assert!(found(&word.to_ascii_uppercase()), "{word}");
            }
            // neighbours that share bytes with listed words: a prefix, an extension, a word
            // longer than any key
            for word in [
                "m",
                "mrx",
                "incx",
                "in",
                "approxi",
                "approximat",
                "deptx",
                "e",
                "e.",
                "sep.",
                "x",
            ] {
                let listed = list.iter().any(|a| a.eq_ignore_ascii_case(word));
                assert_eq!(found(word), listed, "{word}");
            }
        }
    }

    #[test]
    fn abbreviations_initials_and_decimals() {
        let text = "Baidu Inc. was fined $1.5m by the U.S. regulator on Dec. 28 2015. Mr. Smith said No. 5 is 18.228 billion. The S.A. unit fell.";
        assert_eq!(
            sentences(text),
            vec![
                "Baidu Inc. was fined $1.5m by the U.S. regulator on Dec. 28 2015.",
                "Mr. Smith said No. 5 is 18.228 billion.",
                "The S.A. unit fell."
            ]
        );
        let text = "It fined Acme Corp. The firm paid. Then it fined Beta Ltd. It paid too.";
        assert_eq!(
            sentences(text),
            vec![
                "It fined Acme Corp.",
                "The firm paid.",
                "Then it fined Beta Ltd.",
                "It paid too."
            ]
        );
        // (a span of time or an authority's plural after the abbreviation opens a sentence)
        let text = "It fined Acme Inc. Two days later, it sued Beta Corp. Regulators said so.";
        assert_eq!(
            sentences(text),
            vec![
                "It fined Acme Inc.",
                "Two days later, it sued Beta Corp.",
                "Regulators said so."
            ]
        );
        // the same at a line break inside a paragraph
        let text = "It fined Acme Corp.\nThe firm paid. It fined Beta Ltd.\r\n  It paid too. Smith & Co.\nfiled later.";
        assert_eq!(
            sentences(text),
            vec![
                "It fined Acme Corp.",
                "The firm paid.",
                "It fined Beta Ltd.",
                "It paid too.",
                "Smith & Co.\nfiled later."
            ]
        );
    }

    #[test]
    fn quotes_headlines_and_lowercase_continuations() {
        let text = "Headline here\n\n“We will fight,” he said. “It is over.” She left.\n\nSecond para by the Chinese. censors today.";
        assert_eq!(
            sentences(text),
            vec![
                "Headline here",
                "“We will fight,” he said.",
                "“It is over.”",
                "She left.",
                "Second para by the Chinese. censors today."
            ]
        );
    }

    #[test]
    fn chinese_punctuation() {
        assert_eq!(
            sentences("市场监管总局罚款。阿里巴巴道歉！"),
            vec!["市场监管总局罚款。", "阿里巴巴道歉！"]
        );
    }

    #[test]
    fn single_line_work_is_linear() {
        let unit = "The regulator fined Acme Inc. on Monday for $1.5m. Mr. X said “no.” ";
        let text = unit.repeat(10 * 1024 * 1024 / unit.len());
        let (spans, steps) = split_counted(&text);
        assert!(spans.len() > 100_000);
        assert!(
            steps <= 4 * text.len() as u64,
            "steps {steps} for {} bytes",
            text.len()
        );
        let blob = "a".repeat(10 * 1024 * 1024);
        let (spans, steps) = split_counted(&blob);
        assert!(spans.iter().all(|(s, e)| e - s <= MAX_SENTENCE_BYTES + 1));
        assert!(steps <= 4 * blob.len() as u64, "steps {steps}");
    }
}
