//! Where every document and every field of a file is: (document index, JSON pointer)
//! to 1-based line and column.
//!
//! Built from the event stream of a second, position-aware YAML reader, and only for
//! files that have something to report: a clean file never pays for locating.
//! A mapping entry is located at its key (that is the line a reader looks for and a
//! code-review annotation should sit on); a sequence item at its first character.

use std::collections::HashMap;

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
    pub fn build(text: &str) -> SourceMap {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut builder = Builder::default();
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
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

enum Frame {
    Map {
        pointer: String,
        key: Option<String>,
    },
    Seq {
        pointer: String,
        next: usize,
    },
    /// Inside a complex (non-scalar) mapping key: nothing in it is addressable.
    Skip {
        depth: usize,
    },
}

#[derive(Default)]
struct Builder {
    documents: Vec<HashMap<String, Position>>,
    duplicates: Vec<Position>,
    stack: Vec<Frame>,
}

fn position(span: Span) -> Position {
    Position {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

impl Builder {
    fn current(&mut self) -> Option<&mut HashMap<String, Position>> {
        self.documents.last_mut()
    }

    fn record(&mut self, pointer: &str, pos: Position) {
        if let Some(map) = self.current() {
            map.entry(pointer.to_owned()).or_insert(pos);
        }
    }

    /// Where the node that starts now sits, or `None` when it is a mapping key (which
    /// is recorded, not descended into) or inside a skipped key.
    fn place_node(&mut self, event: &Event<'_>, pos: Position) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Skip { .. }) => None,
            Some(Frame::Seq { pointer, next }) => {
                let p = push_token(pointer, &next.to_string());
                *next += 1;
                Some(p)
            }
            Some(Frame::Map { pointer, key }) => match key.take() {
                Some(value_pointer) => Some(value_pointer),
                None => {
                    if let Event::Scalar(text, ..) = event {
                        let p = push_token(pointer, text);
                        *key = Some(p.clone());
                        if self.current().is_some_and(|m| m.contains_key(&p)) {
                            self.duplicates.push(pos);
                        }
                        self.record(&p, pos);
                    } else {
                        // A complex key: remember a placeholder so its value is skipped too.
                        *key = Some(String::from("\u{0}"));
                    }
                    None
                }
            },
        }
    }

    fn event(&mut self, event: &Event<'_>, span: Span) {
        let pos = position(span);
        match event {
            Event::DocumentStart(_) => {
                self.documents.push(HashMap::new());
                self.stack.clear();
            }
            Event::Scalar(..) | Event::Alias(_) => {
                if let Some(Frame::Skip { .. }) = self.stack.last() {
                    return;
                }
                let is_key = matches!(self.stack.last(), Some(Frame::Map { key: None, .. }));
                let placed = self.place_node(event, pos);
                if !is_key && let Some(p) = placed.filter(|p| !p.contains('\u{0}')) {
                    self.record(&p, pos);
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if let Some(Frame::Skip { depth }) = self.stack.last_mut() {
                    *depth += 1;
                    return;
                }
                let is_key = matches!(self.stack.last(), Some(Frame::Map { key: None, .. }));
                let placed = self.place_node(event, pos);
                let frame = match placed {
                    Some(p) if !is_key && !p.contains('\u{0}') => {
                        self.record(&p, pos);
                        if matches!(event, Event::MappingStart(..)) {
                            Frame::Map {
                                pointer: p,
                                key: None,
                            }
                        } else {
                            Frame::Seq { pointer: p, next: 0 }
                        }
                    }
                    _ => Frame::Skip { depth: 1 },
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
    fn json_files_are_located_too() {
        let map = SourceMap::build("{\n  \"kind\": \"A\",\n  \"spec\": {\"x\": [1, 2]}\n}\n");
        assert_eq!(at(&map, 0, "/spec/x/1"), (3, 21));
    }
}
