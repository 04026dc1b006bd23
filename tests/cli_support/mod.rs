//! Helpers for the CLI tests: the built binary on a data folder, and what
//! it printed.

#![allow(dead_code)] // each test file uses its own share of these

use std::path::Path;

use assert_cmd::Command;

/// The binary with `home` as its data folder and no reviewer set.
pub fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env_remove("BARRAISER_REVIEWER");
    cmd
}

/// Runs `cmd`, expects success, and returns stdout and stderr.
pub fn output(cmd: &mut Command) -> (String, String) {
    let out = cmd.assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs `cmd`, expects exit `code` and nothing on stdout; returns stderr.
pub fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).stdout("").get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}
