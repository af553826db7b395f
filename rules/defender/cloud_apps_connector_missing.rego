# METADATA
# title: Microsoft 365, Power BI or Dynamics 365 is not connected to Defender for Cloud Apps
# description: |
#   The guidance lists Teams and Office 365, Power BI and Dynamics 365 among what Defender
#   for Cloud protects; for these SaaS workloads the protection is Microsoft Defender for
#   Cloud Apps, which sees their activity and raises alerts only once the workload is
#   connected to it. The workloads share one admin page and one owner, so this is one rule
#   with a finding per workload whose connection is missing or not Connected; the list of
#   workloads is a parameter, for a tenant that does not license one of them.
# related_resources:
#   - ref: https://learn.microsoft.com/defender-cloud-apps/enable-instant-visibility-protection-and-governance-actions-for-your-apps
#   - ref: https://learn.microsoft.com/defender-cloud-apps/protect-office-365
#   - ref: https://learn.microsoft.com/power-bi/enterprise/service-security-using-defender-for-cloud-apps-controls
# custom:
#   id: DEF-013
#   severity: medium
#   area: Configurations and settings
#   kinds: [Tenant]
#   guidance: "Understand Microsoft security: Defender for Cloud can protect Teams and Office 365, Microsoft Power BI and Dynamics 365"
#   mcsb: [LT-1, IM-1]
#   params:
#     apps:
#       default: [Office365, PowerBI, Dynamics365]
#       description: Workloads (appConnectors[].app) that must have a Connected Defender for Cloud Apps app connector.
#   remediation: In the Microsoft Defender portal > Settings > Cloud Apps > Connected apps > App Connectors, connect Microsoft 365 with all components (Microsoft Entra ID, Office 365 activities, Office 365 files); it carries Teams, Power BI and Dynamics 365 activity once Purview auditing, Power BI auditing and Dataverse auditing are on. Add Power BI to Conditional Access App Control for session controls, and record each workload as Connected under spec.defenderForCloudApps.appConnectors.
package steward.rules.defender.cloud_apps_connector_missing

import data.steward.lib

_connectors := ["spec", "defenderForCloudApps", "appConnectors"]

_display := {"Office365": "Microsoft 365 (Office 365 and Teams)", "PowerBI": "Power BI", "Dynamics365": "Dynamics 365"}

_name(app) := _display[app]

_name(app) := app if not _display[app]

_names := concat(", ", [_name(app) | some app in lib.param("DEF-013", "apps")])

_connected(tenant) := {c.app | some c in tenant.spec.defenderForCloudApps.appConnectors; c.status == "Connected"}

_present(tenant) := {c.app | some c in tenant.spec.defenderForCloudApps.appConnectors}

deny contains lib.result(tenant, _connectors, msg) if {
	some tenant in lib.docs("Tenant")
	lib.has(tenant, _connectors)
	some app in lib.param("DEF-013", "apps")
	not app in _present(tenant)
	msg := sprintf("no Defender for Cloud Apps app connector exists for %s, so its activity is not monitored and raises no alerts", [_name(app)])
}

deny contains lib.result(tenant, array.concat(_connectors, [i, "status"]), msg) if {
	some tenant in lib.docs("Tenant")
	some app in lib.param("DEF-013", "apps")
	not app in _connected(tenant)
	some i, c in tenant.spec.defenderForCloudApps.appConnectors
	c.app == app
	msg := sprintf("the Defender for Cloud Apps app connector for %s is %s, not Connected", [_name(app), c.status])
}

unknown contains lib.result(tenant, _connectors, msg) if {
	some tenant in lib.docs("Tenant")
	not lib.has(tenant, _connectors)
	msg := sprintf("the inventory does not record the tenant's Defender for Cloud Apps app connectors (spec.defenderForCloudApps.appConnectors), so protection of %s cannot be confirmed", [_names])
}
