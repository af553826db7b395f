package steward.rules.defender.workload_plan_off_test

import data.steward.rules.defender.workload_plan_off as rule

sub_id := "7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31"

resource(name, type) := {"kind": "AzureResource", "metadata": {"name": name}, "spec": {
	"type": type,
	"id": sprintf("/subscriptions/%s/resourceGroups/rg/providers/%s/%s", [upper(sub_id), type, name]),
}}

resources := {
	"vm-01": resource("vm-01", "Microsoft.Compute/virtualMachines"),
	"stdata": resource("stdata", "Microsoft.Storage/storageAccounts"),
	"stlogs": resource("stlogs", "microsoft.storage/storageaccounts"),
	"ahds": resource("ahds", "Microsoft.HealthcareApis/workspaces"),
}

estate(spec) := {"documents": {
	"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": spec}},
	"AzureResource": resources,
}}

pricings(vm, storage) := {"VirtualMachines": {"pricingTier": vm}, "StorageAccounts": {"pricingTier": storage}}

test_free_plan_for_present_resources_is_reported if {
	r := rule.deny with input as estate({"subscriptionId": sub_id, "pricings": pricings("Standard", "Free")})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts", "pricingTier"],
		"msg": "the StorageAccounts plan is on the Free tier, but the subscription holds resources it protects (stdata, stlogs), which get no Defender threat detection",
	}}
}

test_every_plan_on_is_not_reported if {
	i := estate({"subscriptionId": sub_id, "pricings": pricings("Standard", "Standard")})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_free_plan_for_absent_resource_types_is_not_reported if {
	spec := {"subscriptionId": sub_id, "pricings": object.union(pricings("Standard", "Standard"), {"SqlServers": {"pricingTier": "Free"}})}
	d := rule.deny with input as estate(spec)
	count(d) == 0
}

test_resources_of_another_subscription_are_not_counted if {
	i := estate({"subscriptionId": "0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b", "pricings": pricings("Free", "Free")})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_subscription_id_field_is_used_when_the_arm_id_is_missing if {
	vm := {"kind": "AzureResource", "metadata": {"name": "vm-02"}, "spec": {"type": "Microsoft.Compute/virtualMachines", "subscriptionId": sub_id}}
	i := {"documents": {
		"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"subscriptionId": sub_id, "pricings": pricings("Free", "Free")}}},
		"AzureResource": {"vm-02": vm},
	}}
	r := rule.deny with input as i
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "VirtualMachines", "pricingTier"],
		"msg": "the VirtualMachines plan is on the Free tier, but the subscription holds resources it protects (vm-02), which get no Defender threat detection",
	}}
}

test_many_resources_are_summarised if {
	vms := {name: resource(name, "Microsoft.Compute/virtualMachines") | some n in numbers.range(1, 7); name := sprintf("vm-%d", [n])}
	i := {"documents": {
		"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"subscriptionId": sub_id, "pricings": pricings("Free", "Standard")}}},
		"AzureResource": vms,
	}}
	r := rule.deny with input as i
	some f in r
	f.msg == "the VirtualMachines plan is on the Free tier, but the subscription holds resources it protects (7 resources, among them vm-1, vm-2, vm-3, vm-4, vm-5), which get no Defender threat detection"
}

test_plan_mapping_is_a_parameter if {
	i := estate({"subscriptionId": sub_id, "pricings": pricings("Standard", "Standard")})
	d := rule.deny with input as i with data.steward.params["DEF-002"].plans as {"Microsoft.HealthcareApis/workspaces": "VirtualMachines"}
	count(d) == 0
	u := rule.unknown with input as i with data.steward.params["DEF-002"].plans as {"Microsoft.HealthcareApis/workspaces": "Api"}
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "Api"],
		"msg": "the inventory does not record the Api pricing (Microsoft.Security/pricings), so Defender coverage of ahds cannot be confirmed",
	}}
}

test_missing_pricing_is_unknown if {
	i := estate({"subscriptionId": sub_id, "pricings": {"VirtualMachines": {"pricingTier": "Standard"}}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "StorageAccounts"],
		"msg": "the inventory does not record the StorageAccounts pricing (Microsoft.Security/pricings), so Defender coverage of stdata, stlogs cannot be confirmed",
	}}
}

test_missing_subscription_id_is_unknown if {
	i := estate({"pricings": pricings("Free", "Free")})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "subscriptionId"],
		"msg": "the inventory does not record the subscription ID (spec.subscriptionId), so the resources it holds, and the plans they need, cannot be determined",
	}}
}

test_missing_pricing_for_many_resources_is_unknown if {
	vms := {name: resource(name, "Microsoft.Compute/virtualMachines") | some n in numbers.range(1, 7); name := sprintf("vm-%d", [n])}
	i := {"documents": {
		"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"subscriptionId": sub_id, "pricings": {}}}},
		"AzureResource": vms,
	}}
	u := rule.unknown with input as i
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "pricings", "VirtualMachines"],
		"msg": "the inventory does not record the VirtualMachines pricing (Microsoft.Security/pricings), so Defender coverage of 7 resources, among them vm-1, vm-2, vm-3, vm-4, vm-5 cannot be confirmed",
	}}
}

test_resources_without_a_subscription_in_their_arm_id_are_not_counted if {
	# The ARM ID decides when it is recorded, even if spec.subscriptionId names the subscription.
	spec := {"type": "Microsoft.Compute/virtualMachines", "subscriptionId": sub_id}
	tenant_level := {"kind": "AzureResource", "metadata": {"name": "vm-03"}, "spec": object.union(spec, {"id": "/providers/Microsoft.Compute/virtualMachines/vm-03"})}
	truncated := {"kind": "AzureResource", "metadata": {"name": "vm-04"}, "spec": object.union(spec, {"id": "/subscriptions"})}
	i := {"documents": {
		"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"subscriptionId": sub_id, "pricings": pricings("Free", "Free")}}},
		"AzureResource": {"vm-03": tenant_level, "vm-04": truncated},
	}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}
