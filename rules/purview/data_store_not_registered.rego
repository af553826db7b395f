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

# The field that identifies a store to Purview: ARM ID for Azure, host name on-premises.
_field(doc) := "id" if doc.kind == "AzureResource"

_field(doc) := "hostName" if doc.kind == "OnPremDataStore"

_key(doc) := lower(doc.spec[_field(doc)])

# The source field that has to carry the store's key.
_source_field(doc) := "resourceId" if doc.kind == "AzureResource"

_source_field(doc) := "serverEndpoint or host" if doc.kind == "OnPremDataStore"

_what(doc) := sprintf("%s (%s)", [doc.metadata.name, doc.spec.type]) if doc.kind == "AzureResource"

_what(doc) := sprintf("%s (%s on %s)", [doc.metadata.name, doc.spec.engine, doc.spec.hostName]) if doc.kind == "OnPremDataStore"

_what(doc) := sprintf("%s (on %s)", [doc.metadata.name, doc.spec.hostName]) if {
	doc.kind == "OnPremDataStore"
	not doc.spec.engine
}

_stores contains doc if {
	some kind in ["AzureResource", "OnPremDataStore"]
	some doc in lib.docs(kind)
	lib.is_data_store(doc)
}

deny contains lib.result(doc, ["spec"], msg) if {
	count(_accounts) == 0
	some doc in _stores
	msg := "no Microsoft Purview account exists in the inventory, so this data store is not catalogued or classified"
}

deny contains lib.result(doc, ["spec", _field(doc)], msg) if {
	_sources_recorded
	some doc in _stores
	not _key(doc) in _registered
	msg := sprintf("%s is not registered as a data source in any Microsoft Purview account (no source has %s %s)", [_what(doc), _source_field(doc), doc.spec[_field(doc)]])
}

unknown contains lib.result(doc, ["spec"], msg) if {
	count(_accounts) > 0
	not _sources_recorded
	some doc in _stores
	msg := "the inventory records no Purview data sources (spec.dataSources of a PurviewAccount), so registration cannot be confirmed"
}

unknown contains lib.result(doc, ["spec"], msg) if {
	_sources_recorded
	some doc in _stores
	not _key(doc)
	msg := "the data store has no resource ID or host name to match against Purview data sources"
}
