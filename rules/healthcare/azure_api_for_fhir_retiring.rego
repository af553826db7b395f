# METADATA
# title: Azure API for FHIR is retiring and must move to the FHIR service
# description: |
#   Azure API for FHIR (Microsoft.HealthcareApis/services) retires on 30 September 2026
#   and has accepted no new deployments since 1 April 2025. After retirement the service,
#   and the PHI it holds, no longer receives support or security fixes. Its successor is the
#   FHIR service in Azure Health Data Services (Microsoft.HealthcareApis/workspaces/fhirservices),
#   so every instance that still exists needs a migration plan.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/fhir/migration-strategies
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/azure-api-for-fhir/overview
# custom:
#   id: HLT-006
#   severity: high
#   area: Configurations and settings
#   kinds: [AzureResource]
#   guidance: "Security in Microsoft Cloud for Healthcare: follow a set of best practices when deploying into Azure (Azure Health Data Services is the FHIR platform Microsoft Cloud for Healthcare builds on)"
#   pack: healthcare
#   params:
#     retirementDate:
#       default: "2026-09-30"
#       description: The date (YYYY-MM-DD) Azure API for FHIR retires; the finding says the service retires on this date before it and retired on it from that day.
#   remediation: Create a FHIR service in an Azure Health Data Services workspace, copy the data with $export/$import (or the FHIR loader), repoint clients, then delete the Microsoft.HealthcareApis/services resource.
package steward.rules.healthcare.azure_api_for_fhir_retiring

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

_retirement := lib.param("HLT-006", "retirementDate")

# Whole days from the retirement date to the evaluation date: negative while it is ahead.
_days_past := lib.days_since(_retirement)

_when := sprintf("retired on %s", [_retirement]) if _days_past >= 0

_when := sprintf("retires on %s, %d days from now", [_retirement, 0 - _days_past]) if _days_past < 0

deny contains lib.result(doc, ["spec", "type"], msg) if {
	some name in lib.azure_by_type["microsoft.healthcareapis/services"]
	doc := lib.docs("AzureResource")[name]
	_in_scope(doc)
	msg := sprintf("this is Azure API for FHIR, which %s: move it to the FHIR service in Azure Health Data Services", [_when])
}
