# Text that only looks like a scan: lib.docs("B") in a comment, strings and raw strings, and
# set unions, which use the same `|` as comprehensions.
package steward.rules.style.strings_and_comments

import data.steward.lib

# _slow(x) := [b | some b in lib.docs("B")]
_label(x) := sprintf("%s: see lib.docs(\"B\") and input.documents for %v", [x, "#"])

_help(_) := `a raw string
may span lines and name lib.docs("B") or input.documents freely`

_problems(a) := ({"no b"} | {"no c"}) | {n | some n in a.spec.notes}

_all(a) := _problems(a) | {_label(a.metadata.name)}

deny contains lib.result(a, ["spec"], msg) if {
	some a in lib.docs("A")
	problems := _all(a) | {"x"}
	count(problems) > 3
	msg := sprintf("%s (%s)", [concat(", ", sort(problems)), _help(a)])
}
