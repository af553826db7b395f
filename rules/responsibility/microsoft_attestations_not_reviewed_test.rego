package steward.rules.responsibility.microsoft_attestations_not_reviewed_test

import data.steward.rules.responsibility.microsoft_attestations_not_reviewed as rule

# Tests run as of 2026-01-01 with the matrix of rules/responsibility.yaml.
tenant(spec) := {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}

vm := {"kind": "AzureResource", "metadata": {"name": "vm"}, "spec": {"type": "Microsoft.Compute/virtualMachines", "serviceModel": "iaas"}}

server := {"kind": "OnPremServer", "metadata": {"name": "app01"}, "spec": {"hostName": "app01.corp.example"}}

# The tenant itself is SaaS, so an estate with a tenant always relies on Microsoft.
estate(spec) := {"documents": {"Tenant": {"contoso": tenant(spec)}, "AzureResource": {"vm": vm}, "OnPremServer": {"app01": server}}}

review(date, models) := {"title": "Microsoft Azure SOC 2 Type 2 report", "source": "Service Trust Portal", "reviewedOn": date, "serviceModels": models}

test_stale_and_missing_reviews_are_reported if {
	i := estate({"attestationReviews": [
		review("2024-11-02", ["iaas"]),
		review("2023-05-20", ["iaas", "saas"]),
		review("2025-09-01", ["paas"]),
	]})
	r := rule.deny with input as i
	r == {
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "attestationReviews"],
			"msg": "the newest review of Microsoft's attestations covering iaas is from 2024-11-02, 425 days ago, more than the allowed 365",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "attestationReviews"],
			"msg": "the newest review of Microsoft's attestations covering saas is from 2023-05-20, 957 days ago, more than the allowed 365",
		},
	}
}

test_no_review_covering_a_model_is_reported if {
	r := rule.deny with input as estate({"attestationReviews": [review("2025-09-01", ["saas"])]})
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "attestationReviews"],
		"msg": "no review of Microsoft's attestations covers iaas, where Microsoft owns Physical datacenter, Physical hosts, Physical network",
	}}
}

test_recent_review_of_all_models_is_not_reported if {
	i := estate({"attestationReviews": [{"title": "Data Protection Addendum", "reviewedOn": "2025-06-30"}]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_max_days_is_a_parameter if {
	i := estate({"attestationReviews": [{"title": "SOC 2 Type 2", "reviewedOn": "2024-11-02"}]})
	d := rule.deny with input as i with data.steward.params["RSP-004"].maxDays as 730
	count(d) == 0
}

test_an_estate_entirely_on_premises_needs_no_review if {
	# A tenant declared on-premises (e.g. an Exchange Server organisation) relies on nothing Microsoft owns.
	i := {"documents": {"Tenant": {"contoso": tenant({"serviceModel": "onprem"})}, "OnPremServer": {"app01": server}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_reviews_not_recorded_are_unknown if {
	i := estate({"tenantId": "5f1c2a9e-3b7d-4e61-9a0f-2c8d4b6e7a10"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec"],
		"msg": "the inventory does not record reviews of Microsoft's attestations (spec.attestationReviews), which the estate relies on for iaas, saas",
	}}
}

# A document of a kind without a fixed service model (Azure resources, subscriptions)
# that declares none uses no model; one that declares a model uses it.
test_undeclared_models_of_kinds_without_a_fixed_model_need_no_review if {
	i := {"documents": {
		"Tenant": {"contoso": tenant({"serviceModel": "onprem"})},
		"AzureResource": {"vm": {"kind": "AzureResource", "metadata": {"name": "vm"}, "spec": {"type": "Microsoft.Compute/virtualMachines"}}},
	}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_declared_model_of_a_kind_without_a_fixed_model_is_reported if {
	i := {"documents": {
		"Tenant": {"contoso": tenant({"serviceModel": "onprem", "attestationReviews": []})},
		"AzureResource": {"vm": vm},
	}}
	r := rule.deny with input as i
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "attestationReviews"],
		"msg": "no review of Microsoft's attestations covers iaas, where Microsoft owns Physical datacenter, Physical hosts, Physical network",
	}}
}
