//! `steward import azure`: raw Azure Resource Manager, Resource Graph and Log
//! Analytics responses, one file per call named `<call>.<scope>[.page<N>].json`,
//! to one inventory file per subscription (its `Subscription` and the
//! `AzureResource`, `SentinelWorkspace`, `PurviewAccount` and `CloudAccount`
//! documents that belong to it). A port of the prototype's `import_azure`; see
//! docs/importing.md for the mapping.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use serde_json::Value;

use super::document::{self, Document};
use super::json::{
    self, Log, Object, base_name, by_name, item_obj, list_or_empty, opt_list, opt_obj, picked_list, put,
    put_bool, req, req_obj, req_str, slug, strip_nulls, truthy,
};
use super::{Imported, OutputFile, Overlay};
use crate::diagnostic::{Diagnostic, Stage};

const TOOL: &str = "azure";

/// The `<call>` prefixes of export file names.
const CALLS: [&str; 15] = [
    "subscriptions",
    "pricings",
    "securityContacts",
    "automations",
    "securityConnectors",
    "diagnosticSettings",
    "workspaces",
    "onboardingStates",
    "dataConnectors",
    "tables",
    "ingestion",
    "purviewAccounts",
    "auditingSettings",
    "resources",
    "graph",
];

/// Storage services whose diagnostic settings join their account's.
const SUB_SERVICES: [&str; 4] = ["blobservices", "fileservices", "queueservices", "tableservices"];

/// Reads the exports in `paths` (files, or directories of `*.json` files) and maps them.
pub(crate) fn import(paths: &[PathBuf], overlay: Option<&Overlay>, imported_on: &str) -> Imported {
    let mut log = Log::default();
    let exports = Exports::load(paths, &mut log);
    let mut files = build(&exports, overlay, imported_on, &mut log);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Imported {
        files,
        notes: log.notes,
        errors: log.errors,
    }
}

// ------------------------------------------------------------------ reading files

struct Export {
    body: Value,
    base: String,
    shown: String,
}

/// One item of a response, with the file it came from.
#[derive(Debug, Clone)]
struct Row {
    item: Object,
    base: String,
    shown: String,
}

/// The pages of one call and scope, joined.
struct Page {
    scope: String,
    rows: Vec<Row>,
    complete: bool,
    bases: Vec<String>,
    /// The first page's path, for errors about the list as a whole.
    shown: String,
}

/// page number → response
type Numbered = BTreeMap<u64, Export>;

struct Exports {
    /// call → scope → pages
    calls: BTreeMap<String, BTreeMap<String, Numbered>>,
}

impl Exports {
    fn load(paths: &[PathBuf], log: &mut Log) -> Exports {
        let mut files: Vec<PathBuf> = Vec::new();
        for path in paths {
            if !path.is_dir() {
                files.push(path.clone());
                continue;
            }
            let shown = path.display().to_string();
            let entries = match std::fs::read_dir(path) {
                Ok(entries) => entries,
                Err(e) => {
                    log.error(Stage::Read, &shown, format!("cannot list the directory: {e}"));
                    continue;
                }
            };
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => {
                        let p = entry.path();
                        if p.is_file() && p.extension().and_then(|e| e.to_str()) == Some("json") {
                            found.push(p);
                        }
                    }
                    Err(e) => log.error(Stage::Read, &shown, format!("cannot list the directory: {e}")),
                }
            }
            found.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
            files.extend(found);
        }

        let mut calls: BTreeMap<String, BTreeMap<String, Numbered>> = BTreeMap::new();
        for path in files {
            let shown = path.display().to_string();
            let base = base_name(&path);
            let (call, scope, page) = match parse_name(&base) {
                Ok(parts) => parts,
                Err(message) => {
                    log.error(Stage::Read, &shown, message);
                    continue;
                }
            };
            let body = match json::load(&path) {
                Ok(body) => body,
                Err(diagnostic) => {
                    log.errors.push(diagnostic);
                    continue;
                }
            };
            let pages = calls.entry(call).or_default().entry(scope).or_default();
            if let Some(earlier) = pages.get(&page) {
                let message = format!(
                    "the same export as {} (same call, scope and page); ignored",
                    earlier.shown
                );
                log.error(Stage::Read, &shown, message);
                continue;
            }
            pages.insert(page, Export { body, base, shown });
        }
        Exports { calls }
    }

    /// The prototype's `pages(call)`: each scope's pages joined in order, with
    /// whether the list is complete (a note when it is not).
    fn pages(&self, call: &str, log: &mut Log) -> Vec<Page> {
        let mut out = Vec::new();
        let Some(scopes) = self.calls.get(call) else {
            return out;
        };
        for (scope, numbered) in scopes {
            let mut page = Page {
                scope: scope.clone(),
                rows: Vec::new(),
                complete: true,
                bases: Vec::new(),
                shown: String::new(),
            };
            for export in numbered.values() {
                if page.shown.is_empty() {
                    page.shown = export.shown.clone();
                }
                match rows_of(&export.body) {
                    Ok((items, complete)) => {
                        for item in items {
                            match item {
                                Value::Object(map) => page.rows.push(Row {
                                    item: map.clone(),
                                    base: export.base.clone(),
                                    shown: export.shown.clone(),
                                }),
                                _ => log.error(
                                    Stage::Parse,
                                    &export.shown,
                                    "an item of the response is not an object; skipped".to_owned(),
                                ),
                            }
                        }
                        page.complete = complete;
                    }
                    Err(message) => {
                        log.error(Stage::Parse, &export.shown, message);
                        page.complete = false;
                    }
                }
                page.bases.push(export.base.clone());
            }
            let numbers: Vec<u64> = numbered.keys().copied().collect();
            let expected: Vec<u64> = (1..=numbers.len() as u64).collect();
            if numbers != expected {
                page.complete = false;
            }
            if !page.complete {
                log.note(format!(
                    "{call}.{scope}: the last page has a nextLink/skip_token: list incomplete"
                ));
            }
            out.push(page);
        }
        out
    }
}

/// `<call>.<scope>[.page<N>].json` → (call, scope, page).
fn parse_name(base: &str) -> Result<(String, String, u64), String> {
    let Some(stem) = base.strip_suffix(".json") else {
        return Err("not a .json file: Azure exports are named <call>.<scope>[.page<N>].json".to_owned());
    };
    let (call, scope) = match stem.split_once('.') {
        Some((call, scope)) => (call, scope),
        None => (stem, ""),
    };
    if !CALLS.contains(&call) {
        return Err(format!(
            "`{call}` is not an export the importer knows: file names are <call>.<scope>[.page<N>].json, \
             <call> one of {}",
            CALLS.join(", ")
        ));
    }
    let (scope, page) = split_page(scope, call == "subscriptions");
    Ok((call.to_owned(), scope.to_owned(), page))
}

