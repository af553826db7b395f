package steward.rules.sentinel.workspace_retention_too_short_test

import data.steward.rules.sentinel.workspace_retention_too_short as rule

ws(spec) := {"documents": {"SentinelWorkspace": {"law-soc": {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": spec}}}}

test_short_retention_is_reported if {
	r := rule.deny with input as ws({"retentionInDays": 30, "onboardingStates": []})
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "retentionInDays"],
		"msg": "the workspace keeps data for 30 days, below the required 90",
	}}
}

test_retention_at_the_threshold_is_not_reported if {
	i := ws({"retentionInDays": 90, "onboardingStates": ["default"]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_threshold_is_a_parameter if {
	r := rule.deny with input as ws({"retentionInDays": 90}) with data.steward.params["SEN-013"].minRetentionDays as 365
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "retentionInDays"],
		"msg": "the workspace keeps data for 90 days, below the required 365",
	}}
}

test_unrecorded_retention_is_unknown if {
	i := ws({"onboardingStates": ["default"]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's retention (spec.retentionInDays)",
	}}
}
