package steward.rules.logging.power_automate_activity_not_logged_test

import data.steward.rules.logging.power_automate_activity_not_logged as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

setting := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

test_ingestion_off_is_reported if {
	r := rule.deny with input as tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": false}})
	r == {{
		"resource": "Tenant/contoso",
		"path": setting,
		"msg": "Power Automate cloud flow activity (MicrosoftFlow records) is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)",
	}}
}

test_ingestion_off_as_an_azure_string_is_reported if {
	r := rule.deny with input as tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": "False"}})
	count(r) == 1
}

test_ingestion_on_is_not_reported if {
	i := tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": "True"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_ingestion_setting_is_unknown if {
	i := tenant({"adminAuditLogConfig": {"AdminAuditLogEnabled": true}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": setting,
		"msg": "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which Power Automate activity logging depends",
	}}
}
