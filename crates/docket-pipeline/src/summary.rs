//! The run summary.

use std::fmt;

use serde::Serialize;

/// Counts for one source. `read = emitted + merged + rejected` always holds after a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceSummary {
    /// The source's name.
    pub name: String,
    /// Records read (every record the adapter yielded, rejected ones included).
    pub read: u64,
    /// Records that produced at least one new event.
    pub emitted: u64,
    /// Records whose events all merged into events already seen.
    pub merged: u64,
    /// Records written to the rejects file.
    pub rejected: u64,
    /// Events produced by this source's records (a text record can produce several).
    pub events: u64,
    /// The source-level error, when the source failed and `on_error = "skip"`.
    pub error: Option<String>,
    /// What the run inferred about the source (for example the day/month order of its dates).
    pub notes: Vec<String>,
}

impl SourceSummary {
    /// Whether the counts add up.
    pub fn balanced(&self) -> bool {
        self.read == self.emitted + self.merged + self.rejected
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RunSummary {
    /// The job's name.
    pub job: String,
    /// Per source, in name order.
    pub sources: Vec<SourceSummary>,
    /// Distinct events written.
    pub events: u64,
    /// Rejected records.
    pub rejects: u64,
    /// Files written.
    pub outputs: Vec<String>,
}

impl RunSummary {
    /// Whether every source balances.
    pub fn balanced(&self) -> bool {
        self.sources.iter().all(SourceSummary::balanced)
    }
}

impl fmt::Display for RunSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "job {}: {} events, {} rejected records",
            self.job, self.events, self.rejects
        )?;
        writeln!(
            f,
            "  {:<20} {:>9} {:>9} {:>9} {:>9} {:>9}  check",
            "source", "read", "emitted", "merged", "rejected", "events"
        )?;
        for s in &self.sources {
            writeln!(
                f,
                "  {:<20} {:>9} {:>9} {:>9} {:>9} {:>9}  {}",
                s.name,
                s.read,
                s.emitted,
                s.merged,
                s.rejected,
                s.events,
                if s.balanced() {
                    "read = emitted + merged + rejected"
                } else {
                    "DOES NOT ADD UP"
                }
            )?;
            if let Some(error) = &s.error {
                writeln!(f, "    skipped after error: {error}")?;
            }
            for note in &s.notes {
                writeln!(f, "    {note}")?;
            }
        }
        for output in &self.outputs {
            writeln!(f, "  wrote {output}")?;
        }
        Ok(())
    }
}
