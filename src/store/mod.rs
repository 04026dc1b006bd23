//! The answer store: the only module that writes user data.
//!
//! Users pour hours into their answers, so the store is built around one
//! promise: once [`Store::save`] returns an id, that answer survives a crash,
//! a `kill -9` or a power cut, and nothing half-written ever loads as an
//! answer. Each answer is one pretty-printed JSON file in `answers/`, written
//! atomically ([`atomic`]); a kernel lock lets one process write while any
//! other copy reads ([`lock`]); files that do not load are reported and
//! moved aside, never deleted ([`load`]); a rebuildable index keeps opening
//! a large store fast ([`index`]). Import, export and stats sit on top.
//!
//! Time is passed in (`now` parameters, or the times inside records and
//! reviews) rather than read here, so tests are deterministic.
//!
//! ```text
//! Store::open(root)              read-only when another copy writes; see warnings()
//! Store::open_waiting(root, d)   the same, waiting up to d for the other writer
//! recheck_lock(), take_notes()   become the writer when the lock frees; notice a lost lock
//! answers(), get(id), load(id)   saved records, oldest first (read on first use)
//! save(record), add_review(..)   durable on disk before they return
//! save_draft, load_draft, drafts, discard_draft
//! stats(), summaries()           from the index, without reading every answer
//! read_texts()                   every answer's words for a search, on a thread when many
//! export(filter, now)            -> Export: to_json(), to_markdown(..)
//! Calibration::compute(answers)  graders against each other and the scorer
//! question_performance(..)       per question: totals, grades, signals
//! Export::parse(..), import(..)  merge by id, never over different words
//! import_from(reader, ..)        the same as the file streams in; import_completing
//!                                scores a blind export's answers on the way
//! ```

mod atomic;
mod batch;
mod drafts;
mod error;
mod export;
mod find;
mod grading;
mod import;
mod index;
mod layout;
mod load;
mod lock;
mod markdown;
mod par;
mod question_stats;
mod stats;
mod stream;
mod texts;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use crate::answer::{AnswerId, AnswerRecord, Review, SCHEMA_VERSION};
use crate::bank::QuestionId;

pub use atomic::write_atomic;
pub use drafts::Draft;
pub use error::StoreError;
pub use export::{Export, Filter};
pub use grading::{
    Agreement, Calibration, Disagreement, ReviewerStats, krippendorff_alpha_ordinal,
};
pub use import::ImportSummary;
pub use index::Entry as AnswerSummary;
pub use markdown::MarkdownOptions;
pub use question_stats::{
    QuestionPerformance, answer_grade, is_star, own_signals, question_performance,
};
pub use stats::{PrincipleStats, QuestionStats, SignalRate, Stats, TREND_WINDOW};
pub use stream::Complete;
pub use texts::{AnswerText, TEXT_CAP, TextReader, capped as cap_text};

use index::Entry;
use layout::Layout;
use lock::Lock;

/// An opened data folder.
#[derive(Debug)]
pub struct Store {
    layout: Layout,
    lock: Lock,
    warnings: Vec<String>,
    /// Summaries of every loadable answer, oldest first.
    entries: Vec<Entry>,
    /// The full records behind `entries`, read on first use.
    records: OnceLock<Loaded>,
    /// Answers from a newer barraiser this one cannot read, with their
    /// schema versions: never written over.
    unreadable_newer: Vec<(AnswerId, u32)>,
    /// Newest first.
    drafts: Vec<Draft>,
    /// Changes of role since opening (the lock was lost, or taken over),
    /// for the front end to show; see [`Store::take_notes`].
    notes: Vec<String>,
}

#[derive(Debug)]
struct Loaded {
    records: Vec<AnswerRecord>,
    warnings: Vec<String>,
}

