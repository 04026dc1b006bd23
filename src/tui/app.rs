//! The whole TUI state, the messages that change it, and `App::update`.
//!
//! One [`App`] owns everything; a key becomes a [`Message`] (each screen's
//! `on_key`), and [`App::update`] is the one place that switches screens or
//! calls the store. Per-screen parts of `update` live beside each screen's
//! state and drawing, as `impl App` blocks, so a change to one screen stays
//! in one file. The clock and the random source are handed in, never read
//! here, so tests replay exactly.

use std::time::Duration;

use rand_xoshiro::Xoshiro256PlusPlus;
use ratatui::layout::Rect;
use ratatui_textarea::Input;

use crate::bank::{Bank, PrincipleId, QuestionId};
use crate::schedule::Scheduled;
use crate::score::Rubric;
use crate::store::{Stats, Store};
use crate::stories::Coverage;

use super::detail::Detail;
use super::drawn::Drawn;
use super::editor::Edited;
use super::home_drafts::HomeView;
use super::pick::Pick;
use super::practice::Practice;
use super::progress::ProgressView;
use super::questions::QuestionsView;
pub use super::quit::Unsaved;
use super::report::ReportView;
use super::review::ReviewList;
use super::search::Search;
use super::stories::StoriesView;
use super::theme::Theme;
use super::words::AnswerWords;

/// Time as the loop saw it: monotonic since start (for the countdown and
/// autosave) and the wall clock (for what is written to disk).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    pub now: Duration,
    pub wall: jiff::Timestamp,
}

/// Which screen is showing, with its own state.
#[derive(Debug)]
pub enum Screen {
    Home,
    Pick(Pick),
    Search(Search),
    Drawn(Drawn),
    Practice(Box<Practice>),
    Report(Box<ReportView>),
    Review(ReviewList),
    Detail(Box<Detail>),
    Progress(ProgressView),
    Stories(StoriesView),
    Questions(QuestionsView),
}

/// Everything that can happen to the app. Keys map to these per screen;
/// the loop adds `Tick`, `Paste` and `EditorDone`.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The clock moved (every 250 ms and before each event).
    Tick(Clock),
    /// The terminal's size, before each frame is drawn.
    Resize(Rect),
    /// Ctrl-C: save any draft and quit. When the draft cannot be saved,
    /// the first Ctrl-C only says so; a second quits and the text is
    /// printed once the terminal is restored.
    Quit,
    /// SIGINT, SIGTERM, SIGHUP or a lost terminal: save what can be saved,
    /// keep the rest to print, and quit now.
    Stop,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Go back: from a list to home, from practice keeping a draft.
    Back,
    /// Draw a weighted question (`d` at home, `Ctrl-N` on a drawn question).
    Draw,
    OpenPick,
    OpenSearch,
    OpenReview,
    OpenProgress,
    /// The Questions screen: how each question performs.
    OpenQuestions,
    Up,
    Down,
    PageUp,
    PageDown,
    /// `g` or Home: the first row, or the top of a scrolled view.
    First,
    /// `G` or End: the last row, or the bottom of a scrolled view.
    Last,
    /// A mouse click on the n-th row of the screen's list.
    ClickRow(usize),
    /// Enter on a list or a drawn question.
    Select,
    /// A key for the focused text field or query line.
    Input(Input),
    /// A pasted block of text.
    Paste(String),
    NextField,
    PrevField,
    /// Ctrl-S: submit the answer, or save the follow-up.
    Submit,
    /// Ctrl-E: edit the focused field in `$VISUAL`/`$EDITOR`.
    OpenEditor,
    /// The external editor finished: the new text, and what went wrong.
    EditorDone(Edited),
    /// Review: sort by date or by score; Questions: the next order.
    ToggleSort,
    /// Review: start typing a search query.
    StartQuery,
    /// Review detail: start a comment.
    StartComment,
    /// Review detail: start a grade (then a digit 1–5).
    StartGrade,
    /// Review detail: name the story the answer tells.
    StartStory,
    /// Home: the story bank and its coverage.
    OpenStories,
    /// Report (Ctrl-T) and Review detail (`a`): answer the same question
    /// again, to compare.
    AnswerAgain,
}

/// Work for the loop that needs the terminal itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Suspend the TUI, edit `text` in an external editor, send back
    /// [`Message::EditorDone`].
    Editor { text: String },
}

/// How often a read-only copy tries to become the writer, and a writer
/// checks its lock file is still its own.
const LOCK_RECHECK: Duration = Duration::from_secs(1);

