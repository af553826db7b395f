package steward.rules.logging.advanced_auditing_not_licensed_test

import data.steward.rules.logging.advanced_auditing_not_licensed as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

year_policy := {"Name": "activity-1y", "Enabled": true, "RetentionDuration": "TwelveMonths", "RecordTypes": ["CRM"], "Priority": 1}

test_missing_plan_is_reported if {
	r := rule.deny with input as tenant({"servicePlans": ["EXCHANGE_S_ENTERPRISE", "ATP_ENTERPRISE"]})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "servicePlans"],
		"msg": "the tenant has no M365_ADVANCED_AUDITING service plan (Audit Premium), so audit records are kept for at most 180 days, below the required 365",
	}}
}

test_long_policy_without_plan_is_reported_even_when_180_days_suffice if {
	i := tenant({"servicePlans": [], "unifiedAuditLogRetentionPolicies": [year_policy]})
	r := rule.deny with input as i with data.steward.params["LOG-003"].minDays as 90
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "servicePlans"],
		"msg": "retention policy activity-1y (365 days) keeps records beyond 180 days, which needs the M365_ADVANCED_AUDITING service plan (Audit Premium) that the tenant does not have",
	}}
}

test_plan_present_is_not_reported if {
	i := tenant({"servicePlans": ["EXCHANGE_S_ENTERPRISE", "m365_advanced_auditing"], "unifiedAuditLogRetentionPolicies": [year_policy]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_short_requirement_needs_no_plan if {
	i := tenant({"servicePlans": ["EXCHANGE_S_ENTERPRISE"]})
	d := rule.deny with input as i with data.steward.params["LOG-003"].minDays as 180
	u := rule.unknown with input as i with data.steward.params["LOG-003"].minDays as 180
	count(d) + count(u) == 0
}

test_missing_service_plans_are_unknown if {
	i := tenant({"unifiedAuditLogRetentionPolicies": [year_policy]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "servicePlans"],
		"msg": "the inventory does not record the tenant's service plans (spec.servicePlans), so the Audit (Premium) licence for retention beyond 180 days cannot be confirmed",
	}}
}
