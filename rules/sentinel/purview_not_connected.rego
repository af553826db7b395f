# METADATA
# title: Microsoft Purview signals do not reach Sentinel
# description: |
#   Microsoft Purview is the first source the guidance integrates into Microsoft Sentinel.
#   Its signals arrive by either of two routes, and either is accepted: the Microsoft
#   Purview Information Protection data connector (kind
#   MicrosoftPurviewInformationProtection) with its logs data type Enabled, which brings
#   sensitivity-label activity from Microsoft 365; or a diagnostic setting on a Purview
#   account (Microsoft.Purview/accounts) that sends enabled log categories to an onboarded
#   Sentinel workspace, which brings data-map sensitivity, scan and security logs. Purview
#   is tenant-wide, so the rule reports every onboarded workspace only when no route
#   reaches any of them.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/connect-microsoft-purview
# custom:
#   id: SEN-004
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: integrate Microsoft Purview into Microsoft Sentinel"
#   mcsb: [DP-1, LT-5]
#   remediation: Install the Microsoft Purview Information Protection solution from the Sentinel Content hub and connect it (dataTypes.logs.state Enabled), or add a diagnostic setting to the Purview account that sends the DataSensitivityLogEvent, ScanStatusLogEvent and Security categories (or the audit / allLogs category group) to the Sentinel workspace.
package steward.rules.sentinel.purview_not_connected

import data.steward.lib

_kind := "MicrosoftPurviewInformationProtection"

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_accounts := lib.docs("PurviewAccount")

_workspace_ids := {lower(ws.spec.workspaceResourceId) | some ws in _onboarded}

_collected if {
	some ws in _onboarded
	some c in ws.spec.dataConnectors
	c.kind == _kind
	c.dataTypes.logs.state == "Enabled"
}

_collected if {
	some account in _accounts
	some setting in account.spec.diagnosticSettings
	lower(setting.workspaceId) in _workspace_ids
	some log in setting.logs
	lib.is_true(log.enabled)
}

_gaps contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not lib.has(ws, ["spec", "dataConnectors"])
	msg := "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)"
}

_gaps contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes"], msg) if {
	some ws in _onboarded
	some i, c in ws.spec.dataConnectors
	c.kind == _kind
	not lib.has(c, ["dataTypes", "logs", "state"])
	msg := sprintf("the inventory does not record the logs state of the Microsoft Purview Information Protection connector %s (dataTypes.logs.state)", [c.name])
}

# A Purview account whose diagnostic settings are not recorded may be the route that
# works, so it keeps every onboarded workspace open.
_gaps contains lib.result(ws, ["spec", "dataConnectors"], msg) if {
	some account in _accounts
	not lib.has(account, ["spec", "diagnosticSettings"])
	some ws in _onboarded
	msg := sprintf("no Purview connector is recorded here and the inventory does not record the diagnostic settings of Purview account %s (spec.diagnosticSettings), so whether Purview logs reach Sentinel cannot be confirmed", [account.metadata.name])
}

# Diagnostic settings name the workspace by ARM ID: without it they cannot be matched.
_gaps contains lib.result(ws, ["spec", "workspaceResourceId"], msg) if {
	count(_accounts) > 0
	some ws in _onboarded
	not lib.has(ws, ["spec", "workspaceResourceId"])
	msg := "the inventory does not record the workspace's ARM ID (spec.workspaceResourceId), so Purview diagnostic settings cannot be matched to it"
}

deny contains lib.result(ws, ["spec", "dataConnectors", i, "dataTypes", "logs", "state"], msg) if {
	not _collected
	count(_gaps) == 0
	some ws in _onboarded
	some i, c in ws.spec.dataConnectors
	c.kind == _kind
	msg := sprintf("the Microsoft Purview Information Protection connector %s has its logs data type %s, and no Purview account sends diagnostic logs to a Sentinel workspace", [c.name, c.dataTypes.logs.state])
}

deny contains lib.result(ws, ["spec", "dataConnectors"], msg) if {
	not _collected
	count(_gaps) == 0
	some ws in _onboarded
	not _has_connector(ws)
	msg := "no Microsoft Purview Information Protection connector is connected and no Purview account sends diagnostic logs to a Sentinel workspace, so Purview signals do not reach Sentinel"
}

_has_connector(ws) if {
	some c in ws.spec.dataConnectors
	c.kind == _kind
}

unknown contains gap if {
	not _collected
	some gap in _gaps
}