/// Splits `.page<N>` off a scope; `bare` also reads a scope that is only `page<N>`
/// (the tenant-wide `subscriptions.page2.json`).
fn split_page(scope: &str, bare: bool) -> (&str, u64) {
    let (head, tail) = match scope.rfind(".page") {
        Some(at) => (&scope[..at], &scope[at + ".page".len()..]),
        None => match scope.strip_prefix("page") {
            Some(tail) if bare => ("", tail),
            _ => return (scope, 1),
        },
    };
    if !tail.is_empty()
        && tail.chars().all(|c| c.is_ascii_digit())
        && let Ok(n) = tail.parse::<u64>()
    {
        return (head, n);
    }
    (scope, 1)
}

/// (items, complete) of one response: a plain array, an ARM `{value, nextLink}`
/// list, or a Resource Graph `{count, data, skip_token, total_records}` object.
fn rows_of(body: &Value) -> Result<(&[Value], bool), String> {
    match body {
        Value::Array(items) => Ok((items.as_slice(), true)),
        Value::Object(map) => {
            if let Some(value) = map.get("value") {
                match value {
                    Value::Array(items) => Ok((items.as_slice(), !truthy(map.get("nextLink")))),
                    _ => Err("`value` is not a list".to_owned()),
                }
            } else if let Some(data) = map.get("data") {
                match data {
                    Value::Array(items) => {
                        let count = map.get("count").and_then(Value::as_f64).unwrap_or(0.0);
                        let total = map.get("total_records").and_then(Value::as_f64).unwrap_or(0.0);
                        Ok((items.as_slice(), !truthy(map.get("skip_token")) && count >= total))
                    }
                    _ => Err("`data` is not a list".to_owned()),
                }
            } else {
                Err(
                    "not a response the importer reads: expected a list, `{\"value\": [...]}` \
                     or Resource Graph's `{\"data\": [...]}`"
                        .to_owned(),
                )
            }
        }
        _ => Err("not a response the importer reads: expected a list or an object".to_owned()),
    }
}

// ------------------------------------------------------------------ IDs

/// The lower-cased subscription ID in an ARM ID.
fn sub_of_id(id: &str) -> Option<String> {
    let parts: Vec<&str> = id.split('/').collect();
    match (parts.get(1), parts.get(2)) {
        (Some(first), Some(sid)) if first.eq_ignore_ascii_case("subscriptions") => Some(sid.to_lowercase()),
        _ => None,
    }
}

fn last_segment(id: &str) -> String {
    id.rsplit('/').next().unwrap_or(id).to_owned()
}

/// The resource a diagnostic setting belongs to; a storage service's setting
/// belongs to its account.
fn setting_parent(id: &str) -> Result<String, String> {
    let low = id.to_ascii_lowercase();
    let Some(at) = low.rfind("/providers/microsoft.insights/diagnosticsettings/") else {
        return Err(format!("`{id}` is not the ID of a diagnostic setting"));
    };
    let parent = &id[..at];
    let parts: Vec<&str> = parent.split('/').collect();
    if parts.len() >= 2 {
        let service = parts[parts.len() - 2].to_lowercase();
        if SUB_SERVICES.contains(&service.as_str()) {
            return Ok(parts[..parts.len() - 2].join("/"));
        }
    }
    Ok(parent.to_owned())
}

/// `/subscriptions/<id>` and nothing more.
fn subscription_target(target: &str) -> Option<String> {
    let parts: Vec<&str> = target.split('/').collect();
    match parts.as_slice() {
        ["", "subscriptions", sid] if !sid.is_empty() => Some((*sid).to_owned()),
        _ => None,
    }
}

/// The lower-cased workspace ID in the ID of something inside a workspace.
fn workspace_of(id: &str) -> String {
    let low = id.to_lowercase();
    let marker = "/workspaces/";
    if let Some(at) = low.find(marker) {
        let start = at + marker.len();
        if let Some(rel) = low[start..].find('/') {
            return low[..start + rel].to_owned();
        }
    }
    low
}

fn id_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

// ------------------------------------------------------------------ subscriptions

struct Sub {
    /// As the export spells it (or lower case when only other IDs name it).
    id: String,
    display: Option<String>,
    sources: BTreeSet<String>,
    spec: Object,
}

#[derive(Default)]
struct Subs {
    /// lower-cased ID → subscription
    map: BTreeMap<String, Sub>,
    /// lower-cased ID or display-name slug → lower-cased ID
    alias: HashMap<String, String>,
}

impl Subs {
    fn of_scope(&self, scope: &str) -> Option<String> {
        self.alias.get(&scope.to_lowercase()).cloned()
    }

    fn ensure(&mut self, sid: &str) -> &mut Sub {
        self.map.entry(sid.to_owned()).or_insert_with(|| Sub {
            id: sid.to_owned(),
            display: None,
            sources: BTreeSet::new(),
            spec: Object::new(),
        })
    }
}

fn read_subscriptions(ex: &Exports, log: &mut Log, subs: &mut Subs) {
    for page in ex.pages("subscriptions", log) {
        for row in &page.rows {
            let sid = match req_str(&row.item, "subscriptionId") {
                Ok(sid) => sid.to_owned(),
                Err(message) => {
                    log.error(Stage::Parse, &row.shown, format!("{message}; item skipped"));
                    continue;
                }
            };
            if let Some(state @ ("Disabled" | "Deleted")) = row.item.get("state").and_then(Value::as_str) {
                log.note(format!("subscription {sid} is {state}; skipped"));
                continue;
            }
            let display = row
                .item
                .get("displayName")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let key = sid.to_lowercase();
            subs.alias.insert(key.clone(), key.clone());
            if let Some(d) = &display {
                let s = slug(d);
                if !s.is_empty() {
                    subs.alias.insert(s, key.clone());
                }
            }
            subs.map.insert(
                key,
                Sub {
                    id: sid,
                    display,
                    sources: page.bases.iter().cloned().collect(),
                    spec: Object::new(),
                },
            );
        }
    }
}

/// An AWS account or GCP project found in a security connector.
#[derive(Debug, Clone)]
struct Cloud {
    provider: String,
    ident: Value,
    ident_text: String,
    display: Option<Value>,
    sub: Option<String>,
    source: String,
}

#[derive(Clone, Copy)]
enum Mapper {
    Pricings,
    Contacts,
    Automations,
    Connectors,
}

