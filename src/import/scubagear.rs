//! `steward import scubagear`: CISA ScubaGear's `ProviderSettingsExport.json` to one
//! inventory file per tenant (its `Tenant` and `PowerPlatformEnvironment`
//! documents). A port of the prototype's `import_scubagear`; see docs/importing.md
//! for the mapping.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::document::{self, Document};
use super::json::{
    self, Log, Object, base_name, by_name, is_guid, item_obj, list_or_empty, opt_list, picked_list, put,
    put_bool, py_str, repr, repr_str, req, req_str, strip_nulls, truthy,
};
use super::{Imported, OutputFile, Overlay};
use crate::diagnostic::Stage;

const TOOL: &str = "scubagear";

/// Keys the importer maps.
const KNOWN_MAPPED: &[&str] = &[
    "baseline_version",
    "module_version",
    "date",
    "timestamp_zulu",
    "report_uuid",
    "tenant_details",
    "tenant_id",
    "admin_audit_log_config",
    "org_config",
    "service_plans",
    "dlp_compliance_policies",
    "dlp_compliance_rules",
    "unified_audit_log_retention_policies",
    "environment_creation",
    "dlp_policies",
    "tenant_isolation",
    "environment_list",
];

/// Keys the importer knows and leaves out on purpose (no note).
const KNOWN_UNMAPPED: &[&str] = &[
    "scuba_config",
    "conditional_access_policies",
    "cap_table_data",
    "authorization_policies",
    "secure_score",
    "admin_consent_policies",
    "privileged_users",
    "privileged_roles",
    "directory_settings",
    "authentication_method",
    "protection_policy_rules",
    "malware_filter_policies",
    "anti_phish_policies",
    "hosted_content_filter_policies",
    "safe_attachment_policies",
    "safe_attachment_rules",
    "all_domains",
    "accepted_domains",
    "protection_alerts",
    "safe_links_policies",
    "safe_links_rules",
    "atp_policy_for_o365",
    "atp_policy_rules",
    "anti_phish_rules",
    "built_in_protection_rules",
    "hosted_content_filter_rules",
    "anti_malware_policies",
    "anti_malware_rules",
    "defender_license",
    "defender_dlp_license",
    "remote_domains",
    "spf_records",
    "dkim_config",
    "dkim_records",
    "dmarc_records",
    "transport_config",
    "sharing_policy",
    "transport_rule",
    "conn_filter",
    "SPO_tenant",
    "SPO_site",
    "OneDrive_PnP_Flag",
    "teams_tenant_info",
    "meeting_policies",
    "federation_configuration",
    "client_configuration",
    "app_policies",
    "broadcast_policies",
    "license_information",
    "total_user_count",
];

/// The commands that fill each key: a key is used only when none of them is in an
/// `<product>_unsuccessful_commands` list.
const COMMAND_OF: &[(&str, &[&str])] = &[
    ("admin_audit_log_config", &["Get-AdminAuditLogConfig"]),
    ("org_config", &["Get-OrganizationConfig"]),
    (
        "service_plans",
        &["Get-MgBetaSubscribedSku", "Get-MgSubscribedSku"],
    ),
    ("dlp_compliance_policies", &["Get-DlpCompliancePolicy"]),
    ("dlp_compliance_rules", &["Get-DlpComplianceRule"]),
    (
        "unified_audit_log_retention_policies",
        &["Get-UnifiedAuditLogRetentionPolicy"],
    ),
    ("environment_creation", &["Get-TenantSettings"]),
    ("environment_list", &["Get-AdminPowerAppEnvironment"]),
    ("dlp_policies", &["Get-DlpPolicy"]),
    ("tenant_isolation", &["Get-PowerAppTenantIsolationPolicy"]),
];

const RETENTION: [&str; 10] = [
    "SevenDays",
    "OneMonth",
    "ThreeMonths",
    "SixMonths",
    "NineMonths",
    "TwelveMonths",
    "ThreeYears",
    "FiveYears",
    "SevenYears",
    "TenYears",
];

const SKUS: [&str; 6] = ["Production", "Sandbox", "Trial", "Developer", "Default", "Teams"];

const LOCATIONS: [&str; 6] = [
    "ExchangeLocation",
    "SharePointLocation",
    "OneDriveLocation",
    "TeamsLocation",
    "EndpointDlpLocation",
    "PowerBIDlpLocation",
];

