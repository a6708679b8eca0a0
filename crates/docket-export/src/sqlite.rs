use std::path::{Path, PathBuf};

use docket_core::Event;
use rusqlite::{params, Connection};

use crate::{EventSink, ExportError};

/// The schema. `events.job` names the job that last wrote the row: a re-run of a job replaces
/// its rows (upsert by id) and removes those it no longer produces, leaving other jobs' rows.
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    job TEXT NOT NULL,
    action TEXT NOT NULL,
    cameo TEXT,
    plover TEXT,
    actor_id TEXT,
    actor_name TEXT,
    actor_kind TEXT,
    actor_resolved INTEGER,
    target_count INTEGER,
    date TEXT,
    date_precision TEXT,
    date_text TEXT,
    amount TEXT,
    currency TEXT,
    amount_role TEXT,
    amount_text TEXT,
    summary TEXT,
    ref TEXT,
    url TEXT,
    confidence REAL NOT NULL,
    flags TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_targets (
    event_id TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    parent TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE TABLE IF NOT EXISTS event_sources (
    event_id TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    uri TEXT NOT NULL,
    record INTEGER NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    quote TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX IF NOT EXISTS events_job ON events(job);
CREATE INDEX IF NOT EXISTS event_targets_actor ON event_targets(actor_id);
";

/// Upserts events into a SQLite database inside one transaction.
pub struct SqliteSink {
    path: PathBuf,
    job: String,
    connection: Connection,
}

fn text<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

impl SqliteSink {
    /// Opens (or creates) the database and starts the transaction.
    pub fn open(path: &Path, job: &str) -> Result<Self, ExportError> {
        let sql = |error| ExportError::Sqlite {
            path: path.to_path_buf(),
            error,
        };
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|error| ExportError::Io {
                path: path.to_path_buf(),
                error,
            })?;
        }
        let connection = Connection::open(path).map_err(sql)?;
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .map_err(sql)?;
        connection.execute_batch(SCHEMA).map_err(sql)?;
        connection
            .execute_batch("BEGIN IMMEDIATE; CREATE TEMP TABLE IF NOT EXISTS run_ids (id TEXT PRIMARY KEY); DELETE FROM temp.run_ids;")
            .map_err(sql)?;
        Ok(SqliteSink {
            path: path.to_path_buf(),
            job: job.to_string(),
            connection,
        })
    }

    fn upsert(&mut self, e: &Event) -> rusqlite::Result<()> {
        let c = &self.connection;
        let json = serde_json::to_string(e).unwrap_or_default();
        c.prepare_cached(
            "INSERT INTO events (id, job, action, cameo, plover, actor_id, actor_name, actor_kind, actor_resolved,
                target_count, date, date_precision, date_text, amount, currency, amount_role, amount_text, summary,
                ref, url, confidence, flags, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)
             ON CONFLICT(id) DO UPDATE SET job = excluded.job, action = excluded.action, cameo = excluded.cameo,
                plover = excluded.plover, actor_id = excluded.actor_id, actor_name = excluded.actor_name,
                actor_kind = excluded.actor_kind, actor_resolved = excluded.actor_resolved,
                target_count = excluded.target_count, date = excluded.date, date_precision = excluded.date_precision,
                date_text = excluded.date_text, amount = excluded.amount, currency = excluded.currency,
                amount_role = excluded.amount_role, amount_text = excluded.amount_text, summary = excluded.summary,
                ref = excluded.ref, url = excluded.url, confidence = excluded.confidence, flags = excluded.flags,
                json = excluded.json",
        )?
        .execute(params![
            e.id,
            self.job,
            e.action.as_str(),
            e.cameo,
            e.plover,
            e.actor.as_ref().map(|a| a.id.as_str()),
            e.actor.as_ref().map(|a| a.name.as_str()),
            e.actor.as_ref().map(|a| a.kind.as_str()),
            e.actor.as_ref().map(|a| a.resolved),
            e.target_count,
            e.date.as_ref().and_then(|d| d.value).map(|d| d.to_string()),
            e.date.as_ref().and_then(|d| d.precision).and_then(|p| text(&p)),
            e.date.as_ref().map(|d| d.text.as_str()),
            e.amount.as_ref().map(|a| a.value.to_string()),
            e.amount.as_ref().map(|a| a.currency.as_str()),
            e.amount.as_ref().and_then(|a| text(&a.role)),
            e.amount.as_ref().map(|a| a.text.as_str()),
            e.summary,
            e.reference,
            e.url,
            e.confidence,
            serde_json::to_string(&e.flags).unwrap_or_default(),
            json,
        ])?;
        c.prepare_cached("DELETE FROM event_targets WHERE event_id = ?1")?
            .execute([&e.id])?;
        c.prepare_cached("DELETE FROM event_sources WHERE event_id = ?1")?
            .execute([&e.id])?;
        for (position, t) in e.targets.iter().enumerate() {
            c.prepare_cached(
                "INSERT INTO event_targets (event_id, position, actor_id, name, kind, resolved, parent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![e.id, position as i64, t.id, t.name, t.kind.as_str(), t.resolved, t.parent])?;
        }
        for (position, s) in e.sources.iter().enumerate() {
            c.prepare_cached(
                "INSERT INTO event_sources (event_id, position, source, uri, record, span_start, span_end, quote) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                e.id,
                position as i64,
                s.source,
                s.uri,
                s.record as i64,
                s.span.map(|sp| sp[0] as i64),
                s.span.map(|sp| sp[1] as i64),
                s.quote
            ])?;
        }
        c.prepare_cached("INSERT OR IGNORE INTO temp.run_ids (id) VALUES (?1)")?
            .execute([&e.id])?;
        Ok(())
    }
}

impl EventSink for SqliteSink {
    fn write_event(&mut self, event: &Event) -> Result<(), ExportError> {
        self.upsert(event).map_err(|error| ExportError::Sqlite {
            path: self.path.clone(),
            error,
        })
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.stage()?.publish()
    }

    /// Removes the job's rows that this run no longer produces, inside the run's transaction,
    /// which [`crate::Staged::publish`] commits.
    fn stage(self: Box<Self>) -> Result<crate::Staged, ExportError> {
        let sql = |error| ExportError::Sqlite {
            path: self.path.clone(),
            error,
        };
        let stale = "id IN (SELECT id FROM events WHERE job = ?1 AND id NOT IN (SELECT id FROM temp.run_ids))";
        self.connection
            .execute(
                &format!("DELETE FROM event_targets WHERE event_{stale}"),
                [&self.job],
            )
            .map_err(sql)?;
        self.connection
            .execute(
                &format!("DELETE FROM event_sources WHERE event_{stale}"),
                [&self.job],
            )
            .map_err(sql)?;
        self.connection
            .execute(
                "DELETE FROM events WHERE job = ?1 AND id NOT IN (SELECT id FROM temp.run_ids)",
                [&self.job],
            )
            .map_err(sql)?;
        let SqliteSink {
            connection, path, ..
        } = *self;
        Ok(crate::Staged::transaction(connection, path))
    }
}
