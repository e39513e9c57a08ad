//! OData `$filter`: one tokenizer and one parser (`filter`) serving both dialects, ARM backends
//! and Graph apiConnectors, each naming its fields, operators and functions; bounded by `limits`.

pub mod filter;
mod tokens;
