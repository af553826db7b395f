# METADATA
# title: Audit tables in the Sentinel workspace are not kept long enough
# description: |
#   Audit records (Entra ID audit and sign-in logs, Office 365 and Dataverse activity) are
#   the evidence of who did what, and investigations and regulators ask for them long after
#   the workspace's interactive window. Each audit table's total retention
#   (workspaces/tables properties.totalRetentionInDays, interactive plus long-term) should
#   reach a year. A total of -1 means the table keeps its interactive retention, whose -1
#   in turn means the workspace default (retentionInDays). Tables the workspace does not
#   hold are not judged.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure
# custom:
#   id: SEN-014
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: configuring your auditable logs gives you a richer view of your data (audit logs kept in Microsoft Sentinel)"
#   mcsb: [LT-6]
#   params:
#     auditTables:
#       default: [AuditLogs, SigninLogs, OfficeActivity, DataverseActivity]
#       description: Tables holding audit records whose total retention is judged.
#     minTotalRetentionDays:
#       default: 365
#       description: Least total retention (interactive plus long-term) of an audit table in days.
#   remediation: Set the table's total retention to at least 365 days (Log Analytics workspace > Tables > the table > Manage table > Total retention period, or `az monitor log-analytics workspace table update --total-retention-time 365`).
package steward.rules.sentinel.audit_table_retention_too_short

import data.steward.lib

_min := lib.param("SEN-014", "minTotalRetentionDays")

_audit := {t | some t in lib.param("SEN-014", "auditTables")}

# The retention a table actually gets, with what it was taken from; -1 defers to the
# next level (table total -> table interactive -> workspace default).
_effective(_, t) := {"days": t.totalRetentionInDays, "from": "totalRetentionInDays"} if t.totalRetentionInDays != -1

_effective(_, t) := {"days": t.retentionInDays, "from": "totalRetentionInDays -1, retentionInDays"} if {
	t.totalRetentionInDays == -1
	t.retentionInDays != -1
}

_effective(ws, t) := {"days": ws.spec.retentionInDays, "from": "totalRetentionInDays -1, workspace default"} if {
	t.totalRetentionInDays == -1
	object.get(t, "retentionInDays", -1) == -1
}

deny contains lib.result(ws, ["spec", "tables", i, "totalRetentionInDays"], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	some i, t in ws.spec.tables
	t.name in _audit
	kept := _effective(ws, t)
	kept.days < _min
	msg := sprintf("audit table %s is kept for %d days in total (%s), below the required %d", [t.name, kept.days, kept.from, _min])
}

unknown contains lib.result(ws, ["spec", "tables", i], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	some i, t in ws.spec.tables
	t.name in _audit
	not _effective(ws, t)
	msg := sprintf("the inventory does not record the total retention of audit table %s (totalRetentionInDays, or the workspace retentionInDays it defers to)", [t.name])
}

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	not lib.has(ws, ["spec", "tables"])
	msg := "the inventory does not record the workspace's tables (spec.tables)"
}