/// A subscription-scoped call: its items go to `spec.<call>` of the subscription
/// their IDs (or, for an empty response, the file name) name.
fn sub_call(
    ex: &Exports,
    log: &mut Log,
    subs: &mut Subs,
    clouds: &mut BTreeMap<(String, String), Cloud>,
    call: &str,
    mapper: Mapper,
) {
    for page in ex.pages(call, log) {
        let mut found: Vec<String> = Vec::new();
        for row in &page.rows {
            match row.item.get("id").and_then(Value::as_str) {
                Some(id) => {
                    if let Some(sid) = sub_of_id(id)
                        && !found.contains(&sid)
                    {
                        found.push(sid);
                    }
                }
                None => log.error(Stage::Parse, &row.shown, "an item has no `id`".to_owned()),
            }
        }
        if found.len() > 1 {
            log.error(
                Stage::Parse,
                &page.shown,
                format!(
                    "{call}.{}: items of one export belong to different subscriptions ({}); skipped",
                    page.scope,
                    found.join(", ")
                ),
            );
            continue;
        }
        let from_scope = subs.of_scope(&page.scope);
        if let (Some(from_ids), Some(named)) = (found.first(), &from_scope)
            && from_ids != named
        {
            log.error(
                Stage::Parse,
                &page.shown,
                format!(
                    "{call}.{}: the file name names subscription {named}, but its items belong to {from_ids}; skipped",
                    page.scope
                ),
            );
            continue;
        }
        let Some(sid) = found.into_iter().next().or(from_scope) else {
            log.note(format!(
                "{call}.{}: cannot tell which subscription it belongs to; skipped",
                page.scope
            ));
            continue;
        };
        subs.ensure(&sid).sources.extend(page.bases.iter().cloned());
        if !page.complete {
            continue;
        }
        let at = page.bases.join(",");
        let mut new_clouds: Vec<Cloud> = Vec::new();
        let mapped = match mapper {
            Mapper::Pricings => map_pricings(&page.rows, &at, log),
            Mapper::Contacts => map_contacts(&page.rows, &at, log),
            Mapper::Automations => map_automations(&page.rows, &at, log),
            Mapper::Connectors => map_connectors(&page.rows, &at, &mut new_clouds),
        };
        match mapped {
            Ok(value) => {
                subs.ensure(&sid).spec.insert(call.to_owned(), value);
                for cloud in new_clouds {
                    clouds.insert((cloud.provider.clone(), cloud.ident_text.clone()), cloud);
                }
            }
            Err(message) => log.error(Stage::Parse, &page.shown, format!("{message}; {call} left out")),
        }
    }
}

fn map_pricings(rows: &[Row], at: &str, log: &mut Log) -> Result<Value, String> {
    let mut out = Object::new();
    for row in rows {
        let r = &row.item;
        let name = req_str(r, "name")?;
        let p = req_obj(r, "properties")?;
        let mut e = Object::new();
        e.insert("pricingTier".to_owned(), req(p, "pricingTier")?.clone());
        put(&mut e, "subPlan", p.get("subPlan"));
        if let Some(extensions) = opt_list(p, "extensions")? {
            let mut list = Vec::new();
            for x in extensions {
                let x = item_obj(x, "extensions")?;
                let mut xe = Object::new();
                xe.insert("name".to_owned(), req(x, "name")?.clone());
                let enabled = log.boolish(Some(req(x, "isEnabled")?), at);
                put_bool(&mut xe, "isEnabled", enabled);
                put(
                    &mut xe,
                    "additionalExtensionProperties",
                    x.get("additionalExtensionProperties"),
                );
                list.push(Value::Object(xe));
            }
            e.insert("extensions".to_owned(), Value::Array(by_name(list, "name")));
        }
        put_bool(&mut e, "enforce", log.boolish(p.get("enforce"), at));
        put_bool(&mut e, "deprecated", log.boolish(p.get("deprecated"), at));
        put(&mut e, "replacedBy", p.get("replacedBy"));
        put(
            &mut e,
            "resourcesCoverageStatus",
            p.get("resourcesCoverageStatus"),
        );
        put_bool(&mut e, "inherited", log.boolish(p.get("inherited"), at));
        out.insert(name.to_owned(), Value::Object(e));
    }
    Ok(Value::Object(out))
}

fn map_contacts(rows: &[Row], at: &str, log: &mut Log) -> Result<Value, String> {
    let mut out = Vec::new();
    for row in rows {
        let r = &row.item;
        let p = req_obj(r, "properties")?;
        let mut c = Object::new();
        c.insert("name".to_owned(), req(r, "name")?.clone());
        put(&mut c, "emails", p.get("emails"));
        put(&mut c, "phone", p.get("phone"));
        put_bool(&mut c, "isEnabled", log.boolish(p.get("isEnabled"), at));
        if p.contains_key("notificationsSources") {
            let Some(Value::Array(list)) = p.get("notificationsSources") else {
                return Err("`notificationsSources` is not a list".to_owned());
            };
            let mut sources = Vec::new();
            for s in list {
                let s = item_obj(s, "notificationsSources")?;
                let mut e = Object::new();
                e.insert("sourceType".to_owned(), req(s, "sourceType")?.clone());
                put(&mut e, "minimalSeverity", s.get("minimalSeverity"));
                put(&mut e, "minimalRiskLevel", s.get("minimalRiskLevel"));
                sources.push(Value::Object(e));
            }
            c.insert("notificationsSources".to_owned(), Value::Array(sources));
        } else if let Some(an) = p.get("alertNotifications") {
            // The 2020-01-01-preview shape.
            let Value::Object(an) = an else {
                return Err("`alertNotifications` is not an object".to_owned());
            };
            match an.get("state").and_then(Value::as_str) {
                Some("On") => {
                    let mut e = Object::new();
                    e.insert("sourceType".to_owned(), Value::String("Alert".to_owned()));
                    put(&mut e, "minimalSeverity", an.get("minimalSeverity"));
                    c.insert(
                        "notificationsSources".to_owned(),
                        Value::Array(vec![Value::Object(e)]),
                    );
                }
                Some("Off") => {
                    c.insert("notificationsSources".to_owned(), Value::Array(Vec::new()));
                }
                _ => {}
            }
        }
        let by_role = p.get("notificationsByRole");
        if truthy(by_role) {
            let Some(Value::Object(by_role)) = by_role else {
                return Err("`notificationsByRole` is not an object".to_owned());
            };
            let mut e = Object::new();
            put(&mut e, "state", by_role.get("state"));
            put(&mut e, "roles", by_role.get("roles"));
            c.insert("notificationsByRole".to_owned(), Value::Object(e));
        }
        out.push(Value::Object(c));
    }
    Ok(Value::Array(by_name(out, "name")))
}

