//! The guards every entry point runs behind: one panic boundary ([`run`]), NULL checks, UTF-8
//! and JSON decoding of arguments with errors that name the argument, and the one way to block
//! on the shared runtime. Nothing here knows about backends.

use super::status::ApimStatus;
use super::strings::into_c_string;
use crate::model::{ApimError, ErrorCategory, ErrorDetail};
use serde::de::value::MapDeserializer;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;
use std::any::Any;
use std::ffi::{c_char, CStr};
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

/// Runs `body` so that nothing unwinds into C, and writes its JSON (success or error) to
/// `*out_json`. When `out_json` itself is NULL nothing can be reported, so nothing runs.
pub(crate) fn run(
    function: &'static str,
    out_json: *mut *mut c_char,
    body: impl FnOnce() -> Result<String, ApimError>,
) -> ApimStatus {
    if out_json.is_null() {
        return ApimStatus::NullArgument;
    }
    // Why AssertUnwindSafe: after a panic nothing observes the closure's captures again; the
    // shared state it touches (client, runtime) is only used through `&self` and stays valid.
    let (status, json) = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(json)) => (ApimStatus::Ok, json),
        Ok(Err(error)) => (ApimStatus::for_error(&error), error.to_json()),
        Err(payload) => (ApimStatus::Panic, panic_error(function, payload.as_ref()).to_json()),
    };
    // SAFETY: checked non-NULL above; the caller promises it points to writable `char *` storage.
    unsafe { *out_json = into_c_string(json) };
    status
}

/// Runs a function that returns nothing (`_free`, `_cancel`, `_stop`): a panic is swallowed
/// because there is no channel to report it, and unwinding into C would abort the host.
pub(crate) fn run_void(body: impl FnOnce()) {
    let _ = catch_unwind(AssertUnwindSafe(body));
}

fn panic_error(function: &str, payload: &(dyn Any + Send)) -> ApimError {
    let reason = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string());
    ApimError::new(
        "InternalPanic",
        format!("internal error in {function} (a bug; please report it): {reason}. The library remains usable."),
        ErrorCategory::NotSpecified,
    )
}

/// The error for a NULL pointer argument; `ApimStatus::for_error` maps its code to
/// `APIM_STATUS_NULL_ARGUMENT`.
pub(crate) fn null_argument(name: &str) -> ApimError {
    let mut e = ApimError::new(
        "NullArgument",
        format!("{name} is NULL; a valid pointer is required"),
        ErrorCategory::InvalidArgument,
    );
    e.target = Some(name.to_string());
    e
}

/// A shared reference to a handle the caller passed in, or the NULL-argument error.
///
/// # Safety
/// `ptr` is NULL or points to a live `T` created by this library and not yet freed.
pub(crate) unsafe fn handle_ref<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, ApimError> {
    // SAFETY: guaranteed by the caller (see above).
    unsafe { ptr.as_ref() }.ok_or_else(|| null_argument(name))
}

/// Checks that an out-parameter for a handle is usable.
pub(crate) fn out_ptr<T>(ptr: *mut *mut T, name: &str) -> Result<*mut *mut T, ApimError> {
    if ptr.is_null() {
        Err(null_argument(name))
    } else {
        Ok(ptr)
    }
}

/// A NUL-terminated UTF-8 argument as `&str`.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid during the call.
pub(crate) unsafe fn utf8_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, ApimError> {
    if ptr.is_null() {
        return Err(null_argument(name));
    }
    // SAFETY: non-NULL and NUL-terminated by the caller's promise.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        ApimError::invalid_argument(
            name,
            format!("{name} is not valid UTF-8 (invalid byte at offset {}); pass UTF-8 text", e.valid_up_to()),
        )
    })
}

