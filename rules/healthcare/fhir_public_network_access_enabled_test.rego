package steward.rules.healthcare.fhir_public_network_access_enabled_test

import data.steward.rules.healthcare.fhir_public_network_access_enabled as rule

resource(name, type, labels, properties) := {
	"kind": "AzureResource",
	"metadata": {"name": name, "labels": labels},
	"spec": {"type": type, "properties": properties},
}

estate(docs) := {"documents": {"AzureResource": {doc.metadata.name: doc | some doc in docs}}}

phi := {"data": "phi"}

test_public_access_is_reported if {
	r := rule.deny with input as estate([
		resource("ahds-clinical", "Microsoft.HealthcareApis/workspaces", phi, {"publicNetworkAccess": "Enabled"}),
		resource("fhir-legacy", "Microsoft.HealthcareApis/services", phi, {"publicNetworkAccess": "Enabled"}),
		resource("fhir-clinical", "Microsoft.HealthcareApis/workspaces/fhirservices", phi, {"publicNetworkAccess": "Disabled"}),
	])
	r == {
		{
			"resource": "AzureResource/ahds-clinical",
			"path": ["spec", "properties", "publicNetworkAccess"],
			"msg": "public network access is Enabled, so this PHI endpoint accepts connections from any internet address",
		},
		{
			"resource": "AzureResource/fhir-legacy",
			"path": ["spec", "properties", "publicNetworkAccess"],
			"msg": "public network access is Enabled, so this PHI endpoint accepts connections from any internet address",
		},
	}
}

test_disabled_access_is_not_reported if {
	i := estate([resource("fhir-clinical", "microsoft.healthcareapis/workspaces/fhirservices", phi, {"publicNetworkAccess": "Disabled"})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_other_types_and_non_phi_services_are_out_of_scope if {
	i := estate([
		resource("kv-clinical", "Microsoft.KeyVault/vaults", phi, {"publicNetworkAccess": "Enabled"}),
		resource("fhir-sandbox", "Microsoft.HealthcareApis/workspaces/fhirservices", {}, {"publicNetworkAccess": "Enabled"}),
	])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_setting_is_unknown if {
	i := estate([resource("fhir-clinical", "Microsoft.HealthcareApis/workspaces/fhirservices", phi, {})])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "properties", "publicNetworkAccess"],
		"msg": "the inventory does not record the service's public network access (properties.publicNetworkAccess), so private-only access cannot be confirmed",
	}}
}

phi_tenant := {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso", "labels": phi}, "spec": {}}}}

test_public_access_of_a_phi_tenant_is_reported if {
	i := object.union(estate([resource("ahds-clinical", "Microsoft.HealthcareApis/workspaces", {}, {"publicNetworkAccess": "Enabled"})]), {"documents": phi_tenant})
	r := rule.deny with input as i
	r == {{
		"resource": "AzureResource/ahds-clinical",
		"path": ["spec", "properties", "publicNetworkAccess"],
		"msg": "public network access is Enabled, so this PHI endpoint accepts connections from any internet address",
	}}
}

test_disabled_access_of_a_phi_tenant_is_not_reported if {
	i := object.union(estate([resource("dicom", "Microsoft.HealthcareApis/workspaces/dicomservices", {}, {"publicNetworkAccess": "Disabled"})]), {"documents": phi_tenant})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_missing_setting_of_a_phi_tenant_is_unknown if {
	i := object.union(estate([resource("fhir-clinical", "Microsoft.HealthcareApis/workspaces/fhirservices", {}, {})]), {"documents": phi_tenant})
	u := rule.unknown with input as i
	u == {{
		"resource": "AzureResource/fhir-clinical",
		"path": ["spec", "properties", "publicNetworkAccess"],
		"msg": "the inventory does not record the service's public network access (properties.publicNetworkAccess), so private-only access cannot be confirmed",
	}}
}
