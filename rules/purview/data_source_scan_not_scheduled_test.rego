package steward.rules.purview.data_source_scan_not_scheduled_test

import data.steward.rules.purview.data_source_scan_not_scheduled as rule

weekly := {"name": "weekly-full", "trigger": {"recurrence": {"frequency": "Week", "interval": 1}, "scanLevel": "Full"}}

adhoc := {"name": "adhoc", "scanRulesetName": "AzureSqlDatabase", "scanRulesetType": "System"}

source(name, scans) := {"name": name, "kind": "AzureSqlDatabase", "resourceId": "/subscriptions/1/sql", "scans": scans}

account(spec) := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": spec}}}}

test_sources_without_a_scheduled_scan_are_reported if {
	i := account({"dataSources": [
		source("records", [weekly]),
		source("portal-sql", [adhoc, {"name": "backfill", "trigger": {"scanLevel": "Full"}}]),
		source("billing-sql", []),
	]})
	r := rule.deny with input as i
	r == {
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 1, "scans"],
			"msg": "no scan of data source portal-sql (AzureSqlDatabase) has a schedule (trigger.recurrence); its scans (adhoc, backfill) run only by hand",
		},
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 2, "scans"],
			"msg": "data source billing-sql (AzureSqlDatabase) has no scan, so Purview never classifies its data",
		},
	}
}

test_one_scheduled_scan_is_enough if {
	i := account({"dataSources": [source("portal-sql", [adhoc, weekly])]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_an_account_with_no_sources_is_not_reported if {
	i := account({"dataSources": []})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_scans_not_recorded_are_unknown if {
	i := account({"dataSources": [{"name": "emr-sql", "kind": "SqlServerDatabase", "serverEndpoint": "emr-sql01.corp.example"}]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans"],
		"msg": "the inventory does not record the scans of data source emr-sql, so its scan schedule cannot be confirmed",
	}}
}

test_sources_not_recorded_are_unknown if {
	i := account({"publicNetworkAccess": "Disabled"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec"],
		"msg": "the inventory does not record the account's data sources (spec.dataSources), so their scan schedules cannot be confirmed",
	}}
}

# A recurrence without a frequency (null here) is no schedule, as lib.has has it.
test_recurrence_without_a_frequency_is_reported if {
	paused := {"name": "paused", "trigger": {"recurrence": {"frequency": null}}}
	i := account({"dataSources": [source("portal-sql", [paused])]})
	r := rule.deny with input as i
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans"],
		"msg": "no scan of data source portal-sql (AzureSqlDatabase) has a schedule (trigger.recurrence); its scans (paused) run only by hand",
	}}
}
