//! Reading and writing graphs.
//!
//! The JSON dataset format (`diplograph/1`) is described in
//! `docs/dataset-format.md`. In short: one object with a `format` field, then
//! lists of `sources`, `actors`, `stances`, `meetings`, `positions` and
//! `acts`, each item referring to others by key. Loading checks every field
//! and reference and reports the first problem with its line, column and JSON
//! path; [`validate_json_str`] reports all of them. [`Limits`] bound the
//! input's size, strings, nesting and meetings, so a hostile file cannot
//! exhaust memory. Saving writes every field
//! back, so load, save and load again gives an equal graph.
//!
//! ```
//! use diplograph::DiplomaticGraph;
//!
//! let graph = DiplomaticGraph::load("data/washington-2025.json")?;
//! let text = graph.to_json_string();
//! assert_eq!(DiplomaticGraph::from_json_str(&text)?, graph);
//! assert!(diplograph::io::validate_json_str(&text).is_empty());
//! # Ok::<(), diplograph::Error>(())
//! ```

mod atomic;
mod json;
mod limits;
mod locate;

pub use atomic::write_atomically;
pub use json::{validate_json_str, validate_json_str_with};
pub use limits::{Limit, Limits};
