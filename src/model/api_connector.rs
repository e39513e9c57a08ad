//! TODO: api_connector wire contract.
