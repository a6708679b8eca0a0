//! The job file: `[job]`, `[sources.NAME]`, `[exports.NAME]`, `[limits]`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use docket_core::{PartialDate, RawActor, RawEvent};
use docket_export::ExportConfig;
use docket_normalize::date::DateHints;
use docket_normalize::remove::{Field, Removals};
use docket_normalize::SourceHints;
use docket_source::Limits;
use serde::Deserialize;

use crate::PipelineError;

/// A date given in a job file, either quoted (`"2021-03-19"`) or as a bare TOML date.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum DateLike {
    Text(String),
    Date(toml::value::Datetime),
}

impl DateLike {
    fn text(&self) -> String {
        match self {
            DateLike::Text(s) => s.clone(),
            DateLike::Date(d) => d.to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFile {
    job: RawJobSection,
    #[serde(default)]
    sources: BTreeMap<String, toml::Table>,
    #[serde(default)]
    exports: BTreeMap<String, ExportConfig>,
    #[serde(default)]
    limits: LimitsConfig,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJobSection {
    name: String,
    #[serde(default)]
    reference_date: Option<DateLike>,
    #[serde(default)]
    rejects: Option<PathBuf>,
    #[serde(default)]
    catalogue: Option<PathBuf>,
    #[serde(default)]
    convert: Vec<String>,
}

/// The `[job]` table, resolved.
#[derive(Debug, Clone)]
pub struct JobSection {
    /// The job's name (SQLite rows are owned by it).
    pub name: String,
    /// Anchors relative dates when a document gives no publication date.
    pub reference_date: Option<PartialDate>,
    /// The rejects file (absolute).
    pub rejects: PathBuf,
    /// A user catalogue that extends and overrides the built-in one (absolute).
    pub catalogue: Option<PathBuf>,
    /// Reporting currencies amounts are converted into (`convert = ["USD", "EUR"]`).
    pub convert: Vec<String>,
}

/// The `[limits]` table.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    /// Largest record, in bytes (default 1 MiB).
    #[serde(default)]
    pub max_record_bytes: Option<usize>,
    /// Largest text document, in bytes (default 16 MiB).
    #[serde(default)]
    pub max_document_bytes: Option<usize>,
}

impl LimitsConfig {
    fn resolve(&self) -> Limits {
        let defaults = Limits::default();
        Limits {
            max_record_bytes: self.max_record_bytes.unwrap_or(defaults.max_record_bytes),
            max_document_bytes: self
                .max_document_bytes
                .unwrap_or(defaults.max_document_bytes),
        }
    }
}

/// What to do when a source fails as a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    /// Fail the run (default).
    #[default]
    Fail,
    /// Report the error in the summary and go on with the other sources.
    Skip,
}

/// `[sources.NAME.constants]`: a fixed value for every record.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstantsConfig {
    /// Action word.
    pub action: Option<String>,
    /// Authority.
    pub actor: Option<String>,
    /// Target.
    pub target: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Amount.
    pub amount: Option<String>,
    /// Currency code or symbol.
    pub currency: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Reference.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

/// `[sources.NAME.formats]`: parsing hints.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatsConfig {
    /// `"day_first"`, `"month_first"` or a strftime format such as `"%m/%d/%Y"`.
    pub date: Option<String>,
}

/// `[sources.NAME.remove]`: per event field, regular expressions whose matches are removed from
/// each record's value of that field before it is read ([`docket_normalize::remove`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveConfig {
    /// Patterns removed from the action text.
    #[serde(default)]
    pub action: Vec<String>,
    /// Patterns removed from the authority's name.
    #[serde(default)]
    pub actor: Vec<String>,
    /// Patterns removed from each target's name.
    #[serde(default)]
    pub target: Vec<String>,
    /// Patterns removed from the date text.
    #[serde(default)]
    pub date: Vec<String>,
    /// Patterns removed from the amount text.
    #[serde(default)]
    pub amount: Vec<String>,
    /// Patterns removed from the currency text.
    #[serde(default)]
    pub currency: Vec<String>,
    /// Patterns removed from the summary.
    #[serde(default)]
    pub summary: Vec<String>,
    /// Patterns removed from the link.
    #[serde(default)]
    pub url: Vec<String>,
    /// Patterns removed from the reference.
    #[serde(default, rename = "ref")]
    pub reference: Vec<String>,
}

