# METADATA
# title: Power Apps and Power Platform activity is not reaching Sentinel
# description: |
#   Power Apps logging is one of the sources the guidance integrates into Microsoft
#   Sentinel. The Power Platform connectors of the Microsoft Business Applications solution
#   are Content Hub connectors (data collection rules, not classic dataConnectors kinds), so
#   their evidence is the freshness of the tables they fill: PowerAppsActivity,
#   PowerAutomateActivity and PowerPlatformAdminActivity must have received data recently
#   (lastIngestionTime). Power Platform activity is tenant-wide, so a table fresh in any
#   onboarded workspace is enough; the rule reports every onboarded workspace for each table
#   that is fresh in none.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/business-applications/deploy-business-applications-solution
#   - ref: https://learn.microsoft.com/power-platform/admin/logging-powerapps
# custom:
#   id: SEN-005
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: integrate Power Apps logging into Microsoft Sentinel"
#   mcsb: [LT-3, LT-5]
#   params:
#     requiredTables:
#       default: [PowerAppsActivity, PowerAutomateActivity, PowerPlatformAdminActivity]
#       description: Log Analytics tables that the Power Platform connectors must keep filling.
#     maxIngestionAgeDays:
#       default: 7
#       description: Most days since a required table last received data before it counts as not ingesting.
#   remediation: Install the Microsoft Business Applications solution from the Sentinel Content hub and connect its Microsoft Power Apps, Microsoft Power Automate and Microsoft Power Platform Admin Activity connectors (unified audit log ingestion must be on in Purview Audit); then check that PowerAppsActivity, PowerAutomateActivity and PowerPlatformAdminActivity receive data.
package steward.rules.sentinel.power_platform_activity_not_ingested

import data.steward.lib

_max_age := lib.param("SEN-005", "maxIngestionAgeDays")

_required := {t | some t in lib.param("SEN-005", "requiredTables")}

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_fresh := {t.name |
	some ws in _onboarded
	some t in ws.spec.tables
	t.name in _required
	lib.days_since(t.lastIngestionTime) <= _max_age
}

_missing := _required - _fresh

_gaps contains lib.result(ws, ["spec"], msg) if {
	count(_missing) > 0
	some ws in _onboarded
	not lib.has(ws, ["spec", "tables"])
	msg := "the inventory does not record the workspace's tables (spec.tables)"
}

_gaps contains lib.result(ws, ["spec", "tables", i], msg) if {
	some ws in _onboarded
	some i, t in ws.spec.tables
	t.name in _missing
	not lib.has(t, ["lastIngestionTime"])
	msg := sprintf("the inventory does not record when table %s last received data (lastIngestionTime)", [t.name])
}

deny contains lib.result(ws, ["spec", "tables"], msg) if {
	count(_gaps) == 0
	some ws in _onboarded
	present := {t.name | some t in ws.spec.tables}
	some name in _missing
	not name in present
	msg := sprintf("table %s is not in the workspace, and no other Sentinel workspace receives it: its Power Platform connector is not connected", [name])
}

deny contains lib.result(ws, ["spec", "tables", i, "lastIngestionTime"], msg) if {
	count(_gaps) == 0
	some ws in _onboarded
	some i, t in ws.spec.tables
	t.name in _missing
	age := lib.days_since(t.lastIngestionTime)
	msg := sprintf("table %s last received data %d days ago, more than the allowed %d, and no other Sentinel workspace receives it", [t.name, age, _max_age])
}

unknown contains gap if {
	some gap in _gaps
}
