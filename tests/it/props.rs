//! Property tests (proptest) over generated graphs, questions and dates:
//! arbitrary graphs survive save then load unchanged and export to DOT that
//! the real `dot` accepts; no string given as a question or a date makes the
//! library panic; as-of answers agree with a slow reference.
//!
//! Case counts are set per test (see `config`) to keep this module to a few
//! seconds in a debug build; `PROPTEST_CASES=N` raises each to at least N.

use diplograph::{
    Act, ActKind, Actor, ActorKind, Certainty, DiplomaticGraph, DotOptions, Error, Evidence,
    Hedging, Link, LinkKind, Meeting, MeetingKind, MeetingStatus, Office, PartialDate, Participant,
    Polarity, Position, PositionQuery, Question, Role, Source, Stance, Tone, View, datasets,
};
use proptest::prelude::*;
use proptest::sample::select;

/// `cases` cases, or more when `PROPTEST_CASES` asks for more.
fn config(cases: u32) -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    ProptestConfig {
        cases: cases.max(asked),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ----- strategies ----------------------------------------------------------------

/// Any text, biased towards what breaks writers: quotes, backslashes,
/// newlines, control characters, braces, Cyrillic, Arabic, emoji.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"'\\\\{}|<>&;#\\n\\r\\t\\u{0}-\\u{1f}\\u{7f} a-zA-Zа-яА-Я\\u{600}-\\u{6ff}\\u{1f600}-\\u{1f64f}]{0,16}",
    ]
}

/// Text with something other than whitespace in it, for required fields.
fn nonblank() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        if t.trim().is_empty() {
            format!("{t}x")
        } else {
            t
        }
    })
}

fn optional<T: std::fmt::Debug>(
    strategy: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::weighted(0.4, strategy)
}

/// A date at year, month or day precision.
fn date() -> impl Strategy<Value = PartialDate> {
    (1u16..=9999, 0u8..=12, 0u8..=31).prop_map(|(year, month, day)| {
        let year = if year % 3 == 0 { 2020 + year % 6 } else { year };
        match (month, day) {
            (0, _) => PartialDate::year_only(year),
            (m, 0) => PartialDate::month(year, m),
            (m, d) => PartialDate::ymd(year, m, d).or_else(|_| PartialDate::ymd(year, m, 28)),
        }
        .unwrap()
    })
}

/// A validity that is consistent: two dates in order (swapped if needed),
/// either side left open now and then.
fn interval() -> impl Strategy<Value = (Option<PartialDate>, Option<PartialDate>)> {
    (optional(date()), optional(date())).prop_map(|(from, until)| match (from, until) {
        (Some(f), Some(u)) if u.last_day().day_number() < f.day_number() => (Some(u), Some(f)),
        other => other,
    })
}

/// Evidence citing one of `sources` sources (indexes are taken modulo).
#[derive(Clone, Debug)]
struct EvidenceSpec {
    source: usize,
    quote: Option<String>,
    note: Option<String>,
}

fn evidence() -> impl Strategy<Value = Vec<EvidenceSpec>> {
    proptest::collection::vec(
        (any::<usize>(), optional(nonblank()), optional(text())).prop_map(
            |(source, quote, note)| EvidenceSpec {
                source,
                quote,
                note,
            },
        ),
        0..3,
    )
}

/// A graph, as the items to add, referring to each other by index.
// The tuples are what the strategies generate; `build` names their parts.
#[allow(clippy::type_complexity)]
#[derive(Clone, Debug)]
struct Spec {
    title: Option<String>,
    description: Option<String>,
    sources: Vec<(
        String,
        Option<String>,
        Option<String>,
        Option<PartialDate>,
        Option<String>,
    )>,
    actors: Vec<(String, usize, Vec<String>, Option<String>)>,
    offices: Vec<(
        usize,
        String,
        Option<usize>,
        (Option<PartialDate>, Option<PartialDate>),
        Vec<EvidenceSpec>,
    )>,
    links: Vec<(
        usize,
        usize,
        usize,
        (Option<PartialDate>, Option<PartialDate>),
        Vec<EvidenceSpec>,
    )>,
    stances: Vec<(
        String,
        Vec<String>,
        Option<String>,
        Option<usize>,
        Option<String>,
    )>,
    meetings: Vec<MeetingSpec>,
    positions: Vec<PositionSpec>,
    acts: Vec<(
        usize,
        usize,
        usize,
        Option<PartialDate>,
        Option<usize>,
        Option<usize>,
        usize,
        Vec<EvidenceSpec>,
    )>,
}

