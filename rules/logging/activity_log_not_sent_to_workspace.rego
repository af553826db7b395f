# METADATA
# title: The subscription activity log is not sent to a Log Analytics workspace
# description: |
#   The Azure activity log records control-plane events of a subscription: resources
#   created, changed and deleted, role assignments, security alerts and policy
#   evaluations. Azure keeps it for 90 days and Microsoft Sentinel can only analyse it once
#   a subscription diagnostic setting sends it to a Log Analytics workspace, with at least
#   the Administrative, Security and Policy categories enabled.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log
#   - ref: https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings
# custom:
#   id: LOG-013
#   severity: high
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: the logging and audit capabilities included in Microsoft Defender for Cloud (the Azure activity log is collected)"
#   mcsb: [LT-3, LT-5]
#   params:
#     requiredCategories:
#       default: [Administrative, Security, Policy]
#       description: Activity log categories that one diagnostic setting with a workspace must enable.
#   remediation: In the portal go to Monitor > Activity log > Export Activity Logs (or assign built-in policy 2465583e-4e78-4c15-b6be-a36cbc7c8b0f) and add a subscription diagnostic setting with workspaceId set to the Sentinel workspace and the Administrative, Security and Policy categories enabled; record it under spec.diagnosticSettings.
package steward.rules.logging.activity_log_not_sent_to_workspace

import data.steward.lib

_settings := ["spec", "diagnosticSettings"]

_required := {c | some c in lib.param("LOG-013", "requiredCategories")}

# The required categories with their lower-case names, lowered once.
_required_lower := {[c, lower(c)] | some c in _required}

_required_text := _and(sort(_required))

# For each distinct [enabled, category] of a log in the estate that lib.is_true accepts
# and that names a category, the category in lower case: a log then costs one lookup
# instead of a call and two builtins.
_enabled := {pair: lower(category) |
	some pair in {[log.enabled, log.category] |
		some sub in lib.docs("Subscription")
		some setting in sub.spec.diagnosticSettings
		some log in setting.logs
	}
	[enabled, category] := pair
	lib.is_true(enabled)
	is_string(category)
}

# Each setting that sends to a workspace, with the required categories it leaves out, is
# worked out once per subscription, in the loop, rather than by functions that computed
# a setting's enabled categories again for every required category.
deny contains lib.result(sub, _settings, msg) if {
	required := _required_lower
	enabled_as := _enabled
	some sub in lib.docs("Subscription")
	settings := sub.spec.diagnosticSettings
	settings != null
	sending := [[setting, missing] |
		some setting in settings
		setting.workspaceId != ""
		enabled := {category | some log in setting.logs; category := enabled_as[[log.enabled, log.category]]}
		missing := {c | some [c, lc] in required; not lc in enabled}
	]
	every gap in sending {
		count(gap[1]) > 0
	}
	msg := sprintf("no diagnostic setting of the subscription sends the %s activity log categories to a Log Analytics workspace%s", [_required_text, _closest(sending)])
}

# When a single setting sends to a workspace, says what it lacks, so that the fix is plain.
_closest(sending) := sprintf(" (%s lacks %s)", [setting.name, _and(sort(missing))]) if {
	count(sending) == 1
	[setting, missing] := sending[0]
}

_closest(sending) := "" if count(sending) != 1

# ["a", "b", "c"] as "a, b and c".
_and(names) := names[0] if count(names) == 1

_and(names) := sprintf("%s and %s", [concat(", ", array.slice(names, 0, count(names) - 1)), names[count(names) - 1]]) if count(names) > 1

# diagnosticSettings is an array when present (the inventory schema), so a plain reference
# tells a missing one without a call to lib.has per subscription.
unknown contains lib.result(sub, _settings, msg) if {
	some sub in lib.docs("Subscription")
	not sub.spec.diagnosticSettings
	msg := "the inventory does not record the subscription's diagnostic settings (az monitor diagnostic-settings subscription list), so export of its activity log cannot be confirmed"
}