/// The file being imported and what is said about it.
struct Cx {
    base: String,
    shown: String,
    unsuccessful: BTreeSet<String>,
    log: Log,
}

impl Cx {
    /// Whether `key` is evidence: present, and filled by no failed command.
    fn usable(&mut self, data: &Object, key: &str) -> bool {
        if !data.contains_key(key) {
            self.log.note(format!("{}: no {key}", self.base));
            return false;
        }
        let mut failed: Vec<&str> = Vec::new();
        for (k, commands) in COMMAND_OF {
            if *k != key {
                continue;
            }
            for command in *commands {
                if self.unsuccessful.contains(*command) {
                    failed.push(*command);
                }
            }
        }
        if !failed.is_empty() {
            self.log.note(format!(
                "{}: {key} not used: {} failed",
                self.base,
                failed.join(", ")
            ));
            return false;
        }
        true
    }

    fn boolish(&mut self, value: Option<&Value>) -> Option<bool> {
        self.log.boolish(value, &self.base)
    }

    fn fail(&mut self, key: &str, message: String) {
        self.log
            .error(Stage::Parse, &self.shown, format!("{key}: {message}; left out"));
    }

    fn finish(self, files: Vec<OutputFile>) -> Imported {
        Imported {
            files,
            notes: self.log.notes,
            errors: self.log.errors,
        }
    }
}

/// Reads one `ProviderSettingsExport.json` and maps it.
pub(crate) fn import(path: &Path, overlay: Option<&Overlay>, imported_on: &str) -> Imported {
    let mut cx = Cx {
        base: base_name(path),
        shown: path.display().to_string(),
        unsuccessful: BTreeSet::new(),
        log: Log::default(),
    };
    let value = match json::load(path) {
        Ok(value) => value,
        Err(diagnostic) => {
            cx.log.errors.push(diagnostic);
            return cx.finish(Vec::new());
        }
    };
    let Value::Object(data) = value else {
        cx.log.error(
            Stage::Parse,
            &cx.shown,
            "not a ScubaGear ProviderSettingsExport.json: expected a JSON object".to_owned(),
        );
        return cx.finish(Vec::new());
    };
    match map(&data, &mut cx, overlay, imported_on) {
        Some(file) => cx.finish(vec![file]),
        None => cx.finish(Vec::new()),
    }
}

