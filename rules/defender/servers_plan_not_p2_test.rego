package steward.rules.defender.servers_plan_not_p2_test

import data.steward.rules.defender.servers_plan_not_p2 as rule

sub(pricings) := {"documents": {"Subscription": {"research": {"kind": "Subscription", "metadata": {"name": "research"}, "spec": {"pricings": pricings}}}}}

test_plan_1_is_reported if {
	r := rule.deny with input as sub({"VirtualMachines": {"pricingTier": "Standard", "subPlan": "P1"}})
	r == {{
		"resource": "Subscription/research",
		"path": ["spec", "pricings", "VirtualMachines", "subPlan"],
		"msg": "Defender for Servers is on sub-plan P1, not P2",
	}}
}

test_plan_2_is_not_reported if {
	i := sub({"VirtualMachines": {"pricingTier": "Standard", "subPlan": "P2"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_free_tier_is_left_to_other_rules if {
	i := sub({"VirtualMachines": {"pricingTier": "Free"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_sub_plan_is_a_parameter if {
	d := rule.deny with input as sub({"VirtualMachines": {"pricingTier": "Standard", "subPlan": "P1"}})
		with data.steward.params["DEF-004"].subPlan as "P1"
	count(d) == 0
}

test_missing_pricing_is_unknown if {
	i := sub({"CloudPosture": {"pricingTier": "Standard"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/research",
		"path": ["spec", "pricings", "VirtualMachines"],
		"msg": "the inventory does not record the VirtualMachines pricing (Microsoft.Security/pricings), so the Defender for Servers plan cannot be confirmed",
	}}
}

test_missing_sub_plan_is_unknown if {
	i := sub({"VirtualMachines": {"pricingTier": "Standard"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/research",
		"path": ["spec", "pricings", "VirtualMachines", "subPlan"],
		"msg": "the VirtualMachines plan is Standard but the inventory does not record its subPlan (P1 or P2)",
	}}
}
