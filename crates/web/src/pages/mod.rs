//! One component per page type, each following a GOV.UK Design System pattern.

pub mod compare;
pub mod outcome;
pub mod question;
pub mod start;
pub mod verdict;
