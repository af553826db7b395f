package steward.rules.purview.purview_account_missing_test

import data.steward.rules.purview.purview_account_missing as rule

tenant := {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": {"tenantId": "5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10"}}

account := {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": {"publicNetworkAccess": "Disabled"}}

test_no_purview_account_is_reported if {
	r := rule.deny with input as {"documents": {"Tenant": {"contoso": tenant}}}
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec"],
		"msg": "the inventory records no Microsoft Purview account, so no data in the estate is catalogued or classified",
	}}
}

test_an_empty_purview_kind_is_reported if {
	r := rule.deny with input as {"documents": {"Tenant": {"contoso": tenant}, "PurviewAccount": {}}}
	count(r) == 1
}

test_a_purview_account_is_not_reported if {
	i := {"documents": {"Tenant": {"contoso": tenant}, "PurviewAccount": {"pv": account}}}
	d := rule.deny with input as i
	count(d) == 0
}

# The rule needs no evidence beyond the documents themselves, so it has no unknown
# outcome: an estate without a tenant simply has nothing to judge.
test_no_tenant_judges_nothing if {
	d := rule.deny with input as {"documents": {}}
	count(d) == 0
}
