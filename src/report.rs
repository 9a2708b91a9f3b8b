//! A plain-text report of a graph: who stands where on each stance, and the
//! meetings in date order.
