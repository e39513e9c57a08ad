//! TODO: service_fabric wire contract.
