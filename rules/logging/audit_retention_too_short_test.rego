package steward.rules.logging.audit_retention_too_short_test

import data.steward.rules.logging.audit_retention_too_short as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

policy(name, duration, types, priority) := {
	"Name": name,
	"Enabled": true,
	"RetentionDuration": duration,
	"RecordTypes": types,
	"Priority": priority,
}

all_types := ["CRM", "MicrosoftTeams", "PowerAppsApp", "MicrosoftFlow"]

path := ["spec", "unifiedAuditLogRetentionPolicies"]

test_short_policy_and_uncovered_types_are_reported if {
	i := tenant({"unifiedAuditLogRetentionPolicies": [
		policy("dynamics-1y", "TwelveMonths", ["CRM", "PowerAppsApp"], 10),
		policy("teams-6m", "SixMonths", ["MicrosoftTeams"], 20),
	]})
	r := rule.deny with input as i
	r == {
		{"resource": "Tenant/contoso", "path": path, "msg": "MicrosoftTeams audit records are kept for less than the required 365 days by retention policy teams-6m (180 days)"},
		{"resource": "Tenant/contoso", "path": path, "msg": "no enabled audit retention policy keeps MicrosoftFlow records of all users and operations, so they expire after the 180-day default, below the required 365 days"},
	}
}

test_higher_priority_short_policy_overrides_a_long_one if {
	i := tenant({"unifiedAuditLogRetentionPolicies": [
		policy("all-activity-1y", "TwelveMonths", all_types, 50),
		policy("crm-90d", "ThreeMonths", ["CRM"], 5),
		policy("flow-30d-low", "OneMonth", ["MicrosoftFlow"], 100),
	]})
	r := rule.deny with input as i
	r == {{"resource": "Tenant/contoso", "path": path, "msg": "CRM audit records are kept for less than the required 365 days by retention policy crm-90d (90 days)"}}
}

test_policy_limited_to_some_users_does_not_cover_a_type if {
	p := object.union(policy("vip-1y", "TwelveMonths", all_types, 1), {"UserIds": ["ceo@contoso.example"]})
	r := rule.deny with input as tenant({"unifiedAuditLogRetentionPolicies": [p]})
	count(r) == 4
}

test_disabled_policy_does_not_count if {
	p := object.union(policy("all-1y", "TwelveMonths", all_types, 1), {"Enabled": false})
	r := rule.deny with input as tenant({"unifiedAuditLogRetentionPolicies": [p]})
	count(r) == 4
}

test_long_policies_are_not_reported if {
	i := tenant({"unifiedAuditLogRetentionPolicies": [
		policy("activity-1y", "TwelveMonths", ["crm", "MicrosoftTeams", "PowerAppsApp"], 10),
		policy("flow-3y", "ThreeYears", ["MicrosoftFlow"], 11),
		policy("flow-ops-30d", "OneMonth", ["MicrosoftFlow"], 500),
	]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_policy_without_record_types_covers_every_type if {
	i := tenant({"unifiedAuditLogRetentionPolicies": [{"Name": "everything-1y", "Enabled": "True", "RetentionDuration": "TwelveMonths", "Priority": 1}]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_required_days_and_types_are_parameters if {
	i := tenant({"unifiedAuditLogRetentionPolicies": [policy("teams-6m", "SixMonths", ["MicrosoftTeams"], 1)]})
	d := rule.deny with input as i
		with data.steward.params["LOG-002"].minDays as 180
		with data.steward.params["LOG-002"].recordTypes as ["MicrosoftTeams", "PowerBIAudit"]
	count(d) == 0
	d2 := rule.deny with input as i with data.steward.params["LOG-002"].recordTypes as ["MicrosoftTeams"]
	d2 == {{"resource": "Tenant/contoso", "path": path, "msg": "MicrosoftTeams audit records are kept for less than the required 365 days by retention policy teams-6m (180 days)"}}
}

test_missing_policies_are_unknown if {
	i := tenant({"adminAuditLogConfig": {"UnifiedAuditLogIngestionEnabled": true}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{"resource": "Tenant/contoso", "path": path, "msg": "the inventory does not record the tenant's audit retention policies (Get-UnifiedAuditLogRetentionPolicy), so retention of activity records cannot be confirmed"}}
}

test_policy_without_enabled_flag_is_in_force if {
	p := {"Name": "teams-1y", "RetentionDuration": "TwelveMonths", "RecordTypes": ["MicrosoftTeams"], "Priority": 1}
	i := tenant({"unifiedAuditLogRetentionPolicies": [p, policy("rest-1y", "TwelveMonths", ["CRM", "PowerAppsApp", "MicrosoftFlow"], 2)]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}
