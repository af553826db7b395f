package steward.rules.purview.purview_logs_not_sent_to_workspace_test

import data.steward.rules.purview.purview_logs_not_sent_to_workspace as rule

workspace := "/subscriptions/1/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc"

account(spec) := {"documents": {"PurviewAccount": {"pv": {"kind": "PurviewAccount", "metadata": {"name": "pv"}, "spec": spec}}}}

test_settings_that_send_nothing_useful_are_reported if {
	i := account({"diagnosticSettings": [
		{"name": "to-storage", "storageAccountId": "/subscriptions/1/st", "logs": [{"categoryGroup": "allLogs", "enabled": true}]},
		{"name": "to-sentinel", "workspaceId": workspace, "logs": [{"categoryGroup": "audit", "enabled": "False"}]},
	]})
	r := rule.deny with input as i
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "diagnosticSettings"],
		"msg": "none of the Purview account's diagnostic settings (to-sentinel, to-storage) sends an enabled audit or allLogs group, or a Security, ScanStatusLogEvent or DataSensitivityLogEvent category, to a Log Analytics workspace",
	}}
}

test_no_settings_is_reported if {
	r := rule.deny with input as account({"diagnosticSettings": []})
	r == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec", "diagnosticSettings"],
		"msg": "the Purview account has no diagnostic setting, so its security, scan and data-sensitivity logs reach no Log Analytics workspace",
	}}
}

test_audit_group_or_a_purview_category_is_not_reported if {
	every logs in [[{"categoryGroup": "audit", "enabled": true}], [{"category": "ScanStatusLogEvent", "enabled": "True"}]] {
		i := account({"diagnosticSettings": [{"name": "to-sentinel", "workspaceId": workspace, "logs": logs}]})
		d := rule.deny with input as i
		u := rule.unknown with input as i
		count(d) + count(u) == 0
	}
}

test_missing_settings_are_unknown if {
	i := account({"publicNetworkAccess": "Disabled"})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "PurviewAccount/pv",
		"path": ["spec"],
		"msg": "the inventory does not record the Purview account's diagnostic settings (spec.diagnosticSettings)",
	}}
}
