# METADATA
# title: Entra ID Protection alerts are not connected to Sentinel
# description: |
#   Microsoft Entra ID is one of the sources the guidance integrates into Microsoft
#   Sentinel. Sign-in and audit logs travel through a tenant diagnostic setting (IDN-001);
#   the identity risk detections of Entra ID Protection arrive only through the Microsoft
#   Entra ID data connector (kind AzureActiveDirectory) with its alerts data type Enabled,
#   which writes them to SecurityAlert. The source is tenant-wide, so one onboarded
#   workspace collecting it is enough: the rule reports every onboarded workspace only when
#   none of them does.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/data-connectors/azure-active-directory-identity-protection
#   - ref: https://learn.microsoft.com/azure/sentinel/connect-azure-active-directory
# custom:
#   id: SEN-003
#   severity: high
#   area: Identities and users
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: integrate Microsoft Entra ID into Microsoft Sentinel"
#   mcsb: [LT-2, LT-5]
#   remediation: In Microsoft Sentinel > Data connectors, open Microsoft Entra ID Protection (or the Microsoft Entra ID connector) and connect its alerts, so the AzureActiveDirectory data connector has dataTypes.alerts.state set to Enabled.
package steward.rules.sentinel.entra_id_protection_alerts_not_connected

import data.steward.lib

_kind := "AzureActiveDirectory"

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_collected if {
	some ws in _onboarded
	some c in ws.spec.dataConnectors
	c.kind == _kind
	c.dataTypes.alerts.state == "Enabled"
}

# What keeps the estate-wide verdict open: a workspace whose connectors are not recorded,
# or an Entra ID connector whose alerts state is not.
_gaps contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not lib.has(ws, ["spec", "dataConnectors"])
	msg := "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)"
}

_gaps contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes"], msg) if {
	some ws in _onboarded
	some i, c in ws.spec.dataConnectors
	c.kind == _kind
	not lib.has(c, ["dataTypes", "alerts", "state"])
	msg := sprintf("the inventory does not record the alerts state of the Microsoft Entra ID connector %s (dataTypes.alerts.state)", [c.name])
}

deny contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes", "alerts", "state"], msg) if {
	not _collected
	count(_gaps) == 0
	some ws in _onboarded
	some i, c in ws.spec.dataConnectors
	c.kind == _kind
	msg := sprintf("the Microsoft Entra ID connector %s has its alerts data type %s, and no other Sentinel workspace collects Entra ID Protection alerts", [c.name, c.dataTypes.alerts.state])
}

deny contains lib.result(ws, ["spec", "dataConnectors"], msg) if {
	not _collected
	count(_gaps) == 0
	some ws in _onboarded
	not _has_connector(ws)
	msg := "no Microsoft Entra ID (AzureActiveDirectory) data connector is connected here or on any other Sentinel workspace, so Entra ID Protection alerts do not reach Sentinel"
}

_has_connector(ws) if {
	some c in ws.spec.dataConnectors
	c.kind == _kind
}

unknown contains gap if {
	not _collected
	some gap in _gaps
}
