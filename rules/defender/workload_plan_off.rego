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

# Resource names grouped by subscription and plan in one pass over the resources of the
# plans' types, taken from the index of resources by type. The subscription ID of a
# resource is the third segment of /subscriptions/<id>/..., which is what ARM itself
# uses; spec.subscriptionId only when the ARM ID is not recorded. It is taken inline, one
# body for each source: a helper call per resource would cost more than the rest.
_rows_by[sub_id][plan] contains name if {
	resources := _resources
	some type, plan in _plan_by_type
	some name in lib.azure_by_type[type]
	parts := split(lower(resources[name].spec.id), "/")
	parts[1] == "subscriptions"
	sub_id := parts[2]
}

_rows_by[sub_id][plan] contains name if {
	resources := _resources
	some type, plan in _plan_by_type
	some name in lib.azure_by_type[type]
	res := resources[name]
	not res.spec.id
	sub_id := lower(res.spec.subscriptionId)
}

# Referenced whole, so that OPA too evaluates the grouping once and caches it, instead of
# re-scanning every resource for each subscription it is asked about.
_grouped := _rows_by

_describe(names) := concat(", ", names) if count(names) <= 5

_describe(names) := sprintf("%d resources, among them %s", [count(names), concat(", ", array.slice(names, 0, 5))]) if count(names) > 5

# Each outcome takes a subscription's plans, and their resources, from its group in one lookup.
deny contains lib.result(sub, ["spec", "pricings", plan, "pricingTier"], msg) if {
	grouped := _grouped
	some sub in lib.docs("Subscription")
	some plan, resources in grouped[lower(sub.spec.subscriptionId)]
	tier := sub.spec.pricings[plan].pricingTier
	tier != "Standard"
	msg := sprintf("the %s plan is on the %s tier, but the subscription holds resources it protects (%s), which get no Defender threat detection", [plan, tier, _describe(sort(resources))])
}

# object.get is lib.has's own test, inline because it runs for every plan of every
# subscription.
unknown contains lib.result(sub, ["spec", "pricings", plan], msg) if {
	grouped := _grouped
	some sub in lib.docs("Subscription")
	some plan, resources in grouped[lower(sub.spec.subscriptionId)]
	object.get(sub, ["spec", "pricings", plan, "pricingTier"], null) == null
	msg := sprintf("the inventory does not record the %s pricing (Microsoft.Security/pricings), so Defender coverage of %s cannot be confirmed", [plan, _describe(sort(resources))])
}

unknown contains lib.result(sub, ["spec", "subscriptionId"], msg) if {
	count(_resources) > 0
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "subscriptionId"], null) == null
	msg := "the inventory does not record the subscription ID (spec.subscriptionId), so the resources it holds, and the plans they need, cannot be determined"
}
