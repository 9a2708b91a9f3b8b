//! The CAMEO event codes, with their labels and Goldstein scores, shipped as
//! data inside the crate.
//!
//! Labels follow the CAMEO 1.1b3 manual (as in the machine-readable codebook
//! of the `icews` R package). GDELT's own lookup `CAMEO.eventcodes.txt`
//! mislabels `101` and `105`–`108` (its labels are shifted by one line and
//! `106` has no line of its own), garbles `044` and has typos; the manual's
//! labels fix all of these. Goldstein scores are GDELT's
//! (`CAMEO.goldsteinscale.txt`), which GDELT rows also carry; the manual's
//! scores differ for five codes (`016`, `022`, `164`, `165`, and `1213`,
//! which GDELT lacks and which takes the manual's −4). The country, group and
//! role names used for actors come from GDELT's lookups (cited in
//! `docs/event-data.md`: GDELT Project, <https://www.gdeltproject.org/>).
//!
//! ```
//! use diplograph::import::cameo;
//!
//! let visit = cameo::event("042").unwrap();
//! assert_eq!(visit.label, "Make a visit");
//! assert_eq!(visit.goldstein, 1.9);
//! assert_eq!(cameo::event("106").unwrap().label, "Demand meeting, negotiation");
//! assert!(cameo::event("999").is_none());
//! ```

#[path = "cameo_table.rs"]
mod table;

/// One CAMEO event code: its code, its label and its Goldstein score.
///
/// ```
/// let e = diplograph::import::cameo::event("0871").unwrap();
/// assert_eq!((e.code, e.label), ("0871", "Declare truce, ceasefire"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct CameoEvent {
    /// The code, two to four digits: `04`, `042`, `0871`.
    pub code: &'static str,
    /// The label from the CAMEO 1.1b3 manual.
    pub label: &'static str,
    /// The Goldstein score, from −10 (most conflictual) to +10.
    pub goldstein: f32,
}

/// The event with this code, if CAMEO has it.
///
/// Costs a binary search over the 312 codes.
///
/// ```
/// assert_eq!(diplograph::import::cameo::event("125").unwrap().goldstein, -5.0);
/// ```
pub fn event(code: &str) -> Option<CameoEvent> {
    let i = table::TABLE
        .binary_search_by(|(c, _, _)| (*c).cmp(code))
        .ok()?;
    table::TABLE
        .get(i)
        .map(|&(code, label, goldstein)| CameoEvent {
            code,
            label,
            goldstein,
        })
}

/// Every CAMEO event code, sorted by code (as text: `01`, `010`, `011`, ...).
///
/// ```
/// let all: Vec<_> = diplograph::import::cameo::events().collect();
/// assert_eq!(all.len(), 312);
/// ```
pub fn events() -> impl ExactSizeIterator<Item = CameoEvent> {
    table::TABLE
        .iter()
        .map(|&(code, label, goldstein)| CameoEvent {
            code,
            label,
            goldstein,
        })
}

/// The name of a CAMEO country or region code (`RUS` → "Russia").
///
/// ```
/// assert_eq!(diplograph::import::cameo::country("RUS"), Some("Russia"));
/// assert_eq!(diplograph::import::cameo::country("XYZ"), None);
/// ```
pub fn country(code: &str) -> Option<&'static str> {
    lookup(table::COUNTRIES, code)
}

/// The name of a CAMEO known-group code (`UNO` → "United Nations").
///
/// ```
/// assert_eq!(diplograph::import::cameo::group("UNO"), Some("United Nations"));
/// ```
pub fn group(code: &str) -> Option<&'static str> {
    lookup(table::GROUPS, code)
}

/// The name of a CAMEO actor role or type code (`GOV` → "Government").
///
/// ```
/// assert_eq!(diplograph::import::cameo::role("GOV"), Some("Government"));
/// ```
pub fn role(code: &str) -> Option<&'static str> {
    lookup(table::ROLES, code)
}

/// The CAMEO code of a country name, ignoring case (`"russia"` → `RUS`),
/// with a few spellings ICEWS uses ("Russian Federation").
///
/// ```
/// assert_eq!(diplograph::import::cameo::country_code("Russian Federation"), Some("RUS"));
/// assert_eq!(diplograph::import::cameo::country_code("united states"), Some("USA"));
/// ```
pub fn country_code(name: &str) -> Option<&'static str> {
    const ALIASES: &[(&str, &str)] = &[
        ("russian federation", "RUS"),
        ("occupied palestinian territory", "PSE"),
        ("united states of america", "USA"),
        ("czech republic", "CZE"),
        ("syrian arab republic", "SYR"),
        ("iran (islamic republic of)", "IRN"),
        ("democratic republic of congo", "COD"),
        ("congo, the democratic republic of the", "COD"),
        ("korea, republic of", "KOR"),
        ("korea, democratic people's republic of", "PRK"),
        ("viet nam", "VNM"),
        ("turkiye", "TUR"),
    ];
    let name = name.trim();
    if let Some((_, code)) = ALIASES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Some(code);
    }
    table::COUNTRIES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|(c, _)| *c)
}

fn lookup(table: &'static [(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    let i = table.binary_search_by(|(c, _)| (*c).cmp(code)).ok()?;
    table.get(i).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_labels_fix_gdelt_shift() {
        let label = |c| event(c).map(|e| e.label);
        assert_eq!(label("101"), Some("Demand material cooperation"));
        assert_eq!(label("105"), Some("Demand that target yields"));
        assert_eq!(label("106"), Some("Demand meeting, negotiation"));
        assert_eq!(label("107"), Some("Demand settling of dispute"));
        assert_eq!(label("108"), Some("Demand mediation"));
        assert_eq!(label("044"), Some("Meet at a 'third' location"));
    }

    #[test]
    fn tables_are_sorted() {
        assert!(table::TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table::COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table::GROUPS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table::ROLES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
