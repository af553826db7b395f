//! The estate inventory: documents read from YAML and JSON files, checked against the
//! inventory schema, indexed by kind and name, and locatable down to the field.
//!
//! A document is `apiVersion: steward/v1`, `kind`, `metadata` (name, owner, labels) and
//! `spec`; `Kind/name` identifies it across the whole estate. A file that cannot be
//! read or parsed, or a document that breaks the schema, is reported and left out;
//! everything else is still checked.

pub mod discover;
pub mod parse;
pub mod schema;
pub mod source_map;

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Stage};
use crate::finding::Location;
use crate::rego_value::Converter;
use source_map::SourceMap;

/// One file that was read, kept so that findings can be located after evaluation.
#[derive(Debug)]
pub struct SourceFile {
    pub display: String,
    source: Source,
    /// How many documents the value parser found in the stream, empty ones included:
    /// the locator reads only the documents it needs when it finds as many.
    stream: usize,
    /// The position of every node, built the first time a load error needs one.
    map: OnceLock<Option<SourceMap>>,
}

/// Where a file's text can be had again, to locate findings in it.
#[derive(Debug)]
enum Source {
    /// Read from disk: read again when needed, rather than held for the whole run (at
    /// 100,000 documents the texts are a sixth of the run's memory). The length and
    /// fingerprint tell whether it is still the text that was checked.
    Disk {
        path: PathBuf,
        len: usize,
        fingerprint: u64,
    },
    /// Given in memory (imports, tests): held.
    Memory(String),
}

impl Source {
    fn from_disk(path: PathBuf, text: &str) -> Source {
        Source::Disk {
            path,
            len: text.len(),
            fingerprint: fingerprint(text.as_bytes()),
        }
    }
}

/// A file's fingerprint, compared only within one run: foldhash reads sixteen bytes a
/// step where the stable FNV digest reads one, and every file is fingerprinted twice.
fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(bytes)
}

impl SourceFile {
    /// The text that was checked, or `None` when the file has changed or gone since:
    /// its findings are then located at the start of the file rather than at lines
    /// that may no longer hold what the rule saw.
    fn text(&self) -> Option<Cow<'_, str>> {
        match &self.source {
            Source::Memory(text) => Some(Cow::Borrowed(text)),
            Source::Disk {
                path,
                len,
                fingerprint: expected,
            } => {
                let bytes = std::fs::read(path).ok()?;
                let same = bytes.len() == *len && fingerprint(&bytes) == *expected;
                same.then(|| String::from_utf8(bytes).ok().map(Cow::Owned))
                    .flatten()
            }
        }
    }

    fn map(&self) -> Option<&SourceMap> {
        self.map
            .get_or_init(|| self.text().map(|text| SourceMap::build(&text)))
            .as_ref()
    }
}

/// One valid document.
#[derive(Debug)]
pub struct Document {
    pub file: usize,
    /// Position of the document in its file (0 for the first `---` section).
    pub index: usize,
    pub kind: String,
    pub name: String,
    /// `metadata.owner`, when it names someone.
    owner: Option<String>,
    /// `spec.serviceModel`, when declared.
    service_model: Option<String>,
    /// The document as the rules see it. Held only in this form (not also as JSON): at
    /// 100,000 documents a second copy of every value would double the run's memory.
    pub value: regorus::Value,
}

impl Document {
    /// A document from its parsed value, which must have passed the schema.
    pub fn new(file: usize, index: usize, value: &Value, converter: &mut Converter) -> Document {
        let text = |pointer: &str| value.pointer(pointer).and_then(Value::as_str).map(str::to_owned);
        Document {
            file,
            index,
            kind: text("/kind").unwrap_or_default(),
            name: text("/metadata/name").unwrap_or_default(),
            owner: text("/metadata/owner").filter(|s| !s.trim().is_empty()),
            service_model: text("/spec/serviceModel"),
            value: converter.value(value),
        }
    }

    pub fn id(&self) -> String {
        format!("{}/{}", self.kind, self.name)
    }

