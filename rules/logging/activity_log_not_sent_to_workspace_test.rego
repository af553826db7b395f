package steward.rules.logging.activity_log_not_sent_to_workspace_test

import data.steward.rules.logging.activity_log_not_sent_to_workspace as rule

workspace := "/subscriptions/7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc"

sub(spec) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": spec}}}}

setting(name, categories) := {
	"name": name,
	"workspaceId": workspace,
	"logs": [{"category": c, "enabled": true} | some c in categories],
}

test_setting_without_policy_is_reported if {
	archive := {"name": "archive", "storageAccountId": "/subscriptions/1/st", "logs": [{"category": "Policy", "enabled": true}]}
	r := rule.deny with input as sub({"diagnosticSettings": [setting("to-sentinel", ["Administrative", "Security"]), archive]})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "diagnosticSettings"],
		"msg": "no diagnostic setting of the subscription sends the Administrative, Policy and Security activity log categories to a Log Analytics workspace (to-sentinel lacks Policy)",
	}}
}

test_no_settings_are_reported if {
	r := rule.deny with input as sub({"diagnosticSettings": []})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "diagnosticSettings"],
		"msg": "no diagnostic setting of the subscription sends the Administrative, Policy and Security activity log categories to a Log Analytics workspace",
	}}
}

test_disabled_category_does_not_count if {
	s := {"name": "to-sentinel", "workspaceId": workspace, "logs": [
		{"category": "Administrative", "enabled": true},
		{"category": "Security", "enabled": "False"},
		{"category": "Policy", "enabled": true},
	]}
	r := rule.deny with input as sub({"diagnosticSettings": [s]})
	count(r) == 1
}

test_complete_setting_is_not_reported if {
	i := sub({"diagnosticSettings": [setting("to-sentinel", ["Administrative", "Security", "Policy", "Alert", "ServiceHealth"])]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_required_categories_are_a_parameter if {
	i := sub({"diagnosticSettings": [setting("to-sentinel", ["Administrative"])]})
	d := rule.deny with input as i with data.steward.params["LOG-013"].requiredCategories as ["Administrative"]
	count(d) == 0
}

test_missing_settings_are_unknown if {
	i := sub({"subscriptionId": "7d2f4c1a-8e3b-4f6d-a1c9-0b5e2d7f8a31"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "diagnosticSettings"],
		"msg": "the inventory does not record the subscription's diagnostic settings (az monitor diagnostic-settings subscription list), so export of its activity log cannot be confirmed",
	}}
}

test_enabled_strings_and_category_case_count if {
	s := {"name": "to-sentinel", "workspaceId": workspace, "logs": [
		{"category": "administrative", "enabled": "True"},
		{"category": "SECURITY", "enabled": "true"},
		{"category": "Policy", "enabled": true},
		{"categoryGroup": "audit", "enabled": true},
	]}
	i := sub({"diagnosticSettings": [s]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_several_partial_settings_are_reported_without_detail if {
	i := sub({"diagnosticSettings": [setting("a", ["Administrative", "Security"]), setting("b", ["Policy"])]})
	r := rule.deny with input as i
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "diagnosticSettings"],
		"msg": "no diagnostic setting of the subscription sends the Administrative, Policy and Security activity log categories to a Log Analytics workspace",
	}}
}

test_setting_with_an_empty_workspace_does_not_count if {
	s := object.union(setting("to-nowhere", ["Administrative", "Security", "Policy"]), {"workspaceId": ""})
	r := rule.deny with input as sub({"diagnosticSettings": [s, setting("to-sentinel", ["Administrative", "Policy", "Alert"])]})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "diagnosticSettings"],
		"msg": "no diagnostic setting of the subscription sends the Administrative, Policy and Security activity log categories to a Log Analytics workspace (to-sentinel lacks Security)",
	}}
}
