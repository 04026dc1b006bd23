//! Reading an answer or a data file named on the command line (`-` or
//! nothing means standard input), with errors that name the source: a file
//! that cannot be read (missing, not allowed) exits 1 like any I/O failure,
//! and text that is not UTF-8 exits 2 as bad input.

use std::io::Read;
use std::path::Path;

use super::CliError;

/// Reads `path` (or stdin for `None` / `-`) as UTF-8. Returns the text and
/// the name to use in messages.
pub fn read_text(path: Option<&Path>) -> Result<(String, String), CliError> {
    let (bytes, name) = read_bytes(path)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, name)),
        Err(e) => Err(CliError::BadInput(format!(
            "{name}: not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))),
    }
}

/// Reads `path` (or stdin for `None` / `-`) as bytes, for input checked a
/// line at a time. Returns the bytes and the name to use in messages.
pub fn read_bytes(path: Option<&Path>) -> Result<(Vec<u8>, String), CliError> {
    let (name, bytes) = if let Some(p) = path.filter(|p| p.as_os_str() != "-") {
        let name = p.display().to_string();
        // A file that cannot be read is a failure to do the work (exit 1);
        // what it holds, once read, is input (exit 2 when bad).
        let bytes = std::fs::read(p).map_err(|e| CliError::Failure(format!("{name}: {e}")))?;
        (name, bytes)
    } else {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Failure(format!("stdin: {e}")))?;
        ("stdin".to_owned(), bytes)
    };
    Ok((bytes, name))
}
