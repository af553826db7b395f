//! Where every document and every field of a file is: (document index, JSON pointer)
//! to 1-based line and column.
//!
//! Built from the event stream of a second, position-aware YAML reader, and only for
//! files that have something to report: a clean file never pays for locating.
//! A mapping entry is located at its key (that is the line a reader looks for and a
//! code-review annotation should sit on); a sequence item at its first character.

use std::fmt::Write;

use foldhash::{HashMap, HashMapExt, HashSet};

use saphyr_parser::{Event, Parser, Span};

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The positions of one file, per document.
#[derive(Debug, Default)]
pub struct SourceMap {
    documents: Vec<HashMap<String, Position>>,
    duplicates: Vec<Position>,
}

impl SourceMap {
    /// Every node of every document of `text`.
    pub fn build(text: &str) -> SourceMap {
        Self::walk(text, None, 0, 0)
    }

    /// Only the `wanted` fields and their ancestors: subtrees holding none of them
    /// are skipped, so a file is located for its findings at a fraction of the cost.
    /// When the stream has the `stream` documents the value parser found, only the
    /// documents with wanted fields are read at all.
    pub fn build_for(text: &str, wanted: &Wanted<'_>, stream: usize) -> SourceMap {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Self::by_section(text, wanted, stream).unwrap_or_else(|| Self::walk(text, Some(wanted), 0, 0))
    }

    /// The wanted documents, each parsed from its own section; `None` when the cut
    /// cannot be trusted: the markers find another number of documents than the value
    /// parser did, or a section does not hold exactly one.
    fn by_section(text: &str, wanted: &Wanted<'_>, stream: usize) -> Option<SourceMap> {
        let sections = sections(text);
        if sections.len() != stream || wanted.documents.len() == stream {
            return None;
        }
        let mut documents = vec![HashMap::new(); stream];
        for &index in wanted.documents.keys() {
            let section = sections.get(index)?;
            let mut one = Self::walk(
                &text[section.start..section.end],
                Some(wanted),
                index,
                section.lines_before,
            );
            if one.documents.len() != 1 {
                return None;
            }
            documents[index] = one.documents.swap_remove(0);
        }
        Some(SourceMap {
            documents,
            duplicates: Vec::new(),
        })
    }

    /// Walks `text`, whose first document is document `first` of its file and starts
    /// after `lines_before` lines of it.
    fn walk(text: &str, wanted: Option<&Wanted<'_>>, first: usize, lines_before: usize) -> SourceMap {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut builder = Builder {
            documents: Vec::new(),
            duplicates: Vec::new(),
            stack: Vec::new(),
            path: String::new(),
            wanted,
            fields: None,
            first,
            lines_before,
        };
        for event in Parser::new_from_str(text) {
            // A syntax error ends what can be located; what came before is still right.
            let Ok((event, span)) = event else { break };
            builder.event(&event, span);
        }
        SourceMap {
            documents: builder.documents,
            duplicates: builder.duplicates,
        }
    }

    /// Where the first key repeated within one mapping is, if any: the value parser
    /// reports duplicates at the mapping, this says which line repeats it.
    pub fn first_duplicate_key(&self) -> Option<Position> {
        self.duplicates.first().copied()
    }

    /// The position of `pointer` in document `document`, or of its nearest ancestor
    /// that exists (a finding about a missing field points at the parent that should
    /// hold it), and the pointer that was found.
    pub fn locate<'p>(&self, document: usize, pointer: &'p str) -> Option<(Position, &'p str)> {
        let map = self.documents.get(document)?;
        let mut current = pointer;
        loop {
            if let Some(pos) = map.get(current) {
                return Some((*pos, current));
            }
            if current.is_empty() {
                return None;
            }
            current = current.rfind('/').map_or("", |cut| &current[..cut]);
        }
    }
}

/// Appends one reference token to a JSON pointer (RFC 6901 escaping).
pub fn push_token(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    append_token(&mut out, token);
    out
}

fn append_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    // Most keys need no escape: they are copied whole rather than a character at a time.
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Where one document of a stream lies: its bytes, and how many lines come before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Section {
    start: usize,
    end: usize,
    lines_before: usize,
}

