use std::path::{Path, PathBuf};

use docket_core::Event;

use crate::atomic::AtomicFileWriter;
use crate::{AtomicFile, EventSink, ExportError};

/// The CSV columns, in order. Lists (targets, sources, flags) are joined with `" | "`; the
/// sources column holds JSON so that spans and quotes survive.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "action",
    "cameo",
    "plover",
    "actor_id",
    "actor_name",
    "actor_kind",
    "actor_resolved",
    "target_ids",
    "target_names",
    "target_parents",
    "target_count",
    "date",
    "date_precision",
    "date_text",
    "amount",
    "currency",
    "amount_role",
    "amount_text",
    "summary",
    "ref",
    "url",
    "source_count",
    "sources",
    "confidence",
    "flags",
];

/// Writes flattened events as CSV.
pub struct CsvSink {
    path: PathBuf,
    writer: csv::Writer<AtomicFileWriter>,
}

impl CsvSink {
    /// Starts writing `path`, with the header row.
    pub fn create(path: &Path) -> Result<Self, ExportError> {
        let file = AtomicFile::create(path)?;
        let mut writer = csv::Writer::from_writer(AtomicFileWriter(file));
        writer
            .write_record(CSV_COLUMNS)
            .map_err(|error| ExportError::Csv {
                path: path.to_path_buf(),
                error,
            })?;
        Ok(CsvSink {
            path: path.to_path_buf(),
            writer,
        })
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(" | ")
}

impl EventSink for CsvSink {
    fn write_event(&mut self, e: &Event) -> Result<(), ExportError> {
        let opt = |v: Option<&str>| v.unwrap_or("").to_string();
        let sources = serde_json::to_string(&e.sources).unwrap_or_default();
        let row: Vec<String> = vec![
            e.id.clone(),
            e.action.to_string(),
            opt(e.cameo.as_deref()),
            opt(e.plover.as_deref()),
            opt(e.actor.as_ref().map(|a| a.id.as_str())),
            opt(e.actor.as_ref().map(|a| a.name.as_str())),
            opt(e.actor.as_ref().map(|a| a.kind.as_str())),
            e.actor
                .as_ref()
                .map(|a| a.resolved.to_string())
                .unwrap_or_default(),
            join(e.targets.iter().map(|t| t.id.as_str())),
            join(e.targets.iter().map(|t| t.name.as_str())),
            join(e.targets.iter().map(|t| t.parent.as_deref().unwrap_or(""))),
            e.target_count.map(|c| c.to_string()).unwrap_or_default(),
            e.date
                .as_ref()
                .and_then(|d| d.value)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            e.date
                .as_ref()
                .and_then(|d| d.precision)
                .map(|p| {
                    serde_json::to_value(p)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .unwrap_or_default(),
            opt(e.date.as_ref().map(|d| d.text.as_str())),
            e.amount
                .as_ref()
                .map(|a| a.value.to_string())
                .unwrap_or_default(),
            opt(e.amount.as_ref().map(|a| a.currency.as_str())),
            e.amount
                .as_ref()
                .map(|a| {
                    serde_json::to_value(a.role)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .unwrap_or_default(),
            opt(e.amount.as_ref().map(|a| a.text.as_str())),
            opt(e.summary.as_deref()),
            opt(e.reference.as_deref()),
            opt(e.url.as_deref()),
            e.sources.len().to_string(),
            sources,
            e.confidence.to_string(),
            join(e.flags.iter().map(String::as_str)),
        ];
        let path = &self.path;
        self.writer
            .write_record(&row)
            .map_err(|error| ExportError::Csv {
                path: path.clone(),
                error,
            })
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.stage()?.publish()
    }

    fn stage(self: Box<Self>) -> Result<crate::Staged, ExportError> {
        let path = self.path.clone();
        let writer = self.writer.into_inner().map_err(|e| ExportError::Io {
            path: path.clone(),
            error: std::io::Error::other(e.to_string()),
        })?;
        writer.0.stage()
    }
}