#[derive(Clone, Debug)]
struct MeetingSpec {
    title: String,
    kind: usize,
    status: usize,
    dates: (Option<PartialDate>, Option<PartialDate>),
    place: Option<String>,
    participants: Vec<(usize, usize, Option<String>)>,
    tone: Option<usize>,
    evidence: Vec<EvidenceSpec>,
    note: Option<String>,
}

#[derive(Clone, Debug)]
struct PositionSpec {
    actor: usize,
    stance: usize,
    polarity: usize,
    validity: (Option<PartialDate>, Option<PartialDate>),
    hedging: usize,
    meeting: Option<usize>,
    evidence: Vec<EvidenceSpec>,
    note: Option<String>,
}

const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::State,
    ActorKind::Organisation,
    ActorKind::Group,
];
const MEETING_KINDS: [MeetingKind; 3] = [
    MeetingKind::Summit,
    MeetingKind::Call,
    MeetingKind::Bilateral,
];
const ROLES: [Role; 3] = [Role::Host, Role::Participant, Role::Mediator];
const TONES: [Tone; 3] = [Tone::Cordial, Tone::Tense, Tone::Neutral];
const POLARITIES: [Polarity; 5] = [
    Polarity::Supports,
    Polarity::Opposes,
    Polarity::Abstains,
    Polarity::Neutral,
    Polarity::Conditional,
];
const HEDGINGS: [Hedging; 3] = [Hedging::Stated, Hedging::Reported, Hedging::Alleged];
const LINK_KINDS: [LinkKind; 2] = [LinkKind::MemberOf, LinkKind::Represents];

fn spec() -> impl Strategy<Value = Spec> {
    let sources = proptest::collection::vec(
        (
            nonblank(),
            optional(text()),
            optional(text()),
            optional(date()),
            optional(text()),
        ),
        0..4,
    );
    let actors = proptest::collection::vec(
        (
            nonblank(),
            any::<usize>(),
            proptest::collection::vec(nonblank(), 0..2),
            optional(text()),
        ),
        1..6,
    );
    let offices = proptest::collection::vec(
        (
            any::<usize>(),
            nonblank(),
            optional(any::<usize>()),
            interval(),
            evidence(),
        ),
        0..3,
    );
    let links = proptest::collection::vec(
        (
            any::<usize>(),
            any::<usize>(),
            any::<usize>(),
            interval(),
            evidence(),
        ),
        0..3,
    );
    let stances = proptest::collection::vec(
        (
            nonblank(),
            proptest::collection::vec(nonblank(), 0..2),
            optional(text()),
            optional(any::<usize>()),
            optional(text()),
        ),
        0..4,
    );
    let meetings = proptest::collection::vec(
        (
            nonblank(),
            any::<usize>(),
            any::<usize>(),
            interval(),
            optional(text()),
            proptest::collection::vec((any::<usize>(), any::<usize>(), optional(text())), 0..4),
            optional(any::<usize>()),
            evidence(),
            optional(text()),
        )
            .prop_map(
                |(title, kind, status, dates, place, participants, tone, evidence, note)| {
                    MeetingSpec {
                        title,
                        kind,
                        status,
                        dates,
                        place,
                        participants,
                        tone,
                        evidence,
                        note,
                    }
                },
            ),
        0..4,
    );
    let positions = proptest::collection::vec(
        (
            any::<usize>(),
            any::<usize>(),
            any::<usize>(),
            interval(),
            any::<usize>(),
            optional(any::<usize>()),
            evidence(),
            optional(text()),
        )
            .prop_map(
                |(actor, stance, polarity, validity, hedging, meeting, evidence, note)| {
                    PositionSpec {
                        actor,
                        stance,
                        polarity,
                        validity,
                        hedging,
                        meeting,
                        evidence,
                        note,
                    }
                },
            ),
        0..8,
    );
    let acts = proptest::collection::vec(
        (
            any::<usize>(),
            any::<usize>(),
            any::<usize>(),
            optional(date()),
            optional(any::<usize>()),
            optional(any::<usize>()),
            any::<usize>(),
            evidence(),
        ),
        0..5,
    );
    (
        (optional(text()), optional(text())),
        sources,
        actors,
        offices,
        links,
        stances,
        meetings,
        positions,
        acts,
    )
        .prop_map(
            |(
                (title, description),
                sources,
                actors,
                offices,
                links,
                stances,
                meetings,
                positions,
                acts,
            )| {
                Spec {
                    title,
                    description,
                    sources,
                    actors,
                    offices,
                    links,
                    stances,
                    meetings,
                    positions,
                    acts,
                }
            },
        )
}