/// The documents of a YAML stream, found from its marker lines alone. A line that
/// starts with `---` or `...` followed by a blank or its end is a document marker
/// wherever it is (YAML forbids one inside any node), so a stream can be cut there
/// without being parsed. A document starts at its `---` line, or at its first line of
/// content when it has none, and ends at the next marker; blank, comment and directive
/// lines between documents belong to none.
fn sections(text: &str) -> Vec<Section> {
    let marker = |line: &str, m: &str| {
        line.starts_with(m)
            && line
                .as_bytes()
                .get(3)
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    };
    let mut out = Vec::new();
    let mut open: Option<Section> = None;
    let mut close = |open: &mut Option<Section>, end: usize| {
        if let Some(section) = open.take() {
            out.push(Section { end, ..section });
        }
    };
    let mut start = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let here = Section {
            start,
            end: start,
            lines_before: number,
        };
        if marker(line, "---") {
            close(&mut open, start);
            open = Some(here);
        } else if marker(line, "...") {
            close(&mut open, start);
        } else if open.is_none() {
            let content = line.trim_ascii_start();
            if !content.is_empty() && !content.starts_with('#') && !line.starts_with('%') {
                open = Some(here);
            }
        }
        start += line.len();
    }
    close(&mut open, text.len());
    out
}

/// The fields a targeted map records, per document of a file.
#[derive(Debug, Default)]
pub struct Wanted<'p> {
    documents: HashMap<usize, HashSet<&'p str>>,
}

impl<'p> Wanted<'p> {
    /// Wants `pointer` in document `document`, and every ancestor of it, so that a
    /// missing field still falls back to the nearest ancestor that exists.
    pub fn add(&mut self, document: usize, pointer: &'p str) {
        let fields = self.documents.entry(document).or_default();
        let mut current = pointer;
        // Ancestors go in with each pointer, so a pointer already present has them.
        while fields.insert(current) && !current.is_empty() {
            current = current.rfind('/').map_or("", |cut| &current[..cut]);
        }
    }
}

/// What the entry of a mapping being read is at.
enum Key {
    /// The next node is a key.
    Awaited,
    /// `path` ends with the pending entry's key; the next node is its value.
    Scalar,
    /// The pending entry's key is not a scalar: it has no pointer, nor does its value.
    Complex,
}

enum Frame {
    /// A mapping at `path[..len]`.
    Map { len: usize, key: Key },
    /// A sequence at `path[..len]`, whose next item has index `next`.
    Seq { len: usize, next: usize },
    /// A node without a pointer (a complex key or its value) or, in a targeted map, a
    /// node no wanted field is under, `depth` collections deep.
    Skip { depth: usize },
}

struct Builder<'w> {
    documents: Vec<HashMap<String, Position>>,
    duplicates: Vec<Position>,
    stack: Vec<Frame>,
    /// The pointer of the node being read: one buffer, cut back to a parent's length
    /// rather than a string per node.
    path: String,
    wanted: Option<&'w Wanted<'w>>,
    /// The wanted fields of the document being read, looked up once per document rather
    /// than once per node.
    fields: Option<&'w HashSet<&'w str>>,
    /// The index in its file of the first document read, and the lines before it.
    first: usize,
    lines_before: usize,
}

