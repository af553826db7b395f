# METADATA
# title: Power Automate activity is not logged
# description: |
#   Cloud flow activity (flows created, edited, deleted, their permissions changed) is
#   recorded in Microsoft Purview Audit as MicrosoftFlow records, and only while unified audit
#   log ingestion is on. Desktop flow activity is not in Purview Audit: it is in the Dataverse
#   audit log of the environment, which Dynamics 365 auditing (LOG-007) covers.
# related_resources:
#   - ref: https://learn.microsoft.com/power-platform/admin/logging-power-automate
#   - ref: https://learn.microsoft.com/purview/audit-log-enable-disable
# custom:
#   id: LOG-005
#   severity: high
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Power Automate activity logging)"
#   mcsb: [LT-3]
#   remediation: Turn unified audit log ingestion on in Exchange Online PowerShell (`Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true`) and record UnifiedAuditLogIngestionEnabled true under spec.adminAuditLogConfig; for desktop flows also turn on Dataverse auditing (isauditenabled) in each environment that runs them.
package steward.rules.logging.power_automate_activity_not_logged

import data.steward.lib

# The activity has no logging switch of its own: it is recorded exactly when Purview Audit
# ingestion is on.
_setting := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

deny contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _setting)
	not lib.is_true(lib.get(tenant, _setting, null))
	msg := "Power Automate cloud flow activity (MicrosoftFlow records) is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)"
}

unknown contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _setting)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which Power Automate activity logging depends"
}
