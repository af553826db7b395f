# METADATA
# title: Purview account accepts connections from public networks
# description: |
#   The Purview account holds the catalogue of the estate's data: where sensitive data is,
#   what it contains and who owns it. With publicNetworkAccess Disabled its portal, catalog
#   and scan endpoints are reachable only through private endpoints, which takes the
#   account off the internet and narrows who can query that map.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/catalog-private-link
# custom:
#   id: PUR-009
#   severity: low
#   area: Network controls
#   kinds: [PurviewAccount]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (the data catalogue is part of the deployment to secure)"
#   mcsb: [NS-2]
#   remediation: Create account, portal and ingestion private endpoints for the Purview account, then set publicNetworkAccess to Disabled (Networking > Firewall > Disable from all networks).
package steward.rules.purview.purview_public_network_access_enabled

import data.steward.lib

_setting := ["spec", "publicNetworkAccess"]

deny contains lib.result(account, _setting, msg) if {
	some account in lib.docs("PurviewAccount")
	value := account.spec.publicNetworkAccess
	value != "Disabled"
	msg := sprintf("public network access to the Purview account is %s, not Disabled, so its endpoints are not limited to private endpoints", [value])
}

unknown contains lib.result(account, ["spec"], msg) if {
	some account in lib.docs("PurviewAccount")
	not lib.has(account, _setting)
	msg := "the inventory does not record the Purview account's publicNetworkAccess, so its network exposure cannot be confirmed"
}
