//! Turning the text of one inventory file into JSON values, one per YAML document.
//!
//! YAML is read with `serde_yaml` straight into `serde_json::Value` (the form the schema
//! validator and the Rego engine both take). The visitor here is stricter than the
//! default one: a key given twice in one mapping, or a key that is not a string, is an
//! error with its position instead of a value silently lost or renamed.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A syntax or value error with its 1-based position when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// The documents of one file, in order. Empty documents (a file of comments, a stray
/// `---`) are counted in `empty` but not returned, so document indices still match the
/// positions in the file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<(usize, Value)>,
    pub empty: usize,
}

/// Parses every document of `text`. The first syntax error ends the file: the YAML
/// reader cannot resynchronise after one, and a half-read file must not be checked as
/// if it were whole.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    character_guard(text)?;
    flow_depth_guard(text)?;
    let mut parsed = Parsed::default();
    for (index, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        match JsonSeed.deserialize(document) {
            Ok(Value::Null) => parsed.empty += 1,
            Ok(value) => parsed.documents.push((index, value)),
            Err(e) => return Err(convert(text, &e)),
        }
    }
    Ok(parsed)
}

/// Checks that `text` is JSON as RFC 8259 defines it. JSON files are then read by the
/// same YAML reader as everything else (so positions and the source map are the same
/// code), but that reader is lenient: it would accept trailing commas, comments and bare
/// words that no JSON tool does.
pub fn check_json(text: &str) -> Result<(), ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<de::IgnoredAny>(text)
        .map(|_| ())
        .map_err(|e| {
            let mut message = e.to_string();
            if let Some(start) = message.find(" at line ") {
                message.truncate(start);
            }
            ParseError {
                line: Some(e.line().max(1)),
                column: Some(e.column().max(1)),
                message,
            }
        })
}

/// Characters YAML does not allow in a stream (C0 and C1 controls other than tab, line
/// feed, carriage return and next-line; DEL; the non-characters U+FFFE and U+FFFF),
/// reported with their position: the reader itself gives only a byte offset.
fn character_guard(text: &str) -> Result<(), ParseError> {
    // Printable ASCII, tab and line breaks are all allowed: most files are only that,
    // and a byte test is several times quicker than decoding every character.
    if text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Ok(());
    }
    let (mut line, mut column) = (1, 0);
    for c in text.chars() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            continue;
        }
        let allowed =
            matches!(c, '\t' | '\r' | '\u{85}') || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}');
        if !allowed {
            return Err(ParseError {
                line: Some(line),
                column: Some(column),
                message: format!(
                    "the control character U+{:04X} is not allowed in YAML (is this a binary file?)",
                    u32::from(c)
                ),
            });
        }
    }
    Ok(())
}

/// Deeper flow nesting than this is refused before parsing: the YAML reader would give
/// up at 128 levels anyway, but only after work that grows with the square of the depth.
pub const MAX_FLOW_DEPTH: usize = 512;

/// A linear pre-scan for runaway flow nesting (`[[[[…` or `{{{{…`). A bracket counts as
/// opening a collection only where one can start (line start, after `: `, `- `, `,` or
/// another opener), and quoted scalars and comments are skipped, so brackets inside
/// ordinary values are not counted.
fn flow_depth_guard(text: &str) -> Result<(), ParseError> {
    // Nesting deeper than the limit needs more brackets than the limit; counting them
    // is a quick pass that clears almost every file.
    if text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() <= MAX_FLOW_DEPTH {
        return Ok(());
    }
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut column = 0usize;
    let mut quote: Option<char> = None;
    let mut can_open = true;
    let mut previous = '\n';
    let mut in_comment = false;
    for c in text.chars() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            in_comment = false;
            can_open = true;
            previous = c;
            continue;
        }
        if in_comment {
            continue;
        }
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' if can_open || matches!(previous, ' ' | '[' | '{' | ',') => quote = Some(c),
                '#' if previous.is_whitespace() => in_comment = true,
                '[' | '{' if can_open => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Err(ParseError {
                            line: Some(line),
                            column: Some(column),
                            message: format!("nesting deeper than {MAX_FLOW_DEPTH} levels"),
                        });
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        let opened = quote.is_none() && matches!(c, '[' | '{') && can_open;
        can_open = match c {
            _ if opened => true,
            ',' => depth > 0,
            ' ' | '\t' => can_open || (quote.is_none() && matches!(previous, ':' | '-')),
            _ => false,
        };
        previous = c;
    }
    Ok(())
}

