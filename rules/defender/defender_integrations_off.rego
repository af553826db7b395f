# METADATA
# title: Defender for Cloud Apps or Defender for Endpoint integration is off
# description: |
#   Defender for Cloud protects identities and endpoints together with the rest of
#   Microsoft's security stack through two subscription settings
#   (Microsoft.Security/settings): MCAS shares data with Microsoft Defender for Cloud Apps,
#   which brings Microsoft Entra ID sign-in and activity signals and SaaS alerts into the
#   picture, and WDATP deploys and connects Microsoft Defender for Endpoint to the
#   subscription's servers. With either off, those signals are missing from Defender for
#   Cloud's recommendations and alerts.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/integration-defender-for-endpoint
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/defender-for-cloud-introduction
# custom:
#   id: DEF-014
#   severity: medium
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud can protect identity and Microsoft Entra ID integration"
#   mcsb: [LT-1, ES-1, IM-1]
#   params:
#     settings:
#       default: [MCAS, WDATP]
#       description: Microsoft.Security/settings names that must have enabled true.
#   remediation: In Defender for Cloud > Environment settings > the subscription > Integrations, allow Microsoft Defender for Cloud Apps to access the data (Microsoft.Security/settings/MCAS enabled true) and turn on the Defender for Endpoint integration (settings/WDATP enabled true); policy da56d295-2889-41ce-a4cd-6f50fb93aa68 can deploy the latter.
package steward.rules.defender.defender_integrations_off

import data.steward.lib

_product := {
	"MCAS": "Microsoft Defender for Cloud Apps",
	"WDATP": "Microsoft Defender for Endpoint",
	"WDATP_UNIFIED_SOLUTION": "Microsoft Defender for Endpoint unified solution",
	"Sentinel": "Microsoft Sentinel alert sync",
}

_describe(name) := sprintf("%s (%s)", [name, _product[name]])

_describe(name) := name if not _product[name]

# The settings are read once, outside the loop. `value != true` settles the usual case
# without a call; lib.is_true then decides the rest ("True" is on too).
deny contains lib.result(sub, ["spec", "settings", name, "enabled"], msg) if {
	names := lib.param("DEF-014", "settings")
	some sub in lib.docs("Subscription")
	some name in names
	value := sub.spec.settings[name].enabled
	value != true
	not lib.is_true(value)
	msg := sprintf("the %s integration setting is off (enabled %v)", [_describe(name), value])
}

unknown contains lib.result(sub, ["spec", "settings"], msg) if {
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "settings"], null) == null
	names := concat(" and ", [_describe(name) | some name in lib.param("DEF-014", "settings")])
	msg := sprintf("the inventory does not record the subscription's Defender for Cloud integration settings (Microsoft.Security/settings), so the %s integrations cannot be confirmed", [names])
}

unknown contains lib.result(sub, ["spec", "settings", name], msg) if {
	names := lib.param("DEF-014", "settings")
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "settings"], null) != null
	some name in names
	object.get(sub, ["spec", "settings", name, "enabled"], null) == null
	msg := sprintf("the inventory does not record the %s integration setting (Microsoft.Security/settings/%s), so it cannot be confirmed", [_describe(name), name])
}
