//! Arbitrary graphs, built through the typed API from the fuzz bytes, in
//! every DOT view: never a panic, and the output keeps its structure
//! (balanced braces outside quoted strings, every quote closed, one
//! `digraph` per picture).
#![no_main]

use arbitrary::{Result, Unstructured};
use diplograph::{
    Act, ActKind, Actor, ActorKind, DiplomaticGraph, DotOptions, Evidence, Link, LinkKind,
    Meeting, MeetingKind, MeetingStatus, Office, PartialDate, Participant, Polarity, Position,
    RankDir, Source, Stance, Tone, View,
};
use libfuzzer_sys::fuzz_target;

const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::State,
    ActorKind::Organisation,
    ActorKind::Group,
];
const POLARITIES: [Polarity; 5] = [
    Polarity::Supports,
    Polarity::Opposes,
    Polarity::Abstains,
    Polarity::Neutral,
    Polarity::Conditional,
];
const TONES: [Tone; 3] = [Tone::Hostile, Tone::Neutral, Tone::Warm];
const LINK_KINDS: [LinkKind; 2] = [LinkKind::MemberOf, LinkKind::AlliedWith];
const MEETING_KINDS: [MeetingKind; 3] = [MeetingKind::Summit, MeetingKind::Call, MeetingKind::Visit];

fn text(u: &mut Unstructured) -> Result<String> {
    let s: String = u.arbitrary()?;
    Ok(s.chars().take(64).collect())
}

fn date(u: &mut Unstructured) -> Result<Option<PartialDate>> {
    if !u.arbitrary::<bool>()? {
        return Ok(None);
    }
    let year = u.int_in_range(2020..=2026)?;
    let month = u.int_in_range(0..=12u8)?;
    let day = u.int_in_range(0..=31u8)?;
    Ok(match (month, day) {
        (0, _) => PartialDate::year_only(year).ok(),
        (m, 0) => PartialDate::month(year, m).ok(),
        (m, d) => PartialDate::ymd(year, m, d).ok(),
    })
}

fn evidence(u: &mut Unstructured, sources: usize) -> Result<Vec<Evidence>> {
    let mut out = Vec::new();
    if sources == 0 {
        return Ok(out);
    }
    for _ in 0..u.int_in_range(0..=2)? {
        let key = format!("r{}", u.choose_index(sources)?);
        out.push(if u.arbitrary()? {
            Evidence::new(key, text(u)?)
        } else {
            Evidence::cite(key)
        });
    }
    Ok(out)
}

