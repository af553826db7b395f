package steward.rules.defender.alert_notifications_not_configured_test

import data.steward.rules.defender.alert_notifications_not_configured as rule

sub(spec) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": spec}}}}

contact(severity) := {
	"name": "default",
	"emails": "secops@contosohealth.example;soc-lead@contosohealth.example",
	"isEnabled": true,
	"notificationsSources": [{"sourceType": "Alert", "minimalSeverity": severity}],
}

test_unreachable_contact_is_reported if {
	c := {"name": "default", "emails": " ", "isEnabled": "False", "notificationsSources": [{"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}]}
	r := rule.deny with input as sub({"securityContacts": [c]})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact is emailed Defender for Cloud alerts of High severity and above: default has no Alert notification source, has no email address and is disabled (isEnabled False)",
	}}
}

test_no_contact_is_reported if {
	r := rule.deny with input as sub({"securityContacts": []})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact is configured, so Defender for Cloud alerts are not emailed to anyone",
	}}
}

test_complete_contact_is_not_reported if {
	outcomes := [n |
		some severity in ["High", "Medium", "Low"]
		i := sub({"securityContacts": [contact(severity)]})
		d := rule.deny with input as i
		u := rule.unknown with input as i
		n := count(d) + count(u)
	]
	outcomes == [0, 0, 0]
}

test_one_good_contact_is_enough if {
	i := sub({"securityContacts": [{"name": "old", "emails": "", "isEnabled": false}, contact("High")]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_minimal_severity_is_a_parameter if {
	i := sub({"securityContacts": [contact("High")]})
	r := rule.deny with input as i with data.steward.params["DEF-008"].minimalSeverity as "Medium"
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact is emailed Defender for Cloud alerts of Medium severity and above: default mails alerts only from High severity up",
	}}
	d := rule.deny with input as sub({"securityContacts": [contact("Low")]}) with data.steward.params["DEF-008"].minimalSeverity as "Medium"
	count(d) == 0
}

test_missing_contacts_are_unknown if {
	i := sub({})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "the inventory does not record the subscription's security contacts (Microsoft.Security/securityContacts), so alert notification cannot be confirmed",
	}}
}

test_contact_missing_settings_is_unknown if {
	i := sub({"securityContacts": [{"name": "default", "emails": "secops@contosohealth.example", "notificationsSources": [{"sourceType": "Alert"}]}]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "the inventory does not record isEnabled or the Alert source's minimalSeverity for security contact default, so alert notification cannot be confirmed",
	}}
}

test_contact_enabled_as_a_string_is_not_reported if {
	# isEnabled "True" escapes the quick check for the usual shape; the full judgement clears it.
	i := sub({"securityContacts": [object.union(contact("Medium"), {"isEnabled": "True"})]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_every_failing_contact_is_described if {
	blank := object.union(contact("High"), {"name": "team", "emails": " "})
	disabled := object.union(contact("High"), {"name": "backup", "isEnabled": "false"})
	r := rule.deny with input as sub({"securityContacts": [blank, disabled]})
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact is emailed Defender for Cloud alerts of High severity and above: backup is disabled (isEnabled false); team has no email address",
	}}
}

test_contact_missing_evidence_beside_a_failing_one_is_unknown if {
	blank := object.union(contact("High"), {"name": "team", "emails": ""})
	unsure := {"name": "default", "emails": "secops@contosohealth.example", "isEnabled": true, "notificationsSources": [{"sourceType": "Alert"}]}
	i := sub({"securityContacts": [blank, unsure]})
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "the inventory does not record the Alert source's minimalSeverity for security contact default, so alert notification cannot be confirmed",
	}}
}
