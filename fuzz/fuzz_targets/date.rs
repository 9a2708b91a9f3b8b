//! Any text given as a date: parsing never panics, and what parses prints
//! back as the same text and compares consistently.
#![no_main]

use diplograph::{PartialDate, Validity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = text.split_once('|').unwrap_or((text, "2025-08-18"));
    let (Ok(a), Ok(b)) = (a.parse::<PartialDate>(), b.parse::<PartialDate>()) else {
        return;
    };
    assert_eq!(a.to_string().parse::<PartialDate>().ok(), Some(a));
    assert_eq!(a.partial_cmp(&b).map(|o| o.reverse()), b.partial_cmp(&a));
    assert!(a.first_day().day_number() <= a.last_day().day_number());
    let _ = Validity::between(a, b).at(a);
});
