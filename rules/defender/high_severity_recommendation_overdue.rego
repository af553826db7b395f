# METADATA
# title: High-severity Defender for Cloud recommendation left unhealthy too long
# description: |
#   Defender for Cloud recommendations are step-by-step actions against known risks; the
#   ones Microsoft rates High or Critical mark exposures attackers use first. A
#   recommendation (Microsoft.Security/assessments) that has stayed Unhealthy for longer
#   than the remediation window shows the finding is not being worked. The time is counted
#   from status.statusChangeDate, when the assessment last changed status, and from
#   status.firstEvaluationDate when no status change is recorded.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/review-security-recommendations
# custom:
#   id: DEF-011
#   severity: high
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud recommendations secure your workloads with step-by-step actions that protect your workloads from known security risks"
#   mcsb: [PV-5, PV-6]
#   params:
#     maxDays:
#       default: 30
#       description: Most days a recommendation of a listed severity may stay Unhealthy.
#     severities:
#       default: [Critical, High]
#       description: Recommendation severities (metadata.severity) the remediation window applies to.
#   remediation: Open each named recommendation in Defender for Cloud > Recommendations and remediate the affected resources (Fix, or the manual steps) until its status is Healthy; if the risk is accepted, exempt the resource with a documented exemption instead of leaving it Unhealthy.
package steward.rules.defender.high_severity_recommendation_overdue

import data.steward.lib

_max_days := lib.param("DEF-011", "maxDays")

_severities := {s | some s in lib.param("DEF-011", "severities")}

_unhealthy contains [sub.metadata.name, i] if {
	some sub in lib.docs("Subscription")
	some i, a in sub.spec.assessments
	a.status.code == "Unhealthy"
}

_since(a) := ["statusChangeDate", a.status.statusChangeDate] if lib.has(a, ["status", "statusChangeDate"])

_since(a) := ["firstEvaluationDate", a.status.firstEvaluationDate] if {
	not lib.has(a, ["status", "statusChangeDate"])
	lib.has(a, ["status", "firstEvaluationDate"])
}

_title(a) := sprintf("%q", [a.displayName]) if a.displayName

_title(a) := a.name if not a.displayName

deny contains lib.result(sub, ["spec", "assessments", i, "status", field], msg) if {
	some [sub_name, i] in _unhealthy
	sub := lib.docs("Subscription")[sub_name]
	a := sub.spec.assessments[i]
	a.metadata.severity in _severities
	[field, date] := _since(a)
	days := lib.days_since(date)
	days > _max_days
	msg := sprintf("the %s-severity recommendation %s has been Unhealthy for %d days (since %s), more than the allowed %d", [a.metadata.severity, _title(a), days, date, _max_days])
}

unknown contains lib.result(sub, ["spec", "assessments"], msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, ["spec", "assessments"])
	msg := "the inventory does not record the subscription's Defender for Cloud recommendations (Microsoft.Security/assessments), so overdue high-severity ones cannot be ruled out"
}

unknown contains lib.result(sub, ["spec", "assessments", i, "metadata", "severity"], msg) if {
	some [sub_name, i] in _unhealthy
	sub := lib.docs("Subscription")[sub_name]
	a := sub.spec.assessments[i]
	not lib.has(a, ["metadata", "severity"])
	msg := sprintf("the inventory does not record the severity of the Unhealthy recommendation %s, so whether it is overdue cannot be judged", [_title(a)])
}

unknown contains lib.result(sub, ["spec", "assessments", i, "status", "firstEvaluationDate"], msg) if {
	some [sub_name, i] in _unhealthy
	sub := lib.docs("Subscription")[sub_name]
	a := sub.spec.assessments[i]
	a.metadata.severity in _severities
	not _since(a)
	msg := sprintf("the inventory does not record since when the %s-severity recommendation %s is Unhealthy (status.statusChangeDate or firstEvaluationDate)", [a.metadata.severity, _title(a)])
}
