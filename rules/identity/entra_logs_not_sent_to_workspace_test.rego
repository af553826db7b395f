package steward.rules.identity.entra_logs_not_sent_to_workspace_test

import data.steward.rules.identity.entra_logs_not_sent_to_workspace as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

setting(categories) := {
	"name": "to-sentinel",
	"workspaceId": "/subscriptions/0/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/soc",
	"logs": [{"category": c, "enabled": true} | some c in categories],
}

test_sign_ins_missing_is_reported if {
	r := rule.deny with input as tenant({"entraDiagnosticSettings": [setting(["AuditLogs"])]})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "entraDiagnosticSettings"],
		"msg": "no Entra ID diagnostic setting sends AuditLogs and SignInLogs to a Log Analytics workspace",
	}}
}

test_no_settings_at_all_is_reported if {
	r := rule.deny with input as tenant({"entraDiagnosticSettings": []})
	count(r) == 1
}

test_complete_setting_is_not_reported if {
	i := tenant({"entraDiagnosticSettings": [setting(["AuditLogs", "SignInLogs", "RiskyUsers"])]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_required_categories_are_a_parameter if {
	i := tenant({"entraDiagnosticSettings": [setting(["AuditLogs"])]})
	d := rule.deny with input as i with data.steward.params["IDN-001"].requiredCategories as ["AuditLogs"]
	count(d) == 0
}

test_missing_settings_are_unknown if {
	i := tenant({})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec"],
		"msg": "the inventory does not record the tenant's Entra ID diagnostic settings (spec.entraDiagnosticSettings)",
	}}
}
