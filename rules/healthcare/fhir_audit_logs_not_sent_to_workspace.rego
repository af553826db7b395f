# METADATA
# title: FHIR service audit logs are not sent to a Log Analytics workspace
# description: |
#   Every read and write of patient records through a FHIR service is written to its
#   AuditLogs resource-log category, but only a diagnostic setting delivers those records
#   anywhere. Without one that sends AuditLogs (or the audit or allLogs category group) to
#   a Log Analytics workspace, access to PHI cannot be investigated in Microsoft Sentinel
#   and the HIPAA audit-control trail does not exist.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/logging
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/azure-api-for-fhir/enable-diagnostic-logging
# custom:
#   id: HLT-001
#   severity: high
#   area: Configurations and settings
#   kinds: [AzureResource]
#   guidance: "Security in Microsoft Cloud for Healthcare: Microsoft Sentinel brings together signals and data logs across your environment (the FHIR service of Azure Health Data Services is one of those data sources)"
#   mcsb: [LT-3, LT-5]
#   pack: healthcare
#   remediation: On the FHIR service (Azure Health Data Services workspace > FHIR service > Diagnostic settings, or Azure API for FHIR > Diagnostic settings) add a setting with workspaceId set to the Sentinel workspace and the AuditLogs category (or the audit category group) enabled; policy eb2fea88-fa7b-4531-a4c1-428c618fbcc8 deploys it at scale.
package steward.rules.healthcare.fhir_audit_logs_not_sent_to_workspace

import data.steward.lib

# The healthcare pack applies to documents holding PHI, or to every document when the
# tenant as a whole is labelled as holding PHI. The same test is repeated in every rule of
# the pack so that each file stands alone.
_phi_tenant if {
	some tenant in lib.docs("Tenant")
	lib.holds_phi(tenant)
}

_in_scope(doc) if lib.holds_phi(doc)

_in_scope(_) if _phi_tenant

# Azure API for FHIR writes the same AuditLogs category, so it is held to the same bar
# until it is migrated (HLT-006).
_fhir_types := {
	"microsoft.healthcareapis/workspaces/fhirservices",
	"microsoft.healthcareapis/services",
}

# Built once for deny and unknown, which are evaluated together, from the index of
# resources by type: the estate has tens of thousands of other resources.
_fhir_services := [doc |
	resources := lib.docs("AzureResource")
	some type in _fhir_types
	some name in lib.azure_by_type[type]
	doc := resources[name]
]

_audit_groups := {"audit", "allLogs"}

_sends_audit(setting) if {
	setting.workspaceId != ""
	some log in setting.logs
	lib.is_true(log.enabled)
	_audit_log(log)
}

_audit_log(log) if log.category == "AuditLogs"

_audit_log(log) if log.categoryGroup in _audit_groups

# Each outcome asks _in_scope only of the few services that would be reported: a helper
# call or a rule lookup per service costs more than the rest of the walk.
deny contains lib.result(doc, ["spec", "diagnosticSettings"], msg) if {
	some doc in _fhir_services
	settings := doc.spec.diagnosticSettings
	not _any_sends_audit(settings)
	_in_scope(doc)
	msg := sprintf("%s, so access to the PHI in this FHIR service is not logged to any Log Analytics workspace", [_what_is_wrong(settings)])
}

_any_sends_audit(settings) if {
	some setting in settings
	_sends_audit(setting)
}

_what_is_wrong(settings) := "the service has no diagnostic settings" if count(settings) == 0

_what_is_wrong(settings) := sprintf("none of its diagnostic settings (%s) sends the AuditLogs category or the audit/allLogs group to a workspace", [concat(", ", sort({s.name | some s in settings}))]) if count(settings) > 0

# object.get is lib.has's own test, inline because it runs for every FHIR service.
unknown contains lib.result(doc, ["spec", "diagnosticSettings"], msg) if {
	some doc in _fhir_services
	object.get(doc, ["spec", "diagnosticSettings"], null) == null
	_in_scope(doc)
	msg := "the inventory does not record the FHIR service's diagnostic settings (spec.diagnosticSettings), so delivery of its audit logs cannot be confirmed"
}
