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

# The environments whose type must have activity logging, keyed by name (a set of whole
# documents would compare documents on every insertion).
_in_scope := {name: env |
	skus := _skus
	some name, env in lib.docs("PowerPlatformEnvironment")
	env.spec.environmentSku in skus
}

# The messages of each setting, made once rather than for every environment: when it is
# off, for each type that must have it, and when it is not recorded.
_off := {setting: {sku: sprintf("%s is off (%s is false) in this %s environment: %s", [about[0], setting, sku, about[1]]) | some sku in _skus} |
	some setting, about in _settings
}

_unrecorded := {setting: sprintf("the inventory does not record %s of the environment's organization table", [setting]) |
	some setting, _ in _settings
}

# The values lib.is_true accepts among those the inventory schema allows for a boolean
# setting (true, false and the strings True, False, true, false), so that a setting costs
# a membership test instead of a call.
_on := {true, "True", "true"}

# In the loops below, lib.has is written inline instead of a call per environment or table:
# `x != null` once x is bound, object.get for a boolean that may be false, and a plain
# reference for a string or an array (the inventory schema's types). Results are built
# inline (lib.result is two calls).
deny contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": ["spec", "dataverse", setting], "msg": msg} if {
	off := _off
	on := _on
	some env in _in_scope
	some setting, msgs in off
	value := env.spec.dataverse[setting]
	not value in on
	value != null
	msg := msgs[env.spec.environmentSku]
}

deny contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": ["spec", "dataverse", "tables", i, "IsAuditEnabled"], "msg": msg} if {
	on := _on
	some env in _in_scope
	some i, table in env.spec.dataverse.tables
	table.sensitive == true
	value := table.IsAuditEnabled
	not value in on
	value != null
	msg := sprintf("auditing is off (IsAuditEnabled is false) for the sensitive table %s: changes to its records are not logged", [table.LogicalName])
}

unknown contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": _sku, "msg": msg} if {
	some env in lib.docs("PowerPlatformEnvironment")
	not env.spec.environmentSku
	msg := "the inventory does not record the environment type (environmentSku), so whether it must have Dataverse activity logging cannot be decided"
}

unknown contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": ["spec", "dataverse", setting], "msg": msg} if {
	unrecorded := _unrecorded
	some env in _in_scope
	some setting, msg in unrecorded
	object.get(env, ["spec", "dataverse", setting], null) == null
}

unknown contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": _tables, "msg": msg} if {
	some env in _in_scope
	not env.spec.dataverse.tables
	msg := "the inventory does not list the environment's Dataverse tables (spec.dataverse.tables), so auditing of its sensitive tables cannot be confirmed"
}

unknown contains {"resource": sprintf("%s/%s", [env.kind, env.metadata.name]), "path": ["spec", "dataverse", "tables", i, "IsAuditEnabled"], "msg": msg} if {
	some env in _in_scope
	some i, table in env.spec.dataverse.tables
	table.sensitive == true
	object.get(table, "IsAuditEnabled", null) == null
	msg := sprintf("the inventory does not record whether auditing is on (IsAuditEnabled) for the sensitive table %s", [table.LogicalName])
}