/// Builds the graph through the typed API. Items the graph refuses (a
/// position that contradicts another, an evidence list citing no source
/// when there are none) are left out; everything else must be accepted.
fn build(spec: &Spec) -> DiplomaticGraph {
    let mut graph = DiplomaticGraph::new();
    if let Some(title) = &spec.title {
        graph.set_title(title.clone());
    }
    if let Some(description) = &spec.description {
        graph.set_description(description.clone());
    }
    for (i, (title, publisher, url, published, note)) in spec.sources.iter().enumerate() {
        let mut source = Source::new(format!("src-{i}"), title.clone());
        if let Some(p) = publisher {
            source = source.publisher(p.clone());
        }
        if let Some(u) = url {
            source = source.url(u.clone());
        }
        if let Some(d) = published {
            source = source.published(*d);
        }
        if let Some(n) = note {
            source = source.note(n.clone());
        }
        graph.add_source(source).unwrap();
    }
    let cite = |specs: &[EvidenceSpec]| -> Option<Vec<Evidence>> {
        let n = spec.sources.len();
        if n == 0 {
            return specs.is_empty().then(Vec::new);
        }
        Some(
            specs
                .iter()
                .map(|e| {
                    let key = format!("src-{}", e.source % n);
                    let mut evidence = match &e.quote {
                        Some(q) => Evidence::new(key, q.clone()),
                        None => Evidence::cite(key),
                    };
                    if let Some(note) = &e.note {
                        evidence = evidence.note(note.clone());
                    }
                    evidence
                })
                .collect(),
        )
    };
    let actors = spec.actors.len();
    for (i, (name, kind, aliases, note)) in spec.actors.iter().enumerate() {
        let mut actor = Actor::new(format!("a{i}"), name.clone(), ACTOR_KINDS[kind % 4]);
        for alias in aliases {
            actor = actor.alias(alias.clone());
        }
        if let Some(n) = note {
            actor = actor.note(n.clone());
        }
        graph.add_actor(actor).unwrap();
    }
    for (who, title, of, (from, until), evidence) in &spec.offices {
        let mut office = Office::new(title.clone());
        if let Some(of) = of {
            office = office.of(format!("a{}", of % actors));
        }
        if let Some(f) = from {
            office = office.from(*f);
        }
        if let Some(u) = until {
            office = office.until(*u);
        }
        let Some(evidence) = cite(evidence) else {
            continue;
        };
        for e in evidence {
            office = office.evidence(e);
        }
        let id = graph.actor_id(&format!("a{}", who % actors)).unwrap();
        graph.add_office(id, office).unwrap();
    }
    for (who, kind, target, (from, until), evidence) in &spec.links {
        let mut link = Link::new(LINK_KINDS[kind % 2], format!("a{}", target % actors));
        link.from = *from;
        link.until = *until;
        let Some(evidence) = cite(evidence) else {
            continue;
        };
        for e in evidence {
            link = link.evidence(e);
        }
        let id = graph.actor_id(&format!("a{}", who % actors)).unwrap();
        graph.add_link(id, link).unwrap();
    }
    for (i, (label, aliases, description, broader, note)) in spec.stances.iter().enumerate() {
        let mut stance = Stance::new(format!("s{i}"), label.clone());
        for alias in aliases {
            stance = stance.alias(alias.clone());
        }
        if let Some(d) = description {
            stance = stance.description(d.clone());
        }
        // Only earlier stances, so no cycle.
        if let Some(b) = broader.filter(|_| i > 0) {
            stance = stance.broader(format!("s{}", b % i));
        }
        if let Some(n) = note {
            stance = stance.note(n.clone());
        }
        graph.add_stance(stance).unwrap();
    }
    for (i, m) in spec.meetings.iter().enumerate() {
        let mut meeting = Meeting::new(format!("m{i}"), m.title.clone(), MEETING_KINDS[m.kind % 3])
            .status(MeetingStatus::ALL[m.status % MeetingStatus::ALL.len()]);
        if let Some(d) = m.dates.0 {
            meeting = meeting.date(d);
            if let Some(e) = m.dates.1 {
                meeting = meeting.end(e);
            }
        }
        if let Some(p) = &m.place {
            meeting = meeting.place(p.clone());
        }
        let mut seen = Vec::new();
        for (actor, role, note) in &m.participants {
            let actor = actor % actors;
            if seen.contains(&actor) {
                continue;
            }
            seen.push(actor);
            let mut p = Participant::new(format!("a{actor}")).role(ROLES[role % 3]);
            if let Some(n) = note {
                p = p.note(n.clone());
            }
            meeting = meeting.participant(p);
        }
        if let Some(t) = m.tone {
            meeting = meeting.tone(TONES[t % 3]);
        }
        let Some(evidence) = cite(&m.evidence) else {
            continue;
        };
        for e in evidence {
            meeting = meeting.evidence(e);
        }
        if let Some(n) = &m.note {
            meeting = meeting.note(n.clone());
        }
        graph.add_meeting(meeting).unwrap();
    }
    let stances = spec.stances.len();
    let meetings = graph.counts().meetings;
    for p in &spec.positions {
        if stances == 0 {
            break;
        }
        let mut position = Position::new(
            format!("a{}", p.actor % actors),
            format!("s{}", p.stance % stances),
            POLARITIES[p.polarity % 5],
        )
        .hedging(HEDGINGS[p.hedging % 3]);
        position.from = p.validity.0;
        position.until = p.validity.1;
        if let Some(m) = p.meeting.filter(|_| meetings > 0) {
            position = position.meeting(
                graph
                    .all_meetings()
                    .nth(m % meetings)
                    .unwrap()
                    .1
                    .key
                    .clone(),
            );
        }
        let Some(evidence) = cite(&p.evidence) else {
            continue;
        };
        for e in evidence {
            position = position.evidence(e);
        }
        if let Some(n) = &p.note {
            position = position.note(n.clone());
        }
        match graph.add_position(position) {
            Ok(_) | Err(Error::ContradictoryPosition { .. }) => {}
            Err(other) => panic!("{other}"),
        }
    }
    for (actor, kind, target, date, meeting, stance, hedging, evidence) in &spec.acts {
        let mut act = Act::new(
            format!("a{}", actor % actors),
            ActKind::ALL[kind % ActKind::ALL.len()],
            format!("a{}", target % actors),
        )
        .hedging(HEDGINGS[hedging % 3]);
        if let Some(d) = date {
            act = act.date(*d);
        }
        if let Some(m) = meeting.filter(|_| meetings > 0) {
            act = act.meeting(
                graph
                    .all_meetings()
                    .nth(m % meetings)
                    .unwrap()
                    .1
                    .key
                    .clone(),
            );
        }
        if let Some(s) = stance.filter(|_| stances > 0) {
            act = act.stance(format!("s{}", s % stances));
        }
        let Some(evidence) = cite(evidence) else {
            continue;
        };
        for e in evidence {
            act = act.evidence(e);
        }
        graph.add_act(act).unwrap();
    }
    graph
}

