//! Shared validation helpers: collect every problem with its JSON path, never stop at the first.
