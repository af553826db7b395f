# METADATA
# title: Document does not declare its cloud service model
# description: |
#   Who secures each responsibility area depends on the service model: the same
#   subscription, resource or AWS account is the customer's to patch as IaaS and
#   Microsoft's as PaaS. Tenants, Purview accounts and on-premises documents have a fixed
#   model, but subscriptions, Azure resources and other clouds' accounts do not, and must
#   state theirs, or no finding about them can be assigned to the party that owns it.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility
# custom:
#   id: RSP-001
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant, Subscription, AzureResource, PowerPlatformEnvironment, SentinelWorkspace, PurviewAccount, CloudAccount, OnPremServer, OnPremDataStore]
#   guidance: "Understand Microsoft security: the shared responsibility in the cloud model (the customer is responsible for the cloud components it controls, which vary by service)"
#   mcsb: [AM-1]
#   remediation: Set spec.serviceModel on the document to onprem, iaas, paas or saas, the column of the responsibility matrix that describes how the service is delivered (for example iaas for virtual machines, paas for storage accounts and Azure SQL).
package steward.rules.responsibility.service_model_not_declared

import data.steward.lib

# Runs over every document of the estate, so each test is a plain lookup: kinds with a
# fixed model are skipped whole, the message is made once per kind, serviceModel (an enum
# string when present, by the inventory schema) is read directly instead of through
# object.get, and results are built inline (lib.result is two calls).
deny contains {"resource": sprintf("%s/%s", [doc.kind, doc.metadata.name]), "path": ["spec", "serviceModel"], "msg": msg} if {
	fixed := data.steward.kindServiceModels
	some kind, docs in input.documents
	not fixed[kind]
	msg := sprintf("kind %s has no fixed service model and this document declares none (spec.serviceModel), so who owns each responsibility area for it cannot be resolved", [kind])
	some doc in docs
	not doc.spec.serviceModel
}
