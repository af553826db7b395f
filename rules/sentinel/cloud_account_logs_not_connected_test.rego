package steward.rules.sentinel.cloud_account_logs_not_connected_test

import data.steward.rules.sentinel.cloud_account_logs_not_connected as rule

account(name, provider, id) := {"kind": "CloudAccount", "metadata": {"name": name}, "spec": {"provider": provider, "hierarchyIdentifier": id}}

ws(name, spec) := {"kind": "SentinelWorkspace", "metadata": {"name": name}, "spec": object.union({"onboardingStates": ["default"]}, spec)}

estate(workspaces) := {"documents": {
	"CloudAccount": {
		"aws-research": account("aws-research", "AWS", "483920175566"),
		"gcp-analytics": account("gcp-analytics", "GCP", "804129457731"),
	},
	"SentinelWorkspace": {w.metadata.name: w | some w in workspaces},
}}

s3(arn, state) := {"name": "aws-s3", "kind": "AmazonWebServicesS3", "roleArn": arn, "dataTypes": {"logs": {"state": state}}}

gcp(project) := {"name": "gcp-audit", "kind": "GCP", "projectNumber": project}

research_role := "arn:aws:iam::483920175566:role/OIDC_MicrosoftSentinelRole"

test_unconnected_accounts_are_reported if {
	other := s3("arn:aws:iam::219384756102:role/OIDC_MicrosoftSentinelRole", "Enabled")
	r := rule.deny with input as estate([ws("law-soc", {"dataConnectors": [other, gcp("111111111111")]})])
	r == {
		{
			"resource": "CloudAccount/aws-research",
			"path": ["spec", "hierarchyIdentifier"],
			"msg": "no Sentinel workspace has a connector for the CloudTrail logs of AWS account 483920175566, so they do not reach Sentinel",
		},
		{
			"resource": "CloudAccount/gcp-analytics",
			"path": ["spec", "hierarchyIdentifier"],
			"msg": "no Sentinel workspace has a connector for the audit logs of GCP project 804129457731, so they do not reach Sentinel",
		},
	}
}

test_disabled_connector_is_reported if {
	r := rule.deny with input as estate([ws("law-soc", {"dataConnectors": [s3(research_role, "Disabled"), gcp("804129457731")]})])
	r == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the Sentinel connector for the CloudTrail logs of AWS account 483920175566 does not have logs Enabled (aws-s3 on law-soc, logs Disabled)",
	}}
}

test_all_disabled_connectors_of_an_account_are_reported if {
	trail := {"name": "aws-trail", "kind": "AmazonWebServicesCloudTrail", "awsRoleArn": research_role, "dataTypes": {"logs": {"state": "Disabled"}}}
	i := estate([
		ws("law-soc", {"dataConnectors": [s3(research_role, "Disabled"), gcp("804129457731")]}),
		ws("law-research", {"dataConnectors": [trail]}),
	])
	r := rule.deny with input as i
	r == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the Sentinel connector for the CloudTrail logs of AWS account 483920175566 does not have logs Enabled (aws-s3 on law-soc, logs Disabled, aws-trail on law-research, logs Disabled)",
	}}
}

test_connected_accounts_are_not_reported if {
	legacy := {"name": "aws-cloudtrail", "kind": "AmazonWebServicesCloudTrail", "awsRoleArn": research_role}
	i := estate([ws("law-soc", {"dataConnectors": [legacy]}), ws("law-research", {"dataConnectors": [gcp("804129457731")]})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_no_sentinel_at_all_is_reported if {
	r := rule.deny with input as estate([])
	count(r) == 2
	some f in r
	f.msg == "no workspace in the inventory has Microsoft Sentinel enabled, so the CloudTrail logs of AWS account 483920175566 reach no SIEM"
}

test_unrecorded_connectors_are_unknown if {
	i := estate([ws("law-soc", {"dataConnectors": [s3(research_role, "Enabled")]}), ws("law-research", {})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/gcp-analytics",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "no recorded Sentinel connector reads the audit logs of GCP project 804129457731, and the inventory does not record the data connectors of law-research",
	}}
}

test_unrecorded_onboarding_without_sentinel_is_unknown if {
	i := estate([{"kind": "SentinelWorkspace", "metadata": {"name": "law-soc"}, "spec": {"retentionInDays": 90}}])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	count(u) == 2
	some f in u
	f.resource == "CloudAccount/aws-research"
	f.msg == "no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of law-soc"
}
