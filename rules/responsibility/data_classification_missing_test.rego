package steward.rules.responsibility.data_classification_missing_test

import data.steward.rules.responsibility.data_classification_missing as rule

resource(name, type, spec) := {"kind": "AzureResource", "metadata": {"name": name}, "spec": object.union({"type": type}, spec)}

aws(stores) := {"kind": "CloudAccount", "metadata": {"name": "aws-research"}, "spec": {"provider": "AWS", "hierarchyIdentifier": "483920175566", "dataStores": stores}}

test_unclassified_stores_are_reported if {
	i := {"documents": {
		"AzureResource": {
			"stimaging": resource("stimaging", "Microsoft.Storage/storageAccounts", {}),
			"kv": resource("kv", "Microsoft.KeyVault/vaults", {}),
		},
		"OnPremDataStore": {"labfs": {"kind": "OnPremDataStore", "metadata": {"name": "labfs"}, "spec": {"engine": "FileShare"}}},
		"CloudAccount": {"aws-research": aws([
			{"type": "S3", "name": "genomics-raw", "dataClassification": "Confidential"},
			{"type": "RDS", "name": "lims"},
		])},
	}}
	r := rule.deny with input as i
	r == {
		{
			"resource": "AzureResource/stimaging",
			"path": ["spec", "dataClassification"],
			"msg": "the data store records no data classification (spec.dataClassification), so the protection its data needs cannot be judged",
		},
		{
			"resource": "OnPremDataStore/labfs",
			"path": ["spec", "dataClassification"],
			"msg": "the data store records no data classification (spec.dataClassification), so the protection its data needs cannot be judged",
		},
		{
			"resource": "CloudAccount/aws-research",
			"path": ["spec", "dataStores", 1, "dataClassification"],
			"msg": "data store RDS lims records no data classification (dataClassification), so the protection its data needs cannot be judged",
		},
	}
}

test_classified_stores_are_not_reported if {
	i := {"documents": {
		"AzureResource": {"sql": resource("sql", "Microsoft.Sql/servers", {"dataClassification": "Confidential"})},
		"OnPremDataStore": {"emr": {"kind": "OnPremDataStore", "metadata": {"name": "emr"}, "spec": {"dataClassification": "Highly Confidential"}}},
		"CloudAccount": {"aws-research": aws([{"type": "S3", "name": "genomics-raw", "dataClassification": "Confidential"}])},
	}}
	d := rule.deny with input as i
	count(d) == 0
}

test_accounts_without_stores_are_not_reported if {
	d := rule.deny with input as {"documents": {"CloudAccount": {"aws-research": aws([])}}}
	count(d) == 0
}

# The classification is the record the rule asks for, so its absence fails; there is no
# unknown outcome.
test_non_data_resources_are_not_judged if {
	d := rule.deny with input as {"documents": {"AzureResource": {"vm": resource("vm", "Microsoft.Compute/virtualMachines", {})}}}
	count(d) == 0
}
