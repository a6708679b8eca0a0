//! Running a job.

use std::sync::Arc;

use docket_core::{Event, PartialDate, RawEvent, RawRecord, Reject, TextBody};
use docket_export::open_sink;
use docket_normalize::merge::{MergeOutcome, Merger};
use docket_normalize::{Normalizer, Resolver, SourceHints};
use docket_source::{Registry, Source, SourceContext, SourceError, SourceItem};
use tokio::sync::mpsc;

use crate::job::{Job, OnError, SourceSpec};
use crate::summary::{RunSummary, SourceSummary};
use crate::PipelineError;

/// Finds events in free text. The pipeline calls it for every record that carries text.
pub trait TextExtractor: Send + Sync {
    /// Candidate events in `body`; `context` is the record's structured fields.
    fn extract(&self, body: &TextBody, context: &RawEvent, reference_date: Option<PartialDate>) -> Vec<RawEvent>;
}

/// Progress of a run, for progress bars.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes read so far in all sources.
    pub bytes_read: u64,
    /// Total bytes of all sources seen so far.
    pub bytes_total: u64,
}

/// How to run.
#[derive(Clone, Default)]
pub struct RunOptions {
    /// Fail at the first rejected record.
    pub strict: bool,
    /// Called now and then with progress.
    pub progress: Option<Arc<dyn Fn(Progress) + Send + Sync>>,
    /// The text extractor; without one, records with text are read from their fields only.
    pub extractor: Option<Arc<dyn TextExtractor>>,
}

/// The registry of built-in adapters: `csv`, `json`, `jsonl`.
pub fn default_registry() -> Registry {
    let mut registry = Registry::new();
    registry
        .register(docket_source_csv::CsvFactory)
        .register(docket_source_json::JsonFactory)
        .register(docket_source_json::JsonlFactory);
    registry
}

/// Records are passed from the reader thread to the normalizer in batches of this size.
const BATCH: usize = 256;
/// Batches in flight between reader and normalizer (bounds memory).
const CHANNEL_BATCHES: usize = 8;

struct Context<'a> {
    normalizer: &'a Normalizer,
    extractor: Option<&'a dyn TextExtractor>,
    reference_date: Option<PartialDate>,
}

impl Context<'_> {
    /// The events of one record, or the reason it is rejected.
    fn events_for_record(&self, record: &RawRecord, spec: &SourceSpec) -> Result<Vec<Event>, String> {
        let hints: &SourceHints = &spec.hints;
        let has_structured_action = record.fields.action.is_some() || hints.constants.action.is_some();
        let extracted = match (&record.text, self.extractor) {
            (Some(body), Some(extractor)) => {
                let mut body = body.clone();
                if body.published.is_none() {
                    body.published = spec.published.clone();
                }
                if body.lang.is_none() {
                    body.lang = spec.common.lang.clone();
                }
                extractor.extract(&body, &record.fields, self.reference_date)
            }
            _ => Vec::new(),
        };
        if has_structured_action || record.text.is_none() {
            // one event from the fields; text only fills what the fields lack
            let mut fields = record.fields.clone();
            let action = fields
                .action
                .as_deref()
                .or(hints.constants.action.as_deref())
                .and_then(docket_normalize::action::action_from_word);
            if let Some(found) = extracted
                .iter()
                .find(|e| e.action.as_deref().and_then(docket_normalize::action::action_from_word) == action)
            {
                fill_missing(&mut fields, found);
            }
            return self.normalizer.normalize(&fields, &record.origin, hints).map(|e| vec![e]);
        }
        if extracted.is_empty() {
            return Err("no enforcement action found in the text".to_string());
        }
        let mut events = Vec::with_capacity(extracted.len());
        for raw in &extracted {
            match self.normalizer.normalize(raw, &record.origin, hints) {
                Ok(event) => events.push(event),
                Err(reason) => tracing::debug!(%reason, "extracted candidate dropped"),
            }
        }
        if events.is_empty() {
            return Err("the text's candidate events could not be normalized".to_string());
        }
        Ok(events)
    }
}

fn fill_missing(fields: &mut RawEvent, from: &RawEvent) {
    if fields.actor.as_ref().is_none_or(|a| a.name.trim().is_empty()) {
        fields.actor = from.actor.clone();
    }
    if fields.targets.is_empty() {
        fields.targets = from.targets.clone();
    }
    if fields.date.is_none() && fields.date_resolved.is_none() {
        fields.date_resolved = from.date_resolved.clone();
    }
    if fields.amount.is_none() {
        fields.amount = from.amount.clone();
        fields.amount_role = from.amount_role;
    }
    if fields.span.is_none() {
        fields.span = from.span;
        fields.quote = from.quote.clone();
    }
}

/// Reads a source on a blocking thread and sends its items in batches.
fn spawn_reader(
    mut source: Box<dyn Source>,
    sender: mpsc::Sender<Vec<SourceItem>>,
    progress: Option<Arc<dyn Fn(Progress) + Send + Sync>>,
    base: Progress,
) -> tokio::task::JoinHandle<Result<(), SourceError>> {
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let mut batch = Vec::with_capacity(BATCH);
        loop {
            let item = handle.block_on(source.next_item())?;
            let done = item.is_none();
            if let Some(item) = item {
                batch.push(item);
            }
            if batch.len() == BATCH || (done && !batch.is_empty()) {
                if let Some(report) = &progress {
                    report(Progress {
                        bytes_read: base.bytes_read + source.bytes_read(),
                        bytes_total: base.bytes_total + source.bytes_total().unwrap_or(0),
                    });
                }
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if sender.blocking_send(full).is_err() {
                    return Ok(());
                }
            }
            if done {
                return Ok(());
            }
        }
    })
}

