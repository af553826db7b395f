# METADATA
# title: Audit (Premium) is not licensed for audit retention beyond 180 days
# description: |
#   Microsoft Purview Audit (Standard) keeps audit records for 180 days. Keeping Power
#   Platform, Dynamics 365 and Teams activity longer, through audit log retention policies,
#   is a feature of Audit (Premium), which a tenant has only with the M365_ADVANCED_AUDITING
#   service plan (Microsoft 365 E5, E5 Compliance or E5 eDiscovery and Audit). Without it a
#   retention requirement beyond 180 days cannot be met, whatever policies are configured.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/audit-premium-setup
#   - ref: https://learn.microsoft.com/purview/audit-log-retention-policies
# custom:
#   id: LOG-003
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (activity records are retained beyond the Audit Standard period)"
#   mcsb: [LT-6]
#   params:
#     minDays:
#       default: 365
#       description: Audit retention in days the organisation requires; above 180 days the tenant needs the M365_ADVANCED_AUDITING service plan.
#   remediation: Assign licences that include the M365_ADVANCED_AUDITING service plan (Microsoft 365 E5, E5 Compliance or E5 eDiscovery and Audit) to the users whose activity must be kept, and record the plan under spec.servicePlans (Get-MgSubscribedSku, servicePlans[].servicePlanName).
package steward.rules.logging.advanced_auditing_not_licensed

import data.steward.lib

_plans := ["spec", "servicePlans"]

_plan := "M365_ADVANCED_AUDITING"

# Audit (Standard) retention, the longest retention available without Audit (Premium).
_standard_days := 180

_min_days := lib.param("LOG-003", "minDays")

_licensed(tenant) if {
	some plan in tenant.spec.servicePlans
	upper(plan) == _plan
}

# Enabled retention policies that keep records longer than Audit (Standard) can.
_long_policies(tenant) := {sprintf("%s (%d days)", [policy.Name, days]) |
	some policy in tenant.spec.unifiedAuditLogRetentionPolicies
	not lib.is_false(object.get(policy, "Enabled", true))
	days := lib.retention_days[policy.RetentionDuration]
	days > _standard_days
}

_keep(names) := sprintf("retention policy %s keeps records", [names[0]]) if count(names) == 1

_keep(names) := sprintf("retention policies %s keep records", [concat(", ", names)]) if count(names) > 1

_needs_premium(_) if _min_days > _standard_days

_needs_premium(tenant) if count(_long_policies(tenant)) > 0

deny contains lib.result(tenant, _plans, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _plans)
	not _licensed(tenant)
	_min_days > _standard_days
	msg := sprintf("the tenant has no M365_ADVANCED_AUDITING service plan (Audit Premium), so audit records are kept for at most %d days, below the required %d", [_standard_days, _min_days])
}

deny contains lib.result(tenant, _plans, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _plans)
	not _licensed(tenant)
	_min_days <= _standard_days
	policies := _long_policies(tenant)
	count(policies) > 0
	msg := sprintf("%s beyond %d days, which needs the M365_ADVANCED_AUDITING service plan (Audit Premium) that the tenant does not have", [_keep(sort(policies)), _standard_days])
}

unknown contains lib.result(tenant, _plans, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _plans)
	_needs_premium(tenant)
	msg := "the inventory does not record the tenant's service plans (spec.servicePlans), so the Audit (Premium) licence for retention beyond 180 days cannot be confirmed"
}