/// Every item of `a` has the same id in `b`.
fn assert_same_ids(a: &DiplomaticGraph, b: &DiplomaticGraph) {
    for (id, actor) in a.actors() {
        assert_eq!(b.actor_id(actor.key.as_str()), Some(id));
    }
    for (id, stance) in a.stances() {
        assert_eq!(b.stance_id(stance.key.as_str()), Some(id));
    }
    for (id, meeting) in a.all_meetings() {
        assert_eq!(b.meeting_id(meeting.key.as_str()), Some(id));
    }
    for (id, position) in a.all_positions() {
        assert_eq!(b.position(id), Some(position));
    }
    for (id, act) in a.all_acts() {
        assert_eq!(b.act(id), Some(act));
    }
    for (id, source) in a.sources() {
        assert_eq!(b.source(id), Some(source));
    }
}

// ----- round trip ------------------------------------------------------------------

proptest! {
    #![proptest_config(config(96))]

    /// Save then load gives an equal graph with the same ids, through text
    /// (pretty and compact) and through a file.
    #[test]
    fn arbitrary_graphs_survive_save_then_load(spec in spec()) {
        let graph = build(&spec);
        let text = graph.to_json_string();
        let again = DiplomaticGraph::from_json_str(&text).unwrap();
        prop_assert!(again == graph, "the graph changed through\n{}", text);
        assert_same_ids(&graph, &again);
        prop_assert_eq!(&again.to_json_string(), &text);
        let compact = DiplomaticGraph::from_json_str(&graph.to_json_compact_string()).unwrap();
        prop_assert!(compact == graph);

        let path = std::env::temp_dir().join(format!(
            "diplograph-props-{}-{:?}.json",
            std::process::id(),
            std::thread::current().id()
        ));
        graph.save(&path).unwrap();
        let loaded = DiplomaticGraph::load(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        prop_assert!(loaded == graph);
        assert_same_ids(&graph, &loaded);
        prop_assert!(diplograph::io::validate_json_str(&text).is_empty());
    }
}

// ----- questions and dates never panic ---------------------------------------------

/// Words of the question language, so that generated questions get past
/// the first word often.
const WORDS: &[&str] = &[
    "who",
    "which",
    "what",
    "where",
    "when",
    "compare",
    "rank",
    "meetings",
    "met",
    "both",
    "and",
    "or",
    "not",
    "with",
    "between",
    "as",
    "of",
    "known",
    "at",
    "before",
    "after",
    "since",
    "on",
    "in",
    "supported",
    "opposed",
    "supports",
    "opposes",
    "the",
    "ceasefire",
    "stance",
    "trump",
    "zelenskyy",
    "putin",
    "Zelenskyy's",
    "(",
    ")",
    ",",
    "?",
    "\"",
    "2025",
    "2025-08",
    "2025-08-18",
    "0000",
    "9999-12-31",
    "2025-02-30",
    "most",
    "positions",
    "actors",
    "held",
    "took",
    "part",
    "a",
    "position",
    "changed",
    "by",
    "date",
    "order",
    "did",
    "do",
    "does",
    "\u{0}",
    "é",
    "„",
    "’s",
    "''",
    "--",
];

fn question() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(select(WORDS), 0..14).prop_map(|w| w.join(" ")),
        proptest::collection::vec(select(WORDS), 0..14).prop_map(|w| w.concat()),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    /// Any text asked as a question: an answer or an error, never a panic;
    /// a question error points inside the question (or just after it).
    #[test]
    fn arbitrary_questions_never_panic(q in question()) {
        let graph = washington();
        match graph.ask(&q) {
            Ok(answer) => { let _ = answer.len(); }
            Err(Error::Question { column, .. }) => {
                prop_assert!(column >= 1 && column <= q.chars().count() + 1, "column {} in {:?}", column, q);
            }
            Err(other) => { let _ = other.to_string(); }
        }
        let _ = Question::parse(&q);
    }

    /// Any text as a date: a date or an error, never a panic; a date prints
    /// back as text that parses to it.
    #[test]
    fn arbitrary_dates_never_panic(
        s in prop_oneof![any::<String>(), "[0-9]{0,5}(-[0-9]{0,3}){0,3}", "[0-9-+ \\u{660}-\\u{669}]{0,12}"],
    ) {
        if let Ok(date) = s.parse::<PartialDate>() {
            prop_assert_eq!(date.to_string().parse::<PartialDate>().unwrap(), date);
            prop_assert!(date.day_number() <= date.last_day().day_number());
        }
    }
}