/// A one-line note at the bottom: what just happened or went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The whole TUI state.
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // independent flags, not a state machine
pub struct App {
    pub bank: Bank,
    pub store: Store,
    pub rubric: Rubric,
    /// Minutes on the practice clock.
    pub minutes: u32,
    /// The name on reviews added in the Review screen.
    pub reviewer: String,
    pub rng: Xoshiro256PlusPlus,
    pub clock: Clock,
    pub screen: Screen,
    /// Home's drafts and highlighted row, refreshed whenever Home opens.
    pub home: HomeView,
    pub help: bool,
    pub status: Option<Status>,
    /// Progress over saved answers, refreshed after every save.
    pub stats: Stats,
    /// When each answered question is due for review, soonest first;
    /// refreshed with `stats`.
    pub schedule: Vec<Scheduled>,
    /// The story bank's coverage; refreshed with `stats`.
    pub stories: Coverage,
    /// The last question drawn, so the next draw differs.
    pub last_drawn: Option<QuestionId>,
    /// False under `NO_COLOR`: styles fall back to markers and underline.
    pub color: bool,
    /// The zone dates are shown in (UTC in tests).
    pub tz: jiff::tz::TimeZone,
    /// When scores are hidden from a reviewer who has not graded.
    pub blind: Blind,
    pub quit: bool,
    /// Ctrl-C found text it could not save: the next Ctrl-C quits anyway.
    pub quit_armed: bool,
    /// Text that could not be saved, to print when the TUI ends.
    pub unsaved: Vec<Unsaved>,
    /// `Clock::now` when the store's lock was last checked.
    pub lock_checked: Duration,
    /// Saved answers' words, read once a search needs them.
    pub words: AnswerWords,
    /// The terminal's size as last drawn ([`Message::Resize`]): End in a
    /// scrolled view needs the height the view is drawn in.
    pub size: Rect,
}

impl App {
    /// A fresh app on the home screen.
    pub fn new(bank: Bank, store: Store, settings: Settings, clock: Clock) -> App {
        let stats = store.stats();
        let schedule = crate::schedule::of_saved(store.summaries(), &settings.tz);
        let stories = Coverage::compute(store.summaries(), &bank);
        let mut app = App {
            bank,
            store,
            rubric: settings.rubric,
            minutes: settings.minutes,
            reviewer: settings.reviewer,
            rng: settings.rng,
            clock,
            screen: Screen::Home,
            home: HomeView::default(),
            help: false,
            status: None,
            stats,
            schedule,
            stories,
            last_drawn: None,
            color: settings.color,
            tz: settings.tz,
            blind: settings.blind,
            quit: false,
            quit_armed: false,
            unsaved: Vec::new(),
            lock_checked: clock.now,
            words: AnswerWords::default(),
            // Until the first frame: the size the screens are tested at.
            size: Rect::new(0, 0, 80, 24),
        };
        app.open_home();
        app
    }

    /// Applies one message. Returns work only the loop can do.
    pub fn update(&mut self, msg: Message) -> Option<Command> {
        match msg {
            Message::Tick(clock) => {
                self.clock = clock;
                self.on_tick();
                return None;
            }
            Message::Resize(size) => {
                self.size = size;
                return None;
            }
            Message::Quit | Message::Stop => {
                self.quit_saving(msg == Message::Stop);
                return None;
            }
            Message::ToggleHelp => {
                self.help = !self.help;
                return None;
            }
            _ => {}
        }
        // Any other action replaces an old note; errors stay until then.
        self.status = None;
        self.quit_armed = false;
        let was_home = matches!(self.screen, Screen::Home);
        let command = match &self.screen {
            Screen::Practice(_) => self.update_practice(msg),
            Screen::Report(_) => self.update_report(msg),
            _ => {
                self.update_screen(msg);
                None
            }
        };
        // Whichever screen went home, Home lists the drafts as they are now.
        if !was_home && matches!(self.screen, Screen::Home) {
            self.open_home();
        }
        command
    }

    /// The screens whose updates need nothing of the loop.
    fn update_screen(&mut self, msg: Message) {
        match &self.screen {
            Screen::Home => self.update_home(msg),
            Screen::Pick(_) | Screen::Progress(_) | Screen::Stories(_) => {
                self.update_principle_rows(msg);
            }
            Screen::Search(_) => self.update_search(msg),
            Screen::Drawn(_) => self.update_drawn(msg),
            Screen::Review(_) => self.update_review(msg),
            Screen::Detail(_) => self.update_detail(msg),
            Screen::Questions(_) => self.update_questions(msg),
            Screen::Practice(_) | Screen::Report(_) => {}
        }
    }

    #[allow(clippy::needless_pass_by_value)] // every update_* takes its message alike
    fn update_home(&mut self, msg: Message) {
        match msg {
            Message::Draw => self.draw_question(None),
            Message::OpenPick => self.screen = Screen::Pick(Pick::default()),
            Message::OpenSearch => self.screen = Screen::Search(Search::new(&self.bank)),
            Message::OpenReview => self.open_review(),
            Message::OpenProgress => self.screen = Screen::Progress(ProgressView::default()),
            Message::OpenQuestions => self.open_questions(),
            Message::OpenStories => self.screen = Screen::Stories(StoriesView::new(self)),
            Message::Back => self.quit = true,
            Message::Up
            | Message::Down
            | Message::First
            | Message::Last
            | Message::ClickRow(_)
            | Message::Select => {
                self.update_home_drafts(&msg);
            }
            _ => {}
        }
    }

