package steward.rules.sentinel.audit_table_retention_too_short_test

import data.steward.rules.sentinel.audit_table_retention_too_short as rule

ws(spec) := {"documents": {"SentinelWorkspace": {"law-soc": {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": spec}}}}

test_short_audit_tables_are_reported if {
	tables := [
		{"name": "AuditLogs", "totalRetentionInDays": 730},
		{"name": "SigninLogs", "totalRetentionInDays": 90},
		{"name": "OfficeActivity", "retentionInDays": 180, "totalRetentionInDays": -1},
		{"name": "DataverseActivity", "retentionInDays": -1, "totalRetentionInDays": -1},
		{"name": "Heartbeat", "totalRetentionInDays": 30},
	]
	r := rule.deny with input as ws({"retentionInDays": 90, "tables": tables})
	r == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 1, "totalRetentionInDays"],
			"msg": "audit table SigninLogs is kept for 90 days in total (totalRetentionInDays), below the required 365",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 2, "totalRetentionInDays"],
			"msg": "audit table OfficeActivity is kept for 180 days in total (totalRetentionInDays -1, retentionInDays), below the required 365",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 3, "totalRetentionInDays"],
			"msg": "audit table DataverseActivity is kept for 90 days in total (totalRetentionInDays -1, workspace default), below the required 365",
		},
	}
}

test_long_audit_tables_are_not_reported if {
	tables := [
		{"name": "AuditLogs", "totalRetentionInDays": 730},
		{"name": "SigninLogs", "totalRetentionInDays": 365},
		{"name": "OfficeActivity", "totalRetentionInDays": -1},
		{"name": "Heartbeat", "totalRetentionInDays": 30},
	]
	i := ws({"retentionInDays": 400, "tables": tables})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_thresholds_are_parameters if {
	tables := [{"name": "SigninLogs", "totalRetentionInDays": 90}, {"name": "Heartbeat", "totalRetentionInDays": 30}]
	r := rule.deny with input as ws({"retentionInDays": 90, "tables": tables})
		with data.steward.params["SEN-014"].minTotalRetentionDays as 60
		with data.steward.params["SEN-014"].auditTables as ["Heartbeat"]
	r == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec", "tables", 1, "totalRetentionInDays"],
		"msg": "audit table Heartbeat is kept for 30 days in total (totalRetentionInDays), below the required 60",
	}}
}

test_unrecorded_total_retention_is_unknown if {
	tables := [{"name": "AuditLogs", "lastIngestionTime": "2025-12-31"}, {"name": "SigninLogs", "totalRetentionInDays": -1}]
	i := ws({"tables": tables})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 0],
			"msg": "the inventory does not record the total retention of audit table AuditLogs (totalRetentionInDays, or the workspace retentionInDays it defers to)",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "tables", 1],
			"msg": "the inventory does not record the total retention of audit table SigninLogs (totalRetentionInDays, or the workspace retentionInDays it defers to)",
		},
	}
}

test_unrecorded_tables_are_unknown if {
	i := ws({"retentionInDays": 90})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's tables (spec.tables)",
	}}
}
