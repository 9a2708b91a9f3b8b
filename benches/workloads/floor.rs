//! The floor: the same data in a bare `petgraph::Graph<u8, SmallEdge>`,
//! answering the compared questions by walking edges, as a hand-written
//! program would. No strings, no keys, no evidence beyond the publication
//! day of the source an item cites, no indexes: one node per actor, stance
//! and meeting (the weight says which), one 8-byte edge weight per
//! participation, position and act. What `diplograph` costs above this is
//! the price of its abstraction (typed ids, evidence, partial dates,
//! indexes).
//!
//! Days are `u16` offsets from the first day of the scale's span, which
//! the generator's dates (full days, and month-precise starts taken at
//! their first day) map to without loss.

use diplograph::{
    Act, ActKind, Actor, DiplomaticGraph, Meeting, PartialDate, Polarity, Position, Source, Stance,
};
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::{Graph, NodeIndex};

use super::questions::{Dates, Question};
use super::synthetic::{Scale, Sink, index_of};

/// What an edge stands for, in [`SmallEdge::kind`].
const PARTICIPATION: u8 = 0;
const POSITION: u8 = 1;
const ACT: u8 = 2;

/// An open end (`until` not given).
const OPEN: u16 = u16::MAX;

/// One participation (actor to meeting), position (actor to stance) or act
/// (actor to actor), in 8 bytes.
#[derive(Clone, Copy, Debug)]
pub struct SmallEdge {
    /// `PARTICIPATION`, `POSITION` or `ACT`.
    kind: u8,
    /// The polarity of a position, the kind of an act.
    code: u8,
    /// A position's first day; an act's or meeting's day.
    a: u16,
    /// A position's end (exclusive, `OPEN` if none); a meeting's last day.
    b: u16,
    /// The day the cited source was published.
    c: u16,
}

/// The floor's graph, with what it needs to map items to nodes.
#[derive(Debug)]
pub struct Floor {
    /// Actors are nodes `0..actors`, stances the next `stances`, then
    /// meetings.
    pub graph: Graph<u8, SmallEdge>,
    scale: Scale,
    actors: usize,
    stances: usize,
}

/// A question with its nodes and days resolved.
#[derive(Clone, Copy, Debug)]
pub enum Prepared {
    Opposes {
        stance: NodeIndex,
        day: u16,
        known: u16,
    },
    Criticised {
        actor: NodeIndex,
    },
    Meetings {
        actor: NodeIndex,
        from: u16,
        until: u16,
    },
    History {
        actor: NodeIndex,
        stance: NodeIndex,
        day: u16,
        known: u16,
    },
}

fn polarity_code(p: Polarity) -> u8 {
    match p {
        Polarity::Supports => 0,
        Polarity::Opposes => 1,
        Polarity::Conditional => 2,
        Polarity::Neutral => 3,
        _ => 4,
    }
}

fn act_code(k: ActKind) -> u8 {
    if k == ActKind::Criticised { 1 } else { 0 }
}

impl Floor {
    /// An empty floor for data of `scale`.
    pub fn new(scale: Scale) -> Floor {
        let events = scale.events();
        Floor {
            graph: Graph::with_capacity(
                scale.actors + scale.stances + scale.meetings,
                events + scale.meetings * 2,
            ),
            scale,
            actors: 0,
            stances: 0,
        }
    }

    /// The floor of a dataset, read by reference.
    pub fn of(dataset: &super::synthetic::Dataset) -> Floor {
        let mut floor = Floor::new(dataset.scale);
        for a in &dataset.actors {
            floor.see_actor(a);
        }
        for s in &dataset.stances {
            floor.see_stance(s);
        }
        for m in &dataset.meetings {
            floor.see_meeting(m);
        }
        for p in &dataset.positions {
            floor.see_position(p);
        }
        for a in &dataset.acts {
            floor.see_act(a);
        }
        floor.graph.shrink_to_fit();
        floor
    }

    fn first(&self, d: PartialDate) -> u16 {
        u16::try_from(self.scale.offset(d.first_day())).expect("a day of the span")
    }

    fn last(&self, d: PartialDate) -> u16 {
        u16::try_from(self.scale.offset(d.last_day())).expect("a day of the span")
    }

    /// The publication day of a source keyed `s{day}-{publisher}`.
    fn published(key: &str) -> u16 {
        key[1..]
            .split('-')
            .next()
            .and_then(|d| d.parse().ok())
            .expect("generated source keys start with their day")
    }

    fn actor_node(key: &str) -> NodeIndex {
        NodeIndex::new(index_of(key))
    }

    fn stance_node(&self, key: &str) -> NodeIndex {
        NodeIndex::new(self.actors + index_of(key))
    }

