package steward.rules.sentinel.connector_without_analytics_rule_test

import data.steward.rules.sentinel.connector_without_analytics_rule as rule

ws(spec) := {"documents": {"SentinelWorkspace": {"law-soc": {"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": object.union({"onboardingStates": ["default"]}, spec)}}}}

office := {"name": "office365", "kind": "Office365", "dataTypes": {"exchange": {"state": "Enabled"}, "teams": {"state": "Disabled"}}}

entra := {"name": "entra-id", "kind": "AzureActiveDirectory", "dataTypes": {"alerts": {"state": "Enabled"}}}

mdc := {"name": "mdc-clinical", "kind": "AzureSecurityCenter", "subscriptionId": "7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31", "dataTypes": {"alerts": {"state": "Enabled"}}}

s3_off := {"name": "aws-s3", "kind": "AmazonWebServicesS3", "dataTypes": {"logs": {"state": "Disabled"}}}

poller := {"name": "okta-sso", "kind": "RestApiPoller", "connectorDefinitionName": "OktaSSOv2"}

fusion := {"name": "fusion", "kind": "Fusion", "enabled": true}

mdc_incidents := {"name": "mdc-incidents", "kind": "MicrosoftSecurityIncidentCreation", "enabled": true, "productFilter": "Azure Security Center"}

scheduled(name, connector, enabled) := {"name": name, "kind": "Scheduled", "enabled": enabled, "requiredDataConnectors": [{"connectorId": connector}]}

test_uncovered_connectors_are_reported if {
	i := ws({
		"dataConnectors": [office, entra, mdc, s3_off, poller],
		"alertRules": [fusion, mdc_incidents, scheduled("mailbox-rules", "Office365", false)],
	})
	r := rule.deny with input as i
	r == {
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "dataConnectors", 0],
			"msg": "connector office365 (Office365) brings data in but no enabled analytics rule uses it (requiredDataConnectors connectorId Office365)",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "dataConnectors", 1],
			"msg": "connector entra-id (AzureActiveDirectory) brings data in but no enabled analytics rule uses it (requiredDataConnectors connectorId AzureActiveDirectory or AzureActiveDirectoryIdentityProtection, or a MicrosoftSecurityIncidentCreation rule for Azure Active Directory Identity Protection)",
		},
		{
			"resource": "SentinelWorkspace/law-soc",
			"path": ["spec", "dataConnectors", 4],
			"msg": "connector okta-sso (RestApiPoller) brings data in but no enabled analytics rule uses it (requiredDataConnectors connectorId OktaSSOv2 or RestApiPoller)",
		},
	}
}

test_covered_connectors_are_not_reported if {
	xdr := {"name": "defender-xdr", "kind": "MicrosoftThreatProtection", "dataTypes": {"incidents": {"state": "Enabled"}}}
	i := ws({
		"dataConnectors": [office, entra, mdc, s3_off, poller, xdr],
		"alertRules": [
			mdc_incidents,
			scheduled("mailbox-rules", "Office365", "True"),
			scheduled("risky-sign-in", "AzureActiveDirectoryIdentityProtection", true),
			scheduled("okta-mfa", "OktaSSOv2", true),
		],
	})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_workspace_without_sentinel_is_not_judged if {
	i := {"documents": {"SentinelWorkspace": {"law-ops": {"kind": "SentinelWorkspace", "metadata": {"name": "law-ops"}, "spec": {"onboardingStates": [], "dataConnectors": [office]}}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_unrecorded_rules_are_unknown if {
	i := ws({"dataConnectors": [office]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's analytics rules (spec.alertRules)",
	}}
}

test_unrecorded_connectors_are_unknown if {
	i := ws({"alertRules": [fusion]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "SentinelWorkspace/law-soc",
		"path": ["spec"],
		"msg": "the inventory does not record the workspace's Sentinel data connectors (spec.dataConnectors)",
	}}
}
