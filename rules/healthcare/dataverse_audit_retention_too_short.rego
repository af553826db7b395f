# METADATA
# title: Dataverse audit logs of a PHI environment are kept too briefly
# description: |
#   Dynamics 365 and Dataverse auditing records who created, changed and opened patient
#   records in an environment, and deletes the records once the organization's audit
#   retention period (auditretentionperiodv2) has passed; the default is 30 days. HIPAA
#   requires its documentation to be retained for six years, and an investigation of PHI
#   access often reaches back further than a month, so environments holding PHI keep their
#   audit log at least as long as the organisation's retention policy, or forever (-1).
# related_resources:
#   - ref: https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing
#   - ref: https://learn.microsoft.com/power-apps/developer/data-platform/auditing/configure
# custom:
#   id: HLT-003
#   severity: medium
#   area: Configurations and settings
#   kinds: [PowerPlatformEnvironment]
#   guidance: "Security in Microsoft Cloud for Healthcare: Dynamics 365 auditing; Microsoft Dataverse and model-driven apps activity logging"
#   mcsb: [LT-6]
#   pack: healthcare
#   params:
#     minDays:
#       default: 2190
#       description: Shortest acceptable Dataverse audit retention in days for an environment holding PHI (2190 days is six years, the HIPAA documentation retention period); a retention of -1 (forever) always passes.
#   remediation: In the Power Platform admin center > Environments > (environment) > Settings > Audit and logs > Audit settings, set "Retain these logs for" to at least six years or Forever (organization column auditretentionperiodv2 = 2190 or -1), and record it under spec.dataverse.auditretentionperiodv2.
package steward.rules.healthcare.dataverse_audit_retention_too_short

import data.steward.lib

# The healthcare pack applies to documents holding PHI, or to every document when the
# tenant as a whole is labelled as holding PHI. The same test is repeated in every rule of
# the pack so that each file stands alone.
_phi_tenant if {
	some tenant in lib.docs("Tenant")
	lib.holds_phi(tenant)
}

# The environments in scope, by name: decided once here rather than by a function call per
# environment; lib.holds_phi is inline, after the label most environments lack.
_envs := lib.docs("PowerPlatformEnvironment") if _phi_tenant

_envs := {name: env |
	some name, env in lib.docs("PowerPlatformEnvironment")
	label := env.metadata.labels.data
	lower(sprintf("%v", [label])) == "phi"
} if not _phi_tenant

_setting := ["spec", "dataverse", "auditretentionperiodv2"]

# Results are built inline: lib.result would be a call (two with lib.id) per result.
deny contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": _setting, "msg": msg} if {
	envs := _envs
	min_days := lib.param("HLT-003", "minDays")
	some env in envs
	days := env.spec.dataverse.auditretentionperiodv2
	days != -1
	days < min_days
	msg := sprintf("the Dataverse audit log is kept for %d days, below the required %d days (or forever) for an environment holding PHI", [days, min_days])
}

# auditretentionperiodv2 is an integer when present (the inventory schema), so a plain
# reference tells a missing one without a call to lib.has per environment.
unknown contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": _setting, "msg": msg} if {
	envs := _envs
	some env in envs
	not env.spec.dataverse.auditretentionperiodv2
	msg := "the inventory does not record the environment's Dataverse audit retention (auditretentionperiodv2 of the organization table), so retention of its audit log cannot be confirmed"
}
