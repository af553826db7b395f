# METADATA
# title: Defender for Servers is on Plan 1 rather than Plan 2
# description: |
#   Defender for Servers Plan 1 brings Defender for Endpoint; Plan 2 adds agentless
#   vulnerability and secret scanning, file integrity monitoring, just-in-time VM access
#   and the free daily data allowance for security logs. Plan 2 is the recommended
#   configuration for servers that hold sensitive workloads. A VirtualMachines plan left
#   on the Free tier is reported by DEF-002 and DEF-007 instead.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/plan-defender-for-servers-select-plan
# custom:
#   id: DEF-004
#   severity: low
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Workload Protection Platform (CWPP) for all of your Azure, on-premises and multicloud resources; Defender for Cloud recommendations secure your workloads"
#   mcsb: [LT-1, LT-2, ES-1, IR-3, IR-5]
#   params:
#     subPlan:
#       default: P2
#       description: The Defender for Servers sub-plan the VirtualMachines pricing should use when it is on.
#   remediation: Set subPlan to P2 on Microsoft.Security/pricings/VirtualMachines (Defender for Cloud > Environment settings > the subscription > Defender plans > Servers > Change plan), or assign policy 5eb6d64a-4086-4d7a-92da-ec51aed0332d.
package steward.rules.defender.servers_plan_not_p2

import data.steward.lib

_plan := ["spec", "pricings", "VirtualMachines"]

_wanted := lib.param("DEF-004", "subPlan")

_on(sub) if sub.spec.pricings.VirtualMachines.pricingTier == "Standard"

deny contains lib.result(sub, array.concat(_plan, ["subPlan"]), msg) if {
	some sub in lib.docs("Subscription")
	_on(sub)
	sub_plan := sub.spec.pricings.VirtualMachines.subPlan
	sub_plan != _wanted
	msg := sprintf("Defender for Servers is on sub-plan %s, not %s", [sub_plan, _wanted])
}

unknown contains lib.result(sub, _plan, msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, array.concat(_plan, ["pricingTier"]))
	msg := "the inventory does not record the VirtualMachines pricing (Microsoft.Security/pricings), so the Defender for Servers plan cannot be confirmed"
}

unknown contains lib.result(sub, array.concat(_plan, ["subPlan"]), msg) if {
	some sub in lib.docs("Subscription")
	_on(sub)
	not lib.has(sub, array.concat(_plan, ["subPlan"]))
	msg := "the VirtualMachines plan is Standard but the inventory does not record its subPlan (P1 or P2)"
}
