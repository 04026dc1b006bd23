//! Text from data never drives the terminal: a reviewer name, a question
//! id, an answer or a bank question carrying `ESC ] 0 ; … BEL ESC [ 2 J`
//! (retitle and clear) is printed escaped by every human-readable command,
//! while JSON output keeps it exact.

mod cli_support;
mod store_support;

use std::path::Path;

use barraiser::answer::AnswerId;
use barraiser::bank::QuestionId;
use barraiser::store::Export;
use cli_support::{barraiser, in_terminal, output};
use store_support::{at, record, review};

const HOSTILE: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J";
const SHOWN: &str = "\\u{1b}]0;owned\\u{7}\\u{1b}[2J";

/// An export whose reviewer, comment, question id and words carry the
/// hostile sequence, plus a record whose id cannot be a file name.
fn hostile_export(dir: &Path) -> std::path::PathBuf {
    let mut good = record(1, "earn_trust");
    good.question.id = QuestionId(format!("q{HOSTILE}"));
    good.star.action = format!("I fixed it{HOSTILE}");
    let mut r = review(5, &format!("mallory{HOSTILE}"), 4);
    r.comment = format!("nice{HOSTILE}");
    good.reviews.push(r);
    let mut bad_id = record(2, "earn_trust");
    bad_id.id = AnswerId(format!("x{HOSTILE}"));
    let export = Export {
        schema_version: 1,
        exported_at: at(10),
        answers: vec![good, bad_id],
        unreadable_newer: 0,
    };
    let path = dir.join("hostile.json");
    std::fs::write(&path, export.to_json()).unwrap();
    path
}

#[test]
fn import_and_stats_print_data_escaped_and_json_keeps_it_exact() {
    let home = tempfile::tempdir().unwrap();
    let file = hostile_export(home.path());
    let (out, err) = output(barraiser(home.path()).arg("import").arg(&file));
    assert!(
        !out.contains('\u{1b}') && !err.contains('\u{1b}'),
        "{out}{err}"
    );
    assert_eq!(
        err,
        format!(
            "barraiser: warning: {}: answers[1]: id 'x{SHOWN}' cannot be a file name; skipped\n",
            file.display()
        )
    );

    let (stats, _) = output(barraiser(home.path()).arg("stats"));
    assert!(!stats.contains('\u{1b}'), "{stats}");
    assert!(stats.contains(&format!("q{SHOWN}")), "{stats}");

    let (json, _) = output(barraiser(home.path()).args(["stats", "--json"]));
    assert!(json.contains("q\\u001b]0;owned\\u0007\\u001b[2J"), "{json}");

    // Piped, the Markdown packet stays exact: it may be going to a file.
    let (md, _) = output(barraiser(home.path()).args(["export", "--format", "md"]));
    assert!(md.contains(&format!("mallory{HOSTILE}")));
}

#[test]
fn questions_and_principles_from_a_bank_print_escaped() {
    let home = tempfile::tempdir().unwrap();
    let bank = home.path().join("evil.json");
    let text = serde_json::json!({
        "principles": [{"id": "evil", "name": format!("Evil{HOSTILE}"),
                        "summary": "s", "listens_for": "l"}],
        "questions": [{"id": "evil-01", "principle": "evil",
                       "text": format!("Tell me{HOSTILE} about it."), "kind": "story",
                       "hint": "h", "follow_ups": ["why?"]}]
    });
    std::fs::write(&bank, text.to_string()).unwrap();
    let (out, _) = output(barraiser(home.path()).arg("--bank").arg(&bank).args([
        "questions",
        "--principle",
        "evil",
    ]));
    assert_eq!(out, format!("evil-01  [story] Tell me{SHOWN} about it.\n"));
    let (out, _) = output(
        barraiser(home.path())
            .arg("--bank")
            .arg(&bank)
            .arg("principles"),
    );
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("evil "), "{out}");
    assert!(
        last.ends_with(&format!("  Evil{SHOWN} (1 questions)")),
        "{out}"
    );
}

#[test]
fn a_bank_error_quoting_a_hostile_id_is_escaped() {
    let home = tempfile::tempdir().unwrap();
    let bank = home.path().join("evil.json");
    let text = serde_json::json!({
        "questions": [{"id": format!("e{HOSTILE}"), "principle": "nope",
                       "text": "t", "kind": "story", "hint": "h", "follow_ups": []}]
    });
    std::fs::write(&bank, text.to_string()).unwrap();
    let out = barraiser(home.path())
        .arg("--bank")
        .arg(&bank)
        .arg("principles")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}'), "{err}");
    assert!(err.contains(&format!("'e{SHOWN}'")), "{err}");
}

/// `export --format md` straight to a terminal: the packet is escaped.
#[test]
fn markdown_export_to_a_terminal_is_escaped() {
    let home = tempfile::tempdir().unwrap();
    let file = hostile_export(home.path());
    barraiser(home.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success();

    let (ok, text) = in_terminal(home.path(), &["export", "--format", "md"]);
    assert!(ok);
    assert!(text.contains(&format!("mallory{SHOWN}")), "{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
}

/// `calibrate` names the labels file and misranked pair ids, both data.
#[test]
fn calibrate_prints_file_names_and_pair_ids_escaped() {
    let home = tempfile::tempdir().unwrap();
    let labels = home.path().join(format!("labels{HOSTILE}.jsonl"));
    let good = "I broke the build. I added a pre-commit hook that runs the tests, and it has caught 3 breaks since.";
    let lines = [
        serde_json::json!({"id": format!("w{HOSTILE}"), "principle": "ownership", "answer": good}),
        serde_json::json!({"id": "b", "principle": "ownership", "answer": "It was fine."}),
    ];
    let text = lines.map(|l| l.to_string()).join("\n");
    std::fs::write(&labels, text).unwrap();
    let pairs = home.path().join("pairs.jsonl");
    std::fs::write(
        &pairs,
        serde_json::json!({"better": "b", "worse": format!("w{HOSTILE}")}).to_string(),
    )
    .unwrap();
    let (out, _) = output(
        barraiser(home.path())
            .arg("calibrate")
            .arg(&labels)
            .arg("--pairs")
            .arg(&pairs),
    );
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(out.contains(&format!("labels{SHOWN}.jsonl")), "{out}");
    assert!(
        out.contains(&format!("misranked: b>w{SHOWN} (0.0 vs ")),
        "{out}"
    );
}
