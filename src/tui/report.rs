//! The report of a scored answer, and the interviewer's follow-up probe.
//!
//! Total as `NN/100` with a gauge, a bar per STAR part, every signal that
//! counts for the principle with its points and tip, and the answer text
//! with its evidence marked: `{+ … +}` (green, underlined) for words that
//! earned points, `{- … -}` (red, bold underline) for words that cost them.
//! The markers make the marking readable without colour. The drawing
//! helpers here are shared with the read-only view in Review.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use super::app::{App, Command, Message, Screen};
use super::practice::{new_field, normalize_paste};
use super::theme::Theme;
use super::view::bar;
use crate::answer::{AnswerRecord, FollowUp};
use crate::score::{PartSummary, SignalId, SignalReport};

pub const HINTS: &[(&str, &str)] = &[
    ("type", "follow-up"),
    ("Ctrl-S", "save it"),
    ("PgUp/PgDn", "scroll"),
    ("Esc", "save, home"),
    ("F1", "help"),
];

/// A just-scored answer and the follow-up being typed.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub record: AnswerRecord,
    pub probe: String,
    pub follow_up: TextArea<'static>,
    /// The follow-up answer as last saved, to skip needless saves.
    pub saved: String,
    pub scroll: u16,
}

impl ReportView {
    pub fn new(record: AnswerRecord, probe: String) -> ReportView {
        ReportView {
            record,
            probe,
            follow_up: new_field(
                "",
                "Answer the probe here; Ctrl-S or Esc saves it with your answer",
            ),
            saved: String::new(),
            scroll: 0,
        }
    }

    fn follow_up_text(&self) -> String {
        self.follow_up.lines().join("\n").trim().to_owned()
    }
}

#[allow(clippy::unnecessary_wraps)] // the same shape as every screen's on_key
pub fn on_key(key: KeyEvent) -> Option<Message> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('s') if ctrl => Some(Message::Submit),
        KeyCode::Char('e') if ctrl => Some(Message::OpenEditor),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown => Some(Message::PageDown),
        KeyCode::Esc => Some(Message::Back),
        KeyCode::F(1) => Some(Message::ToggleHelp),
        _ => Some(Message::Input(key.into())),
    }
}

impl App {
    pub(super) fn update_report(&mut self, msg: Message) -> Option<Command> {
        let Screen::Report(view) = &mut self.screen else {
            return None;
        };
        match msg {
            Message::Input(input) => {
                view.follow_up.input(input);
            }
            Message::Paste(text) => {
                view.follow_up.insert_str(normalize_paste(&text));
            }
            Message::PageUp => view.scroll = view.scroll.saturating_sub(5),
            Message::PageDown => view.scroll = view.scroll.saturating_add(5),
            Message::OpenEditor => {
                return Some(Command::Editor {
                    text: view.follow_up.lines().join("\n"),
                });
            }
            Message::EditorDone(Ok(text)) => {
                let text = text.strip_suffix('\n').unwrap_or(&text);
                view.follow_up = new_field(text, "");
            }
            Message::EditorDone(Err(e)) => self.error(format!("Editor: {e}")),
            Message::Submit => {
                let saved = self.save_follow_up();
                if saved {
                    self.note("Follow-up saved with your answer".to_owned());
                }
            }
            Message::Back => {
                let saved = self.save_follow_up();
                if saved {
                    self.screen = Screen::Home;
                }
            }
            _ => {}
        }
        None
    }

    /// Saves a typed follow-up answer into the saved record. False, with
    /// the reason shown, when the store refused.
    pub(super) fn save_follow_up(&mut self) -> bool {
        let Screen::Report(view) = &mut self.screen else {
            return true;
        };
        let answer = view.follow_up_text();
        if answer.is_empty() || answer == view.saved {
            return true;
        }
        let mut record = view.record.clone();
        record.follow_ups.retain(|f| f.probe != view.probe);
        record.follow_ups.push(FollowUp {
            probe: view.probe.clone(),
            answer: answer.clone(),
        });
        record.updated = self.clock.wall;
        match self.store.save(record.clone()) {
            Ok(_) => {
                view.record = record;
                view.saved = answer;
                true
            }
            Err(e) => {
                self.error(format!(
                    "Follow-up not saved: {e} (your text is still here)"
                ));
                false
            }
        }
    }
}

