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

# Where the on-premises sources are, as [account name, source index], built once: one pass
# over the sources for each way a source is on-premises (its kind, or the server endpoint or
# host of an on-premises data store), with the tables bound once, because a helper call per
# source costs more than a pass. Each outcome then reads only these sources.
_onprem_sources := (_onprem_by_kind | _onprem_by_endpoint) | _onprem_by_host

_onprem_by_kind := {[name, i] |
	kinds := _onprem_kinds
	some name, account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	source.kind in kinds
}

# The field is bound before lower is called, so that the many sources without it stop at
# the reference.
_onprem_by_endpoint := {[name, i] |
	hosts := _onprem_hosts
	some name, account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	endpoint := source.serverEndpoint
	lower(endpoint) in hosts
}

_onprem_by_host := {[name, i] |
	hosts := _onprem_hosts
	some name, account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	host := source.host
	lower(host) in hosts
}

# object.get is lib.has's own test.
deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "connectedVia"], msg) if {
	accounts := lib.docs("PurviewAccount")
	some [name, i] in _onprem_sources
	account := accounts[name]
	source := account.spec.dataSources[i]
	some k, scan in source.scans
	object.get(scan, ["connectedVia", "referenceName"], null) == null
	msg := sprintf("scan %s of on-premises data source %s (%s) names no integration runtime (connectedVia), so it does not run on a self-hosted runtime that can reach the on-premises network", [scan.name, source.name, source.kind])
}

deny contains lib.result(account, ["spec", "dataSources", i, "scans", k, "connectedVia", "referenceName"], msg) if {
	accounts := lib.docs("PurviewAccount")
	some [name, i] in _onprem_sources
	account := accounts[name]
	source := account.spec.dataSources[i]
	some k, scan in source.scans
	runtime_name := scan.connectedVia.referenceName
	some runtime in account.spec.integrationRuntimes
	runtime.name == runtime_name
	runtime.kind != "SelfHosted"
	msg := sprintf("scan %s of on-premises data source %s (%s) runs on integration runtime %s, which is %s, not SelfHosted, so it cannot reach the on-premises network", [scan.name, source.name, source.kind, runtime_name, runtime.kind])
}

unknown contains lib.result(account, ["spec", "dataSources", i, "scans", k, "connectedVia", "referenceName"], msg) if {
	accounts := lib.docs("PurviewAccount")
	some [name, i] in _onprem_sources
	account := accounts[name]
	source := account.spec.dataSources[i]
	some k, scan in source.scans
	runtime_name := scan.connectedVia.referenceName
	not runtime_name in {runtime.name | some runtime in account.spec.integrationRuntimes}
	msg := sprintf("scan %s of on-premises data source %s (%s) runs on integration runtime %s, which the inventory does not record (spec.integrationRuntimes), so whether it is self-hosted cannot be confirmed", [scan.name, source.name, source.kind, runtime_name])
}
