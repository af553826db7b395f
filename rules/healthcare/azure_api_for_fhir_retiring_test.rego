package steward.rules.healthcare.azure_api_for_fhir_retiring_test

import data.steward.rules.healthcare.azure_api_for_fhir_retiring as rule

resource(name, type, labels) := {"kind": "AzureResource", "metadata": {"name": name, "labels": labels}, "spec": {"type": type}}

phi := {"data": "phi"}

estate := {"documents": {"AzureResource": {
	"fhir-legacy": resource("fhir-legacy", "Microsoft.HealthcareApis/services", phi),
	"fhir-clinical": resource("fhir-clinical", "Microsoft.HealthcareApis/workspaces/fhirservices", phi),
}}}

test_api_for_fhir_before_retirement_is_reported if {
	r := rule.deny with input as estate
	r == {{
		"resource": "AzureResource/fhir-legacy",
		"path": ["spec", "type"],
		"msg": "this is Azure API for FHIR, which retires on 2026-09-30, 272 days from now: move it to the FHIR service in Azure Health Data Services",
	}}
}

test_api_for_fhir_after_retirement_says_retired if {
	# 2026-09-30T00:00:00Z, the retirement day itself.
	r := rule.deny with input as estate with data.steward.asOfNs as 1790726400000000000
	r == {{
		"resource": "AzureResource/fhir-legacy",
		"path": ["spec", "type"],
		"msg": "this is Azure API for FHIR, which retired on 2026-09-30: move it to the FHIR service in Azure Health Data Services",
	}}
}

test_fhir_service_is_not_reported if {
	i := {"documents": {"AzureResource": {"fhir-clinical": resource("fhir-clinical", "Microsoft.HealthcareApis/workspaces/fhirservices", phi)}}}
	d := rule.deny with input as i
	count(d) == 0
}

test_api_for_fhir_without_phi_is_out_of_scope if {
	i := {"documents": {"AzureResource": {"fhir-legacy": resource("fhir-legacy", "microsoft.healthcareapis/services", {})}}}
	d := rule.deny with input as i
	count(d) == 0
}

test_retirement_date_is_a_parameter if {
	r := rule.deny with input as estate with data.steward.params["HLT-006"].retirementDate as "2025-12-31"
	r == {{
		"resource": "AzureResource/fhir-legacy",
		"path": ["spec", "type"],
		"msg": "this is Azure API for FHIR, which retired on 2025-12-31: move it to the FHIR service in Azure Health Data Services",
	}}
}

test_api_for_fhir_in_any_case_is_reported if {
	i := {"documents": {"AzureResource": {
		"fhir-a": resource("fhir-a", "microsoft.healthcareapis/services", phi),
		"fhir-b": resource("fhir-b", "MICROSOFT.HEALTHCAREAPIS/SERVICES", phi),
		"fhir-c": resource("fhir-c", "Microsoft.HealthcareApis/services", phi),
		"fhir-d": resource("fhir-d", "Microsoft.HealthcareApis/servicesX", phi),
	}}}
	r := rule.deny with input as i
	{x.resource | some x in r} == {"AzureResource/fhir-a", "AzureResource/fhir-b", "AzureResource/fhir-c"}
}