pub fn render(app: &App, view: &ReportView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let [doc, probe, field] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(4),
    ]));
    render_record(app, &view.record, Vec::new(), view.scroll, doc, buf);
    Paragraph::new(Line::from(vec![
        Span::styled("Interviewer: ", theme.key()),
        Span::raw(view.probe.as_str()),
    ]))
    .wrap(Wrap { trim: true })
    .render(probe, buf);
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.title())
        .title(Line::styled(" ▸ Your follow-up ", theme.title()));
    let inner = block.inner(field);
    block.render(field, buf);
    (&view.follow_up).render(inner, buf);
}

/// A saved answer's report: score gauge, STAR bars, then a scrolling
/// document of signals, the marked answer and `extra` lines.
pub fn render_record(
    app: &App,
    record: &AnswerRecord,
    extra: Vec<Line<'static>>,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let report = &record.report;
    let block = Block::bordered().title(Line::styled(
        format!(
            " Report · {} · {} ",
            app.principle_name(&record.question.principle),
            record.question.id
        ),
        theme.title(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let [score, star, doc] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let total = report.total.clamp(0.0, 100.0);
    let [number, gauge] = score.layout(&Layout::horizontal([
        Constraint::Length(8),
        Constraint::Fill(1),
    ]));
    Span::styled(format!("{total:>3.0}/100"), theme.score(total)).render(number, buf);
    Span::styled(
        bar(total / 100.0, usize::from(gauge.width)),
        theme.score(total),
    )
    .render(gauge, buf);
    star_line(
        report.star.situation,
        report.star.task,
        report.star.action,
        report.star.result,
    )
    .render(star, buf);

    let mut lines = vec![
        Line::raw(format!("Q: {}", record.question.text)),
        Line::raw(""),
    ];
    lines.extend(signal_lines(&report.signals, theme));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Your answer   {+ earned points +}   {- cost points -}",
        theme.title(),
    ));
    lines.extend(highlight(&record.text, &report.signals, theme));
    for f in &record.follow_ups {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("Follow-up: {}", f.probe), theme.key()));
        lines.extend(f.answer.lines().map(|l| Line::raw(l.to_owned())));
    }
    lines.extend(extra);
    let max = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(max), 0))
        .render(doc, buf);
}

/// `S ███░░░ 41w  T …` for the four parts.
fn star_line(s: PartSummary, t: PartSummary, a: PartSummary, r: PartSummary) -> Line<'static> {
    let parts = [("S", s), ("T", t), ("A", a), ("R", r)];
    let total: usize = parts.iter().map(|(_, p)| p.words).sum();
    let mut spans = Vec::new();
    for (letter, part) in parts {
        #[allow(clippy::cast_precision_loss)]
        let share = if total == 0 {
            0.0
        } else {
            part.words as f64 / total as f64
        };
        let text = if part.present {
            format!("{letter} {} {:>3}w  ", bar(share, 6), part.words)
        } else {
            format!("{letter} ------ none  ")
        };
        spans.push(Span::raw(text));
    }
    Line::from(spans)
}

/// The signals that count for this principle, gains first, then costs,
/// then misses with their tips; other hits summed up in one line.
pub fn signal_lines(signals: &[SignalReport], theme: Theme) -> Vec<Line<'static>> {
    let mut counted: Vec<&SignalReport> = signals.iter().filter(|s| s.applies).collect();
    counted.sort_by(|a, b| {
        let rank = |s: &SignalReport| match (s.hit, s.points) {
            (true, p) if p > 0.0 => 0,
            (true, p) if p < 0.0 => 1,
            (true, _) => 2,
            (false, _) => 3,
        };
        rank(a)
            .cmp(&rank(b))
            .then(b.points.abs().total_cmp(&a.points.abs()))
    });
    let mut lines = vec![Line::styled("Signals", theme.title())];
    if signals.is_empty() {
        lines.push(Line::styled(
            "(the scorer reported no signals)",
            theme.dim(),
        ));
    }
    for s in counted {
        let name = signal_name(s.id);
        let (mark, style) = match (s.hit, s.points) {
            (true, p) if p < 0.0 => ("✗", theme.cost()),
            (true, _) => ("✓", theme.gain()),
            (false, _) => ("·", theme.dim()),
        };
        let mut spans = vec![
            Span::styled(format!("{mark} {:>+5.1} ", s.points), style),
            Span::styled(name, style),
        ];
        let earned = s.hit && s.points > 0.0;
        if !earned && !s.tip.is_empty() {
            spans.push(Span::raw(format!(" — {}", s.tip)));
        }
        lines.push(Line::from(spans));
    }
    let others: Vec<String> = signals
        .iter()
        .filter(|s| !s.applies && s.hit)
        .map(|s| signal_name(s.id))
        .collect();
    if !others.is_empty() {
        lines.push(Line::styled(
            format!("Also seen, not counted here: {}", others.join(", ")),
            theme.dim(),
        ));
    }
    lines
}

