//! Rendering an assessment: one module per output format, each writing to any
//! `io::Write` so that stdout, files and tests are the same code path.

pub mod azure;
pub mod csv;
pub mod github;
pub mod heatmap;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod posture;
pub mod sarif;
pub mod text;

use std::io::{self, Write};
use std::path::PathBuf;

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::diagnostic::Diagnostic;

/// The output formats of `steward check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: findings grouped by owner, then severity.
    Text,
    /// For machines: `{"findings": [...], "errors": [...], "summary": {...}}`, documented in docs/output.md.
    Json,
    /// SARIF 2.1.0, for code-scanning views (GitHub, Azure DevOps).
    Sarif,
    /// JUnit XML: a test suite per rule, a test case per judged document.
    Junit,
    /// GitHub Actions workflow commands: annotations on the changed lines.
    Github,
    /// Azure Pipelines logging commands: annotations on the build.
    Azure,
    /// A pull-request summary in Markdown (also for GITHUB_STEP_SUMMARY).
    Markdown,
    /// One row per finding, for spreadsheets.
    Csv,
}

/// A format and where it goes: stdout, or a file (`--format sarif=results.sarif`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub format: Format,
    pub path: Option<PathBuf>,
}

/// Parses `FORMAT` or `FORMAT=PATH`.
pub fn parse_output(text: &str) -> Result<Output, String> {
    use clap::ValueEnum as _;
    let (name, path) = match text.split_once('=') {
        Some((n, p)) if !p.is_empty() => (n, Some(PathBuf::from(p))),
        Some((n, _)) => return Err(format!("{n}=: the path after '=' is empty")),
        None => (text, None),
    };
    let format = Format::from_str(name, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        format!("unknown format {name:?} (one of: {})", names.join(", "))
    })?;
    Ok(Output { format, path })
}

/// Options that change how text is drawn, not what is reported.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

/// Everything a renderer may need.
pub struct Context<'a> {
    pub assessment: &'a Assessment,
    pub errors: &'a [Diagnostic],
    /// Problems that do not stop the run (waivers about to expire or covering nothing).
    pub warnings: &'a [Diagnostic],
    pub catalog: &'a Catalog,
    pub style: Style,
}

pub fn render(format: Format, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::render(cx.assessment, cx.errors, cx.style, out),
        Format::Json => json::render(cx, out),
        Format::Sarif => sarif::render(cx, out),
        Format::Junit => junit::render(cx, out),
        Format::Github => github::render(cx, out),
        Format::Azure => azure::render(cx, out),
        Format::Markdown => markdown::render(cx, out),
        Format::Csv => csv::render(cx, out),
    }
}

/// Text from an inventory made safe for a terminal or a line-based log: control
/// characters other than tab (a newline in a name could forge an `error:` line; an
/// escape sequence could rewrite the screen) and invisible format characters
/// (bidirectional overrides that make text read differently from what it is) are shown
/// as `\u{…}` escapes.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if unsafe_char(c) {
                    format!("\\u{{{:04x}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Escapes text for XML attribute values and element content.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_made_printable() {
        assert_eq!(printable("plain name"), "plain name");
        assert_eq!(printable("soc\nerror: forged"), "soc\\u{000a}error: forged");
        assert_eq!(printable("a\u{1b}[31mred"), "a\\u{001b}[31mred");
        assert_eq!(printable("gpj.\u{202e}exe"), "gpj.\\u{202e}exe");
    }

    #[test]
    fn outputs_parse_with_and_without_a_path() {
        assert_eq!(
            parse_output("json").unwrap(),
            Output {
                format: Format::Json,
                path: None
            }
        );
        assert_eq!(
            parse_output("sarif=out/r.sarif").unwrap(),
            Output {
                format: Format::Sarif,
                path: Some(PathBuf::from("out/r.sarif"))
            }
        );
        assert!(
            parse_output("sarf")
                .unwrap_err()
                .starts_with("unknown format \"sarf\" (one of: text, json, sarif")
        );
        assert!(parse_output("json=").is_err());
    }
}
