# METADATA
# title: Data store is not registered as a Microsoft Purview data source
# description: |
#   The guidance calls classifying and cataloguing data in the cloud, hybrid and
#   on-premises one of the most essential elements of a security model. Purview can only
#   classify a store that is registered in its Data Map. An Azure data store matches a
#   data source by ARM resource ID; an on-premises store by host name (serverEndpoint or
#   host of the source).
# related_resources:
#   - ref: https://learn.microsoft.com/purview/microsoft-purview-connector-overview
# custom:
#   id: PUR-002
#   severity: high
#   area: Customer data
#   kinds: [AzureResource, OnPremDataStore]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (data stored in the cloud, hybrid and on-premises is classified and cataloged)"
#   mcsb: [DP-1, AM-1]
#   remediation: Register the store in the Microsoft Purview Data Map (Data Map > Sources > Register) and record it under a PurviewAccount's spec.dataSources with its resourceId (Azure) or serverEndpoint (on-premises SQL Server).
package steward.rules.purview.data_store_not_registered

import data.steward.lib

_accounts := lib.docs("PurviewAccount")

# Every registered source's keys, lower-cased, computed once per evaluation so that the
# per-store check is a set lookup rather than a scan of every source.
_registered := {lower(key) |
	some account in _accounts
	some source in account.spec.dataSources
	some field in ["resourceId", "serverEndpoint", "host"]
	key := source[field]
}

_sources_recorded if {
	some account in _accounts
	lib.has(account, ["spec", "dataSources"])
}

# The Azure data stores (lib.is_data_store), built once from the index of resources by
# type: an array rather than a set of documents, so that no whole documents are compared.
_azure_stores := [doc |
	resources := lib.docs("AzureResource")
	some type in lib.azure_data_store_types
	some name in lib.azure_by_type[type]
	doc := resources[name]
]

# Every data store, for the outcomes that report them all.
_stores := array.concat(_azure_stores, [store | some store in lib.docs("OnPremDataStore")])

# How a finding names an on-premises store: with its engine when that is recorded.
_onprem_what(doc) := sprintf("%s (%s on %s)", [doc.metadata.name, doc.spec.engine, doc.spec.hostName])

_onprem_what(doc) := sprintf("%s (on %s)", [doc.metadata.name, doc.spec.hostName]) if not doc.spec.engine

deny contains lib.result(doc, ["spec"], msg) if {
	count(_accounts) == 0
	some doc in _stores
	msg := "no Microsoft Purview account exists in the inventory, so this data store is not catalogued or classified"
}

# An Azure store matches a source by ARM resource ID; the message is built inline because
# it is built for every unregistered store.
deny contains lib.result(doc, ["spec", "id"], msg) if {
	_sources_recorded
	registered := _registered
	some doc in _azure_stores
	id := doc.spec.id
	not lower(id) in registered
	msg := sprintf("%s (%s) is not registered as a data source in any Microsoft Purview account (no source has resourceId %s)", [doc.metadata.name, doc.spec.type, id])
}

# An on-premises store matches a source by host name.
deny contains lib.result(doc, ["spec", "hostName"], msg) if {
	_sources_recorded
	registered := _registered
	some doc in lib.docs("OnPremDataStore")
	host := doc.spec.hostName
	not lower(host) in registered
	msg := sprintf("%s is not registered as a data source in any Microsoft Purview account (no source has serverEndpoint or host %s)", [_onprem_what(doc), host])
}

unknown contains lib.result(doc, ["spec"], msg) if {
	count(_accounts) > 0
	not _sources_recorded
	some doc in _stores
	msg := "the inventory records no Purview data sources (spec.dataSources of a PurviewAccount), so registration cannot be confirmed"
}

_no_key := "the data store has no resource ID or host name to match against Purview data sources"

# deny and unknown are evaluated together, so this goes over the Azure stores deny picked
# out rather than over every AzureResource.
unknown contains lib.result(doc, ["spec"], _no_key) if {
	_sources_recorded
	some doc in _azure_stores
	not doc.spec.id
}

unknown contains lib.result(doc, ["spec"], _no_key) if {
	_sources_recorded
	some doc in lib.docs("OnPremDataStore")
	not doc.spec.hostName
}
