//! The Graphviz export: the structure of each view of the bundled dataset,
//! and the real `dot -Tsvg` run on every view, on graphs with hostile labels
//! and on arbitrary labels (a property test).
//!
//! Where `dot` is not installed the tests that need it pass with a message
//! on standard error, except when `CI=true`, where they fail: `.ci/run`
//! installs Graphviz first.

use std::io::Write;
use std::process::{Command, Stdio};

use diplograph::{
    Act, ActKind, Actor, ActorKind, DiplomaticGraph, DotOptions, Evidence, Hedging, Link, LinkKind,
    Meeting, MeetingKind, MeetingStatus, Participant, Polarity, Position, RankDir, Role, Source,
    Stance, View, datasets,
};
use proptest::prelude::*;

// ----- helpers ---------------------------------------------------------------

/// Whether Graphviz's `dot` can be run. When it cannot: fails under
/// `CI=true`, otherwise says so and lets the caller skip.
pub(super) fn graphviz() -> bool {
    let found = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!(
                "Graphviz's `dot` is not installed, and CI=true: .ci/run should have installed it"
            );
        }
        eprintln!(
            "SKIPPED: Graphviz's `dot` is not installed (apt-get install graphviz); the test checked only what needs no Graphviz"
        );
    }
    found
}

/// Runs `dot -T<format>` on `text` and returns what it writes, failing the
/// test if `dot` exits non-zero, prints anything on standard error, or does
/// not read its whole input.
fn run_dot(format: &str, text: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    let mut stdin = child.stdin.take().expect("a pipe to dot");
    let input = text.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("dot finishes");
    let written = writer.join().expect("the writer thread");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "dot rejected the DOT ({}):\n{stderr}\n--- input ---\n{text}",
        output.status
    );
    written.expect("dot reads its whole input");
    output.stdout
}

/// Runs `dot -Tsvg` on `text` (one graph or several, one after the other)
/// and returns the SVG, failing the test as [`run_dot`] does or if the SVG
/// holds characters XML does not allow.
pub(super) fn svg(text: &str) -> String {
    let svg = String::from_utf8(run_dot("svg", text)).expect("dot writes UTF-8");
    let bad = svg.chars().find(|&c| {
        !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    });
    assert_eq!(bad, None, "the SVG holds a character XML forbids");
    svg
}

fn check_renders(graph: &DiplomaticGraph, options: impl Into<DotOptions>) -> String {
    let text = graph.to_dot(options).to_string();
    svg(&text);
    text
}

/// The line of `text` that contains every needle, failing the test if none
/// does.
fn line_with<'t>(text: &'t str, needles: &[&str]) -> &'t str {
    text.lines()
        .find(|line| needles.iter().all(|n| line.contains(n)))
        .unwrap_or_else(|| panic!("no line with {needles:?} in:\n{text}"))
}

/// The text of a cluster, from its `subgraph` line to its closing brace.
fn cluster<'t>(text: &'t str, name: &str) -> &'t str {
    let start = text
        .find(&format!("subgraph \"{name}\" {{"))
        .unwrap_or_else(|| panic!("no cluster {name} in:\n{text}"));
    let end = text[start..].find("\n  }\n").expect("a closing brace") + start;
    &text[start..end]
}

fn date(text: &str) -> diplograph::PartialDate {
    text.parse().unwrap()
}

// ----- the stance view ---------------------------------------------------------

#[test]
fn ceasefire_as_of_the_meeting_has_trump_opposing_and_europeans_supporting() {
    let graph = datasets::washington_2025();
    let ceasefire = graph.find_stance("ceasefire").unwrap();
    let options = DotOptions::new(View::Stance(ceasefire)).as_of(date("2025-08-18"));
    let dot = graph.to_dot(options).to_string();

    // Trump on the opponents' side, Macron and Merz on the supporters'.
    assert!(cluster(&dot, "cluster_opposes").contains("\"a:trump\""));
    let supports = cluster(&dot, "cluster_supports");
    assert!(supports.contains("\"a:macron\" [label=\"Emmanuel Macron\""));
    assert!(supports.contains("\"a:merz\" [label=\"Friedrich Merz\""));
    assert!(!supports.contains("\"a:trump\""));

    // Opposing now: a solid red edge, drawn from the right (dir=back).
    let now = line_with(
        &dot,
        &[
            "\"s:ceasefire-first\" -> \"a:trump\"",
            "label=\"opposes\\nsince 2025-08-18\"",
        ],
    );
    assert!(now.contains("style=\"solid\"") && now.contains("color=\"#c62828\""));
    assert!(now.contains("dir=\"back\""));
    // Supporting earlier: a dashed green edge with its date.
    let before = line_with(
        &dot,
        &[
            "\"s:ceasefire-first\" -> \"a:trump\"",
            "label=\"supports\\nuntil 2025-08-18\"",
        ],
    );
    assert!(before.contains("style=\"dashed\"") && before.contains("color=\"#2e7d32\""));
    // The evidence is the tooltip.
    assert!(before.contains("tooltip=\"Donald Trump supports until 2025-08-18: A ceasefire before further negotiations\\n\\n“At the same time, the U.S. president walked back earlier calls for a ceasefire.”"));

    for who in ["macron", "merz"] {
        let edge = line_with(&dot, &[&format!("\"a:{who}\" -> \"s:ceasefire-first\"")]);
        assert!(edge.contains("label=\"supports\\nsince 2025-08-18\""));
        assert!(edge.contains("style=\"solid\""));
    }
    assert!(dot.contains("label=\"A ceasefire before further negotiations\\nas of 2025-08-18\""));
    // The legend explains what is used.
    let legend = cluster(&dot, "cluster_legend");
    for entry in [
        "supports",
        "opposes",
        "earlier position",
        "person",
        "delegation",
        "stance",
    ] {
        assert!(legend.contains(entry), "{entry} missing from the legend");
    }
}

