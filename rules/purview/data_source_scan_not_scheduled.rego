# METADATA
# title: Purview data source has no scheduled scan
# description: |
#   Registering a source only puts it in the Data Map; its assets are discovered and
#   classified when a scan runs. A scan with a trigger (recurrence of hours, days, weeks
#   or months) keeps classifications current as data changes. A source whose scans have
#   no trigger is classified only when someone remembers to run one by hand.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/concept-scans-and-ingestion
# custom:
#   id: PUR-004
#   severity: medium
#   area: Customer data
#   kinds: [PurviewAccount]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (data stored in the cloud, hybrid and on-premises is classified and cataloged)"
#   mcsb: [DP-1]
#   remediation: In the Purview Data Map open the source, create or edit a scan and set its trigger to a recurring schedule (Recurring, e.g. weekly), then record the scan under the source's scans with trigger.recurrence.
package steward.rules.purview.data_source_scan_not_scheduled

import data.steward.lib

# A source fails when none of its scans has a trigger, which includes having no scan at all.
# One walk of the sources decides both failures, with lib.has inline (object.get is its own
# test): a helper call per source costs more than the walk. Only the failing sources call
# _unscheduled for their message.
deny contains lib.result(account, ["spec", "dataSources", i, "scans"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	scans := source.scans
	every scan in scans {
		object.get(scan, ["trigger", "recurrence", "frequency"], null) == null
	}
	msg := _unscheduled(source, scans)
}

_unscheduled(source, scans) := sprintf("data source %s (%s) has no scan, so Purview never classifies its data", [source.name, source.kind]) if {
	count(scans) == 0
}

_unscheduled(source, scans) := msg if {
	count(scans) > 0
	names := concat(", ", sort([scan.name | some scan in scans]))
	msg := sprintf("no scan of data source %s (%s) has a schedule (trigger.recurrence); its scans (%s) run only by hand", [source.name, source.kind, names])
}

# object.get is lib.has's own test, inline because it runs for every source.
unknown contains lib.result(account, ["spec", "dataSources", i, "scans"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	object.get(source, ["scans"], null) == null
	msg := sprintf("the inventory does not record the scans of data source %s, so its scan schedule cannot be confirmed", [source.name])
}

unknown contains lib.result(account, ["spec"], msg) if {
	some account in lib.docs("PurviewAccount")
	object.get(account, ["spec", "dataSources"], null) == null
	msg := "the inventory does not record the account's data sources (spec.dataSources), so their scan schedules cannot be confirmed"
}
