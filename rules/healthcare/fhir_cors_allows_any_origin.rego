# METADATA
# title: FHIR service CORS allows every origin
# description: |
#   A FHIR service's CORS configuration tells browsers which web origins may call the API
#   with a user's token. With the origin "*" any web page a clinician opens can script
#   requests to the patient-record API in that user's session, so the allowed origins are
#   limited to the organisation's own SMART on FHIR and portal applications.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/healthcare-apis/fhir/configure-cross-origin-resource-sharing
# custom:
#   id: HLT-007
#   severity: medium
#   area: Applications
#   kinds: [AzureResource]
#   guidance: "Security in Microsoft Cloud for Healthcare: you are responsible for the security of the cloud components you control (the FHIR service's allowed origins)"
#   pack: healthcare
#   remediation: In the FHIR service (or Azure API for FHIR) > CORS, replace the origin * with the exact origins of your applications (properties.corsConfiguration.origins); policy fe1c9040-c46a-4e81-9aea-c7850fbb3aa6 audits it for the FHIR service, 0fea8f8a-4169-495d-8307-30ec335f387d for Azure API for FHIR.
package steward.rules.healthcare.fhir_cors_allows_any_origin

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

# The origins are iterated only once the service is known to be in scope: the properties
# are free-form, and a value that is not a collection stops the evaluation.
deny contains lib.result(doc, ["spec", "properties", "corsConfiguration", "origins"], msg) if {
	some doc in _fhir_services
	origins := doc.spec.properties.corsConfiguration.origins
	_in_scope(doc)
	some origin in origins
	origin == "*"
	msg := sprintf("the CORS configuration allows every origin (origins: %s), so any web page can call this PHI API with a signed-in user's token", [concat(", ", [sprintf("%v", [o]) | some o in origins])])
}

# object.get is lib.has's own test, inline because it runs for every FHIR service.
unknown contains lib.result(doc, ["spec", "properties", "corsConfiguration"], msg) if {
	some doc in _fhir_services
	object.get(doc, ["spec", "properties", "corsConfiguration"], null) == null
	_in_scope(doc)
	msg := "the inventory does not record the FHIR service's CORS configuration (properties.corsConfiguration), so its allowed origins cannot be confirmed"
}
