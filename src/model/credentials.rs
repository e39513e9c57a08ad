//! TODO: credentials wire contract.
