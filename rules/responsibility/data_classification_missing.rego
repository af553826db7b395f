# METADATA
# title: Data store records no data classification
# description: |
#   Customer data is the customer's responsibility in every service model, and how a store
#   must be protected depends on how sensitive its data is. A data store whose
#   classification (Public, General, Confidential or Highly Confidential, the default
#   Purview sensitivity labels) is not recorded cannot be held to the controls its data
#   needs, and health data in it may be treated as ordinary data.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/sensitivity-labels
# custom:
#   id: RSP-003
#   severity: medium
#   area: Customer data
#   kinds: [AzureResource, OnPremDataStore, CloudAccount]
#   guidance: "Understand Microsoft security: you own your data and are responsible for protecting it (data stored in the cloud, hybrid and on-premises is classified and cataloged)"
#   mcsb: [DP-1]
#   remediation: Record the sensitivity of the data held as spec.dataClassification (Public, General, Confidential or Highly Confidential) on the Azure resource or on-premises data store, or as dataClassification on each entry of a cloud account's spec.dataStores, using the result of the Purview scan where one exists.
package steward.rules.responsibility.data_classification_missing

import data.steward.lib

_unclassified := "the data store records no data classification (spec.dataClassification), so the protection its data needs cannot be judged"

# The Azure data stores (lib.is_data_store) are taken from the index of resources by
# type rather than by testing every resource. object.get is lib.has's own test.
deny contains lib.result(doc, ["spec", "dataClassification"], _unclassified) if {
	resources := lib.docs("AzureResource")
	some type in lib.azure_data_store_types
	some name in lib.azure_by_type[type]
	doc := resources[name]
	object.get(doc, ["spec", "dataClassification"], null) == null
}

# Every on-premises data store is a data store.
deny contains lib.result(doc, ["spec", "dataClassification"], _unclassified) if {
	some doc in lib.docs("OnPremDataStore")
	object.get(doc, ["spec", "dataClassification"], null) == null
}

deny contains lib.result(cloud, ["spec", "dataStores", i, "dataClassification"], msg) if {
	some cloud in lib.docs("CloudAccount")
	some i, store in cloud.spec.dataStores
	object.get(store, ["dataClassification"], null) == null
	msg := sprintf("data store %s %s records no data classification (dataClassification), so the protection its data needs cannot be judged", [store.type, store.name])
}
