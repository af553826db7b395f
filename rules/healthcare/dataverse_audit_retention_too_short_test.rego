package steward.rules.healthcare.dataverse_audit_retention_too_short_test

import data.steward.rules.healthcare.dataverse_audit_retention_too_short as rule

env(labels, spec) := {"documents": {"PowerPlatformEnvironment": {"clinical-care": {
	"kind": "PowerPlatformEnvironment",
	"metadata": {"name": "clinical-care", "labels": labels},
	"spec": spec,
}}}}

phi := {"data": "phi"}

retention(days) := {"dataverse": {"isauditenabled": true, "auditretentionperiodv2": days}}

test_short_retention_is_reported if {
	r := rule.deny with input as env(phi, retention(90))
	r == {{
		"resource": "PowerPlatformEnvironment/clinical-care",
		"path": ["spec", "dataverse", "auditretentionperiodv2"],
		"msg": "the Dataverse audit log is kept for 90 days, below the required 2190 days (or forever) for an environment holding PHI",
	}}
}

test_six_years_or_forever_is_not_reported if {
	every days in [2190, 3650, -1] {
		i := env(phi, retention(days))
		d := rule.deny with input as i
		u := rule.unknown with input as i
		count(d) + count(u) == 0
	}
}

test_environment_without_phi_is_out_of_scope if {
	i := env({}, retention(30))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_phi_tenant_brings_every_environment_into_scope if {
	i := object.union(env({}, retention(30)), {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}}}})
	r := rule.deny with input as i
	count(r) == 1
}

test_minimum_is_a_parameter if {
	d := rule.deny with input as env(phi, retention(400)) with data.steward.params["HLT-003"].minDays as 365
	count(d) == 0
}

test_missing_retention_is_unknown if {
	i := env(phi, {"dataverse": {"isauditenabled": true}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PowerPlatformEnvironment/clinical-care",
		"path": ["spec", "dataverse", "auditretentionperiodv2"],
		"msg": "the inventory does not record the environment's Dataverse audit retention (auditretentionperiodv2 of the organization table), so retention of its audit log cannot be confirmed",
	}}
}

test_only_labelled_environments_are_in_scope_without_a_phi_tenant if {
	envs := {"PowerPlatformEnvironment": {
		"care": {"kind": "PowerPlatformEnvironment", "metadata": {"name": "care", "labels": {"data": "PHI"}}, "spec": {}},
		"hr": {"kind": "PowerPlatformEnvironment", "metadata": {"name": "hr", "labels": {"data": "pii"}}, "spec": retention(30)},
		"apps": {"kind": "PowerPlatformEnvironment", "metadata": {"name": "apps"}, "spec": {}},
	}}
	u := rule.unknown with input as {"documents": envs}
	{x.resource | some x in u} == {"PowerPlatformEnvironment/care"}
	tenant := {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}}}
	i := {"documents": object.union(envs, tenant)}
	d := rule.deny with input as i
	u2 := rule.unknown with input as i
	{x.resource | some x in d} == {"PowerPlatformEnvironment/hr"}
	{x.resource | some x in u2} == {"PowerPlatformEnvironment/care", "PowerPlatformEnvironment/apps"}
}
