# METADATA
# title: Purview scan uses a ruleset that excludes system classifications
# description: |
#   A scan classifies what its scan rule set tells it to look for. System rule sets apply
#   every system classification; a custom rule set can exclude some of them, and a scan
#   that uses it then never labels, for example, national ID or health record numbers it
#   finds. Classification is what makes the catalogue useful for protecting sensitive data.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/create-a-scan-rule-set
# custom:
#   id: PUR-005
#   severity: medium
#   area: Customer data
#   kinds: [PurviewAccount]
#   guidance: "Security in Microsoft Cloud for Healthcare: Microsoft Purview can connect to and classify the services used (data is classified and cataloged)"
#   mcsb: [DP-1]
#   remediation: In the Purview Data Map edit the custom scan rule set (Data Map > Scan rule sets) and select every system classification (empty excludedSystemClassifications), or switch the scan to the System rule set for its source type.
package steward.rules.purview.scan_ruleset_excludes_classifications

import data.steward.lib

_scan_path(i, k) := ["spec", "dataSources", i, "scans", k]

# Every scan of every source, with where it sits in the account.
_scans contains [account.metadata.name, i, k] if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	some k, scan in source.scans
}

_custom(scan) if scan.scanRulesetType == "Custom"

_recorded(account, name) if {
	some ruleset in account.spec.scanRulesets
	ruleset.name == name
}

_what(source, scan) := sprintf("scan %s of data source %s", [scan.name, source.name])

deny contains lib.result(account, ["spec", "scanRulesets", j, "excludedSystemClassifications"], msg) if {
	some [pv_name, src_i, scan_k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[src_i]
	scan := source.scans[scan_k]
	_custom(scan)
	some j, ruleset in account.spec.scanRulesets
	ruleset.name == scan.scanRulesetName
	excluded := ruleset.excludedSystemClassifications
	count(excluded) > 0
	msg := sprintf("%s uses custom scan rule set %s, which excludes %d system classification(s): %s", [_what(source, scan), ruleset.name, count(excluded), concat(", ", sort(excluded))])
}

unknown contains lib.result(account, ["spec", "scanRulesets"], msg) if {
	some [pv_name, src_i, scan_k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[src_i]
	scan := source.scans[scan_k]
	_custom(scan)
	not _recorded(account, scan.scanRulesetName)
	msg := sprintf("%s uses custom scan rule set %s, which the inventory does not record (spec.scanRulesets), so the classifications it applies cannot be confirmed", [_what(source, scan), scan.scanRulesetName])
}

unknown contains lib.result(account, ["spec", "scanRulesets", j], msg) if {
	some [pv_name, src_i, scan_k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[src_i]
	scan := source.scans[scan_k]
	_custom(scan)
	some j, ruleset in account.spec.scanRulesets
	ruleset.name == scan.scanRulesetName
	not lib.has(ruleset, ["excludedSystemClassifications"])
	msg := sprintf("%s uses custom scan rule set %s, whose excludedSystemClassifications the inventory does not record", [_what(source, scan), ruleset.name])
}

unknown contains lib.result(account, array.concat(_scan_path(i, k), ["scanRulesetName"]), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	_custom(scan)
	not lib.has(scan, ["scanRulesetName"])
	msg := sprintf("%s uses a custom scan rule set but does not record its name (scanRulesetName)", [_what(source, scan)])
}

unknown contains lib.result(account, array.concat(_scan_path(i, k), ["scanRulesetType"]), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	not lib.has(scan, ["scanRulesetType"])
	msg := sprintf("%s does not record whether its scan rule set is System or Custom (scanRulesetType)", [_what(source, scan)])
}
