# METADATA
# title: Purview scans of PHI stores exclude health classifications
# description: |
#   Microsoft Purview only classifies what the scan rule set lets it look for. A custom
#   scan rule set that excludes system classifications for health identifiers (health
#   service and medical account numbers, DEA and provider numbers, social security
#   numbers) leaves protected health information in a registered store unlabelled and
#   invisible in the Data Map, even though the store is scanned. This rule reads the rule
#   sets used by scans of data sources that hold PHI.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/create-a-scan-rule-set
#   - ref: https://learn.microsoft.com/purview/supported-classifications
# custom:
#   id: HLT-004
#   severity: high
#   area: Customer data
#   kinds: [PurviewAccount]
#   guidance: "Security in Microsoft Cloud for Healthcare: Microsoft Purview for data governance and inventory discovery (data stored in the cloud, hybrid and on premises is classified and cataloged)"
#   mcsb: [DP-1]
#   pack: healthcare
#   params:
#     healthClassificationPatterns:
#       default: [HEALTH, HEALTHCARE, MEDICAL, MEDICARE, MEDICAID, DEA, DRUG_ENFORCEMENT_AGENCY, NPI, NATIONAL_PROVIDER, ICD, SOCIAL_SECURITY_NUMBER]
#       description: Words of a system classification name that mark it as a health identifier. A pattern matches whole words (separated by . or _) anywhere in the name, case-insensitively, so HEALTH matches MICROSOFT.GOVERNMENT.UK.NATIONAL_HEALTH_SERVICE_NUMBER and SOCIAL_SECURITY_NUMBER matches MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER.
#   remediation: In the Purview governance portal > Data Map > Scan rule sets, edit the custom rule set and select the health classifications again (remove them from excludedSystemClassifications, e.g. with Set-AzPurviewScanRuleset), or scan the PHI sources with the System rule set of their kind; then record the rule set under spec.scanRulesets.
package steward.rules.healthcare.health_classifications_excluded_from_scans

import data.steward.lib

# The healthcare pack applies to documents holding PHI, or to every document when the
# tenant as a whole is labelled as holding PHI. The same test is repeated in every rule of
# the pack so that each file stands alone.
_phi_tenant if {
	some tenant in lib.docs("Tenant")
	lib.holds_phi(tenant)
}

_in_scope(doc) if lib.holds_phi(doc)

_in_scope(_) if _phi_tenant

# Names are compared as runs of whole words so that a short pattern such as DEA or ICD
# cannot match inside an unrelated word.
_words(s) := concat("", [".", replace(upper(s), "_", "."), "."])

_patterns := {_words(p) | some p in lib.param("HLT-004", "healthClassificationPatterns")}

_health(name) if {
	some p in _patterns
	contains(_words(name), p)
}

# Keys by which a data source names a store holding PHI: ARM ID or host name, lower case.
# Only consulted for an account out of scope itself, so when the tenant is not labelled as
# holding PHI: then a store is in scope exactly when it holds PHI. With a PHI tenant every
# account is in scope and this scan of every data store is never built.
_phi_store_keys := {lower(key) |
	some kind in ["AzureResource", "OnPremDataStore"]
	some doc in lib.docs(kind)
	doc.metadata.labels.data # only labelled stores can hold PHI: skips the call for the many others
	lib.holds_phi(doc)
	some field in ["id", "hostName"]
	key := doc.spec[field]
}

_source_in_phi_store(source) if {
	some field in ["resourceId", "serverEndpoint", "host"]
	lower(source[field]) in _phi_store_keys
}

# The sources scanned for PHI, as [account name, source]: every source of an account in
# scope, else those naming a PHI store. Two comprehensions rather than one function of two
# clauses, whose second clause (and with it the scan of every store) would be evaluated
# even for an account already in scope; arrays, as a set would compare the thousands of
# sources to order them.
_phi_sources := array.concat(
	[[account.metadata.name, source] |
		some account in lib.docs("PurviewAccount")
		_in_scope(account)
		some source in account.spec.dataSources
	],
	[[account.metadata.name, source] |
		some account in lib.docs("PurviewAccount")
		not _in_scope(account)
		some source in account.spec.dataSources
		_source_in_phi_store(source)
	],
)

# Account -> rule set name -> names of the PHI sources whose scans use it, built once for
# the estate (a function would be re-evaluated, and scan its sources, for every rule set).
# A System rule set includes every system classification, so only scans not declared
# System are of interest.
_users_by[account_name][ruleset_name] contains source.name if {
	some [account_name, source] in _phi_sources
	some scan in source.scans
	not scan.scanRulesetType == "System"
	ruleset_name := scan.scanRulesetName
}

_grouped := _users_by

_users(account) := object.get(_grouped, account.metadata.name, {})

_recorded(account) := {ruleset.name | some ruleset in account.spec.scanRulesets}

deny contains lib.result(account, ["spec", "scanRulesets", i, "excludedSystemClassifications"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, ruleset in account.spec.scanRulesets
	sources := _users(account)[ruleset.name]
	excluded := {c | some c in ruleset.excludedSystemClassifications; _health(c)}
	count(excluded) > 0
	msg := sprintf("scan rule set %s, used to scan %s, excludes the health classifications %s, so PHI in those sources is not classified", [ruleset.name, concat(", ", sort(sources)), concat(", ", sort(excluded))])
}

unknown contains lib.result(account, ["spec", "dataSources"], msg) if {
	some account in lib.docs("PurviewAccount")
	_in_scope(account)
	not lib.has(account, ["spec", "dataSources"])
	msg := "the inventory does not record the account's data sources and scans (spec.dataSources), so the rule sets used for PHI cannot be confirmed"
}

unknown contains lib.result(account, ["spec", "scanRulesets"], msg) if {
	some account in lib.docs("PurviewAccount")
	some name, sources in _users(account)
	not name in _recorded(account)
	msg := sprintf("scan rule set %s, used to scan %s, is not recorded under spec.scanRulesets (nor is the scan marked System), so its excluded classifications cannot be confirmed", [name, concat(", ", sort(sources))])
}

unknown contains lib.result(account, ["spec", "scanRulesets", i, "excludedSystemClassifications"], msg) if {
	some account in lib.docs("PurviewAccount")
	some i, ruleset in account.spec.scanRulesets
	_users(account)[ruleset.name]
	not lib.has(ruleset, ["excludedSystemClassifications"])
	msg := sprintf("the inventory does not record the excluded system classifications of scan rule set %s, which scans PHI", [ruleset.name])
}
