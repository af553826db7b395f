package steward.rules.defender.secure_score_below_target_test

import data.steward.rules.defender.secure_score_below_target as rule

sub(spec) := {"documents": {"Subscription": {"research": {"kind": "Subscription", "metadata": {"name": "research"}, "spec": spec}}}}

test_low_score_is_reported if {
	r := rule.deny with input as sub({"secureScore": {"current": 19.5, "max": 58, "percentage": 0.336}})
	r == {{
		"resource": "Subscription/research",
		"path": ["spec", "secureScore", "percentage"],
		"msg": "the secure score is 33.6% (19.5 of 58 points), below the target of 70%",
	}}
}

test_score_from_points_is_reported if {
	r := rule.deny with input as sub({"secureScore": {"current": 29, "max": 58}})
	r == {{
		"resource": "Subscription/research",
		"path": ["spec", "secureScore", "percentage"],
		"msg": "the secure score is 50% (29 of 58 points), below the target of 70%",
	}}
}

test_score_at_target_is_not_reported if {
	i := sub({"secureScore": {"percentage": 0.7}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_target_is_a_parameter if {
	i := sub({"secureScore": {"current": 41.3, "max": 58, "percentage": 0.712}})
	d := rule.deny with input as i
	count(d) == 0
	r := rule.deny with input as i with data.steward.params["DEF-010"].minPercentage as 0.8
	r == {{
		"resource": "Subscription/research",
		"path": ["spec", "secureScore", "percentage"],
		"msg": "the secure score is 71.2% (41.3 of 58 points), below the target of 80%",
	}}
}

unknown_score := {{
	"resource": "Subscription/research",
	"path": ["spec", "secureScore"],
	"msg": "the inventory does not record the subscription's secure score (Microsoft.Security/secureScores/ascScore percentage, or current and max), so it cannot be compared with the target",
}}

test_missing_score_is_unknown if {
	i := sub({})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == unknown_score
}

test_score_without_points_is_unknown if {
	i := sub({"secureScore": {"current": 0, "max": 0}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == unknown_score
}
