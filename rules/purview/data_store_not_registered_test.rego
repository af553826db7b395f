package steward.rules.purview.data_store_not_registered_test

import data.steward.rules.purview.data_store_not_registered as rule

storage_id := "/subscriptions/1/resourceGroups/data/providers/Microsoft.Storage/storageAccounts/records"

storage := {"kind": "AzureResource", "metadata": {"name": "records"}, "spec": {"type": "Microsoft.Storage/storageAccounts", "id": storage_id}}

vault := {"kind": "AzureResource", "metadata": {"name": "kv"}, "spec": {"type": "Microsoft.KeyVault/vaults", "id": "/subscriptions/1/kv"}}

emr := {"kind": "OnPremDataStore", "metadata": {"name": "emr"}, "spec": {"hostName": "EMR-SQL01.corp.example"}}

purview(sources) := {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"dataSources": sources}}

estate(account) := {"documents": {
	"AzureResource": {"records": storage, "kv": vault},
	"OnPremDataStore": {"emr": emr},
	"PurviewAccount": {"pv": account},
}}

test_unregistered_stores_are_reported if {
	r := rule.deny with input as estate(purview([{"name": "other", "kind": "AzureStorage", "resourceId": "/x"}]))
	r == {
		{"resource": "AzureResource/records", "path": ["spec", "id"], "msg": sprintf("records (Microsoft.Storage/storageAccounts) is not registered as a data source in any Microsoft Purview account (no source has resourceId %s)", [storage_id])},
		{"resource": "OnPremDataStore/emr", "path": ["spec", "hostName"], "msg": "emr (on EMR-SQL01.corp.example) is not registered as a data source in any Microsoft Purview account (no source has serverEndpoint or host EMR-SQL01.corp.example)"},
	}
}

test_no_purview_account_reports_every_store if {
	r := rule.deny with input as {"documents": {"AzureResource": {"records": storage, "kv": vault}}}
	r == {{"resource": "AzureResource/records", "path": ["spec"], "msg": "no Microsoft Purview account exists in the inventory, so this data store is not catalogued or classified"}}
}

test_registered_stores_are_not_reported_whatever_the_case if {
	sources := [
		{"name": "records", "kind": "AzureStorage", "resourceId": upper(storage_id)},
		{"name": "emr", "kind": "SqlServerDatabase", "serverEndpoint": "emr-sql01.corp.example"},
	]
	i := estate(purview(sources))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_sources_not_recorded_are_unknown if {
	i := estate({"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	count(u) == 2
	some r in u
	r.resource == "AzureResource/records"
	r.msg == "the inventory records no Purview data sources (spec.dataSources of a PurviewAccount), so registration cannot be confirmed"
}

test_unregistered_onprem_store_is_reported_with_its_engine if {
	lims := {"kind": "OnPremDataStore", "metadata": {"name": "lims"}, "spec": {"hostName": "lims01.corp.example", "engine": "Oracle"}}
	i := {"documents": {
		"OnPremDataStore": {"lims": lims},
		"PurviewAccount": {"pv": purview([{"name": "emr", "kind": "SqlServerDatabase", "serverEndpoint": "emr-sql01.corp.example"}])},
	}}
	r := rule.deny with input as i
	r == {{"resource": "OnPremDataStore/lims", "path": ["spec", "hostName"], "msg": "lims (Oracle on lims01.corp.example) is not registered as a data source in any Microsoft Purview account (no source has serverEndpoint or host lims01.corp.example)"}}
}

test_store_without_id_or_host_name_is_unknown if {
	# The key vault has no ID either, but it is not a data store.
	records := {"kind": "AzureResource", "metadata": {"name": "records"}, "spec": {"type": "Microsoft.Storage/storageAccounts"}}
	kv := {"kind": "AzureResource", "metadata": {"name": "kv"}, "spec": {"type": "Microsoft.KeyVault/vaults"}}
	emr_unnamed := {"kind": "OnPremDataStore", "metadata": {"name": "emr"}, "spec": {"engine": "SqlServer"}}
	i := {"documents": {
		"AzureResource": {"records": records, "kv": kv},
		"OnPremDataStore": {"emr": emr_unnamed},
		"PurviewAccount": {"pv": purview([{"name": "other", "kind": "AzureStorage", "resourceId": "/x"}])},
	}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{"resource": "AzureResource/records", "path": ["spec"], "msg": "the data store has no resource ID or host name to match against Purview data sources"},
		{"resource": "OnPremDataStore/emr", "path": ["spec"], "msg": "the data store has no resource ID or host name to match against Purview data sources"},
	}
}