/// Runs a job: reads every source, normalizes, merges, and writes every export and the rejects
/// file. Nothing is written when the run fails.
pub async fn run_job(job: &Job, registry: &Registry, options: &RunOptions) -> Result<RunSummary, PipelineError> {
    let extra = match &job.job.catalogue {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| PipelineError::Job {
                path: job.path.clone(),
                line: crate::job::locate_key(&job.text, "job", "catalogue"),
                reason: format!("catalogue {}: {e}", path.display()),
            })?;
            Some(docket_normalize::parse_catalogue(&text, &path.display().to_string())?)
        }
        None => None,
    };
    let resolver = Arc::new(Resolver::with_built_in(extra)?);
    let normalizer = Normalizer::new(resolver);
    let context = Context {
        normalizer: &normalizer,
        extractor: options.extractor.as_deref(),
        reference_date: job.job.reference_date,
    };

    let mut merger = Merger::new();
    let mut rejects: Vec<Reject> = Vec::new();
    let mut summary = RunSummary {
        job: job.job.name.clone(),
        ..RunSummary::default()
    };
    let mut progress_base = Progress::default();

    for spec in &job.sources {
        let mut counts = SourceSummary {
            name: spec.name.clone(),
            ..SourceSummary::default()
        };
        let factory = registry.get(&spec.common.kind).ok_or_else(|| {
            job.source_error(
                &spec.name,
                format!(
                    "`kind` {:?} is not a registered adapter; known kinds are {}",
                    spec.common.kind,
                    registry.kinds().collect::<Vec<_>>().join(", ")
                ),
            )
        })?;
        let source_context = SourceContext::new(spec.name.as_str(), job.base_dir.clone(), job.limits);
        let built = factory.build(spec.adapter.clone(), &source_context);
        let source = match built {
            Ok(source) => source,
            Err(SourceError::Config { reason, .. }) => return Err(job.source_error(&spec.name, reason)),
            Err(error) if spec.common.on_error == OnError::Skip => {
                tracing::warn!(source = %spec.name, %error, "source skipped");
                counts.error = Some(error.to_string());
                summary.sources.push(counts);
                continue;
            }
            Err(error) => return Err(PipelineError::Source { name: spec.name.clone(), error }),
        };
        let total = source.bytes_total().unwrap_or(0);
        let (sender, mut receiver) = mpsc::channel::<Vec<SourceItem>>(CHANNEL_BATCHES);
        let reader = spawn_reader(source, sender, options.progress.clone(), progress_base);

        while let Some(batch) = receiver.recv().await {
            for item in batch {
                counts.read += 1;
                let outcome = match item {
                    SourceItem::Reject(reject) => Err(reject),
                    SourceItem::Record(record) => match context.events_for_record(&record, spec) {
                        Ok(events) => Ok(events),
                        Err(reason) => Err(Reject::new(&record.origin, reason, &record.raw)),
                    },
                };
                match outcome {
                    Ok(events) => {
                        counts.events += events.len() as u64;
                        let mut any_new = false;
                        for event in events {
                            if let MergeOutcome::New(_) = merger.push(event) {
                                any_new = true;
                            }
                        }
                        if any_new {
                            counts.emitted += 1;
                        } else {
                            counts.merged += 1;
                        }
                    }
                    Err(reject) => {
                        if options.strict {
                            return Err(PipelineError::StrictReject {
                                source_name: reject.source,
                                uri: reject.uri,
                                record: reject.record,
                                reason: reject.reason,
                            });
                        }
                        counts.rejected += 1;
                        rejects.push(reject);
                    }
                }
            }
        }
        match reader.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) if spec.common.on_error == OnError::Skip => {
                tracing::warn!(source = %spec.name, %error, "source stopped early");
                counts.error = Some(error.to_string());
            }
            Ok(Err(error)) => return Err(PipelineError::Source { name: spec.name.clone(), error }),
            Err(join) => {
                return Err(PipelineError::Source {
                    name: spec.name.clone(),
                    error: SourceError::Fatal {
                        path: job.path.clone(),
                        record: counts.read,
                        reason: format!("reader thread failed: {join}"),
                    },
                })
            }
        }
        progress_base.bytes_read += total;
        progress_base.bytes_total += total;
        if !counts.balanced() {
            return Err(PipelineError::Accounting {
                name: spec.name.clone(),
                detail: format!(
                    "read {} != emitted {} + merged {} + rejected {}",
                    counts.read, counts.emitted, counts.merged, counts.rejected
                ),
            });
        }
        summary.sources.push(counts);
    }

    let events = merger.finish();
    summary.events = events.len() as u64;
    summary.rejects = rejects.len() as u64;
    for (_, export) in &job.exports {
        let mut sink = open_sink(export.kind, &export.path, &job.job.name)?;
        for event in &events {
            sink.write_event(event)?;
        }
        sink.finish()?;
        summary.outputs.push(export.path.display().to_string());
    }
    docket_export::write_rejects(&job.job.rejects, &rejects)?;
    summary.outputs.push(job.job.rejects.display().to_string());
    Ok(summary)
}

/// [`run_job`] on a fresh multi-threaded runtime.
pub fn run_job_blocking(job: &Job, registry: &Registry, options: &RunOptions) -> Result<RunSummary, PipelineError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(PipelineError::Runtime)?;
    runtime.block_on(run_job(job, registry, options))
}
