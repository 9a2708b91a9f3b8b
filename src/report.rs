//! A plain-text report of a graph: who stands where on each stance, and the
//! meetings in date order.
//!
//! [`Report`] borrows a graph and implements [`Display`](fmt::Display), like
//! petgraph's `Dot`: print it, write it to a file, or turn it into a string.
//! It has four parts, in this order:
//!
//! * the dataset title, description and counts;
//! * **Stances**, in insertion order: for each, every actor with a position
//!   on it, in the order they first took one. An actor's history is shown in
//!   date order, with each change of polarity and its date
//!   (`supports → opposes on 2025-08-18`), how directly the source attributes
//!   the position (hedging) and the meeting where it was expressed;
//! * **Meetings**, in date order (undated ones last): date, title, kind,
//!   status, tone, place and participants with their roles;
//! * **Acts**, in date order: who did what to whom, when.
//!
//! With evidence on (the default), every item is followed by the sentences
//! quoted for it, each with the title of its source.
//!
//! # Examples
//!
//! ```
//! let graph = diplograph::datasets::washington_2025();
//! let text = graph.report().without_evidence().to_string();
//! assert!(text.contains("Donald Trump: supports → opposes on 2025-08-18"));
//! ```

use std::fmt;

use crate::{
    ActQuery, Cited, Counts, DiplomaticGraph, MeetingQuery, PartialDate, PositionMatch,
    PositionQuery, Role, StanceId,
};

/// A plain-text report of a graph, written through [`fmt::Display`].
///
/// Build one with [`Report::new`] (or [`DiplomaticGraph::report`]), choose
/// options with the builder methods, then print it or call `to_string`. The
/// output depends only on the graph and the options: the same graph always
/// gives the same text. See the [module docs](self) for what it contains.
///
/// # Examples
///
/// ```
/// use diplograph::report::Report;
///
/// let graph = diplograph::datasets::washington_2025();
/// let text = Report::new(&graph).to_string();
/// assert!(text.starts_with("The White House meeting on Ukraine"));
/// // Each position is followed by the sentence it rests on.
/// assert!(text.contains("“At the same time, the U.S. president walked back earlier calls for a ceasefire.”"));
///
/// // Or write it anywhere, without building a string first.
/// use std::io::Write;
/// let mut out = Vec::new();
/// write!(out, "{}", Report::new(&graph).without_evidence())?;
/// assert!(!String::from_utf8_lossy(&out).contains('“'));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
#[must_use]
pub struct Report<'g> {
    graph: &'g DiplomaticGraph,
    evidence: Quotes,
}

/// Whether the report quotes evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quotes {
    Shown,
    Hidden,
}

impl<'g> Report<'g> {
    /// A report of `graph`, with evidence quotes.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let report = diplograph::report::Report::new(&graph);
    /// assert!(report.to_string().contains("\nMeetings\n"));
    /// ```
    pub fn new(graph: &'g DiplomaticGraph) -> Self {
        Report {
            graph,
            evidence: Quotes::Shown,
        }
    }

    /// Follows every item with the sentences quoted for it and their sources
    /// (the default).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let text = graph.report().without_evidence().with_evidence().to_string();
    /// assert!(text.contains("” — "));
    /// ```
    pub fn with_evidence(mut self) -> Self {
        self.evidence = Quotes::Shown;
        self
    }

    /// Leaves evidence out, for a shorter report.
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// let short = graph.report().without_evidence().to_string();
    /// let long = graph.report().to_string();
    /// assert!(short.len() < long.len());
    /// assert!(!short.contains("” — "));
    /// ```
    pub fn without_evidence(mut self) -> Self {
        self.evidence = Quotes::Hidden;
        self
    }
}

impl DiplomaticGraph {
    /// A plain-text [`Report`] of this graph; the same as
    /// [`Report::new(self)`](Report::new).
    ///
    /// ```
    /// let graph = diplograph::datasets::washington_2025();
    /// println!("{}", graph.report().without_evidence());
    /// assert_eq!(graph.report().to_string(), diplograph::report::Report::new(&graph).to_string());
    /// ```
    pub fn report(&self) -> Report<'_> {
        Report::new(self)
    }
}

impl fmt::Display for Counts {
    /// Each count with its noun: `1 source, 15 actors, 6 stances, 5
    /// meetings, 12 positions, 6 acts` (edges left out).
    ///
    /// ```
    /// let counts = diplograph::DiplomaticGraph::new().counts();
    /// assert_eq!(counts.to_string(), "0 sources, 0 actors, 0 stances, 0 meetings, 0 positions, 0 acts");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = [
            (self.sources, "source"),
            (self.actors, "actor"),
            (self.stances, "stance"),
            (self.meetings, "meeting"),
            (self.positions, "position"),
            (self.acts, "act"),
        ];
        for (i, (n, noun)) in parts.into_iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let s = if n == 1 { "" } else { "s" };
            write!(f, "{sep}{n} {noun}{s}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_header(f)?;
        self.write_stances(f)?;
        self.write_meetings(f)?;
        self.write_acts(f)
    }
}

