package steward.rules.defender.owner_alert_notifications_off_test

import data.steward.rules.defender.owner_alert_notifications_off as rule

sub(contacts) := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {"securityContacts": contacts}}}}}

contact(state, roles) := {"name": "default", "emails": "secops@contosohealth.example", "notificationsByRole": {"state": state, "roles": roles}}

test_roles_without_owner_are_reported if {
	r := rule.deny with input as sub([contact("On", ["AccountAdmin"])])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact emails alerts to the Owner role (default notifies only AccountAdmin)",
	}}
}

test_role_notification_off_is_reported if {
	r := rule.deny with input as sub([contact("Off", ["Owner"])])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact emails alerts to the Owner role (default has role notifications Off)",
	}}
}

test_no_contacts_is_reported if {
	r := rule.deny with input as sub([])
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact emails alerts to the Owner role (the subscription has no security contacts)",
	}}
}

test_owner_notification_is_not_reported if {
	i := sub([{"name": "old"}, contact("On", ["Owner", "ServiceAdmin"])])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) + count(u) == 0
}

test_roles_are_a_parameter if {
	r := rule.deny with input as sub([contact("On", ["Owner"])]) with data.steward.params["DEF-009"].roles as ["Owner", "ServiceAdmin"]
	r == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "no security contact emails alerts to the Owner and ServiceAdmin roles (default notifies only Owner)",
	}}
}

test_missing_contacts_are_unknown if {
	i := {"documents": {"Subscription": {"prod": {"kind": "Subscription", "metadata": {"name": "prod"}, "spec": {}}}}}
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "the inventory does not record the subscription's security contacts (Microsoft.Security/securityContacts), so role notification cannot be confirmed",
	}}
}

test_missing_role_notification_is_unknown if {
	i := sub([{"name": "default", "emails": "secops@contosohealth.example"}])
	d := rule.deny with input as i
	u := rule.unknown with input as i
	count(d) == 0
	u == {{
		"resource": "Subscription/prod",
		"path": ["spec", "securityContacts"],
		"msg": "the inventory does not record the notificationsByRole state of security contact default, so role notification cannot be confirmed",
	}}
}