fn map_automations(rows: &[Row], at: &str, log: &mut Log) -> Result<Value, String> {
    let mut out = Vec::new();
    for row in rows {
        let r = &row.item;
        let p = req_obj(r, "properties")?;
        let mut a = Object::new();
        a.insert("name".to_owned(), req(r, "name")?.clone());
        put_bool(&mut a, "isEnabled", log.boolish(p.get("isEnabled"), at));
        if let Some(description) = p.get("description")
            && truthy(Some(description))
        {
            a.insert("description".to_owned(), description.clone());
        }
        if let Some(scopes) = picked_list(p, "scopes", "scopePath", &["description"])? {
            a.insert("scopes".to_owned(), scopes);
        }
        if let Some(sources) = picked_list(p, "sources", "eventSource", &["ruleSets"])? {
            a.insert("sources".to_owned(), sources);
        }
        if let Some(actions) = opt_list(p, "actions")? {
            let mut list = Vec::new();
            for x in actions {
                let x = item_obj(x, "actions")?;
                let mut e = Object::new();
                e.insert("actionType".to_owned(), req(x, "actionType")?.clone());
                for k in ["workspaceResourceId", "eventHubResourceId", "logicAppResourceId"] {
                    put(&mut e, k, x.get(k));
                }
                put_bool(
                    &mut e,
                    "isTrustedServiceEnabled",
                    log.boolish(x.get("isTrustedServiceEnabled"), at),
                );
                list.push(Value::Object(e));
            }
            a.insert("actions".to_owned(), Value::Array(list));
        }
        out.push(Value::Object(a));
    }
    Ok(Value::Array(by_name(out, "name")))
}

fn map_connectors(rows: &[Row], at: &str, clouds: &mut Vec<Cloud>) -> Result<Value, String> {
    let mut out = Vec::new();
    for row in rows {
        let r = &row.item;
        let p = req_obj(r, "properties")?;
        let environment = req(p, "environmentName")?;
        let hierarchy = req(p, "hierarchyIdentifier")?;
        let mut c = Object::new();
        c.insert("name".to_owned(), req(r, "name")?.clone());
        c.insert("environmentName".to_owned(), environment.clone());
        c.insert("hierarchyIdentifier".to_owned(), hierarchy.clone());
        let data = p.get("environmentData");
        let mut data_obj: Option<&Object> = None;
        if truthy(data) {
            let Some(Value::Object(d)) = data else {
                return Err("`environmentData` is not an object".to_owned());
            };
            let mut e = Object::new();
            put(&mut e, "environmentType", d.get("environmentType"));
            put(&mut e, "scanInterval", d.get("scanInterval"));
            c.insert("environmentData".to_owned(), Value::Object(e));
            data_obj = Some(d);
        }
        if let Some(offerings) = opt_list(p, "offerings")? {
            let mut list = Vec::new();
            for o in offerings {
                let o = item_obj(o, "offerings")?;
                let mut e = Object::new();
                e.insert("offeringType".to_owned(), req(o, "offeringType")?.clone());
                list.push(Value::Object(e));
            }
            c.insert("offerings".to_owned(), Value::Array(list));
        }
        out.push(Value::Object(c));
        if let Some(provider @ ("AWS" | "GCP")) = environment.as_str() {
            let display = if provider == "GCP" {
                data_obj
                    .and_then(|d| d.get("projectDetails"))
                    .and_then(Value::as_object)
                    .and_then(|d| d.get("projectId"))
                    .cloned()
            } else {
                None
            };
            clouds.push(Cloud {
                provider: provider.to_owned(),
                ident: hierarchy.clone(),
                ident_text: id_text(hierarchy),
                display,
                sub: r.get("id").and_then(Value::as_str).and_then(sub_of_id),
                source: at.to_owned(),
            });
        }
    }
    Ok(Value::Array(by_name(out, "name")))
}

// ------------------------------------------------------------------ resources

/// One resource as the calls that report it agree on it.
struct Record {
    id: String,
    rtype: String,
    location: Option<Value>,
    properties: Option<Value>,
    sources: BTreeSet<String>,
    /// Reported by the ARM resource list, whose `id` and `type` casing wins over
    /// Resource Graph's.
    arm: bool,
}

impl Record {
    fn new(id: &str, rtype: &str) -> Record {
        Record {
            id: id.to_owned(),
            rtype: rtype.to_owned(),
            location: None,
            properties: None,
            sources: BTreeSet::new(),
            arm: false,
        }
    }
}

fn non_null(value: Option<&Value>) -> Option<Value> {
    match value {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.clone()),
    }
}

/// An item's `id` and `type`; an item without either is reported and skipped.
fn id_and_type<'a>(row: &'a Row, log: &mut Log) -> Option<(&'a str, &'a str)> {
    match (req_str(&row.item, "id"), req_str(&row.item, "type")) {
        (Ok(id), Ok(rtype)) => Some((id, rtype)),
        (Err(message), _) | (_, Err(message)) => {
            log.error(Stage::Parse, &row.shown, format!("{message}; item skipped"));
            None
        }
    }
}

/// The ARM list, Resource Graph and the resource providers' own lists, merged by
/// case-insensitive ID: the provider's list gives ID and properties, then the ARM
/// list (ID and type casing), then Resource Graph.
fn read_resources(ex: &Exports, log: &mut Log) -> BTreeMap<String, Record> {
    let mut res: BTreeMap<String, Record> = BTreeMap::new();
    for page in ex.pages("resources", log) {
        for row in &page.rows {
            let Some((id, rtype)) = id_and_type(row, log) else {
                continue;
            };
            let x = res
                .entry(id.to_lowercase())
                .or_insert_with(|| Record::new(id, rtype));
            x.id = id.to_owned();
            x.rtype = rtype.to_owned();
            x.arm = true;
            if truthy(row.item.get("location")) {
                x.location = non_null(row.item.get("location"));
            }
            x.sources.insert(row.base.clone());
        }
    }
    for page in ex.pages("graph", log) {
        for row in &page.rows {
            let id = match req_str(&row.item, "id") {
                Ok(id) => id,
                Err(message) => {
                    log.error(Stage::Parse, &row.shown, format!("{message}; item skipped"));
                    continue;
                }
            };
            let rtype = row.item.get("type").and_then(Value::as_str);
            let key = id.to_lowercase();
            let arm = res.get(&key).is_some_and(|x| x.arm);
            if !arm && rtype.is_none() {
                log.error(
                    Stage::Parse,
                    &row.shown,
                    "an item has no `type`; item skipped".to_owned(),
                );
                continue;
            }
            let x = res
                .entry(key)
                .or_insert_with(|| Record::new(id, rtype.unwrap_or_default()));
            if !x.arm {
                x.id = id.to_owned();
                x.rtype = rtype.unwrap_or_default().to_owned();
            }
            if !truthy(x.location.as_ref()) {
                x.location = non_null(row.item.get("location"));
            }
            x.properties = non_null(row.item.get("properties"));
            x.sources.insert(row.base.clone());
        }
    }
    for call in ["workspaces", "purviewAccounts"] {
        for page in ex.pages(call, log) {
            for row in &page.rows {
                let Some((id, rtype)) = id_and_type(row, log) else {
                    continue;
                };
                let x = res
                    .entry(id.to_lowercase())
                    .or_insert_with(|| Record::new(id, rtype));
                x.id = id.to_owned();
                x.rtype = rtype.to_owned();
                if truthy(row.item.get("location")) {
                    x.location = non_null(row.item.get("location"));
                }
                x.properties = non_null(row.item.get("properties"));
                x.sources.insert(row.base.clone());
            }
        }
    }
    res
}

