package steward.rules.logging.dlp_activity_not_logged_test

import data.steward.rules.logging.dlp_activity_not_logged as rule

tenant_id := "5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10"

default_env := {"kind": "PowerPlatformEnvironment", "metadata": {"name": "default"}, "spec": {"environmentId": "Default-5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10", "isDefault": true}}

clinical_env := {"kind": "PowerPlatformEnvironment", "metadata": {"name": "clinical"}, "spec": {"environmentId": "8c1e5a2b-0000-4d7f-9e3a-1b2c3d4e5f60", "environmentSku": "Production"}}

pp_policy(type, envs) := {"name": "p1", "displayName": "Data policy", "environmentType": type, "environments": [{"name": e} | some e in envs]}

enforced := {"Name": "PHI protection", "Mode": "Enable", "Enabled": true}

spec(pp, m365) := {
	"tenantId": tenant_id,
	"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": true},
	"powerPlatform": {"dlpPolicies": pp},
	"dlpCompliancePolicies": m365,
}

estate(s) := {"documents": {
	"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": s}},
	"PowerPlatformEnvironment": {"default": default_env, "clinical": clinical_env},
}}

test_default_environment_uncovered_and_test_mode_are_reported if {
	test_mode := {"Name": "PHI protection", "Mode": "TestWithNotifications"}
	switched_off := {"Name": "Card numbers", "Mode": "Enable", "Enabled": false}
	i := estate(spec([pp_policy("OnlyEnvironments", ["8c1e5a2b-0000-4d7f-9e3a-1b2c3d4e5f60"])], [test_mode, switched_off]))
	r := rule.deny with input as i
	r == {
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "powerPlatform", "dlpPolicies"],
			"msg": "no Power Platform data (DLP) policy applies to the default environment (Default-5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10), so connector use there is unrestricted and produces no DLP activity",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "dlpCompliancePolicies"],
			"msg": "no Microsoft 365 (Purview) DLP policy is enforced with Mode Enable (Card numbers is turned off, Enabled false; PHI protection is in TestWithNotifications mode)",
		},
	}
}

test_except_environments_excluding_the_default_is_reported if {
	i := estate(spec([pp_policy("ExceptEnvironments", ["default-5F1C2A9E-3B7D-4E61-9A0F-2C8D4B6E7A10"])], [enforced]))
	r := rule.deny with input as i
	count(r) == 1
}

test_no_m365_policy_and_ingestion_off_are_reported if {
	s := object.union(spec([pp_policy("AllEnvironments", [])], []), {"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": false}})
	r := rule.deny with input as estate(s)
	r == {
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"],
			"msg": "DLP policy and rule-match activity is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "dlpCompliancePolicies"],
			"msg": "the tenant has no Microsoft 365 (Purview) DLP policy, so no sensitive data is detected and no DLP rule match is logged",
		},
	}
}

clean(pp) if {
	i := estate(spec(pp, [enforced]))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_covered_default_environment_is_not_reported if {
	clean([pp_policy("AllEnvironments", [])])
	clean([pp_policy("ExceptEnvironments", ["8c1e5a2b-0000-4d7f-9e3a-1b2c3d4e5f60"])])
	clean([pp_policy("SingleEnvironment", ["Default-5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10"])])
}

test_default_environment_is_found_from_the_tenant_id_alone if {
	i := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec([pp_policy("OnlyEnvironments", ["Default-5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10"])], [enforced])}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_policies_are_unknown if {
	i := estate({"tenantId": tenant_id, "adminAuditLogConfig": {}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"],
			"msg": "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which DLP activity logging depends",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "powerPlatform", "dlpPolicies"],
			"msg": "the inventory does not record the Power Platform data (DLP) policies (spec.powerPlatform.dlpPolicies), so coverage of the default environment cannot be confirmed",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "dlpCompliancePolicies"],
			"msg": "the inventory does not record the Microsoft 365 DLP policies (Get-DlpCompliancePolicy), so whether any is enforced cannot be confirmed",
		},
	}
}

test_unidentifiable_default_environment_is_unknown if {
	s := object.remove(spec([pp_policy("OnlyEnvironments", ["8c1e5a2b-0000-4d7f-9e3a-1b2c3d4e5f60"])], [enforced]), ["tenantId"])
	i := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": s}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "powerPlatform", "dlpPolicies"],
		"msg": "the default Power Platform environment cannot be identified (no PowerPlatformEnvironment with isDefault true and no tenantId), so whether a data policy covers it cannot be confirmed",
	}}
}
