//! barraiser: rehearse behavioral interview answers against a set of
//! leadership principles, and get an explainable score.
//!
//! The library holds the whole app; the binary only parses the command line
//! and maps errors to exit codes. Data flows one way:
//!
//! ```text
//! question bank ──► practice (TUI/CLI) ──► answer ──► scorer ──► report
//!                                             │                    │
//!                                             └──────► store ◄─────┘
//! ```
//!
//! - [`bank`] and [`score`] are the functional core: no terminal, no disk,
//!   no clock, no randomness inside; callers pass those in.
//! - [`schedule`] and [`draw`] are pure too: when an answered question is
//!   due again, and which question to offer next.
//! - [`store`] is the only module that writes user data.
//! - [`tui`] and [`cli`] are the thin front ends over them.

pub mod answer;
pub mod attempts;
pub mod bank;
pub mod cli;
pub mod draw;
pub mod home;
pub mod probe;
pub mod sanitize;
pub mod schedule;
pub mod score;
pub mod search;
pub mod store;
pub mod stories;
pub mod submit;
pub mod tui;
