# METADATA
# title: Power BI activity is not logged
# description: |
#   Defender for Cloud Apps protects Power BI from the activity Power BI writes to Microsoft
#   Purview Audit (PowerBIAudit records: reports viewed, exported, shared, workspaces and
#   permissions changed). Those records exist only while unified audit log ingestion is on;
#   without them neither an investigation nor Defender for Cloud Apps can see who viewed or
#   exported a report.
# related_resources:
#   - ref: https://learn.microsoft.com/fabric/admin/track-user-activities
#   - ref: https://learn.microsoft.com/purview/audit-log-enable-disable
# custom:
#   id: LOG-010
#   severity: high
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: Defender for Cloud can protect Microsoft Power BI (Power BI activity is audited in the unified audit log)"
#   mcsb: [LT-3]
#   remediation: Turn unified audit log ingestion on in Exchange Online PowerShell (`Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true`) and record UnifiedAuditLogIngestionEnabled true under spec.adminAuditLogConfig; Power BI activity then reaches Purview Audit and Defender for Cloud Apps.
package steward.rules.logging.power_bi_activity_not_logged

import data.steward.lib

# The activity has no logging switch of its own: it is recorded exactly when Purview Audit
# ingestion is on.
_setting := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

deny contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _setting)
	not lib.is_true(lib.get(tenant, _setting, null))
	msg := "Power BI activity (PowerBIAudit records) is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)"
}

unknown contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _setting)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which Power BI auditing depends"
}
