# METADATA
# title: Defender for Cloud alerts and recommendations are not exported to Sentinel
# description: |
#   Continuous export (Microsoft.Security/automations) streams Defender for Cloud's
#   security alerts and recommendations into a Log Analytics workspace as they change, so
#   that Microsoft Sentinel can correlate them with the rest of the estate and keep their
#   history beyond the portal's. The subscription needs an enabled automation with at
#   least the Alerts and Assessments event sources and a Workspace action whose
#   workspaceResourceId is a workspace with Sentinel enabled (onboardingStates default).
#   A workspace that is not in the inventory as a SentinelWorkspace does not count.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/continuous-export
# custom:
#   id: DEF-012
#   severity: medium
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Microsoft Sentinel brings together signals that include Defender for Cloud; Defender for Cloud alerts and recommendations"
#   mcsb: [LT-5]
#   params:
#     eventSources:
#       default: [Alerts, Assessments]
#       description: Event sources (sources[].eventSource) one automation must export together.
#   remediation: In Defender for Cloud > Environment settings > the subscription > Continuous export > Log Analytics workspace, turn export on for security alerts and security recommendations to the Sentinel workspace (an automation with isEnabled true, sources Alerts and Assessments, and a Workspace action to it), or assign policy ffb6f416-7bd2-4488-8828-56585fef2be9.
package steward.rules.defender.continuous_export_to_sentinel_missing

import data.steward.lib

_automations := ["spec", "automations"]

_required := {s | some s in lib.param("DEF-012", "eventSources")}

_sentinel := {lower(ws.spec.workspaceResourceId) |
	some ws in lib.docs("SentinelWorkspace")
	"default" in ws.spec.onboardingStates
}

# Workspaces in the inventory whose Sentinel state is not recorded: exports to them are open.
_onboarding_unrecorded := {lower(ws.spec.workspaceResourceId) |
	some ws in lib.docs("SentinelWorkspace")
	not lib.has(ws, ["spec", "onboardingStates"])
}

_sources(auto) := {s.eventSource | some s in auto.sources}

_targets(auto) := {lower(a.workspaceResourceId) | some a in auto.actions; a.actionType == "Workspace"}

_problems(auto) := ((_off(auto) | _missing_sources(auto)) | _no_workspace(auto)) | _not_sentinel(auto)

_off(auto) := {sprintf("is disabled (isEnabled %v)", [auto.isEnabled])} if {
	lib.has(auto, ["isEnabled"])
	not lib.is_true(auto.isEnabled)
} else := set()

_missing_sources(auto) := {sprintf("does not export %s", [concat(" or ", sort(missing))])} if {
	lib.has(auto, ["sources"])
	missing := _required - _sources(auto)
	count(missing) > 0
} else := set()

_no_workspace(auto) := {"has no Log Analytics workspace action"} if {
	lib.has(auto, ["actions"])
	count(_targets(auto)) == 0
} else := set()

_not_sentinel(auto) := {sprintf("sends to %s, which is not a workspace with Sentinel enabled", [concat(", ", sort(others))])} if {
	targets := _targets(auto)
	count(targets) > 0
	count(targets & _sentinel) == 0
	count(targets & _onboarding_unrecorded) == 0
	others := {a.workspaceResourceId | some a in auto.actions; a.actionType == "Workspace"}
} else := set()

_gaps(auto) := {field | some field in ["isEnabled", "sources", "actions"]; not lib.has(auto, [field])} | _unrecorded_target(auto)

_unrecorded_target(auto) := {"the Sentinel onboarding state (onboardingStates) of the target workspace"} if {
	count(_targets(auto) & _sentinel) == 0
	count(_targets(auto) & _onboarding_unrecorded) > 0
} else := set()

# What the rule reads of an automation; the name only names it in messages.
_judged_fields := {"isEnabled", "sources", "actions"}

# The automations of the estate, reduced to what the rule reads of them: subscriptions
# repeat a handful of automations that differ only in name and scope, so each distinct one
# is judged once here instead of calling the helpers above for every subscription.
_distinct := {object.filter(auto, fields) |
	fields := _judged_fields
	some sub in lib.docs("Subscription")
	some auto in sub.spec.automations
}

# Each distinct automation's verdict: "exports" (no problem and nothing missing), "open" (no
# problem, but evidence missing) or "fails".
_verdicts := {auto: verdict |
	some auto in _distinct
	verdict := _verdict(auto)
}

_verdict(auto) := "fails" if {
	count(_problems(auto)) > 0
} else := "exports" if {
	count(_gaps(auto)) == 0
} else := "open"

# What deny lists for a failing automation, and what unknown asks for an open one.
_problem_text := {auto: _join(sort(_problems(auto))) | some auto, "fails" in _verdicts}

_gap_text := {auto: concat(" or ", sort(_gaps(auto))) | some auto, "open" in _verdicts}

_what := concat(" and ", sort(_required))

deny contains lib.result(sub, _automations, msg) if {
	some sub in lib.docs("Subscription")
	sub.spec.automations == []
	msg := sprintf("the subscription has no continuous export, so Defender for Cloud %s do not reach Sentinel", [_what])
}

# Each subscription looks its automations up by what the rule reads of them; the tables are
# bound once, before the walk.
deny contains lib.result(sub, _automations, msg) if {
	fields := _judged_fields
	verdicts := _verdicts
	problem_text := _problem_text
	some sub in lib.docs("Subscription")
	automations := sub.spec.automations
	count(automations) > 0
	found := {verdicts[object.filter(auto, fields)] | some auto in automations}
	not "exports" in found
	not "open" in found
	described := concat("; ", sort([sprintf("%s %s", [auto.name, problem_text[object.filter(auto, fields)]]) | some auto in automations]))
	msg := sprintf("no automation continuously exports %s to a Sentinel workspace: %s", [_what, described])
}

# object.get is lib.has's own test.
unknown contains lib.result(sub, _automations, msg) if {
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "automations"], null) == null
	msg := "the inventory does not record the subscription's continuous export settings (Microsoft.Security/automations), so export to Sentinel cannot be confirmed"
}

unknown contains lib.result(sub, _automations, msg) if {
	fields := _judged_fields
	verdicts := _verdicts
	gap_text := _gap_text
	some sub in lib.docs("Subscription")
	automations := sub.spec.automations
	not "exports" in {verdicts[object.filter(auto, fields)] | some auto in automations}
	some auto in automations
	gaps := gap_text[object.filter(auto, fields)]
	msg := sprintf("the inventory does not record %s for automation %s, so export to Sentinel cannot be confirmed", [gaps, auto.name])
}

# A list as prose: "a", "a and b", "a, b and c".
_join(items) := items[0] if count(items) == 1

_join(items) := sprintf("%s and %s", [concat(", ", array.slice(items, 0, count(items) - 1)), items[count(items) - 1]]) if count(items) > 1
