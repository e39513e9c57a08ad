//! Shared by the module_* tests: finding the module's scripts, parsing them with
//! tree-sitter-powershell, and reading cmdlet declarations out of the syntax tree.
//! (pwsh does not exist on the build machines, so the tree is all there is to check.)

#![allow(dead_code)]

pub mod rules;
pub mod surface;

use std::path::{Path, PathBuf};
use tree_sitter::{Node, Parser, Tree};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn module_dir() -> PathBuf {
    repo_root().join("module").join("ApimNative")
}

pub fn public_dir() -> PathBuf {
    module_dir().join("Public")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub fn parse(source: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_powershell::LANGUAGE.into())
        .expect("tree-sitter-powershell grammar loads");
    parser.parse(source, None).expect("tree-sitter returns a tree")
}

/// Every file with one of `extensions` under `dir`, recursively, sorted.
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        // Why panic: an unreadable folder must fail the tests that walk it, not let them pass
        // having checked nothing.
        let entries = std::fs::read_dir(&current).unwrap_or_else(|e| panic!("cannot read {}: {e}", current.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                // Staged native libraries live under bin/; nothing there is a script.
                if path.file_name().is_some_and(|n| n == "bin") {
                    continue;
                }
                pending.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The public cmdlet files: module/ApimNative/Public/*.ps1.
pub fn public_files() -> Vec<PathBuf> {
    files_under(&public_dir(), &["ps1"])
}

/// Syntax problems tree-sitter found: (line, column, kind, text).
pub fn syntax_problems(tree: &Tree, source: &str) -> Vec<String> {
    let mut problems = Vec::new();
    visit(tree.root_node(), &mut |node| {
        if node.is_error() || node.is_missing() {
            let start = node.start_position();
            let text: String = node_text(node, source).chars().take(60).collect();
            let kind = if node.is_missing() { format!("MISSING {}", node.kind()) } else { "ERROR".to_string() };
            problems.push(format!("line {} col {}: {} near {:?}", start.row + 1, start.column + 1, kind, text));
        }
    });
    problems
}

pub fn node_text<'a>(node: Node, source: &'a str) -> &'a str {
    &source[node.byte_range()]
}

/// Depth-first walk over every node (named and anonymous).
pub fn visit<'t>(node: Node<'t>, f: &mut dyn FnMut(Node<'t>)) {
    f(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        visit(child, f);
    }
}

pub fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

pub fn child_of_kind<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    children(node).into_iter().find(|c| c.kind() == kind)
}

/// The first descendant (or the node itself) of `kind`, depth-first.
pub fn find_descendant<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    if node.kind() == kind {
        return Some(node);
    }
    for child in children(node) {
        if let Some(found) = find_descendant(child, kind) {
            return Some(found);
        }
    }
    None
}

/// Every descendant of `kind` (not descending into matches).
pub fn find_all<'t>(node: Node<'t>, kind: &str) -> Vec<Node<'t>> {
    let mut found = Vec::new();
    collect(node, kind, &mut found);
    found
}

fn collect<'t>(node: Node<'t>, kind: &str, found: &mut Vec<Node<'t>>) {
    if node.kind() == kind {
        found.push(node);
        return;
    }
    for child in children(node) {
        collect(child, kind, found);
    }
}

/// The source text with comments and string literals blanked out (same length, so byte offsets
/// and line numbers still match): what is left is code, where operators can be searched for.
pub fn code_only(tree: &Tree, source: &str) -> String {
    let mut bytes = source.as_bytes().to_vec();
    visit(tree.root_node(), &mut |node| {
        if matches!(node.kind(), "comment" | "string_literal") {
            for b in &mut bytes[node.byte_range()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    });
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A test that needs a tool this machine lacks: loud message, but a failure in CI.
pub fn skip_or_fail_in_ci(message: &str) {
    if std::env::var("CI").map(|v| v == "true").unwrap_or(false) {
        panic!("CI=true and {message}");
    }
    // Written to the stderr handle directly: libtest captures eprintln! of passing tests, and
    // this message must be seen.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "\n!!!!!!!! SKIPPED: {message} !!!!!!!!\n");
}
