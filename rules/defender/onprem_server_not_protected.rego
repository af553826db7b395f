# METADATA
# title: On-premises server is not protected by Defender for Servers
# description: |
#   Defender for Cloud reaches servers in the organisation's own datacenter through Azure
#   Arc: the server runs the Connected Machine agent, appears as a
#   Microsoft.HybridCompute/machines resource, and is covered by the Defender for Servers
#   plan (pricing VirtualMachines on the Standard tier) of the subscription that holds that
#   resource. A server with no Arc machine recorded is taken as not onboarded; one whose
#   agent is disconnected or expired is not being assessed or protected.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/quickstart-onboard-machines
#   - ref: https://learn.microsoft.com/azure/azure-arc/servers/overview
# custom:
#   id: DEF-007
#   severity: high
#   area: Operating system
#   kinds: [OnPremServer]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Workload Protection Platform (CWPP) for all of your on-premises resources"
#   mcsb: [ES-1, LT-1, IR-3, AM-1]
#   remediation: Onboard the server to Azure Arc (install the Connected Machine agent with azcmagent connect) so that its Microsoft.HybridCompute/machines status is Connected, record it under spec.arcMachine, and set pricingTier Standard on Microsoft.Security/pricings/VirtualMachines of the subscription that holds the Arc resource.
package steward.rules.defender.onprem_server_not_protected

import data.steward.lib

# Subscriptions by lower-case ID, grouped in one pass, and read whole so that looking one
# up for each server does not evaluate the grouping again.
_by_id[id] contains sub if {
	some sub in lib.docs("Subscription")
	id := lower(sub.spec.subscriptionId)
}

_subscriptions := _by_id

_arc := ["spec", "arcMachine"]

_subscription_id(server) := parts[2] if {
	parts := split(server.spec.arcMachine.resourceId, "/")
	count(parts) > 2
	lower(parts[1]) == "subscriptions"
}

deny contains lib.result(server, _arc, msg) if {
	some server in lib.docs("OnPremServer")
	not lib.has(server, _arc)
	msg := "the server is not onboarded to Azure Arc (no arcMachine), so Defender for Cloud neither assesses nor protects it"
}

deny contains lib.result(server, array.concat(_arc, ["status"]), msg) if {
	some server in lib.docs("OnPremServer")
	status := server.spec.arcMachine.status
	status != "Connected"
	msg := sprintf("the server's Azure Arc agent is %s, so Defender for Cloud receives nothing from it", [status])
}

deny contains lib.result(server, array.concat(_arc, ["resourceId"]), msg) if {
	some server in lib.docs("OnPremServer")
	sub_id := _subscription_id(server)
	some sub in _subscriptions[lower(sub_id)]
	tier := sub.spec.pricings.VirtualMachines.pricingTier
	tier != "Standard"
	msg := sprintf("the server's Arc machine is in subscription %s (%s), whose Defender for Servers plan (VirtualMachines) is on the %s tier", [sub.metadata.name, sub_id, tier])
}

unknown contains lib.result(server, array.concat(_arc, ["status"]), msg) if {
	some server in lib.docs("OnPremServer")
	lib.has(server, _arc)
	not lib.has(server, array.concat(_arc, ["status"]))
	msg := "the inventory does not record the Azure Arc agent status (arcMachine.status), so whether the server is connected cannot be confirmed"
}

unknown contains lib.result(server, array.concat(_arc, ["resourceId"]), msg) if {
	some server in lib.docs("OnPremServer")
	lib.has(server, _arc)
	not _subscription_id(server)
	msg := sprintf("the Arc machine resource ID %q names no subscription, so the Defender for Servers plan that covers the server cannot be found", [server.spec.arcMachine.resourceId])
}

unknown contains lib.result(server, array.concat(_arc, ["resourceId"]), msg) if {
	some server in lib.docs("OnPremServer")
	sub_id := _subscription_id(server)
	not _subscriptions[lower(sub_id)]
	msg := sprintf("the server's Arc machine is in subscription %s, which is not in the inventory, so its Defender for Servers plan cannot be confirmed", [sub_id])
}

unknown contains lib.result(server, array.concat(_arc, ["resourceId"]), msg) if {
	some server in lib.docs("OnPremServer")
	sub_id := _subscription_id(server)
	some sub in _subscriptions[lower(sub_id)]
	not lib.has(sub, ["spec", "pricings", "VirtualMachines", "pricingTier"])
	msg := sprintf("the inventory does not record the VirtualMachines pricing of subscription %s (%s), so Defender for Servers coverage of the server cannot be confirmed", [sub.metadata.name, sub_id])
}
