package steward.lib_test

import data.steward.lib

sub := {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {}}

test_docs_of_a_kind_are_keyed_by_name if {
	docs := lib.docs("Subscription") with input as {"documents": {"Subscription": {"prod": sub}}}
	docs == {"prod": sub}
}

test_docs_of_a_missing_kind_are_empty if {
	lib.docs("Tenant") == {} with input as {"documents": {}}
}

test_result_names_the_document if {
	lib.result(sub, ["spec"], "m") == {"resource": "Subscription/prod", "path": ["spec"], "msg": "m"}
}

test_booleans_accept_azure_strings if {
	lib.is_true(true)
	lib.is_true("True")
	lib.is_false("False")
	lib.is_false(false)
	not lib.is_true("False")
	not lib.is_true(null)
	not lib.is_false(null)
}

test_service_model_falls_back_to_the_kind if {
	lib.service_model({"kind": "Tenant", "spec": {}}) == "saas"
	lib.service_model({"kind": "Subscription", "spec": {"serviceModel": "paas"}}) == "paas"
	not lib.service_model({"kind": "Subscription", "spec": {}})
}

test_party_reads_the_matrix if {
	lib.party("Network controls", {"kind": "Tenant", "spec": {}}) == "microsoft"
	lib.party("Network controls", {"kind": "Subscription", "spec": {"serviceModel": "paas"}}) == "shared"
}

test_days_since_counts_whole_days_to_the_evaluation_date if {
	lib.days_since("2025-12-01") == 31 with data.steward.asOfNs as 1767225600000000000
	lib.days_since("2025-12-31T12:00:00Z") == 0 with data.steward.asOfNs as 1767225600000000000
}

test_phi_label if {
	lib.holds_phi({"metadata": {"labels": {"data": "PHI"}}})
	not lib.holds_phi({"metadata": {"labels": {}}})
	not lib.holds_phi({"metadata": {}})
}

test_has_distinguishes_false_from_missing if {
	lib.has({"a": {"b": false}}, ["a", "b"])
	not lib.has({"a": {"b": null}}, ["a", "b"])
	not lib.has({"a": {}}, ["a", "b"])
	not lib.has({"a": 1}, ["a", "b"])
	lib.get({"a": {"b": 2}}, ["a", "b"], 0) == 2
	lib.get({}, ["a", "b"], 0) == 0
}

test_data_stores_by_type_and_kind if {
	lib.is_data_store({"kind": "AzureResource", "spec": {"type": "Microsoft.Storage/storageAccounts"}})
	lib.is_data_store({"kind": "OnPremDataStore", "spec": {}})
	not lib.is_data_store({"kind": "AzureResource", "spec": {"type": "Microsoft.KeyVault/vaults"}})
}

test_retention_durations_are_in_days if {
	lib.retention_days.TwelveMonths == 365
	lib.retention_days.SevenDays == 7
	count(lib.retention_days) == 10
}

test_params_are_read_by_rule_id if {
	lib.param("X-001", "days") == 30 with data.steward.params as {"X-001": {"days": 30}}
}

test_every_data_store_type_is_recognised if {
	every t in lib.azure_data_store_types {
		lib.is_data_store({"kind": "AzureResource", "spec": {"type": t}})
	}
}

_resource(name, type) := {"kind": "AzureResource", "metadata": {"name": name}, "spec": {"type": type}}

test_azure_resources_are_indexed_by_lower_case_type if {
	resources := {
		"db1": _resource("db1", "Microsoft.Sql/servers"),
		"db2": _resource("db2", "microsoft.sql/SERVERS"),
		"web": _resource("web", "Microsoft.Web/sites"),
	}
	index := lib.azure_by_type with input as {"documents": {"AzureResource": resources}}
	index == {"microsoft.sql/servers": {"db1", "db2"}, "microsoft.web/sites": {"web"}}
}

test_a_resource_without_a_type_is_in_no_entry if {
	resources := {
		"db1": _resource("db1", "Microsoft.Sql/servers"),
		"x": {"kind": "AzureResource", "metadata": {"name": "x"}, "spec": {}},
	}
	index := lib.azure_by_type with input as {"documents": {"AzureResource": resources}}
	index == {"microsoft.sql/servers": {"db1"}}
}

test_no_azure_resources_index_nothing if {
	not lib.azure_by_type["microsoft.sql/servers"] with input as {"documents": {"Tenant": {}}}
}
