package steward.rules.defender.defender_integrations_off_test

import data.steward.rules.defender.defender_integrations_off as rule

sub(spec) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": spec}}}}

test_integration_off_is_reported if {
	r := rule.deny with input as sub({"settings": {"MCAS": {"enabled": "False"}, "WDATP": {"enabled": true}}})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "settings", "MCAS", "enabled"],
		"msg": "the MCAS (Microsoft Defender for Cloud Apps) integration setting is off (enabled False)",
	}}
}

test_integrations_on_are_not_reported if {
	i := sub({"settings": {"MCAS": {"enabled": true}, "WDATP": {"enabled": "True"}, "Sentinel": {"enabled": false}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_settings_are_a_parameter if {
	i := sub({"settings": {"MCAS": {"enabled": true}, "WDATP": {"enabled": true}, "Sentinel": {"enabled": false}}})
	r := rule.deny with input as i with data.steward.params["DEF-014"].settings as ["MCAS", "WDATP", "Sentinel"]
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "settings", "Sentinel", "enabled"],
		"msg": "the Sentinel (Microsoft Sentinel alert sync) integration setting is off (enabled false)",
	}}
}

test_missing_settings_are_unknown if {
	i := sub({})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "settings"],
		"msg": "the inventory does not record the subscription's Defender for Cloud integration settings (Microsoft.Security/settings), so the MCAS (Microsoft Defender for Cloud Apps) and WDATP (Microsoft Defender for Endpoint) integrations cannot be confirmed",
	}}
}

test_missing_setting_is_unknown if {
	i := sub({"settings": {"MCAS": {"enabled": true}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "settings", "WDATP"],
		"msg": "the inventory does not record the WDATP (Microsoft Defender for Endpoint) integration setting (Microsoft.Security/settings/WDATP), so it cannot be confirmed",
	}}
}

test_integration_off_as_a_boolean_is_reported if {
	r := rule.deny with input as sub({"settings": {"MCAS": {"enabled": true}, "WDATP": {"enabled": false}}})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "settings", "WDATP", "enabled"],
		"msg": "the WDATP (Microsoft Defender for Endpoint) integration setting is off (enabled false)",
	}}
}
