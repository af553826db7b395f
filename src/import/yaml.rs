//! A YAML writer that reproduces, byte for byte, what the prototype's
//! `yaml.safe_dump(doc, sort_keys=True, default_flow_style=False, width=4096,
//! allow_unicode=True)` writes for a JSON value, so that imported files match
//! `testdata/import/expected/` exactly and re-imports diff cleanly.
//!
//! It is a port of the parts of PyYAML's emitter that JSON values reach: block
//! mappings (keys sorted by code point) and block sequences (a sequence that is a
//! mapping's value is not indented: its `-` sits under the key), empty collections
//! as `[]` and `{}`, and scalars in the style PyYAML chooses: plain when the text
//! would read back as the same string under YAML 1.1's implicit types, else single
//! quoted, else double quoted with escapes. Keys of 123 characters or more, and
//! empty or multi-line keys, are written as `? key` / `: value` as PyYAML does.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Number, Value};

const BEST_INDENT: usize = 2;
const BEST_WIDTH: usize = 4096;

/// One document: the mapping (or other value) followed by a line break, without a
/// `---` marker (PyYAML writes the first document of a stream without one).
pub(crate) fn document(value: &Value) -> String {
    let mut emitter = Emitter::new();
    emitter.node(value, false, false);
    // expect_document_end: end the last line.
    emitter.write_indent();
    emitter.out
}

/// Python's `repr` of a float (shortest round-trip digits, exponent form below
/// 1e-4 and from 1e16 on).
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "inf".to_owned()
        } else {
            "-inf".to_owned()
        };
    }
    let scientific = format!("{f:e}");
    let (mantissa, exponent) = match scientific.split_once('e') {
        Some((m, e)) => (m.to_owned(), e.parse::<i32>().unwrap_or(0)),
        None => (scientific.clone(), 0),
    };
    if f != 0.0 && !(-4..16).contains(&exponent) {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.unsigned_abs())
    } else {
        let mut text = format!("{f}");
        if !text.contains('.') {
            text.push_str(".0");
        }
        text
    }
}

/// The text PyYAML's SafeRepresenter gives a number.
fn number_text(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    match n.as_f64() {
        Some(f) if f.is_nan() => ".nan".to_owned(),
        Some(f) if f.is_infinite() => {
            if f > 0.0 {
                ".inf".to_owned()
            } else {
                "-.inf".to_owned()
            }
        }
        Some(f) => {
            let mut text = float_repr(f).to_lowercase();
            // represent_float: `1e+16` is not a YAML 1.1 float, `1.0e+16` is.
            if !text.contains('.') && text.contains('e') {
                text = text.replacen('e', ".0e", 1);
            }
            text
        }
        None => n.to_string(),
    }
}

/// PyYAML's implicit resolvers (YAML 1.1): a plain scalar matching one of these
/// would read back as something other than a string, so such strings are quoted.
const IMPLICIT: [&str; 8] = [
    // bool
    r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
    // float
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    // int
    r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
    // merge
    r"^(?:<<)$",
    // null
    r"^(?:~|null|Null|NULL)?$",
    // timestamp
    r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
    // value
    r"^(?:=)$",
    // yaml
    r"^(?:!|&|\*)$",
];

static RESOLVERS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for pattern in IMPLICIT {
        if let Ok(re) = Regex::new(pattern) {
            out.push(re);
        }
    }
    out
});

