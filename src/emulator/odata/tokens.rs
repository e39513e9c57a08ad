//! The tokens of an OData `$filter`: words (fields, operators, keywords), single-quoted strings
//! (a doubled quote is a literal quote), parentheses and commas, each with its position so errors
//! can point at it.

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Word(String),
    Str(String),
    Open,
    Close,
    Comma,
}

impl Kind {
    pub fn describe(&self) -> String {
        match self {
            Kind::Word(w) => format!("'{w}'"),
            Kind::Str(s) => format!("string '{s}'"),
            Kind::Open => "'('".into(),
            Kind::Close => "')'".into(),
            Kind::Comma => "','".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: Kind,
    /// Character offset in the filter, for error messages.
    pub at: usize,
}

pub fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' | ')' | ',' => {
                let kind = match c {
                    '(' => Kind::Open,
                    ')' => Kind::Close,
                    _ => Kind::Comma,
                };
                out.push(Token { kind, at });
                i += 1;
            }
            '\'' => {
                // OData escapes a quote inside a string by doubling it.
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(format!("unterminated string starting at position {at}")),
                        Some((_, '\'')) if matches!(chars.get(i + 1), Some((_, '\''))) => {
                            s.push('\'');
                            i += 2;
                        }
                        Some((_, '\'')) => {
                            i += 1;
                            break;
                        }
                        Some((_, ch)) => {
                            s.push(*ch);
                            i += 1;
                        }
                    }
                }
                out.push(Token { kind: Kind::Str(s), at });
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' || c == '/' || c == '-' => {
                let mut w = String::new();
                while let Some((_, ch)) = chars.get(i) {
                    if ch.is_alphanumeric() || *ch == '_' || *ch == '.' || *ch == '/' || *ch == '-' {
                        w.push(*ch);
                        i += 1;
                    } else {
                        break;
                    }
                }
                out.push(Token { kind: Kind::Word(w), at });
            }
            other => return Err(format!("unexpected character '{other}' at position {at}")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_by_doubling_and_positions_are_kept() {
        let t = tokenize("name eq 'O''Brien'").unwrap();
        assert_eq!(t[2].kind, Kind::Str("O'Brien".into()));
        assert_eq!(t[2].at, 8);
        assert!(tokenize("name eq $").unwrap_err().contains("'$'"));
    }
}
