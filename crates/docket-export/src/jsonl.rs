use std::path::Path;

use docket_core::Event;

use crate::{AtomicFile, EventSink, ExportError};

/// Writes one JSON event per line.
#[derive(Debug)]
pub struct JsonlSink {
    file: AtomicFile,
    /// The line being written, kept between events for its capacity.
    line: Vec<u8>,
}

impl JsonlSink {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> Result<Self, ExportError> {
        Ok(JsonlSink {
            file: AtomicFile::create(path)?,
            line: Vec::new(),
        })
    }
}

impl EventSink for JsonlSink {
    fn write_event(&mut self, event: &Event) -> Result<(), ExportError> {
        self.line.clear();
        crate::write_event_json(&mut self.line, event).map_err(|error| ExportError::Io {
            path: self.file.path().to_path_buf(),
            error: std::io::Error::other(error),
        })?;
        self.file.write_raw_line(&self.line)
    }

    fn write_json(&mut self, json: &[u8]) -> Option<Result<(), ExportError>> {
        Some(self.file.write_raw_line(json))
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.stage()?.publish()
    }

    fn stage(self: Box<Self>) -> Result<crate::Staged, ExportError> {
        self.file.stage()
    }
}
