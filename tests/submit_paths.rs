//! One submit path: the same STAR parts submitted in the practice screen
//! and handed to `barraiser answer` as a JSON object are saved with the
//! same parts, the same text and the same score.

mod tui_support;

use assert_cmd::Command;
use barraiser::tui::Screen;
use serde_json::Value;
use tui_support::*;

#[test]
fn the_tui_and_answer_save_the_same_words_and_score() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&dir.path().join("tui"));
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    let Screen::Report(view) = &app.screen else {
        panic!("expected the report, got {:?}", app.screen);
    };
    let tui = serde_json::to_value(&view.record).unwrap();

    let object = serde_json::to_string(&tui["star"]).unwrap();
    let cli_home = dir.path().join("cli");
    let out = Command::cargo_bin("barraiser")
        .unwrap()
        .env("BARRAISER_HOME", &cli_home)
        .args(["answer", "--question"])
        .arg(tui["question"]["id"].as_str().unwrap())
        .write_stdin(object)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim_end().to_owned();
    let file = cli_home.join("answers").join(format!("{id}.json"));
    let cli: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();

    // The probe digs into the same signal; its wording is drawn at random in
    // the TUI and seeded from the words on the command line.
    let (mut cli, mut tui) = (cli, tui);
    assert_eq!(
        cli["report"]["probe"]["signal"],
        tui["report"]["probe"]["signal"]
    );
    for v in [&mut cli, &mut tui] {
        v["report"]["probe"]["text"] = Value::Null;
    }
    for field in ["question", "star", "text", "report"] {
        assert_eq!(cli[field], tui[field], "{field}");
    }
}
