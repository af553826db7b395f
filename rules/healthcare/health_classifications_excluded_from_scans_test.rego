package steward.rules.healthcare.health_classifications_excluded_from_scans_test

import data.steward.rules.healthcare.health_classifications_excluded_from_scans as rule

records_id := "/subscriptions/1/resourceGroups/rg-clinical/providers/Microsoft.Storage/storageAccounts/records"

records := {"kind": "AzureResource", "metadata": {"name": "records", "labels": {"data": "phi"}}, "spec": {"type": "Microsoft.Storage/storageAccounts", "id": records_id}}

marketing := {"kind": "AzureResource", "metadata": {"name": "marketing"}, "spec": {"type": "Microsoft.Storage/storageAccounts", "id": "/subscriptions/1/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/marketing"}}

source(name, id, ruleset, type) := {"name": name, "kind": "AzureStorage", "resourceId": id, "scans": [{"name": "weekly", "scanRulesetName": ruleset, "scanRulesetType": type}]}

lean := {"name": "lean", "kind": "AzureStorage", "excludedSystemClassifications": [
	"MICROSOFT.FINANCIAL.CREDIT_CARD_NUMBER",
	"MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER",
	"MICROSOFT.GOVERNMENT.AUSTRALIA.MEDICAL_ACCOUNT_NUMBER",
]}

purview(spec) := {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": spec}

estate(spec) := {"documents": {
	"AzureResource": {"records": records, "marketing": marketing},
	"PurviewAccount": {"pv": purview(spec)},
}}

test_phi_scan_excluding_health_classifications_is_reported if {
	r := rule.deny with input as estate({
		"scanRulesets": [lean],
		"dataSources": [
			source("clinical-records", upper(records_id), "lean", "Custom"),
			source("clinical-records-2", records_id, "lean", "Custom"),
		],
	})
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets", 0, "excludedSystemClassifications"],
		"msg": "scan rule set lean, used to scan clinical-records, clinical-records-2, excludes the health classifications MICROSOFT.GOVERNMENT.AUSTRALIA.MEDICAL_ACCOUNT_NUMBER, MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER, so PHI in those sources is not classified",
	}}
}

test_patterns_match_whole_words_only if {
	ruleset := {"name": "lean", "excludedSystemClassifications": ["MICROSOFT.GOVERNMENT.KOREA.RESIDENT_REGISTRATION_NUMBER", "MICROSOFT.MISCELLANEOUS.IPADDRESS"]}
	i := estate({"scanRulesets": [ruleset], "dataSources": [source("clinical-records", records_id, "lean", "Custom")]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_rule_set_used_only_for_non_phi_stores_is_not_reported if {
	i := estate({"scanRulesets": [lean], "dataSources": [
		source("marketing", marketing.spec.id, "lean", "Custom"),
		source("clinical-records", records_id, "AzureStorage", "System"),
	]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_phi_tenant_brings_every_source_into_scope if {
	i := object.union(
		estate({"scanRulesets": [lean], "dataSources": [source("marketing", marketing.spec.id, "lean", "Custom")]}),
		{"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": {"data": "phi"}}, "spec": {}}}}},
	)
	r := rule.deny with input as i
	count(r) == 1
}

test_phi_account_brings_its_sources_into_scope if {
	account := object.union(purview({"scanRulesets": [lean], "dataSources": [source("marketing", marketing.spec.id, "lean", "Custom")]}), {"metadata": {"labels": {"data": "phi"}}})
	r := rule.deny with input as {"documents": {"AzureResource": {"marketing": marketing}, "PurviewAccount": {"pv": account}}}
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets", 0, "excludedSystemClassifications"],
		"msg": "scan rule set lean, used to scan marketing, excludes the health classifications MICROSOFT.GOVERNMENT.AUSTRALIA.MEDICAL_ACCOUNT_NUMBER, MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER, so PHI in those sources is not classified",
	}}
}

test_patterns_are_a_parameter if {
	i := estate({"scanRulesets": [lean], "dataSources": [source("clinical-records", records_id, "lean", "Custom")]})
	r := rule.deny with input as i with data.steward.params["HLT-004"].healthClassificationPatterns as ["credit_card"]
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets", 0, "excludedSystemClassifications"],
		"msg": "scan rule set lean, used to scan clinical-records, excludes the health classifications MICROSOFT.FINANCIAL.CREDIT_CARD_NUMBER, so PHI in those sources is not classified",
	}}
}

test_scan_without_a_ruleset_type_is_judged_by_its_recorded_rule_set if {
	scan_source := {"name": "clinical-records", "kind": "AzureStorage", "resourceId": records_id, "scans": [{"name": "weekly", "scanRulesetName": "lean"}]}
	r := rule.deny with input as estate({"scanRulesets": [lean], "dataSources": [scan_source]})
	count(r) == 1
}

test_unrecorded_custom_rule_set_is_unknown if {
	i := estate({"scanRulesets": [], "dataSources": [source("clinical-records", records_id, "phi-lean", "Custom")]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets"],
		"msg": "scan rule set phi-lean, used to scan clinical-records, is not recorded under spec.scanRulesets (nor is the scan marked System), so its excluded classifications cannot be confirmed",
	}}
}

test_rule_set_without_exclusions_recorded_is_unknown if {
	i := estate({"scanRulesets": [{"name": "lean"}], "dataSources": [source("clinical-records", records_id, "lean", "Custom")]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "scanRulesets", 0, "excludedSystemClassifications"],
		"msg": "the inventory does not record the excluded system classifications of scan rule set lean, which scans PHI",
	}}
}

test_missing_data_sources_of_a_phi_account_are_unknown if {
	i := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv", "labels": {"data": "phi"}}, "spec": {}}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources"],
		"msg": "the inventory does not record the account's data sources and scans (spec.dataSources), so the rule sets used for PHI cannot be confirmed",
	}}
}
