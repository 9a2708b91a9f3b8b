//! Exports of a graph to other formats.
//!
//! * [`dot`]: Graphviz DOT, in four views (a stance, the meetings, an
//!   actor's neighbourhood, the whole graph), written by the crate itself so
//!   that producing DOT needs no Graphviz; the `dot` program renders it.
//!
//! ```
//! use diplograph::{datasets, View};
//!
//! let graph = datasets::washington_2025();
//! let ceasefire = graph.find_stance("ceasefire")?;
//! let dot = graph.to_dot(View::Stance(ceasefire)).to_string();
//! assert!(dot.starts_with("digraph \"diplograph\" {"));
//! # Ok::<(), diplograph::Error>(())
//! ```

pub mod dot;

pub use dot::{Dot, DotOptions, RankDir, View};
