# METADATA
# title: On-premises resource lacks evidence for areas the cloud would share
# description: |
#   On-premises the customer owns every responsibility area, including those that a cloud
#   service model would hand wholly or partly to Microsoft: the physical datacenter, hosts
#   and network, the operating system, network controls, applications and client devices.
#   For those areas no Microsoft attestation applies, so the organisation's own controls
#   are the only assurance, and each needs recorded, recently reviewed evidence.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility
# custom:
#   id: RSP-005
#   severity: medium
#   area: Physical datacenter
#   kinds: [OnPremServer, OnPremDataStore]
#   guidance: "Understand Microsoft security: you're responsible for protecting the security of your on-premises resources (shared responsibility matrix, On-premises column)"
#   mcsb: [GS-1]
#   params:
#     maxDays:
#       default: 365
#       description: Most days since the evidence for an area was last reviewed (customerControls[].reviewedOn).
#     exemptAreas:
#       default: []
#       description: Responsibility areas for which on-premises evidence is not required (for example Client devices, for organisations that record device controls elsewhere).
#   remediation: Add an entry to the document's spec.customerControls for each listed area, naming the control evidence (audit report, runbook, review record) in evidence and the date it was last reviewed in reviewedOn; review it again when older than the allowed age.
package steward.rules.responsibility.onprem_customer_controls_missing

import data.steward.lib

_max_days := lib.param("RSP-005", "maxDays")

# Area names compare without case or spaces: the two source documents spell the same row
# "Physical datacenter" and "Physical data center".
_norm(area) := lower(replace(area, " ", ""))

_exempt := {_norm(area) | some area in lib.param("RSP-005", "exemptAreas")}

# For each area, the service models in which the customer does not own it alone.
_relieved := {area: models |
	some area, row in data.steward.matrix
	models := sort([model | some model, party in row; party != "customer"])
	count(models) > 0
	not _norm(area) in _exempt
}

# The areas a document needs evidence for: owned by the customer alone in its own model,
# yet shared with or owned by Microsoft in another.
_required contains [doc.kind, doc.metadata.name, area] if {
	some kind in ["OnPremServer", "OnPremDataStore"]
	some doc in lib.docs(kind)
	some area, _ in _relieved
	lib.party(area, doc) == "customer"
}

_evidence(doc, area) := [[j, control] |
	some j, control in doc.spec.customerControls
	_norm(control.area) == _norm(area)
	trim_space(control.evidence) != ""
]

_fresh(controls) if {
	some [_, control] in controls
	lib.days_since(control.reviewedOn) <= _max_days
}

_undated(controls) if {
	some [_, control] in controls
	not lib.has(control, ["reviewedOn"])
}

deny contains lib.result(doc, ["spec", "customerControls"], msg) if {
	some [doc_kind, doc_name, area] in _required
	doc := lib.docs(doc_kind)[doc_name]
	count(_evidence(doc, area)) == 0
	msg := sprintf("no evidence is recorded for %s (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under %s", [area, concat(", ", _relieved[area])])
}

deny contains lib.result(doc, ["spec", "customerControls", j, "reviewedOn"], msg) if {
	some [doc_kind, doc_name, area] in _required
	doc := lib.docs(doc_kind)[doc_name]
	controls := _evidence(doc, area)
	count(controls) > 0
	not _fresh(controls)
	not _undated(controls)
	newest := max({control.reviewedOn | some [_, control] in controls})
	j := min({k | some [k, control] in controls; control.reviewedOn == newest})
	days := lib.days_since(newest)
	msg := sprintf("the evidence for %s (%s) was last reviewed on %s, %d days ago, more than the allowed %d", [area, doc.spec.customerControls[j].evidence, newest, days, _max_days])
}

unknown contains lib.result(doc, ["spec", "customerControls", j], msg) if {
	some [doc_kind, doc_name, area] in _required
	doc := lib.docs(doc_kind)[doc_name]
	controls := _evidence(doc, area)
	not _fresh(controls)
	j := min({k | some [k, control] in controls; not lib.has(control, ["reviewedOn"])})
	msg := sprintf("the evidence for %s (%s) has no reviewedOn date, so whether it is current cannot be confirmed", [area, doc.spec.customerControls[j].evidence])
}
