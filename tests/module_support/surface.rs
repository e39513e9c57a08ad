//! Reads a cmdlet's declared surface (CmdletBinding, OutputType, each parameter's type, sets,
//! pipeline binding, aliases and Validate*/Allow* attributes) out of its tree-sitter tree, in the
//! same shape as the expectation files tests/surface/<Cmdlet>.json.

use super::{child_of_kind, children, find_all, find_descendant, node_text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tree_sitter::Node;

pub const ALL_SETS: &str = "__AllParameterSets";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetBinding {
    pub mandatory: bool,
    pub value_from_pipeline: bool,
    pub value_from_pipeline_by_property_name: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParameterSurface {
    /// Full .NET type name, or the PSTypeName for PSObject parameters that carry one.
    #[serde(rename = "type")]
    pub type_name: String,
    /// Parameter set name -> binding in that set.
    pub sets: BTreeMap<String, SetBinding>,
    /// Validate*/Allow* attribute name -> its arguments as text.
    #[serde(default)]
    pub validate: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CmdletSurface {
    pub cmdlet: String,
    pub supports_should_process: bool,
    pub default_parameter_set_name: Option<String>,
    pub output_type: Vec<String>,
    pub parameters: BTreeMap<String, ParameterSurface>,
}

/// An attribute `[Name(args)]`: positional arguments and named ones (a bare name means $true).
#[derive(Debug, Default)]
pub struct Attribute {
    pub name: String,
    pub positional: Vec<String>,
    pub named: BTreeMap<String, String>,
}

/// The function statements of a script: (name, node).
pub fn functions<'t>(root: Node<'t>, source: &str) -> Vec<(String, Node<'t>)> {
    find_all(root, "function_statement")
        .into_iter()
        .filter_map(|f| child_of_kind(f, "function_name").map(|n| (node_text(n, source).to_string(), f)))
        .collect()
}

/// The comment-based help block of a function (the first comment inside its braces).
pub fn help_comment<'a>(function: Node, source: &'a str) -> Option<&'a str> {
    children(function).into_iter().find(|c| c.kind() == "comment").map(|c| node_text(c, source))
}

/// Evaluates the constant expressions used in attributes: $true/$false, strings, numbers,
/// type literals, and comma lists of those (returned as several values).
pub fn constant_values(node: Node, source: &str) -> Vec<String> {
    let text = node_text(node, source).trim();
    if let Some(literal) = find_descendant(node, "type_literal") {
        if node_text(literal, source).trim() == text {
            let spec = find_descendant(literal, "type_spec").map(|s| node_text(s, source)).unwrap_or("");
            return vec![normalise_type(spec)];
        }
    }
    let strings = find_all(node, "string_literal");
    if !strings.is_empty() {
        return strings.into_iter().map(|s| unquote(node_text(s, source))).collect();
    }
    match text.to_ascii_lowercase().as_str() {
        "$true" => vec!["true".into()],
        "$false" => vec!["false".into()],
        _ => text.split(',').map(|p| p.trim().to_string()).collect(),
    }
}

fn unquote(text: &str) -> String {
    let t = text.trim();
    if t.len() >= 2 && ((t.starts_with('\'') && t.ends_with('\'')) || (t.starts_with('"') && t.ends_with('"'))) {
        t[1..t.len() - 1].replace("''", "'")
    } else {
        t.to_string()
    }
}

pub fn read_attribute(attribute: Node, source: &str) -> Option<Attribute> {
    let name = node_text(child_of_kind(attribute, "attribute_name")?, source).to_string();
    let mut result = Attribute { name, ..Default::default() };
    if let Some(arguments) = child_of_kind(attribute, "attribute_arguments") {
        for argument in children(arguments).into_iter().filter(|c| c.kind() == "attribute_argument") {
            let parts = children(argument);
            let has_equals = parts.iter().any(|p| p.kind() == "=");
            match (parts.first(), has_equals) {
                (Some(first), true) if first.kind() == "simple_name" => {
                    let value = parts.last().map(|v| constant_values(*v, source).join(",")).unwrap_or_default();
                    result.named.insert(node_text(*first, source).to_ascii_lowercase(), value);
                }
                (Some(first), false) if first.kind() == "simple_name" && parts.len() == 1 => {
                    result.named.insert(node_text(*first, source).to_ascii_lowercase(), "true".into());
                }
                _ => result.positional.extend(constant_values(argument, source)),
            }
        }
    }
    Some(result)
}

