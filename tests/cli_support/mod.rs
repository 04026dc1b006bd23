//! Helpers for the CLI tests: the built binary on a data folder, and what
//! it printed.

#![allow(dead_code)] // each test file uses its own share of these

use std::io::Read;
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

/// Runs the binary on `home` with `args` and a pseudo-terminal for stdin,
/// stdout and stderr; returns whether it succeeded and every byte it wrote
/// (both streams, as the terminal got them).
pub fn in_terminal(home: &Path, args: &[&str]) -> (bool, String) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_barraiser"));
    cmd.env("BARRAISER_HOME", home);
    cmd.args(args);
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let reading = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        bytes
    });
    let ok = child.wait().unwrap().success();
    drop(pty.master);
    let bytes = reading.join().unwrap();
    (ok, String::from_utf8_lossy(&bytes).into_owned())
}
