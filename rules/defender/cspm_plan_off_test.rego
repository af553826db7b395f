package steward.rules.defender.cspm_plan_off_test

import data.steward.rules.defender.cspm_plan_off as rule

sub(spec) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": spec}}}}

test_free_cspm_is_reported if {
	r := rule.deny with input as sub({"pricings": {"CloudPosture": {"pricingTier": "Free"}}})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "CloudPosture", "pricingTier"],
		"msg": "the Defender CSPM plan (CloudPosture) is on the Free tier, not Standard",
	}}
}

test_standard_cspm_is_not_reported if {
	i := sub({"pricings": {"CloudPosture": {"pricingTier": "Standard"}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_pricing_is_unknown if {
	i := sub({"pricings": {"VirtualMachines": {"pricingTier": "Standard"}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings"],
		"msg": "the inventory does not record the CloudPosture pricing (Microsoft.Security/pricings), so Defender CSPM coverage cannot be confirmed",
	}}
}
