//! Rendering an assessment: one module per output format, each writing to any
//! `io::Write` so that stdout, files and tests are the same code path.

pub mod json;
pub mod text;

use std::io::{self, Write};

use crate::assessment::Assessment;
use crate::diagnostic::Diagnostic;

/// The output formats of `steward check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: findings grouped by owner, then severity.
    Text,
    /// For machines: `{"findings": [...], "errors": [...], "summary": {...}}`, documented in docs/output.md.
    Json,
}

/// Options that change how text is drawn, not what is reported.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

pub fn render(
    format: Format,
    assessment: &Assessment,
    errors: &[Diagnostic],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::render(assessment, errors, style, out),
        Format::Json => json::render(assessment, errors, out),
    }
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
