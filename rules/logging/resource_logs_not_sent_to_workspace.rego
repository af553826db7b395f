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

# Every outcome below reads these facts, so each resource's type is lowered and its settings
# read once, here, and not by a helper per outcome. An array of [resource, whether it is an
# Azure SQL logical server, its diagnostic settings or null], not a set, so that no whole
# documents are compared; outcomes pick their resources by matching the last two.
_judged := [[res, type == "microsoft.sql/servers", object.get(res, path, null)] |
	exempt := _exempt
	path := _settings
	some res in lib.docs("AzureResource")
	type := lower(object.get(res, ["spec", "type"], ""))
	not type in exempt
]

_collects(log) if log.categoryGroup in {"audit", "allLogs"}

_collects(log) if {
	is_string(log.category)
	log.category != ""
}

# Every log entry of a diagnostic setting to a workspace, with its resource's name: the
# settings are walked once, here, for both of the sets below.
_to_workspace := [[res.metadata.name, entry] |
	some [res, _, settings] in _judged
	settings != null
	some setting in settings
	setting.workspaceId != ""
	some entry in setting.logs
]

# The distinct log entries sent to a workspace that collect an enabled category or group:
# lib.is_true and _collects decided once per distinct entry (a handful in an estate)
# instead of once per resource.
_collecting := {log |
	some log in {entry | some [_, entry] in _to_workspace}
	lib.is_true(log.enabled)
	_collects(log)
}

# The names of the resources with a diagnostic setting that sends a collected log to a
# workspace, decided in one pass rather than by a call per resource.
_sending := {name |
	collecting := _collecting
	some [name, log] in _to_workspace
	log in collecting
}

_sql_audit_sent(res) if {
	res.spec.auditingSettings.state == "Enabled"
	lib.is_true(res.spec.auditingSettings.isAzureMonitorTargetEnabled)
}

_sql_decided(res, sql) if {
	sql
	res.spec.auditingSettings.state == "Disabled"
}

_sql_decided(res, sql) if {
	sql
	res.spec.auditingSettings.state == "Enabled"
	lib.has(res, ["spec", "auditingSettings", "isAzureMonitorTargetEnabled"])
}

# A server's settings are recorded (null when not), or its auditing settings decide it.
_sql_evidence(settings, _) if settings != null

_sql_evidence(_, res) if _sql_decided(res, true)

# Resources other than SQL servers whose recorded settings send nothing, with the names of
# those settings.
_failing := [[res, names] |
	sending := _sending
	some [res, false, settings] in _judged
	settings != null
	not res.metadata.name in sending
	names := sort({s.name | some s in settings})
]

deny contains lib.result(res, _settings, msg) if {
	some [res, names] in _failing
	count(names) == 0
	msg := "the resource has no diagnostic setting, so its resource logs are not sent to a Log Analytics workspace"
}

deny contains lib.result(res, _settings, msg) if {
	some [res, names] in _failing
	count(names) > 0
	msg := sprintf("none of the resource's diagnostic settings (%s) sends an enabled log category, or the audit or allLogs category group, to a Log Analytics workspace", [concat(", ", names)])
}

deny contains lib.result(res, _settings, msg) if {
	some [res, true, settings] in _judged
	_sql_evidence(settings, res)
	not res.metadata.name in _sending
	not _sql_audit_sent(res)
	msg := "server auditing is not sent to Azure Monitor (auditingSettings state Enabled with isAzureMonitorTargetEnabled true) and no diagnostic setting sends the server's logs to a Log Analytics workspace"
}

# deny and unknown are evaluated together, so this reuses _judged (each resource's type
# lowered and its settings read once) instead of going over every resource again.
unknown contains lib.result(res, _settings, msg) if {
	some [res, sql, null] in _judged
	not _sql_decided(res, sql)
	msg := "the inventory does not record the resource's diagnostic settings (az monitor diagnostic-settings list), so collection of its resource logs cannot be confirmed"
}
