//! A seeded, deterministic generator of synthetic diplomatic-event data,
//! shared by `benches/diplograph.rs` and `examples/memory.rs`.
//!
//! It is included by path (`#[path = ".../gen/mod.rs"] mod synthetic;`)
//! rather than living in the library, so the library's public API does not
//! grow a test-data generator. The module is called `synthetic` where it is
//! included because `gen` is a reserved keyword in edition 2024.
//!
//! The data mimics the shape of ICEWS14 (one year, 2014, of coded events):
//! actors are drawn with a Zipf-like skew, so a few states are hubs that
//! take part in a large share of meetings and acts, while most actors appear
//! a handful of times. Everything goes through the public typed API.

// Each includer uses a different part of this module.
#![allow(dead_code)]

use diplograph::{
    Act, ActKind, Actor, ActorId, ActorKind, DiplomaticGraph, Evidence, Hedging, Meeting,
    MeetingKind, MeetingStatus, Office, PartialDate, Participant, Polarity, Position, Role, Source,
    Stance, StanceId, Tone,
};

/// The environment variable that picks the scale: `small` (default) or
/// `icews14`.
pub const SCALE_VAR: &str = "DIPLOGRAPH_BENCH_SCALE";

/// The seed every bench and example uses, so runs compare like with like.
pub const SEED: u64 = 0x5EED_D1F1_06A9_0001;

/// How much data to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// `small` or `icews14`.
    pub name: &'static str,
    /// Actors (states first, then people and organisations).
    pub actors: usize,
    /// Stances (issues positions are taken on).
    pub stances: usize,
    /// Meetings.
    pub meetings: usize,
    /// Positions (in per-actor timelines of one to four).
    pub positions: usize,
    /// Acts.
    pub acts: usize,
    /// Sources published per day (each item cites one of them).
    pub publishers: usize,
}

impl Scale {
    /// About 1k actors and 10k events: the default, quick enough for CI's
    /// smoke run.
    pub const SMALL: Scale = Scale {
        name: "small",
        actors: 1_000,
        stances: 60,
        meetings: 3_400,
        positions: 3_300,
        acts: 3_300,
        publishers: 4,
    };

    /// ICEWS14's size: about 7k actors and 90k events in one year; 230
    /// stances echo its 230 relation types.
    pub const ICEWS14: Scale = Scale {
        name: "icews14",
        actors: 7_000,
        stances: 230,
        meetings: 30_000,
        positions: 30_000,
        acts: 30_000,
        publishers: 8,
    };

    /// The scale named by `DIPLOGRAPH_BENCH_SCALE`, `small` when unset.
    ///
    /// # Panics
    ///
    /// On any other value, so a typo does not silently run the small scale.
    pub fn from_env() -> Scale {
        match std::env::var(SCALE_VAR).as_deref() {
            Err(_) | Ok("") | Ok("small") => Scale::SMALL,
            Ok("icews14") => Scale::ICEWS14,
            Ok(other) => panic!("{SCALE_VAR}={other:?}: expected `small` or `icews14`"),
        }
    }

    /// Meetings, positions and acts: what "events" means in throughputs.
    pub fn events(&self) -> usize {
        self.meetings + self.positions + self.acts
    }
}

