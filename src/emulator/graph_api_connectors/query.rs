//! The OData query options of the apiConnectors list and get: `$filter`, `$search`, `$orderby`,
//! `$select`, `$expand`, `$count`, `$top`, `$skip` and the `$skiptoken` of `@odata.nextLink`.
//! Anything outside what is supported is a 400 `Request_UnsupportedQuery` that says what is.
//!
//! `$filter` grammar (Graph's subset for this entity): comparisons `field eq|ne 'text'` and
//! `startswith(field,'text')` on `id`, `displayName`, `targetUrl`, joined with `and` / `or`
//! (`and` binds tighter) and parentheses. Text compares ignore case, as directory queries do.

use super::graph_error::GraphError;
use crate::emulator::limits::{check_filter_size, depth_exceeded, MAX_FILTER_DEPTH};
use crate::emulator::request::Query;
use base64::Engine;
use serde_json::Value;
use std::cmp::Ordering;

/// Properties of identityApiConnector that can be filtered, sorted and selected.
const PROPERTIES: [&str; 4] = ["id", "displayName", "targetUrl", "authenticationConfiguration"];
const FILTERABLE: [&str; 3] = ["id", "displayName", "targetUrl"];

/// Graph's largest page.
pub const MAX_PAGE_SIZE: usize = 999;

/// Everything a list request asked for.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub filter: Option<Filter>,
    pub search: Option<(Option<&'static str>, String)>,
    pub order_by: Vec<(&'static str, bool)>,
    pub select: Option<Vec<&'static str>>,
    pub count: bool,
    /// Page size (`$top`, else the emulator's default).
    pub page_size: usize,
    /// Items to pass over (`$skip`, or the position a `$skiptoken` encodes).
    pub offset: usize,
}

impl ListQuery {
    pub fn parse(query: &Query, default_page_size: usize) -> Result<ListQuery, GraphError> {
        reject_expand(query)?;
        let filter = query.get("$filter").filter(|f| !f.trim().is_empty()).map(Filter::parse).transpose()?;
        let search = query.get("$search").filter(|s| !s.trim().is_empty()).map(parse_search).transpose()?;
        let order_by = match query.get("$orderby") {
            None => Vec::new(),
            Some(o) => parse_order_by(o)?,
        };
        let count = match query.get("$count").map(str::trim) {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(_) => return Err(GraphError::unsupported_query("$count must be true or false.")),
        };
        let top = match query.get("$top") {
            None => None,
            Some(t) => match t.trim().parse::<usize>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Some(n),
                _ => return Err(GraphError::unsupported_query(format!("Invalid page size specified: $top must be between 1 and {MAX_PAGE_SIZE}."))),
            },
        };
        let skip = match query.get("$skip") {
            None => 0,
            Some(s) => s
                .trim()
                .parse::<usize>()
                .map_err(|_| GraphError::unsupported_query("$skip must be a whole number of 0 or more."))?,
        };
        let offset = match query.get("$skiptoken") {
            None => skip,
            Some(token) => decode_skip_token(token)?,
        };
        Ok(ListQuery {
            filter,
            search,
            order_by,
            select: parse_select(query)?,
            count,
            page_size: top.unwrap_or(default_page_size.clamp(1, MAX_PAGE_SIZE)),
            offset,
        })
    }

    /// Whether a stored connector passes `$filter` and `$search`.
    pub fn matches(&self, connector: &Value) -> bool {
        let filtered = self.filter.as_ref().is_none_or(|f| f.matches(connector));
        let searched = self.search.as_ref().is_none_or(|(property, term)| {
            let haystacks: Vec<&str> = match property {
                Some(p) => vec![text(connector, p)],
                None => vec![text(connector, "displayName")],
            };
            haystacks.iter().any(|h| h.to_lowercase().contains(term))
        });
        filtered && searched
    }

    /// Sorts by `$orderby` (stable, so ties keep the store's order).
    pub fn sort(&self, connectors: &mut [Value]) {
        if self.order_by.is_empty() {
            return;
        }
        connectors.sort_by(|a, b| {
            for (property, ascending) in &self.order_by {
                let ord = text(a, property).to_lowercase().cmp(&text(b, property).to_lowercase());
                let ord = if *ascending { ord } else { ord.reverse() };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
    }
}

/// `$select` for a list or a get: a comma list of known property names.
pub fn parse_select(query: &Query) -> Result<Option<Vec<&'static str>>, GraphError> {
    let Some(select) = query.get("$select").filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    select.split(',').map(|p| property(p.trim())).collect::<Result<Vec<_>, _>>().map(Some)
}

/// identityApiConnector has no navigation properties, so any `$expand` names one that is missing.
pub fn reject_expand(query: &Query) -> Result<(), GraphError> {
    match query.get("$expand").map(str::trim).filter(|e| !e.is_empty()) {
        None => Ok(()),
        Some(e) => Err(GraphError::unsupported_query(format!(
            "Could not find a navigation property named '{e}' on type 'microsoft.graph.identityApiConnector' (it has none)."
        ))),
    }
}

/// The `$skiptoken` that resumes a walk at `offset` (opaque to callers, as Graph's are).
pub fn encode_skip_token(offset: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("offset:{offset}"))
}

fn decode_skip_token(token: &str) -> Result<usize, GraphError> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("offset:").and_then(|n| n.parse().ok()))
        .ok_or_else(|| GraphError::unsupported_query("The $skiptoken is not one this service issued; start the list again."))
}

