//! JSON pointers as the sync files use them: one key escaped, and a pointer shown as a dotted path.

/// JSON pointer escaping of one key.
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A JSON pointer as a dotted path (`/credentials/header/x-key` -> `credentials.header.x-key`).
pub fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for raw in pointer.split('/').skip(1) {
        let key = raw.replace("~1", "/").replace("~0", "~");
        let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '@');
        if plain {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&key);
        } else {
            out.push_str(&format!("['{}']", key.replace('\'', "\\'")));
        }
    }
    out
}
