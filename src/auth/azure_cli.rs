//! The signed-in Azure CLI: `az account get-access-token --output json --scope …` for tokens and
//! `az account show --output json` for the default subscription. `az` is looked up on the PATH of
//! the captured [`Env`] and started directly (no shell), from a fixed directory.

use super::env::Env;
use super::expires_on::{parse_cli_local_time, parse_expires_on};
use super::{errors, AccessToken, TokenSource};
use crate::model::error::ApimError;
use async_trait::async_trait;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

pub const SOURCE_NAME: &str = "Azure CLI";
/// `az` starts Python and may refresh its own token; a minute is generous.
const CLI_TIMEOUT: Duration = Duration::from_secs(60);

pub struct AzureCliCredential {
    env: Env,
    tenant_id: Option<String>,
}

impl AzureCliCredential {
    pub fn new(env: Env, tenant_id: Option<String>) -> AzureCliCredential {
        AzureCliCredential { env, tenant_id }
    }

    /// The subscription `az account show` reports as the default (`id`).
    pub async fn default_subscription(&self) -> Result<String, ApimError> {
        let out = run_az(&self.env, &["account", "show", "--output", "json"]).await?;
        let value: Value = serde_json::from_slice(&out)
            .map_err(|_| errors::failed(SOURCE_NAME, "'az account show' did not print JSON"))?;
        value
            .get("id")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .ok_or_else(|| errors::failed(SOURCE_NAME, "'az account show' printed no subscription id"))
    }
}

#[async_trait]
impl TokenSource for AzureCliCredential {
    async fn token(&self, scope: &str) -> Result<AccessToken, ApimError> {
        check_argument(scope, "scope")?;
        let mut args = vec!["account", "get-access-token", "--output", "json", "--scope", scope];
        if let Some(tenant) = &self.tenant_id {
            check_argument(tenant, "auth.tenantId")?;
            args.push("--tenant");
            args.push(tenant);
        }
        let out = run_az(&self.env, &args).await?;
        parse_token(&out)
    }
    fn name(&self) -> &str {
        SOURCE_NAME
    }
}

/// Reads `{"accessToken":…,"expires_on":1893553445,"expiresOn":"2030-01-02 03:04:05.000000",…}`:
/// `expires_on` (epoch, az 2.54+) wins; older CLIs only print `expiresOn` in local time.
pub fn parse_token(stdout: &[u8]) -> Result<AccessToken, ApimError> {
    // Why no detail on a parse failure: the text may hold the token itself.
    let value: Value = serde_json::from_slice(stdout)
        .map_err(|_| errors::failed(SOURCE_NAME, "'az account get-access-token' did not print JSON"))?;
    let token = value
        .get("accessToken")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| errors::failed(SOURCE_NAME, "'az account get-access-token' printed no accessToken"))?;
    let expires_on = value
        .get("expires_on")
        .and_then(parse_expires_on)
        .or_else(|| value.get("expiresOn").and_then(Value::as_str).and_then(parse_cli_local_time))
        .ok_or_else(|| errors::failed(SOURCE_NAME, "'az account get-access-token' printed no expires_on or expiresOn"))?;
    Ok(AccessToken { token: token.to_string(), expires_on })
}

/// Scopes and tenant ids go to a process as arguments: allow only the characters they consist of.
fn check_argument(value: &str, target: &str) -> Result<(), ApimError> {
    let ok = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/'));
    if ok {
        Ok(())
    } else {
        Err(ApimError::invalid_argument(target, format!("{target} may contain only letters, digits and . - _ : /")))
    }
}

/// Finds `az` on the PATH of `env` (on Windows `az.cmd`).
pub fn find_az(env: &Env) -> Option<PathBuf> {
    let path = env.get("PATH").or_else(|| env.get("Path"))?;
    let names: &[&str] = if cfg!(windows) { &["az.cmd", "az.exe", "az.bat"] } else { &["az"] };
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |n| dir.join(n))).find(|p| p.is_file())
}

async fn run_az(env: &Env, args: &[&str]) -> Result<Vec<u8>, ApimError> {
    let az = find_az(env).ok_or_else(|| errors::unavailable(SOURCE_NAME, "'az' was not found on PATH"))?;
    let mut command = tokio::process::Command::new(&az);
    command
        .args(args)
        .env_clear()
        .envs(env.pairs())
        // Why a fixed directory: never pick up files (or, on Windows, programs) from the caller's.
        .current_dir(working_directory(env))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let child = command
        .spawn()
        .map_err(|e| errors::unavailable(SOURCE_NAME, format!("'az' could not be started ({})", e.kind())))?;
    let output = tokio::time::timeout(CLI_TIMEOUT, child.wait_with_output())
        .await
        .map_err(|_| errors::failed(SOURCE_NAME, format!("'az {}' did not finish within {} s", args[..2].join(" "), CLI_TIMEOUT.as_secs())))?
        .map_err(|e| errors::failed(SOURCE_NAME, format!("'az' failed to run ({})", e.kind())))?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first = stderr.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no message");
    let first: String = first.chars().take(300).collect();
    if stderr.contains("az login") || stderr.contains("az account set") {
        Err(errors::unavailable(SOURCE_NAME, format!("not signed in; run 'az login' ({first})")))
    } else {
        Err(errors::failed(SOURCE_NAME, format!("'az {}' failed: {first}", args[..2].join(" "))))
    }
}

fn working_directory(env: &Env) -> PathBuf {
    if cfg!(windows) {
        PathBuf::from(env.get("SYSTEMROOT").unwrap_or_else(|| "C:\\Windows".into()))
    } else {
        PathBuf::from("/")
    }
}
