package steward.rules.sentinel.purview_not_connected_test

import data.steward.rules.sentinel.purview_not_connected as rule

soc_id := "/subscriptions/7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc"

ws(spec) := {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": object.union({"onboardingStates": ["default"], "workspaceResourceId": soc_id}, spec)}

purview(spec) := {"kind": "PurviewAccount", "metadata": {"name": "pv-contoso"}, "spec": spec}

estate(workspace, accounts) := {"documents": {
	"SentinelWorkspace": {"law-soc": workspace},
	"PurviewAccount": {a.metadata.name: a | some a in accounts},
}}

mpip(state) := {"name": "purview-mip", "kind": "MicrosoftPurviewInformationProtection", "dataTypes": {"logs": {"state": state}}}

to_workspace(id, enabled) := {"diagnosticSettings": [{"name": "to-sentinel", "workspaceId": id, "logs": [{"categoryGroup": "audit", "enabled": enabled}]}]}

test_disabled_connector_without_diagnostics_is_reported if {
	i := estate(ws({"dataConnectors": [mpip("Disabled")]}), [purview(to_workspace(soc_id, false))])
	r := rule.deny with input as i
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors", 0, "dataTypes", "logs", "state"],
		"msg": "the Microsoft Purview Information Protection connector purview-mip has its logs data type Disabled, and no Purview account sends diagnostic logs to a Sentinel workspace",
	}}
}

test_no_route_is_reported if {
	i := estate(ws({"dataConnectors": []}), [purview(to_workspace("/subscriptions/1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/other", true))])
	r := rule.deny with input as i
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors"],
		"msg": "no Microsoft Purview Information Protection connector is connected and no Purview account sends diagnostic logs to a Sentinel workspace, so Purview signals do not reach Sentinel",
	}}
}

test_connector_alone_is_enough if {
	i := estate(ws({"dataConnectors": [mpip("Enabled")]}), [])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_diagnostic_setting_alone_is_enough_whatever_the_case if {
	i := estate(ws({"dataConnectors": []}), [purview(to_workspace(upper(soc_id), "True"))])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_purview_diagnostics_are_unknown if {
	i := estate(ws({"dataConnectors": []}), [purview({"publicNetworkAccess": "Disabled"})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors"],
		"msg": "no Purview connector is recorded here and the inventory does not record the diagnostic settings of Purview account pv-contoso (spec.diagnosticSettings), so whether Purview logs reach Sentinel cannot be confirmed",
	}}
}

test_unrecorded_connectors_are_unknown if {
	i := estate(ws({}), [])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)",
	}}
}
