//! The list operation's `$filter`: the documented fields `name`, `title`, `url`, the operators
//! `eq ne gt ge lt le`, the functions `substringof contains startswith endswith`, combined with
//! `and` / `or` / `not` and parentheses (`and` binds tighter than `or`, `not` tightest).
//!
//! Hand-written on purpose: the one maintained crate (odata-params 0.4) parses `a and b or c` as
//! `a and (b or c)` and `not a and b` as `not (a and b)`, and pulls in chrono-tz and bigdecimal
//! for literals this filter never has. This grammar is small enough to keep exact.
//!
//! String comparisons ignore case (APIM compares resource names case-insensitively).

use super::limits::{check_filter_size, depth_exceeded, MAX_FILTER_DEPTH};
use super::odata_tokens::{tokenize, Kind, Token};
use serde_json::Value;

/// A filterable field of a backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Title,
    Url,
}

impl Field {
    fn parse(word: &str) -> Option<Field> {
        match word.to_ascii_lowercase().as_str() {
            "name" => Some(Field::Name),
            "title" => Some(Field::Title),
            "url" => Some(Field::Url),
            _ => None,
        }
    }

    /// The field's value in a stored backend entity (`name` is the backend id).
    fn value_in(self, entity: &Value) -> Option<String> {
        let v = match self {
            Field::Name => entity.get("name"),
            Field::Title => entity.pointer("/properties/title"),
            Field::Url => entity.pointer("/properties/url"),
        };
        v.and_then(Value::as_str).map(str::to_string)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

impl Op {
    fn parse(word: &str) -> Option<Op> {
        match word.to_ascii_lowercase().as_str() {
            "eq" => Some(Op::Eq),
            "ne" => Some(Op::Ne),
            "gt" => Some(Op::Gt),
            "ge" => Some(Op::Ge),
            "lt" => Some(Op::Lt),
            "le" => Some(Op::Le),
            _ => None,
        }
    }

    /// `'x' lt name` is `name gt 'x'`.
    fn flipped(self) -> Op {
        match self {
            Op::Gt => Op::Lt,
            Op::Ge => Op::Le,
            Op::Lt => Op::Gt,
            Op::Le => Op::Ge,
            other => other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Contains,
    StartsWith,
    EndsWith,
}

/// A parsed filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    /// `field op literal`; `None` is the `null` literal.
    Compare(Field, Op, Option<String>),
    /// A string function; `negate` comes from `... eq false`.
    Call { function: Function, field: Field, text: String, negate: bool },
}

impl Filter {
    /// Parses `$filter`; the error message names the unsupported part and where it is.
    pub fn parse(text: &str) -> Result<Filter, String> {
        check_filter_size(text)?;
        let tokens = tokenize(text)?;
        let mut p = Parser { tokens, pos: 0, depth: 0 };
        let f = p.or()?;
        match p.peek() {
            None => Ok(f),
            Some(t) => Err(format!("unexpected {} at position {}", t.kind.describe(), t.at)),
        }
    }

    pub fn matches(&self, entity: &Value) -> bool {
        match self {
            Filter::And(a, b) => a.matches(entity) && b.matches(entity),
            Filter::Or(a, b) => a.matches(entity) || b.matches(entity),
            Filter::Not(a) => !a.matches(entity),
            Filter::Compare(field, op, literal) => compare(field.value_in(entity), *op, literal.as_deref()),
            Filter::Call { function, field, text, negate } => {
                let hit = match field.value_in(entity) {
                    None => false,
                    Some(v) => {
                        let (v, t) = (v.to_lowercase(), text.to_lowercase());
                        match function {
                            Function::Contains => v.contains(&t),
                            Function::StartsWith => v.starts_with(&t),
                            Function::EndsWith => v.ends_with(&t),
                        }
                    }
                };
                hit != *negate
            }
        }
    }
}

fn compare(value: Option<String>, op: Op, literal: Option<&str>) -> bool {
    match (value, literal) {
        (None, None) => matches!(op, Op::Eq | Op::Ge | Op::Le),
        (Some(_), None) | (None, Some(_)) => op == Op::Ne,
        (Some(v), Some(l)) => {
            let ord = v.to_lowercase().cmp(&l.to_lowercase());
            match op {
                Op::Eq => ord.is_eq(),
                Op::Ne => ord.is_ne(),
                Op::Gt => ord.is_gt(),
                Op::Ge => ord.is_ge(),
                Op::Lt => ord.is_lt(),
                Op::Le => ord.is_le(),
            }
        }
    }
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    /// Parentheses and `not` currently open.
    depth: usize,
}

/// One side of a comparison.
enum Operand {
    Field(Field),
    Literal(Option<String>),
    /// `true` / `false`: only meaningful after a function call.
    Bool,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Result<Token, String> {
        let t = self.tokens.get(self.pos).cloned().ok_or_else(|| "unexpected end of the filter".to_string())?;
        self.pos += 1;
        Ok(t)
    }

    fn peek_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token { kind: Kind::Word(w), .. }) if w.eq_ignore_ascii_case(word))
    }

