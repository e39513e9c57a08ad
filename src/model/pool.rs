//! TODO: pool wire contract.
