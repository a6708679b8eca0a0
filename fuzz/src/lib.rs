//! Shared harness for docket's fuzz targets: runs bytes through an adapter as a file, then every
//! record through the normalizer, and checks the adapter's promises on the way.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Waker};

use docket_core::{RawBytes, RawRecord};
use docket_normalize::date::DateHints;
use docket_normalize::{Normalizer, Resolver, SourceHints};
use docket_source::{Limits, SourceContext, SourceFactory, SourceItem};

/// Polls a future that never waits (docket's file sources do blocking reads) to completion.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// The built-in catalogue's normalizer, built once per process.
pub fn normalizer() -> &'static Normalizer {
    static NORMALIZER: OnceLock<Normalizer> = OnceLock::new();
    NORMALIZER.get_or_init(|| {
        let resolver = Resolver::with_built_in(None).expect("the built-in catalogue loads");
        Normalizer::new(Arc::new(resolver))
    })
}

/// Options chosen by the first byte of a fuzz input.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A small record limit (exercises the oversize paths with small inputs).
    pub small_limit: bool,
    /// Date order hint: 0 none, 1 day first, 2 month first.
    pub date_order: u8,
    /// A currency constant.
    pub currency: bool,
    /// Two bits left for the target.
    pub variant: u8,
    /// One more bit for the target, apart from the options above.
    pub flag: bool,
}

impl Options {
    /// Splits a fuzz input into options and the rest.
    pub fn split(data: &[u8]) -> (Options, &[u8]) {
        let (first, rest) = match data.split_first() {
            Some((first, rest)) => (*first, rest),
            None => (0, data),
        };
        let options = Options {
            small_limit: first & 1 != 0,
            date_order: (first >> 1) % 3,
            currency: first & 8 != 0,
            variant: (first >> 4) & 3,
            flag: first & 0x40 != 0,
        };
        (options, rest)
    }

    /// The limits.
    pub fn limits(&self) -> Limits {
        let mut limits = Limits::default();
        if self.small_limit {
            limits.max_record_bytes = 64;
        }
        limits
    }

    /// The normalization hints.
    pub fn hints(&self) -> SourceHints {
        let mut hints = SourceHints::default();
        hints.constants.action = Some("fine".to_string());
        if self.currency {
            hints.constants.currency = Some("EUR".to_string());
        }
        hints.date = match self.date_order {
            1 => DateHints::from_job_value("day_first"),
            2 => DateHints::from_job_value("month_first"),
            _ => DateHints::default(),
        };
        hints.target_separator = Some(";".to_string());
        hints
    }
}

/// A text's place in the file: anchors in text order, on the text's character boundaries, and
/// every offset (the text's end included) within the file.
fn check_placement(body: &docket_core::TextBody, file_len: u64) {
    for pair in body.anchors.windows(2) {
        assert!(pair[0].text < pair[1].text, "anchors out of order: {:?}", body.anchors);
    }
    for anchor in &body.anchors {
        assert!(
            body.text.is_char_boundary(anchor.text),
            "an anchor inside a character"
        );
        assert!(anchor.file <= file_len, "an anchor past the end of the file");
    }
    assert!(
        body.file_offset(body.text.len()) <= file_len,
        "the text ends past the end of the file: {body:?}"
    );
}

/// A file for this process's fuzz input.
fn scratch_file(extension: &str) -> PathBuf {
    std::env::temp_dir().join(format!("docket-fuzz-{}.{extension}", std::process::id()))
}

/// Writes `bytes` to a scratch file, builds the source from `config` (which names the file as
/// `path = "FILE"`) and drains it, checking the adapter's promises; then normalizes every record.
pub fn run_source(
    factory: &dyn SourceFactory,
    extension: &str,
    config: &str,
    bytes: &[u8],
    options: Options,
) {
    let path = scratch_file(extension);
    std::fs::write(&path, bytes).expect("write the scratch file");
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name")
        .to_string();
    let table: toml::Table =
        toml::from_str(&config.replace("FILE", &file_name)).expect("the harness's config parses");
    let dir = path.parent().expect("a folder").to_path_buf();
    let limits = options.limits();
    let context = SourceContext::new("fuzz", dir, limits);
    let mut source = factory.build(table, &context).expect("the file exists");
    let mut last_record = 0;
    let hints = options.hints();
    loop {
        let item = match block_on(source.next_item()) {
            Ok(Some(item)) => item,
            Ok(None) => break,
            // a source-level error is allowed (it names the file); it ends the source
            Err(error) => {
                assert!(
                    error.to_string().contains(&file_name),
                    "error does not name the file: {error}"
                );
                break;
            }
        };
        match item {
            SourceItem::Record(RawRecord {
                origin,
                raw,
                fields,
                text,
            }) => {
                assert!(origin.record > last_record, "record numbers go up");
                if let Some(body) = &text {
                    check_placement(body, bytes.len() as u64);
                }
                last_record = origin.record;
                assert!(
                    raw.len() <= limits.max_record_bytes,
                    "a record over the limit was kept"
                );
                match normalizer().normalize_owned(fields, &origin, &hints) {
                    Ok(event) => {
                        assert_eq!(event.sources.len(), 1);
                        if let Some(amount) = &event.amount {
                            assert!(
                                !amount.value.is_sign_negative(),
                                "negative amount {amount:?}"
                            );
                        }
                    }
                    Err(reason) => assert!(!reason.trim().is_empty(), "a reject without a reason"),
                }
            }
            SourceItem::Reject(reject) => {
                assert!(
                    reject.record > last_record || reject.record == 0,
                    "record numbers go up"
                );
                last_record = last_record.max(reject.record);
                assert!(
                    !reject.reason.trim().is_empty(),
                    "a reject without a reason"
                );
                let raw_len = match &reject.raw {
                    RawBytes::Text(text) => text.len(),
                    RawBytes::Binary { base64 } => {
                        base64.len() / 4 * 3
                            - base64.bytes().rev().take_while(|&b| b == b'=').count()
                    }
                };
                assert!(
                    raw_len <= limits.max_record_bytes,
                    "a reject's raw over the limit"
                );
            }
        }
    }
    assert!(
        source.bytes_read() <= bytes.len() as u64,
        "read more bytes than the file holds"
    );
}
