# METADATA
# title: A Defender plan is off for resources the subscription holds
# description: |
#   Defender for Cloud's workload protection (CWPP) is bought plan by plan: threat
#   detection for virtual machines, storage accounts, SQL servers, key vaults, App Service,
#   Cosmos DB, open-source databases and containers only runs where the matching
#   Microsoft.Security/pricings plan is on the Standard tier. A subscription that holds a
#   resource of a protected type while that type's plan is Free raises no alerts for it.
#   Resources belong to the subscription named in the /subscriptions/<id>/ prefix of
#   their ARM ID (or their subscriptionId when the ID is not recorded).
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/defender-for-cloud-introduction
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security
# custom:
#   id: DEF-002
#   severity: high
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Workload Protection Platform (CWPP) for all of your Azure, on-premises and multicloud resources; Defender for Cloud alerts defend your workloads in real time"
#   mcsb: [LT-1, LT-2, IR-3, IR-5]
#   params:
#     plans:
#       description: The Defender plan (Microsoft.Security/pricings name) that protects each ARM resource type; types are matched case-insensitively.
#       default:
#         Microsoft.Compute/virtualMachines: VirtualMachines
#         Microsoft.Compute/virtualMachineScaleSets: VirtualMachines
#         Microsoft.Storage/storageAccounts: StorageAccounts
#         Microsoft.Sql/servers: SqlServers
#         Microsoft.Sql/managedInstances: SqlServers
#         Microsoft.KeyVault/vaults: KeyVaults
#         Microsoft.Web/sites: AppServices
#         Microsoft.DocumentDB/databaseAccounts: CosmosDbs
#         Microsoft.DBforPostgreSQL/flexibleServers: OpenSourceRelationalDatabases
#         Microsoft.DBforMySQL/flexibleServers: OpenSourceRelationalDatabases
#         Microsoft.ContainerService/managedClusters: Containers
#         Microsoft.ContainerRegistry/registries: Containers
#   remediation: Set pricingTier to Standard on Microsoft.Security/pricings/<plan> for the plan named in the finding (Defender for Cloud > Environment settings > the subscription > Defender plans), or assign the plan's "Configure ... to enable Microsoft Defender" policy (for example 8e86a5b6-b9bd-49d1-8e21-4bb8a0862222 for Servers).
package steward.rules.defender.workload_plan_off

import data.steward.lib

_plan_by_type := {lower(type): plan | some type, plan in lib.param("DEF-002", "plans")}

_resources := lib.docs("AzureResource")

# The subscription ID of a resource: the third segment of /subscriptions/<id>/..., which is
# what ARM itself uses; spec.subscriptionId only when the ARM ID is not recorded.
_subscription_of(res) := lower(parts[2]) if {
	parts := split(res.spec.id, "/")
	count(parts) > 2
	lower(parts[1]) == "subscriptions"
}

_subscription_of(res) := lower(res.spec.subscriptionId) if not res.spec.id

# One row per protected resource, then the (subscription, plan) pairs: each pair lists its
# resources by filtering the rows once, so the work grows with resources times pairs.
# Resource names grouped by subscription and plan in one pass over the resources.
_rows_by[sub_id][plan] contains res.metadata.name if {
	some res in _resources
	plan := _plan_by_type[lower(res.spec.type)]
	sub_id := _subscription_of(res)
}

# Referenced whole, so that OPA too evaluates the grouping once and caches it, instead of
# re-scanning every resource for each subscription it is asked about.
_grouped := _rows_by

_plans_of(sub) := object.keys(_grouped[lower(sub.spec.subscriptionId)])

_names(sub, plan) := sort(_grouped[lower(sub.spec.subscriptionId)][plan])

_describe(names) := concat(", ", names) if count(names) <= 5

_describe(names) := sprintf("%d resources, among them %s", [count(names), concat(", ", array.slice(names, 0, 5))]) if count(names) > 5

deny contains lib.result(sub, ["spec", "pricings", plan, "pricingTier"], msg) if {
	some sub in lib.docs("Subscription")
	some plan in _plans_of(sub)
	tier := sub.spec.pricings[plan].pricingTier
	tier != "Standard"
	msg := sprintf("the %s plan is on the %s tier, but the subscription holds resources it protects (%s), which get no Defender threat detection", [plan, tier, _describe(_names(sub, plan))])
}

unknown contains lib.result(sub, ["spec", "pricings", plan], msg) if {
	some sub in lib.docs("Subscription")
	some plan in _plans_of(sub)
	not lib.has(sub, ["spec", "pricings", plan, "pricingTier"])
	msg := sprintf("the inventory does not record the %s pricing (Microsoft.Security/pricings), so Defender coverage of %s cannot be confirmed", [plan, _describe(_names(sub, plan))])
}

unknown contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	count(_resources) > 0
	some sub in lib.docs("Subscription")
	not lib.has(sub, ["spec", "subscriptionId"])
	msg := "the inventory does not record the subscription ID (spec.subscriptionId), so the resources it holds, and the plans they need, cannot be determined"
}
