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

# Built once for deny and unknown, which are evaluated together, from the index of
# resources by type: the estate has tens of thousands of other resources.
_health_services := [doc |
	resources := lib.docs("AzureResource")
	some type in _health_types
	some name in lib.azure_by_type[type]
	doc := resources[name]
]

# Each outcome asks _in_scope only of the few services that would be reported: a helper
# call or a rule lookup per service costs more than the rest of the walk.
deny contains lib.result(doc, ["spec", "properties", "publicNetworkAccess"], msg) if {
	some doc in _health_services
	access := doc.spec.properties.publicNetworkAccess
	lower(sprintf("%v", [access])) != "disabled"
	_in_scope(doc)
	msg := sprintf("public network access is %s, so this PHI endpoint accepts connections from any internet address", [access])
}

# object.get is lib.has's own test, inline because it runs for every health service.
unknown contains lib.result(doc, ["spec", "properties", "publicNetworkAccess"], msg) if {
	some doc in _health_services
	object.get(doc, ["spec", "properties", "publicNetworkAccess"], null) == null
	_in_scope(doc)
	msg := "the inventory does not record the service's public network access (properties.publicNetworkAccess), so private-only access cannot be confirmed"
}
