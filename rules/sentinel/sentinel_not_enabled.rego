# METADATA
# title: Microsoft Sentinel is not enabled on the workspace
# description: |
#   Sentinel is the SIEM and SOAR that brings together Purview, Defender for Cloud, Entra
#   ID, Power Apps and Dynamics 365 signals. A Log Analytics workspace meant for security
#   operations runs Sentinel only once it is onboarded
#   (Microsoft.SecurityInsights/onboardingStates/default exists); until then no analytics
#   rule, incident or automation runs on its data.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/quickstart-onboard
# custom:
#   id: SEN-001
#   severity: high
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: Microsoft Sentinel cloud-based security operations (SIEM and SOAR)"
#   mcsb: [LT-5]
#   remediation: Enable Microsoft Sentinel on the workspace (creates Microsoft.SecurityInsights/onboardingStates/default) and record `default` under spec.onboardingStates.
package steward.rules.sentinel.sentinel_not_enabled

import data.steward.lib

deny contains lib.result(ws, ["spec", "onboardingStates"], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	states := ws.spec.onboardingStates
	not "default" in states
	msg := "Microsoft Sentinel is not onboarded to this workspace (no onboardingStates/default)"
}

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in lib.docs("SentinelWorkspace")
	not lib.has(ws, ["spec", "onboardingStates"])
	msg := "the inventory does not record the workspace's Sentinel onboarding state (spec.onboardingStates)"
}