/// Lower-cased resource name → the keys of the resources of that name.
fn short_names(res: &BTreeMap<String, Record>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (key, x) in res {
        out.entry(last_segment(&x.id).to_lowercase())
            .or_default()
            .push(key.clone());
    }
    out
}

/// The resource a file's scope names (`kv-research`, `stfabrikamrecords.blobServices`),
/// when exactly one resource of the import has that name.
fn resolve_resource(short: &HashMap<String, Vec<String>>, scope: &str) -> Option<String> {
    let name = scope.split('.').next().unwrap_or("").to_lowercase();
    match short.get(&name) {
        Some(keys) if keys.len() == 1 => keys.first().cloned(),
        _ => None,
    }
}

// ------------------------------------------------------------------ diagnostic settings

struct DiagTarget {
    settings: Option<Vec<Value>>,
    bases: BTreeSet<String>,
}

#[derive(Default)]
struct DiagTargets {
    order: Vec<String>,
    map: HashMap<String, DiagTarget>,
}

fn diag_setting(item: &Object, at: &str, log: &mut Log) -> Result<Value, String> {
    let empty = Object::new();
    let p = match item.get("properties") {
        None => &empty,
        Some(Value::Object(p)) => p,
        Some(_) => return Err("`properties` is not an object".to_owned()),
    };
    let mut s = Object::new();
    s.insert("name".to_owned(), req(item, "name")?.clone());
    for k in [
        "workspaceId",
        "storageAccountId",
        "eventHubAuthorizationRuleId",
        "eventHubName",
    ] {
        put(&mut s, k, p.get(k));
    }
    let mut logs = Vec::new();
    for log_entry in list_or_empty(p, "logs")? {
        let entry = item_obj(log_entry, "logs")?;
        let mut e = Object::new();
        put(&mut e, "category", entry.get("category"));
        put(&mut e, "categoryGroup", entry.get("categoryGroup"));
        put_bool(&mut e, "enabled", log.boolish(entry.get("enabled"), at));
        let policy = entry.get("retentionPolicy");
        if truthy(policy) {
            let Some(Value::Object(policy)) = policy else {
                return Err("`retentionPolicy` is not an object".to_owned());
            };
            let mut r = Object::new();
            put_bool(&mut r, "enabled", log.boolish(policy.get("enabled"), at));
            put(&mut r, "days", policy.get("days"));
            e.insert("retentionPolicy".to_owned(), Value::Object(r));
        }
        logs.push(Value::Object(e));
    }
    if p.contains_key("logs") {
        s.insert("logs".to_owned(), Value::Array(logs));
    }
    let mut metrics = Vec::new();
    for metric in list_or_empty(p, "metrics")? {
        let metric = item_obj(metric, "metrics")?;
        let mut e = Object::new();
        put(&mut e, "category", metric.get("category"));
        put_bool(&mut e, "enabled", log.boolish(metric.get("enabled"), at));
        metrics.push(Value::Object(e));
    }
    if p.get("metrics").is_some_and(|m| !m.is_null()) {
        s.insert("metrics".to_owned(), Value::Array(metrics));
    }
    Ok(Value::Object(s))
}

/// Subscription-scope settings go to the subscription; resource-scope ones are
/// returned by resource (lower-cased ID), in the order first seen.
fn read_diagnostic_settings(
    ex: &Exports,
    log: &mut Log,
    subs: &mut Subs,
    short: &HashMap<String, Vec<String>>,
) -> DiagTargets {
    let mut out = DiagTargets::default();
    for page in ex.pages("diagnosticSettings", log) {
        let mut targets: Vec<String> = Vec::new();
        let mut usable = true;
        for row in &page.rows {
            let parent = req_str(&row.item, "id").and_then(setting_parent);
            match parent {
                Ok(parent) => {
                    let parent = parent.to_lowercase();
                    if !targets.contains(&parent) {
                        targets.push(parent);
                    }
                }
                Err(message) => {
                    log.error(
                        Stage::Parse,
                        &row.shown,
                        format!("{message}; diagnostic settings left out"),
                    );
                    usable = false;
                }
            }
        }
        if targets.len() > 1 {
            log.note(format!(
                "diagnosticSettings.{}: settings of several resources in one file",
                page.scope
            ));
        }
        let target = match targets.first() {
            Some(t) => Some(t.clone()),
            None => match subs.of_scope(&page.scope) {
                Some(sid) => Some(format!("/subscriptions/{sid}")),
                None => resolve_resource(short, &page.scope),
            },
        };
        let Some(target) = target else {
            log.note(format!(
                "diagnosticSettings.{0}: empty, and {0} names no subscription or resource; skipped",
                page.scope
            ));
            continue;
        };
        let mut settings = None;
        if page.complete && usable {
            let mut list = Vec::new();
            let mut failed = None;
            for row in &page.rows {
                match diag_setting(&row.item, &page.scope, log) {
                    Ok(v) => list.push(v),
                    Err(message) => {
                        failed = Some((row.shown.clone(), message));
                        break;
                    }
                }
            }
            match failed {
                None => settings = Some(by_name(list, "name")),
                Some((shown, message)) => log.error(
                    Stage::Parse,
                    &shown,
                    format!("{message}; diagnostic settings left out"),
                ),
            }
        }
        if let Some(sid) = subscription_target(&target) {
            let sub = subs.ensure(&sid);
            sub.sources.extend(page.bases.iter().cloned());
            if let Some(list) = settings {
                sub.spec
                    .insert("diagnosticSettings".to_owned(), Value::Array(list));
            }
            continue;
        }
        // A storage account's own settings and its services' join in one list;
        // if any part is incomplete, the list is left out.
        match out.map.get_mut(&target) {
            Some(existing) => {
                existing.bases.extend(page.bases.iter().cloned());
                existing.settings = match (existing.settings.take(), settings) {
                    (Some(mut first), Some(more)) => {
                        first.extend(more);
                        Some(by_name(first, "name"))
                    }
                    _ => None,
                };
            }
            None => {
                out.order.push(target.clone());
                out.map.insert(
                    target,
                    DiagTarget {
                        settings,
                        bases: page.bases.iter().cloned().collect(),
                    },
                );
            }
        }
    }
    out
}

