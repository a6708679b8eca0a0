use std::path::Path;

use docket_core::Event;

use crate::{AtomicFile, EventSink, ExportError};

/// Writes one JSON event per line.
#[derive(Debug)]
pub struct JsonlSink {
    file: AtomicFile,
}

impl JsonlSink {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> Result<Self, ExportError> {
        Ok(JsonlSink {
            file: AtomicFile::create(path)?,
        })
    }
}

impl EventSink for JsonlSink {
    fn write_event(&mut self, event: &Event) -> Result<(), ExportError> {
        self.file.write_json_line(event)
    }

    fn write_json(&mut self, json: &[u8]) -> Option<Result<(), ExportError>> {
        Some(self.file.write_raw_line(json))
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.file.commit()
    }
}
