# METADATA
# title: Entra ID sign-in and audit logs are not sent to a workspace
# description: |
#   Microsoft Entra ID is one of the sources the guidance integrates into Microsoft
#   Sentinel. Its sign-in and audit logs reach Sentinel only through a tenant diagnostic
#   setting (microsoft.aadiam/diagnosticSettings) that sends at least the SignInLogs and
#   AuditLogs categories to a Log Analytics workspace.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/connect-azure-active-directory
# custom:
#   id: IDN-001
#   severity: high
#   area: Identities and users
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: integrate Microsoft Entra ID into Microsoft Sentinel"
#   mcsb: [LT-2, LT-3, LT-5]
#   params:
#     requiredCategories:
#       default: [SignInLogs, AuditLogs]
#       description: Entra ID log categories that must be enabled in one diagnostic setting with a workspace.
#   remediation: In Entra ID > Diagnostic settings, add a setting with workspaceId set to the Sentinel workspace and the SignInLogs and AuditLogs categories enabled (or connect the Microsoft Entra ID data connector in Sentinel, which creates it).
package steward.rules.identity.entra_logs_not_sent_to_workspace

import data.steward.lib

_required := {c | some c in lib.param("IDN-001", "requiredCategories")}

_complete(setting) if {
	setting.workspaceId != ""
	enabled := {log.category | some log in setting.logs; lib.is_true(log.enabled)}
	count(_required - enabled) == 0
}

deny contains lib.result(tenant, ["spec", "entraDiagnosticSettings"], msg) if {
	some tenant in lib.docs("Tenant")
	settings := tenant.spec.entraDiagnosticSettings
	not _any_complete(settings)
	msg := sprintf("no Entra ID diagnostic setting sends %s to a Log Analytics workspace", [concat(" and ", sort(_required))])
}

_any_complete(settings) if {
	some setting in settings
	_complete(setting)
}

unknown contains lib.result(tenant, ["spec"], msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, ["spec", "entraDiagnosticSettings"])
	msg := "the inventory does not record the tenant's Entra ID diagnostic settings (spec.entraDiagnosticSettings)"
}
