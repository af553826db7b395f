# METADATA
# title: Exchange Online mailbox auditing is turned off for the organisation
# description: |
#   Mailbox auditing records mailbox access and changes by owners, delegates and admins
#   (mail read, sent as, moved, deleted) in Microsoft Purview Audit. It is on by default,
#   but the organisation-wide switch AuditDisabled, when true, turns it off for every
#   mailbox whatever the mailbox's own settings say, so a compromised or misused mailbox
#   holding patient correspondence leaves no trace.
# related_resources:
#   - ref: https://learn.microsoft.com/purview/audit-mailboxes
# custom:
#   id: LOG-011
#   severity: high
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: configuring your auditable logs in Office 365 (the logging and audit capabilities of Office 365 include Exchange mailbox auditing)"
#   mcsb: [LT-3]
#   remediation: In Exchange Online PowerShell run `Set-OrganizationConfig -AuditDisabled $false`, then record AuditDisabled false under spec.organizationConfig.
package steward.rules.logging.mailbox_auditing_disabled

import data.steward.lib

_setting := ["spec", "organizationConfig", "AuditDisabled"]

deny contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	lib.is_true(lib.get(tenant, _setting, null))
	msg := "mailbox auditing is turned off for every mailbox (AuditDisabled is true): mailbox access and changes are not recorded"
}

unknown contains lib.result(tenant, _setting, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _setting)
	msg := "the inventory does not record AuditDisabled (Get-OrganizationConfig), so mailbox auditing cannot be confirmed"
}