/// SQL server auditing, by lower-cased server ID.
fn read_auditing(ex: &Exports, log: &mut Log) -> HashMap<String, (Object, Vec<String>)> {
    let mut out = HashMap::new();
    for page in ex.pages("auditingSettings", log) {
        for row in &page.rows {
            let id = match req_str(&row.item, "id") {
                Ok(id) => id,
                Err(message) => {
                    log.error(
                        Stage::Parse,
                        &row.shown,
                        format!("{message}; auditing settings skipped"),
                    );
                    continue;
                }
            };
            let Some(at) = id.to_ascii_lowercase().rfind("/auditingsettings/") else {
                log.error(
                    Stage::Parse,
                    &row.shown,
                    format!("`{id}` is not the ID of auditing settings; skipped"),
                );
                continue;
            };
            let server = id[..at].to_lowercase();
            let p = match req_obj(&row.item, "properties") {
                Ok(p) => p,
                Err(message) => {
                    log.error(
                        Stage::Parse,
                        &row.shown,
                        format!("{message}; auditing settings skipped"),
                    );
                    continue;
                }
            };
            let mut a = Object::new();
            put(&mut a, "state", p.get("state"));
            put(&mut a, "retentionDays", p.get("retentionDays"));
            put_bool(
                &mut a,
                "isAzureMonitorTargetEnabled",
                log.boolish(p.get("isAzureMonitorTargetEnabled"), &page.scope),
            );
            out.insert(server, (a, page.bases.clone()));
        }
    }
    out
}

// ------------------------------------------------------------------ Sentinel

struct WsData {
    rows: Vec<Row>,
    complete: bool,
    bases: Vec<String>,
}

/// A per-workspace call, by lower-cased workspace ID (from the items' IDs, or the
/// file name when they have none).
fn ws_call(
    ex: &Exports,
    log: &mut Log,
    call: &str,
    short: &HashMap<String, Vec<String>>,
) -> HashMap<String, WsData> {
    let mut out = HashMap::new();
    for page in ex.pages(call, log) {
        let mut target: Option<String> = None;
        for row in &page.rows {
            if let Some(Value::String(id)) = row.item.get("id") {
                target = Some(workspace_of(id));
                break;
            }
        }
        let target = match target.filter(|t| !t.is_empty()) {
            Some(t) => Some(t),
            None => resolve_resource(short, &page.scope),
        };
        let Some(target) = target else {
            log.note(format!(
                "{call}.{}: names no workspace of this import; skipped",
                page.scope
            ));
            continue;
        };
        out.insert(
            target,
            WsData {
                rows: page.rows,
                complete: page.complete,
                bases: page.bases,
            },
        );
    }
    out
}

struct Workspaces {
    onboarding: HashMap<String, WsData>,
    connectors: HashMap<String, WsData>,
    tables: HashMap<String, WsData>,
    ingestion: HashMap<String, WsData>,
}

fn map_data_connector(r: &Object) -> Result<Value, String> {
    let empty = Object::new();
    let p = r.get("properties").and_then(Value::as_object).unwrap_or(&empty);
    let mut c = Object::new();
    c.insert("name".to_owned(), req(r, "name")?.clone());
    c.insert("kind".to_owned(), req(r, "kind")?.clone());
    for k in [
        "tenantId",
        "subscriptionId",
        "roleArn",
        "awsRoleArn",
        "connectorDefinitionName",
    ] {
        put(&mut c, k, p.get(k));
    }
    let from_auth = p
        .get("auth")
        .and_then(Value::as_object)
        .and_then(|a| a.get("projectNumber"));
    let project = if truthy(from_auth) {
        from_auth
    } else {
        p.get("projectNumber")
    };
    put(&mut c, "projectNumber", project);
    if let Some(types) = opt_obj(p, "dataTypes")? {
        let mut out = Object::new();
        for (k, v) in types {
            if let Some(state) = v.as_object().and_then(|o| o.get("state"))
                && !state.is_null()
            {
                let mut e = Object::new();
                e.insert("state".to_owned(), state.clone());
                out.insert(k.clone(), Value::Object(e));
            }
        }
        c.insert("dataTypes".to_owned(), Value::Object(out));
    }
    Ok(Value::Object(c))
}

/// `tables` and `ingestion` joined by table name (ignoring case).
fn sentinel_tables(
    tables: Option<&WsData>,
    ingestion: Option<&WsData>,
) -> Result<Option<Vec<Value>>, (String, String)> {
    let mut tabs: Option<BTreeMap<String, Object>> = None;
    if let Some(data) = tables
        && data.complete
    {
        let mut map = BTreeMap::new();
        for row in &data.rows {
            let fail = |message: String| (row.shown.clone(), message);
            let p = req_obj(&row.item, "properties").map_err(fail)?;
            let name = req_str(&row.item, "name").map_err(|m| (row.shown.clone(), m))?;
            let mut e = Object::new();
            e.insert("name".to_owned(), Value::String(name.to_owned()));
            put(&mut e, "retentionInDays", p.get("retentionInDays"));
            put(&mut e, "totalRetentionInDays", p.get("totalRetentionInDays"));
            map.insert(name.to_lowercase(), e);
        }
        tabs = Some(map);
    }
    if let Some(data) = ingestion {
        let map = tabs.get_or_insert_with(BTreeMap::new);
        for row in &data.rows {
            let data_type = req_str(&row.item, "DataType").map_err(|m| (row.shown.clone(), m))?;
            let e = map.entry(data_type.to_lowercase()).or_insert_with(|| {
                let mut e = Object::new();
                e.insert("name".to_owned(), Value::String(data_type.to_owned()));
                e
            });
            if let Some(Value::String(time)) = row.item.get("lastIngestionTime")
                && !time.is_empty()
            {
                let newer = {
                    let current = e.get("lastIngestionTime").and_then(Value::as_str).unwrap_or("");
                    time.as_str() > current
                };
                if newer {
                    e.insert("lastIngestionTime".to_owned(), Value::String(time.clone()));
                }
            }
        }
    }
    Ok(tabs.map(|map| map.into_values().map(Value::Object).collect()))
}

