# METADATA
# title: Subscription owners are not emailed Defender for Cloud alerts
# description: |
#   Besides the named security contacts, Defender for Cloud can email alerts to everyone
#   who holds a role on the subscription (notificationsByRole). Sending them to the Owner
#   role means the people accountable for the subscription hear of an attack even when
#   the contact list is stale. At least one security contact should have
#   notificationsByRole state On with every required role.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications
# custom:
#   id: DEF-009
#   severity: low
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud alerts defend your workloads in real time so you can react immediately and prevent security events from developing"
#   mcsb: [IR-2]
#   params:
#     roles:
#       default: [Owner]
#       description: Subscription roles that must all be notified (Owner, AccountAdmin, Contributor, ServiceAdmin).
#   remediation: In Defender for Cloud > Environment settings > the subscription > Email notifications, under "All users with the following roles" select Owner, which sets notificationsByRole state On with roles including Owner on Microsoft.Security/securityContacts/default (policy 0b15565f-aa9e-48ba-8619-45960f2c314d audits it).
package steward.rules.defender.owner_alert_notifications_off

import data.steward.lib

_contacts := ["spec", "securityContacts"]

_required := {r | some r in lib.param("DEF-009", "roles")}

_roles(contact) := {r | some r in contact.notificationsByRole.roles}

_notifies(contact) if {
	contact.notificationsByRole.state == "On"
	count(_required - _roles(contact)) == 0
}

_any_notifies(sub) if {
	some contact in sub.spec.securityContacts
	_notifies(contact)
}

_unrecorded(sub) := sort([c.name | some c in sub.spec.securityContacts; not lib.has(c, ["notificationsByRole", "state"])])

_describe(contact) := sprintf("%s has role notifications %s", [contact.name, contact.notificationsByRole.state]) if contact.notificationsByRole.state != "On"

_describe(contact) := sprintf("%s notifies no role", [contact.name]) if {
	contact.notificationsByRole.state == "On"
	count(_roles(contact)) == 0
}

_describe(contact) := sprintf("%s notifies only %s", [contact.name, concat(", ", sort(_roles(contact)))]) if {
	contact.notificationsByRole.state == "On"
	count(_roles(contact)) > 0
}

_role_phrase := sprintf("the %s role", [concat("", _required)]) if count(_required) == 1

_role_phrase := sprintf("the %s roles", [concat(" and ", sort(_required))]) if count(_required) > 1

_or_none(described) := "the subscription has no security contacts" if described == ""

_or_none(described) := described if described != ""

deny contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	contacts := sub.spec.securityContacts
	not _any_notifies(sub)
	count(_unrecorded(sub)) == 0
	described := concat("; ", sort([_describe(c) | some c in contacts]))
	msg := sprintf("no security contact emails alerts to %s (%s)", [_role_phrase, _or_none(described)])
}

unknown contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, _contacts)
	msg := "the inventory does not record the subscription's security contacts (Microsoft.Security/securityContacts), so role notification cannot be confirmed"
}

unknown contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	not _any_notifies(sub)
	names := _unrecorded(sub)
	count(names) > 0
	msg := sprintf("the inventory does not record the notificationsByRole state of security contact %s, so role notification cannot be confirmed", [concat(", ", names)])
}
