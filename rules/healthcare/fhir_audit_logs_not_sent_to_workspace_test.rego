package steward.rules.healthcare.fhir_audit_logs_not_sent_to_workspace_test

import data.steward.rules.healthcare.fhir_audit_logs_not_sent_to_workspace as rule

workspace := "/subscriptions/1/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/soc"

fhir(labels, spec) := {
	"kind": "AzureResource",
	"metadata": {"name": "fhir-clinical", "labels": labels},
	"spec": object.union({"type": "Microsoft.HealthcareApis/workspaces/fhirservices"}, spec),
}

estate(doc) := {"documents": {"AzureResource": {"fhir-clinical": doc}}}

phi := {"data": "phi"}

test_fhir_without_diagnostic_settings_is_reported if {
	r := rule.deny with input as estate(fhir(phi, {"diagnosticSettings": []}))
	r == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "diagnosticSettings"],
		"msg": "the service has no diagnostic settings, so access to the PHI in this FHIR service is not logged to any Log Analytics workspace",
	}}
}

test_setting_without_audit_category_is_reported if {
	settings := [
		{"name": "metrics-only", "workspaceId": workspace, "metrics": [{"category": "AllMetrics", "enabled": true}]},
		{"name": "audit-to-storage", "storageAccountId": "/subscriptions/1/st", "logs": [{"category": "AuditLogs", "enabled": true}]},
		{"name": "audit-off", "workspaceId": workspace, "logs": [{"category": "AuditLogs", "enabled": "False"}]},
	]
	r := rule.deny with input as estate(fhir(phi, {"diagnosticSettings": settings}))
	r == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "diagnosticSettings"],
		"msg": "none of its diagnostic settings (audit-off, audit-to-storage, metrics-only) sends the AuditLogs category or the audit/allLogs group to a workspace, so access to the PHI in this FHIR service is not logged to any Log Analytics workspace",
	}}
}

test_azure_api_for_fhir_is_held_to_the_same_bar if {
	doc := fhir(phi, {"type": "microsoft.healthcareapis/services", "diagnosticSettings": []})
	r := rule.deny with input as estate(doc)
	count(r) == 1
}

test_audit_logs_to_workspace_are_not_reported if {
	every logs in [
		[{"category": "AuditLogs", "enabled": true}],
		[{"categoryGroup": "audit", "enabled": "True"}],
		[{"categoryGroup": "allLogs", "enabled": true}],
	] {
		i := estate(fhir(phi, {"diagnosticSettings": [{"name": "to-sentinel", "workspaceId": workspace, "logs": logs}]}))
		d := rule.deny with input as i
		u := rule.unknown with input as i
		count(d) + count(u) == 0
	}
}

test_fhir_without_phi_is_out_of_scope if {
	i := estate(fhir({}, {"diagnosticSettings": []}))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_phi_tenant_brings_every_fhir_service_into_scope if {
	i := {"documents": {
		"AzureResource": {"fhir-clinical": fhir({}, {"diagnosticSettings": []})},
		"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}},
	}}
	r := rule.deny with input as i
	count(r) == 1
}

test_missing_diagnostic_settings_are_unknown if {
	i := estate(fhir(phi, {}))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "diagnosticSettings"],
		"msg": "the inventory does not record the FHIR service's diagnostic settings (spec.diagnosticSettings), so delivery of its audit logs cannot be confirmed",
	}}
}

test_missing_diagnostic_settings_of_a_phi_tenant_are_unknown if {
	i := {"documents": {
		"AzureResource": {"fhir-clinical": fhir({}, {})},
		"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}},
	}}
	u := rule.unknown with input as i
	u == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "diagnosticSettings"],
		"msg": "the inventory does not record the FHIR service's diagnostic settings (spec.diagnosticSettings), so delivery of its audit logs cannot be confirmed",
	}}
}

test_other_types_are_not_reported if {
	doc := fhir(phi, {"type": "Microsoft.KeyVault/vaults", "diagnosticSettings": []})
	i := estate(doc)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}
