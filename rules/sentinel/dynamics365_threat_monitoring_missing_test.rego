package steward.rules.sentinel.dynamics365_threat_monitoring_missing_test

import data.steward.rules.sentinel.dynamics365_threat_monitoring_missing as rule

# Tests run as of 2026-01-01.
ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": object.union({"onboardingStates": ["default"]}, spec)}

care := {"kind": "PowerPlatformEnvironment", "metadata": {"name": "clinical-care"}, "spec": {"environmentSku": "Production", "dynamics365Apps": ["Customer Service"]}}

estate(workspaces) := {"documents": {
	"PowerPlatformEnvironment": {"clinical-care": care},
	"SentinelWorkspace": {w.metadata.name: w | some w in workspaces},
}}

dataverse_rule(enabled) := {"name": "dataverse-mass-delete", "kind": "Scheduled", "enabled": enabled, "requiredDataConnectors": [{"connectorId": "Dataverse", "dataTypes": ["DataverseActivity"]}]}

fusion := {"name": "fusion", "kind": "Fusion", "enabled": true}

dataverse_table(last) := {"name": "DataverseActivity", "lastIngestionTime": last}

cds(state) := {"name": "dynamics", "kind": "Dynamics365", "dataTypes": {"dynamics365CdsActivities": {"state": state}}}

test_nothing_connected_is_reported if {
	i := estate([ws("law-soc", {"dataConnectors": [], "tables": [], "alertRules": [fusion]})])
	r := rule.deny with input as i
	r == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "dataConnectors"],
			"msg": "no Dynamics 365 activity reaches this workspace: no Dynamics365 connector has dynamics365CdsActivities Enabled, and no data reached DataverseActivity or Dynamics365Activity in the last 7 days",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "alertRules"],
			"msg": "no enabled analytics rule requires the Dataverse or Dynamics365 connector, so Dynamics 365 activity raises no alerts here",
		},
	}
}

test_ingestion_without_an_enabled_rule_is_reported if {
	i := estate([ws("law-soc", {"dataConnectors": [], "tables": [dataverse_table("2025-12-31T10:00:00Z")], "alertRules": [dataverse_rule(false)]})])
	r := rule.deny with input as i
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "alertRules"],
		"msg": "no enabled analytics rule requires the Dataverse or Dynamics365 connector, so Dynamics 365 activity raises no alerts here",
	}}
}

test_stale_table_is_no_ingestion if {
	i := estate([ws("law-soc", {"dataConnectors": [cds("Disabled")], "tables": [dataverse_table("2025-10-01")], "alertRules": [dataverse_rule(true)]})])
	r := rule.deny with input as i
	count(r) == 1
	some f in r
	f.path == ["spec", "dataConnectors"]
}

test_table_and_rule_are_not_reported if {
	i := estate([ws("law-soc", {"dataConnectors": [], "tables": [dataverse_table("2025-12-31T10:00:00Z")], "alertRules": [dataverse_rule("True")]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_legacy_connector_and_rule_are_not_reported if {
	r := {"name": "d365", "kind": "Scheduled", "enabled": true, "requiredDataConnectors": [{"connectorId": "Dynamics365"}]}
	i := estate([ws("law-soc", {"dataConnectors": [cds("Enabled")], "tables": [], "alertRules": [r]}), ws("law-research", {})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_estate_without_dynamics_is_not_judged if {
	i := {"documents": {"SentinelWorkspace": {"law-soc": ws("law-soc", {"dataConnectors": [], "tables": [], "alertRules": []})}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_connector_ids_are_a_parameter if {
	r := {"name": "custom", "kind": "Scheduled", "enabled": true, "requiredDataConnectors": [{"connectorId": "CustomDataverse"}]}
	i := estate([ws("law-soc", {"dataConnectors": [cds("Enabled")], "tables": [], "alertRules": [r]})])
	d := rule.deny with input as i with data.steward.params["SEN-006"].connectorIds as ["CustomDataverse"]
	count(d) == 0
}

test_unrecorded_rules_and_ingestion_time_are_unknown if {
	i := estate([ws("law-soc", {"dataConnectors": [], "tables": [{"name": "DataverseActivity"}]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 0],
			"msg": "the inventory does not record when table DataverseActivity last received data (lastIngestionTime)",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec"],
			"msg": "the inventory does not record the workspace's analytics rules (spec.alertRules), so Dynamics 365 detections cannot be confirmed",
		},
	}
}
