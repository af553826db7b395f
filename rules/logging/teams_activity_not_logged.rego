# METADATA
# title: Microsoft Teams activity is not logged
# description: |
#   Teams activity (teams and channels created or deleted, members added or removed,
#   settings and apps changed, and the Teams Patients app in healthcare) is recorded in
#   Microsoft Purview Audit as MicrosoftTeams records and the related Teams record types.
#   Teams has no audit switch of its own: with unified audit log ingestion off nothing is
#   recorded. Retention of those records is judged by LOG-002.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/audit-teams-audit-log-events
#   - ref: https://learn.microsoft.com/purview/audit-log-enable-disable
# custom:
#   id: LOG-009
#   severity: high
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (Microsoft Teams logging)"
#   mcsb: [LT-3]
#   remediation: Teams logging has no setting of its own, so turn unified audit log ingestion on in Exchange Online PowerShell (`Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true`) and record UnifiedAuditLogIngestionEnabled true under spec.adminAuditLogConfig.
package steward.rules.logging.teams_activity_not_logged

import data.steward.lib

# The activity has no logging switch of its own: it is recorded exactly when Purview Audit
# ingestion is on.
_setting := ["spec", "adminAuditLogConfig", "UnifiedAuditLogIngestionEnabled"]

deny contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _setting)
	not lib.is_true(lib.get(tenant, _setting, null))
	msg := "Microsoft Teams activity (MicrosoftTeams records) is not recorded: it is logged only through the unified audit log, whose ingestion is off (UnifiedAuditLogIngestionEnabled is false)"
}

unknown contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _setting)
	msg := "the inventory does not record UnifiedAuditLogIngestionEnabled (Get-AdminAuditLogConfig), on which Microsoft Teams logging depends"
}
