package steward.rules.logging.dataverse_activity_logging_off_test

import data.steward.rules.logging.dataverse_activity_logging_off as rule

env(name, spec) := {"kind": "PowerPlatformEnvironment", "metadata": {"name": name}, "spec": spec}

estate(envs) := {"documents": {"PowerPlatformEnvironment": {e.metadata.name: e | some e in envs}}}

prod(dataverse) := env("clinical", {"environmentSku": "Production", "dataverse": dataverse})

complete := {
	"isauditenabled": true,
	"isreadauditenabled": true,
	"isuseraccessauditenabled": "True",
	"tables": [
		{"LogicalName": "contact", "sensitive": true, "IsAuditEnabled": true},
		{"LogicalName": "msemr_careplan", "sensitive": true, "IsAuditEnabled": "True"},
		{"LogicalName": "knowledgearticle", "sensitive": false, "IsAuditEnabled": false},
		{"LogicalName": "queue"},
	],
}

test_read_logging_off_and_unaudited_sensitive_table_are_reported if {
	dataverse := object.union(complete, {
		"isreadauditenabled": false,
		"tables": [
			{"LogicalName": "contact", "sensitive": true, "IsAuditEnabled": true},
			{"LogicalName": "msemr_careplan", "sensitive": true, "IsAuditEnabled": false},
		],
	})
	r := rule.deny with input as estate([prod(dataverse)])
	r == {
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "isreadauditenabled"],
			"msg": "read logging is off (isreadauditenabled is false) in this Production environment: reads and exports of Dataverse records are not sent to Purview Audit",
		},
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "tables", 1, "IsAuditEnabled"],
			"msg": "auditing is off (IsAuditEnabled is false) for the sensitive table msemr_careplan: changes to its records are not logged",
		},
	}
}

test_user_access_auditing_off_is_reported if {
	r := rule.deny with input as estate([prod(object.union(complete, {"isuseraccessauditenabled": "False"}))])
	r == {{
		"resource": "PowerPlatformEnvironment/clinical",
		"path": ["spec", "dataverse", "isuseraccessauditenabled"],
		"msg": "access logging is off (isuseraccessauditenabled is false) in this Production environment: user access to the environment is not logged",
	}}
}

test_complete_logging_is_not_reported if {
	i := estate([prod(complete), env("sandbox", {"environmentSku": "Sandbox", "dataverse": {"isreadauditenabled": false}})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_environment_types_are_a_parameter if {
	i := estate([env("sandbox", {"environmentSku": "Sandbox", "dataverse": object.union(complete, {"isreadauditenabled": false})})])
	d := rule.deny with input as i with data.steward.params["LOG-008"].environmentSkus as ["Production", "Sandbox"]
	count(d) == 1
}

test_missing_settings_are_unknown if {
	i := estate([prod({"isauditenabled": true, "isreadauditenabled": true})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "isuseraccessauditenabled"],
			"msg": "the inventory does not record isuseraccessauditenabled of the environment's organization table",
		},
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "tables"],
			"msg": "the inventory does not list the environment's Dataverse tables (spec.dataverse.tables), so auditing of its sensitive tables cannot be confirmed",
		},
	}
}

test_sensitive_table_without_audit_flag_is_unknown if {
	i := estate([prod(object.union(complete, {"tables": [{"LogicalName": "contact", "sensitive": true}]}))])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PowerPlatformEnvironment/clinical",
		"path": ["spec", "dataverse", "tables", 0, "IsAuditEnabled"],
		"msg": "the inventory does not record whether auditing is on (IsAuditEnabled) for the sensitive table contact",
	}}
}

test_missing_environment_type_is_unknown if {
	i := estate([env("unknown-type", {"dataverse": {"isreadauditenabled": false}})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PowerPlatformEnvironment/unknown-type",
		"path": ["spec", "environmentSku"],
		"msg": "the inventory does not record the environment type (environmentSku), so whether it must have Dataverse activity logging cannot be decided",
	}}
}

test_settings_as_strings_of_either_case_are_read if {
	dataverse := object.union(complete, {"isreadauditenabled": "true", "isuseraccessauditenabled": "false"})
	sandbox := env("lab", {"environmentSku": "Sandbox", "dataverse": dataverse})
	r := rule.deny with input as estate([prod(dataverse), sandbox]) with data.steward.params["LOG-008"].environmentSkus as ["Production", "Sandbox"]
	r == {
		{
			"resource": "PowerPlatformEnvironment/clinical",
			"path": ["spec", "dataverse", "isuseraccessauditenabled"],
			"msg": "access logging is off (isuseraccessauditenabled is false) in this Production environment: user access to the environment is not logged",
		},
		{
			"resource": "PowerPlatformEnvironment/lab",
			"path": ["spec", "dataverse", "isuseraccessauditenabled"],
			"msg": "access logging is off (isuseraccessauditenabled is false) in this Sandbox environment: user access to the environment is not logged",
		},
	}
}
