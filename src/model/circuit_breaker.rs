//! TODO: circuit_breaker wire contract.