fn property(name: &str) -> Result<&'static str, GraphError> {
    PROPERTIES.into_iter().find(|p| p.eq_ignore_ascii_case(name)).ok_or_else(|| {
        GraphError::unsupported_query(format!(
            "Could not find a property named '{name}' on type 'microsoft.graph.identityApiConnector'."
        ))
    })
}

fn filterable(name: &str) -> Result<&'static str, GraphError> {
    FILTERABLE.into_iter().find(|p| p.eq_ignore_ascii_case(name)).ok_or_else(|| {
        GraphError::unsupported_query(format!(
            "Unsupported property '{name}' in $filter: filter on id, displayName or targetUrl."
        ))
    })
}

fn text<'a>(connector: &'a Value, property: &str) -> &'a str {
    connector.get(property).and_then(Value::as_str).unwrap_or("")
}

/// `$orderby=displayName desc,id`.
fn parse_order_by(text: &str) -> Result<Vec<(&'static str, bool)>, GraphError> {
    text.split(',')
        .map(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            let (name, direction) = match words.as_slice() {
                [name] => (*name, "asc"),
                [name, dir] => (*name, *dir),
                _ => return Err(GraphError::unsupported_query(format!("Invalid $orderby clause '{}'.", part.trim()))),
            };
            let property = filterable(name).map_err(|_| {
                GraphError::unsupported_query(format!("Unsupported $orderby property '{name}': sort by id, displayName or targetUrl."))
            })?;
            match direction.to_ascii_lowercase().as_str() {
                "asc" => Ok((property, true)),
                "desc" => Ok((property, false)),
                _ => Err(GraphError::unsupported_query(format!("$orderby direction '{direction}' must be asc or desc."))),
            }
        })
        .collect()
}

/// `$search="displayName:contoso"` (Graph's form) or a bare term, matched case-insensitively as
/// a substring of displayName (or of the named property).
fn parse_search(text: &str) -> Result<(Option<&'static str>, String), GraphError> {
    let inner = text.trim();
    let inner = inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(inner);
    match inner.split_once(':') {
        Some((name, term)) if !name.contains(' ') && !name.contains('/') => {
            let property = filterable(name).map_err(|_| {
                GraphError::unsupported_query(format!("Unsupported $search property '{name}': search displayName, id or targetUrl."))
            })?;
            Ok((Some(property), term.trim().to_lowercase()))
        }
        _ => Ok((None, inner.trim().to_lowercase())),
    }
}

/// A parsed `$filter`.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Equals { property: &'static str, text: String, negate: bool },
    StartsWith { property: &'static str, text: String },
}

impl Filter {
    pub fn parse(text: &str) -> Result<Filter, GraphError> {
        check_filter_size(text).map_err(|why| unsupported_filter(&why))?;
        let tokens = tokenize(text)?;
        let mut parser = Parser { tokens: &tokens, pos: 0, depth: 0 };
        let filter = parser.or()?;
        match parser.tokens.get(parser.pos) {
            None => Ok(filter),
            Some(t) => Err(unsupported_filter(&format!("unexpected {t:?}"))),
        }
    }