    /// Draws a question due for review, else a weighted one, optionally
    /// within one principle, and shows it.
    pub(super) fn draw_question(&mut self, principle: Option<PrincipleId>) {
        let due: Vec<QuestionId> = crate::schedule::due_now(&self.schedule, self.clock.wall)
            .map(|s| s.question_id.clone())
            .collect();
        let request = crate::draw::DrawRequest {
            principle: principle.as_ref(),
            last: self.last_drawn.as_ref(),
            due: &due,
        };
        match crate::draw::draw(&self.bank, &self.stats, request, &mut self.rng) {
            Some(drawn) => {
                let id = drawn.question.id.clone();
                let reason = drawn.reason;
                self.last_drawn = Some(id.clone());
                self.screen = Screen::Drawn(Drawn::new(self, id, reason, principle));
            }
            None => self.error("no questions to draw from".to_owned()),
        }
    }

    fn on_tick(&mut self) {
        match self.screen {
            Screen::Practice(_) => self.autosave(),
            Screen::Report(_) => self.autosave_follow_up(),
            _ => {}
        }
        self.poll_words();
        if self.clock.now.saturating_sub(self.lock_checked) >= LOCK_RECHECK {
            self.lock_checked = self.clock.now;
            self.store.recheck_lock();
        }
        self.show_store_notes();
    }

    /// Shows what changed about the store's lock (taken over, lost) since
    /// the last look, and re-reads progress when this copy took over.
    fn show_store_notes(&mut self) {
        let notes = self.store.take_notes();
        if notes.is_empty() {
            return;
        }
        let text = notes.join("; ");
        if self.store.is_read_only() {
            self.error(text);
        } else {
            // Reopened as the writer: answers may have come and gone.
            self.refresh_stats();
            self.words.forget();
            if matches!(self.screen, Screen::Home) {
                self.open_home();
            }
            self.note(text);
        }
    }

    /// Shows a note in the status line.
    pub(super) fn note(&mut self, text: String) {
        self.status = Some(Status { text, error: false });
    }

    /// Shows a failure in the status line; whatever was typed stays.
    pub(super) fn error(&mut self, text: String) {
        self.status = Some(Status { text, error: true });
    }

    pub fn theme(&self) -> Theme {
        Theme { color: self.color }
    }

    /// A principle's display name, or its id when the bank lacks it.
    pub fn principle_name<'a>(&'a self, id: &'a PrincipleId) -> &'a str {
        self.bank
            .principle(id.as_str())
            .map_or(id.as_str(), |p| &p.name)
    }

    /// `2026-11-23 14:05` in the app's time zone.
    pub fn local_time(&self, at: jiff::Timestamp) -> String {
        at.to_zoned(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Principles of the bank with no saved answer yet.
    /// Where the current screen is drawn in the terminal as last sized.
    pub(super) fn body(&self) -> Rect {
        super::view::frame_parts(self, self.size)[0]
    }

    pub fn untried_principles(&self) -> usize {
        self.bank
            .principles()
            .len()
            .saturating_sub(self.stats.principles.len())
    }

    /// How many answered questions are due for review now.
    pub fn due_today(&self) -> usize {
        crate::schedule::due_now(&self.schedule, self.clock.wall).count()
    }

    /// Recomputes progress and the review schedule after the saved answers
    /// changed.
    pub fn refresh_stats(&mut self) {
        self.stats = self.store.stats();
        self.schedule = crate::schedule::of_saved(self.store.summaries(), &self.tz);
        self.stories = Coverage::compute(self.store.summaries(), &self.bank);
    }
}

/// The app's settings that come from outside: options and environment.
#[derive(Debug)]
pub struct Settings {
    pub minutes: u32,
    pub reviewer: String,
    pub rng: Xoshiro256PlusPlus,
    pub color: bool,
    pub tz: jiff::tz::TimeZone,
    /// What answers are scored with (`--rubric`, `<home>/rubric.json`, or
    /// the built-in one).
    pub rubric: Rubric,
    /// When Review hides a score from a reviewer who has not graded yet.
    pub blind: Blind,
}

/// When Review hides an answer's score and evidence from a reviewer who
/// has not graded it, so the grade is their own reading, not the scorer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Blind {
    /// While the grade prompt is open on an answer they have not graded.
    #[default]
    WhileGrading,
    /// `--blind`: on every answer they have not graded, in the list and
    /// the detail, until they grade it.
    UntilGraded,
}
