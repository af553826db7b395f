# A membership test against a set built inside the loop: the set of B names is rebuilt for
# every A, so the rule costs A x B.
package steward.rules.style.nested_comprehension

import data.steward.lib

deny contains lib.result(a, ["spec", "b"], msg) if {
	some a in lib.docs("A")
	not a.spec.b in {b.metadata.name | some b in lib.docs("B")}
	msg := sprintf("a names B %s, which is not in the inventory", [a.spec.b])
}

# An object comprehension over the whole input, inside a loop over one kind.
unknown contains lib.result(a, ["spec", "b"], msg) if {
	some a in lib.docs("A")
	kinds := {kind: count(docs) | some kind, docs in input.documents}
	kinds.B == 0
	msg := "the inventory has no B at all"
}

# The loop may be an enclosing comprehension too: one filter of every B per B name.
_by_name := {name: [b | some b in lib.docs("B"); b.metadata.name == name] | some name, _ in lib.docs("B")}