#[test]
fn ceasefire_the_day_before_has_trump_supporting() {
    let graph = datasets::washington_2025();
    let ceasefire = graph.find_stance("ceasefire").unwrap();
    let dot = graph
        .to_dot(DotOptions::new(View::Stance(ceasefire)).as_of(date("2025-08-17")))
        .to_string();
    assert!(cluster(&dot, "cluster_supports").contains("\"a:trump\""));
    assert!(!dot.contains("cluster_opposes"));
    assert!(
        !dot.contains("\"a:macron\""),
        "Macron's position starts on the 18th"
    );
    let edge = line_with(&dot, &["\"a:trump\" -> \"s:ceasefire-first\""]);
    assert!(edge.contains("style=\"solid\""));
}

#[test]
fn the_latest_state_is_the_default_and_history_can_be_left_out() {
    let graph = datasets::washington_2025();
    let ceasefire = graph.find_stance("ceasefire").unwrap();
    let latest = graph.to_dot(View::Stance(ceasefire)).to_string();
    assert!(cluster(&latest, "cluster_opposes").contains("\"a:trump\""));
    assert!(latest.contains("until 2025-08-18"));
    let short = graph
        .to_dot(DotOptions::new(View::Stance(ceasefire)).without_history())
        .to_string();
    assert!(!short.contains("until 2025-08-18"));
    assert!(!short.contains("style=\"dashed\""));
}

#[test]
fn abstentions_and_conditions_stand_apart_from_both_sides() {
    let mut graph = DiplomaticGraph::new();
    graph.add_source(Source::new("wire", "Wire")).unwrap();
    let truce = graph.add_stance(Stance::new("truce", "A truce")).unwrap();
    for (key, polarity) in [
        ("a", Polarity::Supports),
        ("b", Polarity::Opposes),
        ("c", Polarity::Abstains),
        ("d", Polarity::Neutral),
        ("e", Polarity::Conditional),
    ] {
        graph
            .add_actor(Actor::new(key, key.to_uppercase(), ActorKind::State))
            .unwrap();
        graph
            .add_position(Position::new(key, "truce", polarity).hedging(Hedging::Alleged))
            .unwrap();
    }
    let dot = check_or_text(&graph, View::Stance(truce));
    let others = cluster(&dot, "cluster_others");
    for key in ["c", "d", "e"] {
        assert!(others.contains(&format!("\"a:{key}\"")));
    }
    assert!(!cluster(&dot, "cluster_supports").contains("\"a:c\""));
    assert!(cluster(&dot, "cluster_opposes").contains("\"a:b\""));
    let colours: Vec<&str> = ["c", "d", "e"]
        .iter()
        .map(|k| {
            let line = line_with(&dot, &[&format!("\"a:{k}\" -> \"s:truce\"")]);
            let at = line.find("color=").unwrap();
            &line[at..at + 16]
        })
        .collect();
    assert_eq!(colours.len(), 3);
    assert!(colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2]);
    assert!(dot.contains("(alleged)"));
}

/// The DOT text, rendered by `dot` too when it is installed.
fn check_or_text(graph: &DiplomaticGraph, options: impl Into<DotOptions>) -> String {
    let text = graph.to_dot(options).to_string();
    if graphviz() {
        svg(&text);
    }
    text
}

// ----- the meetings view ---------------------------------------------------------

