package steward.rules.healthcare.fhir_cors_allows_any_origin_test

import data.steward.rules.healthcare.fhir_cors_allows_any_origin as rule

fhir(labels, properties) := {"documents": {"AzureResource": {"fhir-clinical": {
	"kind": "AzureResource",
	"metadata": {"name": "fhir-clinical", "labels": labels},
	"spec": {"type": "Microsoft.HealthcareApis/workspaces/fhirservices", "properties": properties},
}}}}

phi := {"data": "phi"}

test_wildcard_origin_is_reported if {
	r := rule.deny with input as fhir(phi, {"corsConfiguration": {"origins": ["https://portal.contosohealth.example", "*"], "allowCredentials": false}})
	r == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "properties", "corsConfiguration", "origins"],
		"msg": "the CORS configuration allows every origin (origins: https://portal.contosohealth.example, *), so any web page can call this PHI API with a signed-in user's token",
	}}
}

test_named_origins_are_not_reported if {
	every cors in [
		{"origins": ["https://portal.contosohealth.example"]},
		{"origins": []},
		{},
	] {
		i := fhir(phi, {"corsConfiguration": cors})
		d := rule.deny with input as i
		u := rule.unknown with input as i
		count(d) + count(u) == 0
	}
}

test_fhir_without_phi_is_out_of_scope if {
	i := fhir({}, {"corsConfiguration": {"origins": ["*"]}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_cors_configuration_is_unknown if {
	i := fhir(phi, {"publicNetworkAccess": "Disabled"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "properties", "corsConfiguration"],
		"msg": "the inventory does not record the FHIR service's CORS configuration (properties.corsConfiguration), so its allowed origins cannot be confirmed",
	}}
}

tenant := {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}

test_wildcard_origin_of_a_phi_tenant_is_reported if {
	i := object.union(fhir({}, {"corsConfiguration": {"origins": ["*"]}}), {"documents": {"Tenant": {"contoso": tenant}}})
	r := rule.deny with input as i
	r == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "properties", "corsConfiguration", "origins"],
		"msg": "the CORS configuration allows every origin (origins: *), so any web page can call this PHI API with a signed-in user's token",
	}}
}

test_missing_cors_configuration_of_a_phi_tenant_is_unknown if {
	i := object.union(fhir({}, {}), {"documents": {"Tenant": {"contoso": tenant}}})
	u := rule.unknown with input as i
	u == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "properties", "corsConfiguration"],
		"msg": "the inventory does not record the FHIR service's CORS configuration (properties.corsConfiguration), so its allowed origins cannot be confirmed",
	}}
}

test_other_types_are_not_reported if {
	web := {"kind": "AzureResource", "metadata": {"name": "portal", "labels": phi}, "spec": {"type": "Microsoft.Web/sites", "properties": {"corsConfiguration": {"origins": ["*"]}}}}
	i := {"documents": {"AzureResource": {"portal": web}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

# Properties are free-form: the origins of a service out of scope are not read at all, so
# a value that is not a list does not stop the evaluation.
test_origins_of_a_service_out_of_scope_are_not_reported if {
	i := fhir({}, {"corsConfiguration": {"origins": "*"}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}
