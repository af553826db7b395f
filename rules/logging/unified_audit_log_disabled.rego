# METADATA
# title: Unified audit log ingestion is off
# description: |
#   Microsoft Purview Audit (the unified audit log) is where Power Apps, Power Automate,
#   DLP, Dynamics 365, Dataverse, Teams and Power BI activity is recorded. With ingestion
#   off none of those activity logs exist, so every other auditable-logging item of the
#   guidance depends on this one.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/audit-log-enable-disable
# custom:
#   id: LOG-001
#   severity: critical
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Purview Audit is the prerequisite of every activity log listed)"
#   mcsb: [LT-3]
#   remediation: In Exchange Online PowerShell run `Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true`, then record UnifiedAuditLogIngestionEnabled true under spec.adminAuditLogConfig.
package steward.rules.logging.unified_audit_log_disabled

import data.steward.lib

_setting := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

deny contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.is_true(lib.get(tenant, _setting, null))
	lib.has(tenant, _setting)
	msg := "unified audit log ingestion is off (UnifiedAuditLogIngestionEnabled is false): no Microsoft 365 or Power Platform activity is being recorded"
}

unknown contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _setting)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), so audit ingestion cannot be confirmed"
}
