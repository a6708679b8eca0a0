//! Running a job.

use std::sync::Arc;

use std::collections::VecDeque;

use docket_core::{Event, PartialDate, RawEvent, RawRecord, RecordOrigin, Reject, TextBody};
use docket_export::{open_export, AtomicFile};
use docket_normalize::merge::{content_id, IdAllocator, MergeOutcome, Merger, Prepared};
use docket_normalize::{Normalizer, Resolver, SourceHints};
use docket_source::{Registry, Source, SourceContext, SourceError, SourceItem};
use tokio::sync::mpsc;

use crate::job::{Job, OnError, SourceSpec};
use crate::spill::{event_from_json, SpillStore};
use crate::summary::{RunSummary, SourceSummary};
use crate::PipelineError;

/// Finds events in free text. The pipeline calls it for every record that carries text.
pub trait TextExtractor: Send + Sync {
    /// Candidate events in `body`; `context` is the record's structured fields. An extractor
    /// that only finds events returns them with `.into()`.
    fn extract(
        &self,
        body: &TextBody,
        context: &RawEvent,
        reference_date: Option<PartialDate>,
    ) -> TextFindings;
}

/// What a [`TextExtractor`] found in one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextFindings {
    /// Candidate events.
    pub events: Vec<RawEvent>,
    /// Actions the text reports without naming who took them or whom they were taken against,
    /// each with the byte span of its sentence. They make no event; when a record has no event,
    /// the first of them is the reason in its reject line.
    pub unattributed: Vec<docket_extract::Unattributed>,
}

impl From<Vec<RawEvent>> for TextFindings {
    fn from(events: Vec<RawEvent>) -> Self {
        TextFindings {
            events,
            unattributed: Vec::new(),
        }
    }
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
    /// A text extractor to use instead of the built-in one (`docket_extract::Extractor` over the
    /// job's catalogue).
    pub extractor: Option<Arc<dyn TextExtractor>>,
    /// Worker threads for normalization (default: the number of cores). The output does not
    /// depend on it.
    pub threads: Option<usize>,
}

/// The registry of built-in adapters: `csv`, `json`, `jsonl`, `text`, `rss`.
pub fn default_registry() -> Registry {
    let mut registry = Registry::new();
    registry
        .register(docket_source_csv::CsvFactory)
        .register(docket_source_json::JsonFactory)
        .register(docket_source_json::JsonlFactory)
        .register(docket_source_text::TextFactory)
        .register(docket_source_rss::RssFactory);
    registry
}

impl TextExtractor for docket_extract::Extractor {
    fn extract(
        &self,
        body: &TextBody,
        context: &RawEvent,
        reference_date: Option<PartialDate>,
    ) -> TextFindings {
        let found = docket_extract::Extractor::extract(self, body, context, reference_date);
        TextFindings {
            events: found.events,
            unattributed: found.unattributed,
        }
    }
}

/// A sentence for a reject line: white space collapsed, at most 160 characters (cut at a
/// word, with "...").
fn sentence_excerpt(sentence: &str) -> String {
    const MAX_CHARS: usize = 160;
    let squeezed = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if squeezed.chars().count() <= MAX_CHARS {
        return squeezed;
    }
    let cut: String = squeezed.chars().take(MAX_CHARS).collect();
    let kept = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{kept} ...")
}

/// Records are passed from the reader thread to the normalizer in batches of this size.
const BATCH: usize = 256;
/// Batches in flight between reader and normalizer (bounds memory).
const CHANNEL_BATCHES: usize = 8;

/// What a worker needs to turn records into events. Shared by all workers of a source.
struct Work {
    normalizer: Normalizer,
    extractor: Option<Arc<dyn TextExtractor>>,
    reference_date: Option<PartialDate>,
    spec: Arc<SourceSpec>,
}

/// What became of one record.
enum Outcome {
    /// Its events, each as its merge keys and its JSON (content id set); the events themselves
    /// stay on the normalizer thread (the merger makes one again from its JSON when it must
    /// compare it in full).
    Events(Vec<(Prepared, Vec<u8>)>),
    /// Rejected.
    Rejected(Reject),
}

