//! TODO: proxy wire contract.
