package steward.rules.responsibility.owner_missing_test

import data.steward.rules.responsibility.owner_missing as rule

test_missing_and_blank_owners_are_reported if {
	i := {"documents": {
		"AzureResource": {"stgenomicsdata": {"kind": "AzureResource", "metadata": {"name": "stgenomicsdata"}, "spec": {"type": "Microsoft.Storage/storageAccounts"}}},
		"OnPremServer": {"lab01": {"kind": "OnPremServer", "metadata": {"name": "lab01", "owner": "  "}, "spec": {}}},
		"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "owner": "security-operations"}, "spec": {}}},
	}}
	r := rule.deny with input as i
	r == {
		{
			"resource": "AzureResource/stgenomicsdata",
			"path": ["metadata", "owner"],
			"msg": "the document names no accountable owner team (metadata.owner), so its findings are routed to no one",
		},
		{
			"resource": "OnPremServer/lab01",
			"path": ["metadata", "owner"],
			"msg": "the document's owner team (metadata.owner) is blank, so its findings are routed to no one",
		},
	}
}

test_owned_documents_are_not_reported if {
	i := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv", "owner": "data-governance"}, "spec": {}}}}}
	d := rule.deny with input as i
	count(d) == 0
}

# The owner is the evidence the rule looks for, so its absence fails; there is no
# unknown outcome.
test_empty_estate_judges_nothing if {
	d := rule.deny with input as {"documents": {}}
	count(d) == 0
}
