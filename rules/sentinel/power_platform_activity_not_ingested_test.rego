package steward.rules.sentinel.power_platform_activity_not_ingested_test

import data.steward.rules.sentinel.power_platform_activity_not_ingested as rule

# Tests run as of 2026-01-01.
ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": object.union({"onboardingStates": ["default"]}, spec)}

estate(workspaces) := {"documents": {"SentinelWorkspace": {w.metadata.name: w | some w in workspaces}}}

table(name, last) := {"name": name, "lastIngestionTime": last}

all_fresh := [
	table("PowerAppsActivity", "2025-12-31T22:00:00Z"),
	table("PowerAutomateActivity", "2025-12-30"),
	table("PowerPlatformAdminActivity", "2025-12-28T09:15:00Z"),
]

test_missing_and_stale_tables_are_reported if {
	tables := [table("AuditLogs", "2025-12-31"), table("PowerAppsActivity", "2025-11-01T00:00:00Z"), table("PowerPlatformAdminActivity", "2025-12-31")]
	r := rule.deny with input as estate([ws("law-soc", {"tables": tables})])
	r == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 1, "lastIngestionTime"],
			"msg": "table PowerAppsActivity last received data 61 days ago, more than the allowed 7, and no other Sentinel workspace receives it",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables"],
			"msg": "table PowerAutomateActivity is not in the workspace, and no other Sentinel workspace receives it: its Power Platform connector is not connected",
		},
	}
}

test_fresh_tables_are_not_reported if {
	i := estate([ws("law-soc", {"tables": all_fresh})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_tables_fresh_in_another_workspace_count if {
	i := estate([ws("law-soc", {"tables": all_fresh}), ws("law-research", {"tables": []})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_age_is_a_parameter if {
	tables := array.concat([table("PowerAppsActivity", "2025-11-01T00:00:00Z")], array.slice(all_fresh, 1, 3))
	d := rule.deny with input as estate([ws("law-soc", {"tables": tables})]) with data.steward.params["SEN-005"].maxIngestionAgeDays as 90
	count(d) == 0
}

test_required_tables_are_a_parameter if {
	d := rule.deny with input as estate([ws("law-soc", {"tables": [all_fresh[0]]})]) with data.steward.params["SEN-005"].requiredTables as ["PowerAppsActivity"]
	count(d) == 0
}

test_missing_ingestion_time_is_unknown if {
	tables := array.concat([{"name": "PowerAppsActivity", "totalRetentionInDays": 365}], array.slice(all_fresh, 1, 3))
	i := estate([ws("law-soc", {"tables": tables})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "tables", 0],
		"msg": "the inventory does not record when table PowerAppsActivity last received data (lastIngestionTime)",
	}}
}

test_missing_tables_are_unknown if {
	i := estate([ws("law-soc", {"retentionInDays": 90})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's tables (spec.tables)",
	}}
}
