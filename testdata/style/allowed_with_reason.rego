# Opt-outs with a reason: the scans stay, and the reason says why they are cheap.
package steward.rules.style.allowed_with_reason

import data.steward.lib

# style: allow-estate-scan called once per Tenant, and an inventory holds a handful of tenants
_workspace_names(_) := sort([ws.metadata.name | some ws in lib.docs("SentinelWorkspace")])

# style: allow-estate-scan one Tenant per inventory in practice, so the list is built a few times
deny contains lib.result(tenant, ["spec"], msg) if {
	some tenant in lib.docs("Tenant")
	names := concat(", ", sort([ws.metadata.name | some ws in lib.docs("SentinelWorkspace")]))
	msg := sprintf("Microsoft Sentinel is not enabled on any workspace (%s, %v)", [names, _workspace_names(tenant)])
}

unknown contains lib.result(tenant, ["spec"], msg) if {
	some tenant in lib.docs("Tenant")
	# style: allow-estate-scan a Tenant is one per inventory in practice
	unrecorded := [ws.metadata.name | some ws in lib.docs("SentinelWorkspace"); not ws.spec.onboardingStates]
	count(unrecorded) > 0
	msg := sprintf("onboarding state not recorded for %s", [concat(", ", unrecorded)])
}
