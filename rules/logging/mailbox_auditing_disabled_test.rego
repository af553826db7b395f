package steward.rules.logging.mailbox_auditing_disabled_test

import data.steward.rules.logging.mailbox_auditing_disabled as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

test_auditing_disabled_is_reported if {
	r := rule.deny with input as tenant({"organizationConfig": {"AuditDisabled": true}})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "organizationConfig", "AuditDisabled"],
		"msg": "mailbox auditing is turned off for every mailbox (AuditDisabled is true): mailbox access and changes are not recorded",
	}}
}

test_auditing_disabled_as_an_azure_string_is_reported if {
	r := rule.deny with input as tenant({"organizationConfig": {"AuditDisabled": "True"}})
	count(r) == 1
}

test_auditing_on_is_not_reported if {
	i := tenant({"organizationConfig": {"AuditDisabled": false}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_setting_is_unknown if {
	i := tenant({"organizationConfig": {}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "organizationConfig", "AuditDisabled"],
		"msg": "the inventory does not record AuditDisabled (Get-OrganizationConfig), so mailbox auditing cannot be confirmed",
	}}
}