impl RemoveConfig {
    /// Every (field, pattern) pair, in field order and then in the order written.
    pub fn patterns(&self) -> impl Iterator<Item = (Field, &str)> {
        [
            (Field::Action, &self.action),
            (Field::Actor, &self.actor),
            (Field::Target, &self.target),
            (Field::Date, &self.date),
            (Field::Amount, &self.amount),
            (Field::Currency, &self.currency),
            (Field::Summary, &self.summary),
            (Field::Url, &self.url),
            (Field::Reference, &self.reference),
        ]
        .into_iter()
        .flat_map(|(field, patterns)| patterns.iter().map(move |p| (field, p.as_str())))
    }
}

/// The keys of a source table that the pipeline owns; the rest goes to the adapter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonSourceConfig {
    /// Which adapter.
    pub kind: String,
    /// What to do when the source fails as a whole.
    #[serde(default)]
    pub on_error: OnError,
    /// Fixed values.
    #[serde(default)]
    pub constants: ConstantsConfig,
    /// Parsing hints.
    #[serde(default)]
    pub formats: FormatsConfig,
    /// Separator between several targets in one field.
    #[serde(default)]
    pub target_separator: Option<String>,
    /// The target field holds a written list of names ("A, LLC and B"), split by
    /// [`docket_normalize::name_list::split_name_list`].
    #[serde(default)]
    pub target_list: bool,
    /// Text removed from the records' values before they are read.
    #[serde(default)]
    pub remove: RemoveConfig,
    /// Publication date for text that has none of its own.
    #[serde(default)]
    published: Option<DateLike>,
    /// Language of the text (`en`, `zh`), when the documents do not say.
    #[serde(default)]
    pub lang: Option<String>,
}

/// Keys owned by the pipeline in a `[sources.NAME]` table.
pub const COMMON_KEYS: &[&str] = &[
    "kind",
    "on_error",
    "constants",
    "formats",
    "target_separator",
    "target_list",
    "remove",
    "published",
    "lang",
];

/// One source of a job, split into the pipeline's part and the adapter's table.
#[derive(Debug, Clone)]
pub struct SourceSpec {
    /// The source's name.
    pub name: String,
    /// The pipeline-owned keys.
    pub common: CommonSourceConfig,
    /// The adapter's keys, for its factory.
    pub adapter: toml::Table,
    /// Normalization hints derived from `constants`, `formats` and `target_separator`.
    pub hints: SourceHints,
    /// Publication date for text without one.
    pub published: Option<String>,
}

/// A parsed job file, with every path resolved against the job file's folder.
#[derive(Debug, Clone)]
pub struct Job {
    /// The job file.
    pub path: PathBuf,
    /// The job file's text, for error locations.
    pub text: String,
    /// The folder relative paths resolve against.
    pub base_dir: PathBuf,
    /// `[job]`.
    pub job: JobSection,
    /// Sources in name order.
    pub sources: Vec<SourceSpec>,
    /// Exports in name order: (name, config with an absolute path).
    pub exports: Vec<(String, ExportConfig)>,
    /// Size limits.
    pub limits: Limits,
}

/// The 1-based line of `key` inside the table `[prefix...]` (or its sub-tables), if found.
pub fn locate_key(text: &str, table_prefix: &str, key: &str) -> Option<usize> {
    let mut in_table = table_prefix.is_empty();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let header = trimmed.trim_start_matches('[').trim_end_matches(']').trim();
            in_table = header == table_prefix || header.starts_with(&format!("{table_prefix}."));
            if in_table && header.rsplit('.').next() == Some(key) {
                return Some(index + 1);
            }
            continue;
        }
        if in_table {
            let name = trimmed
                .split('=')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            if name == key && trimmed.contains('=') {
                return Some(index + 1);
            }
        }
    }
    None
}