fn convert(text: &str, e: &serde_yaml::Error) -> ParseError {
    let location = e.location();
    let mut message = e.to_string();
    // The location is reported separately; drop the parser's own " at line X column Y"
    // but keep any context after it ("while parsing a flow mapping at line 6 ...").
    if let Some(start) = message.find(" at line ") {
        let end = message[start..].find(',').map_or(message.len(), |e| start + e);
        message.replace_range(start..end, "");
    }
    let mut line = location.as_ref().map(serde_yaml::Location::line);
    let mut column = location.as_ref().map(serde_yaml::Location::column);
    if message.contains("duplicate key")
        && let Some(pos) = super::source_map::SourceMap::build(text).first_duplicate_key()
    {
        (line, column) = (Some(pos.line), Some(pos.column));
    }
    if message.starts_with("repetition limit exceeded") {
        message.push_str(" (aliases expand into too many values: an alias bomb?)");
    } else if message.starts_with("recursion limit exceeded") {
        message.push_str(" (nesting deeper than 128 levels)");
    }
    if message.contains("cannot start any token")
        && let (Some(l), Some(c)) = (line, column)
        && text
            .lines()
            .nth(l.saturating_sub(1))
            .and_then(|t| t.chars().nth(c.saturating_sub(1)))
            == Some('\t')
    {
        message.push_str(" (a tab: YAML indentation must use spaces)");
    }
    ParseError {
        line,
        column,
        message,
    }
}

struct JsonSeed;

impl<'de> DeserializeSeed<'de> for JsonSeed {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value that has a JSON form")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        i64::try_from(v)
            .map(|v| Value::Number(v.into()))
            .map_err(|_| E::custom(format!("the integer {v} is too large (at most 64 bits)")))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        u64::try_from(v)
            .map(|v| Value::Number(v.into()))
            .map_err(|_| E::custom(format!("the integer {v} is too large (at most 64 bits)")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v).map(Value::Number).ok_or_else(|| {
            E::custom(format!(
                "the number {v} has no JSON form (NaN and infinity are not allowed)"
            ))
        })
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom("binary values have no JSON form"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(JsonSeed)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key {key:?} in one mapping")));
            }
            let value = map.next_value_seed(JsonSeed)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Err(de::Error::custom(
            "tagged values (such as !Ref) have no JSON form; remove the tag",
        ))
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = String;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl KeyVisitor {
    fn reject<E: de::Error>(found: &str) -> Result<String, E> {
        Err(E::custom(format!(
            "mapping keys must be strings, found {found}; quote the key"
        )))
    }
}

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Self::reject(&format!("the boolean {v}"))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Self::reject(&format!("the number {v}"))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Self::reject(&format!("the number {v}"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Self::reject(&format!("the number {v}"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Self::reject("null")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Self::reject("a sequence")
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Self::reject("a mapping")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_document_and_keeps_indices() {
        let p = parse("a: 1\n---\n# nothing\n---\nb: [x, 2.5, true, null]\n").unwrap();
        assert_eq!(
            p.documents,
            vec![(0, json!({"a": 1})), (2, json!({"b": ["x", 2.5, true, null]}))]
        );
        assert_eq!(p.empty, 1);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        assert_eq!(
            parse("\u{feff}a: 1\n").unwrap().documents,
            vec![(0, json!({"a": 1}))]
        );
    }

    #[test]
    fn yaml_1_2_keeps_on_off_and_dates_as_strings() {
        let p = parse("state: On\nwhen: 2026-01-01\nx: yes\n").unwrap();
        assert_eq!(
            p.documents[0].1,
            json!({"state": "On", "when": "2026-01-01", "x": "yes"})
        );
    }

    #[test]
    fn a_duplicate_key_is_an_error_with_its_position() {
        let e = parse("spec:\n  a: 1\n  a: 2\n").unwrap_err();
        assert!(e.message.contains("duplicate key \"a\""), "{e:?}");
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn a_non_string_key_is_an_error() {
        let e = parse("spec:\n  1: one\n").unwrap_err();
        assert!(
            e.message
                .contains("mapping keys must be strings, found the number 1"),
            "{e:?}"
        );
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn runaway_flow_nesting_is_refused_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = parse(&deep).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (Some(1), Some(516), "nesting deeper than 512 levels")
        );
        // Brackets inside values, quotes and comments are not nesting.
        let fine = format!(
            "a: x{}\nb: \"{}\"\n# {}\nc: [[1, 2], {{d: [3]}}]\n",
            "[".repeat(600),
            "{".repeat(600),
            "[".repeat(600)
        );
        assert!(parse(&fine).is_ok(), "{:?}", parse(&fine).err());
    }

    #[test]
    fn a_tab_used_for_indentation_is_named() {
        let e = parse("a:\n\tb: 1\n").unwrap_err();
        assert!(
            e.message.ends_with("(a tab: YAML indentation must use spaces)"),
            "{e:?}"
        );
        assert_eq!((e.line, e.column), (Some(2), Some(1)));
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let e = parse("a: 1\n---\nb: [1, 2\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e:?}");
        assert!(e.column.is_some());
    }
}
