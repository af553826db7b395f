package steward.rules.responsibility.service_model_not_declared_test

import data.steward.rules.responsibility.service_model_not_declared as rule

doc(kind, name, spec) := {"kind": kind, "metadata": {"name": name, "owner": "cloud-platform"}, "spec": spec}

test_variable_kinds_without_a_model_are_reported if {
	i := {"documents": {
		"Subscription": {"dev": doc("Subscription", "dev", {"subscriptionId": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"})},
		"AzureResource": {"vm": doc("AzureResource", "vm", {"type": "Microsoft.Compute/virtualMachines"})},
		"CloudAccount": {"aws": doc("CloudAccount", "aws", {"provider": "AWS", "hierarchyIdentifier": "219384756102", "serviceModel": "iaas"})},
	}}
	r := rule.deny with input as i
	r == {
		{
			"resource": "Subscription/dev",
			"path": ["spec", "serviceModel"],
			"msg": "kind Subscription has no fixed service model and this document declares none (spec.serviceModel), so who owns each responsibility area for it cannot be resolved",
		},
		{
			"resource": "AzureResource/vm",
			"path": ["spec", "serviceModel"],
			"msg": "kind AzureResource has no fixed service model and this document declares none (spec.serviceModel), so who owns each responsibility area for it cannot be resolved",
		},
	}
}

test_fixed_model_kinds_need_not_declare_one if {
	i := {"documents": {
		"Tenant": {"contoso": doc("Tenant", "contoso", {})},
		"OnPremServer": {"app01": doc("OnPremServer", "app01", {"hostName": "app01.corp.example"})},
		"PurviewAccount": {"pv": doc("PurviewAccount", "pv", {"serviceModel": "paas"})},
		"AzureResource": {"st": doc("AzureResource", "st", {"type": "Microsoft.Storage/storageAccounts", "serviceModel": "paas"})},
	}}
	d := rule.deny with input as i
	count(d) == 0
}

# The declaration is itself the evidence the rule looks for, so its absence fails rather
# than being unknown; the rule defines no unknown results.
test_empty_estate_judges_nothing if {
	d := rule.deny with input as {"documents": {}}
	count(d) == 0
}

test_only_kinds_without_a_fixed_model_are_judged if {
	i := {"documents": {
		"Tenant": {"contoso": doc("Tenant", "contoso", {})},
		"OnPremServer": {"app01": doc("OnPremServer", "app01", {"serviceModel": "onprem"})},
	}}
	r := rule.deny with input as i with data.steward.kindServiceModels as {"OnPremServer": "onprem"}
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "serviceModel"],
		"msg": "kind Tenant has no fixed service model and this document declares none (spec.serviceModel), so who owns each responsibility area for it cannot be resolved",
	}}
}
