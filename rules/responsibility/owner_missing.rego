# METADATA
# title: Document names no accountable owner team
# description: |
#   Shared responsibility only works when each thing the customer owns has someone who
#   answers for it. steward routes every finding to the team in metadata.owner; a document
#   without one produces findings that reach nobody, so the gaps the customer owns stay
#   open however clearly they are reported.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-tagging
# custom:
#   id: RSP-002
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant, Subscription, AzureResource, PowerPlatformEnvironment, SentinelWorkspace, PurviewAccount, CloudAccount, OnPremServer, OnPremDataStore]
#   guidance: "Understand Microsoft security: the security of your Microsoft cloud service is an operational partnership between Microsoft and you (you own your data and identities and are responsible for protecting them)"
#   mcsb: [GS-1]
#   remediation: Set metadata.owner on the document to the team accountable for it (for Azure resources, usually the value of the resource's owner or team tag).
package steward.rules.responsibility.owner_missing

import data.steward.lib

_messages := {
	true: "the document names no accountable owner team (metadata.owner), so its findings are routed to no one",
	false: "the document's owner team (metadata.owner) is blank, so its findings are routed to no one",
}

# One walk over every document of the estate, which is the rule's whole cost (collecting the
# documents into a set first would compare whole documents on every insertion): a missing
# owner reads as blank, and only the few flagged documents are asked which it was.
deny contains lib.result(doc, ["metadata", "owner"], msg) if {
	some docs in input.documents
	some doc in docs
	trim_space(object.get(doc.metadata, "owner", "")) == ""
	msg := _messages[object.get(doc.metadata, "owner", null) == null]
}
