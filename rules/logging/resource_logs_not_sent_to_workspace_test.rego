package steward.rules.logging.resource_logs_not_sent_to_workspace_test

import data.steward.rules.logging.resource_logs_not_sent_to_workspace as rule

workspace := "/subscriptions/7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc"

res(name, type, extra) := {"kind": "AzureResource", "metadata": {"name": name}, "spec": object.union({"type": type}, extra)}

estate(resources) := {"documents": {"AzureResource": {r.metadata.name: r | some r in resources}}}

audit_to_workspace := {"name": "audit", "workspaceId": workspace, "logs": [{"categoryGroup": "audit", "enabled": true}]}

path := ["spec", "diagnosticSettings"]

test_missing_or_incomplete_settings_are_reported if {
	to_storage := {"name": "archive", "storageAccountId": "/subscriptions/1/st", "logs": [{"categoryGroup": "allLogs", "enabled": true}]}
	disabled := {"name": "off", "workspaceId": workspace, "logs": [{"category": "AuditEvent", "enabled": false}]}
	i := estate([
		res("fhir", "Microsoft.HealthcareApis/workspaces/fhirservices", {"diagnosticSettings": []}),
		res("kv", "Microsoft.KeyVault/vaults", {"diagnosticSettings": [to_storage, disabled]}),
		res("sql", "Microsoft.Sql/servers", {"auditingSettings": {"state": "Disabled"}}),
	])
	r := rule.deny with input as i
	r == {
		{"resource": "AzureResource/fhir", "path": path, "msg": "the resource has no diagnostic setting, so its resource logs are not sent to a Log Analytics workspace"},
		{"resource": "AzureResource/kv", "path": path, "msg": "none of the resource's diagnostic settings (archive, off) sends an enabled log category, or the audit or allLogs category group, to a Log Analytics workspace"},
		{"resource": "AzureResource/sql", "path": path, "msg": "server auditing is not sent to Azure Monitor (auditingSettings state Enabled with isAzureMonitorTargetEnabled true) and no diagnostic setting sends the server's logs to a Log Analytics workspace"},
	}
}

test_logs_sent_to_a_workspace_are_not_reported if {
	by_category := {"name": "kv-logs", "workspaceId": workspace, "logs": [{"category": "AuditEvent", "enabled": "True"}]}
	i := estate([
		res("st", "Microsoft.Storage/storageAccounts", {"diagnosticSettings": [audit_to_workspace]}),
		res("kv", "Microsoft.KeyVault/vaults", {"diagnosticSettings": [by_category]}),
		res("sql", "Microsoft.Sql/servers", {"auditingSettings": {"state": "Enabled", "isAzureMonitorTargetEnabled": true}}),
		res("vm", "microsoft.compute/virtualMachines", {}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_exempt_types_are_a_parameter if {
	i := estate([res("vm", "Microsoft.Compute/virtualMachines", {"diagnosticSettings": []})])
	d := rule.deny with input as i with data.steward.params["LOG-012"].exemptTypes as []
	count(d) == 1
}

test_missing_settings_are_unknown if {
	i := estate([
		res("st", "Microsoft.Storage/storageAccounts", {"location": "eastus2"}),
		res("sql", "Microsoft.Sql/servers", {"auditingSettings": {"state": "Enabled"}}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{"resource": "AzureResource/st", "path": path, "msg": "the inventory does not record the resource's diagnostic settings (az monitor diagnostic-settings list), so collection of its resource logs cannot be confirmed"},
		{"resource": "AzureResource/sql", "path": path, "msg": "the inventory does not record the resource's diagnostic settings (az monitor diagnostic-settings list), so collection of its resource logs cannot be confirmed"},
	}
}

test_sql_server_diagnostic_settings_are_evidence if {
	to_storage := {"name": "archive", "storageAccountId": "/subscriptions/1/st", "logs": [{"categoryGroup": "audit", "enabled": true}]}
	i := estate([
		res("sql-sent", "Microsoft.Sql/servers", {"diagnosticSettings": [audit_to_workspace], "auditingSettings": {"state": "Disabled"}}),
		res("sql-kept", "Microsoft.Sql/servers", {"diagnosticSettings": [to_storage], "auditingSettings": {"state": "Enabled"}}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(u) == 0
	d == {{"resource": "AzureResource/sql-kept", "path": path, "msg": "server auditing is not sent to Azure Monitor (auditingSettings state Enabled with isAzureMonitorTargetEnabled true) and no diagnostic setting sends the server's logs to a Log Analytics workspace"}}
}