    /// The team accountable for the document, if it names one.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_deref()
    }

    /// The string at `path` (object keys), if there is one.
    pub fn text(&self, path: &[&str]) -> Option<&str> {
        let mut value = &self.value;
        for key in path {
            value = value.as_object().ok()?.get(&regorus::Value::from(*key))?;
        }
        value.as_string().ok().map(AsRef::as_ref)
    }

    /// The value of label `key` under `metadata.labels`, if it is a string.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.text(&["metadata", "labels", key])
    }

    /// The Azure Resource Manager ID the document records: `spec.id` (resources,
    /// Purview accounts), `spec.workspaceResourceId` (workspaces), or the subscription's.
    pub fn resource_id(&self) -> Option<String> {
        let text = |path: &[&str]| self.text(path).filter(|s| !s.is_empty());
        text(&["spec", "id"])
            .or_else(|| text(&["spec", "workspaceResourceId"]))
            .map(str::to_owned)
            .or_else(|| {
                (self.kind == "Subscription")
                    .then(|| text(&["spec", "subscriptionId"]))
                    .flatten()
                    .map(|id| format!("/subscriptions/{id}"))
            })
    }

    pub fn service_model(&self) -> Option<&str> {
        self.service_model.as_deref()
    }
}

/// Counts for the closing summary of a run.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoadStats {
    /// Files whose every document loaded.
    pub files_loaded: usize,
    /// Files with at least one error.
    pub files_failed: usize,
    /// Files that held no document at all (empty or comments only).
    pub files_empty: usize,
    pub documents: usize,
}

#[derive(Debug, Default)]
pub struct Inventory {
    pub files: Vec<SourceFile>,
    pub documents: Vec<Document>,
    /// Document positions by kind, then name: looked up without building a key.
    by_id: HashMap<String, HashMap<String, usize>>,
    /// Document positions by kind, sorted by name; built on first use, once loading
    /// is over.
    sorted: OnceLock<HashMap<String, Vec<usize>>>,
    pub stats: LoadStats,
}

/// The outcome of loading: what could be used, and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub inventory: Inventory,
    pub errors: Vec<Diagnostic>,
    pub notes: Vec<String>,
}

/// Files larger than this are refused unless the limit is raised (256 MiB): far above
/// any real inventory file, and a bound on what one pull request can make steward read.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;

/// Reads every inventory file under `paths`.
pub fn load(paths: &[PathBuf]) -> Loaded {
    load_with(paths, DEFAULT_MAX_FILE_SIZE)
}

/// As [`load`], refusing files larger than `max_file_size` bytes.
pub fn load_with(paths: &[PathBuf], max_file_size: u64) -> Loaded {
    use rayon::prelude::*;
    let found = discover::discover(paths);
    let mut loaded = Loaded {
        errors: found.errors,
        notes: found.notes,
        ..Loaded::default()
    };
    // Reading, parsing and validating a file needs nothing from the others, so files are
    // prepared in parallel; adding them to the inventory (which finds duplicates across
    // files) then goes in discovery order, so the result never depends on the threads.
    let sizes: Vec<u64> = found
        .files
        .par_iter()
        .map(|c| std::fs::metadata(&c.path).map_or(0, |m| m.len()))
        .collect();
    crate::memory::fit_to(sizes.iter().sum());
    let prepared: Vec<Prepared> = found
        .files
        .into_par_iter()
        .zip(sizes)
        .map_init(Converter::new, |converter, (candidate, size)| {
            if size > max_file_size {
                return Prepared::Failed(Diagnostic::in_file(
                    Stage::Read,
                    candidate.display,
                    format!(
                        "the file is {} MiB, larger than the limit of {} MiB (raise it with --max-file-size)",
                        size.div_ceil(1 << 20),
                        max_file_size >> 20
                    ),
                ));
            }
            match std::fs::read(&candidate.path) {
                Ok(bytes) => prepare(candidate.display, bytes, converter).read_from(candidate.path),
                Err(e) => Prepared::Failed(Diagnostic::in_file(
                    Stage::Read,
                    candidate.display,
                    format!("cannot read: {e}"),
                )),
            }
        })
        .collect();
    for p in prepared {
        loaded.commit(p);
    }
    loaded.errors.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    loaded
}

/// A file read, parsed and validated on its own, ready to join the inventory.
enum Prepared {
    Failed(Diagnostic),
    Parsed {
        display: String,
        source: Source,
        /// Each document's position in the file, and the document or what is wrong
        /// with it.
        documents: Vec<(usize, Result<Document, Vec<schema::Violation>>)>,
        /// Documents in the stream, empty ones included.
        stream: usize,
    },
}

