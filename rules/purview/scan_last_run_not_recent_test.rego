package steward.rules.purview.scan_last_run_not_recent_test

import data.steward.rules.purview.scan_last_run_not_recent as rule

# Tests run as of 2026-01-01.
scan(name, run) := {"name": name, "lastRun": run}

estate(scans) := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"dataSources": [{"name": "portal-sql", "kind": "AzureSqlDatabase", "scans": scans}]}}}}}

test_failed_and_old_runs_are_reported if {
	i := estate([
		scan("monthly", {"status": "Failed", "endTime": "2025-12-20T02:00:00Z"}),
		scan("weekly", {"status": "Succeeded", "endTime": "2025-11-01T03:12:00Z"}),
		scan("nightly", {"status": "Succeeded", "endTime": "2025-12-31"}),
		scan("partial", {"status": "CompletedWithExceptions"}),
	])
	r := rule.deny with input as i
	r == {
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 0, "scans", 0, "lastRun", "status"],
			"msg": "the last run of scan monthly of data source portal-sql is Failed (ended 2025-12-20T02:00:00Z), so the source's classifications are not current",
		},
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 0, "scans", 1, "lastRun", "endTime"],
			"msg": "scan weekly of data source portal-sql last succeeded 60 days ago (2025-11-01T03:12:00Z), more than the allowed 30",
		},
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 0, "scans", 3, "lastRun", "status"],
			"msg": "the last run of scan partial of data source portal-sql is CompletedWithExceptions, so the source's classifications are not current",
		},
	}
}

test_recent_success_is_not_reported if {
	i := estate([scan("weekly", {"status": "Succeeded", "endTime": "2025-12-29T03:12:00Z"})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_max_days_is_a_parameter if {
	i := estate([scan("weekly", {"status": "Succeeded", "endTime": "2025-11-01T03:12:00Z"})])
	d := rule.deny with input as i with data.steward.params["PUR-007"].maxDays as 90
	count(d) == 0
}

test_missing_last_run_is_unknown if {
	i := estate([{"name": "weekly", "trigger": {"recurrence": {"frequency": "Week"}}}])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "lastRun"],
		"msg": "the inventory does not record the last run of scan weekly of data source portal-sql (lastRun), so whether it succeeded recently cannot be confirmed",
	}}
}

test_success_without_end_time_is_unknown if {
	i := estate([scan("weekly", {"status": "Succeeded"})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "lastRun", "endTime"],
		"msg": "the last run of scan weekly of data source portal-sql succeeded but records no endTime, so how recent it is cannot be confirmed",
	}}
}

test_running_scan_is_unknown if {
	i := estate([scan("weekly", {"status": "InProgress"})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "lastRun", "status"],
		"msg": "the last run of scan weekly of data source portal-sql is still InProgress, so the outcome of the latest scan is not yet known",
	}}
}

test_old_success_with_a_date_only_end_time_is_reported if {
	i := estate([scan("weekly", {"status": "Succeeded", "endTime": "2025-11-01"})])
	r := rule.deny with input as i
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "lastRun", "endTime"],
		"msg": "scan weekly of data source portal-sql last succeeded 61 days ago (2025-11-01), more than the allowed 30",
	}}
}