/// A JSON object argument decoded into `T` (every JSON argument of the ABI is an object).
/// Syntax errors name the argument with line and column; a non-object, wrong types, missing and
/// unknown fields are a `ValidationError` whose target is the JSON path.
///
/// # Safety
/// As [`utf8_arg`].
pub(crate) unsafe fn json_arg<T: DeserializeOwned>(ptr: *const c_char, name: &str) -> Result<T, ApimError> {
    // SAFETY: forwarded to the caller.
    let text = unsafe { utf8_arg(ptr, name) }?;
    // The common case in one pass, straight into `T`. Anything it refuses goes the long way
    // below, which owns every error message; an object is required there, so only text that
    // starts as one takes the short way (a derived struct would also accept an array).
    if text.trim_start().starts_with('{') {
        if let Ok(value) = serde_json::from_str::<T>(text) {
            return Ok(value);
        }
    }
    // Syntax first, over the whole text, so that a trailing mistake is not hidden by a shape error.
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(name, &e))?;
    if !value.is_object() {
        return Err(ApimError::validation(vec![ErrorDetail::new(
            name,
            "InvalidType",
            format!("{name} must be a JSON object, not {}", kind_of(&value)),
        )]));
    }
    serde_path_to_error::deserialize(value).map_err(|e| shape_error(name, e))
}

/// [`json_arg`] for a request with a `body` member, which comes back as the caller's JSON text
/// (`None` when absent or `null`) instead of being decoded into `T`: the operation checks the
/// body straight from the text, so the `Value` tree `T` would hold (a map entry and a `String`
/// per member, then dropped) is never built; that was a sixth of a PUT's instructions (issue 11).
/// Any text the short way refuses (a syntax or shape error, an escaped member name, a second
/// `body`) goes through [`json_arg`], which owns every error message; the body then comes back
/// decoded in `T` and the text is `None`.
///
/// # Safety
/// As [`utf8_arg`].
pub(crate) unsafe fn json_arg_body_text<T: DeserializeOwned>(ptr: *const c_char, name: &str) -> Result<(T, Option<Box<RawValue>>), ApimError> {
    // SAFETY: forwarded to the caller.
    let text = unsafe { utf8_arg(ptr, name) }?;
    if text.trim_start().starts_with('{') {
        if let Some(split) = split_body::<T>(text) {
            return Ok(split);
        }
    }
    // SAFETY: as above.
    unsafe { json_arg(ptr, name) }.map(|value| (value, None))
}

/// The members of `text` but `body` decoded into `T`, and `body`'s text. `None` for anything
/// [`json_arg`] should judge.
fn split_body<T: DeserializeOwned>(text: &str) -> Option<(T, Option<Box<RawValue>>)> {
    let Members(mut members) = serde_json::from_str(text).ok()?;
    let mut bodies = members.iter().enumerate().filter(|(_, (key, _))| *key == "body").map(|(i, _)| i);
    let body = match (bodies.next(), bodies.next()) {
        (Some(i), None) => Some(members.remove(i).1),
        (None, _) => None,
        // A duplicate member is the derived decoder's error to report.
        (Some(_), Some(_)) => return None,
    };
    let decoded = T::deserialize(MapDeserializer::<_, serde_json::Error>::new(members.into_iter())).ok()?;
    Some((decoded, body.filter(|b| b.get() != "null").map(RawValue::to_owned)))
}

/// A JSON object's members in order, duplicates kept, each value as its text. Names are borrowed
/// from the text, so a name written with an escape is refused (and left to [`json_arg`]).
struct Members<'a>(Vec<(&'a str, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some(member) = map.next_entry::<&'de str, &'de RawValue>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn syntax_error(name: &str, e: &serde_json::Error) -> ApimError {
    ApimError::invalid_argument(
        name,
        format!("{name} is not valid JSON: {} at line {} column {}", without_position(e), e.line(), e.column()),
    )
}

