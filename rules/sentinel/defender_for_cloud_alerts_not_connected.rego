# METADATA
# title: Defender for Cloud alerts of the subscription do not reach Sentinel
# description: |
#   Sentinel brings together Defender for Cloud signals with the rest of the estate, but
#   the Defender for Cloud data connector (kind AzureSecurityCenter) is connected one
#   subscription at a time: each subscription needs a connector with its subscriptionId
#   and the alerts data type Enabled on an onboarded workspace. The finding is on the
#   subscription because it is the subscription's alerts that are missing, whichever
#   workspace should receive them.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/connect-defender-for-cloud
# custom:
#   id: SEN-007
#   severity: high
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Microsoft Sentinel brings together signals that include Defender for Cloud"
#   mcsb: [LT-1, LT-5]
#   remediation: In Microsoft Sentinel > Data connectors > Subscription-based Microsoft Defender for Cloud, connect the subscription (status Connected, bi-directional sync optional), so an AzureSecurityCenter connector with this subscriptionId has dataTypes.alerts.state Enabled; Azure Policy can connect new subscriptions automatically.
package steward.rules.sentinel.defender_for_cloud_alerts_not_connected

import data.steward.lib

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

# Without any onboarded workspace the verdict is "no SIEM", unless a workspace's onboarding
# state is not recorded: then it is open.
_onboarding_unrecorded := sort([ws.metadata.name |
	some ws in lib.docs("SentinelWorkspace")
	not lib.has(ws, ["spec", "onboardingStates"])
])

_no_sentinel if {
	count(_onboarded) == 0
	count(_onboarding_unrecorded) == 0
}

_connectors := [{"workspace": ws.metadata.name, "connector": c} |
	some ws in _onboarded
	some c in ws.spec.dataConnectors
	c.kind == "AzureSecurityCenter"
]

_state(c) := lib.get(c, ["dataTypes", "alerts", "state"], "not recorded")

_alerting := {lower(x.connector.subscriptionId) | some x in _connectors; _state(x.connector) == "Enabled"}

_unstated := {lower(x.connector.subscriptionId) | some x in _connectors; _state(x.connector) == "not recorded"}

# Connectors that exist but keep alerts off, described once per subscription.
# Each subscription's connectors grouped in one pass, so that describing a subscription
# reads its own connectors instead of filtering all of them. Paired with their position so
# that a connector listed twice is described twice.
_by_subscription[sub_id] contains [i, x] if {
	some i, x in _connectors
	sub_id := lower(x.connector.subscriptionId)
}

_off := {sub_id: concat(", ", sort(names)) |
	some sub_id, group in _by_subscription
	names := [sprintf("%s on %s, alerts %s", [y.connector.name, y.workspace, _state(y.connector)]) | some [_, y] in group]
}

_unrecorded := sort([ws.metadata.name | some ws in _onboarded; not lib.has(ws, ["spec", "dataConnectors"])])

_open(id) if {
	not lower(id) in _alerting
	not lower(id) in _unstated
}

deny contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	_no_sentinel
	some sub in lib.docs("Subscription")
	id := sub.spec.subscriptionId
	msg := sprintf("no workspace in the inventory has Microsoft Sentinel enabled, so Defender for Cloud alerts of subscription %s reach no SIEM", [id])
}

deny contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	count(_unrecorded) == 0
	some sub in lib.docs("Subscription")
	id := sub.spec.subscriptionId
	_open(id)
	described := _off[lower(id)]
	msg := sprintf("the Defender for Cloud connector of subscription %s does not have alerts Enabled (%s)", [id, described])
}

deny contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	count(_onboarded) > 0
	count(_unrecorded) == 0
	some sub in lib.docs("Subscription")
	id := sub.spec.subscriptionId
	_open(id)
	not _off[lower(id)]
	msg := sprintf("no Sentinel workspace has a Defender for Cloud (AzureSecurityCenter) connector for subscription %s, so its security alerts do not reach Sentinel", [id])
}

unknown contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	count(_unrecorded) > 0
	some sub in lib.docs("Subscription")
	id := sub.spec.subscriptionId
	_open(id)
	msg := sprintf("no recorded Sentinel connector sends Defender for Cloud alerts of subscription %s, and the inventory does not record the data connectors of %s", [id, concat(", ", _unrecorded)])
}

unknown contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	some sub in lib.docs("Subscription")
	id := sub.spec.subscriptionId
	not lower(id) in _alerting
	lower(id) in _unstated
	msg := sprintf("the inventory does not record the alerts state (dataTypes.alerts.state) of the Defender for Cloud connector of subscription %s", [id])
}

unknown contains lib.result(sub, ["spec"], msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, ["spec", "subscriptionId"])
	msg := "the inventory does not record the subscription ID (spec.subscriptionId), so its Sentinel connector cannot be matched"
}

unknown contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	count(_onboarded) == 0
	count(_onboarding_unrecorded) > 0
	some sub in lib.docs("Subscription")
	msg := sprintf("no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of %s", [concat(", ", _onboarding_unrecorded)])
}
