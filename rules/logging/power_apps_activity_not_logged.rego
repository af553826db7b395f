# METADATA
# title: Power Apps activity is not logged
# description: |
#   Power Apps activity (apps created, launched, edited, published, shared and deleted) is
#   recorded only in Microsoft Purview Audit, as PowerAppsApp and PowerAppsPlan records; there
#   is nothing to switch on per app. With unified audit log ingestion off none of it is
#   recorded, so who built, shared or ran an app that touches patient data cannot be traced.
# related_resources:
#   - ref: https://learn.microsoft.com/power-platform/admin/logging-powerapps
#   - ref: https://learn.microsoft.com/purview/audit-log-enable-disable
# custom:
#   id: LOG-004
#   severity: high
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Power Apps activity logging)"
#   mcsb: [LT-3]
#   remediation: Power Apps activity logging has no setting of its own, so turn unified audit log ingestion on in Exchange Online PowerShell (`Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true`) and record UnifiedAuditLogIngestionEnabled true under spec.adminAuditLogConfig.
package steward.rules.logging.power_apps_activity_not_logged

import data.steward.lib

# The activity has no logging switch of its own: it is recorded exactly when Purview Audit
# ingestion is on.
_setting := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

deny contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _setting)
	not lib.is_true(lib.get(tenant, _setting, null))
	msg := "Power Apps activity (PowerAppsApp and PowerAppsPlan records) is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)"
}

unknown contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _setting)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which Power Apps activity logging depends"
}
