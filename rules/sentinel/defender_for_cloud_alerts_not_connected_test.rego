package steward.rules.sentinel.defender_for_cloud_alerts_not_connected_test

import data.steward.rules.sentinel.defender_for_cloud_alerts_not_connected as rule

clinical := "7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31"

research := "0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b"

sub(name, spec) := {"kind": "Subscription", "metadata": {"name": name}, "spec": spec}

ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": object.union({"onboardingStates": ["default"]}, spec)}

mdc(name, id, state) := {"name": name, "kind": "AzureSecurityCenter", "subscriptionId": id, "dataTypes": {"alerts": {"state": state}}}

estate(workspaces) := {"documents": {
	"Subscription": {
		"clinical": sub("clinical", {"subscriptionId": clinical}),
		"research": sub("research", {"subscriptionId": research}),
	},
	"SentinelWorkspace": {w.metadata.name: w | some w in workspaces},
}}

test_unconnected_and_disabled_subscriptions_are_reported if {
	i := estate([ws("law-soc", {"dataConnectors": [mdc("mdc-clinical", clinical, "Disabled")]})])
	r := rule.deny with input as i
	r == {
		{
			"resource": "Subscription/clinical",
			"path": ["spec", "subscriptionId"],
			"msg": "the Defender for Cloud connector of subscription 7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31 does not have alerts Enabled (mdc-clinical on law-soc, alerts Disabled)",
		},
		{
			"resource": "Subscription/research",
			"path": ["spec", "subscriptionId"],
			"msg": "no Sentinel workspace has a Defender for Cloud (AzureSecurityCenter) connector for subscription 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b, so its security alerts do not reach Sentinel",
		},
	}
}

test_all_disabled_connectors_of_a_subscription_are_reported if {
	i := estate([
		ws("law-soc", {"dataConnectors": [mdc("mdc-clinical", clinical, "Disabled"), mdc("mdc-research", research, "Enabled")]}),
		ws("law-ops", {"dataConnectors": [mdc("mdc-clinical-ops", upper(clinical), "Disabled")]}),
	])
	r := rule.deny with input as i
	r == {{
		"resource": "Subscription/clinical",
		"path": ["spec", "subscriptionId"],
		"msg": "the Defender for Cloud connector of subscription 7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31 does not have alerts Enabled (mdc-clinical on law-soc, alerts Disabled, mdc-clinical-ops on law-ops, alerts Disabled)",
	}}
}

test_no_sentinel_at_all_is_reported if {
	i := estate([ws("law-ops", {"onboardingStates": []})])
	r := rule.deny with input as i
	count(r) == 2
	some f in r
	f.msg == "no workspace in the inventory has Microsoft Sentinel enabled, so Defender for Cloud alerts of subscription 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b reach no SIEM"
}

test_connected_subscriptions_are_not_reported_across_workspaces if {
	i := estate([
		ws("law-soc", {"dataConnectors": [mdc("mdc-clinical", upper(clinical), "Enabled")]}),
		ws("law-research", {"dataConnectors": [mdc("mdc-research", research, "Enabled")]}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_connectors_are_unknown if {
	i := estate([
		ws("law-soc", {"dataConnectors": [mdc("mdc-clinical", clinical, "Enabled")]}),
		ws("law-research", {}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/research",
		"path": ["spec", "subscriptionId"],
		"msg": "no recorded Sentinel connector sends Defender for Cloud alerts of subscription 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b, and the inventory does not record the data connectors of law-research",
	}}
}

test_unrecorded_alerts_state_and_subscription_id_are_unknown if {
	c := {"name": "mdc-research", "kind": "AzureSecurityCenter", "subscriptionId": research}
	i := {"documents": {
		"Subscription": {
			"research": sub("research", {"subscriptionId": research}),
			"dev": sub("dev", {"displayName": "Contoso Dev"}),
		},
		"SentinelWorkspace": {"law-soc": ws("law-soc", {"dataConnectors": [c]})},
	}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "Subscription/research",
			"path": ["spec", "subscriptionId"],
			"msg": "the inventory does not record the alerts state (dataTypes.alerts.state) of the Defender for Cloud connector of subscription 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b",
		},
		{
			"resource": "Subscription/dev",
			"path": ["spec"],
			"msg": "the inventory does not record the subscription ID (spec.subscriptionId), so its Sentinel connector cannot be matched",
		},
	}
}

test_unrecorded_onboarding_without_sentinel_is_unknown if {
	i := estate([{"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": {"retentionInDays": 90}}])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "Subscription/clinical",
			"path": ["spec", "subscriptionId"],
			"msg": "no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of law-soc",
		},
		{
			"resource": "Subscription/research",
			"path": ["spec", "subscriptionId"],
			"msg": "no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of law-soc",
		},
	}
}
