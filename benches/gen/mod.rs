//! A seeded, deterministic generator of synthetic diplomatic-event data,
//! shared by `benches/diplograph.rs` and `examples/memory.rs`.
//!
//! It is included by path (`#[path = ".../gen/mod.rs"] mod synthetic;`)
//! rather than living in the library, so the library's public API does not
//! grow a test-data generator. The module is called `synthetic` where it is
//! included because `gen` is a reserved keyword in edition 2024.
//!
//! The data mimics the shape of ICEWS (coded events between states,
//! people and organisations): actors are drawn with a Zipf-like skew, so a
//! few states are hubs that take part in a large share of meetings and
//! acts, while most actors appear a handful of times. Everything goes
//! through the public typed API.
//!
//! [`generate`] hands every item, in the order a graph needs them
//! (sources, actors, stances, meetings, positions, acts), to a [`Sink`]:
//! a [`Dataset`] collects them, a graph adds them as they come (so the
//! `10m` scale never holds a second copy), [`GdeltWriter`] writes them as
//! GDELT 2.0 rows. The JSON form is the graph's own (`to_json_string`).

// Each includer uses a different part of this module.
#![allow(dead_code)]

use std::io::{self, Write};

use diplograph::import::mapping;
use diplograph::{
    Act, ActKind, Actor, ActorId, ActorKind, DiplomaticGraph, Evidence, Hedging, Meeting,
    MeetingKind, MeetingStatus, Office, PartialDate, Participant, Polarity, Position, Role, Source,
    Stance, StanceId, Tone,
};

/// The environment variable that picks the scale: `small` (default),
/// `icews14`, `icews05-15` or `10m`.
pub const SCALE_VAR: &str = "DIPLOGRAPH_BENCH_SCALE";

/// The seed every bench and example uses, so runs compare like with like.
pub const SEED: u64 = 0x5EED_D1F1_06A9_0001;

/// How much data to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// `small`, `icews14`, `icews05-15` or `10m`.
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
    /// The first year dates fall in.
    pub first_year: u16,
    /// How many years, from `first_year`, dates span.
    pub years: u16,
    /// Meetings come in date order (as from a date-sorted event file)
    /// rather than in random date order (as when merging reports).
    pub meetings_in_date_order: bool,
}

impl Scale {
    /// About 1k actors and 10k events in 2014: the default, quick enough for
    /// CI's smoke run.
    pub const SMALL: Scale = Scale {
        name: "small",
        actors: 1_000,
        stances: 60,
        meetings: 3_400,
        positions: 3_300,
        acts: 3_300,
        publishers: 4,
        first_year: 2014,
        years: 1,
        meetings_in_date_order: false,
    };

    /// ICEWS14's size: about 7k actors and 90k events in one year (2014);
    /// 230 stances echo its 230 relation types.
    pub const ICEWS14: Scale = Scale {
        name: "icews14",
        actors: 7_000,
        stances: 230,
        meetings: 30_000,
        positions: 30_000,
        acts: 30_000,
        publishers: 8,
        first_year: 2014,
        years: 1,
        meetings_in_date_order: false,
    };

    /// ICEWS05-15's size: 10,488 entities, 251 relation types and 479,329
    /// dated facts over eleven years (2005 to 2015).
    pub const ICEWS05_15: Scale = Scale {
        name: "icews05-15",
        actors: 10_488,
        stances: 251,
        meetings: 160_000,
        positions: 160_000,
        acts: 160_000,
        publishers: 8,
        first_year: 2005,
        years: 11,
        meetings_in_date_order: false,
    };

    /// Ten million events over the same eleven years, among 100k actors:
    /// ten times ICEWS05-15's entities for twenty times its events, so
    /// hubs grow heavier (as in GDELT, where a few states take part in
    /// most events) while the median actor stays small. Meetings come in
    /// date order: built one by one in random order, the store's
    /// date-ordered indexes (a sorted insertion each) would make the build
    /// quadratic; a 10M-event file would be date-sorted anyway.
    pub const TEN_MILLION: Scale = Scale {
        name: "10m",
        actors: 100_000,
        stances: 500,
        meetings: 3_340_000,
        positions: 3_330_000,
        acts: 3_330_000,
        publishers: 32,
        first_year: 2005,
        years: 11,
        meetings_in_date_order: true,
    };