/// A graph from the bytes; the graph refuses what it must (blank names,
/// inconsistent dates...), which the target ignores.
fn graph(u: &mut Unstructured) -> Result<DiplomaticGraph> {
    let mut g = DiplomaticGraph::new();
    if u.arbitrary()? {
        g.set_title(text(u)?);
    }
    let sources = u.int_in_range(0..=3)?;
    for i in 0..sources {
        let mut s = Source::new(format!("r{i}"), text(u)?);
        if u.arbitrary()? {
            s = s.url(text(u)?);
        }
        if let Some(d) = date(u)? {
            s = s.published(d);
        }
        let _ = g.add_source(s);
    }
    let actors = u.int_in_range(1..=6)?;
    for i in 0..actors {
        let kind = *u.choose(&ACTOR_KINDS)?;
        let _ = g.add_actor(Actor::new(format!("a{i}"), text(u)?, kind));
    }
    for _ in 0..u.int_in_range(0..=3)? {
        let who = g.actor_id(&format!("a{}", u.choose_index(actors)?));
        let mut office = Office::new(text(u)?).of(format!("a{}", u.choose_index(actors)?));
        office.from = date(u)?;
        office.until = date(u)?;
        office.evidence = evidence(u, sources)?;
        if let Some(who) = who {
            let _ = g.add_office(who, office);
        }
        let mut link = Link::new(*u.choose(&LINK_KINDS)?, format!("a{}", u.choose_index(actors)?));
        link.from = date(u)?;
        if let Some(who) = who {
            let _ = g.add_link(who, link);
        }
    }
    let stances = u.int_in_range(0..=3)?;
    for i in 0..stances {
        let mut s = Stance::new(format!("s{i}"), text(u)?);
        if i > 0 && u.arbitrary()? {
            s = s.broader(format!("s{}", u.choose_index(i)?));
        }
        let _ = g.add_stance(s);
    }
    let meetings = u.int_in_range(0..=4)?;
    for i in 0..meetings {
        let mut m = Meeting::new(format!("m{i}"), text(u)?, *u.choose(&MEETING_KINDS)?)
            .status(*u.choose(&MeetingStatus::ALL)?);
        m.date = date(u)?;
        m.end = date(u)?;
        if u.arbitrary()? {
            m = m.place(text(u)?).tone(*u.choose(&TONES)?);
        }
        for _ in 0..u.int_in_range(0..=4)? {
            m = m.participant(Participant::new(format!("a{}", u.choose_index(actors)?)));
        }
        m.evidence = evidence(u, sources)?;
        let _ = g.add_meeting(m);
    }
    for _ in 0..u.int_in_range(0..=8)? {
        if stances == 0 {
            break;
        }
        let mut p = Position::new(
            format!("a{}", u.choose_index(actors)?),
            format!("s{}", u.choose_index(stances)?),
            *u.choose(&POLARITIES)?,
        );
        p.from = date(u)?;
        p.until = date(u)?;
        if meetings > 0 && u.arbitrary()? {
            p = p.meeting(format!("m{}", u.choose_index(meetings)?));
        }
        p.evidence = evidence(u, sources)?;
        if u.arbitrary()? {
            p = p.note(text(u)?);
        }
        let _ = g.add_position(p);
    }
    for _ in 0..u.int_in_range(0..=6)? {
        let mut a = Act::new(
            format!("a{}", u.choose_index(actors)?),
            *u.choose(&ActKind::ALL)?,
            format!("a{}", u.choose_index(actors)?),
        );
        a.date = date(u)?;
        if stances > 0 && u.arbitrary()? {
            a = a.stance(format!("s{}", u.choose_index(stances)?));
        }
        a.evidence = evidence(u, sources)?;
        let _ = g.add_act(a);
    }
    Ok(g)
}

/// Checks what a DOT picture must be whatever the labels: quotes closed,
/// braces balanced outside quoted strings.
fn check_structure(dot: &str) {
    let mut depth = 0i64;
    let mut in_quote = false;
    let mut escaped = false;
    for c in dot.chars() {
        if in_quote {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_quote = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_quote = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "a `}}` closes nothing:\n{dot}");
            }
            _ => {}
        }
    }
    assert!(!in_quote, "a quoted string is not closed:\n{dot}");
    assert_eq!(depth, 0, "unbalanced braces:\n{dot}");
    assert!(dot.starts_with("digraph"), "{dot}");
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(g) = graph(&mut u) else { return };
    let mut views = vec![View::All, View::Meetings];
    views.extend(g.stances().map(|(id, _)| View::Stance(id)));
    views.extend(g.actors().map(|(id, _)| View::Actor(id)));
    let as_of = date(&mut u).ok().flatten();
    let known_at = date(&mut u).ok().flatten();
    let label = text(&mut u).unwrap_or_default();
    let depth = u.int_in_range(0..=4u32).unwrap_or(1);
    for view in views {
        let mut options = DotOptions::new(view).depth(depth);
        if let Some(d) = as_of {
            options = options.as_of(d);
        }
        if let Some(d) = known_at {
            options = options.known_at(d);
        }
        if u.arbitrary().unwrap_or(false) {
            options = options
                .title(label.clone())
                .font(label.clone())
                .rankdir(RankDir::TopToBottom);
        }
        let dot = g.to_dot(options).to_string();
        check_structure(&dot);
    }
});