/// `owns_fault_first` → `owns fault first`.
pub fn signal_name(id: SignalId) -> String {
    serde_json::to_value(id)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_else(|| format!("{id:?}"))
}

/// The answer text as lines, evidence spans marked and styled. Where a
/// gain and a cost overlap, the cost shows.
pub fn highlight(text: &str, signals: &[SignalReport], theme: Theme) -> Vec<Line<'static>> {
    let mut marks = vec![0i8; text.len()];
    for s in signals.iter().filter(|s| s.hit && s.points != 0.0) {
        let mark = if s.points > 0.0 { 1 } else { -1 };
        for e in &s.evidence {
            let end = e.end.min(text.len());
            for m in marks.iter_mut().take(end).skip(e.start) {
                if *m != -1 {
                    *m = mark;
                }
            }
        }
    }
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run_start = 0;
    let mut run_mark = marks.first().copied().unwrap_or(0);
    for (i, _) in text.char_indices() {
        if marks[i] != run_mark {
            push_run(&text[run_start..i], run_mark, theme, &mut spans, &mut lines);
            run_start = i;
            run_mark = marks[i];
        }
    }
    push_run(&text[run_start..], run_mark, theme, &mut spans, &mut lines);
    lines.push(Line::from(spans));
    lines
}

/// Adds one run of equally marked text, breaking lines at `\n`.
fn push_run(
    run: &str,
    mark: i8,
    theme: Theme,
    spans: &mut Vec<Span<'static>>,
    lines: &mut Vec<Line<'static>>,
) {
    let (open, close, style) = match mark {
        1 => ("{+", "+}", theme.gain()),
        -1 => ("{-", "-}", theme.cost()),
        _ => ("", "", ratatui::style::Style::new()),
    };
    if !open.is_empty() {
        spans.push(Span::styled(open, theme.dim()));
    }
    for (n, piece) in run.split('\n').enumerate() {
        if n > 0 {
            lines.push(Line::from(std::mem::take(spans)));
        }
        if !piece.is_empty() {
            spans.push(Span::styled(piece.to_owned(), style));
        }
    }
    if !close.is_empty() {
        spans.push(Span::styled(close, theme.dim()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Evidence;

    fn signal(id: SignalId, points: f64, start: usize, end: usize, text: &str) -> SignalReport {
        SignalReport {
            id,
            hit: true,
            applies: true,
            points,
            evidence: vec![Evidence {
                start,
                end,
                text: text[start..end].to_owned(),
            }],
            tip: String::new(),
        }
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn evidence_is_wrapped_in_markers() {
        let text = "I broke it. Ops blamed me.\nThen I fixed it.";
        let signals = [
            signal(SignalId::OwnsFaultFirst, 10.0, 0, 10, text),
            signal(SignalId::BlamesOthers, -5.0, 12, 25, text),
        ];
        let lines = highlight(text, &signals, Theme { color: false });
        assert_eq!(
            plain(&lines),
            ["{+I broke it+}. {-Ops blamed me-}.", "Then I fixed it."]
        );
    }

    #[test]
    fn spans_across_lines_and_out_of_range_are_safe() {
        let text = "ab\ncd";
        let signals = [signal(SignalId::RootCause, 1.0, 1, 4, text)];
        let lines = highlight(text, &signals, Theme { color: false });
        assert_eq!(plain(&lines), ["a{+b", "c+}d"]);
        let mut wild = signal(SignalId::RootCause, 1.0, 0, 1, text);
        wild.evidence[0].end = 99;
        assert_eq!(
            plain(&highlight(text, &[wild], Theme { color: false })).len(),
            2
        );
    }

    #[test]
    fn signal_names_read_as_words() {
        assert_eq!(signal_name(SignalId::OwnsFaultFirst), "owns fault first");
    }
}
