# METADATA
# title: Purview scan has not succeeded recently
# description: |
#   A schedule alone does not keep the catalogue current: scans fail when credentials
#   expire, firewalls change or a runtime goes offline, and then new and changed data goes
#   unclassified without anyone noticing. The most recent run of every scan should have
#   succeeded, and within the expected scan interval.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/concept-scans-and-ingestion
# custom:
#   id: PUR-007
#   severity: medium
#   area: Customer data
#   kinds: [PurviewAccount]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (data stored in the cloud, hybrid and on-premises is classified and cataloged)"
#   mcsb: [DP-1]
#   params:
#     maxDays:
#       default: 30
#       description: Most days since the end of a scan's last successful run.
#   remediation: Open the scan in the Purview Data Map (Data Map > Sources > the source > scan history), fix the cause of the failure (credential, network path, integration runtime) and run the scan again until its last run shows Succeeded.
package steward.rules.purview.scan_last_run_not_recent

import data.steward.lib

_max_days := lib.param("PUR-007", "maxDays")

# Runs that ended without classifying all of the source.
_unsuccessful := {"Failed", "Canceled", "CompletedWithExceptions"}

_pending := {"InProgress", "Queued"}

# Each outcome walks the scans itself: the walk costs less than building a table of them to
# walk, and each field is read inline, with no helper call per scan (`ended` is the end
# time when the run records one).
# Every scan of every data source with where it is and its last run's status (null when
# none is recorded), walked once here for all the outcomes below, which pick their scans by
# status: each outcome going over every scan of every source again was most of the rule's
# time. A row names its account rather than holding it: an account holds all its sources,
# so written out (OPA returns every rule of a package it is asked for) a copy per scan would
# grow with the square of the sources.
_scans := [[status, name, i, k, source, scan] |
	some name, account in _accounts
	some i, source in account.spec.dataSources
	some k, scan in source.scans
	status := object.get(scan, ["lastRun", "status"], null)
]

_accounts := lib.docs("PurviewAccount")

deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "lastRun", "status"], msg) if {
	unsuccessful := _unsuccessful
	some [status, name, i, k, source, scan] in _scans
	status in unsuccessful
	ended := concat("", [sprintf(" (ended %s)", [end]) | end := scan.lastRun.endTime])
	account := _accounts[name]
	msg := sprintf("the last run of scan %s of data source %s is %s%s, so the source's classifications are not current", [scan.name, source.name, status, ended])
}

deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "lastRun", "endTime"], msg) if {
	as_of_ns := data.steward.asOfNs
	max_days := _max_days
	some ["Succeeded", name, i, k, source, scan] in _scans
	end := scan.lastRun.endTime
	count(end) > 10
	days := floor((as_of_ns - time.parse_rfc3339_ns(end)) / 86400000000000)
	days > max_days
	account := _accounts[name]
	msg := sprintf("scan %s of data source %s last succeeded %d days ago (%s), more than the allowed %d", [scan.name, source.name, days, end, max_days])
}

deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "lastRun", "endTime"], msg) if {
	as_of_ns := data.steward.asOfNs
	max_days := _max_days
	some ["Succeeded", name, i, k, source, scan] in _scans
	end := scan.lastRun.endTime
	count(end) == 10
	days := floor((as_of_ns - time.parse_ns("2006-01-02", end)) / 86400000000000)
	days > max_days
	account := _accounts[name]
	msg := sprintf("scan %s of data source %s last succeeded %d days ago (%s), more than the allowed %d", [scan.name, source.name, days, end, max_days])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "lastRun"], msg) if {
	some [null, name, i, k, source, scan] in _scans
	object.get(scan, ["lastRun"], null) == null
	account := _accounts[name]
	msg := sprintf("the inventory does not record the last run of scan %s of data source %s (lastRun), so whether it succeeded recently cannot be confirmed", [scan.name, source.name])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "lastRun", "endTime"], msg) if {
	some ["Succeeded", name, i, k, source, scan] in _scans
	object.get(scan.lastRun, ["endTime"], null) == null
	account := _accounts[name]
	msg := sprintf("the last run of scan %s of data source %s succeeded but records no endTime, so how recent it is cannot be confirmed", [scan.name, source.name])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "lastRun", "status"], msg) if {
	pending := _pending
	some [status, name, i, k, source, scan] in _scans
	status in pending
	account := _accounts[name]
	msg := sprintf("the last run of scan %s of data source %s is still %s, so the outcome of the latest scan is not yet known", [scan.name, source.name, status])
}