fn washington() -> &'static DiplomaticGraph {
    static GRAPH: std::sync::OnceLock<DiplomaticGraph> = std::sync::OnceLock::new();
    GRAPH.get_or_init(datasets::washington_2025)
}

// ----- as-of against a slow reference ------------------------------------------------

/// Days since 0001-01-01, counted one year and one month at a time: slow,
/// and independent of the library's arithmetic.
fn slow_day_number(year: u16, month: u8, day: u8) -> i64 {
    let leap = |y: u16| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = |y: u16, m: u8| match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let mut n: i64 = 0;
    for y in 1..year {
        n += if leap(y) { 366 } else { 365 };
    }
    for m in 1..month {
        n += days_in(year, m);
    }
    n + i64::from(day) - 1
}

/// Every day a partial date may be, as day numbers.
fn slow_days(date: PartialDate) -> Vec<i64> {
    let y = date.year();
    let months: Vec<u8> = match date.month_number() {
        Some(m) => vec![m],
        None => (1..=12).collect(),
    };
    let mut days = Vec::new();
    for m in months {
        let last = (28..=31)
            .rev()
            .find(|d| PartialDate::ymd(y, m, *d).is_ok())
            .unwrap();
        match date.day() {
            Some(d) => days.push(slow_day_number(y, m, d)),
            None => days.extend((1..=last).map(|d| slow_day_number(y, m, d))),
        }
    }
    days
}

