package steward.rules.defender.high_severity_recommendation_overdue_test

import data.steward.rules.defender.high_severity_recommendation_overdue as rule

sub(assessments) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"assessments": assessments}}}}}

assessment(code, severity, status) := {
	"name": "4fb67663-9ab9-475d-b026-8c544cced439",
	"displayName": "Storage accounts should restrict network access",
	"status": object.union({"code": code}, status),
	"metadata": {"severity": severity},
}

# Tests run at 2026-01-01.
test_old_unhealthy_high_recommendation_is_reported if {
	a := assessment("Unhealthy", "High", {"firstEvaluationDate": "2025-11-01T08:00:00Z"})
	r := rule.deny with input as sub([a])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "assessments", 0, "status", "firstEvaluationDate"],
		"msg": "the High-severity recommendation \"Storage accounts should restrict network access\" has been Unhealthy for 60 days (since 2025-11-01T08:00:00Z), more than the allowed 30",
	}}
}

test_status_change_date_is_preferred if {
	recent := assessment("Unhealthy", "Critical", {"firstEvaluationDate": "2025-01-01", "statusChangeDate": "2025-12-20"})
	d := rule.deny with input as sub([recent])
	count(d) == 0
	old := assessment("Unhealthy", "Critical", {"firstEvaluationDate": "2025-01-01", "statusChangeDate": "2025-11-20"})
	r := rule.deny with input as sub([old])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "assessments", 0, "status", "statusChangeDate"],
		"msg": "the Critical-severity recommendation \"Storage accounts should restrict network access\" has been Unhealthy for 42 days (since 2025-11-20), more than the allowed 30",
	}}
}

test_recent_healthy_or_lower_severity_is_not_reported if {
	i := sub([
		assessment("Unhealthy", "High", {"firstEvaluationDate": "2025-12-15"}),
		assessment("Healthy", "High", {"firstEvaluationDate": "2025-01-01"}),
		assessment("Unhealthy", "Medium", {"firstEvaluationDate": "2025-01-01"}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_window_and_severities_are_parameters if {
	i := sub([assessment("Unhealthy", "Medium", {"firstEvaluationDate": "2025-12-15"})])
	r := rule.deny with input as i
		with data.steward.params["DEF-011"].maxDays as 7
		with data.steward.params["DEF-011"].severities as ["Critical", "High", "Medium"]
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "assessments", 0, "status", "firstEvaluationDate"],
		"msg": "the Medium-severity recommendation \"Storage accounts should restrict network access\" has been Unhealthy for 17 days (since 2025-12-15), more than the allowed 7",
	}}
}

test_missing_assessments_are_unknown if {
	i := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {}}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "assessments"],
		"msg": "the inventory does not record the subscription's Defender for Cloud recommendations (Microsoft.Security/assessments), so overdue high-severity ones cannot be ruled out",
	}}
}

test_missing_dates_and_severity_are_unknown if {
	i := sub([
		assessment("Unhealthy", "High", {}),
		{"name": "1195afff-c881-495e-9bc5-1486211ae03f", "status": {"code": "Unhealthy", "firstEvaluationDate": "2025-01-01"}},
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "Subscription/prod",
			"path": ["spec", "assessments", 0, "status", "firstEvaluationDate"],
			"msg": "the inventory does not record since when the High-severity recommendation \"Storage accounts should restrict network access\" is Unhealthy (status.statusChangeDate or firstEvaluationDate)",
		},
		{
			"resource": "Subscription/prod",
			"path": ["spec", "assessments", 1, "metadata", "severity"],
			"msg": "the inventory does not record the severity of the Unhealthy recommendation 1195afff-c881-495e-9bc5-1486211ae03f, so whether it is overdue cannot be judged",
		},
	}
}
