//! TODO: tls wire contract.
