//! The one `$filter` parser, for both route families. A dialect (ARM backends, Graph
//! apiConnectors) names its fields and says which operators (`eq ne gt ge lt le`) and functions
//! (`substringof contains startswith endswith`) it accepts and whether it has the OData v2 extras
//! (`not`, `null`, a literal on the left, `startswith(...) eq true`); the grammar is shared:
//! `and` binds tighter than `or`, `not` tightest, parentheses group.
//!
//! Hand-written on purpose: the one maintained crate (odata-params 0.4) parses `a and b or c` as
//! `a and (b or c)` and `not a and b` as `not (a and b)`, and pulls in chrono-tz and bigdecimal
//! for literals these filters never have. This grammar is small enough to keep exact.
//!
//! String comparisons ignore case (APIM compares resource names case-insensitively, and directory
//! queries ignore case too). Length and nesting are bounded by `limits`, for every dialect.

use super::tokens::{tokenize, Kind, Token};
use crate::emulator::limits::{check_filter_size, depth_exceeded, MAX_FILTER_DEPTH};
use serde_json::Value;
use std::fmt::Debug;

/// What one route family's `$filter` may say. Implemented by the family's field enum.
pub trait Dialect: Copy + PartialEq + Debug + Sized {
    /// The field a word names (any case), if it is filterable.
    fn field(word: &str) -> Option<Self>;
    /// The field's text in a stored entity; `None` compares as `null`.
    fn value_in(self, entity: &Value) -> Option<String>;
    /// The filterable fields, for error messages: `"name, title or url"`.
    const FIELDS: &'static str;
    const OPERATORS: &'static [Op];
    /// Function names (lower case) and what each tests.
    const FUNCTIONS: &'static [(&'static str, Function)];
    /// `not`, the `null` literal, a literal on the left and `fn(...) eq true|false`.
    const V2_EXTRAS: bool;
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
    pub const ALL: &'static [Op] = &[Op::Eq, Op::Ne, Op::Gt, Op::Ge, Op::Lt, Op::Le];

    fn word(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::Lt => "lt",
            Op::Le => "le",
        }
    }

    fn parse(word: &str) -> Option<Op> {
        Op::ALL.iter().copied().find(|op| op.word().eq_ignore_ascii_case(word))
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
    /// `contains(field,'text')`; `substringof('text',field)` takes its arguments the other way round.
    Contains,
    SubstringOf,
    StartsWith,
    EndsWith,
}

/// A parsed filter over the fields `F` of one dialect.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter<F> {
    And(Box<Filter<F>>, Box<Filter<F>>),
    Or(Box<Filter<F>>, Box<Filter<F>>),
    Not(Box<Filter<F>>),
    /// `field op literal`; `None` is the `null` literal.
    Compare(F, Op, Option<String>),
    /// A string function; `negate` comes from `... eq false`.
    Call { function: Function, field: F, text: String, negate: bool },
}