impl Prepared {
    /// The file read from `path`: its text is let go once parsed, and read again to
    /// locate findings.
    fn read_from(self, path: PathBuf) -> Prepared {
        match self {
            Prepared::Parsed {
                display,
                source: Source::Memory(text),
                documents,
                stream,
            } => Prepared::Parsed {
                display,
                source: Source::from_disk(path, &text),
                documents,
                stream,
            },
            other => other,
        }
    }
}

fn prepare(display: String, bytes: Vec<u8>, converter: &mut Converter) -> Prepared {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if e.as_bytes().starts_with(&[0xff, 0xfe]) || e.as_bytes().starts_with(&[0xfe, 0xff]) => {
            // Windows PowerShell 5.1 writes UTF-16 by default (Out-File, `>`).
            return Prepared::Failed(Diagnostic::at(
                Stage::Parse,
                Location {
                    file: display,
                    line: 1,
                    column: 1,
                },
                "UTF-16 text; inventory files must be UTF-8 (re-save it as UTF-8, e.g. Out-File -Encoding utf8)",
            ));
        }
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let column = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            return Prepared::Failed(Diagnostic::at(
                Stage::Parse,
                Location {
                    file: display,
                    line,
                    column,
                },
                "not valid UTF-8 text (is this a binary file?); inventory files must be UTF-8 YAML or JSON",
            ));
        }
    };
    let json = display.to_ascii_lowercase().ends_with(".json");
    if json && let Err(e) = parse::check_json(&text) {
        return Prepared::Failed(Diagnostic::at(
            Stage::Parse,
            Location {
                file: display,
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
            },
            format!("invalid JSON: {}", e.message),
        ));
    }
    let parsed = match parse::parse(&text) {
        Ok(p) => p,
        Err(e) => {
            let location = Location {
                file: display,
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
            };
            return Prepared::Failed(Diagnostic::at(
                Stage::Parse,
                location,
                format!("invalid {}: {}", if json { "JSON" } else { "YAML" }, e.message),
            ));
        }
    };
    let stream = parsed.documents.len() + parsed.empty;
    let documents = parsed
        .documents
        .into_iter()
        .map(|(index, value)| {
            let violations = if value.is_object() {
                schema::validate(&value)
            } else {
                vec![schema::Violation {
                    pointer: String::new(),
                    message: format!(
                        "expected a mapping with apiVersion, kind, metadata and spec; found {}",
                        if value.is_array() {
                            "a list"
                        } else {
                            "a single value"
                        }
                    ),
                }]
            };
            if violations.is_empty() {
                // The file's position is known only once files are joined in order.
                (index, Ok(Document::new(usize::MAX, index, &value, converter)))
            } else {
                (index, Err(violations))
            }
        })
        .collect();
    Prepared::Parsed {
        display,
        source: Source::Memory(text),
        documents,
        stream,
    }
}

impl Loaded {
    /// Adds one file's content; public so that tests and importers can load text
    /// without touching the file system.
    pub fn add_file(&mut self, display: String, bytes: Vec<u8>) {
        self.commit(prepare(display, bytes, &mut Converter::new()));
    }

    fn commit(&mut self, prepared: Prepared) {
        let (display, source, documents, stream) = match prepared {
            Prepared::Failed(diagnostic) => {
                self.inventory.stats.files_failed += 1;
                self.errors.push(diagnostic);
                return;
            }
            Prepared::Parsed {
                display,
                source,
                documents,
                stream,
            } => (display, source, documents, stream),
        };
        // A file joining changes what every kind holds.
        self.inventory.sorted.take();
        let file_index = self.inventory.files.len();
        self.inventory.files.push(SourceFile {
            display: display.clone(),
            source,
            stream,
            map: OnceLock::new(),
        });
        if documents.is_empty() {
            self.inventory.stats.files_empty += 1;
            self.notes.push(format!(
                "{display}: no documents (empty or comments only); skipped"
            ));
            return;
        }
        let mut failed = false;
        for (index, document) in documents {
            let mut document = match document {
                Ok(d) => d,
                Err(violations) => {
                    failed = true;
                    for v in violations {
                        let location = self.inventory.locate_in(file_index, index, &v.pointer);
                        self.errors
                            .push(Diagnostic::at(Stage::Schema, location, v.message));
                    }
                    continue;
                }
            };
            document.file = file_index;
            let (kind, name) = (&document.kind, &document.name);
            if let Some(first) = self.inventory.by_id.get(kind).and_then(|names| names.get(name)) {
                let first = &self.inventory.documents[*first];
                let earlier = self.inventory.locate(first, "/metadata/name");
                let location = self.inventory.locate_in(file_index, index, "/metadata/name");
                self.errors.push(Diagnostic::at(
                    Stage::Schema,
                    location,
                    format!("duplicate document {kind}/{name}: already defined at {earlier}; names must be unique per kind"),
                ));
                failed = true;
                continue;
            }
            let position = self.inventory.documents.len();
            self.inventory
                .by_id
                .entry(kind.clone())
                .or_default()
                .insert(name.clone(), position);
            self.inventory.documents.push(document);
            self.inventory.stats.documents += 1;
        }
        if failed {
            self.inventory.stats.files_failed += 1;
        } else {
            self.inventory.stats.files_loaded += 1;
        }
    }
}

