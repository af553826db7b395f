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

# Every spelling of an area in the estate's controls.
_spellings := {control.area |
	some kind in ["OnPremServer", "OnPremDataStore"]
	some doc in lib.docs(kind)
	some control in doc.spec.customerControls
}

# For each service model, the areas it needs evidence for by normalised name, each with the
# message for its missing evidence, and the set of those names:
# {model: [{norm: [[area, message], ...]}, {norm, ...}]}. Two areas could share a name.
_models := {model: [by_norm, norms] |
	some model, areas in _required
	by_norm := {norm: [[area, msg] |
		some [area, n, relieved] in areas
		n == norm
		msg := sprintf("no evidence is recorded for %s (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under %s", [area, relieved])
	] | some [_, norm, _] in areas}
	norms := {norm | some [_, norm, _] in areas}
}

# For each service model, every spelling in the estate of an area it needs evidence for,
# with its normalised name: a control then costs one lookup, not two string builtins and a
# membership test. Kept apart from _models, which unknown needs without this scan.
_spelled := {model: {area: norm | some area in _spellings; norm := _norm(area); norm in norms} |
	some model, [_, norms] in _models
}

# lib.service_model inline (a call per document is what made this rule slow): a declared
# model, else the kind's fixed one (null when it has none, which no model row matches).
_fixed := {kind: object.get(data.steward.kindServiceModels, kind, null) | some kind in ["OnPremServer", "OnPremDataStore"]}

# Each document with the areas of its model, the controls with non-blank evidence for one
# of them as [position, normalised area, control], the areas with no such control, the
# areas with one, and the review dates of those controls: both deny outcomes read this.
_judged := [[doc, areas, controls, missing, evidenced, dates] |
	models := _models
	spelled_by := _spelled
	fixed := _fixed
	some kind in ["OnPremServer", "OnPremDataStore"]
	some doc in lib.docs(kind)
	model := object.get(doc, ["spec", "serviceModel"], fixed[kind])
	[areas, norms] := models[model]
	spelled := spelled_by[model]
	controls := [[j, norm, control] |
		some j, control in doc.spec.customerControls
		norm := spelled[control.area]
		trim_space(control.evidence) != ""
	]
	evidenced := {norm | some [_, norm, _] in controls}
	missing := norms - evidenced
	dates := {control.reviewedOn | some [_, _, control] in controls}
]

# The age in days of each distinct review date of that evidence, computed once per date
# instead of once per control that carries it (an invalid date fails the rule, as
# before), and the dates recent enough.
_ages := {date: lib.days_since(date) |
	some date in {d | some [_, _, _, _, _, dates] in _judged; some d in dates}
}

_recent_dates := {date | some date, days in _ages; days <= _max_days}

# Results are built inline rather than with lib.result, a call per result (two with id),
# and a document's name once for all its missing areas.
deny contains {"resource": id, "path": ["spec", "customerControls"], "msg": msg} if {
	none := set()
	some [doc, areas, _, missing, _, _] in _judged
	missing != none
	id := sprintf("%s/%s", [doc.kind, doc.metadata.name])
	some norm in missing
	some [_, msg] in areas[norm]
}

# Stale evidence is rare: only a document with a date that is not recent is looked at
# area by area.
deny contains {"resource": sprintf("%s/%s", [doc.kind, doc.metadata.name]), "path": ["spec", "customerControls", j, "reviewedOn"], "msg": msg} if {
	recent_dates := _recent_dates
	none := set()
	some [doc, areas, controls, _, evidenced, dates] in _judged
	dates - recent_dates != none
	some norm in evidenced - {n | some [_, n, control] in controls; control.reviewedOn in recent_dates}
	evidence := [control | some [_, n, control] in controls; n == norm]
	every control in evidence {
		control.reviewedOn != null
	}
	newest := max({control.reviewedOn | some control in evidence})
	j := min({k | some [k, n, control] in controls; n == norm; control.reviewedOn == newest})
	some [area, _] in areas[norm]
	msg := sprintf("the evidence for %s (%s) was last reviewed on %s, %d days ago, more than the allowed %d", [area, doc.spec.customerControls[j].evidence, newest, _ages[newest], _max_days])
}

# Undated evidence is rare, so this outcome starts from it instead of going over every
# document's controls in _judged.
# reviewedOn is a date string when present (the inventory schema), so a plain reference
# tells a missing one: lib.has would be a call for every control.
unknown contains {"resource": sprintf("%s/%s", [doc.kind, doc.metadata.name]), "path": ["spec", "customerControls", j], "msg": msg} if {
	models := _models
	fixed := _fixed
	some kind in ["OnPremServer", "OnPremDataStore"]
	some doc in lib.docs(kind)
	some undated in doc.spec.customerControls
	not undated.reviewedOn
	[areas, _] := models[object.get(doc, ["spec", "serviceModel"], fixed[kind])]
	norm := lower(replace(undated.area, " ", ""))
	infos := areas[norm]
	evidence := [[k, control] |
		some k, control in doc.spec.customerControls
		lower(replace(control.area, " ", "")) == norm
		trim_space(control.evidence) != ""
	]
	not _fresh({control.reviewedOn | some [_, control] in evidence})
	j := min({k | some [k, control] in evidence; not control.reviewedOn})
	some [area, _] in infos
	msg := sprintf("the evidence for %s (%s) has no reviewedOn date, so whether it is current cannot be confirmed", [area, doc.spec.customerControls[j].evidence])
}

# Some of these dates is recent enough: the newest is, as dates are YYYY-MM-DD.
_fresh(dates) if lib.days_since(max(dates)) <= _max_days
