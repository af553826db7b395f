# The estate reached through a rule of the same file is still the estate: iterating
# `_accounts` walks every PurviewAccount, and `_ids` is as long as the Subscriptions.
package steward.rules.style.nested_over_rule

import data.steward.lib

_accounts := lib.docs("PurviewAccount")

_ids := {lower(sub.spec.subscriptionId) | some sub in lib.docs("Subscription")}

# One filter of every Subscription per ID: Subscriptions x Subscriptions.
_subscriptions := {id: [sub | some sub in lib.docs("Subscription"); lower(sub.spec.subscriptionId) == id] | some id in _ids}

_connectors := [{"key": c.hierarchyIdentifier, "connector": c} |
	some sub in lib.docs("Subscription")
	some c in sub.spec.securityConnectors
]

# A group-by that filters the whole list again for every element of it.
_names := {key: names |
	some x in _connectors
	key := x.key
	names := [y.connector.name | some y in _connectors; y.key == key]
}

# A function looping over the rule that holds every account.
_registered(store) if {
	some account in _accounts
	some source in account.spec.dataSources
	lower(source.resourceId) == lower(store.spec.id)
}

deny contains lib.result(store, ["spec", "id"], msg) if {
	some store in lib.docs("AzureResource")
	not _registered(store)
	count(_subscriptions) > 0
	count(_names) > 0
	msg := "the store is not registered in Purview"
}
