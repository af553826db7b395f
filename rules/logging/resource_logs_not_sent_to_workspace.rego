# METADATA
# title: Azure resource logs are not sent to a Log Analytics workspace
# description: |
#   Azure services record their data-plane and audit activity (key and secret access, blob
#   reads, FHIR requests, queries) as resource logs, which Azure Monitor keeps only when a
#   diagnostic setting sends them somewhere. Without a diagnostic setting that sends an
#   enabled log category, or the audit or allLogs category group, to a Log Analytics
#   workspace, the activity is neither searchable nor visible to Microsoft Sentinel and
#   Defender for Cloud's "Enable auditing and logging" control. Resource types that have no
#   resource logs (virtual machines use agents instead) are exempt; an Azure SQL logical
#   server, whose audit is configured by its auditing settings, passes when its auditing is
#   on and sent to Azure Monitor.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings
#   - ref: https://learn.microsoft.com/azure/azure-monitor/essentials/resource-logs
# custom:
#   id: LOG-012
#   severity: medium
#   area: Configurations and settings
#   kinds: [AzureResource]
#   guidance: "Understand Microsoft security: the logging and audit capabilities included in Microsoft Defender for Cloud (resource logs of every Azure resource are collected)"
#   mcsb: [LT-3, LT-5]
#   params:
#     exemptTypes:
#       default:
#         - Microsoft.Compute/virtualMachines
#         - Microsoft.Compute/virtualMachineScaleSets
#         - Microsoft.Compute/disks
#         - Microsoft.Network/networkInterfaces
#         - Microsoft.ManagedIdentity/userAssignedIdentities
#       description: ARM resource types that have no resource logs (or log through agents), compared case-insensitively; resources of these types pass.
#   remediation: Add a diagnostic setting to the resource (Monitoring > Diagnostic settings, `az monitor diagnostic-settings create --workspace <workspace ID> --logs '[{"categoryGroup":"audit","enabled":true}]'`, or the built-in policy 187242f4-89c6-4c43-9a4e-188c0efacc5f) with workspaceId set and the audit or allLogs category group enabled; for an Azure SQL server set auditingSettings state Enabled with isAzureMonitorTargetEnabled true; record it under spec.diagnosticSettings.
package steward.rules.logging.resource_logs_not_sent_to_workspace

import data.steward.lib

_settings := ["spec", "diagnosticSettings"]

_exempt := {lower(t) | some t in lib.param("LOG-012", "exemptTypes")}

_judged contains res if {
	some res in lib.docs("AzureResource")
	not lower(res.spec.type) in _exempt
}

_collects(log) if log.categoryGroup in {"audit", "allLogs"}

_collects(log) if {
	is_string(log.category)
	log.category != ""
}

_sends(setting) if {
	setting.workspaceId != ""
	some log in setting.logs
	lib.is_true(log.enabled)
	_collects(log)
}

_sends_any(res) if {
	some setting in res.spec.diagnosticSettings
	_sends(setting)
}

_sql(res) if lower(res.spec.type) == "microsoft.sql/servers"

# A logical server has no server-level resource logs: its audit goes to Azure Monitor
# through its auditing settings instead.
_sql_audit_sent(res) if {
	_sql(res)
	res.spec.auditingSettings.state == "Enabled"
	lib.is_true(res.spec.auditingSettings.isAzureMonitorTargetEnabled)
}

_sql_decided(res) if {
	_sql(res)
	res.spec.auditingSettings.state == "Disabled"
}

_sql_decided(res) if {
	_sql(res)
	res.spec.auditingSettings.state == "Enabled"
	lib.has(res, ["spec", "auditingSettings", "isAzureMonitorTargetEnabled"])
}

_evidence(res) if lib.has(res, _settings)

_evidence(res) if _sql_decided(res)

_failing contains res if {
	some res in _judged
	_evidence(res)
	not _sends_any(res)
	not _sql_audit_sent(res)
}

_names(res) := sort({s.name | some s in res.spec.diagnosticSettings})

deny contains lib.result(res, _settings, msg) if {
	some res in _failing
	not _sql(res)
	count(_names(res)) == 0
	msg := "the resource has no diagnostic setting, so its resource logs are not sent to a Log Analytics workspace"
}

deny contains lib.result(res, _settings, msg) if {
	some res in _failing
	not _sql(res)
	count(_names(res)) > 0
	msg := sprintf("none of the resource's diagnostic settings (%s) sends an enabled log category, or the audit or allLogs category group, to a Log Analytics workspace", [concat(", ", _names(res))])
}

deny contains lib.result(res, _settings, msg) if {
	some res in _failing
	_sql(res)
	msg := "server auditing is not sent to Azure Monitor (auditingSettings state Enabled with isAzureMonitorTargetEnabled true) and no diagnostic setting sends the server's logs to a Log Analytics workspace"
}

unknown contains lib.result(res, _settings, msg) if {
	some res in _judged
	not _evidence(res)
	msg := "the inventory does not record the resource's diagnostic settings (az monitor diagnostic-settings list), so collection of its resource logs cannot be confirmed"
}
