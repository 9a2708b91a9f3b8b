//! Integration tests: one binary, a module per area.

mod cli;
mod dataset;
mod questions;
mod store;
mod time;
