# METADATA
# title: Power Platform, Dynamics 365 and Teams audit records are not kept long enough
# description: |
#   Power Apps, Power Automate, Dynamics 365 / Dataverse and Teams activity lands in
#   Microsoft Purview Audit, which deletes it after 180 days unless an audit log retention
#   policy keeps it longer. An investigation or a compliance audit that looks back a year
#   finds nothing once the records have expired. Each of these record types needs an
#   enabled retention policy, for all users and all operations, that keeps it at least the
#   required number of days, and no higher-priority policy that keeps it for less.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/audit-log-retention-policies
# custom:
#   id: LOG-002
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Power Apps, Power Automate, Dynamics 365, Dataverse and Teams activity records are retained)"
#   mcsb: [LT-6]
#   params:
#     minDays:
#       default: 365
#       description: Shortest acceptable audit retention in days for each required record type.
#     recordTypes:
#       default: [CRM, MicrosoftTeams, PowerAppsApp, MicrosoftFlow]
#       description: Purview Audit record types (RecordType) that must be retained for minDays for all users and operations.
#   remediation: In Security & Compliance PowerShell run `New-UnifiedAuditLogRetentionPolicy -Name <name> -RecordTypes CRM,MicrosoftTeams,PowerAppsApp,MicrosoftFlow -RetentionDuration TwelveMonths -Priority <n>` (or Purview portal > Audit > Audit retention policies), give it a lower Priority number than any policy that keeps those record types for less, and record it under spec.unifiedAuditLogRetentionPolicies.
package steward.rules.logging.audit_retention_too_short

import data.steward.lib

_policies := ["spec", "unifiedAuditLogRetentionPolicies"]

# Purview Audit keeps records that no custom policy matches for 180 days; this is the
# service's default, not a threshold of the guidance.
_default_days := 180

_min_days := lib.param("LOG-002", "minDays")

_record_types := {t | some t in lib.param("LOG-002", "recordTypes")}

# A policy without record types applies to every record type (of the users it names).
_applies(policy, _) if count(object.get(policy, "RecordTypes", [])) == 0

_applies(policy, record_type) if {
	some t in policy.RecordTypes
	lower(t) == lower(record_type)
}

# A policy limited to some users or operations keeps only part of the record type.
_partial(policy) if count(object.get(policy, "UserIds", [])) > 0

_partial(policy) if count(object.get(policy, "Operations", [])) > 0

_days(policy) := lib.retention_days[policy.RetentionDuration]

# Purview applies the matching policy with the lowest Priority value (1 is the highest
# priority); a policy whose priority was not recorded is taken to rank last.
_rank(policy) := object.get(policy, "Priority", 10001)

# New- and Set-UnifiedAuditLogRetentionPolicy have no switch that disables a policy, so a
# policy without Enabled is in force; a recorded Enabled false is still honoured.
_in_force(tenant, record_type) := {policy |
	some policy in tenant.spec.unifiedAuditLogRetentionPolicies
	not lib.is_false(object.get(policy, "Enabled", true))
	_applies(policy, record_type)
}

_long_enough(tenant, record_type) := {policy |
	some policy in _in_force(tenant, record_type)
	not _partial(policy)
	_days(policy) >= _min_days
}

# Policies that keep some of the record type for too short a time and are not overridden
# by a higher-priority policy that keeps all of it long enough.
_too_short(tenant, record_type) := {policy |
	some policy in _in_force(tenant, record_type)
	_days(policy) < _min_days
	not _outranked(policy, _long_enough(tenant, record_type))
}

_outranked(policy, by) if {
	some other in by
	_rank(other) < _rank(policy)
}

_plural(names) := sprintf("policy %s", [names[0]]) if count(names) == 1

_plural(names) := sprintf("policies %s", [concat(", ", names)]) if count(names) > 1

deny contains lib.result(tenant, _policies, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _policies)
	some record_type in _record_types
	short := _too_short(tenant, record_type)
	count(short) > 0
	names := sort({sprintf("%s (%d days)", [p.Name, _days(p)]) | some p in short})
	msg := sprintf("%s audit records are kept for less than the required %d days by retention %s", [record_type, _min_days, _plural(names)])
}

deny contains lib.result(tenant, _policies, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _policies)
	some record_type in _record_types
	count(_too_short(tenant, record_type)) == 0
	count(_long_enough(tenant, record_type)) == 0
	_min_days > _default_days
	msg := sprintf("no enabled audit retention policy keeps %s records of all users and operations, so they expire after the %d-day default, below the required %d days", [record_type, _default_days, _min_days])
}

unknown contains lib.result(tenant, _policies, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _policies)
	msg := "the inventory does not record the tenant's audit retention policies (Get-UnifiedAuditLogRetentionPolicy), so retention of activity records cannot be confirmed"
}