/// Pulls the key name out of serde messages such as "unknown field `delimter`, expected ...".
pub fn key_in_message(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let end = message[start..].find('`')? + start;
    Some(&message[start..end])
}

impl Job {
    /// Reads and checks a job file. Errors name the file and, where possible, the line.
    pub fn load(path: &Path) -> Result<Job, PipelineError> {
        let text = std::fs::read_to_string(path).map_err(|e| PipelineError::Job {
            path: path.to_path_buf(),
            line: None,
            reason: format!("cannot read the job file: {e}"),
        })?;
        Job::parse(path, text)
    }

    /// Parses a job file's text; `path` is used for errors and relative paths.
    pub fn parse(path: &Path, text: String) -> Result<Job, PipelineError> {
        let error = |line: Option<usize>, reason: String| PipelineError::Job {
            path: path.to_path_buf(),
            line,
            reason,
        };
        let file: JobFile = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            error(line, e.message().to_string())
        })?;
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let base_dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        let resolve = |p: &Path| docket_source::clean_path(&base_dir.join(p));

        let reference_date = match &file.job.reference_date {
            None => None,
            Some(date) => {
                let date = date.text();
                Some(date.parse::<PartialDate>().map_err(|e| {
                    error(
                        locate_key(&text, "job", "reference_date"),
                        format!("reference_date: {e}"),
                    )
                })?)
            }
        };

        let mut exports = Vec::new();
        for (name, mut config) in file.exports {
            config.path = resolve(&config.path);
            exports.push((name, config));
        }
        let rejects = match &file.job.rejects {
            Some(p) => resolve(p),
            None => exports
                .first()
                .and_then(|(_, c)| c.path.parent().map(|d| d.join("rejects.jsonl")))
                .unwrap_or_else(|| base_dir.join("rejects.jsonl")),
        };

        let mut sources = Vec::new();
        for (name, table) in file.sources {
            let prefix = format!("sources.{name}");
            let (common_table, adapter): (toml::Table, toml::Table) = table
                .into_iter()
                .partition(|(k, _)| COMMON_KEYS.contains(&k.as_str()));
            let common = CommonSourceConfig::deserialize(toml::Value::Table(common_table))
                .map_err(|e| {
                    let message = e.message().to_string();
                    let line = key_in_message(&message).and_then(|k| locate_key(&text, &prefix, k));
                    error(
                        line.or_else(|| locate_key(&text, "sources", &name)),
                        format!("source {name:?}: {message}"),
                    )
                })?;
            let constants = &common.constants;
            let hints = SourceHints {
                constants: RawEvent {
                    action: constants.action.clone(),
                    actor: constants.actor.clone().map(RawActor::named),
                    targets: constants
                        .target
                        .clone()
                        .map(RawActor::named)
                        .into_iter()
                        .collect(),
                    date: constants.date.clone(),
                    amount: constants.amount.clone(),
                    currency: constants.currency.clone(),
                    summary: constants.summary.clone(),
                    url: constants.url.clone(),
                    reference: constants.reference.clone(),
                    ..RawEvent::default()
                },
                date: common
                    .formats
                    .date
                    .as_deref()
                    .map(DateHints::from_job_value)
                    .unwrap_or_default(),
                target_separator: common.target_separator.clone(),
                target_list: common.target_list,
                remove: Removals::default(),
            };
            let mut hints = hints;
            for (field, pattern) in common.remove.patterns() {
                hints.remove.add(field, pattern).map_err(|e| {
                    error(
                        locate_key(&text, &format!("{prefix}.remove"), field.name())
                            .or_else(|| locate_key(&text, &prefix, "remove")),
                        format!("source {name:?}: {e}"),
                    )
                })?;
            }
            if common.target_list && common.target_separator.is_some() {
                return Err(error(
                    locate_key(&text, &prefix, "target_list"),
                    format!(
                        "source {name:?}: target_list and target_separator exclude each other: \
                         a list is split by its own grammar"
                    ),
                ));
            }
            let published = common.published.as_ref().map(DateLike::text);
            sources.push(SourceSpec {
                name,
                common,
                adapter,
                hints,
                published,
            });
        }

        Ok(Job {
            path: path.to_path_buf(),
            base_dir: base_dir.clone(),
            job: JobSection {
                name: file.job.name,
                reference_date,
                rejects,
                catalogue: file.job.catalogue.as_deref().map(resolve),
                convert: file.job.convert,
            },
            sources,
            exports,
            limits: file.limits.resolve(),
            text,
        })
    }

    /// A job error at the line of `key` in `[sources.NAME]`.
    pub fn source_error(&self, source: &str, message: String) -> PipelineError {
        let prefix = format!("sources.{source}");
        let line = key_in_message(&message)
            .and_then(|k| locate_key(&self.text, &prefix, k))
            .or_else(|| locate_key(&self.text, "sources", source));
        PipelineError::Job {
            path: self.path.clone(),
            line,
            reason: format!("source {source:?}: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_keys_in_tables() {
        let text = "[job]\nname = \"x\"\n\n[sources.a]\nkind = \"csv\"\ndelimter = \",\"\n[sources.a.fields]\nactr = \"A\"\n";
        assert_eq!(locate_key(text, "sources.a", "delimter"), Some(6));
        assert_eq!(locate_key(text, "sources.a", "actr"), Some(8));
        assert_eq!(locate_key(text, "job", "name"), Some(2));
        assert_eq!(
            key_in_message("unknown field `actr`, expected one of"),
            Some("actr")
        );
    }

    #[test]
    fn unknown_keys_name_file_and_line() {
        let text = "[job]\nname = \"x\"\nrejectz = \"r.jsonl\"\n".to_string();
        let err = Job::parse(Path::new("job.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("job.toml:3"), "{err}");
        assert!(err.contains("rejectz"), "{err}");

        let text = "[job]\nname = \"x\"\n[sources.s]\nkind = \"csv\"\n[sources.s.constants]\nactoin = \"fine\"\n".to_string();
        let err = Job::parse(Path::new("job.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("job.toml:6"), "{err}");
    }

    /// A `remove` table: its patterns reach the source's hints; a misspelt field, a pattern
    /// that does not compile and one that matches the empty string are errors at their line.
    #[test]
    fn remove_patterns_are_compiled_and_their_errors_located() {
        let job = |remove: &str| {
            Job::parse(
                Path::new("job.toml"),
                format!("[job]\nname = \"x\"\n[sources.s]\nkind = \"csv\"\n[sources.s.remove]\n{remove}\n"),
            )
        };
        let parsed = job("target = ['\\s*See also:.*', 'et al\\.?$']\nsummary = ['x+']").unwrap();
        assert!(!parsed.sources[0].hints.remove.is_empty());
        let mut raw = docket_core::RawEvent {
            targets: vec![RawActor::named("Acme Corp, et al. See also: SEC Complaint")],
            ..docket_core::RawEvent::default()
        };
        assert!(parsed.sources[0].hints.remove.apply(&mut raw));
        assert_eq!(raw.targets[0].name, "Acme Corp,");

        for (remove, line, words) in [
            ("tagret = ['x']", 6, "tagret"),
            ("summary = ['x']\ntarget = ['(See also']", 7, "(See also"),
            ("date = ['\\s*']", 6, "empty string"),
        ] {
            let err = job(remove).unwrap_err().to_string();
            assert!(err.contains(&format!("job.toml:{line}")), "{remove}: {err}");
            assert!(err.contains(words), "{remove}: {err}");
        }
    }
}