/// Indentation of quoted evidence, under any item.
const QUOTE_INDENT: &str = "      ";

impl Report<'_> {
    fn write_header(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = self.graph.title().unwrap_or("Untitled dataset");
        writeln!(f, "{title}")?;
        writeln!(f, "{}", "=".repeat(title.chars().count()))?;
        if let Some(description) = self.graph.description() {
            writeln!(f, "{description}")?;
        }
        writeln!(f, "{}", self.graph.counts())
    }

    fn write_stances(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        section(f, "Stances")?;
        if self.graph.stances().len() == 0 {
            writeln!(f, "No stances recorded.")?;
        }
        for (i, (id, stance)) in self.graph.stances().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{} [{}]", stance.label, stance.key)?;
            if let Some(broader) = self
                .graph
                .broader_stance(id)
                .and_then(|b| self.graph.stance(b))
            {
                writeln!(f, "  within: {} [{}]", broader.label, broader.key)?;
            }
            self.write_positions_on(f, id)?;
        }
        Ok(())
    }

    /// Every actor's history on one stance, actors in the order they first
    /// took a position on it.
    fn write_positions_on(&self, f: &mut fmt::Formatter<'_>, stance: StanceId) -> fmt::Result {
        let graph = self.graph;
        let mut actors = Vec::new();
        for m in graph.positions(PositionQuery::on(stance)) {
            if !actors.contains(&m.actor) {
                actors.push(m.actor);
            }
        }
        if actors.is_empty() {
            return writeln!(f, "  no positions recorded");
        }
        let changes = graph.position_changes(PositionQuery::on(stance));
        for actor in actors {
            let name = graph.actor(actor).map_or("?", |a| a.name.as_str());
            let history: Vec<PositionMatch<'_>> = graph.position_history(actor, stance).collect();
            match history.as_slice() {
                [only] => {
                    writeln!(f, "  {name}: {}", position_line(graph, only))?;
                    self.write_evidence(f, only.evidence())?;
                }
                [first, ..] => {
                    // The polarities in date order, with the date of each change.
                    write!(f, "  {name}: {}", first.position.polarity.as_str())?;
                    for change in changes.iter().filter(|c| c.actor == actor) {
                        write!(f, " → {}", change.after.position.polarity.as_str())?;
                        match change.date {
                            Some(date) => write!(f, " on {date}")?,
                            None => write!(f, " (date unknown)")?,
                        }
                    }
                    writeln!(f)?;
                    for m in &history {
                        writeln!(f, "    {}", position_line(graph, m))?;
                        self.write_evidence(f, m.evidence())?;
                    }
                }
                [] => {}
            }
        }
        Ok(())
    }

    fn write_meetings(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let graph = self.graph;
        section(f, "Meetings")?;
        let mut any = false;
        for m in graph.meetings(MeetingQuery::all()) {
            if any {
                writeln!(f)?;
            }
            any = true;
            let meeting = m.meeting;
            let when = match (meeting.date, meeting.end) {
                (None, _) => "date unknown".to_owned(),
                (Some(date), None) => date.to_string(),
                (Some(date), Some(end)) => format!("{date} to {end}"),
            };
            writeln!(f, "{when}: {}", meeting.title)?;
            write!(
                f,
                "  kind: {}; status: {}",
                meeting.kind.as_str(),
                meeting.status.as_str()
            )?;
            if let Some(tone) = meeting.tone {
                write!(f, "; tone: {}", tone.as_str())?;
            }
            writeln!(f)?;
            if let Some(place) = &meeting.place {
                writeln!(f, "  place: {place}")?;
            }
            let participants: Vec<String> = graph
                .participants(m.id)
                .map(|(id, p)| {
                    let name = graph
                        .actor(id)
                        .map_or(p.actor.as_str(), |a| a.name.as_str());
                    match p.role {
                        Role::Participant => name.to_owned(),
                        role => format!("{name} ({})", role.as_str()),
                    }
                })
                .collect();
            if participants.is_empty() {
                writeln!(f, "  participants: none recorded")?;
            } else {
                writeln!(f, "  participants: {}", participants.join(", "))?;
            }
            self.write_evidence(f, m.evidence())?;
        }
        if !any {
            writeln!(f, "No meetings recorded.")?;
        }
        Ok(())
    }

    fn write_acts(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let graph = self.graph;
        let mut acts: Vec<_> = graph.acts(ActQuery::all()).collect();
        if acts.is_empty() {
            return Ok(());
        }
        // Date order, undated last; the sort is stable, so ties keep
        // insertion order.
        acts.sort_by(|a, b| match (a.act.date, b.act.date) {
            (Some(x), Some(y)) => x.timeline_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        section(f, "Acts")?;
        for m in acts {
            let name = |id| graph.actor(id).map_or("?", |a| a.name.as_str());
            write!(
                f,
                "  {}: {} {} {} ({}",
                date_or_unknown(m.act.date),
                name(m.actor),
                m.act.kind.as_str(),
                name(m.target),
                m.act.hedging.as_str()
            )?;
            if let Some(meeting) = m.meeting.and_then(|id| graph.meeting(id)) {
                write!(f, "; at {}", meeting.title)?;
            }
            if let Some(stance) = m.stance.and_then(|id| graph.stance(id)) {
                write!(f, "; on {}", stance.label)?;
            }
            writeln!(f, ")")?;
            self.write_evidence(f, m.evidence())?;
        }
        Ok(())
    }

    fn write_evidence<'a>(
        &self,
        f: &mut fmt::Formatter<'_>,
        evidence: impl Iterator<Item = Cited<'a>>,
    ) -> fmt::Result {
        if self.evidence == Quotes::Hidden {
            return Ok(());
        }
        for cited in evidence {
            match cited.quote() {
                Some(quote) => writeln!(
                    f,
                    "{QUOTE_INDENT}“{}” — {}",
                    quote.trim(),
                    cited.source.title
                )?,
                None => writeln!(f, "{QUOTE_INDENT}see {}", cited.source.title)?,
            }
        }
        Ok(())
    }
}

