# METADATA
# title: Fusion multistage attack detection is not enabled
# description: |
#   The intelligent security analytics the guidance expects from Sentinel include Fusion,
#   the built-in correlation engine that joins low-fidelity alerts and anomalies from the
#   connected sources into high-fidelity multistage attack incidents. Fusion is an
#   analytics rule of kind Fusion that is on by default; when it has been deleted or
#   disabled, attacks that move across Entra ID, Defender for Cloud and Office 365 appear
#   only as unrelated alerts.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/fusion
# custom:
#   id: SEN-011
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: Microsoft Sentinel delivers intelligent security analytics and threat intelligence across your enterprise"
#   mcsb: [LT-1, IR-3]
#   remediation: In Microsoft Sentinel > Analytics, enable the Advanced Multistage Attack Detection rule (kind Fusion), or create it from its rule template if it was deleted.
package steward.rules.sentinel.fusion_rule_disabled

import data.steward.lib

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

_fusing(ws) if {
	some r in ws.spec.alertRules
	r.kind == "Fusion"
	lib.is_true(r.enabled)
}

_has_fusion(ws) if {
	some r in ws.spec.alertRules
	r.kind == "Fusion"
}

deny contains lib.result(ws, ["spec", "alertRules", i, "enabled"], msg) if {
	some ws in _onboarded
	not _fusing(ws)
	some i, r in ws.spec.alertRules
	r.kind == "Fusion"
	msg := sprintf("the Fusion rule %s is disabled, so correlated multistage attack incidents are not raised", [r.name])
}

deny contains lib.result(ws, ["spec", "alertRules"], msg) if {
	some ws in _onboarded
	lib.has(ws, ["spec", "alertRules"])
	not _has_fusion(ws)
	msg := "the workspace has no Fusion analytics rule, so correlated multistage attack incidents are not raised"
}

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not lib.has(ws, ["spec", "alertRules"])
	msg := "the inventory does not record the workspace's analytics rules (spec.alertRules)"
}
