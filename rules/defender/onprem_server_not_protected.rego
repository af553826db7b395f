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

# The subscriptions whose Defender for Servers plan is recorded and not Standard, as
# [name, tier] by lower-case ID: only these can fail a server, so most servers stop at
# the lookup.
_off_by[id] contains [sub.metadata.name, tier] if {
	some sub in lib.docs("Subscription")
	tier := sub.spec.pricings.VirtualMachines.pricingTier
	tier != "Standard"
	id := lower(sub.spec.subscriptionId)
}

# Read whole, so that looking one up for each server does not evaluate the grouping again.
_off := _off_by

# The lower-case IDs of the subscriptions in the inventory, and the names of those that do
# not record their VirtualMachines pricing, by ID.
_known := {lower(sub.spec.subscriptionId) | some sub in lib.docs("Subscription")}

_unpriced_by[id] contains sub.metadata.name if {
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "pricings", "VirtualMachines", "pricingTier"], null) == null
	id := lower(sub.spec.subscriptionId)
}

_unpriced := _unpriced_by

# Each server whose Arc resource ID names a subscription (/subscriptions/<id>/...), by
# name: [server, the ID as written, the ID in lower case]. Worked out once for the three
# outcomes below that need it.
_located := {name: [server, sub_id, lower(sub_id)] |
	some name, server in lib.docs("OnPremServer")
	parts := split(server.spec.arcMachine.resourceId, "/")
	sub_id := parts[2]
	lower(parts[1]) == "subscriptions"
}

deny contains lib.result(server, ["spec", "arcMachine"], msg) if {
	some server in lib.docs("OnPremServer")
	object.get(server, ["spec", "arcMachine"], null) == null
	msg := "the server is not onboarded to Azure Arc (no arcMachine), so Defender for Cloud neither assesses nor protects it"
}

deny contains lib.result(server, ["spec", "arcMachine", "status"], msg) if {
	some server in lib.docs("OnPremServer")
	status := server.spec.arcMachine.status
	status != "Connected"
	msg := sprintf("the server's Azure Arc agent is %s, so Defender for Cloud receives nothing from it", [status])
}

# The subscription is looked up before the "subscriptions" segment is checked, which
# costs a call and rarely matters: most subscriptions have the plan on.
deny contains lib.result(server, ["spec", "arcMachine", "resourceId"], msg) if {
	off := _off
	some server in lib.docs("OnPremServer")
	parts := split(server.spec.arcMachine.resourceId, "/")
	sub_id := parts[2]
	some [name, tier] in off[lower(sub_id)]
	lower(parts[1]) == "subscriptions"
	msg := sprintf("the server's Arc machine is in subscription %s (%s), whose Defender for Servers plan (VirtualMachines) is on the %s tier", [name, sub_id, tier])
}

unknown contains lib.result(server, ["spec", "arcMachine", "status"], msg) if {
	some server in lib.docs("OnPremServer")
	object.get(server, ["spec", "arcMachine", "status"], null) == null
	object.get(server, ["spec", "arcMachine"], null) != null
	msg := "the inventory does not record the Azure Arc agent status (arcMachine.status), so whether the server is connected cannot be confirmed"
}

unknown contains lib.result(server, ["spec", "arcMachine", "resourceId"], msg) if {
	located := _located
	some name, server in lib.docs("OnPremServer")
	object.get(server, ["spec", "arcMachine"], null) != null
	not located[name]
	msg := sprintf("the Arc machine resource ID %q names no subscription, so the Defender for Servers plan that covers the server cannot be found", [server.spec.arcMachine.resourceId])
}

unknown contains lib.result(server, ["spec", "arcMachine", "resourceId"], msg) if {
	known := _known
	some [server, sub_id, id] in _located
	not id in known
	msg := sprintf("the server's Arc machine is in subscription %s, which is not in the inventory, so its Defender for Servers plan cannot be confirmed", [sub_id])
}

unknown contains lib.result(server, ["spec", "arcMachine", "resourceId"], msg) if {
	unpriced := _unpriced
	some [server, sub_id, id] in _located
	some name in unpriced[id]
	msg := sprintf("the inventory does not record the VirtualMachines pricing of subscription %s (%s), so Defender for Servers coverage of the server cannot be confirmed", [name, sub_id])
}
