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

_in_scope(doc) if lib.holds_phi(doc)

_in_scope(_) if _phi_tenant

_accepted := {lower(id) | some id in lib.param("HLT-002", "initiativeIds")}

# Subscription IDs (lower case) of every resource labelled as holding PHI, read from the
# resource's ARM ID (/subscriptions/<id>/...) and from its subscriptionId field; built once
# so that each subscription is a set lookup.
_phi_subscription_ids := {sub_id |
	some res in lib.docs("AzureResource")
	lib.holds_phi(res)
	some sub_id in _subscription_ids(res)
}

_subscription_ids(res) := {sub_id |
	parts := split(lower(res.spec.id), "/")
	parts[0] == ""
	parts[1] == "subscriptions"
	sub_id := parts[2]
} | {lower(sub_id) | sub_id := res.spec.subscriptionId}

_holds_phi(sub) if _in_scope(sub)

_holds_phi(sub) if lower(sub.spec.subscriptionId) in _phi_subscription_ids

_initiative(assignment) := parts[count(parts) - 1] if {
	parts := split(lower(assignment.policyDefinitionId), "/")
}

_assigned(sub) if {
	some assignment in sub.spec.policyAssignments
	_initiative(assignment) in _accepted
}

deny contains lib.result(sub, ["spec", "policyAssignments"], msg) if {
	some sub in lib.docs("Subscription")
	_holds_phi(sub)
	lib.has(sub, ["spec", "policyAssignments"])
	not _assigned(sub)
	msg := sprintf("%s, so this subscription holding PHI is not assessed against HIPAA", [_found(sub.spec.policyAssignments)])
}

_found(assignments) := "there are no policy assignments" if count(assignments) == 0

_found(assignments) := sprintf("none of its policy assignments (%s) is the HITRUST/HIPAA or HITRUST CSF v11.3 initiative", [concat(", ", sort({a.name | some a in assignments}))]) if count(assignments) > 0

unknown contains lib.result(sub, ["spec", "policyAssignments"], msg) if {
	some sub in lib.docs("Subscription")
	_holds_phi(sub)
	not lib.has(sub, ["spec", "policyAssignments"])
	msg := "the inventory does not record the subscription's policy assignments (spec.policyAssignments), so the HIPAA/HITRUST initiative cannot be confirmed"
}
