//! Reading one article entry of the export: every field type-checked,
//! every problem with it said at once.

use std::path::Path;

use serde_json::{Map, Value};

use super::error::ZendeskError;

/// The export's article entries, and the JSON path they sit under
/// (`articles`, or nothing for a bare array); or what the root is instead.
pub(super) fn article_list(root: &Value) -> Result<(&'static str, &[Value]), String> {
    list_under(root, "articles", "the Help Center articles API")
}

/// The entries of a list the Help Center API returns: the array under
/// `key` of an object, or a bare array; or what the root is instead.
/// `api` names what returns it, for the message.
pub(super) fn list_under<'v>(
    root: &'v Value,
    key: &'static str,
    api: &str,
) -> Result<(&'static str, &'v [Value]), String> {
    match root {
        Value::Array(items) => Ok(("", items)),
        Value::Object(map) => match map.get(key) {
            Some(Value::Array(items)) => Ok((key, items)),
            Some(other) => Err(format!(
                "`{key}` must be an array, found {}",
                describe(other)
            )),
            None => Err(format!(
                "expected an object with {} `{key}` array, as {api} returns, or an array of {key}",
                a_or_an(key)
            )),
        },
        other => Err(format!(
            "expected an object with {} `{key}` array, found {}",
            a_or_an(key),
            describe(other)
        )),
    }
}

fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// An export's bytes as JSON: a byte order mark dropped, an empty file or
/// a syntax error said with its line and column.
pub(super) fn parse_json(path: &Path, json: &[u8]) -> Result<Value, ZendeskError> {
    let json = json.strip_prefix(b"\xef\xbb\xbf").unwrap_or(json);
    if json.iter().all(u8::is_ascii_whitespace) {
        return Err(ZendeskError::Shape {
            path: path.to_path_buf(),
            message: "the file is empty".into(),
        });
    }
    serde_json::from_slice(json).map_err(|e| ZendeskError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: without_position(&e),
    })
}

/// One article entry of the export, read and type-checked.
pub(super) struct Entry {
    /// Its Zendesk id.
    pub(super) id: u64,
    /// Its title, trimmed.
    pub(super) title: String,
    /// Its body, HTML.
    pub(super) body: String,
    /// Its Zendesk locale, as written.
    pub(super) locale: String,
    /// The Zendesk section it is filed under.
    pub(super) section_id: u64,
    /// Its labels, trimmed, blank ones left out.
    pub(super) labels: Vec<String>,
    /// Whether a user segment restricts it.
    pub(super) signed_in: bool,
    /// Whether it is a draft.
    pub(super) draft: bool,
    /// The date part of `updated_at`.
    pub(super) updated: Option<toml::value::Datetime>,
    /// Readers who found it helpful, and readers who voted, from
    /// `vote_sum` (up − down) and `vote_count` (up + down); `None` when
    /// nobody voted.
    pub(super) votes: Option<(u64, u64)>,
}

