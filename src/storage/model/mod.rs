//! What both stores take and return, defined once: rows as domain types (`rows.rs`), the rows
//! of an export (`export.rs`), and the decoding of raw columns (`columns.rs`, `decode.rs`).

pub(super) mod columns;
pub(super) mod decode;
mod export;
mod rows;

pub use export::*;
pub use rows::*;
