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

_scans contains [account.metadata.name, i, k] if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	some k, scan in source.scans
}

_run_path(i, k) := ["spec", "dataSources", i, "scans", k, "lastRun"]

_what(source, scan) := sprintf("scan %s of data source %s", [scan.name, source.name])

_ended(run) := sprintf(" (ended %s)", [run.endTime])

_ended(run) := "" if not run.endTime

deny contains lib.result(account, array.concat(_run_path(i, k), ["status"]), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	scan.lastRun.status in _unsuccessful
	msg := sprintf("the last run of %s is %s%s, so the source's classifications are not current", [_what(source, scan), scan.lastRun.status, _ended(scan.lastRun)])
}

deny contains lib.result(account, array.concat(_run_path(i, k), ["endTime"]), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	scan.lastRun.status == "Succeeded"
	days := lib.days_since(scan.lastRun.endTime)
	days > _max_days
	msg := sprintf("%s last succeeded %d days ago (%s), more than the allowed %d", [_what(source, scan), days, scan.lastRun.endTime, _max_days])
}

unknown contains lib.result(account, _run_path(i, k), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	not lib.has(scan, ["lastRun"])
	msg := sprintf("the inventory does not record the last run of %s (lastRun), so whether it succeeded recently cannot be confirmed", [_what(source, scan)])
}

unknown contains lib.result(account, array.concat(_run_path(i, k), ["endTime"]), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	scan.lastRun.status == "Succeeded"
	not lib.has(scan.lastRun, ["endTime"])
	msg := sprintf("the last run of %s succeeded but records no endTime, so how recent it is cannot be confirmed", [_what(source, scan)])
}

unknown contains lib.result(account, array.concat(_run_path(i, k), ["status"]), msg) if {
	some [pv_name, i, k] in _scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	scan.lastRun.status in _pending
	msg := sprintf("the last run of %s is still %s, so the outcome of the latest scan is not yet known", [_what(source, scan), scan.lastRun.status])
}