impl Builder<'_> {
    /// Whether `path` is recorded in the current document.
    fn wants_path(&self) -> bool {
        self.wanted.is_none()
            || self
                .fields
                .is_some_and(|fields| fields.contains(self.path.as_str()))
    }

    /// Records `path` at `pos` unless it already has a position (an entry stays at its key).
    fn record(&mut self, pos: Position) {
        if !self.wants_path() {
            return;
        }
        if let Some(map) = self.documents.last_mut()
            && !map.contains_key(self.path.as_str())
        {
            map.insert(self.path.clone(), pos);
        }
    }

    /// Points `path` at the node about to be read and says whether it has a pointer.
    fn place(&mut self) -> bool {
        match self.stack.last_mut() {
            None => {
                self.path.clear();
                true
            }
            Some(Frame::Skip { .. }) => false,
            Some(Frame::Seq { len, next }) => {
                self.path.truncate(*len);
                // An index needs no escape, and is written without a string of its own.
                let _ = write!(self.path, "/{next}");
                *next += 1;
                true
            }
            Some(Frame::Map { key, .. }) => {
                let usable = matches!(key, Key::Scalar);
                *key = Key::Awaited;
                usable
            }
        }
    }

    fn event(&mut self, event: &Event<'_>, span: Span) {
        let pos = Position {
            line: self.lines_before + span.start.line(),
            column: span.start.col() + 1,
        };
        match event {
            Event::DocumentStart(_) => {
                self.documents.push(HashMap::new());
                let document = self.first + self.documents.len() - 1;
                self.fields = self.wanted.and_then(|w| w.documents.get(&document));
                self.stack.clear();
                self.path.clear();
            }
            Event::Scalar(..) | Event::Alias(_) => {
                if let Some(Frame::Map {
                    len,
                    key: key @ Key::Awaited,
                }) = self.stack.last_mut()
                {
                    // A key: the entry is located here, at its key.
                    let Event::Scalar(text, ..) = event else {
                        *key = Key::Complex;
                        return;
                    };
                    *key = Key::Scalar;
                    self.path.truncate(*len);
                    append_token(&mut self.path, text);
                    if self.wanted.is_none()
                        && self
                            .documents
                            .last()
                            .is_some_and(|m| m.contains_key(self.path.as_str()))
                    {
                        self.duplicates.push(pos);
                    }
                    self.record(pos);
                } else if self.place() {
                    self.record(pos);
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if let Some(Frame::Skip { depth }) = self.stack.last_mut() {
                    *depth += 1;
                    return;
                }
                let frame = if let Some(Frame::Map {
                    key: key @ Key::Awaited,
                    ..
                }) = self.stack.last_mut()
                {
                    // A collection as a key: neither it nor its value has a pointer.
                    *key = Key::Complex;
                    Frame::Skip { depth: 1 }
                } else if self.place() && self.wants_path() {
                    self.record(pos);
                    let len = self.path.len();
                    if matches!(event, Event::MappingStart(..)) {
                        Frame::Map {
                            len,
                            key: Key::Awaited,
                        }
                    } else {
                        Frame::Seq { len, next: 0 }
                    }
                } else {
                    Frame::Skip { depth: 1 }
                };
                self.stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Skip { depth }) = self.stack.last_mut()
                    && *depth > 1
                {
                    *depth -= 1;
                    return;
                }
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(map: &SourceMap, doc: usize, pointer: &str) -> (usize, usize) {
        let (pos, _) = map.locate(doc, pointer).unwrap();
        (pos.line, pos.column)
    }

    #[test]
    fn locates_keys_items_and_documents() {
        let text = "kind: A\nspec:\n  list:\n    - x\n    - name: y\n---\nkind: B\nspec: {a: 1}\n";
        let map = SourceMap::build(text);
        assert_eq!(at(&map, 0, ""), (1, 1));
        assert_eq!(at(&map, 0, "/spec"), (2, 1));
        assert_eq!(at(&map, 0, "/spec/list"), (3, 3));
        assert_eq!(at(&map, 0, "/spec/list/0"), (4, 7));
        assert_eq!(at(&map, 0, "/spec/list/1"), (5, 7));
        assert_eq!(at(&map, 0, "/spec/list/1/name"), (5, 7));
        assert_eq!(at(&map, 1, "/kind"), (7, 1));
        assert_eq!(at(&map, 1, "/spec/a"), (8, 8));
    }

    #[test]
    fn a_missing_field_falls_back_to_its_nearest_ancestor() {
        let map = SourceMap::build("spec:\n  pricings:\n    Arm: {}\n");
        let (pos, found) = map
            .locate(0, "/spec/pricings/VirtualMachines/pricingTier")
            .unwrap();
        assert_eq!((pos.line, pos.column, found), (2, 3, "/spec/pricings"));
    }

    #[test]
    fn keys_with_slashes_and_tildes_are_escaped() {
        let map = SourceMap::build("a/b:\n  c~d: 1\n");
        assert_eq!(at(&map, 0, "/a~1b/c~0d"), (2, 3));
        assert_eq!(push_token("", "a/b~"), "/a~1b~0");
    }

    #[test]
    fn repeated_keys_are_found() {
        let map = SourceMap::build("spec:\n  a: 1\n  b: 2\n  a: 3\n");
        assert_eq!(map.first_duplicate_key(), Some(Position { line: 4, column: 3 }));
    }

    #[test]
    fn complex_keys_are_skipped_without_losing_the_rest() {
        let map = SourceMap::build("? [a, b]\n: 1\nafter: 2\n");
        assert_eq!(at(&map, 0, "/after"), (3, 1));
    }

    #[test]
    fn a_targeted_map_locates_its_fields_as_the_full_map_does() {
        let text = "kind: A\nspec:\n  list:\n    - x\n    - name: y\n  other: {a: 1}\n  ? [k]\n  : v\n---\nkind: B\nspec: {a: [1, {b: 2}]}\n";
        let asked = [
            (0, "/spec/list/1/name"),
            (0, "/spec/list/0"),
            (0, "/spec/missing/deep"),
            (1, "/spec/a/1/b"),
            (1, ""),
        ];
        let mut wanted = Wanted::default();
        for (document, pointer) in asked {
            wanted.add(document, pointer);
        }
        let full = SourceMap::build(text);
        let targeted = SourceMap::build_for(text, &wanted, 2);
        for (document, pointer) in asked {
            assert_eq!(
                targeted.locate(document, pointer),
                full.locate(document, pointer),
                "{pointer}"
            );
        }
        // A field nobody asked for is not recorded: its nearest wanted ancestor answers.
        assert_eq!(targeted.locate(0, "/spec/other/a").map(|(_, f)| f), Some("/spec"));
        assert_eq!(
            full.locate(0, "/spec/other/a").map(|(_, f)| f),
            Some("/spec/other/a")
        );
    }

    /// Every document of `text` located alone, through its own section, must be
    /// located exactly as the whole stream locates it.
    fn assert_sections_locate_as_the_stream_does(text: &str) {
        let full = SourceMap::build(text);
        let stream = full.documents.len();
        assert_eq!(
            sections(text.strip_prefix('\u{feff}').unwrap_or(text)).len(),
            stream,
            "{text:?}"
        );
        for (index, fields) in full.documents.iter().enumerate() {
            let mut wanted = Wanted::default();
            for pointer in fields.keys() {
                wanted.add(index, pointer);
            }
            let alone = SourceMap::build_for(text, &wanted, stream);
            assert_eq!(alone.documents.len(), stream);
            assert_eq!(&alone.documents[index], fields, "document {index} of {text:?}");
        }
    }

    #[test]
    fn documents_read_alone_are_located_as_in_the_whole_stream() {
        for text in [
            "kind: A\nspec:\n  x: 1\n",
            "kind: A\n---\nkind: B\nspec: {a: [1, 2]}\n---\nkind: C\n",
            "# leading comment\n\n---\nkind: A\n--- # second\nkind: B\n",
            "%YAML 1.2\n---\nkind: A\n...\n%YAML 1.2\n---\nkind: B\n",
            "kind: A\n...\n# between\nkind: B\n...\n",
            "kind: A\r\nspec:\r\n  x: 1\r\n---\r\nkind: B\r\n  # indented comment\r\nspec: {}\r\n",
            "\u{feff}kind: A\n---\nkind: B\n",
            "kind: A\nnote: |\n  --- not a marker\n  ... nor this\n---x: a key\n---\nkind: B\n",
            "--- {kind: A, spec: {x: 1}}\n--- {kind: B}\n",
            "---\n- a\n- b\n---\tkind: B\n",
            "  kind: A\n  spec: 1\n---\nkind: B\n",
        ] {
            assert_sections_locate_as_the_stream_does(text);
        }
    }

    #[test]
    fn the_sample_estate_is_located_document_by_document_as_whole_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/estates/contoso-health");
        let mut files = 0;
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.unwrap();
            if entry
                .path()
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml")
            {
                assert_sections_locate_as_the_stream_does(&std::fs::read_to_string(entry.path()).unwrap());
                files += 1;
            }
        }
        assert!(files > 5, "{files} files");
    }

    #[test]
    fn a_stream_the_markers_misjudge_is_read_whole() {
        // Told of three documents where the markers find two, the map reads everything
        // and still locates both.
        let text = "kind: A\n---\nkind: B\n";
        let mut wanted = Wanted::default();
        wanted.add(1, "/kind");
        let map = SourceMap::build_for(text, &wanted, 3);
        assert_eq!(at(&map, 1, "/kind"), (3, 1));
        assert_eq!(map.documents.len(), 2);
    }

    #[test]
    fn json_files_are_located_too() {
        let map = SourceMap::build("{\n  \"kind\": \"A\",\n  \"spec\": {\"x\": [1, 2]}\n}\n");
        assert_eq!(at(&map, 0, "/spec/x/1"), (3, 21));
    }
}
