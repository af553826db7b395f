# METADATA
# title: Dynamics 365 auditing is off or kept too briefly in a production environment
# description: |
#   Dynamics 365 and Dataverse auditing (the environment's "Start Auditing" setting,
#   organization column isauditenabled) records who created, changed and deleted records,
#   and is the switch every table, column, read and user-access audit depends on; desktop
#   flow activity is logged here too. The audit log is deleted after the environment's
#   retention period (auditretentionperiodv2, 30 days by default), so a production
#   environment needs auditing on and a retention at least as long as the organisation
#   requires, or forever (-1).
# related_resources:
#   - ref: https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing
#   - ref: https://learn.microsoft.com/power-apps/developer/data-platform/auditing/configure
# custom:
#   id: LOG-007
#   severity: high
#   area: Configurations and settings
#   kinds: [PowerPlatformEnvironment]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Dynamics 365 auditing)"
#   mcsb: [LT-3, LT-6]
#   params:
#     minDays:
#       default: 365
#       description: Shortest acceptable Dataverse audit retention in days (auditretentionperiodv2); -1 (forever) always passes.
#     environmentSkus:
#       default: [Production]
#       description: Environment types (environmentSku) that must have Dataverse auditing; environments of other types pass.
#   remediation: In the Power Platform admin center > Environments > (environment) > Settings > Audit and logs > Audit settings, select Start Auditing (isauditenabled = true) and set "Retain these logs for" to at least one year or Forever (auditretentionperiodv2 = 365 or -1), then record both under spec.dataverse.
package steward.rules.logging.dynamics365_auditing_off

import data.steward.lib

_enabled := ["spec", "dataverse", "isauditenabled"]

_retention := ["spec", "dataverse", "auditretentionperiodv2"]

_sku := ["spec", "environmentSku"]

_min_days := lib.param("LOG-007", "minDays")

_skus := {s | some s in lib.param("LOG-007", "environmentSkus")}

_in_scope contains env if {
	some env in lib.docs("PowerPlatformEnvironment")
	env.spec.environmentSku in _skus
}

deny contains lib.result(env, _enabled, msg) if {
	some env in _in_scope
	lib.has(env, _enabled)
	not lib.is_true(lib.get(env, _enabled, null))
	msg := sprintf("Dataverse auditing is off (isauditenabled is false) in this %s environment: changes to its records are not logged", [env.spec.environmentSku])
}

deny contains lib.result(env, _retention, msg) if {
	some env in _in_scope
	days := env.spec.dataverse.auditretentionperiodv2
	days != -1
	days < _min_days
	msg := sprintf("the Dataverse audit log is kept for %d days, below the required %d (or forever, -1)", [days, _min_days])
}

unknown contains lib.result(env, _sku, msg) if {
	some env in lib.docs("PowerPlatformEnvironment")
	not lib.has(env, _sku)
	msg := "the inventory does not record the environment type (environmentSku), so whether it must have Dynamics 365 auditing cannot be decided"
}

unknown contains lib.result(env, _enabled, msg) if {
	some env in _in_scope
	not lib.has(env, _enabled)
	msg := "the inventory does not record whether Dataverse auditing is on (isauditenabled of the organization table)"
}

unknown contains lib.result(env, _retention, msg) if {
	some env in _in_scope
	not lib.has(env, _retention)
	msg := "the inventory does not record the Dataverse audit retention (auditretentionperiodv2 of the organization table)"
}