impl Work {
    /// The events of one record, or the reason it is rejected.
    fn events_for_record(
        &self,
        origin: &RecordOrigin,
        fields: RawEvent,
        text: Option<TextBody>,
    ) -> Result<Vec<Event>, String> {
        let spec = &self.spec;
        let hints: &SourceHints = &spec.hints;
        let has_structured_action = fields.action.is_some() || hints.constants.action.is_some();
        let extracted = match (&text, &self.extractor) {
            (Some(body), Some(extractor)) => {
                let mut body = body.clone();
                if body.published.is_none() {
                    body.published = spec.published.clone();
                }
                if body.lang.is_none() {
                    body.lang = spec.common.lang.clone();
                }
                extractor.extract(&body, &fields, self.reference_date)
            }
            _ => TextFindings::default(),
        };
        let TextFindings {
            events: extracted,
            unattributed,
        } = extracted;
        if has_structured_action || text.is_none() {
            // one event from the fields; text only fills what the fields lack
            let mut fields = fields;
            let action = fields
                .action
                .as_deref()
                .or(hints.constants.action.as_deref())
                .and_then(docket_normalize::action::action_from_word);
            if let Some(found) = extracted.iter().find(|e| {
                e.action
                    .as_deref()
                    .and_then(docket_normalize::action::action_from_word)
                    == action
            }) {
                fill_missing(&mut fields, found, &hints.constants);
            } else if let Some((body, (start, end))) = text.as_ref().and_then(|body| {
                // the sentence of an action of that kind that named nobody is still where the
                // text reports it: the event's quote ("Indictment Issued Against Investment
                // Adviser Named in SEC Action")
                unattributed
                    .iter()
                    .find(|u| Some(u.action) == action)
                    .map(|u| (body, u.sentence))
            }) {
                if fields.span.is_none() {
                    if let Some(quote) = body.text.get(start..end) {
                        fields.span = Some([body.file_offset(start), body.file_offset(end)]);
                        fields.quote = Some(quote.to_string());
                    }
                }
            }
            return self
                .normalizer
                .normalize_owned(fields, origin, hints)
                .map(|e| vec![e]);
        }
        if extracted.is_empty() {
            return Err(match (unattributed.first(), &text) {
                (Some(found), Some(body)) => format!(
                    "an enforcement action ({}) was found, but neither who took it nor whom it \
                     was taken against could be identified: \"{}\"",
                    found.action.as_str(),
                    sentence_excerpt(
                        body.text
                            .get(found.sentence.0..found.sentence.1)
                            .unwrap_or("")
                    )
                ),
                _ => "no enforcement action found in the text".to_string(),
            });
        }
        let mut events = Vec::with_capacity(extracted.len());
        for mut raw in extracted {
            // the record's own reference, link and (mapped) date belong to every event read from it
            if raw.reference.is_none() {
                raw.reference = fields.reference.clone();
            }
            if raw.url.is_none() {
                raw.url = fields.url.clone();
            }
            if raw.date_resolved.is_none() && raw.date.is_none() {
                raw.date = fields.date.clone();
            }
            match self.normalizer.normalize_owned(raw, origin, hints) {
                Ok(event) => events.push(event),
                Err(reason) => tracing::debug!(%reason, "extracted candidate dropped"),
            }
        }
        if events.is_empty() {
            return Err("the text's candidate events could not be normalized".to_string());
        }
        Ok(events)
    }

    /// Turns a batch of items into outcomes, in order.
    fn process(&self, batch: Vec<SourceItem>) -> Vec<Outcome> {
        batch
            .into_iter()
            .map(|item| match item {
                SourceItem::Reject(reject) => Outcome::Rejected(reject),
                SourceItem::Record(RawRecord {
                    origin,
                    raw,
                    fields,
                    text,
                }) => {
                    let prepared = self
                        .events_for_record(&origin, fields, text)
                        .and_then(|events| events.into_iter().map(prepare).collect());
                    match prepared {
                        Ok(events) => Outcome::Events(events),
                        Err(reason) => Outcome::Rejected(Reject::new(&origin, reason, &raw)),
                    }
                }
            })
            .collect()
    }
}

