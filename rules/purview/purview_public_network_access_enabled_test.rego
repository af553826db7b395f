package steward.rules.purview.purview_public_network_access_enabled_test

import data.steward.rules.purview.purview_public_network_access_enabled as rule

account(spec) := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": spec}}}}

test_enabled_is_reported if {
	r := rule.deny with input as account({"publicNetworkAccess": "Enabled"})
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "publicNetworkAccess"],
		"msg": "public network access to the Purview account is Enabled, not Disabled, so its endpoints are not limited to private endpoints",
	}}
}

test_not_specified_is_reported if {
	r := rule.deny with input as account({"publicNetworkAccess": "NotSpecified"})
	count(r) == 1
}

test_disabled_is_not_reported if {
	i := account({"publicNetworkAccess": "Disabled"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_setting_is_unknown if {
	i := account({"dataSources": []})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec"],
		"msg": "the inventory does not record the Purview account's publicNetworkAccess, so its network exposure cannot be confirmed",
	}}
}
