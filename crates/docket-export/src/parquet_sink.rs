//! The Parquet export: the JSONL event shape as typed, nested columns.
//!
//! Events are appended to Arrow builders; every `row_group_size` events become one record batch
//! and one row group, so memory holds at most one row group. The file is written through an
//! [`AtomicFile`] and renamed into place by [`EventSink::finish`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use docket_core::{ActorRef, Event, SourceRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::atomic::AtomicFileWriter;
use crate::{AtomicFile, EventSink, ExportError};

/// A row group is also cut when the text buffered for it passes this many bytes, so that no
/// string column of a batch can outgrow Arrow's 32-bit offsets.
const MAX_BUFFERED_TEXT: usize = 512 << 20;

fn text(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

/// The fields of an actor struct (`actor`, and the items of `targets`).
fn actor_fields() -> Fields {
    Fields::from(vec![
        text("id", false),
        text("name", false),
        text("kind", false),
        Field::new("resolved", DataType::Boolean, false),
        text("parent", true),
    ])
}

fn date_fields() -> Fields {
    Fields::from(vec![
        text("value", true),
        text("precision", true),
        text("text", false),
    ])
}

fn amount_fields() -> Fields {
    Fields::from(vec![
        text("value", false),
        text("currency", false),
        text("role", false),
        text("text", false),
    ])
}

fn source_fields() -> Fields {
    Fields::from(vec![
        text("source", false),
        text("uri", false),
        Field::new("record", DataType::Int64, false),
        Field::new("span_start", DataType::Int64, true),
        Field::new("span_end", DataType::Int64, true),
        text("quote", true),
    ])
}

fn item(fields: Fields) -> FieldRef {
    Arc::new(Field::new("item", DataType::Struct(fields), false))
}

/// The Arrow schema of the Parquet export (documented in `docs/schema.md`): the JSONL shape,
/// with `actor`, `date` and `amount` as structs, `targets` and `sources` as lists of structs,
/// `flags` as a list of strings, and each span as `span_start`/`span_end`.
pub fn parquet_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("id", false),
        text("action", false),
        text("cameo", true),
        text("plover", true),
        Field::new("actor", DataType::Struct(actor_fields()), true),
        Field::new("targets", DataType::List(item(actor_fields())), false),
        Field::new("target_count", DataType::Int64, true),
        Field::new("date", DataType::Struct(date_fields()), true),
        Field::new("amount", DataType::Struct(amount_fields()), true),
        text("summary", true),
        text("ref", true),
        text("url", true),
        Field::new("sources", DataType::List(item(source_fields())), false),
        Field::new("confidence", DataType::Float64, false),
        Field::new(
            "flags",
            DataType::List(Arc::new(text("item", false))),
            false,
        ),
    ]))
}

/// Lowercase name of a serde unit enum (`day`, `penalty`), as in the JSONL export.
fn name_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Builders for a struct of actors, with its validity.
#[derive(Default)]
struct ActorColumns {
    id: StringBuilder,
    name: StringBuilder,
    kind: StringBuilder,
    resolved: BooleanBuilder,
    parent: StringBuilder,
    valid: Vec<bool>,
}

impl ActorColumns {
    fn push(&mut self, actor: Option<&ActorRef>) {
        self.valid.push(actor.is_some());
        self.id.append_option(actor.map(|a| &a.id));
        self.name.append_option(actor.map(|a| &a.name));
        self.kind.append_option(actor.map(|a| a.kind.as_str()));
        self.resolved.append_option(actor.map(|a| a.resolved));
        self.parent
            .append_option(actor.and_then(|a| a.parent.as_deref()));
    }

    /// The struct array; `nullable` keeps the validity (for `actor`), otherwise every slot is
    /// valid (the items of `targets`).
    fn finish(&mut self, nullable: bool) -> Result<StructArray, ArrowError> {
        let valid = std::mem::take(&mut self.valid);
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.resolved.finish()),
            Arc::new(self.parent.finish()),
        ];
        StructArray::try_new(
            actor_fields(),
            arrays,
            nullable.then(|| NullBuffer::from(valid)),
        )
    }
}

/// Builders for the list of sources.
#[derive(Default)]
struct SourceColumns {
    source: StringBuilder,
    uri: StringBuilder,
    record: Int64Builder,
    span_start: Int64Builder,
    span_end: Int64Builder,
    quote: StringBuilder,
}

/// List offsets, kept as `i32` as Arrow's `List` wants them.
struct Offsets(Vec<i32>);

impl Default for Offsets {
    fn default() -> Self {
        Offsets(vec![0])
    }
}

