# METADATA
# title: HIPAA/HITRUST initiative is not assigned to a subscription holding PHI
# description: |
#   Defender for Cloud reports regulatory compliance only against the initiatives assigned
#   to a subscription. A subscription that holds protected health information needs the
#   built-in HITRUST/HIPAA initiative (or HITRUST CSF v11.3) assigned, or its gaps against
#   the HIPAA security rule are never assessed and never reach the compliance dashboard. A
#   subscription holds PHI when it is labelled so, or when it contains a resource labelled
#   data: phi.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/governance/policy/samples/hipaa-hitrust-9-2
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/update-regulatory-compliance-packages
# custom:
#   id: HLT-002
#   severity: medium
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Security in Microsoft Cloud for Healthcare: all aspects of your security and compliance program include your cloud infrastructure and data (Defender for Cloud assesses the subscription against the HIPAA/HITRUST standard)"
#   mcsb: [PV-2]
#   pack: healthcare
#   params:
#     initiativeIds:
#       default: [a169a624-5599-4385-a696-c8d643089fab, e0d47b75-5d99-442a-9d60-07f2595ab095]
#       description: Policy set definition IDs (the final GUID of policyDefinitionId) that satisfy the rule; the defaults are the built-in HITRUST/HIPAA and HITRUST CSF v11.3 initiatives.
#   remediation: In Defender for Cloud > Regulatory compliance > Manage compliance standards, add HITRUST/HIPAA (policy set a169a624-5599-4385-a696-c8d643089fab) or HITRUST CSF v11.3 (e0d47b75-5d99-442a-9d60-07f2595ab095) to the subscription, and record the assignment under spec.policyAssignments.
package steward.rules.healthcare.hipaa_initiative_not_assigned

import data.steward.lib

# The healthcare pack applies to documents holding PHI, or to every document when the
# tenant as a whole is labelled as holding PHI. The same test is repeated in every rule of
# the pack so that each file stands alone.
_phi_tenant if {
	some tenant in lib.docs("Tenant")
	lib.holds_phi(tenant)
}

_accepted := {lower(id) | some id in lib.param("HLT-002", "initiativeIds")}

# The names of the subscriptions holding PHI, decided once so that each outcome tests a
# name instead of calling helpers for every subscription. When the tenant holds PHI every
# subscription does, and the resources are not read at all.
_phi_subscriptions := object.keys(lib.docs("Subscription")) if {
	_phi_tenant
} else := _labelled_subscriptions | _subscriptions_of_phi_resources

# lib.holds_phi, inline: the label is read first, so that the many documents without one
# cost a reference instead of a function call.
_labelled_subscriptions := {name |
	some name, sub in lib.docs("Subscription")
	label := sub.metadata.labels.data
	lower(sprintf("%v", [label])) == "phi"
}

# The resources labelled as holding PHI (lib.holds_phi, inline as above); an array, so
# that no whole documents are compared.
_phi_resources := [res |
	some res in lib.docs("AzureResource")
	label := res.metadata.labels.data
	lower(sprintf("%v", [label])) == "phi"
]

# Subscription IDs (lower case) of those resources, read from the resource's ARM ID
# (/subscriptions/<id>/...) and from its subscriptionId field; built once so that each
# subscription is a set lookup.
_phi_subscription_ids := {sub_id |
	some res in _phi_resources
	parts := split(lower(res.spec.id), "/")
	parts[0] == ""
	parts[1] == "subscriptions"
	sub_id := parts[2]
} | {lower(sub_id) |
	some res in _phi_resources
	sub_id := res.spec.subscriptionId
}

_subscriptions_of_phi_resources := {name |
	ids := _phi_subscription_ids
	some name, sub in lib.docs("Subscription")
	lower(sub.spec.subscriptionId) in ids
}

_assigned(assignments, accepted) if {
	some assignment in assignments
	parts := split(lower(assignment.policyDefinitionId), "/")
	parts[count(parts) - 1] in accepted
}

deny contains lib.result(sub, ["spec", "policyAssignments"], msg) if {
	phi := _phi_subscriptions
	accepted := _accepted
	some name, sub in lib.docs("Subscription")
	name in phi
	assignments := object.get(sub, ["spec", "policyAssignments"], null)
	assignments != null
	not _assigned(assignments, accepted)
	msg := sprintf("%s, so this subscription holding PHI is not assessed against HIPAA", [_found(assignments)])
}

_found(assignments) := "there are no policy assignments" if count(assignments) == 0

_found(assignments) := sprintf("none of its policy assignments (%s) is the HITRUST/HIPAA or HITRUST CSF v11.3 initiative", [concat(", ", sort({a.name | some a in assignments}))]) if count(assignments) > 0

# object.get is lib.has's own test.
unknown contains lib.result(sub, ["spec", "policyAssignments"], msg) if {
	phi := _phi_subscriptions
	some name, sub in lib.docs("Subscription")
	name in phi
	object.get(sub, ["spec", "policyAssignments"], null) == null
	msg := "the inventory does not record the subscription's policy assignments (spec.policyAssignments), so the HIPAA/HITRUST initiative cannot be confirmed"
}