#[test]
fn meetings_are_clusters_in_date_order_and_the_proposed_one_looks_different() {
    let graph = datasets::washington_2025();
    let dot = graph.to_dot(View::Meetings).to_string();
    let order: Vec<usize> = [
        "oval-office-2025-02",
        "alaska-summit-2025-08-15",
        "washington-2025-08-18",
        "trilateral-proposed",
        "trump-putin-call-planned",
    ]
    .iter()
    .map(|key| dot.find(&format!("subgraph \"cluster_m:{key}\"")).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");

    let held = cluster(&dot, "cluster_m:alaska-summit-2025-08-15");
    assert!(held.contains("style=\"rounded,filled\""));
    assert!(held.contains("2025-08-15 · summit · HELD · cautious"));
    let proposed = cluster(&dot, "cluster_m:trilateral-proposed");
    assert!(proposed.contains("style=\"rounded,filled,dotted\""));
    assert!(proposed.contains("undated · multilateral · PROPOSED"));
    let planned = cluster(&dot, "cluster_m:trump-putin-call-planned");
    assert!(planned.contains("style=\"rounded,filled,dashed\""));
    // The label is a node at the top of the cluster, not the cluster's own
    // label, so that the lines between meetings go round it.
    assert!(held.contains("graph [label=\"\", style=\"rounded,filled\""));
    assert!(held.contains(
        "\"m:alaska-summit-2025-08-15/title\" [label=\"Alaska summit\\n2025-08-15 · summit · HELD · cautious\\nAnchorage, Alaska\", shape=\"plaintext\""
    ));
    assert!(proposed.contains("\"m:trilateral-proposed/title\" [label=\"Proposed trilateral"));
    assert!(
        proposed.contains("color=\"#6a1b9a\""),
        "proposed meetings are purple"
    );
    // Participants are drawn once per meeting, with the actor's name.
    assert!(proposed.contains("\"m:trilateral-proposed/a:putin\" [label=\"Vladimir Putin\""));
    assert!(
        held.contains("\"m:alaska-summit-2025-08-15/a:putin\" [label=\"Vladimir Putin\\n(guest)\"")
    );
    // An actor's appearances are joined in date order.
    assert!(
        dot.contains("\"m:alaska-summit-2025-08-15/a:putin\" -> \"m:trilateral-proposed/a:putin\"")
    );
    assert!(dot.contains("rankdir=\"TB\""));
}

#[test]
fn meetings_filter_by_status_date_and_report_time() {
    let graph = datasets::washington_2025();
    let held = graph
        .to_dot(DotOptions::new(View::Meetings).status(MeetingStatus::Held))
        .to_string();
    assert!(!held.contains("trilateral-proposed") && held.contains("cluster_m:alaska"));
    let early = graph
        .to_dot(DotOptions::new(View::Meetings).as_of(date("2025-08-16")))
        .to_string();
    assert!(early.contains("cluster_m:alaska") && !early.contains("cluster_m:washington"));
    assert!(
        early.contains("cluster_m:trilateral-proposed"),
        "undated meetings are kept"
    );
    let july = graph
        .to_dot(DotOptions::new(View::Meetings).known_at(date("2025-07")))
        .to_string();
    assert!(!july.contains("cluster_m:"));
    let people = graph
        .to_dot(DotOptions::new(View::Meetings).actor_kind(ActorKind::State))
        .to_string();
    assert!(people.contains("no participants shown"));
}

// ----- the actor and whole-graph views ---------------------------------------------

#[test]
fn the_actor_view_grows_with_depth() {
    let graph = datasets::washington_2025();
    let putin = graph.find_actor("Putin").unwrap();
    let near = graph.to_dot(View::Actor(putin)).to_string();
    assert!(near.contains("\"a:putin\" [label=\"Vladimir Putin\""));
    assert!(
        near.contains("fillcolor=\"#fff3c4\""),
        "the actor is highlighted"
    );
    assert!(near.contains("\"a:putin\" -> \"m:alaska-summit-2025-08-15\" [label=\"guest\""));
    // A tie is written from its target back to the actor, the arrow at
    // the target.
    let tie = line_with(&near, &["\"a:russia\" -> \"a:putin\""]);
    assert!(tie.contains("dir=\"back\", arrowtail=\"empty\""), "{tie}");
    assert!(!near.contains("\"a:zelenskyy\""));
    let far = graph
        .to_dot(DotOptions::new(View::Actor(putin)).depth(2))
        .to_string();
    assert!(far.contains("\"a:zelenskyy\""));
    let alone = graph
        .to_dot(DotOptions::new(View::Actor(putin)).depth(0))
        .to_string();
    assert!(alone.contains("\"a:putin\"") && !alone.contains(" -> "));
}

#[test]
fn the_actor_view_walks_only_what_it_draws() {
    let graph = datasets::washington_2025();
    let zelenskyy = graph.find_actor("Zelenskyy").unwrap();
    let held = DotOptions::new(View::Actor(zelenskyy))
        .depth(2)
        .status(MeetingStatus::Held);
    let dot = graph.to_dot(held).to_string();
    // Putin is reached only through the proposed trilateral.
    assert!(!dot.contains("\"a:putin\""));
    assert!(!dot.contains("\"m:trilateral-proposed\""));
}

#[test]
fn the_whole_graph_has_every_kind_of_edge() {
    let graph = datasets::washington_2025();
    let dot = graph.to_dot(View::All).to_string();
    assert!(
        dot.contains("\"a:macron\" -> \"a:trump\" [label=\"pushed back against\\n2025-08-18\"")
    );
    assert!(
        dot.contains("\"a:nato\" -> \"a:rutte\" [label=\"represents\\nSecretary General of NATO\", style=\"dotted\", dir=\"back\", arrowtail=\"empty\"")
    );
    assert!(
        dot.contains("\"s:us-security-guarantees\" -> \"s:security-guarantees\" [label=\"within\"")
    );
    assert!(dot.contains("label=\"opposes\\nsince 2025-08\\n(alleged)\""));
    let criticised = graph
        .to_dot(DotOptions::new(View::All).act_kind(ActKind::Criticised))
        .to_string();
    assert!(
        criticised.contains("label=\"criticised") && !criticised.contains("label=\"pushed back")
    );
    let feb = graph
        .to_dot(DotOptions::new(View::All).as_of(date("2025-03")))
        .to_string();
    assert!(feb.contains("criticised\\n2025-02") && !feb.contains("thanked"));
}

#[test]
fn style_options_reach_the_graph_attributes() {
    let graph = datasets::washington_2025();
    let dot = graph
        .to_dot(
            DotOptions::new(View::All)
                .rankdir(RankDir::BottomToTop)
                .font("Noto Sans")
                .background("#fdf6e3")
                .title("My \"title\"")
                .graph_attr("splines", "true")
                .without_legend()
                .without_evidence(),
        )
        .to_string();
    assert!(dot.contains(
        "rankdir=\"BT\", fontname=\"Noto Sans\", bgcolor=\"#fdf6e3\", label=\"My \\\"title\\\"\""
    ));
    assert!(dot.contains("node [fontname=\"Noto Sans\""));
    assert!(dot.contains("graph [\"splines\"=\"true\"];"));
    assert!(!dot.contains("cluster_legend") && !dot.contains('“'));
}

#[test]
fn output_is_deterministic() {
    let graph = datasets::washington_2025();
    let trump = graph.find_actor("Trump").unwrap();
    for view in [View::Meetings, View::Actor(trump), View::All] {
        let first = graph.to_dot(DotOptions::new(view).depth(3)).to_string();
        let again = datasets::washington_2025()
            .to_dot(DotOptions::new(view).depth(3))
            .to_string();
        assert_eq!(first, again);
    }
}

#[test]
fn ids_from_another_graph_give_a_valid_graph_that_says_so() {
    let graph = datasets::washington_2025();
    let stance = graph.find_stance("ceasefire").unwrap();
    let actor = graph.find_actor("Trump").unwrap();
    let empty = DiplomaticGraph::new();
    let dot = check_or_text(&empty, View::Stance(stance));
    assert!(dot.contains("is not in this graph"));
    let dot = check_or_text(&empty, View::Actor(actor));
    assert!(dot.contains("is not in this graph"));
    check_or_text(&empty, View::Meetings);
    check_or_text(&empty, View::All);
}

// ----- the real dot on every view --------------------------------------------------

/// Every view of a graph, with a few option sets each.
fn every_view(graph: &DiplomaticGraph) -> Vec<DotOptions> {
    let mut views = vec![View::Meetings, View::All];
    views.extend(graph.stances().map(|(id, _)| View::Stance(id)));
    views.extend(graph.actors().map(|(id, _)| View::Actor(id)));
    let mut all = Vec::new();
    for view in views {
        all.push(DotOptions::new(view));
        all.push(DotOptions::new(view).depth(2).as_of(date("2025-08-18")));
        all.push(
            DotOptions::new(view)
                .known_at(date("2025-08"))
                .rankdir(RankDir::TopToBottom)
                .without_legend(),
        );
    }
    all
}

#[test]
fn dot_renders_every_view_of_the_bundled_dataset_without_warnings() {
    if !graphviz() {
        return;
    }
    let graph = datasets::washington_2025();
    for options in every_view(&graph) {
        check_renders(&graph, options);
    }
}

/// Labels meant to break a careless DOT writer.
const HOSTILE: &[&str] = &[
    "\"quoted\" \"",
    "back\\slash\\",
    "\\N \\G \\E \\L \\n \\l \\r",
    "line\nbreak\r\nand\rreturn",
    "<b>html</b> <<x>>",
    "{record|fields} <port>",
    "AT&T &amp; &#123; &bogus;",
    "emoji 🇺🇦🏳️‍🌈 Київ 北京 עברית العربية",
    "ctrl \u{0}\u{1}\u{7}\u{1b}[31m\u{7f}\u{85}\u{fffe}\u{ffff}",
    "tab\there",
    "}; digraph evil { a -> b; // ",
    "-- -> -- node edge graph subgraph strict",
    "\u{200b}\u{feff}\u{2028}\u{2029}\u{202e}reversed",
    " ",
];

/// A graph whose every text is `label` (made non-blank where the model
/// insists), with one item of each kind and a source URL built from it.
fn hostile_graph(label: &str, n: usize) -> DiplomaticGraph {
    let text = if label.trim().is_empty() {
        format!("[{label}]")
    } else {
        label.to_owned()
    };
    let kinds = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organisation,
        ActorKind::Government,
        ActorKind::Group,
        ActorKind::Delegation,
        ActorKind::Movement,
        ActorKind::Other,
    ];
    let statuses = MeetingStatus::ALL;
    let polarities = [
        Polarity::Supports,
        Polarity::Opposes,
        Polarity::Abstains,
        Polarity::Neutral,
        Polarity::Conditional,
    ];
    let mut g = DiplomaticGraph::new();
    g.set_title(text.clone());
    g.add_source(
        Source::new("src", text.clone())
            .publisher(text.clone())
            .url(format!("https://example.org/{label}\"'<>"))
            .published(date("2025-08")),
    )
    .unwrap();
    g.add_source(Source::new("bad", text.clone()).url(format!("javascript:{label}")))
        .unwrap();
    let quote = Evidence::new("src", text.clone()).note(text.clone());
    for i in 0..3 {
        g.add_actor(
            Actor::new(
                format!("a{i}"),
                format!("{text} {i}"),
                kinds[(n + i) % kinds.len()],
            )
            .alias(text.clone())
            // A link to itself: a loop.
            .link(Link::new(LinkKind::MemberOf, format!("a{i}")).evidence(quote.clone())),
        )
        .unwrap();
    }
    g.add_stance(Stance::new("s0", text.clone()).description(text.clone()))
        .unwrap();
    g.add_stance(Stance::new("s1", text.clone()).broader("s0"))
        .unwrap();
    for i in 0..2 {
        g.add_meeting(
            Meeting::new(format!("m{i}"), text.clone(), MeetingKind::Summit)
                .status(statuses[(n + i) % statuses.len()])
                .date(date(if i == 0 { "2025-02" } else { "2025-08-18" }))
                .place(text.clone())
                .participant(Participant::new("a0").role(Role::Host).note(text.clone()))
                .participant(Participant::new(format!("a{}", i + 1)))
                .evidence(quote.clone()),
        )
        .unwrap();
    }
    for i in 0..3 {
        g.add_position(
            Position::new(
                format!("a{i}"),
                "s1",
                polarities[(n + i) % polarities.len()],
            )
            .until(date("2025-08-18"))
            .evidence(quote.clone())
            .evidence(Evidence::cite("bad")),
        )
        .unwrap();
        g.add_position(
            Position::new(
                format!("a{i}"),
                "s1",
                polarities[(n + i + 1) % polarities.len()],
            )
            .from(date("2025-08-18"))
            .meeting("m1")
            .note(text.clone())
            .evidence(quote.clone()),
        )
        .unwrap();
    }
    g.add_act(
        Act::new("a1", ActKind::ALL[n % ActKind::ALL.len()], "a0")
            .date(date("2025-08-18"))
            .meeting("m1")
            .stance("s1")
            .evidence(quote),
    )
    .unwrap();
    g
}