/// An event's content id, merge keys and JSON.
fn prepare(mut event: Event) -> Result<(Prepared, Vec<u8>), String> {
    event.id = content_id(&event);
    // room for the usual event, so the buffer is not regrown field by field
    let mut json = Vec::with_capacity(768 + event.summary.as_ref().map_or(0, String::len));
    docket_export::write_event_json(&mut json, &event)
        .map_err(|error| format!("the event could not be written as JSON: {error}"))?;
    Ok((Prepared::of(&event), json))
}

/// Fills the fields a record lacks from what the extractor read in its text. A field the job
/// gives a constant for keeps the constant: the job's own statement ("every release is the
/// SEC's") outranks a reading of the text, as the record's own value outranks both.
fn fill_missing(fields: &mut RawEvent, from: &RawEvent, constants: &RawEvent) {
    if constants.actor.is_none()
        && fields
            .actor
            .as_ref()
            .is_none_or(|a| a.name.trim().is_empty())
    {
        fields.actor = from.actor.clone();
    }
    if constants.targets.is_empty() && fields.targets.is_empty() {
        fields.targets = from.targets.clone();
    }
    if constants.date.is_none() && fields.date.is_none() && fields.date_resolved.is_none() {
        fields.date_resolved = from.date_resolved.clone();
    }
    if constants.amount.is_none() && fields.amount.is_none() {
        fields.amount = from.amount.clone();
        fields.amount_role = from.amount_role;
    }
    if fields.span.is_none() {
        fields.span = from.span;
        fields.quote = from.quote.clone();
    }
}

/// A batch of records for a worker, and where to send its outcomes.
type PoolJob = (
    Arc<Work>,
    Vec<SourceItem>,
    tokio::sync::oneshot::Sender<Vec<Outcome>>,
);

