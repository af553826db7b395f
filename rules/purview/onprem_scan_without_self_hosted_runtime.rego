# METADATA
# title: On-premises data source is not scanned through a self-hosted integration runtime
# description: |
#   Purview reaches data inside a private network only through a self-hosted integration
#   runtime installed on a machine in that network; the Azure and managed runtimes cannot
#   connect to it. A scan of an on-premises source (SQL Server, Oracle, Teradata, SAP, or
#   any source on a host the inventory lists as an on-premises data store) that does not
#   run on a self-hosted runtime fails, and the hybrid part of the estate stays unclassified.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/manage-integration-runtimes
# custom:
#   id: PUR-006
#   severity: medium
#   area: Configurations and settings
#   kinds: [PurviewAccount]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (data stored in hybrid and on-premises locations is classified and cataloged)"
#   mcsb: [DP-1]
#   remediation: Install a self-hosted integration runtime on a machine in the on-premises network (Data Map > Integration runtimes > New > Self-Hosted), then edit each scan of the source to connect via it (connectedVia.referenceName), and record the runtime under spec.integrationRuntimes with kind SelfHosted.
package steward.rules.purview.onprem_scan_without_self_hosted_runtime

import data.steward.lib

# Source kinds that only ever live in the organisation's own network.
_onprem_kinds := {"SqlServerDatabase", "Oracle", "Teradata", "SapEcc", "SapS4Hana"}

_onprem_hosts := {lower(store.spec.hostName) | some store in lib.docs("OnPremDataStore")}

_onprem(source) if source.kind in _onprem_kinds

_onprem(source) if {
	some field in ["serverEndpoint", "host"]
	lower(source[field]) in _onprem_hosts
}

_onprem_scans contains [account.metadata.name, i, k] if {
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	_onprem(source)
	some k, scan in source.scans
}

_runtime_recorded(account, name) if {
	some runtime in account.spec.integrationRuntimes
	runtime.name == name
}

_what(source, scan) := sprintf("scan %s of on-premises data source %s (%s)", [scan.name, source.name, source.kind])

deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "connectedVia"], msg) if {
	some [pv_name, i, k] in _onprem_scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	not lib.has(scan, ["connectedVia", "referenceName"])
	msg := sprintf("%s names no integration runtime (connectedVia), so it does not run on a self-hosted runtime that can reach the on-premises network", [_what(source, scan)])
}

deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "connectedVia", "referenceName"], msg) if {
	some [pv_name, i, k] in _onprem_scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	name := scan.connectedVia.referenceName
	some runtime in account.spec.integrationRuntimes
	runtime.name == name
	runtime.kind != "SelfHosted"
	msg := sprintf("%s runs on integration runtime %s, which is %s, not SelfHosted, so it cannot reach the on-premises network", [_what(source, scan), name, runtime.kind])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "connectedVia", "referenceName"], msg) if {
	some [pv_name, i, k] in _onprem_scans
	account := lib.docs("PurviewAccount")[pv_name]
	source := account.spec.dataSources[i]
	scan := source.scans[k]
	name := scan.connectedVia.referenceName
	not _runtime_recorded(account, name)
	msg := sprintf("%s runs on integration runtime %s, which the inventory does not record (spec.integrationRuntimes), so whether it is self-hosted cannot be confirmed", [_what(source, scan), name])
}