    /// Every scale, smallest first.
    pub const ALL: [Scale; 4] = [
        Scale::SMALL,
        Scale::ICEWS14,
        Scale::ICEWS05_15,
        Scale::TEN_MILLION,
    ];

    /// The scale named by `DIPLOGRAPH_BENCH_SCALE`, `small` when unset.
    ///
    /// # Panics
    ///
    /// On any other value, so a typo does not silently run the small scale.
    pub fn from_env() -> Scale {
        match std::env::var(SCALE_VAR).as_deref() {
            Err(_) | Ok("") => Scale::SMALL,
            Ok(name) => Scale::ALL
                .into_iter()
                .find(|s| s.name == name)
                .unwrap_or_else(|| {
                    panic!("{SCALE_VAR}={name:?}: expected small, icews14, icews05-15 or 10m")
                }),
        }
    }

    /// Meetings, positions and acts: what "events" means in throughputs.
    pub fn events(&self) -> usize {
        self.meetings + self.positions + self.acts
    }

    /// Days in the scale's years.
    pub fn days(&self) -> usize {
        (self.first_year..self.first_year + self.years)
            .map(year_len)
            .sum()
    }

    /// Day `d` (0-based from 1 January of the first year, clamped to the
    /// span) as a full date.
    pub fn day(&self, d: usize) -> PartialDate {
        let (y, m, dom) = self.ymd(d);
        PartialDate::ymd(y, m as u8, dom as u8).expect("a day of the span")
    }

    /// The month holding day `d`, as a month-precise date.
    pub fn month_of(&self, d: usize) -> PartialDate {
        let (y, m, _) = self.ymd(d);
        PartialDate::month(y, m as u8).expect("a month of the span")
    }

    /// Day `d` of the span, as an offset from day 0, from a date's day
    /// number (`PartialDate::day_number`).
    pub fn offset(&self, date: PartialDate) -> i64 {
        date.day_number() - self.day(0).day_number()
    }

    /// The day (0-based) of the first day of the month after the one
    /// holding `d`.
    fn next_month_start(&self, d: usize) -> usize {
        let (y, m, dom) = self.ymd(d);
        d - (dom - 1) + month_len(y, m)
    }

    /// (year, month, day of month) of day `d`.
    fn ymd(&self, d: usize) -> (u16, usize, usize) {
        let mut rest = d.min(self.days() - 1);
        for y in self.first_year..self.first_year + self.years {
            if rest < year_len(y) {
                for m in 1..=12 {
                    if rest < month_len(y, m) {
                        return (y, m, rest + 1);
                    }
                    rest -= month_len(y, m);
                }
            }
            rest -= year_len(y);
        }
        unreachable!("clamped to the span")
    }
}

