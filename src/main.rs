//! The `barraiser` binary: parse the command line, dispatch, and map errors
//! to exit codes (0 success, 1 failure to do the work, 2 bad usage or input).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = barraiser::cli::Args::parse();
    match barraiser::cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("barraiser: {}", barraiser::sanitize::text(&err.to_string()));
            ExitCode::from(err.exit_code())
        }
    }
}