impl Inventory {
    /// The document `kind/name`, if the inventory has it.
    pub fn get(&self, kind: &str, name: &str) -> Option<&Document> {
        self.position(kind, name).map(|i| &self.documents[i])
    }

    /// Where the document `kind/name` is in `documents`, if the inventory has it.
    pub fn position(&self, kind: &str, name: &str) -> Option<usize> {
        self.by_id.get(kind).and_then(|names| names.get(name)).copied()
    }

    /// File, line and column of `pointer` inside `document`, or of its nearest existing
    /// ancestor.
    pub fn locate(&self, document: &Document, pointer: &str) -> Location {
        self.locate_in(document.file, document.index, pointer)
    }

    fn locate_in(&self, file: usize, index: usize, pointer: &str) -> Location {
        let source = self.files.get(file);
        location(source, source.and_then(SourceFile::map), index, pointer)
    }

    /// The positions in `documents` of the documents of `kind`, sorted by name.
    pub fn of_kind(&self, kind: &str) -> &[usize] {
        let sorted = self.sorted.get_or_init(|| {
            self.by_id
                .iter()
                .map(|(kind, names)| {
                    let mut positions: Vec<usize> = names.values().copied().collect();
                    positions.sort_by(|a, b| self.documents[*a].name.cmp(&self.documents[*b].name));
                    (kind.clone(), positions)
                })
                .collect()
        });
        sorted.get(kind).map_or(&[], Vec::as_slice)
    }

    /// A locator for exactly the `wanted` fields: `(document position, pointer)`
    /// pairs. Only the files they are in are read again, in parallel, and only those
    /// fields and their ancestors are recorded, which at 100,000 documents is a small
    /// part of every node's position.
    pub fn locator<'p>(&self, wanted: impl IntoIterator<Item = (usize, &'p str)>) -> Locator<'_> {
        use rayon::prelude::*;
        let mut by_file: HashMap<usize, source_map::Wanted<'p>> = HashMap::new();
        for (position, pointer) in wanted {
            if let Some(d) = self.documents.get(position) {
                by_file.entry(d.file).or_default().add(d.index, pointer);
            }
        }
        let maps = by_file
            .into_par_iter()
            .filter_map(|(file, wanted)| {
                let source = self.files.get(file)?;
                let text = source.text()?;
                Some((file, SourceMap::build_for(&text, &wanted, source.stream)))
            })
            .collect();
        Locator {
            inventory: self,
            maps,
        }
    }

    /// The input document the rules see, `{"documents": {Kind: {name: document}}}`, as
    /// JSON for other tools (`steward input`).
    pub fn to_input(&self) -> Value {
        serde_json::to_value(self.to_rego_input()).unwrap_or(Value::Null)
    }

    /// The input document as the rules are evaluated on it. Keyed by kind then name,
    /// so rules iterate one kind at a time and look a document up by name in
    /// constant time; the documents' values are shared, not copied.
    pub fn to_rego_input(&self) -> regorus::Value {
        use std::collections::BTreeMap as Map;
        let mut by_kind: Map<&str, Map<regorus::Value, regorus::Value>> = Map::new();
        for d in &self.documents {
            by_kind
                .entry(&d.kind)
                .or_default()
                .insert(regorus::Value::from(d.name.as_str()), d.value.clone());
        }
        let documents: Map<regorus::Value, regorus::Value> = by_kind
            .into_iter()
            .map(|(kind, docs)| (regorus::Value::from(kind), regorus::Value::from(docs)))
            .collect();
        regorus::Value::from(Map::from([(
            regorus::Value::from("documents"),
            regorus::Value::from(documents),
        )]))
    }
}

