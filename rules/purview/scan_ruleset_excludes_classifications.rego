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

# Each outcome walks the scans itself, reading each field inline: the walk costs less than
# building a table of scans to walk, and a helper call per scan would cost more than the walk.
deny contains lib.result(account, ["spec", "scanRulesets", j, "excludedSystemClassifications"], msg) if {
	some account in lib.docs("PurviewAccount")
	some source in account.spec.dataSources
	some scan in source.scans
	scan.scanRulesetType == "Custom"
	some j, ruleset in account.spec.scanRulesets
	ruleset.name == scan.scanRulesetName
	excluded := ruleset.excludedSystemClassifications
	count(excluded) > 0
	msg := sprintf("scan %s of data source %s uses custom scan rule set %s, which excludes %d system classification(s): %s", [scan.name, source.name, ruleset.name, count(excluded), concat(", ", sort(excluded))])
}

unknown contains lib.result(account, ["spec", "scanRulesets"], msg) if {
	some account in lib.docs("PurviewAccount")
	recorded := {ruleset.name | some ruleset in account.spec.scanRulesets}
	some source in account.spec.dataSources
	some scan in source.scans
	scan.scanRulesetType == "Custom"
	name := scan.scanRulesetName
	not name in recorded
	msg := sprintf("scan %s of data source %s uses custom scan rule set %s, which the inventory does not record (spec.scanRulesets), so the classifications it applies cannot be confirmed", [scan.name, source.name, name])
}

# object.get is lib.has's own test, inline because it runs for every scan.
unknown contains lib.result(account, ["spec", "scanRulesets", j], msg) if {
	some account in lib.docs("PurviewAccount")
	some source in account.spec.dataSources
	some scan in source.scans
	scan.scanRulesetType == "Custom"
	some j, ruleset in account.spec.scanRulesets
	ruleset.name == scan.scanRulesetName
	object.get(ruleset, ["excludedSystemClassifications"], null) == null
	msg := sprintf("scan %s of data source %s uses custom scan rule set %s, whose excludedSystemClassifications the inventory does not record", [scan.name, source.name, ruleset.name])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "scanRulesetName"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	some k, scan in source.scans
	scan.scanRulesetType == "Custom"
	object.get(scan, ["scanRulesetName"], null) == null
	msg := sprintf("scan %s of data source %s uses a custom scan rule set but does not record its name (scanRulesetName)", [scan.name, source.name])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "scanRulesetType"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	some k, scan in source.scans
	object.get(scan, ["scanRulesetType"], null) == null
	msg := sprintf("scan %s of data source %s does not record whether its scan rule set is System or Custom (scanRulesetType)", [scan.name, source.name])
}