/// The rule, by brute force: on the last day `q` of `at`, the position held
/// for a choice of true start day `s` and end day `e` when `s <= q < e`;
/// certainly when it held for every choice, possibly for some.
fn slow_as_of(
    from: Option<PartialDate>,
    until: Option<PartialDate>,
    at: PartialDate,
) -> Option<Certainty> {
    let q = *slow_days(at).last().unwrap();
    let starts = from.map(slow_days);
    let ends = until.map(slow_days);
    let start_all = starts.as_ref().is_none_or(|s| s.iter().all(|&s| s <= q));
    let start_any = starts.as_ref().is_none_or(|s| s.iter().any(|&s| s <= q));
    let end_all = ends.as_ref().is_none_or(|e| e.iter().all(|&e| q < e));
    let end_any = ends.as_ref().is_none_or(|e| e.iter().any(|&e| q < e));
    match (start_any && end_any, start_all && end_all) {
        (false, _) => None,
        (true, true) => Some(Certainty::Certain),
        (true, false) => Some(Certainty::Possible),
    }
}

/// A date in 2024..=2025 at any precision, so histories overlap.
fn near_date() -> impl Strategy<Value = PartialDate> {
    (2024u16..=2025, 0u8..=12, 0u8..=31).prop_map(|(year, month, day)| {
        match (month, day) {
            (0, _) => PartialDate::year_only(year),
            (m, 0) => PartialDate::month(year, m),
            (m, d) => PartialDate::ymd(year, m, d).or_else(|_| PartialDate::ymd(year, m, 28)),
        }
        .unwrap()
    })
}

proptest! {
    #![proptest_config(config(96))]

    /// `positions(on(s).as_of(at))` returns exactly the positions the slow
    /// rule says held, with its certainty, in insertion order.
    #[test]
    fn as_of_agrees_with_a_slow_reference(
        history in proptest::collection::vec(
            (0usize..2, 0usize..5, optional(near_date()), optional(near_date())),
            1..6,
        ),
        asked in proptest::collection::vec(near_date(), 1..6),
    ) {
        let mut graph = DiplomaticGraph::new();
        graph.add_actor(Actor::new("a", "A", ActorKind::Person)).unwrap();
        graph.add_actor(Actor::new("b", "B", ActorKind::State)).unwrap();
        let s = graph.add_stance(Stance::new("s", "S")).unwrap();
        for (actor, polarity, from, until) in history {
            let mut p = Position::new(["a", "b"][actor], "s", POLARITIES[polarity]);
            p.from = from;
            p.until = until;
            let refused = matches!(graph.add_position(p), Err(Error::EndsBeforeStart { .. }));
            // Refused exactly when every choice of days ends before it starts.
            if let (Some(f), Some(u)) = (from, until) {
                let never = slow_days(u).iter().max() < slow_days(f).iter().min();
                prop_assert_eq!(refused, never, "{}..{}", f, u);
            } else {
                prop_assert!(!refused);
            }
        }
        for at in asked {
            let expected: Vec<_> = graph
                .all_positions()
                .filter_map(|(id, p)| Some((id, slow_as_of(p.from, p.until, at)?)))
                .collect();
            let found: Vec<_> = graph
                .positions(PositionQuery::on(s).as_of(at))
                .map(|m| (m.id, m.certainty))
                .collect();
            prop_assert_eq!(found, expected, "as of {}", at);
        }
    }
}

// ----- DOT through the real `dot` ------------------------------------------------------

/// Every view of a graph, one picture after another: the whole graph, the
/// meetings, each stance (also as of a date), each actor to depth 2.
fn every_view(graph: &DiplomaticGraph) -> String {
    let mut options = vec![
        DotOptions::new(View::All),
        DotOptions::new(View::Meetings),
        DotOptions::new(View::All).known_at("2025-08".parse().unwrap()),
    ];
    for (id, _) in graph.stances() {
        options.push(DotOptions::new(View::Stance(id)));
        options.push(DotOptions::new(View::Stance(id)).as_of("2025-08-18".parse().unwrap()));
    }
    for (id, _) in graph.actors() {
        options.push(DotOptions::new(View::Actor(id)).depth(2));
    }
    options
        .into_iter()
        .map(|o| graph.to_dot(o).to_string())
        .collect()
}

proptest! {
    #![proptest_config(config(16))]

    /// Arbitrary graphs in every view: `dot` accepts them without a
    /// warning (one `dot` run per case, every view batched into it).
    #[test]
    fn arbitrary_graphs_export_to_dot_that_dot_accepts(spec in spec()) {
        let graph = build(&spec);
        let text = every_view(&graph);
        let opens = text.matches("digraph").count();
        prop_assert!(opens >= 3);
        if super::dot::graphviz() {
            super::dot::svg(&text);
        }
    }
}
