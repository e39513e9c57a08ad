//! Model tests: wire contracts and every validation rule (the validation table run against model, client and emulator too).
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../common/validation_table.rs"]
mod validation_table;

mod graph;
mod round_trip;
mod rules;
mod validation;
mod address_patterns;
mod body_text;
