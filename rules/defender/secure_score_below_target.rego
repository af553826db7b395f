# METADATA
# title: Defender for Cloud secure score is below the target
# description: |
#   The secure score is how Defender for Cloud measures posture: the share of the
#   available points earned by resources that pass the recommendations of each security
#   control. The guidance relies on it to track security opportunities and report
#   progress, which only works against a target. A subscription whose score
#   (Microsoft.Security/secureScores/ascScore) is below that target has unremediated
#   recommendations worth more than the organisation accepts.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/secure-score-security-controls
# custom:
#   id: DEF-010
#   severity: medium
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud secure score continually assesses your security posture so you can track new security opportunities and precisely report on the progress of your security efforts"
#   params:
#     minPercentage:
#       default: 0.7
#       description: Lowest acceptable secure score, as a fraction from 0 to 1 (the percentage property of ascScore).
#   remediation: In Defender for Cloud > Recommendations, remediate the controls with the largest potential score increase until the subscription's secure score reaches the target; re-export Microsoft.Security/secureScores/ascScore into spec.secureScore.
package steward.rules.defender.secure_score_below_target

import data.steward.lib

_min := lib.param("DEF-010", "minPercentage")

# The portal's percentage; computed from current and max when only those are exported.
_percentage(sub) := sub.spec.secureScore.percentage

_percentage(sub) := sub.spec.secureScore.current / sub.spec.secureScore.max if {
	not lib.has(sub, ["spec", "secureScore", "percentage"])
	sub.spec.secureScore.max > 0
}

# One decimal place of a percent, e.g. 0.3362 -> 33.6.
_percent(fraction) := round(fraction * 1000) / 10

_points(sub) := sprintf(" (%v of %v points)", [sub.spec.secureScore.current, sub.spec.secureScore.max]) if {
	lib.has(sub, ["spec", "secureScore", "current"])
	lib.has(sub, ["spec", "secureScore", "max"])
} else := ""

deny contains lib.result(sub, ["spec", "secureScore", "percentage"], msg) if {
	some sub in lib.docs("Subscription")
	score := _percentage(sub)
	score < _min
	msg := sprintf("the secure score is %v%%%s, below the target of %v%%", [_percent(score), _points(sub), _percent(_min)])
}

unknown contains lib.result(sub, ["spec", "secureScore"], msg) if {
	some sub in lib.docs("Subscription")
	not _percentage(sub)
	msg := "the inventory does not record the subscription's secure score (Microsoft.Security/secureScores/ascScore percentage, or current and max), so it cannot be compared with the target"
}
