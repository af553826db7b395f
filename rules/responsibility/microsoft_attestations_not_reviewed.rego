# METADATA
# title: Microsoft's attestations for the areas it owns are not reviewed
# description: |
#   In IaaS, PaaS and SaaS Microsoft owns some responsibility areas outright, such as the
#   physical datacenter, hosts and network, and the customer cannot inspect those controls
#   itself. Its assurance comes from Microsoft's independent audit reports (SOC 2, ISO
#   27001 on the Service Trust Portal) and the Data Protection Addendum. An organisation
#   relying on those models should review them periodically and record that it did.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/get-started-with-service-trust-portal
# custom:
#   id: RSP-004
#   severity: low
#   area: Customer data
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: Microsoft commitment to secure solutions (the data security section of the Microsoft Products and Services Data Protection Addendum describes Microsoft's security practices)"
#   mcsb: [GS-1]
#   params:
#     maxDays:
#       default: 365
#       description: Most days since the newest review of Microsoft's attestations covering a service model in use.
#   remediation: Download Microsoft's current audit reports (SOC 2 Type 2, ISO/IEC 27001) and the Data Protection Addendum from the Service Trust Portal, review them, and record the review under the tenant's spec.attestationReviews with reviewedOn and the serviceModels it covers.
package steward.rules.responsibility.microsoft_attestations_not_reviewed

import data.steward.lib

_max_days := lib.param("RSP-004", "maxDays")

# lib.service_model(doc) for every document, inline, because it runs for every document
# in the estate: the declared spec.serviceModel, else the kind's fixed model. Only the
# kinds that have a fixed model are walked a second time, for documents declaring none.
_models_in_use := {model |
	some docs in input.documents
	some doc in docs
	model := doc.spec.serviceModel
} | {model |
	some kind, model in data.steward.kindServiceModels
	some doc in object.get(input.documents, kind, {})
	not doc.spec.serviceModel
}

# The areas Microsoft owns outright in each service model the estate uses, read from
# the matrix so that a change to the table changes the rule.
_microsoft_areas := {model: areas |
	some model in _models_in_use
	areas := sort([area | some area, row in data.steward.matrix; row[model] == "microsoft"])
	count(areas) > 0
}

_covers(review, _) if not lib.has(review, ["serviceModels"])

_covers(review, model) if model in review.serviceModels

_newest(reviews, model) := max({review.reviewedOn | some review in reviews; _covers(review, model)})

deny contains lib.result(tenant, ["spec", "attestationReviews"], msg) if {
	some tenant in lib.docs("Tenant")
	reviews := tenant.spec.attestationReviews
	some model, areas in _microsoft_areas
	not _newest(reviews, model)
	msg := sprintf("no review of Microsoft's attestations covers %s, where Microsoft owns %s", [model, concat(", ", areas)])
}

deny contains lib.result(tenant, ["spec", "attestationReviews"], msg) if {
	some tenant in lib.docs("Tenant")
	reviews := tenant.spec.attestationReviews
	some model, _ in _microsoft_areas
	newest := _newest(reviews, model)
	days := lib.days_since(newest)
	days > _max_days
	msg := sprintf("the newest review of Microsoft's attestations covering %s is from %s, %d days ago, more than the allowed %d", [model, newest, days, _max_days])
}

unknown contains lib.result(tenant, ["spec"], msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, ["spec", "attestationReviews"])
	count(_microsoft_areas) > 0
	msg := sprintf("the inventory does not record reviews of Microsoft's attestations (spec.attestationReviews), which the estate relies on for %s", [concat(", ", sort(object.keys(_microsoft_areas)))])
}
