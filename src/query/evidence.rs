//! Evidence resolved to its source, filtered by report time.

use crate::DiplomaticGraph;
use crate::model::{Evidence, PartialDate, Source};

/// A piece of evidence with the source it cites.
///
/// # Examples
///
/// ```
/// use diplograph::{datasets, PositionQuery};
///
/// let graph = datasets::washington_2025();
/// let ceasefire = graph.find_stance("ceasefire")?;
/// let first = graph.positions(PositionQuery::on(ceasefire)).next().unwrap();
/// let cited = first.evidence().next().unwrap();
/// assert!(cited.quote().unwrap().contains("ceasefire"));
/// assert_eq!(cited.source.key.as_str(), "washington-2025-report");
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Cited<'g> {
    /// The evidence.
    pub evidence: &'g Evidence,
    /// The source it cites.
    pub source: &'g Source,
}

impl<'g> Cited<'g> {
    /// The quoted sentence, if the evidence has one.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let (_, meeting) = graph.all_meetings().next().unwrap();
    /// assert!(meeting.evidence[0].quote.is_some());
    /// ```
    pub fn quote(&self) -> Option<&'g str> {
        self.evidence.quote.as_deref()
    }
}

/// Whether a source was certainly published by the last day of `known_at`.
pub(crate) fn published_by(source: &Source, known_at: PartialDate) -> bool {
    source
        .published
        .is_some_and(|p| p.last_day_number() <= known_at.last_day_number())
}

impl DiplomaticGraph {
    /// The evidence of an item that counts at `known_at`, with its sources.
    pub(crate) fn cited<'g>(
        &'g self,
        evidence: &'g [Evidence],
        known_at: Option<PartialDate>,
    ) -> impl Iterator<Item = Cited<'g>> + 'g {
        evidence.iter().filter_map(move |e| {
            let source = self.sources.get(&e.source)?;
            match known_at {
                Some(k) if !published_by(source, k) => None,
                _ => Some(Cited {
                    evidence: e,
                    source,
                }),
            }
        })
    }

    /// Whether an item with this evidence is known by `day` (always, with
    /// no day): whether a source of it was published by then. The day is
    /// a query's `known_at`, packed once per query.
    #[inline]
    pub(crate) fn known_by(&self, evidence: &[Evidence], day: Option<super::Day>) -> bool {
        let Some(day) = day else { return true };
        evidence.iter().any(|e| {
            self.sources
                .get(&e.source)
                .and_then(|s| s.published)
                .is_some_and(|p| day.has_seen(p))
        })
    }
}
