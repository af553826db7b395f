package steward.rules.sentinel.sentinel_not_enabled_test

import data.steward.rules.sentinel.sentinel_not_enabled as rule

ws(spec) := {"documents": {"SentinelWorkspace": {"soc": {"kind": "SentinelWorkspace", "metadata": {"name": "soc"}, "spec": spec}}}}

test_workspace_without_onboarding_is_reported if {
	r := rule.deny with input as ws({"onboardingStates": []})
	r == {{
		"resource": "SentinelWorkspace/soc",
		"path": ["spec", "onboardingStates"],
		"msg": "Microsoft Sentinel is not onboarded to this workspace (no onboardingStates/default)",
	}}
}

test_onboarded_workspace_is_not_reported if {
	i := ws({"onboardingStates": ["default"]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_onboarding_state_is_unknown if {
	i := ws({"retentionInDays": 90})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's Sentinel onboarding state (spec.onboardingStates)",
	}}
}
