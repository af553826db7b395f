package steward.rules.defender.cloud_apps_connector_missing_test

import data.steward.rules.defender.cloud_apps_connector_missing as rule

tenant(spec) := {"documents": {"Tenant": {"contoso": {"kind": "Tenant", "metadata": {"name": "contoso"}, "spec": spec}}}}

connectors(list) := {"defenderForCloudApps": {"appConnectors": list}}

test_missing_and_disconnected_workloads_are_reported if {
	i := tenant(connectors([
		{"app": "Office365", "status": "Connected", "components": ["EntraID", "Office365Activities", "Office365Files"]},
		{"app": "Dynamics365", "status": "Disconnected"},
	]))
	r := rule.deny with input as i
	r == {
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "defenderForCloudApps", "appConnectors"],
			"msg": "no Defender for Cloud Apps app connector exists for Power BI, so its activity is not monitored and raises no alerts",
		},
		{
			"resource": "Tenant/contoso",
			"path": ["spec", "defenderForCloudApps", "appConnectors", 1, "status"],
			"msg": "the Defender for Cloud Apps app connector for Dynamics 365 is Disconnected, not Connected",
		},
	}
}

test_all_workloads_connected_is_not_reported if {
	i := tenant(connectors([
		{"app": "Office365", "status": "Connected"},
		{"app": "PowerBI", "status": "Connected"},
		{"app": "Dynamics365", "status": "Error"},
		{"app": "Dynamics365", "status": "Connected"},
	]))
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_workloads_are_a_parameter if {
	i := tenant(connectors([{"app": "Office365", "status": "Connected"}]))
	d := rule.deny with input as i with data.steward.params["DEF-013"].apps as ["Office365"]
	count(d) == 0
	r := rule.deny with input as tenant(connectors([])) with data.steward.params["DEF-013"].apps as ["Office365"]
	r == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "defenderForCloudApps", "appConnectors"],
		"msg": "no Defender for Cloud Apps app connector exists for Microsoft 365 (Office 365 and Teams), so its activity is not monitored and raises no alerts",
	}}
}

test_missing_connectors_are_unknown if {
	i := tenant({"defenderForCloudApps": {}})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Tenant/contoso",
		"path": ["spec", "defenderForCloudApps", "appConnectors"],
		"msg": "the inventory does not record the tenant's Defender for Cloud Apps app connectors (spec.defenderForCloudApps.appConnectors), so protection of Microsoft 365 (Office 365 and Teams), Power BI, Dynamics 365 cannot be confirmed",
	}}
}
