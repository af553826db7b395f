package steward.rules.purview.cloud_data_stores_not_registered_test

import data.steward.rules.purview.cloud_data_stores_not_registered as rule

aws(stores) := {"kind": "CloudAccount", "metadata": {"name": "aws-research"}, "spec": {
	"provider": "AWS",
	"hierarchyIdentifier": "483920175566",
	"dataStores": stores,
}}

gcp := {"kind": "CloudAccount", "metadata": {"name": "gcp-analytics"}, "spec": {
	"provider": "GCP",
	"hierarchyIdentifier": "914802733615",
	"dataStores": [{"type": "BigQuery", "name": "claims"}],
}}

bucket := {"type": "S3", "name": "contoso-genomics-raw"}

purview(sources) := {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"dataSources": sources}}

estate(cloud, account) := {"documents": {"CloudAccount": {cloud.metadata.name: cloud}, "PurviewAccount": {"pv": account}}}

test_unregistered_aws_account_is_reported if {
	other := {"name": "aws-marketing", "kind": "AmazonAccount", "awsAccountId": "219384756102"}
	r := rule.deny with input as estate(aws([bucket]), purview([other]))
	r == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "dataStores"],
		"msg": "AWS account 483920175566 holds data stores (S3 contoso-genomics-raw) but no Purview AmazonAccount or AmazonS3 data source has awsAccountId 483920175566",
	}}
}

test_a_source_of_another_kind_does_not_count if {
	wrong := {"name": "aws", "kind": "AzureStorage", "awsAccountId": "483920175566"}
	r := rule.deny with input as estate(aws([bucket]), purview([wrong]))
	count(r) == 1
}

test_no_purview_account_is_reported if {
	r := rule.deny with input as {"documents": {"CloudAccount": {"aws-research": aws([bucket, {"type": "RDS", "name": "lims"}])}}}
	r == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "dataStores"],
		"msg": "no Microsoft Purview account exists, so the data stores of AWS 483920175566 (RDS lims, S3 contoso-genomics-raw) are not catalogued or classified",
	}}
}

registered(kind) := estate(aws([bucket]), purview([{"name": "aws-research", "kind": kind, "awsAccountId": "483920175566"}]))

test_registered_account_or_bucket_is_not_reported if {
	every kind in ["AmazonAccount", "AmazonS3"] {
		d := rule.deny with input as registered(kind)
		u := rule.unknown with input as registered(kind)
		count(d) + count(u) == 0
	}
}

test_account_without_data_stores_is_not_reported if {
	no_stores := {"kind": "CloudAccount", "metadata": {"name": "aws-marketing"}, "spec": {"provider": "AWS", "hierarchyIdentifier": "219384756102"}}
	every cloud in [aws([]), no_stores] {
		d := rule.deny with input as {"documents": {"CloudAccount": {"x": cloud}}}
		u := rule.unknown with input as {"documents": {"CloudAccount": {"x": cloud}}}
		count(d) + count(u) == 0
	}
}

test_sources_not_recorded_are_unknown if {
	i := estate(aws([bucket]), {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec"],
		"msg": "the inventory records no Purview data sources (spec.dataSources of a PurviewAccount), so registration of this account's data stores cannot be confirmed",
	}}
}

test_gcp_project_is_unknown if {
	i := estate(gcp, purview([]))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/gcp-analytics",
		"path": ["spec", "dataStores"],
		"msg": "GCP project 914802733615 holds data stores (BigQuery claims), and the inventory cannot tie a Purview data source to a GCP project, so its registration cannot be confirmed",
	}}
}