/// Every view of a graph, concatenated: one `dot` run renders them all.
fn all_views_text(graph: &DiplomaticGraph, label: &str) -> String {
    let mut text = String::new();
    let actor = graph.actor_id("a0").unwrap();
    let stance = graph.stance_id("s1").unwrap();
    for options in [
        DotOptions::new(View::Stance(stance)),
        DotOptions::new(View::Stance(stance)).as_of(date("2025-08-17")),
        DotOptions::new(View::Meetings),
        DotOptions::new(View::Actor(actor)).depth(3),
        DotOptions::new(View::All).known_at(date("2025-09")),
        DotOptions::new(View::All)
            .title(label)
            .font(label)
            .graph_attr("comment", label),
    ] {
        text.push_str(&graph.to_dot(options).to_string());
    }
    text
}

#[test]
fn dot_renders_hostile_labels_without_warnings() {
    let texts: Vec<String> = HOSTILE
        .iter()
        .enumerate()
        .map(|(n, label)| all_views_text(&hostile_graph(label, n), label))
        .collect();
    // Without Graphviz, the structure still holds: every quote is closed.
    for text in &texts {
        for line in text.lines() {
            let unescaped_quotes = line
                .replace("\\\\", "")
                .replace("\\\"", "")
                .matches('"')
                .count();
            assert_eq!(unescaped_quotes % 2, 0, "unbalanced quotes in {line}");
        }
    }
    if graphviz() {
        svg(&texts.concat());
    }
}