fn sentinel_workspace(
    x: &Record,
    key: &str,
    name: &str,
    props: &Object,
    ws: &Workspaces,
    sources: &mut BTreeSet<String>,
    log: &mut Log,
) -> Document {
    let mut doc = Document::new("SentinelWorkspace", name, TOOL);
    let spec = &mut doc.spec;
    spec.insert("workspaceResourceId".to_owned(), Value::String(x.id.clone()));
    put(spec, "customerId", props.get("customerId"));
    let sid = x.id.split('/').nth(2).unwrap_or_default();
    spec.insert("subscriptionId".to_owned(), Value::String(sid.to_owned()));
    put(spec, "retentionInDays", props.get("retentionInDays"));
    if let Some(data) = ws.onboarding.get(key) {
        sources.extend(data.bases.iter().cloned());
        if data.complete {
            let mut names = Vec::new();
            let mut failed = None;
            for row in &data.rows {
                match req_str(&row.item, "name") {
                    Ok(n) => names.push(n.to_owned()),
                    Err(message) => {
                        failed = Some((row.shown.clone(), message));
                        break;
                    }
                }
            }
            match failed {
                None => {
                    names.sort();
                    let list: Vec<Value> = names.into_iter().map(Value::String).collect();
                    spec.insert("onboardingStates".to_owned(), Value::Array(list));
                }
                Some((shown, message)) => {
                    log.error(
                        Stage::Parse,
                        &shown,
                        format!("{message}; onboardingStates left out"),
                    );
                }
            }
        }
    }
    if let Some(data) = ws.connectors.get(key) {
        sources.extend(data.bases.iter().cloned());
        if data.complete {
            let mut list = Vec::new();
            let mut failed = None;
            for row in &data.rows {
                match map_data_connector(&row.item) {
                    Ok(v) => list.push(v),
                    Err(message) => {
                        failed = Some((row.shown.clone(), message));
                        break;
                    }
                }
            }
            match failed {
                None => {
                    spec.insert("dataConnectors".to_owned(), Value::Array(by_name(list, "name")));
                }
                Some((shown, message)) => {
                    log.error(
                        Stage::Parse,
                        &shown,
                        format!("{message}; dataConnectors left out"),
                    );
                }
            }
        }
    }
    let tables = ws.tables.get(key);
    let ingestion = ws.ingestion.get(key);
    for data in [tables, ingestion].into_iter().flatten() {
        sources.extend(data.bases.iter().cloned());
    }
    match sentinel_tables(tables, ingestion) {
        Ok(Some(list)) => {
            spec.insert("tables".to_owned(), Value::Array(list));
        }
        Ok(None) => {}
        Err((shown, message)) => log.error(Stage::Parse, &shown, format!("{message}; tables left out")),
    }
    doc
}

// ------------------------------------------------------------------ documents

fn is_resource_kind(kind: &str) -> bool {
    matches!(kind, "AzureResource" | "SentinelWorkspace" | "PurviewAccount")
}

fn resource_group(doc: &Document) -> Option<String> {
    let id = doc.match_id()?;
    let parts: Vec<&str> = id.split('/').collect();
    match (parts.get(3), parts.get(4)) {
        (Some(word), Some(group)) if word.eq_ignore_ascii_case("resourcegroups") && !group.is_empty() => {
            Some(group.to_lowercase())
        }
        _ => None,
    }
}