impl Store {
    /// Opens (creating if needed) the data folder at `root`. When another
    /// process holds the lock, or the folder cannot be written, the store
    /// opens read-only; problems with individual files become
    /// [`Store::warnings`], never a failure.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        Store::open_waiting(root, Duration::ZERO)
    }

    /// Opens like [`Store::open`], but while another barraiser holds the
    /// lock, waits up to `wait` for it to finish before opening read-only:
    /// for commands that exist to write.
    pub fn open_waiting(root: &Path, wait: Duration) -> Result<Store, StoreError> {
        let layout = Layout::new(root);
        create_folders(&layout)?;
        let lock = Lock::acquire_waiting(&layout.lock(), wait);
        Store::open_locked(layout, lock)
    }

    fn open_locked(layout: Layout, lock: Lock) -> Result<Store, StoreError> {
        let root = &layout.root;
        let mut warnings = Vec::new();
        let writer = lock.is_held();
        match &lock {
            Lock::Held(_) => tidy_root(&layout, &mut warnings),
            Lock::Busy => warnings.push(format!(
                "another barraiser is writing to {}: this copy is read-only for now — answers cannot be saved here until the other copy closes (drafts still are)",
                root.display()
            )),
            Lock::Unavailable(reason) => warnings.push(format!(
                "{} cannot be written ({reason}): this copy is read-only",
                root.display()
            )),
        }
        let mut scan = if layout.answers().is_dir() {
            load::scan(&layout, writer)?
        } else {
            load::Scan::default()
        };
        warnings.append(&mut scan.warnings);
        if writer
            && scan.index_stale
            && let Err(e) = index::rewrite(&layout.index(), &scan.entries)
        {
            warnings.push(format!(
                "the index could not be updated ({e}); opening will be slower"
            ));
        }
        let drafts = if layout.drafts().is_dir() {
            let (drafts, mut w) = drafts::load_all(&layout, writer)?;
            warnings.append(&mut w);
            drafts
        } else {
            Vec::new()
        };
        Ok(Store {
            layout,
            lock,
            warnings,
            entries: scan.entries,
            records: OnceLock::new(),
            unreadable_newer: scan.unreadable_newer,
            drafts,
            notes: Vec::new(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.layout.root
    }

    /// True when this copy may not write: another barraiser holds the lock,
    /// or the folder is not writable.
    pub fn is_read_only(&self) -> bool {
        !self.lock.is_held()
    }

    /// What went wrong while opening (quarantined files, newer schemas,
    /// read-only), one line each, to show the user.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Files that changed on disk after opening and no longer load, found
    /// when [`Store::answers`] first read the full records.
    pub fn late_warnings(&self) -> &[String] {
        self.records.get().map_or(&[], |l| &l.warnings)
    }

    /// A summary of every loadable answer (from the index, without reading
    /// the answers), oldest first: enough to list them.
    pub fn summaries(&self) -> &[AnswerSummary] {
        &self.entries
    }

    /// Whether every record has been read into memory ([`Store::answers`]),
    /// a cost that grows with the store; screens avoid it.
    pub fn is_fully_loaded(&self) -> bool {
        self.records.get().is_some()
    }

    /// How many answers are saved (without reading them all).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Saved answers, oldest first. The first call reads every answer file.
    pub fn answers(&self) -> &[AnswerRecord] {
        &self
            .records
            .get_or_init(|| {
                let (records, warnings) = load::read_all(&self.layout, &self.entries);
                Loaded { records, warnings }
            })
            .records
    }

    pub fn get(&self, id: &AnswerId) -> Option<&AnswerRecord> {
        self.answers().iter().find(|a| &a.id == id)
    }

    /// One answer, read from memory if loaded, else from its file.
    pub fn load(&self, id: &AnswerId) -> Result<AnswerRecord, StoreError> {
        if let Some(loaded) = self.records.get() {
            return loaded
                .records
                .iter()
                .find(|a| &a.id == id)
                .cloned()
                .ok_or_else(|| StoreError::NotFound(id.clone()));
        }
        if !self.entries.iter().any(|e| &e.id == id) {
            return Err(StoreError::NotFound(id.clone()));
        }
        let path = self.layout.answer(id);
        load::read_record(&path, Some(id)).map_err(|why| match why {
            load::Unloadable::Broken(reason) => StoreError::io(
                &path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, reason),
            ),
            load::Unloadable::Newer(version) => StoreError::NewerSchema {
                path: path.clone(),
                version,
                known: SCHEMA_VERSION,
            },
        })
    }

    /// The file an answer is saved in.
    pub fn path_of(&self, id: &AnswerId) -> PathBuf {
        self.layout.answer(id)
    }

    /// Saves a new or updated answer (matched by id); returns once it is
    /// durably on disk. On error nothing on disk changed and `record` was
    /// not kept: the caller still has its text.
    pub fn save(&mut self, record: AnswerRecord) -> Result<AnswerId, StoreError> {
        self.check_writable()?;
        if !record.id.is_valid() {
            return Err(StoreError::BadId(record.id.0));
        }
        let path = self.layout.answer(&record.id);
        let saved_schema = self
            .entries
            .iter()
            .find(|e| e.id == record.id)
            .map(|e| e.schema)
            .or_else(|| {
                self.unreadable_newer
                    .iter()
                    .find(|(id, _)| *id == record.id)
                    .map(|(_, v)| *v)
            });
        let newer = saved_schema.map_or(record.schema_version, |v| v.max(record.schema_version));
        if newer > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                version: newer,
                known: SCHEMA_VERSION,
            });
        }
        let mut bytes =
            serde_json::to_vec_pretty(&record).map_err(|e| StoreError::write(&path, e.into()))?;
        bytes.push(b'\n');
        write_atomic(&path, &bytes)?;
        // The answer is safe from here on; the index is only a cache.
        let entry = match std::fs::metadata(&path) {
            Ok(meta) => {
                let entry = Entry::new(&record, &meta);
                // A lost index line only costs a re-read on the next open.
                let _ = index::append(&self.layout.index(), &entry);
                entry
            }
            // Never matches a file, so the next open reads it again.
            Err(_) => Entry::unstamped(&record),
        };
        self.put_entry(entry);
        let id = record.id.clone();
        if let Some(loaded) = self.records.get_mut() {
            loaded.records.retain(|a| a.id != id);
            let at = loaded
                .records
                .partition_point(|a| (a.created, &a.id) < (record.created, &record.id));
            loaded.records.insert(at, record);
        }
        Ok(id)
    }

    fn put_entry(&mut self, entry: Entry) {
        self.entries.retain(|e| e.id != entry.id);
        let at = self
            .entries
            .partition_point(|e| (e.created, &e.id) < (entry.created, &entry.id));
        self.entries.insert(at, entry);
    }

    /// Adds a mentor's review to a saved answer and saves it; the record's
    /// `updated` time becomes the review's.
    pub fn add_review(&mut self, id: &AnswerId, review: Review) -> Result<(), StoreError> {
        if let Some(grade) = review.grade.filter(|g| !(1..=5).contains(g)) {
            return Err(StoreError::BadGrade(grade));
        }
        self.check_writable()?;
        let mut record = self.load(id)?;
        record.updated = record.updated.max(review.at);
        record.reviews.push(review);
        self.save(record).map(|_| ())
    }

    /// Names (or with `None`, clears) the story a saved answer tells, and
    /// saves it durably. The name is cleaned by [`crate::answer::clean_story`].
    pub fn set_story(&mut self, id: &AnswerId, story: Option<&str>) -> Result<(), StoreError> {
        self.check_writable()?;
        let mut record = self.load(id)?;
        record.story = story.and_then(crate::answer::clean_story);
        self.save(record).map(|_| ())
    }

    /// Saves (replacing) the draft for its question, durably. A read-only
    /// copy (another barraiser holds the lock) saves it too, in a file of
    /// its own that the next writer adopts; only a folder that cannot be
    /// written refuses.
    pub fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        let owner = self.draft_owner()?;
        drafts::save(&self.layout, draft, owner)?;
        self.drafts.retain(|d| d.question_id != draft.question_id);
        self.drafts.push(draft.clone());
        drafts::sort_newest_first(&mut self.drafts);
        Ok(())
    }

    /// The draft for `question`, if any.
    pub fn load_draft(&self, question: &QuestionId) -> Option<Draft> {
        self.drafts
            .iter()
            .find(|d| &d.question_id == question)
            .cloned()
    }

    /// Every saved draft, newest first.
    pub fn drafts(&self) -> Vec<Draft> {
        self.drafts.clone()
    }

    /// Removes this copy's draft for `question` (after it was submitted).
    pub fn discard_draft(&mut self, question: &QuestionId) -> Result<(), StoreError> {
        let owner = self.draft_owner()?;
        drafts::discard(&self.layout, question, owner)?;
        self.drafts.retain(|d| &d.question_id != question);
        Ok(())
    }

    fn draft_owner(&mut self) -> Result<drafts::Owner, StoreError> {
        if self.lock.is_held() {
            self.recheck_lock();
        }
        match &self.lock {
            Lock::Held(_) => Ok(drafts::Owner::Writer),
            Lock::Busy => Ok(drafts::Owner::ReadOnly(std::process::id())),
            Lock::Unavailable(_) => self.check_writable().map(|()| drafts::Owner::Writer),
        }
    }

    /// Progress per principle and per question.
    pub fn stats(&self) -> Stats {
        Stats::from_entries(&self.entries)
    }

    fn check_writable(&mut self) -> Result<(), StoreError> {
        if self.lock.is_held() {
            // Never write beside a second writer that locked a new file.
            self.recheck_lock();
        }
        match &self.lock {
            Lock::Held(_) => Ok(()),
            Lock::Busy => Err(StoreError::ReadOnly(self.layout.root.clone())),
            Lock::Unavailable(reason) => Err(StoreError::Unwritable {
                path: self.layout.root.clone(),
                reason: reason.clone(),
            }),
        }
    }
}

