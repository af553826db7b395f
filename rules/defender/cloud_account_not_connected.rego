# METADATA
# title: AWS account or GCP project is not connected to Defender for Cloud
# description: |
#   Defender for Cloud covers multicloud resources only through a security connector
#   (Microsoft.Security/securityConnectors) per AWS account or GCP project, and assesses
#   their posture only when the connector carries a CSPM offering: the free foundational
#   CspmMonitorAws / CspmMonitorGcp, or the paid DefenderCspmAws / DefenderCspmGcp. An
#   account without one has no secure score, recommendations or alerts. An account can be
#   onboarded to one connector only, in any subscription, so every subscription's
#   connectors are searched.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/quickstart-onboard-aws
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/quickstart-onboard-gcp
# custom:
#   id: DEF-006
#   severity: high
#   area: Configurations and settings
#   kinds: [CloudAccount]
#   guidance: "Understand Microsoft security: Defender for Cloud provides Cloud Security Posture Management (CSPM) for all of your multicloud (Amazon AWS and Google GCP) resources"
#   mcsb: [AM-1, PV-1, LT-1]
#   params:
#     offerings:
#       default:
#         AWS: [CspmMonitorAws, DefenderCspmAws]
#         GCP: [CspmMonitorGcp, DefenderCspmGcp]
#       description: Per provider, the connector offerings of which at least one must be present for the account to count as assessed.
#   remediation: In Defender for Cloud > Environment settings > Add environment, connect the AWS account (or GCP project) with the CSPM plan selected, deploying the CloudFormation stack (or GCP script) it generates, so that a security connector with that hierarchyIdentifier carries a CspmMonitorAws/CspmMonitorGcp or DefenderCspmAws/DefenderCspmGcp offering.
package steward.rules.defender.cloud_account_not_connected

import data.steward.lib

_subscriptions := lib.docs("Subscription")

_connectors := [{"key": [c.environmentName, c.hierarchyIdentifier], "subscription": sub.metadata.name, "connector": c} |
	some sub in _subscriptions
	some c in sub.spec.securityConnectors
]

# The offerings that count as CSPM, by provider.
_cspm := {provider: {o | some o in offerings} | some provider, offerings in lib.param("DEF-006", "offerings")}

_offered(c) := {o.offeringType | some o in c.offerings}

_assessed := {x.key |
	cspm := _cspm
	some x in _connectors
	some o in x.connector.offerings
	o.offeringType in cspm[x.key[0]]
}

# Connectors of an account that carry no CSPM offering, described once per account.
# Each account's connectors, with and without recorded offerings, grouped in one pass so
# that describing an account reads its own connectors instead of filtering all of them.
# Paired with their position so that a connector listed twice is described twice. Only
# accounts that no connector assesses are ever described, so only their connectors are
# grouped.
_offering_by[x.key] contains [i, x] if {
	assessed := _assessed
	some i, x in _connectors
	not x.key in assessed
	object.get(x.connector, ["offerings"], null) != null
}

_unstated_by[x.key] contains [i, x] if {
	assessed := _assessed
	some i, x in _connectors
	not x.key in assessed
	object.get(x.connector, ["offerings"], null) == null
}

_lacking := {key: concat("; ", sort(described)) |
	some key, group in _offering_by
	described := [sprintf("%s in %s offers %s", [y.connector.name, y.subscription, _list(_offered(y.connector))]) | some [_, y] in group]
}

_unstated := {key: concat(", ", sort(names)) |
	some key, group in _unstated_by
	names := [sprintf("%s in %s", [y.connector.name, y.subscription]) | some [_, y] in group]
}

_list(offerings) := "nothing" if count(offerings) == 0

_list(offerings) := concat(", ", sort(offerings)) if count(offerings) > 0

_unrecorded := sort([sub.metadata.name | some sub in _subscriptions; object.get(sub, ["spec", "securityConnectors"], null) == null])

_what(account) := sprintf("%s account %s", [account.spec.provider, account.spec.hierarchyIdentifier]) if account.spec.provider == "AWS"

_what(account) := sprintf("GCP project %s", [account.spec.hierarchyIdentifier]) if account.spec.provider == "GCP"

# Each outcome builds an account's key [provider, hierarchyIdentifier] inline and reads the
# tables through locals: a helper call per account costs more than the rest of the test.
deny contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	assessed := _assessed
	lacking := _lacking
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not key in assessed
	described := lacking[key]
	msg := sprintf("the Defender for Cloud connector of the %s has no CSPM offering (%s), so its posture is not assessed", [_what(account), described])
}

# Open: no connector assesses the account and none lacks recorded offerings.
deny contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_subscriptions) > 0
	count(_unrecorded) == 0
	assessed := _assessed
	unstated := _unstated
	lacking := _lacking
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not key in assessed
	not unstated[key]
	not lacking[key]
	msg := sprintf("no Defender for Cloud security connector covers the %s, so it has no secure score, recommendations or alerts", [_what(account)])
}

unknown contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_unrecorded) > 0
	unrecorded := concat(", ", _unrecorded)
	assessed := _assessed
	unstated := _unstated
	lacking := _lacking
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not key in assessed
	not unstated[key]
	not lacking[key]
	msg := sprintf("no recorded security connector covers the %s, and the inventory does not record the security connectors (spec.securityConnectors) of %s", [_what(account), unrecorded])
}

unknown contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_subscriptions) == 0
	some account in lib.docs("CloudAccount")
	msg := sprintf("the inventory holds no Azure subscription, so whether a Defender for Cloud connector covers the %s cannot be confirmed", [_what(account)])
}

unknown contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	assessed := _assessed
	unstated := _unstated
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not key in assessed
	names := unstated[key]
	msg := sprintf("the inventory does not record the offerings of connector %s, so CSPM coverage of the %s cannot be confirmed", [names, _what(account)])
}