    pub fn matches(&self, connector: &Value) -> bool {
        match self {
            Filter::And(a, b) => a.matches(connector) && b.matches(connector),
            Filter::Or(a, b) => a.matches(connector) || b.matches(connector),
            Filter::Equals { property, text: t, negate } => {
                text(connector, property).eq_ignore_ascii_case(t) != *negate
            }
            Filter::StartsWith { property, text: t } => {
                text(connector, property).to_lowercase().starts_with(&t.to_lowercase())
            }
        }
    }
}

fn unsupported_filter(why: &str) -> GraphError {
    GraphError::unsupported_query(format!(
        "Unsupported $filter ({why}). Supported: id|displayName|targetUrl eq|ne 'text', startswith(displayName,'text'), joined with and/or and parentheses."
    ))
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
    Comma,
}

fn tokenize(text: &str) -> Result<Vec<Token>, GraphError> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '(' => tokens.push(Token::Open),
            ')' => tokens.push(Token::Close),
            ',' => tokens.push(Token::Comma),
            '\'' => {
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => return Err(unsupported_filter("unterminated string")),
                        // OData doubles a quote inside a string.
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                            s.push('\'');
                        }
                        Some('\'') => break,
                        Some(ch) => s.push(ch),
                    }
                }
                tokens.push(Token::Text(s));
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut w = c.to_string();
                while let Some(&ch) = chars.peek() {
                    if ch.is_alphanumeric() || ch == '_' || ch == '.' {
                        w.push(ch);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(Token::Word(w));
            }
            other => return Err(unsupported_filter(&format!("unexpected character '{other}'"))),
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    /// Parentheses currently open (bounded: the parser recurses per level).
    depth: usize,
}

impl Parser<'_> {
    fn next(&mut self) -> Result<Token, GraphError> {
        let t = self.tokens.get(self.pos).cloned().ok_or_else(|| unsupported_filter("the filter ends too early"))?;
        self.pos += 1;
        Ok(t)
    }

    fn keyword(&mut self, word: &str) -> bool {
        if matches!(self.tokens.get(self.pos), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word)) {
            self.pos += 1;
            return true;
        }
        false
    }

    fn expect(&mut self, token: Token) -> Result<(), GraphError> {
        let t = self.next()?;
        if t == token {
            Ok(())
        } else {
            Err(unsupported_filter(&format!("expected {token:?}, found {t:?}")))
        }
    }

    fn or(&mut self) -> Result<Filter, GraphError> {
        let mut left = self.and()?;
        while self.keyword("or") {
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, GraphError> {
        let mut left = self.primary()?;
        while self.keyword("and") {
            left = Filter::And(Box::new(left), Box::new(self.primary()?));
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Filter, GraphError> {
        match self.next()? {
            Token::Open => {
                self.depth += 1;
                if self.depth > MAX_FILTER_DEPTH {
                    return Err(unsupported_filter(&depth_exceeded()));
                }
                let inner = self.or()?;
                self.expect(Token::Close)?;
                self.depth -= 1;
                Ok(inner)
            }
            Token::Word(w) if w.eq_ignore_ascii_case("startswith") => {
                self.expect(Token::Open)?;
                let property = match self.next()? {
                    Token::Word(p) => filterable(&p)?,
                    t => return Err(unsupported_filter(&format!("startswith needs a property first, found {t:?}"))),
                };
                self.expect(Token::Comma)?;
                let text = match self.next()? {
                    Token::Text(s) => s,
                    t => return Err(unsupported_filter(&format!("startswith needs a quoted string second, found {t:?}"))),
                };
                self.expect(Token::Close)?;
                Ok(Filter::StartsWith { property, text })
            }
            Token::Word(name) => {
                let property = filterable(&name)?;
                let negate = match self.next()? {
                    Token::Word(op) if op.eq_ignore_ascii_case("eq") => false,
                    Token::Word(op) if op.eq_ignore_ascii_case("ne") => true,
                    t => return Err(unsupported_filter(&format!("operator {t:?} (use eq or ne)"))),
                };
                match self.next()? {
                    Token::Text(text) => Ok(Filter::Equals { property, text, negate }),
                    t => Err(unsupported_filter(&format!("compare with a quoted string, found {t:?}"))),
                }
            }
            t => Err(unsupported_filter(&format!("unexpected {t:?}"))),
        }
    }
}