fn map(data: &Object, cx: &mut Cx, overlay: Option<&Overlay>, imported_on: &str) -> Option<OutputFile> {
    for (k, v) in data {
        if k.ends_with("_unsuccessful_commands")
            && let Value::Array(items) = v
        {
            for item in items {
                if let Some(command) = item.as_str() {
                    cx.unsuccessful.insert(command.to_owned());
                }
            }
        }
    }
    for k in data.keys() {
        let known = KNOWN_MAPPED.contains(&k.as_str())
            || KNOWN_UNMAPPED.contains(&k.as_str())
            || k.ends_with("_successful_commands")
            || k.ends_with("_unsuccessful_commands");
        if !known {
            cx.log
                .note(format!("{}: unknown key {} ignored", cx.base, repr_str(k)));
        }
    }

    // Identity: tenant ID, display name, domains, document name.
    let details: Object = match data.get("tenant_details") {
        Some(Value::Array(items)) => items
            .first()
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        _ => Object::new(),
    };
    let mut tenant_id: Option<Value> = match details.get("TenantId") {
        Some(Value::String(s)) if is_guid(s) => Some(Value::String(s.clone())),
        _ => None,
    };
    if tenant_id.is_none()
        && let Some(Value::String(s)) = data.get("tenant_id")
        && is_guid(s)
    {
        tenant_id = Some(Value::String(s.clone()));
    }
    let display = match details.get("DisplayName") {
        Some(Value::String(s)) if !s.starts_with("Error retrieving") => Some(s.clone()),
        _ => None,
    };
    let mut initial: Option<String> = None;
    let mut primary: Option<String> = None;
    if let Some(Value::Object(aad)) = details.get("AADAdditionalData") {
        for domain in list_or_empty(aad, "VerifiedDomains").unwrap_or(&[]) {
            let Some(domain) = domain.as_object() else {
                continue;
            };
            let name = domain.get("Name").and_then(Value::as_str);
            if truthy(domain.get("IsInitial"))
                && let Some(name) = name
            {
                initial = Some(name.to_owned());
            }
            if truthy(domain.get("IsDefault"))
                && let Some(name) = name
            {
                primary = Some(name.to_owned());
            }
        }
    }
    if initial.is_none()
        && let Some(Value::String(domain)) = details.get("DomainName")
        && (domain.ends_with(".onmicrosoft.com") || domain.ends_with(".onmicrosoft.us"))
        && !domain.contains(".mail.onmicrosoft.")
    {
        initial = Some(domain.clone());
    }
    let name = match &initial {
        Some(domain) if !domain.is_empty() => domain.split('.').next().unwrap_or("").to_owned(),
        _ => tenant_id
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
    };
    if name.is_empty() {
        cx.log.error(
            Stage::Parse,
            &cx.shown,
            "cannot name the tenant: the export gives neither its initial *.onmicrosoft.com domain \
             nor a tenant ID"
                .to_owned(),
        );
        return None;
    }

    let mut tenant = Document::new("Tenant", &name, TOOL);
    provenance(&mut tenant, data);
    tenant.set_sources(std::iter::once(&cx.base));
    put(&mut tenant.spec, "tenantId", tenant_id.as_ref());
    if let Some(display) = display {
        tenant
            .spec
            .insert("displayName".to_owned(), Value::String(display));
    }
    if let Some(primary) = primary {
        tenant
            .spec
            .insert("primaryDomain".to_owned(), Value::String(primary));
    }

    if cx.usable(data, "admin_audit_log_config") {
        match first_object(data, "admin_audit_log_config") {
            Ok(Some(c)) => {
                let mut a = Object::new();
                put_bool(
                    &mut a,
                    "UnifiedAuditLogIngestionEnabled",
                    cx.boolish(c.get("UnifiedAuditLogIngestionEnabled")),
                );
                put_bool(
                    &mut a,
                    "AdminAuditLogEnabled",
                    cx.boolish(c.get("AdminAuditLogEnabled")),
                );
                tenant
                    .spec
                    .insert("adminAuditLogConfig".to_owned(), Value::Object(a));
            }
            Ok(None) => {}
            Err(message) => cx.fail("admin_audit_log_config", message),
        }
    }
    if cx.usable(data, "org_config") {
        match first_object(data, "org_config") {
            Ok(Some(c)) => {
                if let Some(disabled) = cx.boolish(c.get("AuditDisabled")) {
                    let mut o = Object::new();
                    o.insert("AuditDisabled".to_owned(), Value::Bool(disabled));
                    tenant
                        .spec
                        .insert("organizationConfig".to_owned(), Value::Object(o));
                }
            }
            Ok(None) => {}
            Err(message) => cx.fail("org_config", message),
        }
    }
    if cx.usable(data, "service_plans") {
        match service_plans(data) {
            Ok(plans) => {
                tenant.spec.insert("servicePlans".to_owned(), plans);
            }
            Err(message) => cx.fail("service_plans", message),
        }
    }
    if cx.usable(data, "dlp_compliance_policies") {
        let rules_ok = cx.usable(data, "dlp_compliance_rules");
        match dlp_compliance_policies(data, rules_ok, cx) {
            Ok(policies) => {
                tenant.spec.insert("dlpCompliancePolicies".to_owned(), policies);
            }
            Err(message) => cx.fail("dlp_compliance_policies", message),
        }
    }
    if cx.usable(data, "unified_audit_log_retention_policies") {
        match retention_policies(data, cx) {
            Ok(Some(policies)) => {
                tenant
                    .spec
                    .insert("unifiedAuditLogRetentionPolicies".to_owned(), policies);
            }
            Ok(None) => {}
            Err(message) => cx.fail("unified_audit_log_retention_policies", message),
        }
    }

    let mut power = Object::new();
    if cx.usable(data, "environment_creation") {
        match first_object(data, "environment_creation") {
            Ok(Some(c)) => {
                let settings = tenant_settings(c, cx);
                power.insert("tenantSettings".to_owned(), settings);
            }
            Ok(None) => {}
            Err(message) => cx.fail("environment_creation", message),
        }
    }
    if cx.usable(data, "tenant_isolation") {
        match first_object(data, "tenant_isolation") {
            Ok(Some(c)) => {
                let isolation = tenant_isolation(c.get("properties").and_then(Value::as_object), cx);
                power.insert("tenantIsolation".to_owned(), isolation);
            }
            Ok(None) => {}
            Err(message) => cx.fail("tenant_isolation", message),
        }
    }
    if cx.usable(data, "dlp_policies") {
        match dlp_policies(data) {
            Ok(policies) => {
                power.insert("dlpPolicies".to_owned(), policies);
            }
            Err(message) => cx.fail("dlp_policies", message),
        }
    }
    if !power.is_empty() {
        tenant
            .spec
            .insert("powerPlatform".to_owned(), Value::Object(power));
    }

    let mut docs = vec![tenant];
    if cx.usable(data, "environment_list") {
        match data.get("environment_list") {
            Some(Value::Array(list)) => environments(list, data, cx, &mut docs),
            _ => cx.fail("environment_list", "not a list".to_owned()),
        }
    }

    if let Some(overlay) = overlay {
        overlay.apply(&mut docs);
    }
    Some(OutputFile {
        name: format!("{name}.yaml"),
        text: document::render(docs, TOOL, imported_on),
    })
}

