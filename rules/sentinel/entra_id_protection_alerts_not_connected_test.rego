package steward.rules.sentinel.entra_id_protection_alerts_not_connected_test

import data.steward.rules.sentinel.entra_id_protection_alerts_not_connected as rule

ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": object.union({"onboardingStates": ["default"]}, spec)}

estate(workspaces) := {"documents": {"SentinelWorkspace": {w.metadata.name: w | some w in workspaces}}}

entra(state) := {"name": "entra-id", "kind": "AzureActiveDirectory", "tenantId": "5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10", "dataTypes": {"alerts": {"state": state}}}

office := {"name": "office365", "kind": "Office365", "dataTypes": {"exchange": {"state": "Enabled"}}}

test_disabled_alerts_are_reported if {
	r := rule.deny with input as estate([ws("law-soc", {"dataConnectors": [office, entra("Disabled")]})])
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors", 1, "dataTypes", "alerts", "state"],
		"msg": "the Microsoft Entra ID connector entra-id has its alerts data type Disabled, and no other Sentinel workspace collects Entra ID Protection alerts",
	}}
}

test_missing_connector_is_reported if {
	r := rule.deny with input as estate([ws("law-soc", {"dataConnectors": [office]})])
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors"],
		"msg": "no Microsoft Entra ID (AzureActiveDirectory) data connector is connected here or on any other Sentinel workspace, so Entra ID Protection alerts do not reach Sentinel",
	}}
}

test_enabled_alerts_are_not_reported if {
	i := estate([ws("law-soc", {"dataConnectors": [entra("Enabled")]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_one_collecting_workspace_covers_the_others if {
	i := estate([
		ws("law-soc", {"dataConnectors": [entra("Enabled")]}),
		ws("law-research", {"dataConnectors": [office]}),
		ws("law-dev", {}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_workspace_without_sentinel_is_not_judged if {
	i := estate([ws("law-ops", {"onboardingStates": [], "dataConnectors": []})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_connectors_are_unknown if {
	i := estate([ws("law-soc", {}), ws("law-research", {"dataConnectors": [office]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)",
	}}
}

test_missing_alerts_state_is_unknown if {
	c := {"name": "entra-id", "kind": "AzureActiveDirectory"}
	i := estate([ws("law-soc", {"dataConnectors": [c]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors", 0, "dataTypes"],
		"msg": "the inventory does not record the alerts state of the Microsoft Entra ID connector entra-id (dataTypes.alerts.state)",
	}}
}
