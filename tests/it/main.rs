//! Integration tests: one binary, a module per area.

// Tests may unwrap and index freely: a panic is a test failure with its message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod ask;
mod cli;
mod dataset;
mod dot;
mod errors;
mod events;
mod props;
mod questions;
mod store;
mod time;
