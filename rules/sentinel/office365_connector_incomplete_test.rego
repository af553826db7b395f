package steward.rules.sentinel.office365_connector_incomplete_test

import data.steward.rules.sentinel.office365_connector_incomplete as rule

ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": object.union({"onboardingStates": ["default"]}, spec)}

estate(workspaces) := {"documents": {"SentinelWorkspace": {w.metadata.name: w | some w in workspaces}}}

office(exchange, sharepoint, teams) := {
	"name": "office365",
	"kind": "Office365",
	"tenantId": "5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10",
	"dataTypes": {"exchange": {"state": exchange}, "sharePoint": {"state": sharepoint}, "teams": {"state": teams}},
}

entra := {"name": "entra-id", "kind": "AzureActiveDirectory", "dataTypes": {"alerts": {"state": "Enabled"}}}

test_each_disabled_data_type_is_reported if {
	r := rule.deny with input as estate([ws("law-soc", {"dataConnectors": [entra, office("Enabled", "Disabled", "Disabled")]})])
	r == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "dataConnectors", 1, "dataTypes", "sharePoint", "state"],
			"msg": "the Office 365 connector office365 has its sharePoint data type Disabled, and no other Sentinel workspace collects it",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "dataConnectors", 1, "dataTypes", "teams", "state"],
			"msg": "the Office 365 connector office365 has its teams data type Disabled, and no other Sentinel workspace collects it",
		},
	}
}

test_missing_connector_is_reported if {
	r := rule.deny with input as estate([ws("law-soc", {"dataConnectors": [entra]})])
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors"],
		"msg": "no Office 365 (Office365) data connector is connected here or on any other Sentinel workspace, so exchange, sharePoint, teams activity does not reach Sentinel",
	}}
}

test_all_data_types_enabled_are_not_reported if {
	i := estate([ws("law-soc", {"dataConnectors": [office("Enabled", "Enabled", "Enabled")]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_data_types_may_be_split_across_workspaces if {
	i := estate([
		ws("law-soc", {"dataConnectors": [office("Enabled", "Enabled", "Disabled")]}),
		ws("law-collab", {"dataConnectors": [office("Disabled", "Disabled", "Enabled")]}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_required_data_types_are_a_parameter if {
	i := estate([ws("law-soc", {"dataConnectors": [office("Enabled", "Enabled", "Disabled")]})])
	d := rule.deny with input as i with data.steward.params["SEN-008"].requiredDataTypes as ["exchange", "sharePoint"]
	count(d) == 0
}

test_unrecorded_data_type_is_unknown if {
	c := {"name": "office365", "kind": "Office365", "dataTypes": {"exchange": {"state": "Enabled"}, "sharePoint": {"state": "Enabled"}}}
	i := estate([ws("law-soc", {"dataConnectors": [c]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "dataConnectors", 0, "dataTypes"],
		"msg": "the inventory does not record the teams state of the Office 365 connector office365 (dataTypes.teams.state)",
	}}
}

test_unrecorded_connectors_are_unknown if {
	i := estate([ws("law-soc", {})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)",
	}}
}
