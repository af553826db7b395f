# METADATA
# title: Defender for Storage is on without malware scanning or sensitive data discovery
# description: |
#   Defender for Storage protects blobs fully only on the current plan
#   (subPlan DefenderForStorageV2) with both of its extensions on: on-upload malware
#   scanning, which catches malicious files as they land, and sensitive data discovery,
#   which tells the alerts which accounts hold sensitive data. The classic per-transaction
#   and per-account plans have neither. A StorageAccounts plan left on the Free tier is
#   not reported here but by DEF-002, for subscriptions that hold storage accounts.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/defender-for-storage-introduction
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/tutorial-enable-storage-plan
# custom:
#   id: DEF-003
#   severity: medium
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Workload Protection Platform (CWPP) for all of your Azure resources; Defender for Cloud alerts defend your workloads in real time"
#   mcsb: [DP-2, LT-1, LT-2, IR-3, IR-5]
#   params:
#     extensions:
#       default: [OnUploadMalwareScanning, SensitiveDataDiscovery]
#       description: Extensions of the StorageAccounts plan that must have isEnabled true.
#   remediation: On Microsoft.Security/pricings/StorageAccounts set pricingTier Standard, subPlan DefenderForStorageV2 and extensions OnUploadMalwareScanning and SensitiveDataDiscovery with isEnabled True (Defender plans > Storage > Settings), or assign policy cfdc5972-75b3-4418-8ae1-7f5c36839390; audit with policy 640d2586-54d2-465f-877f-9ffc1d2109f4.
package steward.rules.defender.storage_protection_incomplete

import data.steward.lib

_current := "DefenderForStorageV2"

# Each outcome reads the StorageAccounts plan into a local and tests its fields inline,
# with the constants bound before the loop: a helper call (or a rule lookup) per
# subscription costs more than the tests themselves.
deny contains lib.result(sub, ["spec", "pricings", "StorageAccounts", "subPlan"], msg) if {
	current := _current
	some sub in lib.docs("Subscription")
	storage := sub.spec.pricings.StorageAccounts
	storage.pricingTier == "Standard"
	sub_plan := storage.subPlan
	sub_plan != current
	msg := sprintf("Defender for Storage is on the classic %s plan, which has no on-upload malware scanning or sensitive data discovery; the current plan is %s", [sub_plan, current])
}

deny contains lib.result(sub, ["spec", "pricings", "StorageAccounts", "extensions"], msg) if {
	current := _current
	names := lib.param("DEF-003", "extensions")
	some sub in lib.docs("Subscription")
	storage := sub.spec.pricings.StorageAccounts
	storage.pricingTier == "Standard"
	storage.subPlan == current
	object.get(sub, ["spec", "pricings", "StorageAccounts", "extensions"], null) != null
	enabled := {ext.name | some ext in storage.extensions; lib.is_true(ext.isEnabled)}
	some name in names
	not name in enabled
	msg := sprintf("the %s extension of Defender for Storage is not enabled", [name])
}

unknown contains lib.result(sub, ["spec", "pricings", "StorageAccounts"], msg) if {
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "pricings", "StorageAccounts", "pricingTier"], null) == null
	msg := "the inventory does not record the StorageAccounts pricing (Microsoft.Security/pricings), so the Defender for Storage configuration cannot be confirmed"
}

unknown contains lib.result(sub, ["spec", "pricings", "StorageAccounts", "subPlan"], msg) if {
	some sub in lib.docs("Subscription")
	sub.spec.pricings.StorageAccounts.pricingTier == "Standard"
	object.get(sub, ["spec", "pricings", "StorageAccounts", "subPlan"], null) == null
	msg := "the StorageAccounts plan is Standard but the inventory does not record its subPlan, so whether it is DefenderForStorageV2 cannot be confirmed"
}

unknown contains lib.result(sub, ["spec", "pricings", "StorageAccounts", "extensions"], msg) if {
	current := _current
	some sub in lib.docs("Subscription")
	storage := sub.spec.pricings.StorageAccounts
	storage.pricingTier == "Standard"
	storage.subPlan == current
	object.get(sub, ["spec", "pricings", "StorageAccounts", "extensions"], null) == null
	msg := "the inventory does not record the extensions of the StorageAccounts plan, so malware scanning and sensitive data discovery cannot be confirmed"
}