/// Whether `text`, written plain, would be read as a string.
fn plain_is_string(text: &str) -> bool {
    !RESOLVERS.iter().any(|re| re.is_match(text))
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_space_or_break(c: char) -> bool {
    matches!(
        c,
        '\0' | ' ' | '\t' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[derive(Clone, Copy, Debug)]
struct Analysis {
    empty: bool,
    multiline: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

/// PyYAML's `Emitter.analyze_scalar`, keeping what block context needs.
fn analyze(chars: &[char]) -> Analysis {
    if chars.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let len = chars.len();
    let mut block_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;

    let starts_with = |prefix: &str| {
        let p: Vec<char> = prefix.chars().collect();
        chars.len() >= p.len() && chars[..p.len()] == p[..]
    };
    if starts_with("---") || starts_with("...") {
        block_indicators = true;
    }

    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = len == 1 || is_space_or_break(chars[1]);
    let mut previous_space = false;
    let mut previous_break = false;

    for (index, &ch) in chars.iter().enumerate() {
        if index == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(ch) {
                block_indicators = true;
            }
            if (ch == '?' || ch == ':') && followed_by_whitespace {
                block_indicators = true;
            }
            if ch == '-' && followed_by_whitespace {
                block_indicators = true;
            }
        } else {
            if ch == ':' && followed_by_whitespace {
                block_indicators = true;
            }
            if ch == '#' && preceded_by_whitespace {
                block_indicators = true;
            }
        }

        if is_break(ch) {
            line_breaks = true;
        }
        if !(ch == '\n' || (' '..='~').contains(&ch)) {
            let printable = (ch == '\u{85}'
                || ('\u{a0}'..='\u{d7ff}').contains(&ch)
                || ('\u{e000}'..='\u{fffd}').contains(&ch)
                || ('\u{10000}'..'\u{10ffff}').contains(&ch))
                && ch != '\u{feff}';
            if !printable {
                special_characters = true;
            }
        }

        if ch == ' ' {
            if index == 0 {
                leading_space = true;
            }
            if index == len - 1 {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(ch) {
            if index == 0 {
                leading_break = true;
            }
            if index == len - 1 {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }

        preceded_by_whitespace = is_space_or_break(ch);
        followed_by_whitespace = index + 2 >= len || is_space_or_break(chars[index + 2]);
    }

    let mut allow_block_plain = true;
    let mut allow_single_quoted = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        allow_block_plain = false;
    }
    if break_space {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if space_break || special_characters {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if line_breaks || block_indicators {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_block_plain,
        allow_single_quoted,
    }
}

/// PyYAML's `check_simple_key` for a string key: `!!str` (five characters of tag)
/// plus the key must stay under 128, and the key must be neither empty nor multi-line.
fn simple_key(chars: &[char]) -> bool {
    let analysis = analyze(chars);
    chars.len() + 5 < 128 && !analysis.empty && !analysis.multiline
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

fn escape(c: char) -> String {
    let short = match c {
        '\0' => Some('0'),
        '\u{07}' => Some('a'),
        '\u{08}' => Some('b'),
        '\t' => Some('t'),
        '\n' => Some('n'),
        '\u{0b}' => Some('v'),
        '\u{0c}' => Some('f'),
        '\r' => Some('r'),
        '\u{1b}' => Some('e'),
        '"' => Some('"'),
        '\\' => Some('\\'),
        '\u{85}' => Some('N'),
        '\u{a0}' => Some('_'),
        '\u{2028}' => Some('L'),
        '\u{2029}' => Some('P'),
        _ => None,
    };
    let code = u32::from(c);
    match short {
        Some(s) => format!("\\{s}"),
        None if code <= 0xff => format!("\\x{code:02X}"),
        None if code <= 0xffff => format!("\\u{code:04X}"),
        None => format!("\\U{code:08X}"),
    }
}

struct Emitter {
    out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: Option<usize>,
    indents: Vec<Option<usize>>,
}

impl Emitter {
    fn new() -> Emitter {
        Emitter {
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: None,
            indents: Vec::new(),
        }
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        self.indent = match self.indent {
            None => Some(if flow { BEST_INDENT } else { 0 }),
            Some(i) if !indentless => Some(i + BEST_INDENT),
            Some(i) => Some(i),
        };
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().flatten();
    }

    fn write_raw(&mut self, chars: &[char]) {
        for c in chars {
            self.out.push(*c);
        }
        self.column += chars.len();
    }

    fn write_text(&mut self, text: &str) {
        self.out.push_str(text);
        self.column += text.chars().count();
    }

    fn write_indicator(&mut self, indicator: &str, need_whitespace: bool, whitespace: bool, indention: bool) {
        if !self.whitespace && need_whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.write_text(indicator);
        self.whitespace = whitespace;
        self.indention = self.indention && indention;
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.write_line_break(None);
        }
        if self.column < indent {
            self.whitespace = true;
            for _ in self.column..indent {
                self.out.push(' ');
            }
            self.column = indent;
        }
    }

    fn write_line_break(&mut self, data: Option<char>) {
        self.out.push(data.unwrap_or('\n'));
        self.whitespace = true;
        self.indention = true;
        self.column = 0;
    }

    /// `expect_node` for one value; `mapping` says it is a mapping's value or key,
    /// `simple_key` that it is a key written without `?`.
    fn node(&mut self, value: &Value, mapping: bool, simple_key_context: bool) {
        match value {
            Value::Null => self.scalar(&['n', 'u', 'l', 'l'], Style::Plain, simple_key_context),
            Value::Bool(b) => {
                let word = if *b { "true" } else { "false" };
                let chars: Vec<char> = word.chars().collect();
                self.scalar(&chars, Style::Plain, simple_key_context);
            }
            Value::Number(n) => {
                let chars: Vec<char> = number_text(n).chars().collect();
                self.scalar(&chars, Style::Plain, simple_key_context);
            }
            Value::String(s) => self.string(s, simple_key_context),
            Value::Array(items) => {
                if items.is_empty() {
                    self.write_indicator("[", true, true, false);
                    self.write_indicator("]", false, false, false);
                    return;
                }
                let indentless = mapping && !self.indention;
                self.increase_indent(false, indentless);
                for item in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, false, false);
                }
                self.pop_indent();
            }
            Value::Object(map) => {
                if map.is_empty() {
                    self.write_indicator("{", true, true, false);
                    self.write_indicator("}", false, false, false);
                    return;
                }
                self.increase_indent(false, false);
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                for key in keys {
                    let Some(item) = map.get(key.as_str()) else {
                        continue;
                    };
                    self.write_indent();
                    let chars: Vec<char> = key.chars().collect();
                    if simple_key(&chars) {
                        self.string(key, true);
                        self.write_indicator(":", false, false, false);
                    } else {
                        self.write_indicator("?", true, false, true);
                        self.string(key, false);
                        self.write_indent();
                        self.write_indicator(":", true, false, true);
                    }
                    self.node(item, true, false);
                }
                self.pop_indent();
            }
        }
    }

    fn string(&mut self, text: &str, simple_key_context: bool) {
        let chars: Vec<char> = text.chars().collect();
        let analysis = analyze(&chars);
        let implicit = plain_is_string(text);
        let style = if implicit
            && !(simple_key_context && (analysis.empty || analysis.multiline))
            && analysis.allow_block_plain
        {
            Style::Plain
        } else if analysis.allow_single_quoted && !(simple_key_context && analysis.multiline) {
            Style::Single
        } else {
            Style::Double
        };
        self.scalar(&chars, style, simple_key_context);
    }

    /// `expect_scalar`: the scalar is written one indentation step in.
    fn scalar(&mut self, chars: &[char], style: Style, simple_key_context: bool) {
        self.increase_indent(true, false);
        let split = !simple_key_context;
        match style {
            Style::Plain => self.write_plain(chars, split),
            Style::Single => self.write_single_quoted(chars, split),
            Style::Double => self.write_double_quoted(chars, split),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, text: &[char], split: bool) {
        if text.is_empty() {
            return;
        }
        if !self.whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.whitespace = false;
        self.indention = false;
        let len = text.len();
        let mut spaces = false;
        let mut breaks = false;
        let mut start = 0usize;
        let mut end = 0usize;
        while end <= len {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.write_indent();
                        self.whitespace = false;
                        self.indention = false;
                    } else {
                        self.write_raw(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if ch.is_none_or(|c| !is_break(c)) {
                    if text.get(start) == Some(&'\n') {
                        self.write_line_break(None);
                    }
                    for &br in &text[start..end] {
                        if br == '\n' {
                            self.write_line_break(None);
                        } else {
                            self.write_line_break(Some(br));
                        }
                    }
                    self.write_indent();
                    self.whitespace = false;
                    self.indention = false;
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c)) {
                self.write_raw(&text[start..end]);
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
    }

    fn write_single_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("'", true, false, false);
        let len = text.len();
        let mut spaces = false;
        let mut breaks = false;
        let mut start = 0usize;
        let mut end = 0usize;
        while end <= len {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split && start != 0 && end != len {
                        self.write_indent();
                    } else {
                        self.write_raw(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if ch.is_none_or(|c| !is_break(c)) {
                    if text.get(start) == Some(&'\n') {
                        self.write_line_break(None);
                    }
                    for &br in &text[start..end] {
                        if br == '\n' {
                            self.write_line_break(None);
                        } else {
                            self.write_line_break(Some(br));
                        }
                    }
                    self.write_indent();
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || c == '\'' || is_break(c)) && start < end {
                self.write_raw(&text[start..end]);
                start = end;
            }
            if ch == Some('\'') {
                self.write_text("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("\"", true, false, false);
        let len = text.len();
        let mut start = 0usize;
        let mut end = 0usize;
        while end <= len {
            let ch = text.get(end).copied();
            let needs_escape = match ch {
                None => true,
                Some(c) => {
                    matches!(c, '"' | '\\' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
                        || !((' '..='~').contains(&c)
                            || ('\u{a0}'..='\u{d7ff}').contains(&c)
                            || ('\u{e000}'..='\u{fffd}').contains(&c))
                }
            };
            if needs_escape {
                if start < end {
                    self.write_raw(&text[start..end]);
                    start = end;
                }
                if let Some(c) = ch {
                    let data = escape(c);
                    self.write_text(&data);
                    start = end + 1;
                }
            }
            let pending = end as isize - start as isize;
            if 0 < end
                && end + 1 < len
                && (ch == Some(' ') || start >= end)
                && self.column as isize + pending > BEST_WIDTH as isize
                && split
            {
                let mut data: String = if start < end {
                    text[start..end].iter().collect()
                } else {
                    String::new()
                };
                data.push('\\');
                if start < end {
                    start = end;
                }
                self.write_text(&data);
                self.write_indent();
                self.whitespace = false;
                self.indention = false;
                if text.get(start) == Some(&' ') {
                    self.write_text("\\");
                }
            }
            end += 1;
        }
        self.write_indicator("\"", false, false, false);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    // Expected texts below were produced by PyYAML 6.0.3 with the prototype's options.

    #[test]
    fn every_resolver_compiles() {
        assert_eq!(RESOLVERS.len(), IMPLICIT.len());
    }

    #[test]
    fn quoting_follows_pyyaml() {
        let value = json!({"s": ["true", "yes", "No", "null", "~", "", "1:30", "0x1F", "0o7", "012",
            "1_000", "1e5", "1.5e+3", ".5", "-", "- a", "a: b", "a:b", "#x", "a #b", "x#", "@a", "`a",
            "%a", "!a", "&a", "*a", "|", "> x", "?", "? x", "?x", ":x", "-x", "--- x", "...", "a ", " a",
            "2026-11-24", "2026-1-2 3:04:05", "=", "<<", "[]", "{a}", "a,b", "a[0]", "'q'", "\"q\"", "it's"]});
        let expected = "s:\n- 'true'\n- 'yes'\n- 'No'\n- 'null'\n- '~'\n- ''\n- '1:30'\n- '0x1F'\n- 0o7\n- '012'\n- '1_000'\n- 1e5\n- '1.5e+3'\n- '.5'\n- '-'\n- '- a'\n- 'a: b'\n- a:b\n- '#x'\n- 'a #b'\n- x#\n- '@a'\n- '`a'\n- '%a'\n- '!a'\n- '&a'\n- '*a'\n- '|'\n- '> x'\n- '?'\n- '? x'\n- ?x\n- :x\n- -x\n- '--- x'\n- '...'\n- 'a '\n- ' a'\n- '2026-11-24'\n- '2026-1-2 3:04:05'\n- '='\n- '<<'\n- '[]'\n- '{a}'\n- a,b\n- a[0]\n- '''q'''\n- '\"q\"'\n- it's\n";
        assert_eq!(document(&value), expected);
    }

    #[test]
    fn line_breaks_and_special_characters() {
        let value = json!({"a": {"b": "line1\nline2", "c": "x\n\ny", "t": "tab\there", "crlf": "a\r\nb",
            "u": "Montréal", "emoji": "😀", "bom": "\u{feff}x"}});
        let expected = "a:\n  b: 'line1\n\n    line2'\n  bom: \"\\uFEFFx\"\n  c: 'x\n\n\n    y'\n  crlf: \"a\\r\\nb\"\n  emoji: 😀\n  t: \"tab\\there\"\n  u: Montréal\n";
        assert_eq!(document(&value), expected);
        let value = json!({"s": [" a\nb", "a \nb", "a\n b", "\n", "a\n"]});
        let expected = "s:\n- ' a\n\n  b'\n- \"a \\nb\"\n- \"a\\n b\"\n- '\n\n  '\n- 'a\n\n  '\n";
        assert_eq!(document(&value), expected);
    }

    #[test]
    fn nested_and_empty_collections() {
        let value = json!({"l": [[1, 2], [], {}, [[3]]], "m": [{"a": [1, {"b": []}]}]});
        assert_eq!(
            document(&value),
            "l:\n- - 1\n  - 2\n- []\n- {}\n- - - 3\nm:\n- a:\n  - 1\n  - b: []\n"
        );
    }

    #[test]
    fn long_and_empty_keys_are_complex_keys() {
        let mut map = serde_json::Map::new();
        map.insert("k".repeat(122), json!(1));
        map.insert("j".repeat(123), json!(2));
        map.insert(String::new(), json!(3));
        let expected = format!("? ''\n: 3\n? {}\n: 2\n{}: 1\n", "j".repeat(123), "k".repeat(122));
        assert_eq!(document(&Value::Object(map)), expected);
        let mut inner = serde_json::Map::new();
        inner.insert("long".repeat(40), json!({"x": 1}));
        inner.insert("seq".to_owned(), json!([[["a"]]]));
        let value = json!({"nested": Value::Object(inner)});
        let expected = format!(
            "nested:\n  ? {}\n  : x: 1\n  seq:\n  - - - a\n",
            "long".repeat(40)
        );
        assert_eq!(document(&value), expected);
    }

    #[test]
    fn floats_are_written_as_python_does() {
        let value =
            json!({"f": [1.0, -1.0, 0.1, 1e16, 1e15, 1e-5, 0.0001, 123456789.123, 1.5e300, 2.5e-7, 100.0]});
        assert_eq!(
            document(&value),
            "f:\n- 1.0\n- -1.0\n- 0.1\n- 1.0e+16\n- 1000000000000000.0\n- 1.0e-05\n- 0.0001\n- 123456789.123\n- 1.5e+300\n- 2.5e-07\n- 100.0\n"
        );
    }

    #[test]
    fn keys_are_sorted_and_scalars_typed() {
        let value =
            json!({"spec": {"b": true, "a": null, "c": 5, "d": -3}, "kind": "X", "apiVersion": "steward/v1"});
        assert_eq!(
            document(&value),
            "apiVersion: steward/v1\nkind: X\nspec:\n  a: null\n  b: true\n  c: 5\n  d: -3\n"
        );
    }
}
