package steward.rules.defender.storage_protection_incomplete_test

import data.steward.rules.defender.storage_protection_incomplete as rule

sub(storage) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"pricings": {"StorageAccounts": storage}}}}}}

v2(malware, discovery) := {
	"pricingTier": "Standard",
	"subPlan": "DefenderForStorageV2",
	"extensions": [
		{"name": "OnUploadMalwareScanning", "isEnabled": malware},
		{"name": "SensitiveDataDiscovery", "isEnabled": discovery},
	],
}

test_disabled_extension_is_reported if {
	r := rule.deny with input as sub(v2("True", "False"))
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts", "extensions"],
		"msg": "the SensitiveDataDiscovery extension of Defender for Storage is not enabled",
	}}
}

test_absent_extensions_are_reported if {
	r := rule.deny with input as sub({"pricingTier": "Standard", "subPlan": "DefenderForStorageV2", "extensions": []})
	r == {
		{
			"resource": "Subscription/prod",
			"path": ["spec", "pricings", "StorageAccounts", "extensions"],
			"msg": "the OnUploadMalwareScanning extension of Defender for Storage is not enabled",
		},
		{
			"resource": "Subscription/prod",
			"path": ["spec", "pricings", "StorageAccounts", "extensions"],
			"msg": "the SensitiveDataDiscovery extension of Defender for Storage is not enabled",
		},
	}
}

test_classic_plan_is_reported if {
	r := rule.deny with input as sub({"pricingTier": "Standard", "subPlan": "PerTransaction"})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts", "subPlan"],
		"msg": "Defender for Storage is on the classic PerTransaction plan, which has no on-upload malware scanning or sensitive data discovery; the current plan is DefenderForStorageV2",
	}}
}

test_complete_plan_is_not_reported if {
	i := sub(v2(true, "True"))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_free_tier_is_left_to_the_plan_rule if {
	i := sub({"pricingTier": "Free"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_required_extensions_are_a_parameter if {
	d := rule.deny with input as sub(v2("True", "False")) with data.steward.params["DEF-003"].extensions as ["OnUploadMalwareScanning"]
	count(d) == 0
}

test_missing_pricing_is_unknown if {
	i := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {}}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts"],
		"msg": "the inventory does not record the StorageAccounts pricing (Microsoft.Security/pricings), so the Defender for Storage configuration cannot be confirmed",
	}}
}

test_missing_sub_plan_is_unknown if {
	i := sub({"pricingTier": "Standard"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts", "subPlan"],
		"msg": "the StorageAccounts plan is Standard but the inventory does not record its subPlan, so whether it is DefenderForStorageV2 cannot be confirmed",
	}}
}

test_missing_extensions_are_unknown if {
	i := sub({"pricingTier": "Standard", "subPlan": "DefenderForStorageV2"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts", "extensions"],
		"msg": "the inventory does not record the extensions of the StorageAccounts plan, so malware scanning and sensitive data discovery cannot be confirmed",
	}}
}

test_extensions_enabled_in_any_spelling_are_not_reported if {
	i := sub(v2("true", true))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}
