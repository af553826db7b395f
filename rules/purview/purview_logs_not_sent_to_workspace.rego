# METADATA
# title: Purview account diagnostic logs are not sent to a workspace
# description: |
#   Microsoft Purview is one of the sources the guidance brings into Microsoft Sentinel.
#   Its security, scan-status and data-sensitivity events leave the account only through a
#   diagnostic setting that sends them to a Log Analytics workspace; without one, changes
#   to the Data Map and scan failures are invisible to security operations.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-purview-accounts-logs
# custom:
#   id: PUR-008
#   severity: medium
#   area: Configurations and settings
#   kinds: [PurviewAccount]
#   guidance: "Understand Microsoft security: Microsoft Sentinel brings together signals that include Microsoft Purview (integrate Microsoft Purview into Microsoft Sentinel)"
#   mcsb: [LT-3, LT-5]
#   remediation: On the Purview account add a diagnostic setting (Monitoring > Diagnostic settings) with workspaceId set to the Sentinel workspace and the audit or allLogs category group enabled (or the Security, ScanStatusLogEvent and DataSensitivityLogEvent categories), or assign Azure Policy 4cabf9fc-4ed1-4990-bbaf-7248fb8751bc.
package steward.rules.purview.purview_logs_not_sent_to_workspace

import data.steward.lib

_groups := {"audit", "allLogs"}

_categories := {"DataSensitivityLogEvent", "ScanStatusLogEvent", "Security"}

_sends_logs(log) if {
	lib.is_true(log.enabled)
	log.categoryGroup in _groups
}

_sends_logs(log) if {
	lib.is_true(log.enabled)
	log.category in _categories
}

_complete(setting) if {
	setting.workspaceId != ""
	some log in setting.logs
	_sends_logs(log)
}

_any_complete(settings) if {
	some setting in settings
	_complete(setting)
}

deny contains lib.result(account, ["spec", "diagnosticSettings"], msg) if {
	some account in lib.docs("PurviewAccount")
	count(account.spec.diagnosticSettings) == 0
	msg := "the Purview account has no diagnostic setting, so its security, scan and data-sensitivity logs reach no Log Analytics workspace"
}

deny contains lib.result(account, ["spec", "diagnosticSettings"], msg) if {
	some account in lib.docs("PurviewAccount")
	settings := account.spec.diagnosticSettings
	count(settings) > 0
	not _any_complete(settings)
	names := concat(", ", sort([s.name | some s in settings]))
	msg := sprintf("none of the Purview account's diagnostic settings (%s) sends an enabled audit or allLogs group, or a Security, ScanStatusLogEvent or DataSensitivityLogEvent category, to a Log Analytics workspace", [names])
}

unknown contains lib.result(account, ["spec"], msg) if {
	some account in lib.docs("PurviewAccount")
	not lib.has(account, ["spec", "diagnosticSettings"])
	msg := "the inventory does not record the Purview account's diagnostic settings (spec.diagnosticSettings)"
}
