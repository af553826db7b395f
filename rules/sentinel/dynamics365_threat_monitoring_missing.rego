# METADATA
# title: Dynamics 365 is not under continuous threat monitoring in Sentinel
# description: |
#   The guidance integrates Dynamics 365 continuous threat monitoring into Microsoft
#   Sentinel. That takes two things on the same onboarded workspace: Dynamics 365 /
#   Dataverse activity flowing in (the Dynamics365 connector with its
#   dynamics365CdsActivities data type Enabled, or a recent lastIngestionTime on the
#   DataverseActivity table that the Microsoft Dataverse connector fills) and at least one
#   enabled analytics rule that requires that connector (requiredDataConnectors connectorId
#   Dataverse or Dynamics365), such as those of the Microsoft Business Applications
#   solution. It applies when some Power Platform environment in the inventory runs
#   Dynamics 365 apps; every onboarded workspace is reported, with what it lacks, only
#   when no workspace has both.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/business-applications/deploy-business-applications-solution
# custom:
#   id: SEN-006
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: integrate Dynamics 365 continuous threat monitoring into Microsoft Sentinel"
#   mcsb: [LT-1, LT-3, LT-5, IR-3]
#   params:
#     activityTables:
#       default: [DataverseActivity, Dynamics365Activity]
#       description: Tables whose recent ingestion shows Dynamics 365 / Dataverse activity reaching the workspace.
#     connectorIds:
#       default: [Dataverse, Dynamics365]
#       description: requiredDataConnectors connector IDs that mark an analytics rule as Dynamics 365 monitoring.
#     maxIngestionAgeDays:
#       default: 7
#       description: Most days since an activity table last received data for it to count as ingesting.
#   remediation: Install the Microsoft Business Applications solution from the Sentinel Content hub, connect the Microsoft Dataverse connector (Dataverse auditing on in production environments, unified audit log on) so DataverseActivity receives data, and enable its Dataverse analytics rules (Analytics > Rule templates, filtered on the Dataverse data source).
package steward.rules.sentinel.dynamics365_threat_monitoring_missing

import data.steward.lib

_max_age := lib.param("SEN-006", "maxIngestionAgeDays")

_tables := {t | some t in lib.param("SEN-006", "activityTables")}

_rule_ids := {c | some c in lib.param("SEN-006", "connectorIds")}

_uses_dynamics if {
	some env in lib.docs("PowerPlatformEnvironment")
	count(env.spec.dynamics365Apps) > 0
}

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_ingesting := {ws.metadata.name | some ws in _onboarded; _ingests(ws)}

_ingests(ws) if {
	some c in ws.spec.dataConnectors
	c.kind == "Dynamics365"
	c.dataTypes.dynamics365CdsActivities.state == "Enabled"
}

_ingests(ws) if {
	some t in ws.spec.tables
	t.name in _tables
	lib.days_since(t.lastIngestionTime) <= _max_age
}

_analysing := {ws.metadata.name |
	some ws in _onboarded
	some r in ws.spec.alertRules
	lib.is_true(r.enabled)
	some required in r.requiredDataConnectors
	required.connectorId in _rule_ids
}

_monitored if {
	some name in _ingesting
	name in _analysing
}

_judged if {
	_uses_dynamics
	not _monitored
}

_table_list := concat(" or ", sort(_tables))

_gaps contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not ws.metadata.name in _ingesting
	some field in ["dataConnectors", "tables"]
	not lib.has(ws, ["spec", field])
	msg := sprintf("the inventory does not record the workspace's %s (spec.%s), so Dynamics 365 ingestion cannot be confirmed", [field, field])
}

_gaps contains lib.result(ws, ["spec", "tables", i], msg) if {
	some ws in _onboarded
	not ws.metadata.name in _ingesting
	some i, t in ws.spec.tables
	t.name in _tables
	not lib.has(t, ["lastIngestionTime"])
	msg := sprintf("the inventory does not record when table %s last received data (lastIngestionTime)", [t.name])
}

_gaps contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes"], msg) if {
	some ws in _onboarded
	not ws.metadata.name in _ingesting
	some i, c in ws.spec.dataConnectors
	c.kind == "Dynamics365"
	not lib.has(c, ["dataTypes", "dynamics365CdsActivities", "state"])
	msg := sprintf("the inventory does not record the dynamics365CdsActivities state of the Dynamics 365 connector %s", [c.name])
}

_gaps contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not ws.metadata.name in _analysing
	not lib.has(ws, ["spec", "alertRules"])
	msg := "the inventory does not record the workspace's analytics rules (spec.alertRules), so Dynamics 365 detections cannot be confirmed"
}

deny contains lib.result(ws, ["spec", "dataConnectors"], msg) if {
	_judged
	count(_gaps) == 0
	some ws in _onboarded
	not ws.metadata.name in _ingesting
	msg := sprintf("no Dynamics 365 activity reaches this workspace: no Dynamics365 connector has dynamics365CdsActivities Enabled, and no data reached %s in the last %d days", [_table_list, _max_age])
}

deny contains lib.result(ws, ["spec", "alertRules"], msg) if {
	_judged
	count(_gaps) == 0
	some ws in _onboarded
	not ws.metadata.name in _analysing
	msg := sprintf("no enabled analytics rule requires the %s connector, so Dynamics 365 activity raises no alerts here", [concat(" or ", sort(_rule_ids))])
}

unknown contains gap if {
	_judged
	some gap in _gaps
}