#[test]
fn the_svg_shows_hostile_labels_as_written() {
    if !graphviz() {
        return;
    }
    let graph = hostile_graph("a \"b\" \\c <d> {e|f} & g", 0);
    let out = svg(&graph
        .to_dot(DotOptions::new(View::All).without_legend())
        .to_string());
    // XML-escaped by Graphviz, otherwise the text itself.
    assert!(
        out.contains(">a &quot;b&quot; \\c &lt;d&gt; {e|f} &amp; g</text>"),
        "{out}"
    );
    assert!(out.contains("xlink:href=\"https://example.org/a%20%22b%22%20%5Cc%20%3Cd%3E%20%7Be%7Cf%7D%20&amp;%20g%22'%3C%3E\""));
    assert!(!out.contains("javascript:"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Arbitrary labels (any Unicode, control characters, quotes, braces)
    /// through every view: `dot` accepts all of them, without a warning.
    #[test]
    fn dot_accepts_arbitrary_labels(
        labels in proptest::collection::vec(
            prop_oneof![
                any::<String>(),
                "[\"\\\\{}|<>&;#\\n\\r\\t\\u{0}-\\u{1f} a-z\\u{80}-\\u{10ffff}]{0,24}",
            ],
            4,
        ),
        n in 0usize..64,
    ) {
        let text: String = labels
            .iter()
            .enumerate()
            .map(|(i, label)| all_views_text(&hostile_graph(label, n + i), label))
            .collect();
        if graphviz() {
            svg(&text);
        }
    }
}

// ----- the drawn layout ------------------------------------------------------------

/// `dot -Tjson` of `text`, parsed; checked as [`run_dot`] checks.
fn layout(text: &str) -> serde_json::Value {
    serde_json::from_slice(&run_dot("json", text)).expect("dot writes JSON")
}

/// A rectangle: left, bottom, right, top, in points.
type Rect = (f64, f64, f64, f64);

fn numbers(value: &serde_json::Value) -> Vec<f64> {
    value
        .as_str()
        .unwrap_or_default()
        .split(',')
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The rectangle a drawn object's text takes (the lines of a label and the
/// gaps between them), from its `_ldraw_` operations.
fn text_rect(object: &serde_json::Value) -> Option<(Rect, String)> {
    let mut size = 14.0;
    let mut rect: Option<Rect> = None;
    let mut text = Vec::new();
    for op in object["_ldraw_"].as_array().into_iter().flatten() {
        match op["op"].as_str() {
            Some("F") => size = op["size"].as_f64().unwrap_or(size),
            Some("T") => {
                let (x, y) = (op["pt"][0].as_f64().unwrap(), op["pt"][1].as_f64().unwrap());
                let w = op["width"].as_f64().unwrap();
                let left = match op["align"].as_str() {
                    Some("l") => x,
                    Some("r") => x - w,
                    _ => x - w / 2.0,
                };
                let line = (left, y - 0.2 * size, left + w, y + 0.75 * size);
                rect = Some(match rect {
                    None => line,
                    Some(r) => (
                        r.0.min(line.0),
                        r.1.min(line.1),
                        r.2.max(line.2),
                        r.3.max(line.3),
                    ),
                });
                text.push(op["text"].as_str().unwrap_or_default().to_owned());
            }
            _ => {}
        }
    }
    rect.map(|r| (r, text.join(" / ")))
}

/// A drawn edge: tail, head, points along the spline.
type Path = (String, String, Vec<(f64, f64)>);

/// The visible edges of a layout.
fn edge_paths(layout: &serde_json::Value) -> Vec<Path> {
    let objects = layout["objects"].as_array().cloned().unwrap_or_default();
    let name = |id: &serde_json::Value| {
        let id = id.as_u64().unwrap() as usize;
        objects[id]["name"].as_str().unwrap_or_default().to_owned()
    };
    let mut paths = Vec::new();
    for edge in layout["edges"].as_array().into_iter().flatten() {
        if edge["style"] == "invis" {
            continue;
        }
        let mut points = Vec::new();
        for op in edge["_draw_"].as_array().into_iter().flatten() {
            if op["op"] != "b" {
                continue;
            }
            let controls: Vec<(f64, f64)> = op["points"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                .collect();
            for piece in controls.windows(4).step_by(3) {
                let [p0, p1, p2, p3] = [piece[0], piece[1], piece[2], piece[3]];
                for i in 0..=32 {
                    let t = f64::from(i) / 32.0;
                    let u = 1.0 - t;
                    let at = |a: f64, b: f64, c: f64, d: f64| {
                        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
                    };
                    points.push((at(p0.0, p1.0, p2.0, p3.0), at(p0.1, p1.1, p2.1, p3.1)));
                }
            }
        }
        paths.push((name(&edge["tail"]), name(&edge["head"]), points));
    }
    paths
}

/// Every visible edge that runs through one of the texts `texts`, in words.
fn edges_through(layout: &serde_json::Value, texts: &[(Rect, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (tail, head, points) in edge_paths(layout) {
        for ((left, bottom, right, top), text) in texts {
            let inside = |&(x, y): &(f64, f64)| {
                x > left + 1.0 && x < right - 1.0 && y > bottom + 1.0 && y < top - 1.0
            };
            if points.iter().any(inside) {
                found.push(format!("{tail} -> {head} runs through {text:?}"));
            }
        }
    }
    found
}

/// The texts that title the meetings in the meetings view: the labels of
/// the meeting clusters and of the nodes that title them.
fn meeting_titles(layout: &serde_json::Value) -> Vec<(Rect, String)> {
    layout["objects"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| {
            let name = o["name"].as_str().unwrap_or_default();
            name.starts_with("cluster_m:") || name.ends_with("/title")
        })
        .filter_map(text_rect)
        .collect()
}

#[test]
fn no_line_between_meetings_crosses_a_title() {
    if !graphviz() {
        return;
    }
    // The check finds a line through a cluster's own label, as the meetings
    // view drew them before its titles became nodes.
    let old_style = "digraph { subgraph \"cluster_m:a\" { label=\"A meeting with a long title\\n2025-08-15\"; \"m:a/x\"; } \
                     subgraph \"cluster_m:b\" { label=\"Another meeting, with a long title\\n2025-08-18\"; \"m:b/x\"; } \
                     \"m:a/x\" -> \"m:b/x\"; }";
    let old = layout(old_style);
    assert!(!edges_through(&old, &meeting_titles(&old)).is_empty());

    let graph = datasets::washington_2025();
    for options in [
        DotOptions::new(View::Meetings),
        DotOptions::new(View::Meetings).as_of(date("2025-08-18")),
        DotOptions::new(View::Meetings).without_legend(),
        DotOptions::new(View::Meetings).rankdir(RankDir::LeftToRight),
        DotOptions::new(View::Meetings).actor_kind(ActorKind::Person),
    ] {
        let drawn = layout(&graph.to_dot(options.clone()).to_string());
        let titles = meeting_titles(&drawn);
        assert_eq!(
            titles.len(),
            graph.meetings(diplograph::MeetingQuery::all()).count()
        );
        let crossings = edges_through(&drawn, &titles);
        assert!(crossings.is_empty(), "{options:?}: {crossings:#?}");
    }
}

#[test]
fn the_legend_is_compact_and_its_lines_readable() {
    let graph = datasets::washington_2025();
    let trump = graph.find_actor("Trump").unwrap();
    let views = [
        DotOptions::new(View::All),
        DotOptions::new(View::Actor(trump)).depth(2),
    ];
    for options in &views {
        let dot = graph.to_dot(options.clone()).to_string();
        let legend = cluster(&dot, "cluster_legend");
        // Columns of at most four shapes, side by side.
        let ranks: Vec<&str> = legend
            .lines()
            .filter(|l| l.contains("rank=\"same\""))
            .collect();
        assert!(ranks.len() >= 2, "{legend}");
        for rank in &ranks {
            assert!(rank.matches("\"legend:").count() <= 4, "{rank}");
        }
        // The lines in one table: a stroke in the line's colour and style
        // beside dark text.
        let lines = line_with(legend, &["\"legend:lines\" [label=<<table"]);
        for (stroke, meaning) in [
            ("style=\"solid\" color=\"#90a4ae\"", "took part (role)"),
            (
                "style=\"dotted\" color=\"#90a4ae\"",
                "represents, member of, office",
            ),
            ("style=\"dashed\" color=\"#37474f\"", "earlier position"),
            ("style=\"solid\" color=\"#2e7d32\"", "supports"),
        ] {
            assert!(lines.contains(stroke), "{stroke} in {lines}");
            assert!(
                lines.contains(&format!(">{meaning}</td>")),
                "{meaning} in {lines}"
            );
        }
        assert!(
            !lines.contains("fontcolor"),
            "the text keeps the ink colour"
        );
        if !graphviz() {
            continue;
        }
        // Drawn: the legend takes a band at most a fifth of the height (a
        // column of every entry took two fifths), and the meanings are
        // written in ink.
        let drawn = layout(&dot);
        let height = |bb: &serde_json::Value| {
            let n = numbers(bb);
            n[3] - n[1]
        };
        let whole = height(&drawn["bb"]);
        let box_ = drawn["objects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "cluster_legend")
            .expect("a legend");
        let share = height(&box_["bb"]) / whole;
        assert!(
            share < 0.2,
            "{options:?}: the legend takes {share:.2} of the height"
        );
        let picture = svg(&dot);
        assert!(
            picture.contains("fill=\"#37474f\">took part (role)</text>"),
            "{picture}"
        );
    }
    // Top to bottom, the legend is one row.
    let meetings = graph.to_dot(View::Meetings).to_string();
    let legend = cluster(&meetings, "cluster_legend");
    let row = line_with(legend, &["rank=\"same\""]);
    assert_eq!(
        row.matches("\"legend:").count(),
        legend.matches(", tooltip=\"legend\"];").count()
    );
    assert!(legend.contains("same actor, next meeting"));
}

#[test]
fn ties_stand_before_the_actors_they_tie() {
    // Written from the state or organisation back to the person, so that
    // Graphviz puts them in a column of their own rather than among the
    // meetings and stances; the arrow still points at the target.
    let graph = datasets::washington_2025();
    let dot = graph.to_dot(View::All).to_string();
    for (target, actor) in [
        ("united-states", "trump"),
        ("nato", "rutte"),
        ("russia", "putin"),
    ] {
        let tie = line_with(
            &dot,
            &[&format!(
                "\"a:{target}\" -> \"a:{actor}\" [label=\"represents"
            )],
        );
        assert!(tie.contains("dir=\"back\", arrowtail=\"empty\""), "{tie}");
        assert!(!dot.contains(&format!("\"a:{actor}\" -> \"a:{target}\"")));
    }
    assert!(dot.contains("nodesep=\"0.4\""));
}

// ----- the pictures in the docs -------------------------------------------------

/// The documented commands' DOT, as committed beside the SVGs.
fn docs_pictures() -> Vec<(&'static str, String)> {
    let graph = datasets::washington_2025();
    let ceasefire = graph.find_stance("ceasefire").unwrap();
    vec![
        (
            "docs/img/ceasefire-stance",
            graph
                .to_dot(DotOptions::new(View::Stance(ceasefire)).as_of(date("2025-08-18")))
                .to_string(),
        ),
        (
            "docs/img/meetings",
            graph.to_dot(View::Meetings).to_string(),
        ),
    ]
}

#[test]
fn the_pictures_in_the_docs_are_up_to_date() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (name, dot) in docs_pictures() {
        let committed = std::fs::read_to_string(format!("{root}/{name}.dot")).unwrap();
        assert_eq!(
            committed, dot,
            "{name}.dot is stale: regenerate it with the commands in docs/graphviz.md"
        );
        let picture = std::fs::read_to_string(format!("{root}/{name}.svg")).unwrap();
        // With the Graphviz version that drew it, the SVG comes out the same.
        if !graphviz() {
            continue;
        }
        let version = String::from_utf8(Command::new("dot").arg("-V").output().unwrap().stderr)
            .unwrap_or_default();
        let drawn_with = picture
            .lines()
            .find_map(|l| l.strip_prefix("<!-- Generated by graphviz version "))
            .unwrap_or("?");
        if version.contains(drawn_with.trim()) {
            assert_eq!(svg(&dot), picture, "{name}.svg is stale");
        } else {
            eprintln!(
                "{name}.svg was drawn by Graphviz {drawn_with}; not comparing with {version}"
            );
        }
    }
}

// ----- the command line -----------------------------------------------------------

#[cfg(feature = "cli")]
mod cli {
    use std::process::{Command, Output};

    use super::{graphviz, svg};

    fn run(args: &[&str], path: Option<&str>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_diplograph"));
        command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
        if let Some(path) = path {
            command.env("PATH", path);
        }
        command.output().expect("the diplograph binary runs")
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    }

    #[test]
    fn dot_writes_the_stance_view_found_by_name() {
        let out = run(
            &[
                "dot",
                "--view",
                "stance",
                "--stance",
                "CEASEFIRE",
                "--as-of",
                "2025-08-18",
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let dot = text(&out.stdout);
        assert!(dot.starts_with("digraph \"diplograph\" {"));
        assert!(dot.contains("\"s:ceasefire-first\" -> \"a:trump\""));
        assert_eq!(
            dot,
            super::docs_pictures()[0].1,
            "the documented command gives the committed picture"
        );
    }

    #[test]
    fn dot_views_need_their_arguments() {
        for (args, message) in [
            (
                &["dot", "--view", "stance"][..],
                "--view stance needs --stance",
            ),
            (
                &["dot", "--view", "actor"][..],
                "--view actor needs --actor",
            ),
            (
                &["dot", "--view", "all", "--stance", "x"][..],
                "--stance applies only",
            ),
            (
                &["dot", "--view", "meetings", "--actor", "x"][..],
                "--actor applies only",
            ),
        ] {
            let out = run(args, None);
            assert_eq!(out.status.code(), Some(2));
            assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
        }
        let out = run(&["dot", "--view", "actor", "--actor", "Zelenskky"], None);
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).contains("did you mean `zelenskyy`?"));
        let out = run(&["dot", "--view", "all", "--as-of", "2025-02-30"], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("February 2025 has 28 days"));
    }

    #[test]
    fn dot_renders_svg_and_png_to_a_file() {
        let dir = std::env::temp_dir().join(format!("diplograph-dot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dot_file = dir.join("meetings.dot");
        let out = run(
            &[
                "dot",
                "--view",
                "meetings",
                "-o",
                dot_file.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout.is_empty());
        let dot = std::fs::read_to_string(&dot_file).unwrap();
        assert!(dot.contains("cluster_m:trilateral-proposed"));
        if graphviz() {
            let svg_file = dir.join("zelenskyy.svg");
            let out = run(
                &[
                    "dot",
                    "--view",
                    "actor",
                    "--actor",
                    "zelensky",
                    "--depth",
                    "2",
                    "--format",
                    "svg",
                    "-o",
                    svg_file.to_str().unwrap(),
                ],
                None,
            );
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
            let picture = std::fs::read_to_string(&svg_file).unwrap();
            assert!(picture.starts_with("<?xml") && picture.contains("Vladimir Putin"));
            let out = run(
                &["dot", "--view", "all", "--format", "png", "--no-legend"],
                None,
            );
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            assert!(out.stdout.starts_with(b"\x89PNG\r\n\x1a\n"));
            svg(&dot);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_dot_program_is_named() {
        let out = run(&["dot", "--view", "all", "--format", "svg"], Some(""));
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert!(
            err.contains("cannot run `dot`, the Graphviz program"),
            "{err}"
        );
        assert!(err.contains("--format dot"));
        // DOT itself needs no Graphviz.
        let out = run(&["dot", "--view", "all"], Some(""));
        assert_eq!(out.status.code(), Some(0));
    }
}
