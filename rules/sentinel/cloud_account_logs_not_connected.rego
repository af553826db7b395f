# METADATA
# title: AWS account or GCP project logs do not reach Sentinel
# description: |
#   The other data sources the guidance brings into Microsoft Sentinel include the
#   multicloud estate. An AWS account's CloudTrail logs arrive through an Amazon Web
#   Services S3 connector (kind AmazonWebServicesS3, roleArn) or the legacy CloudTrail
#   connector (kind AmazonWebServicesCloudTrail, awsRoleArn) whose IAM role lives in that
#   account (arn:aws:iam::<account>:role/...); a GCP project's audit logs through a GCP
#   connector whose projectNumber is the project's. The finding is on the cloud account,
#   because connectors are per account and it is that account's activity that goes unseen.
#   A connector counts unless its logs data type is recorded as Disabled.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/sentinel/connect-aws
#   - ref: https://learn.microsoft.com/azure/sentinel/connect-google-cloud-platform
# custom:
#   id: SEN-009
#   severity: medium
#   area: Configurations and settings
#   kinds: [CloudAccount]
#   guidance: "Understand Microsoft security: integrate other data sources into Microsoft Sentinel (multicloud AWS and GCP logs)"
#   mcsb: [LT-5]
#   remediation: For AWS, deploy the Sentinel OIDC role and S3/SQS pipeline in the account and add it to the Amazon Web Services S3 connector (Microsoft Sentinel > Data connectors) with that role's ARN; for GCP, create the workload identity pool and Pub/Sub subscription in the project and add it to the GCP Pub/Sub Audit Logs connector with its project number.
package steward.rules.sentinel.cloud_account_logs_not_connected

import data.steward.lib

_onboarded := [ws | some ws in lib.docs("SentinelWorkspace"); "default" in ws.spec.onboardingStates]

# Without any onboarded workspace the verdict is "no SIEM", unless a workspace's onboarding
# state is not recorded: then it is open.
_onboarding_unrecorded := sort([ws.metadata.name |
	some ws in lib.docs("SentinelWorkspace")
	not lib.has(ws, ["spec", "onboardingStates"])
])

_no_sentinel if {
	count(_onboarded) == 0
	count(_onboarding_unrecorded) == 0
}

_aws_kinds := {"AmazonWebServicesS3", "AmazonWebServicesCloudTrail"}

# Every cloud connector keyed by provider and the account it reads: an IAM role ARN
# (arn:partition:iam::account:role/name) holds the account ID in its fifth field.
_connectors := [{"key": key, "workspace": ws.metadata.name, "name": c.name, "state": state} |
	some ws in _onboarded
	some c in ws.spec.dataConnectors
	some key in _keys(c)
	state := lib.get(c, ["dataTypes", "logs", "state"], "Enabled")
]

_keys(c) := {["AWS", account] |
	some field in ["roleArn", "awsRoleArn"]
	parts := split(c[field], ":")
	count(parts) > 5
	account := parts[4]
} if c.kind in _aws_kinds

_keys(c) := {["GCP", c.projectNumber]} if c.kind == "GCP"

_connected := {x.key | some x in _connectors; x.state == "Enabled"}

# Each account's connectors grouped in one pass, so that describing an account reads its
# own connectors instead of filtering all of them. Paired with their position so that a
# connector listed twice is described twice.
_by_key[x.key] contains [i, x] if {
	some i, x in _connectors
}

_off := {key: concat(", ", sort(names)) |
	some key, group in _by_key
	names := [sprintf("%s on %s, logs %s", [y.name, y.workspace, y.state]) | some [_, y] in group]
}

_unrecorded := sort([ws.metadata.name | some ws in _onboarded; not lib.has(ws, ["spec", "dataConnectors"])])

_source := {"AWS": "CloudTrail logs of AWS account", "GCP": "audit logs of GCP project"}

deny contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	_no_sentinel
	some account in lib.docs("CloudAccount")
	msg := sprintf("no workspace in the inventory has Microsoft Sentinel enabled, so the %s %s reach no SIEM", [_source[account.spec.provider], account.spec.hierarchyIdentifier])
}

deny contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_unrecorded) == 0
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not key in _connected
	described := _off[key]
	msg := sprintf("the Sentinel connector for the %s %s does not have logs Enabled (%s)", [_source[key[0]], key[1], described])
}

deny contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_onboarded) > 0
	count(_unrecorded) == 0
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not _off[key]
	msg := sprintf("no Sentinel workspace has a connector for the %s %s, so they do not reach Sentinel", [_source[key[0]], key[1]])
}

unknown contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_unrecorded) > 0
	some account in lib.docs("CloudAccount")
	key := [account.spec.provider, account.spec.hierarchyIdentifier]
	not key in _connected
	msg := sprintf("no recorded Sentinel connector reads the %s %s, and the inventory does not record the data connectors of %s", [_source[key[0]], key[1], concat(", ", _unrecorded)])
}

unknown contains lib.result(account, ["spec", "hierarchyIdentifier"], msg) if {
	count(_onboarded) == 0
	count(_onboarding_unrecorded) > 0
	some account in lib.docs("CloudAccount")
	msg := sprintf("no workspace is known to have Microsoft Sentinel enabled, and the inventory does not record the onboarding state (spec.onboardingStates) of %s", [concat(", ", _onboarding_unrecorded)])
}
