package steward.rules.defender.cloud_account_not_connected_test

import data.steward.rules.defender.cloud_account_not_connected as rule

aws := {"kind": "CloudAccount", "metadata": {"name": "aws-research"}, "spec": {"provider": "AWS", "hierarchyIdentifier": "483920175566"}}

gcp := {"kind": "CloudAccount", "metadata": {"name": "gcp-analytics"}, "spec": {"provider": "GCP", "hierarchyIdentifier": "731045982216"}}

connector(env, id, offerings) := {"name": sprintf("%s-%s", [lower(env), id]), "environmentName": env, "hierarchyIdentifier": id, "offerings": [{"offeringType": o} | some o in offerings]}

sub(name, spec) := {"kind": "Subscription", "metadata": {"name": name}, "spec": spec}

estate(subs) := {"documents": {
	"CloudAccount": {"aws-research": aws, "gcp-analytics": gcp},
	"Subscription": subs,
}}

test_unconnected_accounts_are_reported if {
	i := estate({
		"prod": sub("prod", {"securityConnectors": [connector("AWS", "483920175566", ["CspmMonitorAws"])]}),
		"dev": sub("dev", {"securityConnectors": []}),
	})
	r := rule.deny with input as i
	r == {{
		"resource": "CloudAccount/gcp-analytics",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "no Defender for Cloud security connector covers the GCP project 731045982216, so it has no secure score, recommendations or alerts",
	}}
}

test_connector_without_cspm_is_reported if {
	i := estate({"prod": sub("prod", {"securityConnectors": [
		connector("AWS", "483920175566", ["DefenderForServersAws"]),
		connector("GCP", "731045982216", ["DefenderCspmGcp"]),
	]})})
	r := rule.deny with input as i
	r == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the Defender for Cloud connector of the AWS account 483920175566 has no CSPM offering (aws-483920175566 in prod offers DefenderForServersAws), so its posture is not assessed",
	}}
}

test_all_connectors_without_cspm_are_reported if {
	i := estate({
		"prod": sub("prod", {"securityConnectors": [
			connector("AWS", "483920175566", ["DefenderForServersAws"]),
			{"name": "aws-legacy", "environmentName": "AWS", "hierarchyIdentifier": "483920175566"},
			connector("GCP", "731045982216", ["CspmMonitorGcp"]),
		]}),
		"dev": sub("dev", {"securityConnectors": [connector("AWS", "483920175566", [])]}),
	})
	r := rule.deny with input as i
	r == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the Defender for Cloud connector of the AWS account 483920175566 has no CSPM offering (aws-483920175566 in dev offers nothing; aws-483920175566 in prod offers DefenderForServersAws), so its posture is not assessed",
	}}
}

test_a_connector_of_the_other_provider_does_not_count if {
	i := estate({"prod": sub("prod", {"securityConnectors": [
		connector("GCP", "483920175566", ["CspmMonitorGcp"]),
		connector("GCP", "731045982216", ["CspmMonitorGcp"]),
	]})})
	r := rule.deny with input as i
	count(r) == 1
	some f in r
	f.resource == "CloudAccount/aws-research"
}

test_connected_accounts_are_not_reported if {
	i := estate({
		"prod": sub("prod", {"securityConnectors": [connector("AWS", "483920175566", ["CspmMonitorAws", "DefenderForServersAws"])]}),
		"shared": sub("shared", {"securityConnectors": [connector("GCP", "731045982216", ["CspmMonitorGcp"])]}),
		"dev": sub("dev", {}),
	})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_offerings_are_a_parameter if {
	i := estate({"prod": sub("prod", {"securityConnectors": [
		connector("AWS", "483920175566", ["CspmMonitorAws"]),
		connector("GCP", "731045982216", ["CspmMonitorGcp"]),
	]})})
	d := rule.deny with input as i with data.steward.params["DEF-006"].offerings as {"AWS": ["DefenderCspmAws"], "GCP": ["CspmMonitorGcp"]}
	count(d) == 1
}

test_unrecorded_connectors_are_unknown if {
	i := estate({
		"prod": sub("prod", {"securityConnectors": [connector("AWS", "483920175566", ["CspmMonitorAws"])]}),
		"dev": sub("dev", {}),
	})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/gcp-analytics",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "no recorded security connector covers the GCP project 731045982216, and the inventory does not record the security connectors (spec.securityConnectors) of dev",
	}}
}

test_unrecorded_offerings_are_unknown if {
	i := estate({"prod": sub("prod", {"securityConnectors": [
		{"name": "aws-research", "environmentName": "AWS", "hierarchyIdentifier": "483920175566"},
		connector("GCP", "731045982216", ["CspmMonitorGcp"]),
	]})})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the inventory does not record the offerings of connector aws-research in prod, so CSPM coverage of the AWS account 483920175566 cannot be confirmed",
	}}
}

test_all_connectors_with_unrecorded_offerings_are_unknown if {
	i := estate({
		"prod": sub("prod", {"securityConnectors": [
			connector("AWS", "483920175566", ["CspmMonitorAws"]),
			{"name": "gcp-b", "environmentName": "GCP", "hierarchyIdentifier": "731045982216"},
		]}),
		"dev": sub("dev", {"securityConnectors": [{"name": "gcp-a", "environmentName": "GCP", "hierarchyIdentifier": "731045982216"}]}),
	})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/gcp-analytics",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the inventory does not record the offerings of connector gcp-a in dev, gcp-b in prod, so CSPM coverage of the GCP project 731045982216 cannot be confirmed",
	}}
}

test_no_subscription_is_unknown if {
	i := {"documents": {"CloudAccount": {"aws-research": aws}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "CloudAccount/aws-research",
		"path": ["spec", "hierarchyIdentifier"],
		"msg": "the inventory holds no Azure subscription, so whether a Defender for Cloud connector covers the AWS account 483920175566 cannot be confirmed",
	}}
}

test_one_assessing_connector_is_enough if {
	i := estate({
		"prod": sub("prod", {"securityConnectors": [
			connector("AWS", "483920175566", ["CspmMonitorAws"]),
			connector("GCP", "731045982216", ["DefenderForServersGcp"]),
		]}),
		"dev": sub("dev", {"securityConnectors": [
			connector("AWS", "483920175566", ["DefenderForServersAws"]),
			{"name": "aws-unstated", "environmentName": "AWS", "hierarchyIdentifier": "483920175566"},
			connector("GCP", "731045982216", ["DefenderCspmGcp"]),
		]}),
	})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}
