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

# Subscriptions with a contact of the usual working shape: enabled (true), an email
# address, and an Alert source at or below the required severity. Such a contact has no
# problem and no gap, so nothing is reported for its subscription; this quick pass spares
# most subscriptions the full judgement below. Anything else (isEnabled "True" as a
# string, say) is judged in full, so the pass only has to be sufficient, not complete.
_reached := {name |
	ranks := _rank
	required := ranks[_required]
	some name, sub in lib.docs("Subscription")
	some contact in sub.spec.securityContacts
	contact.isEnabled == true
	some source in contact.notificationsSources
	source.sourceType == "Alert"
	ranks[source.minimalSeverity] <= required
	trim_space(contact.emails) != ""
}

# What is wrong with a contact, as phrases about it, and what the inventory does not say,
# worked out once per contact. A required severity without a rank makes no source low
# enough and none too high, as the comparisons with it are undefined.
_judge(contact) := {"contact": contact, "problems": problems, "gaps": gaps} if {
	sources := [s | some s in contact.notificationsSources; s.sourceType == "Alert"]
	low_enough := [s | some s in sources; _rank[s.minimalSeverity] <= _rank[_required]]
	no_email := {"has no email address" | trim_space(contact.emails) == ""}
	disabled := {sprintf("is disabled (isEnabled %v)", [contact.isEnabled]) |
		object.get(contact, ["isEnabled"], null) != null
		not lib.is_true(contact.isEnabled)
	}
	no_source := {"has no Alert notification source" |
		object.get(contact, ["notificationsSources"], null) != null
		count(sources) == 0
	}
	too_high := {sprintf("mails alerts only from %s severity up", [s.minimalSeverity]) |
		count(low_enough) == 0
		some s in sources
		_rank[s.minimalSeverity] > _rank[_required]
	}
	problems := ((no_email | disabled) | no_source) | too_high
	unrecorded := {field |
		some field in ["emails", "isEnabled", "notificationsSources"]
		object.get(contact, [field], null) == null
	}
	severity_gap := {"the Alert source's minimalSeverity" |
		count(low_enough) == 0
		some s in sources
		object.get(s, ["minimalSeverity"], null) == null
	}
	gaps := unrecorded | severity_gap
}

# Every subscription the quick pass did not clear: its contacts judged, and those without a
# problem (each either works or lacks evidence).
_unreached[name] := {"judged": judged, "clear": clear} if {
	reached := _reached
	some name, sub in lib.docs("Subscription")
	not name in reached
	judged := [_judge(c) | some c in sub.spec.securityContacts]
	clear := [j | some j in judged; count(j.problems) == 0]
}

_verdicts := _unreached

deny contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	sub.spec.securityContacts == []
	msg := "no security contact is configured, so Defender for Cloud alerts are not emailed to anyone"
}

# No contact works and none merely lacks evidence: every contact has a problem.
deny contains lib.result(sub, _contacts, msg) if {
	verdicts := _verdicts
	some name, sub in lib.docs("Subscription")
	verdict := verdicts[name]
	count(sub.spec.securityContacts) > 0
	count(verdict.clear) == 0
	described := concat("; ", sort([sprintf("%s %s", [j.contact.name, _join(sort(j.problems))]) | some j in verdict.judged]))
	msg := sprintf("no security contact is emailed Defender for Cloud alerts of %s severity and above: %s", [_required, described])
}

unknown contains lib.result(sub, _contacts, msg) if {
	some sub in lib.docs("Subscription")
	object.get(sub, ["spec", "securityContacts"], null) == null
	msg := "the inventory does not record the subscription's security contacts (Microsoft.Security/securityContacts), so alert notification cannot be confirmed"
}

# No contact works, and one without a problem lacks evidence: it might be the one that works.
unknown contains lib.result(sub, _contacts, msg) if {
	verdicts := _verdicts
	some name, sub in lib.docs("Subscription")
	verdict := verdicts[name]
	every j in verdict.clear {
		count(j.gaps) > 0
	}
	some j in verdict.clear
	msg := sprintf("the inventory does not record %s for security contact %s, so alert notification cannot be confirmed", [concat(" or ", sort(j.gaps)), j.contact.name])
}

# A list as prose: "a", "a and b", "a, b and c".
_join(items) := items[0] if count(items) == 1

_join(items) := sprintf("%s and %s", [concat(", ", array.slice(items, 0, count(items) - 1)), items[count(items) - 1]]) if count(items) > 1
