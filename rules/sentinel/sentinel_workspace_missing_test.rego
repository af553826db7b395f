package steward.rules.sentinel.sentinel_workspace_missing_test

import data.steward.rules.sentinel.sentinel_workspace_missing as rule

tenant := {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": {"tenantId": "5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10"}}

ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": spec}

estate(workspaces) := {"documents": {
	"Tenant": {"contoso": tenant},
	"SentinelWorkspace": {w.metadata.name: w | some w in workspaces},
}}

test_no_onboarded_workspace_is_reported if {
	i := estate([ws("law-soc", {"onboardingStates": []}), ws("law-ops", {"onboardingStates": ["other"]})])
	r := rule.deny with input as i
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec"],
		"msg": "Microsoft Sentinel is not enabled on any workspace in the inventory (law-ops, law-soc: no onboardingStates/default)",
	}}
}

test_no_workspace_at_all_is_reported if {
	r := rule.deny with input as {"documents": {"Tenant": {"contoso": tenant}}}
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec"],
		"msg": "the inventory has no SentinelWorkspace, so no Microsoft Sentinel workspace collects this tenant's security signals",
	}}
}

test_one_onboarded_workspace_is_enough if {
	i := estate([ws("law-soc", {"onboardingStates": ["default"]}), ws("law-ops", {"onboardingStates": []}), ws("law-dev", {})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_onboarding_is_unknown if {
	i := estate([ws("law-soc", {"retentionInDays": 90}), ws("law-ops", {"onboardingStates": []})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec"],
		"msg": "no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of law-soc",
	}}
}
