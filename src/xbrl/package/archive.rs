//! The zip of a report package, the same bytes for the same files: every entry under one
//! top-level directory, in sorted order, dated 1980-01-01 00:00 (the zip format's earliest
//! date), with Unix permissions 0644, deflated.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::error::{Error, ErrorKind};

/// Zips `files` (paths inside the top-level directory `top`, and their bytes) in path order.
pub fn zip(top: &str, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    let fail = |e: &dyn std::fmt::Display| {
        Error::new(
            ErrorKind::Io,
            format!("cannot assemble the report package: {e}"),
        )
    };
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in sorted {
        z.start_file(format!("{top}/{path}"), options)
            .map_err(|e| fail(&e))?;
        z.write_all(bytes).map_err(|e| fail(&e))?;
    }
    Ok(z.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_files_make_the_same_bytes_in_any_order() {
        let a = ("b/x.xml".to_string(), b"<x/>".to_vec());
        let b = ("META-INF/reportPackage.json".to_string(), b"{}".to_vec());
        let one = zip("top", &[a.clone(), b.clone()]).unwrap();
        let two = zip("top", &[b, a]).unwrap();
        assert_eq!(one, two);
        let mut archive = zip::ZipArchive::new(Cursor::new(one)).unwrap();
        assert_eq!(archive.len(), 2);
        assert_eq!(
            archive.by_index(0).unwrap().name().unwrap(),
            "top/META-INF/reportPackage.json"
        );
        assert_eq!(archive.by_index(1).unwrap().name().unwrap(), "top/b/x.xml");
    }
}