/// A fixed set of normalizer threads for one run. Batches go to whichever thread is free; each
/// answer comes back on its own channel, so the merger takes them in input order. A fixed set
/// (rather than a growing pool of blocking threads) keeps the per-thread caches few and warm
/// and the memory of a run the same from run to run.
struct WorkerPool {
    jobs: Option<std::sync::mpsc::Sender<PoolJob>>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl WorkerPool {
    fn new(threads: usize) -> std::io::Result<Self> {
        let (jobs, queue) = std::sync::mpsc::channel::<PoolJob>();
        let queue = Arc::new(std::sync::Mutex::new(queue));
        let mut handles = Vec::with_capacity(threads);
        for index in 0..threads {
            let queue = Arc::clone(&queue);
            let handle = std::thread::Builder::new()
                .name(format!("docket-normalize-{index}"))
                .spawn(move || loop {
                    let next = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    let Ok((work, batch, answer)) = next else {
                        return;
                    };
                    // the merger may have stopped waiting (a failed run): nothing to do then
                    let _ = answer.send(work.process(batch));
                })?;
            handles.push(handle);
        }
        Ok(WorkerPool {
            jobs: Some(jobs),
            threads: handles,
        })
    }

    /// Queues a batch; its outcomes arrive on the returned channel (closed without a value if
    /// the worker failed).
    fn submit(
        &self,
        work: Arc<Work>,
        batch: Vec<SourceItem>,
    ) -> tokio::sync::oneshot::Receiver<Vec<Outcome>> {
        let (answer, outcomes) = tokio::sync::oneshot::channel();
        if let Some(jobs) = &self.jobs {
            // a send fails only when every worker has died; the closed answer reports it
            let _ = jobs.send((work, batch, answer));
        }
        outcomes
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        // closing the queue ends every worker once it is idle
        self.jobs.take();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
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
/// file. Nothing is written when the run fails: every output is written in full and synced
/// beside its destination first, and only then are they all put in place
/// ([`docket_export::publish_all`]).
pub async fn run_job(
    job: &Job,
    registry: &Registry,
    options: &RunOptions,
) -> Result<RunSummary, PipelineError> {
    let extra = match &job.job.catalogue {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| PipelineError::Job {
                path: job.path.clone(),
                line: crate::job::locate_key(&job.text, "job", "catalogue"),
                reason: format!("catalogue {}: {e}", path.display()),
            })?;
            Some(docket_normalize::parse_catalogue(
                &text,
                &path.display().to_string(),
            )?)
        }
        None => None,
    };
    let resolver = Arc::new(Resolver::with_built_in(extra)?);
    let started = std::time::Instant::now();
    // The built-in adapters give a record text only for kinds `text` and `rss`, or when the
    // source maps a `text` field; the extractor (tens of milliseconds of automaton building
    // and tens of MB with the built-in catalogue) is built only when some source may give
    // text. Adapters from outside are assumed to.
    let structured_only = |spec: &crate::job::SourceSpec| {
        matches!(spec.common.kind.as_str(), "csv" | "json" | "jsonl")
            && !spec
                .adapter
                .get("fields")
                .and_then(toml::Value::as_table)
                .is_some_and(|fields| fields.contains_key("text"))
    };
    let needs_extractor = !job.sources.iter().all(structured_only);
    let extractor: Option<Arc<dyn TextExtractor>> = match &options.extractor {
        Some(extractor) => Some(Arc::clone(extractor)),
        None if !needs_extractor => None,
        None => Some(Arc::new(
            docket_extract::Extractor::new(Arc::clone(&resolver)).map_err(|e| {
                PipelineError::Job {
                    path: job.path.clone(),
                    line: None,
                    reason: format!("text extractor: {e}"),
                }
            })?,
        )),
    };
    let rollup_resolver = Arc::clone(&resolver);
    let mut normalizer = Normalizer::new(resolver);
    if !job.job.convert.is_empty() {
        let table = docket_normalize::convert::RateTable::built_in()?;
        normalizer = normalizer
            .with_conversion(table, job.job.convert.clone())
            .map_err(|reason| PipelineError::Job {
                path: job.path.clone(),
                line: crate::job::locate_key(&job.text, "job", "convert"),
                reason,
            })?;
    }

    // what a killed run left beside the outputs: its temporary files, never read
    let mut output_dirs: Vec<std::path::PathBuf> = job
        .exports
        .iter()
        .map(|(_, export)| export.path.as_path())
        .chain(std::iter::once(job.job.rejects.as_path()))
        .map(|path| docket_export::temp_dir_of(path).to_path_buf())
        .collect();
    output_dirs.sort();
    output_dirs.dedup();
    for dir in &output_dirs {
        match docket_export::remove_stale_temp_files(dir) {
            Ok(removed) => {
                for path in removed {
                    tracing::info!(path = %path.display(), "removed a killed run's temporary file");
                }
            }
            Err(error) => {
                tracing::warn!(dir = %dir.display(), %error, "could not clean up old temporary files")
            }
        }
    }

    let spill_dir = job
        .exports
        .first()
        .and_then(|(_, e)| e.path.parent().map(std::path::Path::to_path_buf))
        .unwrap_or_else(std::env::temp_dir);
    let store = SpillStore::new_in(&spill_dir).map_err(|error| export_io(&spill_dir, error))?;
    let mut merger = Merger::with_store(store);
    let mut rejects = AtomicFile::create(&job.job.rejects)?;
    let mut summary = RunSummary {
        job: job.job.name.clone(),
        ..RunSummary::default()
    };
    let mut progress_base = Progress::default();
    let threads = options
        .threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        })
        .max(1);
    // one thread normalizes on the merger's own thread; more get a fixed pool
    let pool = if threads > 1 {
        Some(WorkerPool::new(threads).map_err(PipelineError::Runtime)?)
    } else {
        None
    };

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
        let source_context =
            SourceContext::new(spec.name.as_str(), job.base_dir.clone(), job.limits);
        let source = match factory.build(spec.adapter.clone(), &source_context) {
            Ok(source) => source,
            Err(SourceError::Config { reason, .. }) => {
                return Err(job.source_error(&spec.name, reason))
            }
            Err(error) if spec.common.on_error == OnError::Skip => {
                tracing::warn!(source = %spec.name, %error, "source skipped");
                counts.error = Some(error.to_string());
                summary.sources.push(counts);
                continue;
            }
            Err(error) => {
                return Err(PipelineError::Source {
                    name: spec.name.clone(),
                    error,
                })
            }
        };
        let total = source.bytes_total().unwrap_or(0);
        tracing::info!(source = %spec.name, kind = %spec.common.kind, bytes = total, "reading source");
        let (sender, mut receiver) = mpsc::channel::<Vec<SourceItem>>(CHANNEL_BATCHES);
        let reader = spawn_reader(source, sender, options.progress.clone(), progress_base);
        let mut spec_for_work = spec.clone();
        let hints = &spec.hints.date;
        if hints.order.is_none() && hints.format.is_none() {
            // no hint: infer day-first or month-first from the source's unambiguous rows
            let scan = factory.build(spec.adapter.clone(), &source_context);
            if let Ok(scan) = scan {
                let vote = tokio::task::spawn_blocking(move || prescan_dates(scan))
                    .await
                    .unwrap_or_default();
                if vote.day_first + vote.month_first + vote.ambiguous > 0 {
                    if let docket_normalize::date::DayOrderDecision::Order(order) = vote.decision(1)
                    {
                        spec_for_work.hints.date.order = Some(order);
                    }
                    counts.notes.push(format!("date order: {}", vote.report(1)));
                }
            }
        }
        let work = Arc::new(Work {
            normalizer: normalizer.clone(),
            extractor: extractor.clone(),
            reference_date: job.job.reference_date,
            spec: Arc::new(spec_for_work),
        });

        // batches are normalized on `threads` workers and merged in input order; two batches
        // per worker are in flight, so that a worker has the next one while the merger takes
        // the results of the last
        let max_in_flight = if threads == 1 { 1 } else { 2 * threads };
        let mut in_flight: VecDeque<tokio::sync::oneshot::Receiver<Vec<Outcome>>> = VecDeque::new();
        let mut finished = false;
        while !finished || !in_flight.is_empty() {
            if !finished && in_flight.len() < max_in_flight {
                match receiver.recv().await {
                    Some(batch) => match &pool {
                        Some(pool) => in_flight.push_back(pool.submit(Arc::clone(&work), batch)),
                        None => {
                            let outcomes = work.process(batch);
                            account(
                                outcomes,
                                &mut counts,
                                &mut merger,
                                &mut rejects,
                                options.strict,
                            )?;
                        }
                    },
                    None => finished = true,
                }
                continue;
            }
            if let Some(handle) = in_flight.pop_front() {
                let outcomes = handle.await.map_err(|_| PipelineError::Source {
                    name: spec.name.clone(),
                    error: SourceError::Fatal {
                        path: job.path.clone(),
                        record: counts.read,
                        reason: "a normalizer thread failed".to_string(),
                    },
                })?;
                account(
                    outcomes,
                    &mut counts,
                    &mut merger,
                    &mut rejects,
                    options.strict,
                )?;
            }
        }
        match reader.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) if spec.common.on_error == OnError::Skip => {
                tracing::warn!(source = %spec.name, %error, "source stopped early");
                counts.error = Some(error.to_string());
            }
            Ok(Err(error)) => {
                return Err(PipelineError::Source {
                    name: spec.name.clone(),
                    error,
                })
            }
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
        summary.rejects += counts.rejected;
        summary.sources.push(counts);
    }

    summary.events = merger.len() as u64;
    tracing::info!(
        events = summary.events,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "sources read and merged; writing outputs"
    );
    let mut sinks = Vec::new();
    for (_, export) in &job.exports {
        sinks.push((open_export(export, &job.job.name)?, export.rollup.is_some()));
        summary.outputs.push(export.path.display().to_string());
    }
    write_events(
        merger.into_store(),
        &mut sinks,
        &normalizer,
        &rollup_resolver,
        threads,
    )
    .map_err(|error| export_io(&spill_dir, error))?;
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "events written; committing outputs"
    );
    // every output is written in full and synced before any is put in place: a failure up to
    // here leaves all the previous outputs as they were, not some old and some new
    let mut staged = Vec::with_capacity(sinks.len() + 1);
    for (sink, _) in sinks {
        staged.push(sink.stage()?);
    }
    staged.push(rejects.stage()?);
    docket_export::publish_all(staged)?;
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "outputs written"
    );
    summary.outputs.push(job.job.rejects.display().to_string());
    Ok(summary)
}

