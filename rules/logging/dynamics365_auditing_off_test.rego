package steward.rules.logging.dynamics365_auditing_off_test

import data.steward.rules.logging.dynamics365_auditing_off as rule

env(name, spec) := {"kind": "PowerPlatformEnvironment", "metadata": {"name": name}, "spec": spec}

estate(envs) := {"documents": {"PowerPlatformEnvironment": {e.metadata.name: e | some e in envs}}}

prod(dataverse) := env("clinical", {"environmentSku": "Production", "dataverse": dataverse})

test_auditing_off_and_short_retention_are_reported if {
	r := rule.deny with input as estate([prod({"isauditenabled": false, "auditretentionperiodv2": 30})])
	r == {
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "isauditenabled"],
			"msg": "Dataverse auditing is off (isauditenabled is false) in this Production environment: changes to its records are not logged",
		},
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "auditretentionperiodv2"],
			"msg": "the Dataverse audit log is kept for 30 days, below the required 365 (or forever, -1)",
		},
	}
}

test_auditing_on_with_long_or_forever_retention_is_not_reported if {
	i := estate([
		prod({"isauditenabled": "True", "auditretentionperiodv2": 365}),
		env("records", {"environmentSku": "Production", "dataverse": {"isauditenabled": true, "auditretentionperiodv2": -1}}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_non_production_environments_pass if {
	i := estate([
		env("sandbox", {"environmentSku": "Sandbox", "dataverse": {"isauditenabled": false}}),
		env("default", {"environmentSku": "Default", "isDefault": true}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_environment_types_and_days_are_parameters if {
	i := estate([env("sandbox", {"environmentSku": "Sandbox", "dataverse": {"isauditenabled": true, "auditretentionperiodv2": 90}})])
	d := rule.deny with input as i
		with data.steward.params["LOG-007"].environmentSkus as ["Production", "Sandbox"]
		with data.steward.params["LOG-007"].minDays as 180
	d == {{
		"resource": "PowerPlatformEnvironment/sandbox",
		"path": ["spec", "dataverse", "auditretentionperiodv2"],
		"msg": "the Dataverse audit log is kept for 90 days, below the required 180 (or forever, -1)",
	}}
}

test_missing_settings_are_unknown if {
	i := estate([prod({}), env("unknown-type", {"displayName": "Imported"})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "isauditenabled"],
			"msg": "the inventory does not record whether Dataverse auditing is on (isauditenabled of the organization table)",
		},
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "auditretentionperiodv2"],
			"msg": "the inventory does not record the Dataverse audit retention (auditretentionperiodv2 of the organization table)",
		},
		{
			"resource": "PowerPlatformEnvironment/unknown-type",
			"path": ["spec", "environmentSku"],
			"msg": "the inventory does not record the environment type (environmentSku), so whether it must have Dynamics 365 auditing cannot be decided",
		},
	}
}
