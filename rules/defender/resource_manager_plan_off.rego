# METADATA
# title: Defender for Resource Manager is off
# description: |
#   Defender for Resource Manager watches every management operation on the subscription,
#   whether from the portal, the CLI, the REST API or automation, and alerts on suspicious
#   ones: operations from malicious IP addresses, disabled logging, mass permission changes,
#   exploitation toolkits. It protects the control plane of every other resource, is billed
#   per API call and needs no agent, so it should be on for every subscription.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/defender-for-resource-manager-introduction
# custom:
#   id: DEF-005
#   severity: medium
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Workload Protection Platform (CWPP) for all of your Azure resources; Defender for Cloud alerts defend your workloads in real time"
#   mcsb: [LT-1, LT-2, IR-3, IR-5]
#   remediation: Set pricingTier to Standard on Microsoft.Security/pricings/Arm (Defender for Cloud > Environment settings > the subscription > Defender plans > Resource Manager), or assign policy b7021b2b-08fd-4dc0-9de7-3c6ece09faf9.
package steward.rules.defender.resource_manager_plan_off

import data.steward.lib

deny contains lib.result(sub, ["spec", "pricings", "Arm", "pricingTier"], msg) if {
	some sub in lib.docs("Subscription")
	tier := sub.spec.pricings.Arm.pricingTier
	tier != "Standard"
	msg := sprintf("the Defender for Resource Manager plan (Arm) is on the %s tier, so suspicious management operations on the subscription raise no alert", [tier])
}

unknown contains lib.result(sub, ["spec", "pricings", "Arm"], msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, ["spec", "pricings", "Arm", "pricingTier"])
	msg := "the inventory does not record the Arm pricing (Microsoft.Security/pricings), so Defender for Resource Manager coverage cannot be confirmed"
}