/// A small, fast, seeded generator (SplitMix64); good enough for test data
/// and free of dependencies.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by Lemire's multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One of `items`, uniformly.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Draws ranks `0..n` with probability proportional to `1 / (rank + 1)^s`.
#[derive(Clone, Debug)]
pub struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    /// A Zipf distribution over `n` ranks with exponent `s`.
    pub fn new(n: usize, s: f64) -> Self {
        let mut total = 0.0;
        let cdf = (0..n)
            .map(|k| {
                total += 1.0 / ((k + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cdf }
    }

    /// A rank; 0 is the most likely.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cdf.last().copied().unwrap_or(0.0);
        let u = rng.unit() * total;
        self.cdf
            .partition_point(|c| *c <= u)
            .min(self.cdf.len() - 1)
    }

    /// `count` distinct ranks (fewer if there are not that many).
    pub fn distinct(&self, rng: &mut Rng, count: usize) -> Vec<usize> {
        let count = count.min(self.cdf.len());
        let mut out = Vec::with_capacity(count);
        while out.len() < count {
            let r = self.sample(rng);
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }
}

/// The year every generated date falls in, as in ICEWS14.
pub const YEAR: u16 = 2014;

/// Days in 2014.
pub const DAYS: usize = 365;

const MONTH_DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// Day `day` (0-based, clamped to the year) of 2014, as a full date.
pub fn day(day: usize) -> PartialDate {
    let (month, dom) = month_and_day(day);
    PartialDate::ymd(YEAR, month as u8, dom as u8).expect("a day of 2014")
}

/// The month (1-based) holding day `day` of 2014, as a month-precise date.
pub fn month_of(day: usize) -> PartialDate {
    let (month, _) = month_and_day(day);
    PartialDate::month(YEAR, month as u8).expect("a month of 2014")
}

/// The day number (0-based) of the first day of the month after the one
/// holding `day`.
fn next_month_start(day: usize) -> usize {
    let (month, _) = month_and_day(day);
    MONTH_DAYS.iter().take(month).sum()
}

fn month_and_day(day: usize) -> (usize, usize) {
    let mut rest = day.min(DAYS - 1);
    for (i, len) in MONTH_DAYS.iter().enumerate() {
        if rest < *len {
            return (i + 1, rest + 1);
        }
        rest -= len;
    }
    (12, 31)
}

/// Everything needed to build a graph, as plain model values, in the order
/// they are added.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The scale it was generated at.
    pub scale: Scale,
    /// Sources, `publishers` per day of 2014, each with its `published` date.
    pub sources: Vec<Source>,
    /// Actors: states first (the hubs), then people (some with an office
    /// of a state) and organisations.
    pub actors: Vec<Actor>,
    /// Stances; a tenth are top-level, the rest narrower than one of those.
    pub stances: Vec<Stance>,
    /// Meetings in random date order, as when merging several reports.
    pub meetings: Vec<Meeting>,
    /// Positions in timelines whose polarity changes over time.
    pub positions: Vec<Position>,
    /// Acts between actors, Criticised being among the most common.
    pub acts: Vec<Act>,
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "le", "mo", "ni", "pa", "re", "su", "ta",
    "ve", "zo", "bi", "co", "fa", "gu", "ha", "jo",
];

const GIVEN: [&str; 12] = [
    "Anna", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Karim",
    "Lena",
];

/// A capitalised word unique to `n`: `n` written in base 24 with syllables.
fn word(mut n: usize, min_syllables: usize) -> String {
    let mut s = String::new();
    let mut count = 0;
    while n > 0 || count < min_syllables {
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        count += 1;
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

/// How often each act kind is drawn: criticism and support dominate, as in
/// event data.
const ACT_KINDS: [(ActKind, u32); 13] = [
    (ActKind::Criticised, 18),
    (ActKind::Supported, 14),
    (ActKind::Praised, 10),
    (ActKind::Demanded, 9),
    (ActKind::Accused, 8),
    (ActKind::Appealed, 8),
    (ActKind::Rejected, 7),
    (ActKind::Warned, 6),
    (ActKind::Thanked, 6),
    (ActKind::Invited, 5),
    (ActKind::PushedBack, 4),
    (ActKind::Threatened, 3),
    (ActKind::Sanctioned, 2),
];

const POLARITIES: [Polarity; 5] = [
    Polarity::Supports,
    Polarity::Opposes,
    Polarity::Conditional,
    Polarity::Neutral,
    Polarity::Abstains,
];

const MEETING_KINDS: [MeetingKind; 9] = [
    MeetingKind::Bilateral,
    MeetingKind::Multilateral,
    MeetingKind::Summit,
    MeetingKind::Visit,
    MeetingKind::Call,
    MeetingKind::Consultation,
    MeetingKind::Negotiation,
    MeetingKind::Mediation,
    MeetingKind::Conference,
];

const TONES: [Tone; 7] = [
    Tone::Hostile,
    Tone::Tense,
    Tone::Cool,
    Tone::Neutral,
    Tone::Cautious,
    Tone::Cordial,
    Tone::Warm,
];

impl Dataset {
    /// Generates a dataset; the same scale and seed always give the same
    /// data.
    pub fn generate(scale: Scale, seed: u64) -> Dataset {
        let mut rng = Rng::new(seed);
        let actor_zipf = Zipf::new(scale.actors, 1.0);
        let stance_zipf = Zipf::new(scale.stances, 0.9);

        // Sources: `publishers` per day, published that day. An item dated
        // day d cites a source from day d to d + 3.
        let mut sources = Vec::with_capacity(DAYS * scale.publishers);
        for d in 0..DAYS {
            for p in 0..scale.publishers {
                sources.push(
                    Source::new(format!("s{d}-{p}"), format!("Wire report {d}/{p}"))
                        .publisher(format!("Agency {p}"))
                        .published(day(d)),
                );
            }
        }
        let cite = |rng: &mut Rng, d: usize| {
            let d = (d + rng.below(4)).min(DAYS - 1);
            format!("s{d}-{}", rng.below(scale.publishers))
        };

        // Actors: states are the low ranks, hence the hubs.
        let states = (scale.actors / 25).max(10);
        let mut actors = Vec::with_capacity(scale.actors);
        for i in 0..scale.actors {
            let key = format!("a{i}");
            let surname = word(i, 3);
            let actor = if i < states {
                Actor::new(key, format!("Republic of {surname}"), ActorKind::State)
                    .alias(surname.to_uppercase())
            } else if i % 7 == 0 {
                Actor::new(key, format!("{surname} Council"), ActorKind::Organisation)
            } else {
                let given = rng.pick(&GIVEN);
                let mut person = Actor::new(key, format!("{given} {surname}"), ActorKind::Person);
                if rng.chance(0.2) {
                    person = person.alias(format!("{} {surname}", &given[..1]));
                }
                if rng.chance(0.3) {
                    let of = format!("a{}", actor_zipf.sample(&mut rng) % states);
                    let from = rng.below(DAYS);
                    person = person.office(
                        Office::new("Minister of Foreign Affairs")
                            .of(of)
                            .from(day(from))
                            .evidence(Evidence::cite(cite(&mut rng, from))),
                    );
                }
                person
            };
            actors.push(actor);
        }

        // Stances: the first tenth are top-level, the rest narrower.
        let top = (scale.stances / 10).max(1);
        let stances = (0..scale.stances)
            .map(|i| {
                let stance = Stance::new(format!("st{i}"), format!("Issue {}", word(i, 2)));
                if i < top {
                    stance
                } else {
                    stance.broader(format!("st{}", rng.below(top)))
                }
            })
            .collect();

        // Meetings: two participants mostly, up to eight for summits.
        let mut meetings = Vec::with_capacity(scale.meetings);
        for i in 0..scale.meetings {
            let d = rng.below(DAYS);
            let size = if rng.chance(0.7) { 2 } else { 3 + rng.below(6) };
            let kind = if size == 2 {
                MeetingKind::Bilateral
            } else {
                rng.pick(&MEETING_KINDS)
            };
            let status = match rng.below(20) {
                0 => MeetingStatus::Planned,
                1 => MeetingStatus::Cancelled,
                2 => MeetingStatus::Proposed,
                _ => MeetingStatus::Held,
            };
            let mut m = Meeting::new(format!("m{i}"), format!("Talks {i}"), kind)
                .status(status)
                .date(day(d))
                .evidence(Evidence::new(
                    cite(&mut rng, d),
                    format!("The leaders met ({i})."),
                ));
            if size > 2 && rng.chance(0.3) {
                m = m.end(day(d + 1 + rng.below(2)));
            }
            if rng.chance(0.5) {
                m = m.tone(rng.pick(&TONES));
            }
            for (j, rank) in actor_zipf.distinct(&mut rng, size).into_iter().enumerate() {
                let role = if j == 0 {
                    Role::Host
                } else {
                    Role::Participant
                };
                m = m.participant(Participant::new(format!("a{rank}")).role(role));
            }
            meetings.push(m);
        }

        // Positions: per (actor, stance), a timeline of one to four
        // positions; each until is the next one's from, and the polarity
        // changes at each step; the last is open-ended most of the time.
        let mut positions = Vec::with_capacity(scale.positions);
        while positions.len() < scale.positions {
            let actor = format!("a{}", actor_zipf.sample(&mut rng));
            let stance = format!("st{}", stance_zipf.sample(&mut rng));
            let steps = (1 + rng.below(4)).min(scale.positions - positions.len());
            let mut start = rng.below(DAYS / 2);
            let month_precise = rng.chance(0.15);
            let mut polarity = rng.pick(&POLARITIES);
            for step in 0..steps {
                let from = if step == 0 && month_precise {
                    month_of(start)
                } else {
                    day(start)
                };
                let mut end = start + 20 + rng.below(90);
                if step == 0 && month_precise {
                    end = end.max(next_month_start(start));
                }
                let last = step + 1 == steps;
                let mut p = Position::new(actor.clone(), stance.clone(), polarity)
                    .from(from)
                    .hedging(if rng.chance(0.5) {
                        Hedging::Stated
                    } else {
                        Hedging::Reported
                    })
                    .evidence(Evidence::new(
                        cite(&mut rng, start),
                        format!("{actor} on {stance}, statement {}.", positions.len()),
                    ));
                if !last || end >= DAYS || rng.chance(0.3) {
                    p = p.until(day(end.min(DAYS - 1)));
                }
                positions.push(p);
                if end >= DAYS - 1 {
                    break;
                }
                start = end;
                let mut next = rng.pick(&POLARITIES);
                while next == polarity {
                    next = rng.pick(&POLARITIES);
                }
                polarity = next;
            }
        }

        // Acts: Zipf on both ends, a weighted kind, a date, sometimes a
        // stance.
        let kind_total: u32 = ACT_KINDS.iter().map(|(_, w)| w).sum();
        let mut acts = Vec::with_capacity(scale.acts);
        for _ in 0..scale.acts {
            let actor = actor_zipf.sample(&mut rng);
            let mut target = actor_zipf.sample(&mut rng);
            while target == actor {
                target = actor_zipf.sample(&mut rng);
            }
            let mut roll = rng.below(kind_total as usize) as u32;
            let mut kind = ActKind::Criticised;
            for (k, w) in ACT_KINDS {
                if roll < w {
                    kind = k;
                    break;
                }
                roll -= w;
            }
            let d = rng.below(DAYS);
            let mut act = Act::new(format!("a{actor}"), kind, format!("a{target}"))
                .date(day(d))
                .evidence(Evidence::cite(cite(&mut rng, d)));
            if rng.chance(0.3) {
                act = act.stance(format!("st{}", stance_zipf.sample(&mut rng)));
            }
            acts.push(act);
        }

        Dataset {
            scale,
            sources,
            actors,
            stances,
            meetings,
            positions,
            acts,
        }
    }

    /// Meetings, positions and acts.
    pub fn events(&self) -> usize {
        self.meetings.len() + self.positions.len() + self.acts.len()
    }

    /// The same data with meetings sorted by date, as an importer reading
    /// a date-ordered event file would add them.
    pub fn with_meetings_by_date(mut self) -> Dataset {
        self.meetings
            .sort_by_key(|m| m.date.map(|d| d.day_number()));
        self
    }

    /// Adds everything to a new graph, in the order sources, actors,
    /// stances, meetings, positions, acts.
    ///
    /// # Panics
    ///
    /// If the graph rejects an item: a bug in the generator.
    pub fn build(self) -> DiplomaticGraph {
        let mut graph = DiplomaticGraph::new();
        for s in self.sources {
            graph.add_source(s).expect("generated source");
        }
        for a in self.actors {
            graph.add_actor(a).expect("generated actor");
        }
        for s in self.stances {
            graph.add_stance(s).expect("generated stance");
        }
        for m in self.meetings {
            graph.add_meeting(m).expect("generated meeting");
        }
        for p in self.positions {
            graph.add_position(p).expect("generated position");
        }
        for a in self.acts {
            graph.add_act(a).expect("generated act");
        }
        graph
    }
}

/// Actors and stances the query benches ask about, chosen from the built
/// graph so that "hub" and "median" mean what they say.
#[derive(Clone, Debug)]
pub struct Picks {
    /// The actor with the most meetings plus acts towards it.
    pub hub: ActorId,
    /// The runner-up.
    pub second_hub: ActorId,
    /// The actor in the middle of that ranking.
    pub median: ActorId,
    /// The actor just after the median.
    pub second_median: ActorId,
    /// The stance with the most actors holding positions on it.
    pub busiest_stance: StanceId,
    /// The stance in the middle of that ranking.
    pub median_stance: StanceId,
}

impl Picks {
    /// Ranks actors and stances in `graph` and picks hubs and medians.
    pub fn choose(graph: &DiplomaticGraph) -> Picks {
        let mut ranked: Vec<(usize, ActorId)> = graph
            .actors()
            .map(|(id, _)| {
                let degree = graph.meetings(id).count()
                    + graph.acts(diplograph::ActQuery::towards(id)).count();
                (degree, id)
            })
            .collect();
        ranked.sort_by(|a, b| b.cmp(a));
        let mid = ranked.len() / 2;
        let stances = graph.stance_ranking();
        Picks {
            hub: ranked[0].1,
            second_hub: ranked[1].1,
            median: ranked[mid].1,
            second_median: ranked[mid + 1].1,
            busiest_stance: stances[0].stance,
            median_stance: stances[stances.len() / 2].stance,
        }
    }
}
