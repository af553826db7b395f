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

_enabled(setting) := {lower(log.category) |
	some log in setting.logs
	lib.is_true(log.enabled)
	is_string(log.category)
}

# Required categories a setting leaves out; only settings that send to a workspace count.
_missing(setting) := {c | some c in _required; not lower(c) in _enabled(setting)} if setting.workspaceId != ""

_complete(sub) if {
	some setting in sub.spec.diagnosticSettings
	count(_missing(setting)) == 0
}

deny contains lib.result(sub, _settings, msg) if {
	some sub in lib.docs("Subscription")
	lib.has(sub, _settings)
	not _complete(sub)
	msg := sprintf("no diagnostic setting of the subscription sends the %s activity log categories to a Log Analytics workspace%s", [_and(sort(_required)), _closest(sub)])
}

# Settings that send to a workspace but leave out some required category.
_partial(sub) := [setting | some setting in sub.spec.diagnosticSettings; _missing(setting)]

# When a single setting sends to a workspace, says what it lacks, so that the fix is plain.
_closest(sub) := sprintf(" (%s lacks %s)", [p[0].name, _and(sort(_missing(p[0])))]) if {
	p := _partial(sub)
	count(p) == 1
}

_closest(sub) := "" if count(_partial(sub)) != 1

# ["a", "b", "c"] as "a, b and c".
_and(names) := names[0] if count(names) == 1

_and(names) := sprintf("%s and %s", [concat(", ", array.slice(names, 0, count(names) - 1)), names[count(names) - 1]]) if count(names) > 1

unknown contains lib.result(sub, _settings, msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, _settings)
	msg := "the inventory does not record the subscription's diagnostic settings (az monitor diagnostic-settings subscription list), so export of its activity log cannot be confirmed"
}