    fn expect(&mut self, kind: Kind) -> Result<(), String> {
        let Some(t) = self.peek().cloned() else {
            return Err(format!("expected {} but the filter ended", kind.describe()));
        };
        self.pos += 1;
        if t.kind == kind {
            Ok(())
        } else {
            Err(format!("expected {} at position {} but found {}", kind.describe(), t.at, t.kind.describe()))
        }
    }

    fn or(&mut self) -> Result<Filter, String> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.pos += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, String> {
        let mut left = self.unary()?;
        while self.peek_word("and") {
            self.pos += 1;
            left = Filter::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    /// Runs `parse` one nesting level deeper, refusing input nested beyond [`MAX_FILTER_DEPTH`]
    /// (the parser recurses per level; unbounded input would overflow the stack).
    fn nested(&mut self, parse: impl FnOnce(&mut Self) -> Result<Filter, String>) -> Result<Filter, String> {
        self.depth += 1;
        if self.depth > MAX_FILTER_DEPTH {
            return Err(depth_exceeded());
        }
        let result = parse(self);
        self.depth -= 1;
        result
    }

    fn unary(&mut self) -> Result<Filter, String> {
        if self.peek_word("not") {
            self.pos += 1;
            return self.nested(|p| Ok(Filter::Not(Box::new(p.unary()?))));
        }
        if matches!(self.peek(), Some(Token { kind: Kind::Open, .. })) {
            self.pos += 1;
            return self.nested(|p| {
                let inner = p.or()?;
                p.expect(Kind::Close)?;
                Ok(inner)
            });
        }
        let is_call = matches!(self.tokens.get(self.pos + 1), Some(Token { kind: Kind::Open, .. }));
        if is_call {
            let call = self.call()?;
            // `startswith(name,'a') eq true` is the OData v2 spelling of the same test.
            if let Some(Token { kind: Kind::Word(w), at }) = self.peek().cloned() {
                if let Some(op) = Op::parse(&w) {
                    self.pos += 1;
                    let t = self.next()?;
                    let value = match &t.kind {
                        Kind::Word(b) if b.eq_ignore_ascii_case("true") => true,
                        Kind::Word(b) if b.eq_ignore_ascii_case("false") => false,
                        _ => return Err(format!("a function result can only be compared with true or false (position {})", t.at)),
                    };
                    let negate = match op {
                        Op::Eq => !value,
                        Op::Ne => value,
                        _ => return Err(format!("operator '{w}' at position {at} cannot compare a function result; use eq or ne")),
                    };
                    return Ok(match call {
                        Filter::Call { function, field, text, negate: n } => {
                            Filter::Call { function, field, text, negate: n != negate }
                        }
                        other => other,
                    });
                }
            }
            return Ok(call);
        }
        self.comparison()
    }

    fn call(&mut self) -> Result<Filter, String> {
        let t = self.next()?;
        let Kind::Word(name) = &t.kind else {
            return Err(format!("expected a function name at position {}", t.at));
        };
        let function = match name.to_ascii_lowercase().as_str() {
            "contains" | "substringof" => Function::Contains,
            "startswith" => Function::StartsWith,
            "endswith" => Function::EndsWith,
            _ => {
                return Err(format!(
                    "function '{name}' at position {} is not supported; use substringof, contains, startswith or endswith",
                    t.at
                ))
            }
        };
        self.expect(Kind::Open)?;
        let first = self.operand()?;
        self.expect(Kind::Comma)?;
        let second = self.operand()?;
        self.expect(Kind::Close)?;
        // substringof('text', field) has its arguments the other way round from contains(field, 'text').
        let (field_arg, text_arg) =
            if name.eq_ignore_ascii_case("substringof") { (second, first) } else { (first, second) };
        match (field_arg, text_arg) {
            (Operand::Field(field), Operand::Literal(Some(text))) => Ok(Filter::Call { function, field, text, negate: false }),
            _ => Err(format!(
                "{name}() at position {} takes a field (name, title, url) and a string literal{}",
                t.at,
                if name.eq_ignore_ascii_case("substringof") { ", in the order substringof('text', field)" } else { "" }
            )),
        }
    }

    fn comparison(&mut self) -> Result<Filter, String> {
        let start = self.peek().map(|t| t.at).unwrap_or(0);
        let left = self.operand()?;
        let t = self.next()?;
        let op = match &t.kind {
            Kind::Word(w) => Op::parse(w).ok_or_else(|| {
                format!("operator '{w}' at position {} is not supported; use eq, ne, gt, ge, lt or le", t.at)
            })?,
            other => return Err(format!("expected an operator at position {} but found {}", t.at, other.describe())),
        };
        let right = self.operand()?;
        match (left, right) {
            (Operand::Field(f), Operand::Literal(l)) => Ok(Filter::Compare(f, op, l)),
            (Operand::Literal(l), Operand::Field(f)) => Ok(Filter::Compare(f, op.flipped(), l)),
            _ => Err(format!("the comparison at position {start} must compare a field (name, title, url) with a string literal or null")),
        }
    }

    fn operand(&mut self) -> Result<Operand, String> {
        let t = self.next()?;
        match t.kind {
            Kind::Str(s) => Ok(Operand::Literal(Some(s))),
            Kind::Word(w) if w.eq_ignore_ascii_case("null") => Ok(Operand::Literal(None)),
            Kind::Word(w) if w.eq_ignore_ascii_case("true") || w.eq_ignore_ascii_case("false") => Ok(Operand::Bool),
            Kind::Word(w) if w.starts_with(|c: char| c.is_ascii_digit()) => {
                Err(format!("literal {w} at position {} must be a string in single quotes", t.at))
            }
            Kind::Word(w) => Field::parse(&w).map(Operand::Field).ok_or_else(|| {
                format!("field '{w}' at position {} is not supported; filter on name, title or url", t.at)
            }),
            other => Err(format!("expected a field or a string at position {} but found {}", t.at, other.describe())),
        }
        .and_then(|o| match o {
            Operand::Bool => Err(format!("a boolean at position {} can only follow a function call", t.at)),
            o => Ok(o),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn b(name: &str, title: Option<&str>, url: &str) -> Value {
        json!({"name": name, "properties": {"title": title, "url": url}})
    }

    #[test]
    fn precedence_and_binds_tighter_than_or_and_not_is_tightest() {
        let e = b("a", Some("t"), "https://x");
        // false and false or true -> true with correct precedence (false with a right fold).
        assert!(Filter::parse("name eq 'z' and title eq 'z' or url eq 'https://x'").unwrap().matches(&e));
        // not (name eq 'a') and title eq 't' -> false and true -> false; not(a and b) would be false too,
        // so test the case that differs: not name eq 'z' and title eq 'z' -> true and false -> false,
        // while not(name eq 'z' and title eq 'z') would be true.
        assert!(!Filter::parse("not name eq 'z' and title eq 'z'").unwrap().matches(&e));
    }

    #[test]
    fn functions_and_null() {
        let e = b("Alpha", None, "https://contoso.com/api");
        assert!(Filter::parse("substringof('TOSO', url)").unwrap().matches(&e));
        assert!(Filter::parse("startswith(name,'al') eq true").unwrap().matches(&e));
        assert!(!Filter::parse("endswith(url,'api') eq false").unwrap().matches(&e));
        assert!(Filter::parse("title eq null").unwrap().matches(&e));
        assert!(Filter::parse("'b' gt name").unwrap().matches(&e));
    }

    #[test]
    fn unsupported_parts_are_named() {
        assert!(Filter::parse("description eq 'x'").unwrap_err().contains("'description'"));
        assert!(Filter::parse("name has 'x'").unwrap_err().contains("'has'"));
        assert!(Filter::parse("tolower(name) eq 'x'").unwrap_err().contains("'tolower'"));
        assert!(Filter::parse("name eq 'x").unwrap_err().contains("unterminated"));
        assert!(Filter::parse("(name eq 'x'").is_err());
    }
}
