# The helper library every rule may use: a stable API for built-in and organisational
# rules alike. Rules import it as `import data.steward.lib`.
#
#   lib.docs(kind)              the documents of a kind, keyed by metadata.name
#   lib.id(doc)                 "Kind/name", the identity results name
#   lib.result(doc, path, msg)  a result object for deny/unknown
#   lib.is_true(x) / is_false(x) booleans, also Azure's "True"/"False" strings
#   lib.service_model(doc)      declared spec.serviceModel, else the kind's fixed model
#   lib.party(area, doc)        customer/shared/microsoft from the matrix
#   lib.param(id, name)         a rule parameter (defaults from metadata, overridable)
#   lib.days_since(date)        whole days from a date to the evaluation date
#   lib.holds_phi(doc)          the document is labelled as holding health data
#   lib.is_data_store(doc)      an Azure data store, on-premises data store (Purview scope)
#   lib.has(x, path)            the value at path (an array of keys) exists and is not null
#   lib.get(x, path, fallback)  the value at path, or fallback
#   lib.azure_by_type[type]     names of the Azure resources of a lower-cased ARM type
package steward.lib

docs(kind) := object.get(input.documents, kind, {})

id(doc) := concat("/", [doc.kind, doc.metadata.name])

# Every result is built here, so the identity is spelled out rather than calling id: in the
# interpreter a function call costs more than the concat it would wrap.
result(doc, path, msg) := {"resource": concat("/", [doc.kind, doc.metadata.name]), "path": path, "msg": msg}

has(x, path) if object.get(x, path, null) != null

get(x, path, fallback) := object.get(x, path, fallback)

is_true(x) if x == true

is_true(x) if {
	is_string(x)
	lower(x) == "true"
}

is_false(x) if x == false

is_false(x) if {
	is_string(x)
	lower(x) == "false"
}

service_model(doc) := doc.spec.serviceModel

service_model(doc) := data.steward.kindServiceModels[doc.kind] if not doc.spec.serviceModel

party(area, doc) := data.steward.matrix[area][service_model(doc)]

param(rule_id, name) := data.steward.params[rule_id][name]

# Dates in inventories are YYYY-MM-DD or RFC 3339 date-times.
timestamp_ns(date) := time.parse_ns("2006-01-02", date) if count(date) == 10

timestamp_ns(date) := time.parse_rfc3339_ns(date) if count(date) > 10

days_since(date) := floor((data.steward.asOfNs - timestamp_ns(date)) / 86400000000000)

holds_phi(doc) if lower(sprintf("%v", [doc.metadata.labels.data])) == "phi"

# Purview Audit retention durations (Get-UnifiedAuditLogRetentionPolicy) in days.
retention_days := {
	"SevenDays": 7,
	"OneMonth": 30,
	"ThreeMonths": 90,
	"SixMonths": 180,
	"NineMonths": 270,
	"TwelveMonths": 365,
	"ThreeYears": 1095,
	"FiveYears": 1825,
	"SevenYears": 2555,
	"TenYears": 3650,
}

# ARM types (lower case) of the Azure services that hold customer data and that
# Microsoft Purview can register and scan.
azure_data_store_types := {
	"microsoft.storage/storageaccounts",
	"microsoft.sql/servers",
	"microsoft.sql/managedinstances",
	"microsoft.documentdb/databaseaccounts",
	"microsoft.dbforpostgresql/flexibleservers",
	"microsoft.dbformysql/flexibleservers",
	"microsoft.synapse/workspaces",
	"microsoft.kusto/clusters",
	"microsoft.datalakestore/accounts",
}

# The names of the Azure resources of each ARM type, the type lower-cased. A rule that
# wants a few types reads their names here instead of going over every resource: steward
# evaluates the rules that read this in one query, so the estate is indexed once a run.
azure_by_type[type] contains name if {
	some name, doc in docs("AzureResource")
	type := lower(doc.spec.type)
}

is_data_store(doc) if {
	doc.kind == "AzureResource"
	lower(doc.spec.type) in azure_data_store_types
}

is_data_store(doc) if doc.kind == "OnPremDataStore"