/// ScubaGear's run metadata, on every document.
fn provenance(doc: &mut Document, data: &Object) {
    doc.annotate("steward.dev/scubagear-version", data.get("module_version"));
    doc.annotate("steward.dev/export-date", data.get("date"));
    doc.annotate("steward.dev/exported-at", data.get("timestamp_zulu"));
}

/// `data[key][0]` of a key whose value is a list of one object; `None` for an
/// empty (or otherwise false) value.
fn first_object<'a>(data: &'a Object, key: &str) -> Result<Option<&'a Object>, String> {
    let value = data.get(key);
    if !truthy(value) {
        return Ok(None);
    }
    match value {
        Some(Value::Array(items)) => match items.first() {
            Some(Value::Object(o)) => Ok(Some(o)),
            _ => Err("the first item is not an object".to_owned()),
        },
        _ => Err("not a list".to_owned()),
    }
}

fn service_plans(data: &Object) -> Result<Value, String> {
    let Some(Value::Array(items)) = data.get("service_plans") else {
        return Err("not a list".to_owned());
    };
    let mut names: BTreeSet<String> = BTreeSet::new();
    for plan in items {
        let plan = item_obj(plan, "service_plans")?;
        if plan.get("ProvisioningStatus").and_then(Value::as_str) == Some("Success") {
            names.insert(req_str(plan, "ServicePlanName")?.to_owned());
        }
    }
    Ok(Value::Array(names.into_iter().map(Value::String).collect()))
}

/// A location list: names as they are, objects by their `Name`.
fn location_names(items: &[Value]) -> Value {
    let mut out = Vec::new();
    for x in items {
        match x {
            Value::Object(o) => out.push(o.get("Name").cloned().unwrap_or(Value::Null)),
            other => out.push(other.clone()),
        }
    }
    Value::Array(out)
}

fn dlp_compliance_policies(data: &Object, rules_ok: bool, cx: &mut Cx) -> Result<Value, String> {
    let Some(Value::Array(policies)) = data.get("dlp_compliance_policies") else {
        return Err("not a list".to_owned());
    };
    let rules: &[Value] = if rules_ok {
        match data.get("dlp_compliance_rules") {
            Some(Value::Array(rules)) => rules.as_slice(),
            _ => return Err("`dlp_compliance_rules` is not a list".to_owned()),
        }
    } else {
        &[]
    };
    let mut out = Vec::new();
    for policy in policies {
        let policy = item_obj(policy, "dlp_compliance_policies")?;
        let name = req(policy, "Name")?;
        let mut e = Object::new();
        e.insert("Name".to_owned(), name.clone());
        e.insert("Mode".to_owned(), req(policy, "Mode")?.clone());
        put_bool(&mut e, "Enabled", cx.boolish(policy.get("Enabled")));
        for location in LOCATIONS {
            if let Some(Value::Array(items)) = policy.get(location) {
                e.insert(location.to_owned(), location_names(items));
            }
        }
        if rules_ok {
            let mut types: BTreeSet<String> = BTreeSet::new();
            for rule in rules {
                let Some(rule) = rule.as_object() else {
                    continue;
                };
                if rule.get("ParentPolicyName") != Some(name) {
                    continue;
                }
                if cx.boolish(rule.get("Disabled")) == Some(true) {
                    continue;
                }
                for item in list_or_empty(rule, "ContentContainsSensitiveInformation")? {
                    let Some(item) = item.as_object() else {
                        continue;
                    };
                    if item.contains_key("groups") {
                        let Some(Value::Array(groups)) = item.get("groups") else {
                            return Err("`groups` is not a list".to_owned());
                        };
                        for group in groups {
                            let group = item_obj(group, "groups")?;
                            for sensitive in list_or_empty(group, "sensitivetypes")? {
                                let sensitive = item_obj(sensitive, "sensitivetypes")?;
                                types.insert(req_str(sensitive, "name")?.to_owned());
                            }
                        }
                    } else if let Some(Value::String(type_name)) = item.get("name") {
                        types.insert(type_name.clone());
                    }
                }
            }
            let list: Vec<Value> = types.into_iter().map(Value::String).collect();
            e.insert("SensitiveInformationTypes".to_owned(), Value::Array(list));
        }
        out.push(Value::Object(e));
    }
    Ok(Value::Array(by_name(out, "Name")))
}

