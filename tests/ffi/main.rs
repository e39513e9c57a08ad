//! C ABI tests: every exported function called as C would, the header, the C and Mono consumers.
//! One test binary per layer (each former test file is a module), so the library is linked
//! once per layer rather than once per file.

#[path = "../ffi_support/mod.rs"]
mod ffi_support;
#[path = "../ffi_tools/mod.rs"]
mod ffi_tools;
#[path = "../graph_support/mod.rs"]
mod graph_support;

mod backend_ops;
mod builders;
mod c_program;
mod caller_thread;
mod cancel;
mod emulator_survives;
mod graph;
mod guards;
mod header;
mod mono;
mod session;
mod sync;
