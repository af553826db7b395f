# METADATA
# title: FHIR service or Health Data Services workspace is reachable from public networks
# description: |
#   With public network access enabled, the FHIR endpoint that serves patient records
#   accepts connections from any internet address, protected only by its Entra ID tokens.
#   Disabling public network access limits the data plane to private endpoints in the
#   organisation's virtual networks, so a leaked token or a misconfigured app registration
#   cannot be used from outside them.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/healthcare-apis-configure-private-link
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/azure-api-for-fhir/configure-private-link
# custom:
#   id: HLT-008
#   severity: high
#   area: Network controls
#   kinds: [AzureResource]
#   guidance: "Security in Microsoft Cloud for Healthcare: you are responsible for the security of the cloud components you control (network access to the FHIR service and Azure Health Data Services)"
#   mcsb: [NS-2]
#   pack: healthcare
#   remediation: Create a private endpoint for the Azure Health Data Services workspace (or Azure API for FHIR), then set Networking > Public network access to Disabled (properties.publicNetworkAccess = Disabled).
package steward.rules.healthcare.fhir_public_network_access_enabled

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

# The Health Data Services workspace carries the setting for the services inside it; the
# FHIR and DICOM services report it too.
_health_types := {
	"microsoft.healthcareapis/workspaces",
	"microsoft.healthcareapis/workspaces/fhirservices",
	"microsoft.healthcareapis/workspaces/dicomservices",
	"microsoft.healthcareapis/services",
}

_setting := ["spec", "properties", "publicNetworkAccess"]

_health_services contains doc if {
	some doc in lib.docs("AzureResource")
	lower(doc.spec.type) in _health_types
	_in_scope(doc)
}

deny contains lib.result(doc, _setting, msg) if {
	some doc in _health_services
	access := doc.spec.properties.publicNetworkAccess
	lower(sprintf("%v", [access])) != "disabled"
	msg := sprintf("public network access is %s, so this PHI endpoint accepts connections from any internet address", [access])
}

unknown contains lib.result(doc, _setting, msg) if {
	some doc in _health_services
	not lib.has(doc, _setting)
	msg := "the inventory does not record the service's public network access (properties.publicNetworkAccess), so private-only access cannot be confirmed"
}
