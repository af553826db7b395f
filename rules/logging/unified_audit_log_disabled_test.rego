package steward.rules.logging.unified_audit_log_disabled_test

import data.steward.rules.logging.unified_audit_log_disabled as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

test_ingestion_off_is_reported if {
	r := rule.deny with input as tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": false}})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"],
		"msg": "unified audit log ingestion is off (UnifiedAuditLogIngestionEnabled is false): no Microsoft 365 or Power Platform activity is being recorded",
	}}
}

test_ingestion_off_as_an_azure_string_is_reported if {
	r := rule.deny with input as tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": "False"}})
	count(r) == 1
}

test_ingestion_on_is_not_reported if {
	i := tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": true}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	count(u) == 0
}

test_missing_setting_is_unknown_not_pass if {
	i := tenant({"adminAuditLogConfig": {}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"],
		"msg": "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), so audit ingestion cannot be confirmed",
	}}
}
