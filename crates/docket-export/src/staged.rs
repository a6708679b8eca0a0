//! Outputs written in full but not yet in place, so that a run can put all of them in place
//! together once every one is ready.

use std::path::PathBuf;

use crate::ExportError;

/// An output that is written in full and on disk, but not yet visible at its destination:
/// [`Staged::publish`] makes it visible. Dropped instead, it disappears (a temporary file is
/// deleted, a database transaction is rolled back) and the destination keeps its previous
/// content.
#[must_use = "a staged output is not visible until it is published"]
#[derive(Debug)]
pub struct Staged(Inner);

#[derive(Debug)]
enum Inner {
    /// A complete, synced temporary file beside its destination.
    File {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
    /// A database whose open transaction holds the whole output.
    Transaction {
        connection: rusqlite::Connection,
        path: PathBuf,
    },
    /// Nothing left to do: the output was published when it was staged (a sink that has no
    /// staged form, see [`crate::EventSink::stage`]).
    Published,
}

impl Staged {
    pub(crate) fn file(temp: tempfile::NamedTempFile, path: PathBuf) -> Self {
        Staged(Inner::File { temp, path })
    }

    pub(crate) fn transaction(connection: rusqlite::Connection, path: PathBuf) -> Self {
        Staged(Inner::Transaction { connection, path })
    }

    /// An output that is already in place.
    pub fn published() -> Self {
        Staged(Inner::Published)
    }

    /// Makes the output visible: renames the file into place, or commits the transaction.
    pub fn publish(self) -> Result<(), ExportError> {
        match self.0 {
            Inner::File { temp, path } => {
                temp.persist(&path).map(drop).map_err(|e| ExportError::Io {
                    path: path.clone(),
                    error: e.error,
                })
            }
            Inner::Transaction { connection, path } => connection
                .execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE);")
                .map_err(|error| ExportError::Sqlite { path, error }),
            Inner::Published => Ok(()),
        }
    }
}

/// Publishes a run's outputs together. Every output is complete and on disk before this is
/// called, so what is left can fail only rarely; the database transactions are committed first
/// (a locked or full database is the likelier failure, and then no file has moved yet), then
/// the files are renamed into place, each within its own folder. The first failure stops the
/// rest, whose temporary files are deleted.
pub fn publish_all(staged: Vec<Staged>) -> Result<(), ExportError> {
    let (transactions, others): (Vec<Staged>, Vec<Staged>) = staged
        .into_iter()
        .partition(|output| matches!(output.0, Inner::Transaction { .. }));
    for output in transactions.into_iter().chain(others) {
        output.publish()?;
    }
    Ok(())
}
