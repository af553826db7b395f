# METADATA
# title: Teams Patients app activity is not retained in the audit log
# description: |
#   Clinicians' use of the Teams Patients app (viewing and changing patient lists drawn
#   from the EHR) is recorded in Microsoft Purview Audit under the TeamsHealthcare record
#   type, and only while unified audit log ingestion is on. Without an audit retention
#   policy for that record type the records expire with the default retention (180 days
#   with Audit Standard), shorter than a PHI access investigation or a HIPAA audit needs.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/audit-log-retention-policies
#   - ref: https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-schema
# custom:
#   id: HLT-005
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Security in Microsoft Cloud for Healthcare: configuring your auditable logs in Office 365 (Microsoft Teams logging, including the Teams Patients app)"
#   mcsb: [LT-3, LT-6]
#   pack: healthcare
#   params:
#     recordTypes:
#       default: [TeamsHealthcare]
#       description: Purview Audit record types of clinical Teams activity that an enabled retention policy must cover for all users and operations.
#     minDays:
#       default: 365
#       description: Shortest acceptable audit retention in days for those record types.
#   remediation: Turn unified audit log ingestion on (Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true) and create an audit retention policy for the TeamsHealthcare record type with a retention of at least one year (New-UnifiedAuditLogRetentionPolicy -RecordTypes TeamsHealthcare -RetentionDuration TwelveMonths -Priority <n>, Audit Premium licence required), then record both under spec.adminAuditLogConfig and spec.unifiedAuditLogRetentionPolicies.
package steward.rules.healthcare.teams_healthcare_activity_not_retained

import data.steward.lib

# The healthcare pack applies to documents holding PHI, or to every document when the
# tenant as a whole is labelled as holding PHI. The same test is repeated in every rule of
# the pack so that each file stands alone.
_phi_tenant if {
	some tenant in lib.docs("Tenant")
	lib.holds_phi(tenant)
}

_in_scope(doc) if lib.holds_phi(doc)

_in_scope(_) if _phi_tenant

_ingestion := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

_policies := ["spec", "unifiedAuditLogRetentionPolicies"]

_tenants contains tenant if {
	some tenant in lib.docs("Tenant")
	_in_scope(tenant)
}

# A policy limited to some users or operations keeps only part of the record type.
_covers(policy, record_type) if {
	not lib.is_false(object.get(policy, "Enabled", true))
	lower(record_type) in {lower(t) | some t in policy.RecordTypes}
	count(object.get(policy, "UserIds", [])) == 0
	count(object.get(policy, "Operations", [])) == 0
}

# [policy name, retention days] of every policy that keeps the record type.
_retention(tenant, record_type) := {[policy.Name, lib.retention_days[policy.RetentionDuration]] |
	some policy in tenant.spec.unifiedAuditLogRetentionPolicies
	_covers(policy, record_type)
}

deny contains lib.result(tenant, _ingestion, msg) if {
	some tenant in _tenants
	lib.has(tenant, _ingestion)
	not lib.is_true(lib.get(tenant, _ingestion, null))
	msg := "unified audit log ingestion is off (UnifiedAuditLogIngestionEnabled is false), so no Teams Patients app (TeamsHealthcare) activity is recorded"
}

deny contains lib.result(tenant, _policies, msg) if {
	some tenant in _tenants
	lib.has(tenant, _policies)
	some record_type in lib.param("HLT-005", "recordTypes")
	count(_retention(tenant, record_type)) == 0
	msg := sprintf("no enabled audit retention policy covers the %s record type for all users and operations, so its records expire with the default audit retention (180 days with Audit Standard)", [record_type])
}

deny contains lib.result(tenant, _policies, msg) if {
	some tenant in _tenants
	lib.has(tenant, _policies)
	some record_type in lib.param("HLT-005", "recordTypes")
	kept := _retention(tenant, record_type)
	longest := max({days | some [_, days] in kept})
	min_days := lib.param("HLT-005", "minDays")
	longest < min_days
	names := sort({name | some [name, days] in kept; days == longest})
	msg := sprintf("%s records are kept for at most %d days (%s), below the required %d", [record_type, longest, concat(", ", names), min_days])
}

unknown contains lib.result(tenant, _ingestion, msg) if {
	some tenant in _tenants
	not lib.has(tenant, _ingestion)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), so recording of Teams Patients app activity cannot be confirmed"
}

unknown contains lib.result(tenant, _policies, msg) if {
	some tenant in _tenants
	not lib.has(tenant, _policies)
	msg := "the inventory does not record the tenant's audit retention policies (Get-UnifiedAuditLogRetentionPolicy), so retention of Teams Patients app activity cannot be confirmed"
}
