package steward.rules.sentinel.automation_rule_missing_test

import data.steward.rules.sentinel.automation_rule_missing as rule

ws(spec) := {"documents": {"SentinelWorkspace": {"law-soc": {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": object.union({"onboardingStates": ["default"]}, spec)}}}}

triage(enabled) := {"name": "triage-high", "enabled": enabled, "actions": [{"actionType": "ModifyProperties"}]}

isolate(enabled) := {"name": "isolate-host", "enabled": enabled, "actions": [{"actionType": "RunPlaybook", "logicAppResourceId": "/subscriptions/7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31/resourceGroups/rg-soc/providers/Microsoft.Logic/workflows/isolate-host"}]}

test_disabled_rules_are_reported if {
	r := rule.deny with input as ws({"automationRules": [triage(false), isolate("False")]})
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "automationRules"],
		"msg": "all 2 automation rules of the workspace are disabled, so no incident is triaged or answered automatically",
	}}
}

test_single_disabled_rule_is_reported if {
	r := rule.deny with input as ws({"automationRules": [triage(false)]})
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "automationRules"],
		"msg": "the workspace's only automation rule is disabled, so no incident is triaged or answered automatically",
	}}
}

test_no_rules_are_reported if {
	r := rule.deny with input as ws({"automationRules": []})
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "automationRules"],
		"msg": "the workspace has no automation rule, so no incident is triaged or answered automatically",
	}}
}

test_one_enabled_rule_is_not_reported if {
	i := ws({"automationRules": [triage(false), isolate(true)]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_rules_are_unknown if {
	i := ws({"alertRules": []})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's automation rules (spec.automationRules)",
	}}
}