/// Written whole or not at all: one policy whose `RetentionDuration` is outside the
/// schema's enum leaves the list out (with a note).
fn retention_policies(data: &Object, cx: &mut Cx) -> Result<Option<Value>, String> {
    let key = "unified_audit_log_retention_policies";
    let Some(Value::Array(policies)) = data.get(key) else {
        return Err("not a list".to_owned());
    };
    let mut out = Vec::new();
    let mut ok = true;
    for policy in policies {
        let policy = item_obj(policy, key)?;
        let duration = policy.get("RetentionDuration");
        let known = duration
            .and_then(Value::as_str)
            .is_some_and(|d| RETENTION.contains(&d));
        if !known {
            let shown_duration = match duration {
                Some(v) => repr(v),
                None => "None".to_owned(),
            };
            cx.log.note(format!(
                "{}: retention policy {}: RetentionDuration {shown_duration}",
                cx.base,
                py_str(policy.get("Name"))
            ));
            ok = false;
            continue;
        }
        let mut e = Object::new();
        e.insert("Name".to_owned(), req(policy, "Name")?.clone());
        put(&mut e, "RetentionDuration", duration);
        put_bool(&mut e, "Enabled", cx.boolish(policy.get("Enabled")));
        for k in ["RecordTypes", "Operations", "UserIds", "Priority"] {
            put(&mut e, k, policy.get(k));
        }
        out.push(Value::Object(e));
    }
    if ok {
        Ok(Some(Value::Array(by_name(out, "Name"))))
    } else {
        Ok(None)
    }
}

/// The `@{name=value; ...}` text `ConvertTo-Json` writes past its depth limit, read
/// as flat `name=value` pairs.
fn ps_hashtable(text: &str) -> Option<Object> {
    let inner = text.strip_prefix("@{")?.strip_suffix('}')?;
    let mut out = Object::new();
    for part in inner.split("; ") {
        if let Some((k, v)) = part.split_once('=') {
            out.insert(k.trim().to_owned(), Value::String(v.to_owned()));
        }
    }
    Some(out)
}

fn tenant_settings(c: &Object, cx: &mut Cx) -> Value {
    let mut settings = Object::new();
    for k in [
        "disableEnvironmentCreationByNonAdminUsers",
        "disableTrialEnvironmentCreationByNonAdminUsers",
        "disablePortalsCreationByNonAdminUsers",
    ] {
        put_bool(&mut settings, k, cx.boolish(c.get(k)));
    }
    let apps = c
        .get("powerPlatform")
        .and_then(Value::as_object)
        .and_then(|p| p.get("powerApps"));
    let parsed: Option<Object> = match apps {
        Some(Value::Object(o)) => Some(o.clone()),
        Some(Value::String(text)) => ps_hashtable(text),
        _ => None,
    };
    if let Some(parsed) = parsed
        && let Some(value) = parsed.get("disableShareWithEveryone")
        && let Some(disabled) = cx.boolish(Some(value))
    {
        let mut inner = Object::new();
        inner.insert("disableShareWithEveryone".to_owned(), Value::Bool(disabled));
        let mut apps = Object::new();
        apps.insert("powerApps".to_owned(), Value::Object(inner));
        settings.insert("powerPlatform".to_owned(), Value::Object(apps));
    }
    Value::Object(settings)
}

