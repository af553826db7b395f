# METADATA
# title: Sentinel workspace keeps data for too few days
# description: |
#   Investigations and hunting in Microsoft Sentinel reach back only as far as the
#   workspace keeps its data. The workspace's default interactive retention
#   (Microsoft.OperationalInsights/workspaces properties.retentionInDays) should be at
#   least 90 days, the period Sentinel includes at no extra retention charge. Every
#   SentinelWorkspace is judged, onboarded or not, since the security logs it already
#   holds age out either way.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure
# custom:
#   id: SEN-013
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: Microsoft Sentinel cloud-based security operations (a full view of your SIEM data)"
#   mcsb: [LT-6]
#   params:
#     minRetentionDays:
#       default: 90
#       description: Least workspace default retention (retentionInDays) in days.
#   remediation: Set the workspace's data retention to at least 90 days (Log Analytics workspace > Usage and estimated costs > Data retention, or `az monitor log-analytics workspace update --retention-time 90`).
package steward.rules.sentinel.workspace_retention_too_short

import data.steward.lib

_min := lib.param("SEN-013", "minRetentionDays")

deny contains lib.result(ws, ["spec", "retentionInDays"], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	days := ws.spec.retentionInDays
	days < _min
	msg := sprintf("the workspace keeps data for %d days, below the required %d", [days, _min])
}

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	not lib.has(ws, ["spec", "retentionInDays"])
	msg := "the inventory does not record the workspace's retention (spec.retentionInDays)"
}
