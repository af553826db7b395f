# METADATA
# title: No enabled automation rule responds to Sentinel incidents
# description: |
#   The guidance uses Microsoft Sentinel as a SOAR as well as a SIEM: orchestration,
#   automation and response come from automation rules, which triage incidents (assign,
#   tag, change severity or status, add tasks) and run playbooks (Logic Apps) when
#   incidents or alerts are created or updated. A Sentinel workspace without an enabled
#   automation rule detects but leaves every response to be done by hand.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/automate-incident-handling-with-automation-rules
#   - ref: https://learn.microsoft.com/azure/sentinel/automation/automate-responses-with-playbooks
# custom:
#   id: SEN-012
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: Microsoft Sentinel as the security orchestration, automation, and response (SOAR) solution"
#   mcsb: [IR-5, IR-6]
#   remediation: In Microsoft Sentinel > Automation, create (or enable) at least one automation rule triggered when incidents are created, with actions that triage the incident (ModifyProperties, AddIncidentTask) or run a response playbook (RunPlaybook).
package steward.rules.sentinel.automation_rule_missing

import data.steward.lib

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_automating(ws) if {
	some r in ws.spec.automationRules
	lib.is_true(r.enabled)
}

deny contains lib.result(ws, ["spec", "automationRules"], msg) if {
	some ws in _onboarded
	count(ws.spec.automationRules) == 0
	msg := "the workspace has no automation rule, so no incident is triaged or answered automatically"
}

deny contains lib.result(ws, ["spec", "automationRules"], msg) if {
	some ws in _onboarded
	n := count(ws.spec.automationRules)
	n > 0
	not _automating(ws)
	msg := sprintf("%s, so no incident is triaged or answered automatically", [_all_disabled(n)])
}

_all_disabled(1) := "the workspace's only automation rule is disabled"

_all_disabled(n) := sprintf("all %d automation rules of the workspace are disabled", [n]) if n > 1

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not lib.has(ws, ["spec", "automationRules"])
	msg := "the inventory does not record the workspace's automation rules (spec.automationRules)"
}