impl Offsets {
    fn push(&mut self, items: usize) -> Result<(), ArrowError> {
        let last = self.0.last().copied().unwrap_or(0);
        let next = i32::try_from(items)
            .ok()
            .and_then(|n| last.checked_add(n))
            .ok_or_else(|| {
                ArrowError::ComputeError("too many list items in one row group".to_string())
            })?;
        self.0.push(next);
        Ok(())
    }

    fn finish(&mut self) -> OffsetBuffer<i32> {
        let offsets = std::mem::replace(&mut self.0, vec![0]);
        OffsetBuffer::new(ScalarBuffer::from(offsets))
    }
}

fn as_i64(value: u64) -> Result<i64, ArrowError> {
    i64::try_from(value).map_err(|_| {
        ArrowError::ComputeError(format!("{value} does not fit a signed 64-bit column"))
    })
}

/// The builders of one row group.
#[derive(Default)]
struct Columns {
    rows: usize,
    text_bytes: usize,
    id: StringBuilder,
    action: StringBuilder,
    cameo: StringBuilder,
    plover: StringBuilder,
    actor: ActorColumns,
    targets: ActorColumns,
    target_offsets: Offsets,
    target_count: Int64Builder,
    date_value: StringBuilder,
    date_precision: StringBuilder,
    date_text: StringBuilder,
    date_valid: Vec<bool>,
    amount_value: StringBuilder,
    amount_currency: StringBuilder,
    amount_role: StringBuilder,
    amount_text: StringBuilder,
    amount_valid: Vec<bool>,
    summary: StringBuilder,
    reference: StringBuilder,
    url: StringBuilder,
    sources: SourceColumns,
    source_offsets: Offsets,
    confidence: Float64Builder,
    flags: Option<ListBuilder<StringBuilder>>,
}

impl Columns {
    fn push(&mut self, e: &Event) -> Result<(), ArrowError> {
        self.rows += 1;
        self.text_bytes += e.summary.as_ref().map_or(0, String::len)
            + e.sources
                .iter()
                .map(|s| s.quote.as_ref().map_or(0, String::len) + s.uri.len())
                .sum::<usize>()
            + e.targets
                .iter()
                .map(|t| t.name.len() + t.id.len())
                .sum::<usize>();
        self.id.append_value(&e.id);
        self.action.append_value(e.action.as_str());
        self.cameo.append_option(e.cameo.as_deref());
        self.plover.append_option(e.plover.as_deref());
        self.actor.push(e.actor.as_ref());
        for target in &e.targets {
            self.targets.push(Some(target));
        }
        self.target_offsets.push(e.targets.len())?;
        self.target_count
            .append_option(e.target_count.map(i64::from));

        let date = e.date.as_ref();
        self.date_valid.push(date.is_some());
        self.date_value
            .append_option(date.and_then(|d| d.value).map(|v| v.to_string()));
        self.date_precision
            .append_option(date.and_then(|d| d.precision).map(|p| name_of(&p)));
        self.date_text.append_option(date.map(|d| &d.text));

        let amount = e.amount.as_ref();
        self.amount_valid.push(amount.is_some());
        self.amount_value
            .append_option(amount.map(|a| a.value.to_string()));
        self.amount_currency
            .append_option(amount.map(|a| &a.currency));
        self.amount_role
            .append_option(amount.map(|a| name_of(&a.role)));
        self.amount_text.append_option(amount.map(|a| &a.text));

        self.summary.append_option(e.summary.as_deref());
        self.reference.append_option(e.reference.as_deref());
        self.url.append_option(e.url.as_deref());
        for source in &e.sources {
            self.push_source(source)?;
        }
        self.source_offsets.push(e.sources.len())?;
        self.confidence.append_value(e.confidence);
        let flags = self.flags.get_or_insert_with(flag_builder);
        for flag in &e.flags {
            flags.values().append_value(flag);
        }
        flags.append(true);
        Ok(())
    }

    fn push_source(&mut self, s: &SourceRef) -> Result<(), ArrowError> {
        let c = &mut self.sources;
        c.source.append_value(&s.source);
        c.uri.append_value(&s.uri);
        c.record.append_value(as_i64(s.record)?);
        c.span_start
            .append_option(s.span.map(|sp| as_i64(sp[0])).transpose()?);
        c.span_end
            .append_option(s.span.map(|sp| as_i64(sp[1])).transpose()?);
        c.quote.append_option(s.quote.as_deref());
        Ok(())
    }

