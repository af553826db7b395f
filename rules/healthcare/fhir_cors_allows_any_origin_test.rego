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