    fn see_actor(&mut self, _: &Actor) {
        assert_eq!(self.stances, 0, "actors come before stances");
        self.graph.add_node(0);
        self.actors += 1;
    }

    fn see_stance(&mut self, _: &Stance) {
        assert_eq!(self.graph.node_count(), self.actors + self.stances);
        self.graph.add_node(1);
        self.stances += 1;
    }

    fn see_meeting(&mut self, m: &Meeting) {
        let node = self.graph.add_node(2);
        let date = m.date.expect("dated");
        let edge = SmallEdge {
            kind: PARTICIPATION,
            code: 0,
            a: self.first(date),
            b: self.last(m.end.unwrap_or(date)),
            c: Self::published(m.evidence[0].source.as_str()),
        };
        for p in &m.participants {
            self.graph
                .add_edge(Self::actor_node(p.actor.as_str()), node, edge);
        }
    }

    fn see_position(&mut self, p: &Position) {
        let edge = SmallEdge {
            kind: POSITION,
            code: polarity_code(p.polarity),
            a: self.first(p.from.expect("generated positions start")),
            b: p.until.map_or(OPEN, |u| self.last(u)),
            c: Self::published(p.evidence[0].source.as_str()),
        };
        let stance = self.stance_node(p.stance.as_str());
        self.graph
            .add_edge(Self::actor_node(p.actor.as_str()), stance, edge);
    }

    fn see_act(&mut self, a: &Act) {
        let date = a.date.expect("dated");
        let edge = SmallEdge {
            kind: ACT,
            code: act_code(a.kind),
            a: self.first(date),
            b: 0,
            c: Self::published(a.evidence[0].source.as_str()),
        };
        self.graph.add_edge(
            Self::actor_node(a.actor.as_str()),
            Self::actor_node(a.target.as_str()),
            edge,
        );
    }

    /// Resolves a question's ids (through their keys) and dates.
    pub fn prepare(&self, g: &DiplomaticGraph, q: Question, d: &Dates) -> Prepared {
        let actor = |a| Self::actor_node(g.actor_key(a).expect("actor").as_str());
        let stance = |s| self.stance_node(g.stance_key(s).expect("stance").as_str());
        let day = self.last(d.mid);
        match q {
            Question::OpposesAsOf(s) => Prepared::Opposes {
                stance: stance(s),
                day,
                known: OPEN,
            },
            Question::OpposesKnownAt(s) => Prepared::Opposes {
                stance: stance(s),
                day,
                known: day,
            },
            Question::CriticisedTowards(a) => Prepared::Criticised { actor: actor(a) },
            Question::MeetingsBetween(a) => Prepared::Meetings {
                actor: actor(a),
                from: self.first(d.from),
                until: self.last(d.until),
            },
            Question::AsOfHistory(a, s) => Prepared::History {
                actor: actor(a),
                stance: stance(s),
                day,
                known: OPEN,
            },
            Question::KnownAtHistory(a, s) => Prepared::History {
                actor: actor(a),
                stance: stance(s),
                day,
                known: day,
            },
        }
    }

    /// Answers a prepared question by walking edges.
    pub fn answer(&self, q: &Prepared) -> usize {
        let held = |e: &SmallEdge, day: u16, known: u16| {
            e.kind == POSITION && e.a <= day && day < e.b && e.c <= known
        };
        match *q {
            Prepared::Opposes { stance, day, known } => self
                .graph
                .edges_directed(stance, Incoming)
                .filter(|e| {
                    let w = e.weight();
                    w.code == 1 && held(w, day, known)
                })
                .count(),
            Prepared::Criticised { actor } => self
                .graph
                .edges_directed(actor, Incoming)
                .filter(|e| e.weight().kind == ACT && e.weight().code == 1)
                .count(),
            Prepared::Meetings { actor, from, until } => self
                .graph
                .edges_directed(actor, Outgoing)
                .filter(|e| {
                    let w = e.weight();
                    w.kind == PARTICIPATION && w.a >= from && w.b <= until
                })
                .count(),
            Prepared::History {
                actor,
                stance,
                day,
                known,
            } => self
                .graph
                .edges_connecting(actor, stance)
                .filter(|e| held(e.weight(), day, known))
                .count(),
        }
    }
}

/// Generated items straight into the floor (the `10m` scale).
impl Sink for Floor {
    fn source(&mut self, _: Source) {}
    fn actor(&mut self, actor: Actor) {
        self.see_actor(&actor);
    }
    fn stance(&mut self, stance: Stance) {
        self.see_stance(&stance);
    }
    fn meeting(&mut self, meeting: Meeting) {
        self.see_meeting(&meeting);
    }
    fn position(&mut self, position: Position) {
        self.see_position(&position);
    }
    fn act(&mut self, act: Act) {
        self.see_act(&act);
    }
}
