# An opt-out has to say why the scan is acceptable; a bare marker is itself an error.
package steward.rules.style.bare_allow

import data.steward.lib

deny contains lib.result(tenant, ["spec"], msg) if {
	some tenant in lib.docs("Tenant")
	# style: allow-estate-scan
	names := concat(", ", sort([ws.metadata.name | some ws in lib.docs("SentinelWorkspace")]))
	msg := sprintf("Microsoft Sentinel is not enabled on any workspace (%s)", [names])
}
