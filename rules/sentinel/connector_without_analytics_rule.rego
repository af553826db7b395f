# METADATA
# title: A connected data source has no enabled analytics rule
# description: |
#   Data that reaches Sentinel raises no incident until an analytics rule looks at it, so
#   every source the guidance connects needs at least one enabled analytics rule on the
#   same workspace. A rule covers a connector when it lists the connector in
#   requiredDataConnectors[].connectorId: the connector kind itself, its
#   connectorDefinitionName (Content Hub connectors), or the ID the Sentinel content uses
#   for it (AzureActiveDirectoryIdentityProtection for AzureActiveDirectory, AWS for
#   AmazonWebServicesCloudTrail, AWSS3 for AmazonWebServicesS3, Dataverse for Dynamics365).
#   Alerts of Microsoft security products are also covered by an enabled
#   MicrosoftSecurityIncidentCreation rule whose productFilter names the product, and a
#   Defender XDR connector (MicrosoftThreatProtection) with incidents Enabled brings its
#   own incidents. A connector counts as connected when a data type is Enabled or when it
#   records no data types at all.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/threat-detection
#   - ref: https://learn.microsoft.com/azure/sentinel/create-incidents-from-alerts
# custom:
#   id: SEN-010
#   severity: medium
#   area: Configurations and settings
#   kinds: [SentinelWorkspace]
#   guidance: "Understand Microsoft security: Microsoft Sentinel delivers intelligent security analytics across your enterprise for the services integrated into it"
#   mcsb: [LT-1, IR-3]
#   remediation: For each connected source, enable at least one analytics rule for it (Microsoft Sentinel > Analytics > Rule templates, filtered on the data source, > Create rule), or for Microsoft security products a Microsoft security incident creation rule with that product selected.
package steward.rules.sentinel.connector_without_analytics_rule

import data.steward.lib

# The connectorId Sentinel content uses when it differs from the connector kind.
_aliases := {
	"AzureActiveDirectory": {"AzureActiveDirectoryIdentityProtection"},
	"AmazonWebServicesCloudTrail": {"AWS"},
	"AmazonWebServicesS3": {"AWSS3"},
	"Dynamics365": {"Dataverse"},
}

# productFilter values of MicrosoftSecurityIncidentCreation rules, by connector kind.
_products := {
	"AzureActiveDirectory": "Azure Active Directory Identity Protection",
	"AzureAdvancedThreatProtection": "Azure Advanced Threat Protection",
	"AzureSecurityCenter": "Azure Security Center",
	"IOT": "Azure Security Center for IoT",
	"MicrosoftCloudAppSecurity": "Microsoft Cloud App Security",
	"MicrosoftDefenderAdvancedThreatProtection": "Microsoft Defender Advanced Threat Protection",
	"OfficeATP": "Office 365 Advanced Threat Protection",
}

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

# Keyed by workspace so that judging a connector is a set lookup, not a scan of the rules.
_required := {[ws.metadata.name, required.connectorId] |
	some ws in _onboarded
	some r in ws.spec.alertRules
	lib.is_true(r.enabled)
	some required in r.requiredDataConnectors
}

_incident_products := {[ws.metadata.name, r.productFilter] |
	some ws in _onboarded
	some r in ws.spec.alertRules
	r.kind == "MicrosoftSecurityIncidentCreation"
	lib.is_true(r.enabled)
}

_ids(c) := ({c.kind} | object.get(_aliases, c.kind, set())) | {n | n := c.connectorDefinitionName}

_connected(c) if {
	some dt in c.dataTypes
	dt.state == "Enabled"
}

_connected(c) if count(object.get(c, "dataTypes", {})) == 0

_covered(name, c) if {
	some id in _ids(c)
	[name, id] in _required
}

_covered(name, c) if [name, _products[c.kind]] in _incident_products

_covered(_, c) if {
	c.kind == "MicrosoftThreatProtection"
	c.dataTypes.incidents.state == "Enabled"
}

_expected(c) := sprintf("requiredDataConnectors connectorId %s", [concat(" or ", sort(_ids(c)))]) if not _products[c.kind]

_expected(c) := sprintf("requiredDataConnectors connectorId %s, or a MicrosoftSecurityIncidentCreation rule for %s", [concat(" or ", sort(_ids(c))), _products[c.kind]]) if _products[c.kind]

deny contains lib.result(ws, ["spec", "dataConnectors", i], msg) if {
	some ws in _onboarded
	lib.has(ws, ["spec", "alertRules"])
	some i, c in ws.spec.dataConnectors
	_connected(c)
	not _covered(ws.metadata.name, c)
	msg := sprintf("connector %s (%s) brings data in but no enabled analytics rule uses it (%s)", [c.name, c.kind, _expected(c)])
}

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	some c in ws.spec.dataConnectors
	_connected(c)
	not lib.has(ws, ["spec", "alertRules"])
	msg := "the inventory does not record the workspace's analytics rules (spec.alertRules)"
}

unknown contains lib.result(ws, ["spec"], msg) if {
	some ws in _onboarded
	not lib.has(ws, ["spec", "dataConnectors"])
	msg := "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)"
}
