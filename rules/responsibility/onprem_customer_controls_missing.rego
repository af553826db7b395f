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

# For each service model, the areas a document of that model needs evidence for: owned by
# the customer alone in that model, yet shared with or owned by Microsoft in another. A
# table of at most models x areas, built once, so that a document costs one service-model
# lookup instead of a matrix lookup per area.
_required_by_model[model] contains [area, _norm(area), concat(", ", models)] if {
	some area, models in _relieved
	some model, party in data.steward.matrix[area]
	party == "customer"
}

_required := _required_by_model

_required_norms := {model: {norm | some [_, norm, _] in areas} | some model, areas in _required}

# Each document with the areas it needs evidence for and, as [position, normalised area,
# control], its controls with non-blank evidence for one of those areas. Each control's
# area is normalised once (inline: a function call per control is what made this rule
# slow), not once per area the document needs.
_judged := [[doc, areas, controls] |
	some kind in ["OnPremServer", "OnPremDataStore"]
	some doc in lib.docs(kind)
	model := lib.service_model(doc)
	areas := _required[model]
	norms := _required_norms[model]
	controls := [[j, norm, control] |
		some j, control in doc.spec.customerControls
		norm := lower(replace(control.area, " ", ""))
		norm in norms
		trim_space(control.evidence) != ""
	]
]

# The review dates of that evidence that are recent enough: each distinct date's age is
# computed once, instead of once for every control that carries it.
_recent_dates := {date |
	some date in {control.reviewedOn | some [_, _, controls] in _judged; some [_, _, control] in controls}
	lib.days_since(date) <= _max_days
}

# Each document and area with evidence none of which was reviewed recently enough, with
# that evidence as [position, control].
_not_recent := [[doc, area, evidence] |
	recent_dates := _recent_dates
	some [doc, areas, controls] in _judged
	recent := {norm | some [_, norm, control] in controls; control.reviewedOn in recent_dates}
	some [area, norm, _] in areas
	not norm in recent
	evidence := [[j, control] | some [j, n, control] in controls; n == norm]
	count(evidence) > 0
]

_undated(evidence) if {
	some [_, control] in evidence
	not lib.has(control, ["reviewedOn"])
}

_recent(evidence) if {
	some [_, control] in evidence
	lib.days_since(control.reviewedOn) <= _max_days
}

deny contains lib.result(doc, ["spec", "customerControls"], msg) if {
	some [doc, areas, controls] in _judged
	evidenced := {norm | some [_, norm, _] in controls}
	some [area, norm, relieved] in areas
	not norm in evidenced
	msg := sprintf("no evidence is recorded for %s (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under %s", [area, relieved])
}

deny contains lib.result(doc, ["spec", "customerControls", j, "reviewedOn"], msg) if {
	some [doc, area, evidence] in _not_recent
	not _undated(evidence)
	newest := max({control.reviewedOn | some [_, control] in evidence})
	j := min({k | some [k, control] in evidence; control.reviewedOn == newest})
	days := lib.days_since(newest)
	msg := sprintf("the evidence for %s (%s) was last reviewed on %s, %d days ago, more than the allowed %d", [area, doc.spec.customerControls[j].evidence, newest, days, _max_days])
}

# Undated evidence is rare, so this outcome starts from it instead of from _judged: unknown
# is evaluated separately from deny and would otherwise normalise every control again.
# object.get is lib.has's own test, inline because it runs for every control.
unknown contains lib.result(doc, ["spec", "customerControls", j], msg) if {
	some kind in ["OnPremServer", "OnPremDataStore"]
	some doc in lib.docs(kind)
	some undated in doc.spec.customerControls
	object.get(undated, ["reviewedOn"], null) == null
	norm := lower(replace(undated.area, " ", ""))
	some [area, required, _] in _required[lib.service_model(doc)]
	required == norm
	evidence := [[k, control] |
		some k, control in doc.spec.customerControls
		lower(replace(control.area, " ", "")) == norm
		trim_space(control.evidence) != ""
	]
	not _recent(evidence)
	j := min({k | some [k, control] in evidence; not lib.has(control, ["reviewedOn"])})
	msg := sprintf("the evidence for %s (%s) has no reviewedOn date, so whether it is current cannot be confirmed", [area, doc.spec.customerControls[j].evidence])
}
