# METADATA
# title: No Microsoft Purview account (Data Map) exists
# description: |
#   Classifying and cataloguing data in the cloud, hybrid and on-premises is, in the
#   guidance's words, one of the most essential elements of a security model, and the
#   Microsoft Purview Data Map is the service that does it. Without a Purview account no
#   data source is registered, scanned or classified, so sensitive data cannot be found.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/concept-elastic-data-map
# custom:
#   id: PUR-001
#   severity: high
#   area: Customer data
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: Microsoft Purview for data governance and inventory discovery (data in the cloud, hybrid and on-premises is classified and catalogued)"
#   mcsb: [DP-1, AM-1]
#   remediation: Create a Microsoft Purview account (Microsoft.Purview/accounts) for the tenant, register the estate's data stores in its Data Map, and record it in the inventory as a PurviewAccount document.
package steward.rules.purview.purview_account_missing

import data.steward.lib

# The Data Map is a tenant-level service, so its absence is reported once per tenant;
# whether each store is registered is PUR-002's and PUR-003's question.
deny contains lib.result(tenant, ["spec"], msg) if {
	count(lib.docs("PurviewAccount")) == 0
	some tenant in lib.docs("Tenant")
	msg := "the inventory records no Microsoft Purview account, so no data in the estate is catalogued or classified"
}
