package steward.rules.defender.continuous_export_to_sentinel_missing_test

import data.steward.rules.defender.continuous_export_to_sentinel_missing as rule

soc_id := "/subscriptions/7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc-prod"

ops_id := "/subscriptions/0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-research-ops"

workspaces := {
	"law-soc-prod": {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc-prod"}, "spec": {"workspaceResourceId": soc_id, "onboardingStates": ["default"]}},
	"law-research-ops": {"kind": "SentinelWorkspace", "metadata": {"name": "law-research-ops"}, "spec": {"workspaceResourceId": ops_id, "onboardingStates": []}},
}

estate(automations) := {"documents": {
	"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"automations": automations}}},
	"SentinelWorkspace": workspaces,
}}

export(name, sources, workspace) := {
	"name": name,
	"isEnabled": true,
	"sources": [{"eventSource": s} | some s in sources],
	"actions": [{"actionType": "Workspace", "workspaceResourceId": workspace}],
}

test_incomplete_exports_are_reported if {
	i := estate([
		export("alerts-only", ["Alerts"], soc_id),
		export("to-ops", ["Alerts", "Assessments"], ops_id),
		object.union(export("paused", ["Alerts", "Assessments"], soc_id), {"isEnabled": "False"}),
	])
	r := rule.deny with input as i
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": sprintf("no automation continuously exports Alerts and Assessments to a Sentinel workspace: alerts-only does not export Assessments; paused is disabled (isEnabled False); to-ops sends to %s, which is not a workspace with Sentinel enabled", [ops_id]),
	}}
}

test_no_automation_is_reported if {
	r := rule.deny with input as estate([])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "the subscription has no continuous export, so Defender for Cloud Alerts and Assessments do not reach Sentinel",
	}}
}

test_event_hub_export_is_reported if {
	auto := {"name": "to-siem", "isEnabled": true, "sources": [{"eventSource": "Alerts"}, {"eventSource": "Assessments"}], "actions": [{"actionType": "EventHub", "eventHubResourceId": "/subscriptions/x/eh"}]}
	r := rule.deny with input as estate([auto])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "no automation continuously exports Alerts and Assessments to a Sentinel workspace: to-siem has no Log Analytics workspace action",
	}}
}

test_export_to_sentinel_is_not_reported if {
	i := estate([export("export-to-sentinel", ["Alerts", "Assessments", "SecureScores"], upper(soc_id))])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_event_sources_are_a_parameter if {
	i := estate([export("export-to-sentinel", ["Alerts", "Assessments"], soc_id)])
	r := rule.deny with input as i with data.steward.params["DEF-012"].eventSources as ["Alerts", "Assessments", "SecureScores"]
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "no automation continuously exports Alerts and Assessments and SecureScores to a Sentinel workspace: export-to-sentinel does not export SecureScores",
	}}
}

test_missing_automations_are_unknown if {
	i := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {}}}, "SentinelWorkspace": workspaces}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "the inventory does not record the subscription's continuous export settings (Microsoft.Security/automations), so export to Sentinel cannot be confirmed",
	}}
}

test_unrecorded_automation_settings_are_unknown if {
	auto := {"name": "export-to-sentinel", "sources": [{"eventSource": "Alerts"}, {"eventSource": "Assessments"}], "actions": [{"actionType": "Workspace", "workspaceResourceId": soc_id}]}
	i := estate([auto])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "the inventory does not record isEnabled for automation export-to-sentinel, so export to Sentinel cannot be confirmed",
	}}
}

test_workspace_with_unrecorded_onboarding_is_unknown if {
	ws := {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc-prod"}, "spec": {"workspaceResourceId": soc_id}}
	i := {"documents": {
		"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"automations": [export("export-to-sentinel", ["Alerts", "Assessments"], soc_id)]}}},
		"SentinelWorkspace": {"law-soc-prod": ws},
	}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "the inventory does not record the Sentinel onboarding state (onboardingStates) of the target workspace for automation export-to-sentinel, so export to Sentinel cannot be confirmed",
	}}
}

test_several_problems_of_one_automation_are_listed if {
	r := rule.deny with input as estate([export("alerts-to-ops", ["Alerts"], ops_id)])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": sprintf("no automation continuously exports Alerts and Assessments to a Sentinel workspace: alerts-to-ops does not export Assessments and sends to %s, which is not a workspace with Sentinel enabled", [ops_id]),
	}}
}

subscription(name, automations) := {"kind": "Subscription", "metadata": {"name": name}, "spec": {"automations": automations}}

# Automations are judged once for each distinct content; each subscription still names its own.
test_same_automation_in_two_subscriptions_is_reported_for_each if {
	i := {"documents": {
		"Subscription": {
			"prod": subscription("prod", [export("prod-export", ["Alerts"], soc_id)]),
			"dev": subscription("dev", [export("dev-export", ["Alerts"], soc_id)]),
		},
		"SentinelWorkspace": workspaces,
	}}
	r := rule.deny with input as i
	r == {
		{
			"resource": "Subscription/prod",
			"path": ["spec", "automations"],
			"msg": "no automation continuously exports Alerts and Assessments to a Sentinel workspace: prod-export does not export Assessments",
		},
		{
			"resource": "Subscription/dev",
			"path": ["spec", "automations"],
			"msg": "no automation continuously exports Alerts and Assessments to a Sentinel workspace: dev-export does not export Assessments",
		},
	}
}

test_export_beside_a_failing_automation_is_not_reported if {
	i := estate([export("alerts-only", ["Alerts"], soc_id), export("export-to-sentinel", ["Alerts", "Assessments"], soc_id)])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_settings_beside_a_failing_automation_are_unknown if {
	unrecorded := {"name": "export-to-sentinel", "sources": [{"eventSource": "Alerts"}, {"eventSource": "Assessments"}]}
	i := estate([export("alerts-only", ["Alerts"], soc_id), unrecorded])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "automations"],
		"msg": "the inventory does not record actions or isEnabled for automation export-to-sentinel, so export to Sentinel cannot be confirmed",
	}}
}
