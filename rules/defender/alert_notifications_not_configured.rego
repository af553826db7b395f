# METADATA
# title: No security contact receives Defender for Cloud alert email
# description: |
#   Defender for Cloud alerts defend workloads in real time only if someone hears of them.
#   The subscription's security contact (Microsoft.Security/securityContacts) must name at
#   least one email address, be enabled, and have an Alert notification source whose
#   minimal severity is at or below the required level (High < Medium < Low in volume:
#   a contact notified from Medium also receives High alerts). Otherwise alerts wait in
#   the portal until someone looks.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications
# custom:
#   id: DEF-008
#   severity: high
#   area: Configurations and settings
#   kinds: [Subscription]
#   guidance: "Understand Microsoft security: Defender for Cloud alerts defend your workloads in real time so you can react immediately and prevent security events from developing"
#   mcsb: [IR-2]
#   params:
#     minimalSeverity:
#       default: High
#       description: The highest minimalSeverity (High, Medium or Low) an Alert notification source may have; Medium or Low also satisfy High.
#   remediation: In Defender for Cloud > Environment settings > the subscription > Email notifications, enter the security team's addresses in emails, turn notifications on (isEnabled true) and choose "Notify about alerts with the following severity (or higher)" at the required severity, which adds an Alert entry under notificationsSources; policies 4f4f78b8-e367-4b10-a341-d9a4ad5cf1c7 and 6e2593d9-add6-4083-9c9b-4b7d2188c899 audit this.
package steward.rules.defender.alert_notifications_not_configured

import data.steward.lib

_contacts := ["spec", "securityContacts"]

# A lower rank means more alerts are mailed: minimalSeverity Low mails everything.
_rank := {"Low": 1, "Medium": 2, "High": 3}

_required := lib.param("DEF-008", "minimalSeverity")

_alert_sources(contact) := [s | some s in contact.notificationsSources; s.sourceType == "Alert"]

# What is wrong with a contact, as phrases about it, and what the inventory does not say.
_problems(contact) := ((_no_email(contact) | _disabled(contact)) | _no_alert_source(contact)) | _too_high(contact)

_gaps(contact) := {field |
	some field in ["emails", "isEnabled", "notificationsSources"]
	not lib.has(contact, [field])
} | _severity_gap(contact)

_no_email(contact) := {"has no email address"} if {
	trim_space(contact.emails) == ""
} else := set()

_disabled(contact) := {sprintf("is disabled (isEnabled %v)", [contact.isEnabled])} if {
	lib.has(contact, ["isEnabled"])
	not lib.is_true(contact.isEnabled)
} else := set()

_no_alert_source(contact) := {"has no Alert notification source"} if {
	lib.has(contact, ["notificationsSources"])
	count(_alert_sources(contact)) == 0
} else := set()

_too_high(contact) := {sprintf("mails alerts only from %s severity up", [s.minimalSeverity]) |
	not _low_enough(contact)
	some s in _alert_sources(contact)
	_rank[s.minimalSeverity] > _rank[_required]
}

_severity_gap(contact) := {"the Alert source's minimalSeverity"} if {
	not _low_enough(contact)
	some s in _alert_sources(contact)
	not lib.has(s, ["minimalSeverity"])
} else := set()

_low_enough(contact) if {
	some s in _alert_sources(contact)
	_rank[s.minimalSeverity] <= _rank[_required]
}

_ok(contact) if {
	count(_problems(contact)) == 0
	count(_gaps(contact)) == 0
}

_any_ok(sub) if {
	some contact in sub.spec.securityContacts
	_ok(contact)
}

# A contact only lacking evidence might be the one that works.
_any_open(sub) if {
	some contact in sub.spec.securityContacts
	count(_problems(contact)) == 0
	count(_gaps(contact)) > 0
}

_describe(contact) := sprintf("%s %s", [contact.name, _join(sort(_problems(contact)))])

deny contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	sub.spec.securityContacts == []
	msg := "no security contact is configured, so Defender for Cloud alerts are not emailed to anyone"
}

deny contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	count(sub.spec.securityContacts) > 0
	not _any_ok(sub)
	not _any_open(sub)
	described := concat("; ", sort([_describe(c) | some c in sub.spec.securityContacts]))
	msg := sprintf("no security contact is emailed Defender for Cloud alerts of %s severity and above: %s", [_required, described])
}

unknown contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	not lib.has(sub, _contacts)
	msg := "the inventory does not record the subscription's security contacts (Microsoft.Security/securityContacts), so alert notification cannot be confirmed"
}

unknown contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	not _any_ok(sub)
	some contact in sub.spec.securityContacts
	count(_problems(contact)) == 0
	count(_gaps(contact)) > 0
	msg := sprintf("the inventory does not record %s for security contact %s, so alert notification cannot be confirmed", [concat(" or ", sort(_gaps(contact))), contact.name])
}

# A list as prose: "a", "a and b", "a, b and c".
_join(items) := items[0] if count(items) == 1

_join(items) := sprintf("%s and %s", [concat(", ", array.slice(items, 0, count(items) - 1)), items[count(items) - 1]]) if count(items) > 1
