# METADATA
# title: Office 365 activity including Teams is not fully connected to Sentinel
# description: |
#   Among the other data sources the guidance brings into Microsoft Sentinel, the Office
#   365 connector (kind Office365) carries Exchange, SharePoint and Microsoft Teams
#   activity into OfficeActivity; each workload is its own data type (exchange,
#   sharePoint, teams) that must be Enabled, and Teams logging reaches Sentinel only
#   through the teams data type. Office 365 is tenant-wide, so a data type Enabled on any
#   onboarded workspace is enough; each data type enabled nowhere is reported on every
#   onboarded workspace, at the connector's state when it has one.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/data-connectors-reference
# custom:
#   id: SEN-008
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: integrate other data sources into Microsoft Sentinel (Teams and Office 365, Microsoft Teams logging)"
#   mcsb: [LT-3, LT-5]
#   params:
#     requiredDataTypes:
#       default: [exchange, sharePoint, teams]
#       description: Office365 connector data types that must be Enabled.
#   remediation: In Microsoft Sentinel > Data connectors > Microsoft 365 (formerly Office 365), select Exchange, SharePoint and Teams and apply, so the Office365 connector has dataTypes.exchange.state, dataTypes.sharePoint.state and dataTypes.teams.state all Enabled.
package steward.rules.sentinel.office365_connector_incomplete

import data.steward.lib

_kind := "Office365"

_required := {t | some t in lib.param("SEN-008", "requiredDataTypes")}

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_collected := {dt |
	some ws in _onboarded
	some c in ws.spec.dataConnectors
	c.kind == _kind
	some dt in _required
	c.dataTypes[dt].state == "Enabled"
}

_missing := _required - _collected

_gaps contains lib.result(ws, ["spec"], msg) if {
	count(_missing) > 0
	some ws in _onboarded
	not lib.has(ws, ["spec", "dataConnectors"])
	msg := "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)"
}

_gaps contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes"], msg) if {
	some ws in _onboarded
	some i, c in ws.spec.dataConnectors
	c.kind == _kind
	some dt in _missing
	not lib.has(c, ["dataTypes", dt, "state"])
	msg := sprintf("the inventory does not record the %s state of the Office 365 connector %s (dataTypes.%s.state)", [dt, c.name, dt])
}

deny contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes", dt, "state"], msg) if {
	count(_gaps) == 0
	some ws in _onboarded
	some i, c in ws.spec.dataConnectors
	c.kind == _kind
	some dt in _missing
	msg := sprintf("the Office 365 connector %s has its %s data type %s, and no other Sentinel workspace collects it", [c.name, dt, c.dataTypes[dt].state])
}

deny contains lib.result(ws, ["spec", "dataConnectors"], msg) if {
	count(_missing) > 0
	count(_gaps) == 0
	some ws in _onboarded
	not _has_connector(ws)
	msg := sprintf("no Office 365 (Office365) data connector is connected here or on any other Sentinel workspace, so %s activity does not reach Sentinel", [concat(", ", sort(_missing))])
}

_has_connector(ws) if {
	some c in ws.spec.dataConnectors
	c.kind == _kind
}

unknown contains gap if {
	some gap in _gaps
}
