# For every scan rule set of every Purview account, a function filters all the data
# sources of the estate by the rule set's name: each call walks every data source, so the
# rule costs rule sets x data sources. (HLT-004 before its fix paid the same kind of cost
# through a function that regrouped an account's data sources on every call.)
package steward.rules.style.function_scans_estate

import data.steward.lib

# Names of the data sources whose scans use a rule set.
_sources_of(ruleset) := [source.metadata.name |
	some source in lib.docs("PurviewDataSource")
	some scan in source.spec.scans
	scan.scanRulesetName == ruleset
]

# The same scan written as a rule body: still once per call.
_scanned_with(ruleset) if {
	some source in lib.docs("PurviewDataSource")
	some scan in source.spec.scans
	scan.scanRulesetName == ruleset
}

# Reaching past lib.docs to the input changes nothing.
_sources_count(ruleset) := count([name |
	some name, source in input.documents.PurviewDataSource
	some scan in source.spec.scans
	scan.scanRulesetName == ruleset
])

deny contains lib.result(account, ["spec", "scanRulesets", i, "excludedSystemClassifications"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, ruleset in account.spec.scanRulesets
	_scanned_with(ruleset.name)
	sources := _sources_of(ruleset.name)
	count(ruleset.excludedSystemClassifications) > 0
	msg := sprintf("scan rule set %s, used to scan %s (%d sources), excludes system classifications", [ruleset.name, concat(", ", sort(sources)), _sources_count(ruleset.name)])
}