fn section(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    writeln!(f)?;
    writeln!(f, "{name}")?;
    writeln!(f, "{}", "-".repeat(name.chars().count()))?;
    writeln!(f)
}

fn date_or_unknown(date: Option<PartialDate>) -> String {
    date.map_or_else(|| "date unknown".to_owned(), |d| d.to_string())
}

/// One position: polarity, when it held, hedging and the meeting where it
/// was expressed, as in `opposes since 2025-08-18 (reported; at White House
/// meeting on Ukraine)`.
fn position_line(graph: &DiplomaticGraph, m: &PositionMatch<'_>) -> String {
    let p = m.position;
    let validity = p.validity();
    let when = if validity.from.is_none() && validity.until.is_none() {
        ", date unknown".to_owned()
    } else {
        format!(" {validity}")
    };
    let mut line = format!("{}{when} ({}", p.polarity.as_str(), p.hedging.as_str());
    if let Some(meeting) = m.meeting.and_then(|id| graph.meeting(id)) {
        line.push_str("; at ");
        line.push_str(&meeting.title);
    }
    line.push(')');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Act, ActKind, Actor, ActorKind, Evidence, Hedging, Meeting, MeetingKind, MeetingStatus,
        Participant, Polarity, Position, Source, Stance, Tone,
    };

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// Two leaders, one of whom changes his mind at a summit; meetings and
    /// acts added out of date order.
    fn small() -> DiplomaticGraph {
        let mut g = DiplomaticGraph::new();
        g.set_title("Small talks");
        g.add_source(Source::new("wire", "Wire report")).unwrap();
        g.add_actor(Actor::new("a", "Alice Aster", ActorKind::Person))
            .unwrap();
        g.add_actor(Actor::new("b", "Bob Birch", ActorKind::Person))
            .unwrap();
        g.add_stance(Stance::new("truce", "A truce first")).unwrap();
        g.add_stance(Stance::new("aid", "More aid")).unwrap();
        g.add_meeting(
            Meeting::new("later", "Second round", MeetingKind::Call)
                .status(MeetingStatus::Planned)
                .participant(Participant::new("a"))
                .participant(Participant::new("b")),
        )
        .unwrap();
        g.add_meeting(
            Meeting::new("summit", "Lakeside summit", MeetingKind::Summit)
                .date(d("2025-03-02"))
                .place("Lakeside")
                .tone(Tone::Tense)
                .participant(Participant::new("a").role(crate::Role::Host))
                .participant(Participant::new("b").role(crate::Role::Guest))
                .evidence(Evidence::new("wire", "Aster hosted Birch at the lake.")),
        )
        .unwrap();
        g.add_meeting(
            Meeting::new("first", "First contact", MeetingKind::Bilateral)
                .date(d("2025-01"))
                .participant(Participant::new("a"))
                .participant(Participant::new("b")),
        )
        .unwrap();
        // Bob's positions are added newest first: the report must still show
        // them in date order.
        g.add_position(
            Position::new("b", "truce", Polarity::Opposes)
                .from(d("2025-03-02"))
                .meeting("summit")
                .evidence(Evidence::new(
                    "wire",
                    "At the lake Birch dropped the truce.",
                )),
        )
        .unwrap();
        g.add_position(
            Position::new("b", "truce", Polarity::Supports)
                .until(d("2025-03-02"))
                .evidence(Evidence::new("wire", "Birch had called for a truce.")),
        )
        .unwrap();
        g.add_position(
            Position::new("a", "truce", Polarity::Supports)
                .hedging(Hedging::Stated)
                .evidence(Evidence::cite("wire")),
        )
        .unwrap();
        g.add_act(
            Act::new("b", ActKind::Praised, "a")
                .date(d("2025-03-02"))
                .meeting("summit"),
        )
        .unwrap();
        g.add_act(
            Act::new("a", ActKind::PushedBack, "b")
                .date(d("2025-01"))
                .stance("truce")
                .evidence(Evidence::new("wire", "Aster pushed back.")),
        )
        .unwrap();
        g
    }

    #[test]
    fn reports_a_small_graph_in_full() {
        let expected = "\
Small talks
===========
1 source, 2 actors, 2 stances, 3 meetings, 3 positions, 2 acts

Stances
-------

A truce first [truce]
  Bob Birch: supports → opposes on 2025-03-02
    supports until 2025-03-02 (reported)
      “Birch had called for a truce.” — Wire report
    opposes since 2025-03-02 (reported; at Lakeside summit)
      “At the lake Birch dropped the truce.” — Wire report
  Alice Aster: supports, date unknown (stated)
      see Wire report

More aid [aid]
  no positions recorded

Meetings
--------

2025-01: First contact
  kind: bilateral; status: held
  participants: Alice Aster, Bob Birch

2025-03-02: Lakeside summit
  kind: summit; status: held; tone: tense
  place: Lakeside
  participants: Alice Aster (host), Bob Birch (guest)
      “Aster hosted Birch at the lake.” — Wire report

date unknown: Second round
  kind: call; status: planned
  participants: Alice Aster, Bob Birch

Acts
----

  2025-01: Alice Aster pushed back against Bob Birch (reported; on A truce first)
      “Aster pushed back.” — Wire report
  2025-03-02: Bob Birch praised Alice Aster (reported; at Lakeside summit)
";
        let g = small();
        assert_eq!(g.report().to_string(), expected);
    }

    #[test]
    fn without_evidence_drops_only_the_quotes() {
        let g = small();
        let with = g.report().to_string();
        let without = g.report().without_evidence().to_string();
        let kept: Vec<&str> = with
            .lines()
            .filter(|l| !l.starts_with(QUOTE_INDENT))
            .collect();
        assert_eq!(without.lines().collect::<Vec<_>>(), kept);
        assert!(!without.contains("Wire report"));
        assert_eq!(
            g.report().without_evidence().with_evidence().to_string(),
            with
        );
    }

    #[test]
    fn a_change_of_position_shows_each_step_with_its_date() {
        let mut g = small();
        g.add_position(Position::new("b", "truce", Polarity::Supports).from(d("2025-06")))
            .unwrap();
        let text = g.report().without_evidence().to_string();
        assert!(
            text.contains("  Bob Birch: supports → opposes on 2025-03-02 → supports on 2025-06\n"),
            "{text}"
        );
        // The open-ended position is now followed by one more.
        assert!(
            text.contains("    supports since 2025-06 (reported)\n"),
            "{text}"
        );
    }

    #[test]
    fn an_empty_graph_says_so() {
        let text = DiplomaticGraph::new().report().to_string();
        assert_eq!(
            text,
            "Untitled dataset\n================\n\
             0 sources, 0 actors, 0 stances, 0 meetings, 0 positions, 0 acts\n\
             \nStances\n-------\n\nNo stances recorded.\n\
             \nMeetings\n--------\n\nNo meetings recorded.\n"
        );
    }

    #[test]
    fn the_bundled_dataset_puts_meetings_in_date_order() {
        let g = crate::datasets::washington_2025();
        let text = g.report().without_evidence().to_string();
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing"))
        };
        assert!(at("2025-02: Zelenskyy’s Oval Office visit") < at("2025-08-15: Alaska summit"));
        assert!(at("2025-08-15: Alaska summit") < at("2025-08-18: White House meeting on Ukraine"));
        assert!(
            at("2025-08-18: White House meeting on Ukraine")
                < at("date unknown: Proposed trilateral meeting")
        );
        assert!(text.contains("  Donald Trump: supports → opposes on 2025-08-18\n"));
    }
}
