//! The C ABI (`apim_*`): an adapter over the safe core. SKELETON: the FFI helper adds the
//! boundary, status, strings and one file per resource.
