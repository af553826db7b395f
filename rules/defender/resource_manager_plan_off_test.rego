package steward.rules.defender.resource_manager_plan_off_test

import data.steward.rules.defender.resource_manager_plan_off as rule

sub(pricings) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"pricings": pricings}}}}}

test_free_arm_plan_is_reported if {
	r := rule.deny with input as sub({"Arm": {"pricingTier": "Free"}})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "Arm", "pricingTier"],
		"msg": "the Defender for Resource Manager plan (Arm) is on the Free tier, so suspicious management operations on the subscription raise no alert",
	}}
}

test_standard_arm_plan_is_not_reported if {
	i := sub({"Arm": {"pricingTier": "Standard", "subPlan": "PerApiCall"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_arm_pricing_is_unknown if {
	i := sub({"VirtualMachines": {"pricingTier": "Standard"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "Arm"],
		"msg": "the inventory does not record the Arm pricing (Microsoft.Security/pricings), so Defender for Resource Manager coverage cannot be confirmed",
	}}
}
