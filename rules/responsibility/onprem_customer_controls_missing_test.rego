package steward.rules.responsibility.onprem_customer_controls_missing_test

import data.steward.rules.responsibility.onprem_customer_controls_missing as rule

# Tests run as of 2026-01-01 with the matrix of rules/responsibility.yaml, under which the
# areas the customer owns on-premises but not alone in some cloud model are Applications,
# Client devices, Network controls, Operating system and the three physical areas.
areas := ["Applications", "Client devices", "Network controls", "Operating system", "Physical hosts", "Physical network", "Physical datacenter"]

control(area, date) := {"area": area, "evidence": sprintf("%s review", [area]), "reviewedOn": date}

server(controls) := {"documents": {"OnPremServer": {"app01": {"kind": "OnPremServer", "metadata": {"name": "app01"}, "spec": {"hostName": "app01.corp.example", "customerControls": controls}}}}}

complete := [control(area, "2025-10-01") | some area in areas]

without(area) := [c | some c in complete; c.area != area]

test_missing_areas_are_reported_one_by_one if {
	controls := [c | some c in complete; not c.area in {"Physical hosts", "Client devices"}]
	r := rule.deny with input as server(controls)
	r == {
		{
			"resource": "OnPremServer/app01",
			"path": ["spec", "customerControls"],
			"msg": "no evidence is recorded for Physical hosts (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under iaas, paas, saas",
		},
		{
			"resource": "OnPremServer/app01",
			"path": ["spec", "customerControls"],
			"msg": "no evidence is recorded for Client devices (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under saas",
		},
	}
}

test_no_controls_at_all_reports_every_area if {
	store := {"kind": "OnPremDataStore", "metadata": {"name": "labfs"}, "spec": {"hostName": "labfs01.corp.example"}}
	r := rule.deny with input as {"documents": {"OnPremDataStore": {"labfs": store}}}
	count(r) == 7
}

test_stale_evidence_is_reported if {
	controls := array.concat(without("Physical network"), [
		{"area": "Physical network", "evidence": "NET-101", "reviewedOn": "2023-02-01"},
		{"area": "Physical network", "evidence": "NET-114", "reviewedOn": "2024-07-12"},
	])
	r := rule.deny with input as server(controls)
	r == {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls", 7, "reviewedOn"],
		"msg": "the evidence for Physical network (NET-114) was last reviewed on 2024-07-12, 538 days ago, more than the allowed 365",
	}}
}

test_complete_recent_evidence_is_not_reported_whatever_the_spelling if {
	controls := array.concat(without("Physical datacenter"), [control("physical data center", "2025-10-01")])
	i := server(controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_blank_evidence_does_not_count if {
	controls := array.concat(without("Operating system"), [{"area": "Operating system", "evidence": " ", "reviewedOn": "2025-10-01"}])
	r := rule.deny with input as server(controls)
	count(r) == 1
}

test_parameters_set_the_age_and_exempt_areas if {
	old := [control(area, "2024-07-12") | some area in areas; area != "Client devices"]
	d := rule.deny with input as server(old) with data.steward.params["RSP-005"].maxDays as 730 with data.steward.params["RSP-005"].exemptAreas as ["Client devices"]
	count(d) == 0
}

test_undated_evidence_is_unknown if {
	controls := array.concat(without("Operating system"), [{"area": "Operating system", "evidence": "WSUS patch compliance report"}])
	i := server(controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls", 6],
		"msg": "the evidence for Operating system (WSUS patch compliance report) has no reviewedOn date, so whether it is current cannot be confirmed",
	}}
}

test_undated_evidence_beside_stale_evidence_is_unknown if {
	controls := array.concat(without("Operating system"), [
		{"area": "Operating system", "evidence": "CIS-101", "reviewedOn": "2024-02-01"},
		{"area": "operating system", "evidence": "WSUS patch compliance report"},
	])
	i := server(controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls", 7],
		"msg": "the evidence for Operating system (WSUS patch compliance report) has no reviewedOn date, so whether it is current cannot be confirmed",
	}}
}

test_undated_evidence_beside_recent_evidence_is_not_reported if {
	controls := array.concat(complete, [{"area": "Applications", "evidence": "App inventory"}])
	i := server(controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_blank_undated_evidence_is_missing_not_unknown if {
	controls := array.concat(without("Physical hosts"), [{"area": "Physical hosts", "evidence": ""}])
	i := server(controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(u) == 0
	d == {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls"],
		"msg": "no evidence is recorded for Physical hosts (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under iaas, paas, saas",
	}}
}

server_in(model, controls) := {"documents": {"OnPremServer": {"app01": {"kind": "OnPremServer", "metadata": {"name": "app01"}, "spec": {"hostName": "app01.corp.example", "serviceModel": model, "customerControls": controls}}}}}

test_declared_service_model_sets_the_areas if {
	relieved := {"Applications": "paas, saas", "Client devices": "saas", "Network controls": "paas, saas", "Operating system": "paas, saas"}
	expected := {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls"],
		"msg": sprintf("no evidence is recorded for %s (spec.customerControls): the organisation owns this area alone here, while Microsoft owns or shares it under %s", [area, models]),
	} |
		some area, models in relieved
	}
	d := rule.deny with input as server_in("iaas", [])
	d == expected
	s := rule.deny with input as server_in("saas", [])
	count(s) == 0
}

test_kind_without_a_fixed_model_needs_a_declared_one if {
	none := rule.deny with input as server([]) with data.steward.kindServiceModels as {}
	count(none) == 0
	declared := rule.deny with input as server_in("paas", []) with data.steward.kindServiceModels as {}
	count(declared) == 1
}

test_stale_evidence_beside_recent_evidence_is_not_reported if {
	controls := array.concat(complete, [{"area": "Applications", "evidence": "APP-7", "reviewedOn": "2023-02-01"}])
	i := server(controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_stale_evidence_reviewed_the_same_day_names_the_first if {
	controls := array.concat(without("Applications"), [
		{"area": "applications", "evidence": "APP-1", "reviewedOn": "2024-07-12"},
		{"area": "Applications", "evidence": "APP-2", "reviewedOn": "2024-07-12"},
		{"area": "Applications", "evidence": "APP-3", "reviewedOn": "2023-01-05"},
	])
	r := rule.deny with input as server(controls)
	r == {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls", 6, "reviewedOn"],
		"msg": "the evidence for Applications (APP-1) was last reviewed on 2024-07-12, 538 days ago, more than the allowed 365",
	}}
}

test_undated_evidence_counts_only_for_areas_of_the_declared_model if {
	controls := [
		control("Applications", "2025-10-01"),
		control("Client devices", "2025-10-01"),
		control("Network controls", "2025-10-01"),
		{"area": "Operating system", "evidence": "WSUS patch compliance report"},
		{"area": "Physical hosts", "evidence": "CMDB hardware attestation"},
	]
	i := server_in("iaas", controls)
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "OnPremServer/app01",
		"path": ["spec", "customerControls", 3],
		"msg": "the evidence for Operating system (WSUS patch compliance report) has no reviewedOn date, so whether it is current cannot be confirmed",
	}}
}
