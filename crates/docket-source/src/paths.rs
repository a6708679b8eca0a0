use std::path::{Component, Path, PathBuf};

use crate::SourceError;

fn is_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '['])
}

/// Resolves a `path` value from a job file: relative paths against `base_dir`, absolute ones as
/// they are; a glob expands to its matches in sorted order. A missing file, a directory, or a
/// glob that matches nothing is an error naming the path.
pub fn resolve_paths(base_dir: &Path, pattern: &str) -> Result<Vec<PathBuf>, SourceError> {
    let joined = clean_path(&base_dir.join(pattern));
    if !is_glob(pattern) {
        let metadata = std::fs::metadata(&joined).map_err(|error| SourceError::Io {
            path: joined.clone(),
            error,
        })?;
        if metadata.is_dir() {
            return Err(SourceError::IsDirectory { path: joined });
        }
        return Ok(vec![joined]);
    }
    let text = joined.to_string_lossy().into_owned();
    let entries = glob::glob(&text).map_err(|e| SourceError::Config {
        source_name: String::new(),
        reason: format!("bad glob {text:?}: {e}"),
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| SourceError::Io {
            path: e.path().to_path_buf(),
            error: std::io::Error::other(e.to_string()),
        })?;
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(SourceError::NoMatch { pattern: text });
    }
    Ok(files)
}

/// Removes `.` and `..` components without touching the file system.
pub fn clean_path(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// How a file is named in provenance: relative to `base_dir` (the job's folder), with `/`
/// separators and `..` where needed, so that outputs do not depend on where the checkout is.
pub fn display_path(base_dir: &Path, path: &Path) -> String {
    let base = clean_path(base_dir);
    let target = clean_path(path);
    let base_parts: Vec<_> = base.components().collect();
    let target_parts: Vec<_> = target.components().collect();
    let common = base_parts
        .iter()
        .zip(&target_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return target.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); base_parts.len() - common];
    parts.extend(
        target_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_relative_to_the_job() {
        let base = Path::new("/repo/fixtures/jobs");
        assert_eq!(
            display_path(base, Path::new("/repo/fixtures/jobs/../data/a.csv")),
            "../data/a.csv"
        );
        assert_eq!(
            display_path(base, Path::new("/repo/fixtures/jobs/x/b.csv")),
            "x/b.csv"
        );
        assert_eq!(
            clean_path(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }
}
