# The linear shapes: every lookup table is a complete rule, built once per evaluation, and
# the loops over documents only index it.
package steward.rules.style.lookup_built_once

import data.steward.lib

# B by name, for constant-time lookups from the loop below.
_b_by_name := {b.metadata.name: b | some b in lib.docs("B")}

_b_names := {name | some name, _ in lib.docs("B")}

# Rule set name -> data sources that use it, grouped in one pass over the data sources and
# read whole, so that it is evaluated once rather than once per rule set.
_sources_by[ruleset] contains source.metadata.name if {
	some source in lib.docs("PurviewDataSource")
	some scan in source.spec.scans
	ruleset := scan.scanRulesetName
}

_sources := _sources_by

# A function may index the estate by its argument: that reaches one document, not all.
_data_source(name) := lib.docs("PurviewDataSource")[name]

# Comprehensions over the document at hand cost what that document holds.
_excluded(ruleset) := {c | some c in ruleset.excludedSystemClassifications; startswith(c, "MICROSOFT.HEALTH")}

deny contains lib.result(a, ["spec", "b"], msg) if {
	some a in lib.docs("A")
	not a.spec.b in _b_names
	msg := sprintf("a names B %s, which is not in the inventory", [a.spec.b])
}

deny contains lib.result(a, ["spec", "b"], msg) if {
	some a in lib.docs("A")
	b := _b_by_name[a.spec.b]
	lib.is_false(b.spec.enabled)
	msg := sprintf("a relies on B %s, which is disabled", [a.spec.b])
}

deny contains lib.result(account, ["spec", "scanRulesets", i, "excludedSystemClassifications"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, ruleset in account.spec.scanRulesets
	sources := _sources[ruleset.name]
	first := _data_source(sort(sources)[0])
	excluded := _excluded(ruleset)
	count(excluded) > 0
	msg := sprintf("scan rule set %s, used to scan %s (first %s), excludes %s", [ruleset.name, concat(", ", sort(sources)), first.metadata.name, concat(", ", sort(excluded))])
}