/// PowerShell short type names -> the full .NET names the Az help uses.
pub fn normalise_type(spec: &str) -> String {
    let spec = spec.trim();
    if let Some(element) = spec.strip_suffix("[]") {
        return format!("{}[]", normalise_type(element));
    }
    if let Some(open) = spec.find('[') {
        if spec.ends_with(']') {
            let outer = normalise_type(&spec[..open]);
            let inner = normalise_type(&spec[open + 1..spec.len() - 1]);
            return format!("{outer}`1[{inner}]");
        }
    }
    let full = match spec.to_ascii_lowercase().as_str() {
        "string" => "System.String",
        "bool" | "boolean" => "System.Boolean",
        "int" | "int32" => "System.Int32",
        "long" | "int64" => "System.Int64",
        "hashtable" => "System.Collections.Hashtable",
        "switch" | "switchparameter" => "System.Management.Automation.SwitchParameter",
        "pscredential" => "System.Management.Automation.PSCredential",
        "psobject" => "System.Management.Automation.PSObject",
        "securestring" => "System.Security.SecureString",
        "timespan" => "System.TimeSpan",
        "datetime" => "System.DateTime",
        "uri" => "System.Uri",
        "object" => "System.Object",
        "nullable" => "System.Nullable",
        "scriptblock" => "System.Management.Automation.ScriptBlock",
        _ => return spec.to_string(),
    };
    full.to_string()
}

/// The surface of one function: its CmdletBinding, OutputType and param block.
pub fn cmdlet_surface(function: Node, name: &str, source: &str) -> Result<CmdletSurface, String> {
    let script_block = child_of_kind(function, "script_block").ok_or_else(|| format!("{name}: no body"))?;
    let param_block =
        child_of_kind(script_block, "param_block").ok_or_else(|| format!("{name}: no param block (not an advanced function)"))?;

    let mut surface = CmdletSurface {
        cmdlet: name.to_string(),
        supports_should_process: false,
        default_parameter_set_name: None,
        output_type: Vec::new(),
        parameters: BTreeMap::new(),
    };
    let mut saw_cmdlet_binding = false;
    if let Some(list) = child_of_kind(param_block, "attribute_list") {
        for attribute in children(list).into_iter().filter(|c| c.kind() == "attribute") {
            let Some(attr) = read_attribute(attribute, source) else { continue };
            match attr.name.to_ascii_lowercase().as_str() {
                "cmdletbinding" => {
                    saw_cmdlet_binding = true;
                    surface.supports_should_process =
                        attr.named.get("supportsshouldprocess").is_some_and(|v| v == "true");
                    surface.default_parameter_set_name = attr.named.get("defaultparametersetname").cloned();
                }
                "outputtype" => surface.output_type.extend(attr.positional),
                _ => {}
            }
        }
    }
    if !saw_cmdlet_binding {
        return Err(format!("{name}: no [CmdletBinding()]"));
    }

    if let Some(list) = child_of_kind(param_block, "parameter_list") {
        for parameter in children(list).into_iter().filter(|c| c.kind() == "script_parameter") {
            let variable = child_of_kind(parameter, "variable").ok_or_else(|| format!("{name}: parameter without a name"))?;
            let parameter_name = node_text(variable, source).trim_start_matches('$').to_string();
            let mut type_name = "System.Object".to_string();
            let mut ps_type_name: Option<String> = None;
            let mut sets = BTreeMap::new();
            let mut validate = BTreeMap::new();
            let mut aliases = Vec::new();
            if let Some(attributes) = child_of_kind(parameter, "attribute_list") {
                for attribute in children(attributes).into_iter().filter(|c| c.kind() == "attribute") {
                    if let Some(literal) = child_of_kind(attribute, "type_literal") {
                        let spec = find_descendant(literal, "type_spec").map(|s| node_text(s, source)).unwrap_or("");
                        type_name = normalise_type(spec);
                        continue;
                    }
                    let Some(attr) = read_attribute(attribute, source) else { continue };
                    let lowered = attr.name.to_ascii_lowercase();
                    if lowered == "parameter" {
                        let set = attr.named.get("parametersetname").cloned().unwrap_or_else(|| ALL_SETS.to_string());
                        let flag = |key: &str| attr.named.get(key).is_some_and(|v| v == "true");
                        sets.insert(
                            set,
                            SetBinding {
                                mandatory: flag("mandatory"),
                                value_from_pipeline: flag("valuefrompipeline"),
                                value_from_pipeline_by_property_name: flag("valuefrompipelinebypropertyname"),
                            },
                        );
                    } else if lowered == "pstypename" {
                        ps_type_name = attr.positional.first().cloned();
                    } else if lowered == "alias" {
                        aliases.extend(attr.positional);
                    } else if lowered.starts_with("validate") || lowered.starts_with("allow") {
                        validate.insert(attr.name.clone(), attr.positional);
                    }
                }
            }
            if let Some(ps_type) = ps_type_name {
                type_name = if type_name.ends_with("[]") { format!("{ps_type}[]") } else { ps_type };
            }
            if sets.is_empty() {
                sets.insert(
                    ALL_SETS.to_string(),
                    SetBinding { mandatory: false, value_from_pipeline: false, value_from_pipeline_by_property_name: false },
                );
            }
            surface
                .parameters
                .insert(parameter_name, ParameterSurface { type_name, sets, validate, aliases });
        }
    }
    Ok(surface)
}