/// Resources of one kind that share a name within the import are named
/// `<name>.<resource group in lower case>`.
fn disambiguate(by_sub: &mut BTreeMap<String, Vec<Document>>) {
    let mut counts: HashMap<(&'static str, String), usize> = HashMap::new();
    for docs in by_sub.values() {
        for doc in docs {
            if is_resource_kind(doc.kind) {
                *counts.entry((doc.kind, doc.name.to_lowercase())).or_insert(0) += 1;
            }
        }
    }
    for docs in by_sub.values_mut() {
        for doc in docs.iter_mut() {
            if !is_resource_kind(doc.kind) {
                continue;
            }
            let shared = counts
                .get(&(doc.kind, doc.name.to_lowercase()))
                .copied()
                .unwrap_or(0)
                > 1;
            if shared && let Some(group) = resource_group(doc) {
                doc.name = format!("{}.{group}", doc.name);
            }
        }
    }
}

fn build(ex: &Exports, overlay: Option<&Overlay>, imported_on: &str, log: &mut Log) -> Vec<OutputFile> {
    let mut subs = Subs::default();
    read_subscriptions(ex, log, &mut subs);

    let mut clouds: BTreeMap<(String, String), Cloud> = BTreeMap::new();
    let sub_calls = [
        ("pricings", Mapper::Pricings),
        ("securityContacts", Mapper::Contacts),
        ("automations", Mapper::Automations),
        ("securityConnectors", Mapper::Connectors),
    ];
    for (call, mapper) in sub_calls {
        sub_call(ex, log, &mut subs, &mut clouds, call, mapper);
    }

    let res = read_resources(ex, log);
    let short = short_names(&res);
    let diagnostics = read_diagnostic_settings(ex, log, &mut subs, &short);
    let audit = read_auditing(ex, log);
    let ws = Workspaces {
        onboarding: ws_call(ex, log, "onboardingStates", &short),
        connectors: ws_call(ex, log, "dataConnectors", &short),
        tables: ws_call(ex, log, "tables", &short),
        ingestion: ws_call(ex, log, "ingestion", &short),
    };

    let mut by_sub: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for (key, x) in &res {
        let t = x.rtype.to_lowercase();
        let Some(sid) = sub_of_id(&x.id) else {
            log.note(format!("{}: the ID names no subscription; skipped", x.id));
            continue;
        };
        subs.ensure(&sid);
        if t == "microsoft.security/automations" || t == "microsoft.security/securityconnectors" {
            continue;
        }
        let name = last_segment(&x.id);
        let mut sources = x.sources.clone();
        let empty = Object::new();
        let props: &Object = x.properties.as_ref().and_then(Value::as_object).unwrap_or(&empty);
        let mut doc = if t == "microsoft.purview/accounts" {
            let mut doc = Document::new("PurviewAccount", &name, TOOL);
            doc.spec.insert("id".to_owned(), Value::String(x.id.clone()));
            put(
                &mut doc.spec,
                "publicNetworkAccess",
                props.get("publicNetworkAccess"),
            );
            put(
                &mut doc.spec,
                "managedResourcesPublicNetworkAccess",
                props.get("managedResourcesPublicNetworkAccess"),
            );
            doc
        } else if t == "microsoft.operationalinsights/workspaces" && ws.onboarding.contains_key(key) {
            sentinel_workspace(x, key, &name, props, &ws, &mut sources, log)
        } else {
            let mut doc = Document::new("AzureResource", &name, TOOL);
            doc.spec.insert("id".to_owned(), Value::String(x.id.clone()));
            doc.spec.insert("type".to_owned(), Value::String(x.rtype.clone()));
            put(&mut doc.spec, "location", x.location.as_ref());
            let sid_as_written = x.id.split('/').nth(2).unwrap_or_default();
            doc.spec.insert(
                "subscriptionId".to_owned(),
                Value::String(sid_as_written.to_owned()),
            );
            if let Some(properties) = &x.properties {
                doc.spec.insert("properties".to_owned(), strip_nulls(properties));
            }
            if let Some((auditing, bases)) = audit.get(key) {
                doc.spec
                    .insert("auditingSettings".to_owned(), Value::Object(auditing.clone()));
                sources.extend(bases.iter().cloned());
            }
            doc
        };
        if let Some(diag) = diagnostics.map.get(key) {
            sources.extend(diag.bases.iter().cloned());
            if let Some(settings) = &diag.settings {
                doc.spec
                    .insert("diagnosticSettings".to_owned(), Value::Array(settings.clone()));
            }
        }
        doc.set_sources(&sources);
        by_sub.entry(sid).or_default().push(doc);
    }

    for target in &diagnostics.order {
        if !res.contains_key(target) {
            log.note(format!(
                "diagnostic settings for {target}, which is in no resource export; skipped"
            ));
        }
    }

    for ((provider, ident_text), cloud) in &clouds {
        let Some(sid) = cloud.sub.clone() else {
            continue;
        };
        subs.ensure(&sid);
        let name = format!("{}-{ident_text}", provider.to_lowercase());
        let mut doc = Document::new("CloudAccount", &name, TOOL);
        doc.spec
            .insert("provider".to_owned(), Value::String(provider.clone()));
        doc.spec
            .insert("hierarchyIdentifier".to_owned(), cloud.ident.clone());
        put(&mut doc.spec, "displayName", cloud.display.as_ref());
        doc.set_sources(std::iter::once(&cloud.source));
        by_sub.entry(sid).or_default().push(doc);
    }

    let mut file_names: BTreeMap<String, String> = BTreeMap::new();
    for (sid, sub) in &subs.map {
        let name = match &sub.display {
            Some(display) if !slug(display).is_empty() => slug(display),
            _ => sub.id.clone(),
        };
        let mut doc = Document::new("Subscription", &name, TOOL);
        doc.spec
            .insert("subscriptionId".to_owned(), Value::String(sub.id.clone()));
        if let Some(display) = &sub.display {
            doc.spec
                .insert("displayName".to_owned(), Value::String(display.clone()));
        }
        for (k, v) in &sub.spec {
            doc.spec.insert(k.clone(), v.clone());
        }
        doc.set_sources(&sub.sources);
        by_sub.entry(sid.clone()).or_default().insert(0, doc);
        file_names.insert(sid.clone(), name);
    }

    disambiguate(&mut by_sub);
    if let Some(overlay) = overlay {
        for docs in by_sub.values_mut() {
            overlay.apply(docs);
        }
    }

    let mut files = Vec::new();
    let mut taken: HashMap<String, String> = HashMap::new();
    for (sid, docs) in by_sub {
        let name = file_names.get(&sid).cloned().unwrap_or_else(|| sid.clone());
        let file = format!("{name}.yaml");
        if let Some(other) = taken.get(&file) {
            log.errors.push(Diagnostic::general(
                Stage::Read,
                format!(
                    "subscriptions {other} and {sid} are both named {name}; only {other} is written to {file}"
                ),
            ));
            continue;
        }
        taken.insert(file.clone(), sid.clone());
        files.push(OutputFile {
            name: file,
            text: document::render(docs, TOOL, imported_on),
        });
    }
    files
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(
            parse_name("resources.8b2e.page2.json").unwrap(),
            ("resources".to_owned(), "8b2e".to_owned(), 2)
        );
        assert_eq!(
            parse_name("diagnosticSettings.stfabrikamrecords.blobServices.json").unwrap(),
            (
                "diagnosticSettings".to_owned(),
                "stfabrikamrecords.blobServices".to_owned(),
                1
            )
        );
        assert_eq!(
            parse_name("subscriptions.json").unwrap(),
            ("subscriptions".to_owned(), String::new(), 1)
        );
        assert_eq!(
            parse_name("subscriptions.page3.json").unwrap(),
            ("subscriptions".to_owned(), String::new(), 3)
        );
        assert_eq!(
            parse_name("diagnosticSettings.page3.json").unwrap(),
            ("diagnosticSettings".to_owned(), "page3".to_owned(), 1)
        );
        assert!(parse_name("pricing.x.json").unwrap_err().contains("`pricing`"));
        assert!(parse_name("pricings.x.txt").is_err());
    }

    #[test]
    fn setting_parents() {
        assert_eq!(
            setting_parent("/subscriptions/A/providers/microsoft.insights/diagnosticSettings/x").unwrap(),
            "/subscriptions/A"
        );
        assert_eq!(
            setting_parent("/subscriptions/A/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st/blobServices/default/providers/microsoft.insights/diagnosticSettings/x").unwrap(),
            "/subscriptions/A/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st"
        );
        assert!(setting_parent("/subscriptions/A").is_err());
        assert_eq!(subscription_target("/subscriptions/a"), Some("a".to_owned()));
        assert_eq!(subscription_target("/subscriptions/a/resourcegroups/b"), None);
    }

    #[test]
    fn workspace_ids_from_nested_ids() {
        assert_eq!(
            workspace_of(
                "/subscriptions/A/resourceGroups/R/providers/Microsoft.OperationalInsights/workspaces/LAW/providers/Microsoft.SecurityInsights/onboardingStates/default"
            ),
            "/subscriptions/a/resourcegroups/r/providers/microsoft.operationalinsights/workspaces/law"
        );
        assert_eq!(workspace_of("/x/workspaces/w"), "/x/workspaces/w");
    }
}
