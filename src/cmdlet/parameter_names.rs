//! Errors in the cmdlet's words: the model reports wire paths (`authorization.parameter`), the user
//! typed parameters (`-AuthorizationHeaderParameter`). Each cmdlet names which path is which
//! parameter; where an error's own targets appear in its messages they are rewritten, while the
//! targets themselves stay wire paths, so scripts (`Exception.Data['ApimTarget']`) and the error
//! JSON can still tell the exact field. Only the targets are rewritten, never other words: "sent
//! as an HTTP header value" keeps its "header".

use crate::model::{ApimError, ShownMessages};
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// The wire paths of one cmdlet's request and the parameters they came from, e.g.
/// `("authorization.parameter", "-AuthorizationHeaderParameter")`.
#[derive(Debug, Clone, Copy)]
pub struct ParameterNames(pub &'static [(&'static str, &'static str)]);

impl ParameterNames {
    /// The error as it was, with its messages in the cmdlet's words beside them (`shown`), for the
    /// cmdlets whose scripts match on the wire paths in the message (`Exception.Message`) while the
    /// display names the parameters; nothing is added when no target is one of these parameters.
    pub fn show(&self, error: ApimError) -> ApimError {
        let renamed = self.rename(error.clone());
        let same = renamed.message == error.message && renamed.details.iter().zip(&error.details).all(|(a, b)| a.message == b.message);
        if same {
            return error;
        }
        let details = renamed.details.into_iter().map(|detail| detail.message).collect();
        ApimError { shown: Some(Box::new(ShownMessages { message: renamed.message, details })), ..error }
    }

    /// The error with its targets named as parameters in its messages; a deeper part of a path stays, in
    /// parentheses: `query.sv` becomes `-Query (sv)`.
    pub fn rename(&self, mut error: ApimError) -> ApimError {
        let mut targets: Vec<(String, String)> = error
            .details
            .iter()
            .filter_map(|detail| detail.target.as_deref())
            .chain(error.target.as_deref())
            .filter_map(|target| self.parameter_for(target).map(|shown| (target.to_string(), shown)))
            .chain(self.named_in_messages(&error))
            .collect();
        targets.sort_by_key(|(wire, _)| std::cmp::Reverse(wire.len()));
        targets.dedup();
        if targets.is_empty() {
            return error;
        }
        error.message = rewrite(&error.message, &targets);
        for detail in &mut error.details {
            detail.message = rewrite(&detail.message, &targets);
        }
        error
    }

    /// The paths a message names besides its targets ("clientCertificateId or
    /// clientCertificatethumbprint is required" targets only the first), where they fall under a
    /// mapped path. Only paths that cannot be a word of prose are taken (a dot, a bracket or a
    /// capital: `serverX509Names`), so "HTTP header value" keeps its "header" unless `header` is the
    /// error's own target.
    fn named_in_messages(&self, error: &ApimError) -> Vec<(String, String)> {
        static PATH: OnceLock<Regex> = OnceLock::new();
        let path = PATH.get_or_init(|| Regex::new(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*").expect("path regex is valid"));
        std::iter::once(error.message.as_str())
            .chain(error.details.iter().map(|detail| detail.message.as_str()))
            .flat_map(|text| path.find_iter(text).map(|found| found.as_str()))
            .filter(|token| !is_word(token))
            .filter_map(|token| self.parameter_for(token).map(|shown| (token.to_string(), shown)))
            .collect()
    }

    /// How a wire path is shown: the parameter of its longest mapped prefix, with the rest after it.
    fn parameter_for(&self, path: &str) -> Option<String> {
        let (prefix, parameter) = self
            .0
            .iter()
            .filter(|(prefix, _)| {
                path == *prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            })
            .max_by_key(|(prefix, _)| prefix.len())?;
        let rest = path[prefix.len()..].trim_start_matches('.');
        Some(if rest.is_empty() { parameter.to_string() } else { format!("{parameter} ({rest})") })
    }
}

/// Replaces each wire target, where it stands as a whole (not inside a longer name), by its shown form.
fn rewrite(text: &str, targets: &[(String, String)]) -> String {
    let mut current = text.to_string();
    for (wire, shown) in targets {
        // The regex crate has no look-around, so the characters either side are matched and given back.
        let Ok(pattern) = Regex::new(&format!(r"(?P<before>^|[^\w.\[\]-]){}(?P<after>[^\w\[-]|$)", regex::escape(wire))) else { continue };
        let replace = |captures: &Captures| format!("{}{}{}", &captures["before"], shown, &captures["after"]);
        if is_word(wire) {
            // A target that is also a word ("id", "url") is its problem's subject once per message
            // or joined detail: "id must be the ARM id of a backend" keeps its second "id".
            current = current.split("; ").map(|part| pattern.replacen(part, 1, replace).into_owned()).collect::<Vec<_>>().join("; ");
            continue;
        }
        // Twice: two occurrences separated by one character share it, and the first pass takes it.
        for _ in 0..2 {
            current = pattern.replace_all(&current, replace).into_owned();
        }
    }
    current
}

/// A path that could be a word of prose: no dot, no bracket, no capital (`id`, `header`).
fn is_word(path: &str) -> bool {
    !path.contains(['.', '[']) && !path.chars().any(|c| c.is_ascii_uppercase())
}
