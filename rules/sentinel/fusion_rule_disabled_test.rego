package steward.rules.sentinel.fusion_rule_disabled_test

import data.steward.rules.sentinel.fusion_rule_disabled as rule

ws(spec) := {"documents": {"SentinelWorkspace": {"law-soc": {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": object.union({"onboardingStates": ["default"]}, spec)}}}}

fusion(enabled) := {"name": "advanced-multistage", "kind": "Fusion", "enabled": enabled}

mdc_incidents := {"name": "mdc-incidents", "kind": "MicrosoftSecurityIncidentCreation", "enabled": true, "productFilter": "Azure Security Center"}

test_disabled_fusion_is_reported if {
	r := rule.deny with input as ws({"alertRules": [mdc_incidents, fusion("False")]})
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "alertRules", 1, "enabled"],
		"msg": "the Fusion rule advanced-multistage is disabled, so correlated multistage attack incidents are not raised",
	}}
}

test_missing_fusion_is_reported if {
	r := rule.deny with input as ws({"alertRules": [mdc_incidents]})
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "alertRules"],
		"msg": "the workspace has no Fusion analytics rule, so correlated multistage attack incidents are not raised",
	}}
}

test_enabled_fusion_is_not_reported if {
	i := ws({"alertRules": [mdc_incidents, fusion(true)]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_rules_are_unknown if {
	i := ws({"dataConnectors": []})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's analytics rules (spec.alertRules)",
	}}
}
