# METADATA
# title: No workspace in the estate has Microsoft Sentinel enabled
# description: |
#   The guidance makes Microsoft Sentinel the place where Purview, Defender for Cloud,
#   Entra ID, Power Apps and Dynamics 365 signals come together for detection (SIEM) and
#   response (SOAR). An estate has that only if at least one Log Analytics workspace has
#   Sentinel onboarded (Microsoft.SecurityInsights/onboardingStates/default). The finding
#   is on the tenant because the gap belongs to the whole estate, not to one workspace;
#   SEN-001 reports each workspace on which Sentinel is off.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/quickstart-onboard
# custom:
#   id: SEN-002
#   severity: high
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: Microsoft Sentinel cloud-based security operations bring together signals that include Microsoft Purview, Defender for Cloud, and data logs across your environment"
#   mcsb: [LT-5]
#   remediation: Enable Microsoft Sentinel on the security operations Log Analytics workspace (Microsoft Sentinel > Create > select the workspace > Add), which creates Microsoft.SecurityInsights/onboardingStates/default, and record the workspace as a SentinelWorkspace with `default` under spec.onboardingStates.
package steward.rules.sentinel.sentinel_workspace_missing

import data.steward.lib

_workspaces := lib.docs("SentinelWorkspace")

_onboarded if {
	some ws in _workspaces
	"default" in ws.spec.onboardingStates
}

_unrecorded := sort([ws.metadata.name | some ws in _workspaces; not lib.has(ws, ["spec", "onboardingStates"])])

# Listed once for the estate rather than once per tenant.
_names := concat(", ", sort([ws.metadata.name | some ws in _workspaces]))

deny contains lib.result(tenant, ["spec"], msg) if {
	count(_workspaces) == 0
	some tenant in lib.docs("Tenant")
	msg := "the inventory has no SentinelWorkspace, so no Microsoft Sentinel workspace collects this tenant's security signals"
}

deny contains lib.result(tenant, ["spec"], msg) if {
	count(_workspaces) > 0
	not _onboarded
	count(_unrecorded) == 0
	some tenant in lib.docs("Tenant")
	msg := sprintf("Microsoft Sentinel is not enabled on any workspace in the inventory (%s: no onboardingStates/default)", [_names])
}

unknown contains lib.result(tenant, ["spec"], msg) if {
	not _onboarded
	count(_unrecorded) > 0
	some tenant in lib.docs("Tenant")
	msg := sprintf("no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of %s", [concat(", ", _unrecorded)])
}
