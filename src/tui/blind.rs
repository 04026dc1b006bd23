//! Blind grading in Review: a reviewer who has not graded an answer grades
//! it without the scorer's total, its evidence or the other reviewers'
//! grades in view, so the grade is their own reading. While the grade
//! prompt is open on such an answer (or, under `--blind`, whenever they
//! open one) the detail shows only the question and the words; the score
//! appears once their grade is saved.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::app::{App, Blind};
use super::detail::{Detail, Prompt};
use super::report::scored::{MAX_ROWS, answer_tail, bottom, question_head, reach, render_scrolled};
use super::view::{clip, visible_part};
use crate::answer::AnswerRecord;

/// What each grade means, as the prompt shows it.
pub const GRADE_SCALE: &str =
    "1 well below the bar · 2 below · 3 at the bar · 4 above · 5 raises the bar";

/// Whether `reviewer` has saved a grade on `record`.
pub fn has_graded(record: &AnswerRecord, reviewer: &str) -> bool {
    record
        .reviews
        .iter()
        .any(|r| r.reviewer == reviewer && r.grade.is_some())
}

/// Whether the score of `record` is hidden from the app's reviewer: never
/// once they have graded it; under `--blind` always before; otherwise
/// while they are grading it.
pub fn score_hidden(app: &App, record: &AnswerRecord, detail: Option<&Detail>) -> bool {
    if has_graded(record, &app.reviewer) {
        return false;
    }
    let grading = detail.is_some_and(|d| {
        matches!(
            d.prompt,
            Some(Prompt::Grade | Prompt::Comment { grade: Some(_), .. })
        )
    });
    app.blind == Blind::UntilGraded || grading
}

/// The answer without its score: the question, the words, the follow-ups,
/// and how many reviews wait until the reviewer has graded.
pub fn render_hidden(app: &App, record: &AnswerRecord, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let title = format!(
        "Grading blind · {} · {}",
        app.principle_name(&record.question.principle),
        record.question.id
    );
    let title = clip(&title, usize::from(area.width).saturating_sub(4));
    let block = Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
    block.render(area, buf);
    let [note, doc] = hidden_parts(area);
    Line::styled(
        "Score and evidence hidden until you grade: g, then 1–5",
        theme.key(),
    )
    .render(note, buf);
    render_scrolled(hidden_lines(app, record, scroll, doc), scroll, doc, buf);
}

/// The note and the scrolling document of the blind view in `area`.
fn hidden_parts(area: Rect) -> [Rect; 2] {
    Block::bordered().inner(area).layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]))
}

/// How far the blind view in `area` scrolls at most (End), laid out
/// exactly as [`render_hidden`] draws.
pub fn hidden_bottom(app: &App, record: &AnswerRecord, area: Rect) -> u16 {
    let [_, doc] = hidden_parts(area);
    bottom(&[(hidden_lines(app, record, MAX_ROWS, doc), doc)])
}

/// The blind view's scrolling lines for `doc`, as far as `scroll` reaches.
fn hidden_lines(app: &App, record: &AnswerRecord, scroll: u16, doc: Rect) -> Vec<Line<'static>> {
    let theme = app.theme();
    // As in the scored view: lay out only what the scroll can reach.
    let reach = reach(doc, scroll);
    let mut lines = question_head(record, reach);
    let (shown, cut) = visible_part(&record.text, reach.width, usize::from(reach.height));
    lines.extend(shown.lines().map(|l| Line::raw(l.to_owned())));
    lines.extend(answer_tail(record, cut, reach, theme));
    let others = record.reviews.len();
    if others > 0 {
        lines.push(Line::raw(""));
        let plural = if others == 1 { "review" } else { "reviews" };
        lines.push(Line::styled(
            format!("{others} {plural} hidden until you grade"),
            theme.dim(),
        ));
    }
    lines
}
