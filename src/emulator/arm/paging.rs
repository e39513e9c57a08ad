//! `$top` / `$skip` and `nextLink` for list operations (rest-contracts A.3): a page holds `$top`
//! items (or the emulator's default page size), `count` is the total across pages, and `nextLink`
//! is an absolute URL carrying every query parameter needed for the next page (absent on the last).

use crate::emulator::errors::ArmError;
use url::Url;

/// The paging parameters of one list request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub top: usize,
    pub skip: usize,
    /// Whether the caller sent `$top` (then it is carried in `nextLink`).
    pub explicit_top: bool,
}

impl Paging {
    /// Reads `$top` (minimum 1) and `$skip` (minimum 0) from the raw query values.
    pub fn parse(top: Option<&str>, skip: Option<&str>, default_page_size: usize) -> Result<Paging, ArmError> {
        let top_value = match top {
            None => None,
            Some(t) => match t.trim().parse::<i64>() {
                Ok(n) if n >= 1 => Some(n.min(i64::from(i32::MAX)) as usize),
                Ok(_) => return Err(ArmError::bad_parameter("$top", "Minimum", format!("$top must be at least 1 (got {t})."))),
                Err(_) => return Err(ArmError::bad_parameter("$top", "Integer", format!("$top must be an integer (got '{t}')."))),
            },
        };
        let skip = match skip {
            None => 0,
            Some(s) => match s.trim().parse::<i64>() {
                Ok(n) if n >= 0 => n.min(i64::from(i32::MAX)) as usize,
                Ok(_) => return Err(ArmError::bad_parameter("$skip", "Minimum", format!("$skip must be at least 0 (got {s})."))),
                Err(_) => return Err(ArmError::bad_parameter("$skip", "Integer", format!("$skip must be an integer (got '{s}')."))),
            },
        };
        Ok(Paging { top: top_value.unwrap_or(default_page_size.max(1)), skip, explicit_top: top_value.is_some() })
    }

    /// The absolute URL of the next page, or None when this page is the last one.
    /// `base` is the request URL; its `$skip` is replaced, everything else (api-version,
    /// `$filter`, `$top`) is kept so that the next request means the same query.
    pub fn next_link(&self, base: &Url, total: usize) -> Option<String> {
        let next_skip = self.skip.checked_add(self.top)?;
        if next_skip >= total {
            return None;
        }
        let kept: Vec<(String, String)> = base
            .query_pairs()
            .filter(|(k, _)| k != "$skip" && k != "$top")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut url = base.clone();
        {
            let mut q = url.query_pairs_mut();
            q.clear();
            for (k, v) in &kept {
                q.append_pair(k, v);
            }
            // The page size is fixed for the whole walk even when the caller relied on the default.
            q.append_pair("$top", &self.top.to_string());
            q.append_pair("$skip", &next_skip.to_string());
        }
        Some(url.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_next_link() {
        assert!(Paging::parse(Some("0"), None, 10).is_err());
        assert!(Paging::parse(None, Some("-1"), 10).is_err());
        assert!(Paging::parse(Some("x"), None, 10).is_err());
        let p = Paging::parse(None, Some("2"), 2).unwrap();
        assert_eq!((p.skip, p.top), (2, 2));
        let base = Url::parse("http://h/x?api-version=1&%24filter=name%20eq%20%27a%27&%24skip=2").unwrap();
        let next = Url::parse(&p.next_link(&base, 5).unwrap()).unwrap();
        let pairs: Vec<(String, String)> = next.query_pairs().map(|(k, v)| (k.into(), v.into())).collect();
        assert!(pairs.contains(&("$skip".into(), "4".into())));
        assert!(pairs.contains(&("$top".into(), "2".into())));
        assert!(pairs.contains(&("$filter".into(), "name eq 'a'".into())));
        assert!(pairs.contains(&("api-version".into(), "1".into())));
        assert_eq!(Paging::parse(None, Some("4"), 2).unwrap().next_link(&base, 5), None);
    }
}
