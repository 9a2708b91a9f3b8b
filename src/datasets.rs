//! Datasets bundled with the crate, embedded at compile time.
//!
//! ```
//! let graph = diplograph::datasets::washington_2025();
//! assert_eq!(graph.counts().sources, 1);
//! ```

use crate::DiplomaticGraph;

/// The JSON text of [`washington_2025`].
///
/// ```
/// assert!(diplograph::datasets::WASHINGTON_2025_JSON.contains("\"format\": \"diplograph/1\""));
/// ```
pub const WASHINGTON_2025_JSON: &str = include_str!("../data/washington-2025.json");

/// The White House meeting of 18 August 2025, as one news report tells it:
/// Trump, Zelenskyy and the European leaders in Washington, the Alaska summit
/// days before, the hostile February visit, positions on a ceasefire, security
/// guarantees, NATO membership and territorial concessions, each with the
/// sentence of the report it rests on.
///
/// The data lives in `data/washington-2025.json`; the crate's tests load it,
/// so the bundled text is always valid.
///
/// # Examples
///
/// ```
/// let graph = diplograph::datasets::washington_2025();
/// assert!(graph.find_actor("Zelenskyy").is_ok());
/// ```
pub fn washington_2025() -> DiplomaticGraph {
    // The file is checked by this crate's tests and doctests; an empty graph
    // is returned only if someone ships a broken build.
    DiplomaticGraph::from_json_str(WASHINGTON_2025_JSON).unwrap_or_default()
}