impl<F: Dialect> Filter<F> {
    /// Parses `$filter`; the error message names the unsupported part and where it is.
    pub fn parse(text: &str) -> Result<Filter<F>, String> {
        check_filter_size(text)?;
        let tokens = tokenize(text)?;
        let mut p = Parser::<F> { tokens, pos: 0, depth: 0, dialect: std::marker::PhantomData };
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
                            Function::Contains | Function::SubstringOf => v.contains(&t),
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

/// `a, b or c`.
fn one_of<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let words: Vec<&str> = words.collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

struct Parser<F> {
    tokens: Vec<Token>,
    pos: usize,
    /// Parentheses and `not` currently open.
    depth: usize,
    dialect: std::marker::PhantomData<F>,
}

/// One side of a comparison.
enum Operand<F> {
    Field(F),
    Literal(Option<String>),
    /// `true` / `false`: only meaningful after a function call.
    Bool,
}

impl<F: Dialect> Parser<F> {
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

    fn operator(&self, word: &str, at: usize) -> Result<Op, String> {
        Op::parse(word).filter(|op| F::OPERATORS.contains(op)).ok_or_else(|| {
            format!("operator '{word}' at position {at} is not supported; use {}", one_of(F::OPERATORS.iter().map(|op| op.word())))
        })
    }

    fn or(&mut self) -> Result<Filter<F>, String> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.pos += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter<F>, String> {
        let mut left = self.unary()?;
        while self.peek_word("and") {
            self.pos += 1;
            left = Filter::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    /// Runs `parse` one nesting level deeper, refusing input nested beyond [`MAX_FILTER_DEPTH`]
    /// (the parser recurses per level; unbounded input would overflow the stack).
    fn nested(&mut self, parse: impl FnOnce(&mut Self) -> Result<Filter<F>, String>) -> Result<Filter<F>, String> {
        self.depth += 1;
        if self.depth > MAX_FILTER_DEPTH {
            return Err(depth_exceeded());
        }
        let result = parse(self);
        self.depth -= 1;
        result
    }

    fn unary(&mut self) -> Result<Filter<F>, String> {
        if F::V2_EXTRAS && self.peek_word("not") {
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
            if !F::V2_EXTRAS {
                return Ok(call);
            }
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

    fn call(&mut self) -> Result<Filter<F>, String> {
        let t = self.next()?;
        let Kind::Word(name) = &t.kind else {
            return Err(format!("expected a function name at position {}", t.at));
        };
        let Some(&(_, function)) = F::FUNCTIONS.iter().find(|(word, _)| word.eq_ignore_ascii_case(name)) else {
            return Err(format!(
                "function '{name}' at position {} is not supported; use {}",
                t.at,
                one_of(F::FUNCTIONS.iter().map(|(word, _)| *word))
            ));
        };
        self.expect(Kind::Open)?;
        let first = self.operand()?;
        self.expect(Kind::Comma)?;
        let second = self.operand()?;
        self.expect(Kind::Close)?;
        let swapped = function == Function::SubstringOf;
        let (field_arg, text_arg) = if swapped { (second, first) } else { (first, second) };
        match (field_arg, text_arg) {
            (Operand::Field(field), Operand::Literal(Some(text))) => Ok(Filter::Call { function, field, text, negate: false }),
            _ => Err(format!(
                "{name}() at position {} takes a field ({}) and a string literal{}",
                t.at,
                F::FIELDS,
                if swapped { ", in the order substringof('text', field)" } else { "" }
            )),
        }
    }

    fn comparison(&mut self) -> Result<Filter<F>, String> {
        let start = self.peek().map(|t| t.at).unwrap_or(0);
        let left = self.operand()?;
        let t = self.next()?;
        let op = match &t.kind {
            Kind::Word(w) => self.operator(w, t.at)?,
            other => return Err(format!("expected an operator at position {} but found {}", t.at, other.describe())),
        };
        let right = self.operand()?;
        match (left, right) {
            (Operand::Field(f), Operand::Literal(l)) => Ok(Filter::Compare(f, op, l)),
            (Operand::Literal(l), Operand::Field(f)) if F::V2_EXTRAS => Ok(Filter::Compare(f, op.flipped(), l)),
            _ => Err(format!(
                "the comparison at position {start} must compare a field ({}) with a string literal{}",
                F::FIELDS,
                if F::V2_EXTRAS { " or null" } else { " on its right" }
            )),
        }
    }

    fn operand(&mut self) -> Result<Operand<F>, String> {
        let t = self.next()?;
        match t.kind {
            Kind::Str(s) => Ok(Operand::Literal(Some(s))),
            Kind::Word(w) if F::V2_EXTRAS && w.eq_ignore_ascii_case("null") => Ok(Operand::Literal(None)),
            Kind::Word(w) if F::V2_EXTRAS && (w.eq_ignore_ascii_case("true") || w.eq_ignore_ascii_case("false")) => Ok(Operand::Bool),
            Kind::Word(w) if w.starts_with(|c: char| c.is_ascii_digit()) => {
                Err(format!("literal {w} at position {} must be a string in single quotes", t.at))
            }
            Kind::Word(w) => F::field(&w).map(Operand::Field).ok_or_else(|| {
                format!("field '{w}' at position {} is not supported; filter on {}", t.at, F::FIELDS)
            }),
            other => Err(format!("expected a field or a string at position {} but found {}", t.at, other.describe())),
        }
        .and_then(|o| match o {
            Operand::Bool => Err(format!("a boolean at position {} can only follow a function call", t.at)),
            o => Ok(o),
        })
    }
}
