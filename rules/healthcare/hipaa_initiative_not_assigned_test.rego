package steward.rules.healthcare.hipaa_initiative_not_assigned_test

import data.steward.rules.healthcare.hipaa_initiative_not_assigned as rule

sub_id := "7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31"

hipaa := {"name": "hipaa-hitrust", "policyDefinitionId": "/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab"}

hitrust := {"name": "hitrust-11-3", "policyDefinitionId": "/providers/Microsoft.Authorization/policySetDefinitions/E0D47B75-5D99-442A-9D60-07F2595AB095"}

mcsb := {"name": "mcsb", "policyDefinitionId": "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"}

sub(labels, spec) := {"kind": "Subscription", "metadata": {"name": "clinical", "labels": labels}, "spec": object.union({"subscriptionId": sub_id}, spec)}

records(labels) := {"kind": "AzureResource", "metadata": {"name": "records", "labels": labels}, "spec": {
	"type": "Microsoft.Storage/storageAccounts",
	"id": sprintf("/subscriptions/%s/resourceGroups/rg-clinical/providers/Microsoft.Storage/storageAccounts/records", [upper(sub_id)]),
}}

estate(s, r) := {"documents": {"Subscription": {"clinical": s}, "AzureResource": {"records": r}}}

phi := {"data": "phi"}

test_phi_subscription_without_initiative_is_reported if {
	r := rule.deny with input as estate(sub(phi, {"policyAssignments": [mcsb]}), records({}))
	r == {{
		"resource": "Subscription/clinical",
		"path": ["spec", "policyAssignments"],
		"msg": "none of its policy assignments (mcsb) is the HITRUST/HIPAA or HITRUST CSF v11.3 initiative, so this subscription holding PHI is not assessed against HIPAA",
	}}
}

test_subscription_with_a_phi_resource_holds_phi if {
	r := rule.deny with input as estate(sub({}, {"policyAssignments": []}), records(phi))
	r == {{
		"resource": "Subscription/clinical",
		"path": ["spec", "policyAssignments"],
		"msg": "there are no policy assignments, so this subscription holding PHI is not assessed against HIPAA",
	}}
}

test_phi_resource_found_by_its_subscription_id_field if {
	res := {"kind": "AzureResource", "metadata": {"name": "records", "labels": phi}, "spec": {"type": "Microsoft.Sql/servers", "subscriptionId": sub_id}}
	r := rule.deny with input as estate(sub({}, {"policyAssignments": []}), res)
	count(r) == 1
}

test_either_initiative_is_not_reported if {
	every assignment in [hipaa, hitrust] {
		i := estate(sub(phi, {"policyAssignments": [mcsb, assignment]}), records(phi))
		d := rule.deny with input as i
		u := rule.unknown with input as i
		count(d) + count(u) == 0
	}
}

test_subscription_without_phi_is_out_of_scope if {
	other := {"kind": "AzureResource", "metadata": {"name": "records", "labels": phi}, "spec": {"type": "Microsoft.Storage/storageAccounts", "id": "/subscriptions/0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/other"}}
	i := estate(sub({}, {}), other)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_accepted_initiatives_are_a_parameter if {
	i := estate(sub(phi, {"policyAssignments": [mcsb]}), records({}))
	d := rule.deny with input as i with data.steward.params["HLT-002"].initiativeIds as ["1f3afdf9-d0c9-4c3d-847f-89da613e70a8"]
	count(d) == 0
}

test_missing_policy_assignments_are_unknown if {
	i := estate(sub(phi, {}), records({}))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/clinical",
		"path": ["spec", "policyAssignments"],
		"msg": "the inventory does not record the subscription's policy assignments (spec.policyAssignments), so the HIPAA/HITRUST initiative cannot be confirmed",
	}}
}

# A tenant labelled as holding PHI brings every subscription into scope, without reading
# labels or resources.
phi_tenant := {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}

test_subscription_of_a_phi_tenant_without_initiative_is_reported if {
	i := {"documents": {"Tenant": {"contoso": phi_tenant}, "Subscription": {"clinical": sub({}, {"policyAssignments": [mcsb]})}}}
	r := rule.deny with input as i
	r == {{
		"resource": "Subscription/clinical",
		"path": ["spec", "policyAssignments"],
		"msg": "none of its policy assignments (mcsb) is the HITRUST/HIPAA or HITRUST CSF v11.3 initiative, so this subscription holding PHI is not assessed against HIPAA",
	}}
}

test_subscription_of_a_phi_tenant_with_initiative_is_not_reported if {
	i := {"documents": {"Tenant": {"contoso": phi_tenant}, "Subscription": {"clinical": sub({}, {"policyAssignments": [hipaa]})}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_policy_assignments_of_a_phi_tenant_are_unknown if {
	i := {"documents": {"Tenant": {"contoso": phi_tenant}, "Subscription": {"clinical": sub({}, {})}}}
	u := rule.unknown with input as i
	u == {{
		"resource": "Subscription/clinical",
		"path": ["spec", "policyAssignments"],
		"msg": "the inventory does not record the subscription's policy assignments (spec.policyAssignments), so the HIPAA/HITRUST initiative cannot be confirmed",
	}}
}

# Labels compare without case; a label that is not the string phi holds no PHI.
test_upper_case_phi_label_is_reported if {
	r := rule.deny with input as estate(sub({"data": "PHI"}, {"policyAssignments": []}), records({}))
	count(r) == 1
}

test_other_data_labels_are_not_reported if {
	every labels in [{"data": "internal"}, {"data": 1}, {"environment": "phi"}] {
		i := estate(sub(labels, {}), records(labels))
		d := rule.deny with input as i
		u := rule.unknown with input as i
		count(d) + count(u) == 0
	}
}