    /// Everything pushed since the last batch, as a record batch; the builders start over.
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch, ArrowError> {
        self.rows = 0;
        self.text_bytes = 0;
        let date: Vec<ArrayRef> = vec![
            Arc::new(self.date_value.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.date_text.finish()),
        ];
        let date = StructArray::try_new(
            date_fields(),
            date,
            Some(NullBuffer::from(std::mem::take(&mut self.date_valid))),
        )?;
        let amount: Vec<ArrayRef> = vec![
            Arc::new(self.amount_value.finish()),
            Arc::new(self.amount_currency.finish()),
            Arc::new(self.amount_role.finish()),
            Arc::new(self.amount_text.finish()),
        ];
        let amount = StructArray::try_new(
            amount_fields(),
            amount,
            Some(NullBuffer::from(std::mem::take(&mut self.amount_valid))),
        )?;
        let targets = ListArray::try_new(
            item(actor_fields()),
            self.target_offsets.finish(),
            Arc::new(self.targets.finish(false)?),
            None,
        )?;
        let s = &mut self.sources;
        let sources: Vec<ArrayRef> = vec![
            Arc::new(s.source.finish()),
            Arc::new(s.uri.finish()),
            Arc::new(s.record.finish()),
            Arc::new(s.span_start.finish()),
            Arc::new(s.span_end.finish()),
            Arc::new(s.quote.finish()),
        ];
        let sources = ListArray::try_new(
            item(source_fields()),
            self.source_offsets.finish(),
            Arc::new(StructArray::try_new(source_fields(), sources, None)?),
            None,
        )?;
        let flags = self.flags.get_or_insert_with(flag_builder).finish();
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.action.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.plover.finish()),
            Arc::new(self.actor.finish(true)?),
            Arc::new(targets),
            Arc::new(self.target_count.finish()),
            Arc::new(date),
            Arc::new(amount),
            Arc::new(self.summary.finish()),
            Arc::new(self.reference.finish()),
            Arc::new(self.url.finish()),
            Arc::new(sources),
            Arc::new(self.confidence.finish()),
            Arc::new(flags),
        ];
        RecordBatch::try_new(Arc::clone(schema), columns)
    }
}

fn flag_builder() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(Arc::new(text("item", false)))
}

/// Writes events to a Parquet file (Snappy-compressed), one row group per `row_group_size`
/// events, atomically.
///
/// The bytes depend only on the events and their order: the writer stamps no time, and the
/// `created_by` field names the parquet-rs version, so the same build writes the same file.
pub struct ParquetSink {
    path: PathBuf,
    schema: SchemaRef,
    writer: ArrowWriter<AtomicFileWriter>,
    columns: Columns,
    row_group_size: usize,
}

impl ParquetSink {
    /// Starts writing `path`, cutting a row group every `row_group_size` events (at least 1).
    pub fn create(path: &Path, row_group_size: usize) -> Result<Self, ExportError> {
        let row_group_size = row_group_size.max(1);
        let file = AtomicFile::create(path)?;
        let schema = parquet_schema();
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(row_group_size))
            .build();
        let writer = ArrowWriter::try_new(
            AtomicFileWriter(file),
            Arc::clone(&schema),
            Some(properties),
        )
        .map_err(|error| ExportError::Parquet {
            path: path.to_path_buf(),
            error,
        })?;
        Ok(ParquetSink {
            path: path.to_path_buf(),
            schema,
            writer,
            columns: Columns::default(),
            row_group_size,
        })
    }

    fn error(&self, error: impl Into<ParquetError>) -> ExportError {
        ExportError::Parquet {
            path: self.path.clone(),
            error: error.into(),
        }
    }

    /// Writes the buffered events as one row group.
    fn flush_row_group(&mut self) -> Result<(), ExportError> {
        if self.columns.rows == 0 {
            return Ok(());
        }
        let batch = self
            .columns
            .finish(&self.schema)
            .map_err(|e| self.error(e))?;
        self.writer.write(&batch).map_err(|e| self.error(e))?;
        self.writer.flush().map_err(|e| self.error(e))
    }
}

impl EventSink for ParquetSink {
    fn write_event(&mut self, event: &Event) -> Result<(), ExportError> {
        self.columns.push(event).map_err(|e| self.error(e))?;
        if self.columns.rows >= self.row_group_size || self.columns.text_bytes >= MAX_BUFFERED_TEXT
        {
            self.flush_row_group()?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.stage()?.publish()
    }

    fn stage(mut self: Box<Self>) -> Result<crate::Staged, ExportError> {
        self.flush_row_group()?;
        let path = self.path.clone();
        let file = self
            .writer
            .into_inner()
            .map_err(|error| ExportError::Parquet { path, error })?;
        file.0.stage()
    }
}