fn tenant_isolation(c: Option<&Object>, cx: &mut Cx) -> Value {
    let empty = Object::new();
    let c = c.unwrap_or(&empty);
    let mut isolation = Object::new();
    put_bool(&mut isolation, "isDisabled", cx.boolish(c.get("isDisabled")));
    match c.get("allowedTenants") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.is_empty() => {
            // An empty collection past ConvertTo-Json's depth limit.
            isolation.insert("allowedTenants".to_owned(), Value::Array(Vec::new()));
        }
        Some(Value::Array(items)) => {
            let mut list = Vec::new();
            for x in items {
                match x {
                    Value::Object(o) => list.push(o.get("tenantId").cloned().unwrap_or(Value::Null)),
                    other => list.push(other.clone()),
                }
            }
            isolation.insert("allowedTenants".to_owned(), Value::Array(list));
        }
        Some(other) => {
            cx.log.note(format!(
                "{}: tenant_isolation allowedTenants {} is PowerShell's text for a list; left out",
                cx.base,
                repr(other)
            ));
        }
    }
    Value::Object(isolation)
}

fn dlp_policies(data: &Object) -> Result<Value, String> {
    let Some(Value::Array(wrapped)) = data.get("dlp_policies") else {
        return Err("not a list".to_owned());
    };
    let mut out = Vec::new();
    for wrapper in wrapped {
        let wrapper = item_obj(wrapper, "dlp_policies")?;
        for policy in list_or_empty(wrapper, "value")? {
            let policy = item_obj(policy, "value")?;
            let mut e = Object::new();
            for k in ["name", "displayName", "environmentType"] {
                e.insert(k.to_owned(), req(policy, k)?.clone());
            }
            if let Some(environments) = picked_list(policy, "environments", "name", &["id", "type"])? {
                e.insert("environments".to_owned(), environments);
            }
            if let Some(groups) = opt_list(policy, "connectorGroups")? {
                let mut list = Vec::new();
                for group in groups {
                    let group = item_obj(group, "connectorGroups")?;
                    let mut connectors = Vec::new();
                    for x in list_or_empty(group, "connectors")? {
                        let x = item_obj(x, "connectors")?;
                        let mut m = Object::new();
                        for k in ["id", "name", "type"] {
                            put(&mut m, k, x.get(k));
                        }
                        connectors.push(strip_nulls(&Value::Object(m)));
                    }
                    let mut g = Object::new();
                    g.insert("classification".to_owned(), req(group, "classification")?.clone());
                    g.insert("connectors".to_owned(), Value::Array(connectors));
                    list.push(Value::Object(g));
                }
                e.insert("connectorGroups".to_owned(), Value::Array(list));
            }
            put(
                &mut e,
                "defaultConnectorsClassification",
                policy.get("defaultConnectorsClassification"),
            );
            out.push(Value::Object(e));
        }
    }
    Ok(Value::Array(by_name(out, "name")))
}

/// One `PowerPlatformEnvironment` per `environment_list` entry; an entry that cannot
/// be read is an error, and the others are still written.
fn environments(list: &[Value], data: &Object, cx: &mut Cx, docs: &mut Vec<Document>) {
    for env in list {
        let Some(env) = env.as_object() else {
            cx.fail("environment_list", "an item is not an object".to_owned());
            continue;
        };
        let name = match req_str(env, "EnvironmentName") {
            Ok(name) => name,
            Err(message) => {
                cx.fail("environment_list", message);
                continue;
            }
        };
        let mut doc = Document::new("PowerPlatformEnvironment", name, TOOL);
        doc.spec
            .insert("environmentId".to_owned(), Value::String(name.to_owned()));
        put(&mut doc.spec, "displayName", env.get("DisplayName"));
        match env.get("EnvironmentType") {
            Some(Value::String(sku)) if SKUS.contains(&sku.as_str()) => {
                doc.spec
                    .insert("environmentSku".to_owned(), Value::String(sku.clone()));
            }
            None | Some(Value::Null) => {}
            Some(other) => {
                cx.log.note(format!(
                    "{}: environment {name}: EnvironmentType {}",
                    cx.base,
                    repr(other)
                ));
            }
        }
        put_bool(&mut doc.spec, "isDefault", cx.boolish(env.get("IsDefault")));
        provenance(&mut doc, data);
        doc.set_sources(std::iter::once(&cx.base));
        docs.push(doc);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn powershell_hashtable_text() {
        let parsed =
            ps_hashtable("@{disableShareWithEveryone=True; enableGuestsToMake=False; policy=}").unwrap();
        assert_eq!(
            parsed.get("disableShareWithEveryone"),
            Some(&Value::String("True".to_owned()))
        );
        assert_eq!(parsed.get("policy"), Some(&Value::String(String::new())));
        assert!(ps_hashtable("System.Object[]").is_none());
        assert_eq!(ps_hashtable("@{}").map(|o| o.len()), Some(0));
    }
}
