# METADATA
# title: Data loss prevention activity is not logged
# description: |
#   DLP activity reaches Microsoft Purview Audit only where DLP policies are in force and
#   audit ingestion is on: Power Platform data policy events, and Microsoft 365 (Purview)
#   DLP rule matches. The default Power Platform environment, where every user can build
#   apps and flows, needs a Power Platform data policy, and at least one Microsoft 365 DLP
#   policy must be enforced (Mode Enable) rather than in test mode, or there is no DLP
#   activity to log.
# related_resources:
#   - ref: https://learn.microsoft.com/power-platform/admin/dlp-activity-logging
#   - ref: https://learn.microsoft.com/power-platform/admin/wp-data-loss-prevention
#   - ref: https://learn.microsoft.com/purview/dlp-learn-about-dlp
# custom:
#   id: LOG-006
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Data loss prevention activity logging)"
#   mcsb: [DP-2, LT-3]
#   remediation: In the Power Platform admin center > Policies > Data policies, create a policy with scope "Add all environments" (environmentType AllEnvironments) or one that lists the default environment (Default-<tenant ID>); in the Purview portal > Data loss prevention > Policies, turn at least one policy on (Set-DlpCompliancePolicy -Mode Enable); keep UnifiedAuditLogIngestionEnabled true; record them under spec.powerPlatform.dlpPolicies, spec.dlpCompliancePolicies and spec.adminAuditLogConfig.
package steward.rules.logging.dlp_activity_not_logged

import data.steward.lib

_ingestion := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

_pp_policies := ["spec", "powerPlatform", "dlpPolicies"]

_m365_policies := ["spec", "dlpCompliancePolicies"]

_is_default(env) if env.spec.isDefault == true

_is_default(env) if env.spec.environmentSku == "Default"

# The default environment's name (environmentId) as its environment document records it.
_default_envs := {env.spec.environmentId |
	some env in lib.docs("PowerPlatformEnvironment")
	_is_default(env)
}

# Power Platform always names the default environment Default-<tenant ID>.
_default_names(tenant) := _default_envs | {sprintf("Default-%s", [id]) | id := tenant.spec.tenantId}

_default_ids(tenant) := {lower(name) | some name in _default_names(tenant)}

_listed(policy) := {lower(env.name) | some env in object.get(policy, "environments", [])}

_covers_default(policy, _) if policy.environmentType == "AllEnvironments"

_covers_default(policy, ids) if {
	policy.environmentType == "ExceptEnvironments"
	count(ids & _listed(policy)) == 0
}

_covers_default(policy, ids) if {
	policy.environmentType in {"OnlyEnvironments", "SingleEnvironment"}
	count(ids & _listed(policy)) > 0
}

_default_covered(tenant, ids) if {
	some policy in tenant.spec.powerPlatform.dlpPolicies
	_covers_default(policy, ids)
}

_tenant_wide(tenant) if {
	some policy in tenant.spec.powerPlatform.dlpPolicies
	policy.environmentType == "AllEnvironments"
}

_enforced(policy) if {
	policy.Mode == "Enable"
	not lib.is_false(object.get(policy, "Enabled", true))
}

deny contains lib.result(tenant, _ingestion, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _ingestion)
	not lib.is_true(lib.get(tenant, _ingestion, null))
	msg := "DLP policy and rule-match activity is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)"
}

deny contains lib.result(tenant, _pp_policies, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _pp_policies)
	ids := _default_ids(tenant)
	count(ids) > 0
	not _default_covered(tenant, ids)
	msg := sprintf("no Power Platform data (DLP) policy applies to the default environment (%s), so connector use there is unrestricted and produces no DLP activity", [concat(", ", sort(_default_names(tenant)))])
}

deny contains lib.result(tenant, _m365_policies, msg) if {
	some tenant in lib.docs("Tenant")
	policies := tenant.spec.dlpCompliancePolicies
	count(policies) == 0
	msg := "the tenant has no Microsoft 365 (Purview) DLP policy, so no sensitive data is detected and no DLP rule match is logged"
}

deny contains lib.result(tenant, _m365_policies, msg) if {
	some tenant in lib.docs("Tenant")
	policies := tenant.spec.dlpCompliancePolicies
	count(policies) > 0
	not _any_enforced(policies)
	found := sort({_state(p) | some p in policies})
	msg := sprintf("no Microsoft 365 (Purview) DLP policy is enforced with Mode Enable (%s)", [concat("; ", found)])
}

_any_enforced(policies) if {
	some policy in policies
	_enforced(policy)
}

# Only policies that are not enforced are described: Mode Enable then means Enabled is false.
_state(policy) := sprintf("%s is in %s mode", [policy.Name, policy.Mode]) if policy.Mode != "Enable"

_state(policy) := sprintf("%s is turned off, Enabled false", [policy.Name]) if policy.Mode == "Enable"

unknown contains lib.result(tenant, _ingestion, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _ingestion)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which DLP activity logging depends"
}

unknown contains lib.result(tenant, _pp_policies, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _pp_policies)
	msg := "the inventory does not record the Power Platform data (DLP) policies (spec.powerPlatform.dlpPolicies), so coverage of the default environment cannot be confirmed"
}

unknown contains lib.result(tenant, _pp_policies, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _pp_policies)
	count(_default_ids(tenant)) == 0
	not _tenant_wide(tenant)
	msg := "the default Power Platform environment cannot be identified (no PowerPlatformEnvironment with isDefault true and no tenantId), so whether a data policy covers it cannot be confirmed"
}

unknown contains lib.result(tenant, _m365_policies, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _m365_policies)
	msg := "the inventory does not record the Microsoft 365 DLP policies (Get-DlpCompliancePolicy), so whether any is enforced cannot be confirmed"
}
