# METADATA
# title: Dataverse and model-driven apps activity logging is off in a production environment
# description: |
#   Dataverse activity logging sends reads, exports and other data access in Dataverse and
#   model-driven apps to Microsoft Purview Audit (the environment's "Log read" setting,
#   isreadauditenabled), and user access auditing records who signed in and when
#   (isuseraccessauditenabled). Neither is available outside production environments.
#   Changes to a table's records are logged only if auditing is on for that table too
#   (IsAuditEnabled), so every table holding personal or health data needs it.
# related_resources:
#   - ref: https://learn.microsoft.com/power-platform/admin/enable-use-comprehensive-auditing
#   - ref: https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing
# custom:
#   id: LOG-008
#   severity: high
#   area: Configurations and settings
#   kinds: [PowerPlatformEnvironment]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Microsoft Dataverse and model-driven apps activity logging)"
#   mcsb: [LT-3]
#   params:
#     environmentSkus:
#       default: [Production]
#       description: Environment types (environmentSku) that must have Dataverse activity logging; environments of other types pass.
#   remediation: In the Power Platform admin center > Environments > (environment) > Settings > Audit and logs > Audit settings, turn on Log access (isuseraccessauditenabled = true) and Read logs (isreadauditenabled = true); in Power Apps > Tables > (table) > Properties > Advanced options, turn on Audit changes to its data (IsAuditEnabled = true) for every table marked sensitive; record them under spec.dataverse.
package steward.rules.logging.dataverse_activity_logging_off

import data.steward.lib

_sku := ["spec", "environmentSku"]

_tables := ["spec", "dataverse", "tables"]

_skus := {s | some s in lib.param("LOG-008", "environmentSkus")}

# Environment settings of activity logging: their name in the admin center, and what is
# lost while each is off.
_settings := {
	"isreadauditenabled": ["read logging", "reads and exports of Dataverse records are not sent to Purview Audit"],
	"isuseraccessauditenabled": ["access logging", "user access to the environment is not logged"],
}

_in_scope contains env if {
	some env in lib.docs("PowerPlatformEnvironment")
	env.spec.environmentSku in _skus
}

deny contains lib.result(env, ["spec", "dataverse", setting], msg) if {
	some env in _in_scope
	some setting, about in _settings
	lib.has(env, ["spec", "dataverse", setting])
	not lib.is_true(env.spec.dataverse[setting])
	msg := sprintf("%s is off (%s is false) in this %s environment: %s", [about[0], setting, env.spec.environmentSku, about[1]])
}

deny contains lib.result(env, ["spec", "dataverse", "tables", i, "IsAuditEnabled"], msg) if {
	some env in _in_scope
	some i, table in env.spec.dataverse.tables
	table.sensitive == true
	lib.has(table, ["IsAuditEnabled"])
	not lib.is_true(table.IsAuditEnabled)
	msg := sprintf("auditing is off (IsAuditEnabled is false) for the sensitive table %s: changes to its records are not logged", [table.LogicalName])
}

unknown contains lib.result(env, _sku, msg) if {
	some env in lib.docs("PowerPlatformEnvironment")
	not lib.has(env, _sku)
	msg := "the inventory does not record the environment type (environmentSku), so whether it must have Dataverse activity logging cannot be decided"
}

unknown contains lib.result(env, ["spec", "dataverse", setting], msg) if {
	some env in _in_scope
	some setting, _ in _settings
	not lib.has(env, ["spec", "dataverse", setting])
	msg := sprintf("the inventory does not record %s of the environment's organization table", [setting])
}

unknown contains lib.result(env, _tables, msg) if {
	some env in _in_scope
	not lib.has(env, _tables)
	msg := "the inventory does not list the environment's Dataverse tables (spec.dataverse.tables), so auditing of its sensitive tables cannot be confirmed"
}

unknown contains lib.result(env, ["spec", "dataverse", "tables", i, "IsAuditEnabled"], msg) if {
	some env in _in_scope
	some i, table in env.spec.dataverse.tables
	table.sensitive == true
	not lib.has(table, ["IsAuditEnabled"])
	msg := sprintf("the inventory does not record whether auditing is on (IsAuditEnabled) for the sensitive table %s", [table.LogicalName])
}
