//! Problems that stop part of a run from being checked (unreadable or invalid input, a
//! rule that does not compile). Each is reported, the rest of the run goes on, and any
//! of them makes the exit code 2.

use std::fmt;

use serde::Serialize;

use crate::finding::Location;

/// What the problem is about, so reports can group and count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading or walking the inventory paths.
    Read,
    /// YAML or JSON syntax, or a value that has no JSON form.
    Parse,
    /// A document that does not follow the inventory schema.
    Schema,
    /// Loading the rules: metadata, compilation, the matrix.
    Rules,
    /// Usage: arguments or configuration.
    Usage,
}

/// One problem, with where it is when that is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub stage: Stage,
    /// The file the problem is in, when there is no finer location.
    pub file: Option<String>,
    pub location: Option<Location>,
    pub message: String,
}

impl Diagnostic {
    pub fn at(stage: Stage, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            stage,
            file: Some(location.file.clone()),
            location: Some(location),
            message: message.into(),
        }
    }

    pub fn in_file(stage: Stage, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            stage,
            file: Some(file.into()),
            location: None,
            message: message.into(),
        }
    }

    pub fn general(stage: Stage, message: impl Into<String>) -> Self {
        Diagnostic {
            stage,
            file: None,
            location: None,
            message: message.into(),
        }
    }

    /// Order for reports: by file and position, so the same input gives the same bytes.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.file,
            self.location.as_ref().map(|l| (l.line, l.column)),
            self.stage,
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.location, &self.file) {
            (Some(loc), _) => write!(f, "{loc}: {}", self.message),
            (None, Some(file)) => write!(f, "{file}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}