/// File, line and column of `pointer` in document `index` of `source`, by `map`, or of
/// its nearest ancestor that `map` has.
fn location(source: Option<&SourceFile>, map: Option<&SourceMap>, index: usize, pointer: &str) -> Location {
    let (line, column) = map
        .and_then(|m| m.locate(index, pointer))
        .map_or((1, 1), |(pos, _)| (pos.line, pos.column));
    Location {
        file: source.map(|s| s.display.clone()).unwrap_or_default(),
        line,
        column,
    }
}

/// Positions of a chosen set of fields (see [`Inventory::locator`]).
pub struct Locator<'a> {
    inventory: &'a Inventory,
    maps: HashMap<usize, SourceMap>,
}

impl Locator<'_> {
    /// File, line and column of `pointer` inside `document`, or of its nearest
    /// existing ancestor; `pointer` must have been among the wanted fields, or only
    /// an ancestor that was is found.
    pub fn locate(&self, document: &Document, pointer: &str) -> Location {
        location(
            self.inventory.files.get(document.file),
            self.maps.get(&document.file),
            document.index,
            pointer,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUB: &str = "apiVersion: steward/v1\nkind: Subscription\nmetadata:\n  name: prod\n  owner: platform\nspec:\n  serviceModel: iaas\n";

    fn load_texts(files: &[(&str, &str)]) -> Loaded {
        let mut loaded = Loaded::default();
        for (name, text) in files {
            loaded.add_file((*name).to_owned(), text.as_bytes().to_vec());
        }
        loaded
    }

    #[test]
    fn loads_documents_and_locates_fields_in_later_documents() {
        let text = format!(
            "{SUB}---\napiVersion: steward/v1\nkind: Tenant\nmetadata: {{name: contoso}}\nspec: {{}}\n"
        );
        let loaded = load_texts(&[("inv.yaml", &text)]);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let tenant = loaded.inventory.get("Tenant", "contoso").unwrap();
        assert_eq!(
            loaded.inventory.locate(tenant, "/metadata/name").to_string(),
            "inv.yaml:11:12"
        );
        assert_eq!(
            loaded.inventory.locate(tenant, "/spec/missing").to_string(),
            "inv.yaml:12:1"
        );
    }

    #[test]
    fn files_read_from_disk_are_located_from_a_fresh_read_until_they_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inv.yaml");
        let tenant = "apiVersion: steward/v1\nkind: Tenant\nmetadata: {name: contoso}\nspec: {}\n";
        std::fs::write(&path, format!("{SUB}---\n{tenant}")).unwrap();
        // A schema error and a duplicate are located while loading, from the same re-read.
        let invalid = SUB.replace("prod", "dev").replace("iaas", "cloud");
        std::fs::write(dir.path().join("z.yaml"), format!("{SUB}---\n{invalid}")).unwrap();
        let loaded = load(&[dir.path().to_path_buf()]);
        let messages: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        let first = format!("{}:4:3", path.display());
        assert!(
            messages[0].ends_with(&format!(
                "z.yaml:4:3: duplicate document Subscription/prod: already defined at {first}; names must be unique per kind"
            )),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("z.yaml:15:3: spec.serviceModel"),
            "{messages:?}"
        );
        let inventory = &loaded.inventory;
        let contoso = inventory.get("Tenant", "contoso").unwrap();
        let position = inventory.position("Tenant", "contoso").unwrap();
        let at = |line: usize, column: usize| Location {
            file: path.display().to_string(),
            line,
            column,
        };
        assert_eq!(
            inventory
                .locator([(position, "/metadata/name")])
                .locate(contoso, "/metadata/name"),
            at(11, 12)
        );
        assert_eq!(inventory.locate(contoso, "/spec"), at(12, 1));
        // Edited after it was checked: its lines may no longer hold what the rules saw.
        std::fs::write(&path, format!("# moved\n{SUB}---\n{tenant}")).unwrap();
        assert_eq!(
            inventory
                .locator([(position, "/metadata/name")])
                .locate(contoso, "/metadata/name"),
            at(1, 1)
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            inventory
                .locator([(position, "/metadata/name")])
                .locate(contoso, "/metadata/name"),
            at(1, 1)
        );
    }

    #[test]
    fn a_bad_file_is_reported_and_the_others_still_load() {
        let loaded = load_texts(&[("a.yaml", "kind: [\n"), ("b.yaml", SUB)]);
        assert_eq!(loaded.inventory.documents.len(), 1);
        assert_eq!(loaded.errors.len(), 1);
        assert!(
            loaded.errors[0]
                .to_string()
                .starts_with("a.yaml:2:1: invalid YAML"),
            "{}",
            loaded.errors[0]
        );
        assert_eq!(
            loaded.inventory.stats,
            LoadStats {
                files_loaded: 1,
                files_failed: 1,
                files_empty: 0,
                documents: 1
            }
        );
    }

    #[test]
    fn schema_errors_point_at_the_field() {
        let text = SUB.replace(
            "serviceModel: iaas",
            "serviceModel: iaas\n  pricings:\n    Arm: {pricingTier: Premium}",
        );
        let loaded = load_texts(&[("s.yaml", &text)]);
        assert_eq!(loaded.errors.len(), 1);
        assert_eq!(
            loaded.errors[0].to_string(),
            "s.yaml:9:11: spec.pricings.Arm.pricingTier: expected one of Free, Standard; found \"Premium\""
        );
    }

    #[test]
    fn a_duplicate_document_names_the_first_definition() {
        let loaded = load_texts(&[("a.yaml", SUB), ("b.yaml", SUB)]);
        assert_eq!(loaded.inventory.documents.len(), 1);
        assert_eq!(
            loaded.errors[0].to_string(),
            "b.yaml:4:3: duplicate document Subscription/prod: already defined at a.yaml:4:3; names must be unique per kind"
        );
    }

    #[test]
    fn scalars_lists_and_binary_are_rejected_clearly() {
        let mut loaded = load_texts(&[("list.yaml", "- a\n- b\n"), ("scalar.yaml", "hello\n")]);
        loaded.add_file("bin.yaml".into(), vec![b'a', b':', b' ', 0xff, 0xfe]);
        let messages: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        assert!(
            messages[0].starts_with("list.yaml:1:1: expected a mapping"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("scalar.yaml:1:1: expected a mapping"),
            "{messages:?}"
        );
        assert!(
            messages[2].starts_with("bin.yaml:1:4: not valid UTF-8"),
            "{messages:?}"
        );
    }

    #[test]
    fn kinds_list_their_documents_by_name_and_findings_are_located() {
        let loaded = load_texts(&[
            ("b.yaml", &SUB.replace("name: prod", "name: zeta")),
            (
                "a.yaml",
                &format!("{SUB}---\n{}", SUB.replace("name: prod", "name: alpha")),
            ),
        ]);
        let inventory = &loaded.inventory;
        let names: Vec<&str> = inventory
            .of_kind("Subscription")
            .iter()
            .map(|i| inventory.documents[*i].name.as_str())
            .collect();
        assert_eq!(names, ["alpha", "prod", "zeta"]);
        assert!(inventory.of_kind("Tenant").is_empty());
        let alpha = inventory.position("Subscription", "alpha").unwrap();
        let locator = inventory.locator([(alpha, "/spec/serviceModel"), (alpha, "/spec/missing")]);
        let document = &inventory.documents[alpha];
        assert_eq!(
            locator.locate(document, "/spec/serviceModel").to_string(),
            "a.yaml:15:3"
        );
        assert_eq!(
            locator.locate(document, "/spec/missing").to_string(),
            "a.yaml:14:1"
        );
    }

    #[test]
    fn the_input_groups_documents_by_kind_and_name() {
        let loaded = load_texts(&[("a.yaml", SUB)]);
        let input = loaded.inventory.to_input();
        assert_eq!(
            input.pointer("/documents/Subscription/prod/spec/serviceModel"),
            Some(&Value::from("iaas"))
        );
        assert_eq!(
            loaded.inventory.to_rego_input(),
            regorus::Value::from(input.clone())
        );
    }
}