/// serde_json's message without its own " at line N column M" suffix (we add ours).
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn shape_error(name: &str, e: serde_path_to_error::Error<serde_json::Error>) -> ApimError {
    let inner = e.inner();
    let path = e.path().to_string();
    let parent = if path == "." { String::new() } else { path };
    let message = redact_strings(&without_position(inner));
    // serde reports a missing field at its parent; point at the field itself.
    let (rule, field) = if let Some(f) = field_in(&message, "missing field `") {
        ("Required", Some(f))
    } else if let Some(f) = field_in(&message, "unknown field `") {
        ("UnknownField", Some(f))
    } else {
        ("InvalidType", None)
    };
    let target = match field {
        // serde_path_to_error already ends the path of an unknown field with its name.
        Some(f) if parent == f || parent.ends_with(&format!(".{f}")) => parent,
        Some(f) if parent.is_empty() => f,
        Some(f) => format!("{parent}.{f}"),
        None if parent.is_empty() => name.to_string(),
        None => parent,
    };
    ApimError::validation(vec![ErrorDetail::new(target.clone(), rule, format!("{name}: {target}: {message}"))])
}

fn field_in(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    rest.find('`').map(|end| rest[..end].to_string())
}

/// serde echoes a wrong-typed string value (`invalid type: string "..."`); that value may be a
/// token or password put in the wrong place, so it never reaches an error message.
fn redact_strings(message: &str) -> String {
    static QUOTED: OnceLock<regex::Regex> = OnceLock::new();
    let re = QUOTED.get_or_init(|| regex::Regex::new(r#"string "(?:[^"\\]|\\.)*""#).expect("static regex"));
    re.replace_all(message, "string").into_owned()
}

/// Runs one client call's `future` to completion, on this thread's runtime or the shared one
/// ([`crate::runtime::with_call_runtime`]). C callers' threads are never runtime threads; a
/// caller already inside a tokio runtime would deadlock or panic, so it gets an error.
pub(crate) fn block_on<F: Future>(future: F) -> Result<F::Output, ApimError> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(in_runtime_error());
    }
    Ok(crate::runtime::block_on_call(future))
}

/// Runs `future` to completion on the shared runtime, for what spawns tasks that must outlive
/// the call (the in-process emulator's server).
pub(crate) fn block_on_shared<F: Future>(future: F) -> Result<F::Output, ApimError> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(in_runtime_error());
    }
    Ok(crate::runtime::runtime().block_on(future))
}

/// Runs `task` to completion for one client call. Alone, it runs here on this thread's runtime
/// (a panic unwinds to [`run`] as anywhere else); with other calls in flight, as a task of the
/// shared runtime that this thread waits for, so the task and its connection's I/O share one
/// worker and this thread is woken once. A panic inside the task is resumed here, so [`run`]
/// reports it like any other.
pub(crate) fn run_task<F>(task: F) -> Result<String, ApimError>
where
    F: Future<Output = Result<String, ApimError>> + Send + Unpin + 'static,
{
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(in_runtime_error());
    }
    crate::runtime::with_call_runtime(|runtime| match runtime {
        here @ crate::runtime::CallRuntime::ThisThread(_) => here.block_on(task),
        crate::runtime::CallRuntime::Shared(shared) => crate::runtime::joined(shared.block_on(shared.spawn(task)), "the operation's task")?,
    })
}

fn in_runtime_error() -> ApimError {
    ApimError::new(
        "InvalidThread",
        "apim_* functions block until done and cannot be called from a thread that runs an async runtime",
        ErrorCategory::InvalidOperation,
    )
}

/// Serialises a success body; the result types are plain data, so failure would be a bug.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApimError> {
    // Why a head start: an entity result is about a kilobyte, and growing from empty copied it
    // through eight reallocations (issue 11). The one byte more is the C string's NUL.
    let mut bytes = Vec::with_capacity(RESULT_CAPACITY + 1);
    serde_json::to_writer(&mut bytes, value).map_err(|e| {
        ApimError::new("SerializationFailed", format!("result could not be serialised: {e}"), ErrorCategory::NotSpecified)
    })?;
    // serde_json writes UTF-8 only (serde_json::to_string relies on the same); checked anyway,
    // as it is one pass over bytes already in cache.
    String::from_utf8(bytes).map_err(|e| {
        ApimError::new("SerializationFailed", format!("result could not be serialised: {e}"), ErrorCategory::NotSpecified)
    })
}

/// The capacity a result's JSON starts with.
const RESULT_CAPACITY: usize = 2048;