fn export_io(path: &std::path::Path, error: std::io::Error) -> PipelineError {
    PipelineError::Export(docket_export::ExportError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// Reads a source once for its date fields and counts which numeric day/month order its
/// unambiguous rows use. Stops early when the first 1,000 records carry no date at all.
fn prescan_dates(mut source: Box<dyn Source>) -> docket_normalize::date::DayOrderVote {
    let mut vote = docket_normalize::date::DayOrderVote::default();
    let handle = tokio::runtime::Handle::current();
    let mut records = 0u64;
    let mut dated = 0u64;
    while let Ok(Some(item)) = handle.block_on(source.next_item()) {
        if let SourceItem::Record(record) = item {
            records += 1;
            if let Some(date) = &record.fields.date {
                dated += 1;
                vote.observe(date);
            }
        }
        if records >= 1000 && dated == 0 {
            break;
        }
    }
    vote
}

/// Folds a batch's outcomes into the merger, the rejects file and the counts.
fn account(
    outcomes: Vec<Outcome>,
    counts: &mut SourceSummary,
    merger: &mut Merger<SpillStore>,
    rejects: &mut AtomicFile,
    strict: bool,
) -> Result<(), PipelineError> {
    for outcome in outcomes {
        counts.read += 1;
        match outcome {
            Outcome::Events(events) => {
                counts.events += events.len() as u64;
                let mut any_new = false;
                for (prepared, json) in events {
                    let outcome = merger
                        .push_prepared(prepared, json, event_from_json)
                        .map_err(|error| export_io(std::path::Path::new("spill file"), error))?;
                    any_new |= matches!(outcome, MergeOutcome::New(_));
                }
                if any_new {
                    counts.emitted += 1;
                } else {
                    counts.merged += 1;
                }
            }
            Outcome::Rejected(reject) => {
                if strict {
                    return Err(PipelineError::StrictReject {
                        source_name: reject.source,
                        uri: reject.uri,
                        record: reject.record,
                        reason: reject.reason,
                    });
                }
                counts.rejected += 1;
                rejects.write_json_line(&reject)?;
            }
        }
    }
    Ok(())
}

/// The content id stored at the start of an event's JSON (`{"id":"ev-...",`).
fn stored_id(json: &[u8]) -> Option<&str> {
    let rest = json.strip_prefix(b"{\"id\":\"")?;
    let end = rest.iter().position(|&b| b == b'"')?;
    std::str::from_utf8(&rest[..end]).ok()
}

/// One stretch of the final output, read back from the spill: the JSON of events written as
/// they are, end to end in `bytes`, and the events that must be written from their fields.
#[derive(Default)]
struct OutputBatch {
    bytes: Vec<u8>,
    items: Vec<OutputItem>,
}

/// One event of an [`OutputBatch`].
enum OutputItem {
    /// Stored JSON, unchanged and with its id final: `bytes[start..end]`.
    Stored { start: usize, end: usize },
    /// An event changed by a merge, or whose id had to change.
    Made(Box<Event>),
}

/// Bytes of stored JSON per [`OutputBatch`] before it is handed on.
const OUTPUT_BATCH_BYTES: usize = 1 << 18;

impl OutputBatch {
    /// An empty batch with room for a full one.
    fn with_capacity() -> Self {
        OutputBatch {
            bytes: Vec::with_capacity(OUTPUT_BATCH_BYTES + (1 << 16)),
            items: Vec::with_capacity(1024),
        }
    }

    fn is_full(&self) -> bool {
        self.bytes.len() >= OUTPUT_BATCH_BYTES || self.items.len() >= 2048
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.items.clear();
    }
}

/// Reads the merged events back in order and gives them their final ids, handing them to
/// `emit` a batch at a time (the batch is cleared or replaced by `emit`). Events untouched by
/// merges and with a unique id stay as their stored JSON.
fn read_back(
    store: SpillStore,
    normalizer: &Normalizer,
    mut ids: IdAllocator,
    mut batch: OutputBatch,
    mut emit: impl FnMut(&mut OutputBatch) -> std::io::Result<()>,
) -> std::io::Result<()> {
    store.for_each(|_, changed, json| {
        let item = match changed {
            Some(mut event) => {
                // a merge may have given the event a date: convert again, then a fresh id
                normalizer.convert(&mut event);
                event.id = ids.assign(&content_id(&event));
                OutputItem::Made(Box::new(event))
            }
            None => {
                let base = stored_id(json)
                    .ok_or_else(|| std::io::Error::other("spilled event without an id"))?;
                let id = ids.assign(base);
                if id == base {
                    let start = batch.bytes.len();
                    batch.bytes.extend_from_slice(json);
                    OutputItem::Stored {
                        start,
                        end: batch.bytes.len(),
                    }
                } else {
                    let mut event = event_from_json(json)?;
                    event.id = id;
                    OutputItem::Made(Box::new(event))
                }
            }
        };
        batch.items.push(item);
        if batch.is_full() {
            emit(&mut batch)?;
        }
        Ok(())
    })?;
    if !batch.items.is_empty() {
        emit(&mut batch)?;
    }
    Ok(())
}

/// Writes one batch to every sink. Stored JSON goes as it is to sinks that take JSON; other
/// sinks, and rolled-up exports, get the event.
fn write_batch(
    batch: &OutputBatch,
    sinks: &mut [(Box<dyn docket_export::EventSink>, bool)],
    resolver: &Resolver,
) -> std::io::Result<()> {
    let to_io = |e: docket_export::ExportError| std::io::Error::other(e.to_string());
    for item in &batch.items {
        let (json, mut event) = match item {
            OutputItem::Stored { start, end } => (&batch.bytes[*start..*end], None),
            OutputItem::Made(event) => (&[][..], Some(std::borrow::Cow::Borrowed(&**event))),
        };
        for (sink, rollup) in sinks.iter_mut() {
            if event.is_none() && !*rollup {
                if let Some(result) = sink.write_json(json) {
                    result.map_err(to_io)?;
                    continue;
                }
            }
            let current = match &event {
                Some(event) => event,
                None => event.insert(std::borrow::Cow::Owned(event_from_json(json)?)),
            };
            if *rollup {
                let mut rolled = current.clone().into_owned();
                docket_normalize::rollup::roll_up(resolver, &mut rolled);
                sink.write_event(&rolled).map_err(to_io)?;
            } else {
                sink.write_event(current).map_err(to_io)?;
            }
        }
    }
    Ok(())
}

/// Reads the merged events back in order, gives them their final ids and writes every sink.
/// With `threads > 1` the read-back (spill reads, id checks) runs on a thread of its own while
/// the sinks write, a few batches apart; the bytes written are the same either way.
fn write_events(
    store: SpillStore,
    sinks: &mut [(Box<dyn docket_export::EventSink>, bool)],
    normalizer: &Normalizer,
    resolver: &Resolver,
    threads: usize,
) -> std::io::Result<()> {
    // the id set and the batch buffers are allocated here, on the thread that freed the merge
    // index, so that they reuse its memory rather than take fresh pages on another thread
    let ids = IdAllocator::with_capacity(docket_normalize::merge::EventStore::len(&store));
    let first = OutputBatch::with_capacity();
    if threads < 2 {
        return read_back(store, normalizer, ids, first, |batch| {
            write_batch(batch, sinks, resolver)?;
            batch.clear();
            Ok(())
        });
    }
    // full batches go one way, emptied ones come back to be filled again (their buffers are
    // reused instead of taking fresh pages for every batch)
    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<OutputBatch>(2);
    let (empty_tx, empty_rx) = std::sync::mpsc::channel::<OutputBatch>();
    for _ in 0..3 {
        // every batch that can be in flight at once: filling, two queued, being written
        let _ = empty_tx.send(OutputBatch::with_capacity());
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            read_back(store, normalizer, ids, first, |batch| {
                let fresh = empty_rx.try_recv().unwrap_or_default();
                full_tx
                    .send(std::mem::replace(batch, fresh))
                    .map_err(|_| std::io::Error::other("the output writer stopped"))
            })
        });
        let mut written = Ok(());
        for mut batch in full_rx.iter() {
            written = write_batch(&batch, sinks, resolver);
            if written.is_err() {
                break;
            }
            batch.clear();
            // the reader may have finished; a batch it will not reuse is dropped
            let _ = empty_tx.send(batch);
        }
        // dropping the receiver (on error) makes the reader's next send fail, so it stops
        drop(full_rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the output reader panicked")));
        written.and(read)
    })
}

/// [`run_job`] on a fresh multi-threaded runtime.
pub fn run_job_blocking(
    job: &Job,
    registry: &Registry,
    options: &RunOptions,
) -> Result<RunSummary, PipelineError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(PipelineError::Runtime)?;
    runtime.block_on(run_job(job, registry, options))
}
