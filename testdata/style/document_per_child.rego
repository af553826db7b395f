package steward.rules.custom.document_per_child

import data.steward.lib

# Flagged: every row holds the account, and there is a row per scan of its sources.
_scans := [[account, i, scan] |
	some account in lib.docs("PurviewAccount")
	some i, source in account.spec.dataSources
	some scan in source.scans
]

_accounts := lib.docs("PurviewAccount")

# Flagged through a rule built from the estate, in a set comprehension too.
_sources := {[source, account] |
	some account in _accounts
	some source in account.spec.dataSources
}

# Fine: a row names its account.
_named := [[name, scan] |
	some name, account in _accounts
	some source in account.spec.dataSources
	some scan in source.scans
]

# Fine: a row per document, its children gathered inside it.
_per_account := [[account, names] |
	some account in _accounts
	names := [s.name | some s in account.spec.dataSources]
]

# Fine: one of the document's fields, not the document.
_names := [[account.metadata.name, source.name] |
	some account in _accounts
	some source in account.spec.dataSources
]