/// Makes the data folder and its subfolders. Only a root that cannot exist
/// at all is an error; a folder that exists but cannot be written opens
/// read-only (the lock will say why).
fn create_folders(layout: &Layout) -> Result<(), StoreError> {
    let root = &layout.root;
    let existed = root.is_dir();
    if !existed {
        std::fs::create_dir_all(root).map_err(|e| StoreError::Create {
            path: root.clone(),
            source: e,
        })?;
    }
    let mut made = !existed;
    for dir in [layout.answers(), layout.drafts()] {
        if !dir.is_dir() && std::fs::create_dir(&dir).is_ok() {
            made = true;
        }
    }
    if made {
        // So the new folders themselves survive a crash.
        let _ = atomic::sync_dir(root);
    }
    Ok(())
}

/// Writer-only housekeeping at the top of the folder: remove temporaries an
/// interrupted write left, and add a `.gitignore` for the local-only files.
fn tidy_root(layout: &Layout, warnings: &mut Vec<String>) {
    if let Ok(listing) = std::fs::read_dir(&layout.root) {
        for dirent in listing.flatten() {
            if layout::is_leftover_temporary(&dirent.file_name()) {
                load::remove_leftover(&dirent.path(), warnings);
            }
        }
    }
    let gitignore = layout.root.join(layout::GITIGNORE);
    if !gitignore.exists() {
        let _ = write_atomic(&gitignore, layout::GITIGNORE_TEXT.as_bytes());
    }
}