/// Reads one entry, or says everything wrong with it, with its id if readable.
pub(super) fn read_entry(item: &Value) -> Result<Entry, (Option<u64>, Vec<String>)> {
    let Value::Object(object) = item else {
        return Err((
            None,
            vec![format!(
                "expected an article object, found {}",
                describe(item)
            )],
        ));
    };
    let mut problems = Vec::new();
    let mut fields = Fields {
        object,
        problems: &mut problems,
    };
    let id = fields.required("id", "a whole number", Value::as_u64);
    let title = fields.required("title", "a string", Value::as_str);
    let body = fields.required("body", "a string", Value::as_str);
    let locale = fields.required("locale", "a string", Value::as_str);
    let section_id = fields.required("section_id", "a whole number", Value::as_u64);
    let labels = fields.labels();
    let segment = fields.optional("user_segment_id", "a whole number or null", Value::as_u64);
    let draft = fields
        .optional("draft", "true or false", Value::as_bool)
        .unwrap_or(false);
    let vote_sum = fields.optional("vote_sum", "a whole number or null", Value::as_i64);
    let vote_count = fields.optional("vote_count", "a whole number or null", Value::as_u64);
    let updated = fields.optional("updated_at", "an ISO 8601 timestamp string or null", Value::as_str).map(|text| {
        let rest_is_time = text.get(10..).is_some_and(|rest| rest.is_empty() || rest.starts_with(['T', 't', ' ']));
        let date = text.get(..10).filter(|_| rest_is_time).and_then(|d| d.parse::<toml::value::Datetime>().ok());
        let date = date.filter(|d| d.date.is_some() && d.time.is_none());
        date.ok_or_else(|| format!("field \"updated_at\" must be an ISO 8601 timestamp like \"2024-03-05T10:20:30Z\", found {text:?}"))
    });
    let updated = match updated {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(message)) => {
            problems.push(message);
            None
        }
    };
    let votes = match (vote_sum, vote_count) {
        (_, None | Some(0)) => None,
        (sum, Some(count)) => {
            let sum = sum.unwrap_or(0);
            // up − down = sum and up + down = count, so up = (count + sum) / 2.
            let up = i128::from(count) + i128::from(sum);
            if sum.unsigned_abs() > count || up % 2 != 0 {
                problems.push(format!(
                    "fields \"vote_sum\" ({sum}) and \"vote_count\" ({count}) disagree: the sum of up (+1) and down (-1) votes is at most the count, and differs from it by an even number"
                ));
                None
            } else {
                Some(((up / 2) as u64, count))
            }
        }
    };
    if title.is_some_and(|t| t.trim().is_empty()) {
        problems.push("field \"title\" is empty".into());
    }
    match (id, title, body, locale, section_id) {
        (Some(id), Some(title), Some(body), Some(locale), Some(section_id))
            if problems.is_empty() =>
        {
            Ok(Entry {
                id,
                title: title.trim().to_string(),
                body: body.to_string(),
                locale: locale.to_string(),
                section_id,
                labels,
                signed_in: segment.is_some(),
                draft,
                updated,
                votes,
            })
        }
        _ => Err((id, problems)),
    }
}

/// Typed access to an entry's fields, collecting problems.
pub(super) struct Fields<'a, 'p> {
    pub(super) object: &'a Map<String, Value>,
    pub(super) problems: &'p mut Vec<String>,
}

impl<'a> Fields<'a, '_> {
    /// A field that must be present and of one type.
    pub(super) fn required<T>(
        &mut self,
        key: &str,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        match self.object.get(key) {
            None => {
                self.problems.push(format!("missing field \"{key}\""));
                None
            }
            Some(value) => self.typed(key, value, expected, read),
        }
    }

    /// A field that may be absent or null.
    pub(super) fn optional<T>(
        &mut self,
        key: &str,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        match self.object.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => self.typed(key, value, expected, read),
        }
    }

    fn typed<T>(
        &mut self,
        key: &str,
        value: &'a Value,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let read = read(value);
        if read.is_none() {
            self.problems.push(format!(
                "field \"{key}\" must be {expected}, found {}",
                describe(value)
            ));
        }
        read
    }

    /// `label_names`: absent or null is no labels.
    fn labels(&mut self) -> Vec<String> {
        match self.object.get("label_names") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut labels = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(label) if !label.trim().is_empty() => {
                            labels.push(label.trim().to_string())
                        }
                        Some(_) => {}
                        None => self.problems.push(format!(
                            "field \"label_names[{i}]\" must be a string, found {}",
                            describe(item)
                        )),
                    }
                }
                labels
            }
            Some(other) => {
                self.problems.push(format!(
                    "field \"label_names\" must be an array of strings, found {}",
                    describe(other)
                ));
                Vec::new()
            }
        }
    }
}

/// A JSON value's kind, with the value when it is short, for messages.
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() <= 40 => format!("the string {s:?}"),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// serde_json's message without the ` at line L column C` it appends.
pub(super) fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}
