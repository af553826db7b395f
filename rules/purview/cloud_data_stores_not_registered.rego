# METADATA
# title: AWS or GCP data stores are not registered in Microsoft Purview
# description: |
#   The guidance asks for data in every cloud, not only Azure, to be classified and
#   catalogued. Purview scans Amazon S3 through a multicloud connector once the AWS account
#   is registered as an AmazonAccount source (or its buckets as AmazonS3 sources). A cloud
#   account that holds data stores but has no such source is outside the catalogue.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/register-scan-amazon-s3
# custom:
#   id: PUR-003
#   severity: high
#   area: Customer data
#   kinds: [CloudAccount]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (data stored in the cloud, hybrid and on-premises is classified and cataloged)"
#   mcsb: [DP-1, AM-1]
#   remediation: In the Purview Data Map register the AWS account as an Amazon account source (or each bucket as an Amazon S3 source) with the account's 12-digit ID, scan it with a role ARN credential, and record the source under the PurviewAccount's spec.dataSources with kind AmazonAccount or AmazonS3 and awsAccountId.
package steward.rules.purview.cloud_data_stores_not_registered

import data.steward.lib

_accounts := lib.docs("PurviewAccount")

_aws_source_kinds := {"AmazonAccount", "AmazonS3"}

_registered_aws := {source.awsAccountId |
	some account in _accounts
	some source in account.spec.dataSources
	source.kind in _aws_source_kinds
}

_sources_recorded if {
	some account in _accounts
	lib.has(account, ["spec", "dataSources"])
}

_holding(cloud) if count(lib.get(cloud, ["spec", "dataStores"], [])) > 0

_store_list(cloud) := concat(", ", sort([sprintf("%s %s", [s.type, s.name]) | some s in cloud.spec.dataStores]))

deny contains lib.result(cloud, ["spec", "dataStores"], msg) if {
	count(_accounts) == 0
	some cloud in lib.docs("CloudAccount")
	_holding(cloud)
	msg := sprintf("no Microsoft Purview account exists, so the data stores of %s %s (%s) are not catalogued or classified", [cloud.spec.provider, cloud.spec.hierarchyIdentifier, _store_list(cloud)])
}

deny contains lib.result(cloud, ["spec", "dataStores"], msg) if {
	_sources_recorded
	some cloud in lib.docs("CloudAccount")
	cloud.spec.provider == "AWS"
	_holding(cloud)
	not cloud.spec.hierarchyIdentifier in _registered_aws
	msg := sprintf("AWS account %s holds data stores (%s) but no Purview AmazonAccount or AmazonS3 data source has awsAccountId %s", [cloud.spec.hierarchyIdentifier, _store_list(cloud), cloud.spec.hierarchyIdentifier])
}

unknown contains lib.result(cloud, ["spec"], msg) if {
	count(_accounts) > 0
	not _sources_recorded
	some cloud in lib.docs("CloudAccount")
	_holding(cloud)
	msg := "the inventory records no Purview data sources (spec.dataSources of a PurviewAccount), so registration of this account's data stores cannot be confirmed"
}

# Purview data sources carry an AWS account ID but no GCP project field, so a GCP
# project cannot be matched to a source from the inventory.
unknown contains lib.result(cloud, ["spec", "dataStores"], msg) if {
	_sources_recorded
	some cloud in lib.docs("CloudAccount")
	cloud.spec.provider != "AWS"
	_holding(cloud)
	msg := sprintf("%s project %s holds data stores (%s), and the inventory cannot tie a Purview data source to a %s project, so its registration cannot be confirmed", [cloud.spec.provider, cloud.spec.hierarchyIdentifier, _store_list(cloud), cloud.spec.provider])
}
