//! The `diplograph` command line.

fn main() {}
