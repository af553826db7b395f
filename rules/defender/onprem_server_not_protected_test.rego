package steward.rules.defender.onprem_server_not_protected_test

import data.steward.rules.defender.onprem_server_not_protected as rule

sub_id := "7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31"

arc_id := sprintf("/subscriptions/%s/resourceGroups/rg-arc/providers/Microsoft.HybridCompute/machines/emr-app01", [upper(sub_id)])

server(spec) := {"kind": "OnPremServer", "metadata": {"name": "emr-app01"}, "spec": spec}

subscription(pricings) := {"kind": "Subscription", "metadata": {"name": "clinical"}, "spec": {"subscriptionId": sub_id, "pricings": pricings}}

estate(spec, pricings) := {"documents": {
	"OnPremServer": {"emr-app01": server(spec)},
	"Subscription": {"clinical": subscription(pricings)},
}}

servers_on := {"VirtualMachines": {"pricingTier": "Standard", "subPlan": "P2"}}

test_server_without_arc_is_reported if {
	r := rule.deny with input as estate({"hostName": "emr-app01.corp.example"}, servers_on)
	r == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine"],
		"msg": "the server is not onboarded to Azure Arc (no arcMachine), so Defender for Cloud neither assesses nor protects it",
	}}
}

test_disconnected_agent_is_reported if {
	r := rule.deny with input as estate({"arcMachine": {"resourceId": arc_id, "status": "Disconnected"}}, servers_on)
	r == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "status"],
		"msg": "the server's Azure Arc agent is Disconnected, so Defender for Cloud receives nothing from it",
	}}
}

test_free_servers_plan_is_reported if {
	r := rule.deny with input as estate({"arcMachine": {"resourceId": arc_id, "status": "Connected"}}, {"VirtualMachines": {"pricingTier": "Free"}})
	r == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": "the server's Arc machine is in subscription clinical (7D2F4C1A-8E3B-4F6D-A1C9-0B5E2D7F8A31), whose Defender for Servers plan (VirtualMachines) is on the Free tier",
	}}
}

test_free_plan_of_any_subscription_with_the_id_is_reported if {
	legacy := {"kind": "Subscription", "metadata": {"name": "clinical-legacy"}, "spec": {"subscriptionId": upper(sub_id), "pricings": {"VirtualMachines": {"pricingTier": "Free"}}}}
	i := {"documents": {
		"OnPremServer": {"emr-app01": server({"arcMachine": {"resourceId": arc_id, "status": "Connected"}})},
		"Subscription": {"clinical": subscription(servers_on), "clinical-legacy": legacy},
	}}
	r := rule.deny with input as i
	r == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": "the server's Arc machine is in subscription clinical-legacy (7D2F4C1A-8E3B-4F6D-A1C9-0B5E2D7F8A31), whose Defender for Servers plan (VirtualMachines) is on the Free tier",
	}}
}

test_connected_and_covered_server_is_not_reported if {
	i := estate({"arcMachine": {"resourceId": arc_id, "status": "Connected"}}, servers_on)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_status_is_unknown if {
	i := estate({"arcMachine": {"resourceId": arc_id}}, servers_on)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "status"],
		"msg": "the inventory does not record the Azure Arc agent status (arcMachine.status), so whether the server is connected cannot be confirmed",
	}}
}

test_subscription_outside_the_inventory_is_unknown if {
	other := "/subscriptions/0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b/resourceGroups/rg-arc/providers/Microsoft.HybridCompute/machines/emr-app01"
	i := estate({"arcMachine": {"resourceId": other, "status": "Connected"}}, servers_on)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": "the server's Arc machine is in subscription 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b, which is not in the inventory, so its Defender for Servers plan cannot be confirmed",
	}}
}

test_missing_servers_pricing_is_unknown if {
	i := estate({"arcMachine": {"resourceId": arc_id, "status": "Connected"}}, {"CloudPosture": {"pricingTier": "Standard"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": "the inventory does not record the VirtualMachines pricing of subscription clinical (7D2F4C1A-8E3B-4F6D-A1C9-0B5E2D7F8A31), so Defender for Servers coverage of the server cannot be confirmed",
	}}
}

test_resource_id_without_subscription_is_unknown if {
	i := estate({"arcMachine": {"resourceId": "emr-app01", "status": "Connected"}}, servers_on)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": "the Arc machine resource ID \"emr-app01\" names no subscription, so the Defender for Servers plan that covers the server cannot be found",
	}}
}

test_capitalised_subscriptions_segment_names_the_subscription if {
	arc := {"resourceId": sprintf("/Subscriptions/%s/resourceGroups/rg-arc", [sub_id]), "status": "Connected"}
	r := rule.deny with input as estate({"arcMachine": arc}, {"VirtualMachines": {"pricingTier": "Free"}})
	r == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": "the server's Arc machine is in subscription clinical (7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31), whose Defender for Servers plan (VirtualMachines) is on the Free tier",
	}}
}

test_subscription_id_outside_the_subscriptions_segment_is_unknown if {
	# The third segment matches a subscription on the Free tier, but the second is not
	# "subscriptions": the ID names no subscription.
	arc := {"resourceId": sprintf("/resourceGroups/%s/machines", [sub_id]), "status": "Connected"}
	i := estate({"arcMachine": arc}, {"VirtualMachines": {"pricingTier": "Free"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/emr-app01",
		"path": ["spec", "arcMachine", "resourceId"],
		"msg": sprintf("the Arc machine resource ID %q names no subscription, so the Defender for Servers plan that covers the server cannot be found", [arc.resourceId]),
	}}
}
