# METADATA
# title: Defender CSPM plan is not on for the subscription
# description: |
#   Defender for Cloud's secure score, recommendations and attack-path analysis come from
#   its Cloud Security Posture Management plan. The Defender CSPM plan
#   (Microsoft.Security/pricings/CloudPosture) must be on the Standard tier for every
#   subscription, or its posture is not being assessed beyond the free foundational checks.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/concept-cloud-security-posture-management
# custom:
#   id: DEF-001
#   severity: high
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Security Posture Management (CSPM) for all of your Azure resources; secure score continually assesses your security posture"
#   mcsb: [LT-1, LT-2, IR-3, IR-5]
#   remediation: Set pricingTier to Standard on Microsoft.Security/pricings/CloudPosture (Defender for Cloud > Environment settings > Defender plans > Defender CSPM), or assign policy 689f7782-ef2c-4270-a6d0-7664869076bd.
package steward.rules.defender.cspm_plan_off

import data.steward.lib

deny contains lib.result(sub, ["spec", "pricings", "CloudPosture", "pricingTier"], msg) if {
	some sub in lib.docs("Subscription")
	tier := sub.spec.pricings.CloudPosture.pricingTier
	tier != "Standard"
	msg := sprintf("the Defender CSPM plan (CloudPosture) is on the %s tier, not Standard", [tier])
}

unknown contains lib.result(sub, ["spec", "pricings"], msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, ["spec", "pricings", "CloudPosture", "pricingTier"])
	msg := "the inventory does not record the CloudPosture pricing (Microsoft.Security/pricings), so Defender CSPM coverage cannot be confirmed"
}