fn is_leap(y: u16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn year_len(y: u16) -> usize {
    if is_leap(y) { 366 } else { 365 }
}

fn month_len(y: u16, m: usize) -> usize {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
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

/// Receives generated items, in the order a graph needs them.
pub trait Sink {
    /// A source, with its `published` date.
    fn source(&mut self, source: Source);
    /// An actor.
    fn actor(&mut self, actor: Actor);
    /// A stance.
    fn stance(&mut self, stance: Stance);
    /// A meeting.
    fn meeting(&mut self, meeting: Meeting);
    /// A position.
    fn position(&mut self, position: Position);
    /// An act.
    fn act(&mut self, act: Act);
}

/// Everything needed to build a graph, as plain model values, in the order
/// they are added.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The scale it was generated at.
    pub scale: Scale,
    /// Sources, `publishers` per day, each with its `published` date.
    pub sources: Vec<Source>,
    /// Actors: states first (the hubs), then people (some with an office
    /// of a state) and organisations.
    pub actors: Vec<Actor>,
    /// Stances; a tenth are top-level, the rest narrower than one of those.
    pub stances: Vec<Stance>,
    /// Meetings, in random date order unless the scale says otherwise.
    pub meetings: Vec<Meeting>,
    /// Positions in timelines whose polarity changes over time.
    pub positions: Vec<Position>,
    /// Acts between actors, Criticised being among the most common.
    pub acts: Vec<Act>,
}

impl Sink for Dataset {
    fn source(&mut self, source: Source) {
        self.sources.push(source);
    }
    fn actor(&mut self, actor: Actor) {
        self.actors.push(actor);
    }
    fn stance(&mut self, stance: Stance) {
        self.stances.push(stance);
    }
    fn meeting(&mut self, meeting: Meeting) {
        self.meetings.push(meeting);
    }
    fn position(&mut self, position: Position) {
        self.positions.push(position);
    }
    fn act(&mut self, act: Act) {
        self.acts.push(act);
    }
}

/// Implements [`Sink`] for a type with the store's `add_*` methods.
///
/// # Panics
///
/// If the store rejects an item: a bug in the generator.
macro_rules! sink_by_add {
    ($target:ty) => {
        impl Sink for $target {
            fn source(&mut self, source: Source) {
                self.add_source(source).expect("generated source");
            }
            fn actor(&mut self, actor: Actor) {
                self.add_actor(actor).expect("generated actor");
            }
            fn stance(&mut self, stance: Stance) {
                self.add_stance(stance).expect("generated stance");
            }
            fn meeting(&mut self, meeting: Meeting) {
                self.add_meeting(meeting).expect("generated meeting");
            }
            fn position(&mut self, position: Position) {
                self.add_position(position).expect("generated position");
            }
            fn act(&mut self, act: Act) {
                self.add_act(act).expect("generated act");
            }
        }
    };
}

// Every item added to the graph as it comes, one by one.
sink_by_add!(DiplomaticGraph);
// The same through a batch, which sorts the date-ordered lists once when
// it ends.
sink_by_add!(diplograph::Batch<'_>);

/// Drops everything: to time the generator alone.
pub struct Discard;

impl Sink for Discard {
    fn source(&mut self, source: Source) {
        std::hint::black_box(source);
    }
    fn actor(&mut self, actor: Actor) {
        std::hint::black_box(actor);
    }
    fn stance(&mut self, stance: Stance) {
        std::hint::black_box(stance);
    }
    fn meeting(&mut self, meeting: Meeting) {
        std::hint::black_box(meeting);
    }
    fn position(&mut self, position: Position) {
        std::hint::black_box(position);
    }
    fn act(&mut self, act: Act) {
        std::hint::black_box(act);
    }
}

/// Generates the data of `scale` from `seed` into `sink`; the same scale
/// and seed always give the same items in the same order.
pub fn generate(scale: Scale, seed: u64, sink: &mut impl Sink) {
    let mut rng = Rng::new(seed);
    let days = scale.days();
    let actor_zipf = Zipf::new(scale.actors, 1.0);
    let stance_zipf = Zipf::new(scale.stances, 0.9);

    // Sources: `publishers` per day, published that day. An item dated
    // day d cites a source from day d to d + 3.
    for d in 0..days {
        for p in 0..scale.publishers {
            sink.source(
                Source::new(format!("s{d}-{p}"), format!("Wire report {d}/{p}"))
                    .publisher(format!("Agency {p}"))
                    .published(scale.day(d)),
            );
        }
    }
    let cite = |rng: &mut Rng, d: usize| {
        let d = (d + rng.below(4)).min(days - 1);
        format!("s{d}-{}", rng.below(scale.publishers))
    };

    // Actors: states are the low ranks, hence the hubs.
    let states = (scale.actors / 25).max(10);
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
                let from = rng.below(days);
                person = person.office(
                    Office::new("Minister of Foreign Affairs")
                        .of(of)
                        .from(scale.day(from))
                        .evidence(Evidence::cite(cite(&mut rng, from))),
                );
            }
            person
        };
        sink.actor(actor);
    }

    // Stances: the first tenth are top-level, the rest narrower.
    let top = (scale.stances / 10).max(1);
    for i in 0..scale.stances {
        let stance = Stance::new(format!("st{i}"), format!("Issue {}", word(i, 2)));
        sink.stance(if i < top {
            stance
        } else {
            stance.broader(format!("st{}", rng.below(top)))
        });
    }

    // Meetings: 70% bilateral, a quarter of three to eight actors, one in
    // twenty of nine to thirty (summits, conferences).
    for i in 0..scale.meetings {
        let d = if scale.meetings_in_date_order {
            i * days / scale.meetings
        } else {
            rng.below(days)
        };
        let size = match rng.below(20) {
            0..14 => 2,
            14..19 => 3 + rng.below(6),
            _ => 9 + rng.below(22),
        };
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
            .date(scale.day(d))
            .evidence(Evidence::new(
                cite(&mut rng, d),
                format!("The leaders met ({i})."),
            ));
        if size > 2 && rng.chance(0.3) {
            m = m.end(scale.day(d + 1 + rng.below(2)));
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
        sink.meeting(m);
    }

    // Positions: per (actor, stance), a timeline of one to four
    // positions; each until is the next one's from, and the polarity
    // changes at each step; the last is open-ended most of the time. The
    // same (actor, stance) is drawn again and again for hubs and busy
    // stances, so their histories grow long (hundreds of positions for the
    // top pair at ICEWS14 scale, thousands at 10M).
    let mut made = 0;
    while made < scale.positions {
        let actor = format!("a{}", actor_zipf.sample(&mut rng));
        let stance = format!("st{}", stance_zipf.sample(&mut rng));
        let steps = (1 + rng.below(4)).min(scale.positions - made);
        let mut start = rng.below(days - days / 4);
        let month_precise = rng.chance(0.15);
        let mut polarity = rng.pick(&POLARITIES);
        for step in 0..steps {
            let from = if step == 0 && month_precise {
                scale.month_of(start)
            } else {
                scale.day(start)
            };
            let mut end = start + 20 + rng.below(90);
            if step == 0 && month_precise {
                end = end.max(scale.next_month_start(start));
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
                    format!("{actor} on {stance}, statement {made}."),
                ));
            if !last || end >= days || rng.chance(0.3) {
                p = p.until(scale.day(end.min(days - 1)));
            }
            sink.position(p);
            made += 1;
            if end >= days - 1 {
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
        let d = rng.below(days);
        let mut act = Act::new(format!("a{actor}"), kind, format!("a{target}"))
            .date(scale.day(d))
            .evidence(Evidence::cite(cite(&mut rng, d)));
        if rng.chance(0.3) {
            act = act.stance(format!("st{}", stance_zipf.sample(&mut rng)));
        }
        sink.act(act);
    }
}

impl Dataset {
    /// An empty dataset of `scale`, to generate into.
    pub fn empty(scale: Scale) -> Dataset {
        Dataset {
            scale,
            sources: Vec::with_capacity(scale.days() * scale.publishers),
            actors: Vec::with_capacity(scale.actors),
            stances: Vec::with_capacity(scale.stances),
            meetings: Vec::with_capacity(scale.meetings),
            positions: Vec::with_capacity(scale.positions),
            acts: Vec::with_capacity(scale.acts),
        }
    }

    /// Generates a dataset; the same scale and seed always give the same
    /// data.
    pub fn generate(scale: Scale, seed: u64) -> Dataset {
        let mut dataset = Dataset::empty(scale);
        generate(scale, seed, &mut dataset);
        dataset
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

    /// Hands every item to `sink`, in generation order.
    pub fn replay(self, sink: &mut impl Sink) {
        for s in self.sources {
            sink.source(s);
        }
        for a in self.actors {
            sink.actor(a);
        }
        for s in self.stances {
            sink.stance(s);
        }
        for m in self.meetings {
            sink.meeting(m);
        }
        for p in self.positions {
            sink.position(p);
        }
        for a in self.acts {
            sink.act(a);
        }
    }

    /// Adds everything to a new graph, in the order sources, actors,
    /// stances, meetings, positions, acts.
    ///
    /// # Panics
    ///
    /// If the graph rejects an item: a bug in the generator.
    pub fn build(self) -> DiplomaticGraph {
        let mut graph = DiplomaticGraph::new();
        self.replay(&mut graph);
        graph
    }

    /// As [`build`](Self::build), through one [`diplograph::Batch`]: the
    /// bulk path, which sorts the date-ordered lists once at the end.
    ///
    /// # Panics
    ///
    /// If the graph rejects an item: a bug in the generator.
    pub fn build_batch(self) -> DiplomaticGraph {
        let mut graph = DiplomaticGraph::new();
        let mut batch = graph.batch();
        self.replay(&mut batch);
        batch.finish();
        graph
    }

    /// Bytes of text the events (meetings, positions, acts) hold in their
    /// strings: keys, titles, references, quotes. What interning would
    /// share or shrink; the rest of an event's bytes is structure.
    pub fn event_string_bytes(&self) -> usize {
        let evidence = |e: &[Evidence]| -> usize {
            e.iter()
                .map(|e| {
                    e.source.as_str().len()
                        + e.quote.as_ref().map_or(0, String::len)
                        + e.note.as_ref().map_or(0, String::len)
                })
                .sum()
        };
        let key = |k: &Option<diplograph::Key>| k.as_ref().map_or(0, |k| k.as_str().len());
        let meetings: usize = self
            .meetings
            .iter()
            .map(|m| {
                m.key.as_str().len()
                    + m.title.len()
                    + m.place.as_ref().map_or(0, String::len)
                    + m.participants
                        .iter()
                        .map(|p| p.actor.as_str().len())
                        .sum::<usize>()
                    + evidence(&m.evidence)
            })
            .sum();
        let positions: usize = self
            .positions
            .iter()
            .map(|p| {
                p.actor.as_str().len()
                    + p.stance.as_str().len()
                    + key(&p.meeting)
                    + evidence(&p.evidence)
            })
            .sum();
        let acts: usize = self
            .acts
            .iter()
            .map(|a| {
                a.actor.as_str().len()
                    + a.target.as_str().len()
                    + key(&a.meeting)
                    + key(&a.stance)
                    + evidence(&a.evidence)
            })
            .sum();
        meetings + positions + acts
    }
}

/// Writes generated items as GDELT 2.0 event rows (61 tab-separated
/// columns, as `diplograph::import` reads them), as they come.
///
/// A meeting becomes one row per participant other than the host (host as
/// Actor1), with a CAMEO code for its kind and status; an act one row with
/// the code `diplograph::import` writes for its kind; a position one row
/// without an Actor2, coded as support or opposition on the ceasefire
/// (even stances) or sanctions (odd ones), the two stances the CAMEO
/// mapping knows; other polarities get a plain statement code (010) that
/// maps to nothing. States are coded by a CAMEO country code (taken in
/// turn, so at scales with more states than codes some share one), people
/// as their state's `GOV` with their name, organisations as `IGO`. DATEADDED is the publication
/// date of the cited source, SOURCEURL a URL made from its key.
pub struct GdeltWriter<W: Write> {
    out: W,
    scale: Scale,
    /// Per actor: (code, name, country, role).
    actors: Vec<(String, String, String, &'static str)>,
    /// The CAMEO country codes the importer knows, in order.
    countries: Vec<String>,
    /// Rows written so far.
    pub rows: usize,
}

impl<W: Write> GdeltWriter<W> {
    /// A writer of the rows of data generated at `scale` into `out`.
    pub fn new(scale: Scale, out: W) -> Self {
        GdeltWriter {
            out,
            scale,
            actors: Vec::new(),
            countries: (0..26 * 26 * 26)
                .map(letters)
                .filter(|c| diplograph::import::cameo::country(c).is_some())
                .collect(),
            rows: 0,
        }
    }

    /// The output, flushed.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }

    fn actor_of(&self, key: &str) -> &(String, String, String, &'static str) {
        &self.actors[index_of(key)]
    }

    fn row(&mut self, date: PartialDate, a1: &str, a2: Option<&str>, code: &str, cited: &str) {
        let (y, m, d) = (
            date.year(),
            date.month_number().unwrap_or(1),
            date.day().unwrap_or(1),
        );
        // Sources are keyed `s{day}-{publisher}` and published on that day.
        let published = cited
            .strip_prefix('s')
            .and_then(|s| s.split('-').next())
            .and_then(|d| d.parse().ok())
            .map(|d| self.scale.day(d))
            .unwrap_or(date);
        let (py, pm, pd) = (
            published.year(),
            published.month_number().unwrap_or(1),
            published.day().unwrap_or(1),
        );
        let (c1, n1, k1, r1) = self.actor_of(a1).clone();
        let (c2, n2, k2, r2) = match a2 {
            Some(a) => self.actor_of(a).clone(),
            None => Default::default(),
        };
        let id = 1_000_000_000 + self.rows;
        let base = code.get(..3).unwrap_or(code);
        let root = &code[..2];
        let frac = f64::from(y) + f64::from(m - 1) / 12.0;
        writeln!(
            self.out,
            "{id}\t{y}{m:02}{d:02}\t{y}{m:02}\t{y}\t{frac:.4}\t{c1}\t{n1}\t{k1}\t\t\t\t\t{r1}\t\t\t{c2}\t{n2}\t{k2}\t\t\t\t\t{r2}\t\t\t1\t{code}\t{base}\t{root}\t1\t1.0\t3\t1\t3\t-1.5000\t1\t{k1}\t{k1}\t{k1}\t\t0\t0\t{k1}\t1\t{k2}\t{k2}\t{k2}\t\t0\t0\t{k2}\t4\tGeneva, Geneve, Switzerland\tSZ\tSZ07\t\t46.2\t6.15\t-2552151\t{py}{pm:02}{pd:02}120000\thttps://news.example.org/{cited}.html",
        )
        .expect("writing generated rows");
        self.rows += 1;
    }
}

/// The index in `a{i}` or `st{i}`.
pub fn index_of(key: &str) -> usize {
    key.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .expect("generated keys end in their index")
}

/// Three capital letters unique to `n < 26^3`.
fn letters(mut n: usize) -> String {
    let mut s = String::new();
    for _ in 0..3 {
        s.insert(0, char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    s
}

impl<W: Write> Sink for GdeltWriter<W> {
    fn source(&mut self, _: Source) {}

    fn actor(&mut self, actor: Actor) {
        let i = index_of(actor.key.as_str());
        let states = (self.scale.actors / 25).max(10);
        let state = actor
            .offices
            .first()
            .and_then(|o| o.of.as_ref())
            .map_or(i % states, |k| index_of(k.as_str()));
        // States beyond the importer's list of countries share codes.
        let country = self.countries[state % self.countries.len()].clone();
        let name = actor.name.to_uppercase();
        let coded = match actor.kind {
            ActorKind::State => (country.clone(), name, country, ""),
            ActorKind::Person => (format!("{country}GOV"), name, country, "GOV"),
            _ => (format!("{country}IGO"), name, country, "IGO"),
        };
        self.actors.push(coded);
    }

    fn stance(&mut self, _: Stance) {}

    fn meeting(&mut self, m: Meeting) {
        let code = mapping::meeting_code(m.kind, m.status);
        let date = m.date.expect("generated meetings are dated");
        let cited = m.evidence[0].source.as_str();
        let host = m.participants[0].actor.as_str();
        for p in &m.participants[1..] {
            self.row(date, host, Some(p.actor.as_str()), code, cited);
        }
    }

    fn position(&mut self, p: Position) {
        // Generated stances take turns standing for the two stances CAMEO
        // codes imply; other polarities get 010, which maps to nothing.
        let stance = if index_of(p.stance.as_str()) % 2 == 0 {
            mapping::CEASEFIRE
        } else {
            mapping::SANCTIONS
        };
        let code = mapping::position_code(stance, p.polarity).unwrap_or("010");
        let date = p
            .from
            .expect("generated positions have a start")
            .first_day();
        self.row(
            date,
            p.actor.as_str(),
            None,
            code,
            p.evidence[0].source.as_str(),
        );
    }

    fn act(&mut self, a: Act) {
        let code = mapping::act_code(a.kind, None);
        let date = a.date.expect("generated acts are dated");
        self.row(
            date,
            a.actor.as_str(),
            Some(a.target.as_str()),
            code,
            a.evidence[0].source.as_str(),
        );
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

/// Adds up [`Dataset::event_string_bytes`] of items as they come, holding
/// none of them.
#[derive(Default)]
pub struct StringBytes {
    /// Bytes of the events' strings so far.
    pub bytes: usize,
    one: Option<Dataset>,
}

impl StringBytes {
    fn count(&mut self, f: impl FnOnce(&mut Dataset)) {
        let one = self
            .one
            .get_or_insert_with(|| Dataset::empty(Scale { ..Scale::SMALL }));
        f(one);
        self.bytes += one.event_string_bytes();
        one.meetings.clear();
        one.positions.clear();
        one.acts.clear();
    }
}

impl Sink for StringBytes {
    fn source(&mut self, _: Source) {}
    fn actor(&mut self, _: Actor) {}
    fn stance(&mut self, _: Stance) {}
    fn meeting(&mut self, meeting: Meeting) {
        self.count(|d| d.meetings.push(meeting));
    }
    fn position(&mut self, position: Position) {
        self.count(|d| d.positions.push(position));
    }
    fn act(&mut self, act: Act) {
        self.count(|d| d.acts.push(act));
    }
}
