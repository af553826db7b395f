package steward.rules.purview.onprem_scan_without_self_hosted_runtime_test

import data.steward.rules.purview.onprem_scan_without_self_hosted_runtime as rule

runtimes := [{"name": "shir-dc1", "kind": "SelfHosted"}, {"name": "managed-vnet", "kind": "Managed"}]

scan(name, runtime) := {"name": name, "connectedVia": {"referenceName": runtime}}

estate(sources) := {"documents": {
	"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"integrationRuntimes": runtimes, "dataSources": sources}}},
	"OnPremDataStore": {"research-pg": {"kind": "OnPremDataStore", "metadata": {"name": "research-pg"}, "spec": {"hostName": "PG01.corp.example", "engine": "PostgreSql"}}},
}}

test_onprem_scans_off_a_self_hosted_runtime_are_reported if {
	sources := [
		{"name": "emr-sql", "kind": "SqlServerDatabase", "serverEndpoint": "emr-sql01.corp.example", "scans": [{"name": "weekly"}]},
		{"name": "erp", "kind": "SapS4Hana", "host": "s4.corp.example", "scans": [scan("nightly", "managed-vnet")]},
		{"name": "research-pg", "kind": "PostgreSql", "host": "pg01.corp.example", "scans": [scan("monthly", "shir-dc1")]},
	]
	r := rule.deny with input as estate(sources)
	r == {
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 0, "scans", 0, "connectedVia"],
			"msg": "scan weekly of on-premises data source emr-sql (SqlServerDatabase) names no integration runtime (connectedVia), so it does not run on a self-hosted runtime that can reach the on-premises network",
		},
		{
			"resource": "PurviewAccount/pv",
			"path": ["spec", "dataSources", 1, "scans", 0, "connectedVia", "referenceName"],
			"msg": "scan nightly of on-premises data source erp (SapS4Hana) runs on integration runtime managed-vnet, which is Managed, not SelfHosted, so it cannot reach the on-premises network",
		},
	}
}

test_host_of_an_onprem_store_makes_a_source_onprem if {
	sources := [{"name": "research-pg", "kind": "PostgreSql", "host": "pg01.corp.example", "scans": [{"name": "monthly"}]}]
	r := rule.deny with input as estate(sources)
	count(r) == 1
}

test_self_hosted_and_cloud_scans_are_not_reported if {
	sources := [
		{"name": "emr-sql", "kind": "Oracle", "host": "ora01.corp.example", "scans": [scan("weekly", "shir-dc1")]},
		{"name": "records", "kind": "AzureStorage", "resourceId": "/subscriptions/1/st", "scans": [{"name": "weekly"}]},
	]
	i := estate(sources)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_runtime_is_unknown if {
	sources := [{"name": "warehouse", "kind": "Teradata", "host": "td01.corp.example", "scans": [scan("weekly", "shir-dc2")]}]
	i := estate(sources)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "connectedVia", "referenceName"],
		"msg": "scan weekly of on-premises data source warehouse (Teradata) runs on integration runtime shir-dc2, which the inventory does not record (spec.integrationRuntimes), so whether it is self-hosted cannot be confirmed",
	}}
}

test_server_endpoint_of_an_onprem_store_makes_a_source_onprem if {
	sources := [{"name": "research-pg", "kind": "AzurePostgreSql", "serverEndpoint": "Pg01.Corp.Example", "scans": [scan("monthly", "managed-vnet")]}]
	r := rule.deny with input as estate(sources)
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "connectedVia", "referenceName"],
		"msg": "scan monthly of on-premises data source research-pg (AzurePostgreSql) runs on integration runtime managed-vnet, which is Managed, not SelfHosted, so it cannot reach the on-premises network",
	}}
}

test_connected_via_without_a_runtime_is_reported if {
	sources := [{"name": "emr-sql", "kind": "SqlServerDatabase", "serverEndpoint": "pg01.corp.example", "scans": [{"name": "weekly", "connectedVia": {}}]}]
	r := rule.deny with input as estate(sources)
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "connectedVia"],
		"msg": "scan weekly of on-premises data source emr-sql (SqlServerDatabase) names no integration runtime (connectedVia), so it does not run on a self-hosted runtime that can reach the on-premises network",
	}}
}

test_runtimes_not_recorded_are_unknown if {
	i := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"dataSources": [{"name": "erp", "kind": "SapEcc", "host": "ecc.corp.example", "scans": [scan("nightly", "shir-dc1")]}]}}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "dataSources", 0, "scans", 0, "connectedVia", "referenceName"],
		"msg": "scan nightly of on-premises data source erp (SapEcc) runs on integration runtime shir-dc1, which the inventory does not record (spec.integrationRuntimes), so whether it is self-hosted cannot be confirmed",
	}}
}
