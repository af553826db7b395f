package steward.rules.healthcare.teams_healthcare_activity_not_retained_test

import data.steward.rules.healthcare.teams_healthcare_activity_not_retained as rule

tenant(labels, spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": labels}, "spec": spec}}}}

phi := {"data": "phi"}

on := {"UnifiedAuditLogIngestionEnabled": true}

policy(name, duration, record_types) := {"Name": name, "Enabled": true, "RetentionDuration": duration, "RecordTypes": record_types, "Priority": 10}

test_no_policy_for_teams_healthcare_is_reported if {
	r := rule.deny with input as tenant(phi, {
		"adminAuditLogConfig": on,
		"unifiedAuditLogRetentionPolicies": [policy("clinical-1y", "TwelveMonths", ["CRM", "MicrosoftTeams"])],
	})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "unifiedAuditLogRetentionPolicies"],
		"msg": "no enabled audit retention policy covers the TeamsHealthcare record type for all users and operations, so its records expire with the default audit retention (180 days with Audit Standard)",
	}}
}

test_short_retention_is_reported if {
	r := rule.deny with input as tenant(phi, {
		"adminAuditLogConfig": on,
		"unifiedAuditLogRetentionPolicies": [
			policy("patients-90d", "ThreeMonths", ["TeamsHealthcare"]),
			policy("patients-6m", "SixMonths", ["teamshealthcare"]),
			object.union(policy("one-user-10y", "TenYears", ["TeamsHealthcare"]), {"UserIds": ["dr.lee@contosohealth.example"]}),
			object.union(policy("off-10y", "TenYears", ["TeamsHealthcare"]), {"Enabled": false}),
		],
	})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "unifiedAuditLogRetentionPolicies"],
		"msg": "TeamsHealthcare records are kept for at most 180 days (patients-6m), below the required 365",
	}}
}

test_ingestion_off_is_reported if {
	r := rule.deny with input as tenant(phi, {
		"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": "False"},
		"unifiedAuditLogRetentionPolicies": [policy("patients-1y", "TwelveMonths", ["TeamsHealthcare"])],
	})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"],
		"msg": "unified audit log ingestion is off (UnifiedAuditLogIngestionEnabled is false), so no Teams Patients app (TeamsHealthcare) activity is recorded",
	}}
}

test_year_long_policy_is_not_reported if {
	i := tenant(phi, {
		"adminAuditLogConfig": on,
		"unifiedAuditLogRetentionPolicies": [{"Name": "patients-3y", "RetentionDuration": "ThreeYears", "RecordTypes": ["MicrosoftTeams", "TeamsHealthcare"]}],
	})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_tenant_without_phi_is_out_of_scope if {
	i := tenant({}, {})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_record_types_and_minimum_are_parameters if {
	i := tenant(phi, {
		"adminAuditLogConfig": on,
		"unifiedAuditLogRetentionPolicies": [policy("teams-6m", "SixMonths", ["MicrosoftTeams", "TeamsHealthcare"])],
	})
	r := rule.deny with input as i
		with data.steward.params["HLT-005"].recordTypes as ["TeamsHealthcare", "PowerAppsApp"]
		with data.steward.params["HLT-005"].minDays as 180
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "unifiedAuditLogRetentionPolicies"],
		"msg": "no enabled audit retention policy covers the PowerAppsApp record type for all users and operations, so its records expire with the default audit retention (180 days with Audit Standard)",
	}}
}

test_missing_audit_evidence_is_unknown if {
	i := tenant(phi, {"primaryDomain": "contosohealth.example"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"],
			"msg": "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), so recording of Teams Patients app activity cannot be confirmed",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "unifiedAuditLogRetentionPolicies"],
			"msg": "the inventory does not record the tenant's audit retention policies (Get-UnifiedAuditLogRetentionPolicy), so retention of Teams Patients app activity cannot be confirmed",
		},
	}
}
