package steward.rules.purview.scan_ruleset_excludes_classifications_test

import data.steward.rules.purview.scan_ruleset_excludes_classifications as rule

scan(name, ruleset, type) := {"name": name, "scanRulesetName": ruleset, "scanRulesetType": type}

account(rulesets, scans) := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {
	"scanRulesets": rulesets,
	"dataSources": [{"name": "clinical-records", "kind": "AzureStorage", "scans": scans}],
}}}}}

narrow := {"name": "no-ids", "kind": "AzureStorage", "excludedSystemClassifications": ["MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER", "MICROSOFT.PERSONAL.EMAIL"]}

full := {"name": "health-data", "kind": "AzureStorage", "excludedSystemClassifications": [], "includedCustomClassificationRuleNames": ["MRN"]}

test_ruleset_with_exclusions_is_reported if {
	r := rule.deny with input as account([full, narrow], [scan("weekly", "no-ids", "Custom"), scan("monthly", "health-data", "Custom")])
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets", 1, "excludedSystemClassifications"],
		"msg": "scan weekly of data source clinical-records uses custom scan rule set no-ids, which excludes 2 system classification(s): MICROSOFT.PERSONAL.EMAIL, MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER",
	}}
}

test_an_unused_narrow_ruleset_is_not_reported if {
	i := account([full, narrow], [scan("monthly", "health-data", "Custom")])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_system_ruleset_is_not_reported if {
	# A custom rule set that shares the system rule set's name does not apply to a System scan.
	i := account([{"name": "AzureStorage", "excludedSystemClassifications": ["MICROSOFT.PERSONAL.EMAIL"]}], [scan("weekly", "AzureStorage", "System")])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_custom_ruleset_is_unknown if {
	i := account([full], [scan("weekly", "no-ids", "Custom")])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets"],
		"msg": "scan weekly of data source clinical-records uses custom scan rule set no-ids, which the inventory does not record (spec.scanRulesets), so the classifications it applies cannot be confirmed",
	}}
}

test_rulesets_not_recorded_at_all_are_unknown if {
	i := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"dataSources": [{"name": "clinical-records", "kind": "AzureStorage", "scans": [scan("weekly", "no-ids", "Custom")]}]}}}}}
	u := rule.unknown with input as i
	count(u) == 1
}

test_ruleset_without_exclusions_recorded_is_unknown if {
	i := account([{"name": "no-ids"}], [scan("weekly", "no-ids", "Custom")])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets", 0],
		"msg": "scan weekly of data source clinical-records uses custom scan rule set no-ids, whose excludedSystemClassifications the inventory does not record",
	}}
}

test_scan_without_ruleset_type_is_unknown if {
	i := account([full], [{"name": "weekly", "scanRulesetName": "health-data"}])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "scanRulesetType"],
		"msg": "scan weekly of data source clinical-records does not record whether its scan rule set is System or Custom (scanRulesetType)",
	}}
}

test_custom_scan_without_ruleset_name_is_unknown if {
	i := account([full], [{"name": "weekly", "scanRulesetType": "Custom"}])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "scanRulesetName"],
		"msg": "scan weekly of data source clinical-records uses a custom scan rule set but does not record its name (scanRulesetName)",
	}}
}

test_ruleset_recorded_only_in_another_account_is_unknown if {
	# Rule sets belong to an account: another account's no-ids does not describe this scan's.
	other := {"kind": "PurviewAccount", "metadata": {"name": "pv-2"}, "spec": {"scanRulesets": [narrow], "dataSources": []}}
	i := object.union(account([full], [scan("weekly", "no-ids", "Custom")]), {"documents": {"PurviewAccount": {"pv-2": other}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets"],
		"msg": "scan weekly of data source clinical-records uses custom scan rule set no-ids, which the inventory does not record (spec.scanRulesets), so the classifications it applies cannot be confirmed",
	}}
}
