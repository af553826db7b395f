#!/usr/bin/env python3
"""Deterministic generator of large steward estates, for benchmarking.

    python3 scripts/gen_estate.py --documents N --out DIR [--seed S] [--per-file K]
                                  [--as-of YYYY-MM-DD] [--force]

Writes N inventory documents (exactly N, for N >= 20) into YAML files under DIR, at most
K documents per file (default 50), `---`-separated, in nested directories:

    DIR/tenant-01/m365/tenant.yaml                        the Tenant
    DIR/tenant-01/m365/power-platform/envs-001.yaml       PowerPlatformEnvironments
    DIR/tenant-01/security/sentinel-01.yaml               SentinelWorkspaces
    DIR/tenant-01/security/purview-01.yaml                one PurviewAccount per file
    DIR/tenant-01/azure/<management group>/sub-0042.yaml  Subscriptions, each followed by
                                                          its AzureResources
    DIR/tenant-01/multicloud/aws-001.yaml, gcp-001.yaml   CloudAccounts
    DIR/tenant-01/onprem/<site>/servers-001.yaml, datastores-001.yaml

The estate imitates testdata/estates/contoso-health, scaled: a few tenants (one per
~20,000 documents, at least two from 200 documents on), ~2% Subscriptions, ~5% Power
Platform environments, ~2% AWS/GCP accounts, ~8% on-premises servers and data stores, a
few Sentinel workspaces and one or two Purview accounts per tenant, and AzureResources
of many ARM types for the rest (~82%). Documents reference each other the way a real
export does: resource IDs name generated subscriptions, Purview data sources register
most data stores by ARM ID or host name, Sentinel connectors name subscriptions and
cloud accounts, subscription security connectors name cloud accounts, Arc machines
name subscriptions. Settings vary so that every rule sees passes, failures and gaps
(fields left out, so that rules answer unknown). Every document is valid against
schemas/inventory.schema.json.

Dates are relative to --as-of (default 2026-11-25): check the estate with the same
`--as-of` to get the intended outcomes of the age-based rules.

Output depends only on the arguments: the same arguments give byte-identical files.
DIR must be empty or absent; with --force a DIR holding only .yaml/.yml files and
directories (an earlier estate) is emptied first. Nothing outside DIR is touched.
Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import shutil
import sys
import uuid
from pathlib import Path

API_VERSION = "steward/v1"
MIN_DOCUMENTS = 20

# ---------------------------------------------------------------------------------------
# YAML emitter: block style like the sample estate, short flow collections for small
# scalar lists and maps, and quoting whenever a plain scalar could be read as anything
# other than the intended string.
# ---------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z/][A-Za-z0-9 _./@()+,*&'-]*$")
_FLOW_PLAIN = re.compile(r"^[A-Za-z/][A-Za-z0-9 _./@()+&'-]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}


def _quoted(s: str) -> str:
    return json.dumps(s, ensure_ascii=True)


def _scalar(v, flow: bool = False) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    s = str(v)
    pattern = _FLOW_PLAIN if flow else _PLAIN
    if (
        s
        and pattern.match(s)
        and s.lower() not in _RESERVED
        and not s.endswith(" ")
        and ": " not in s
        and " #" not in s
        and "  " not in s
    ):
        return s
    return _quoted(s)


def _is_scalar(v) -> bool:
    return not isinstance(v, (dict, list))


def _flow(v) -> str | None:
    """A one-line flow form for short lists of scalars and small maps of scalars."""
    if isinstance(v, list) and v and all(_is_scalar(x) for x in v):
        text = "[" + ", ".join(_scalar(x, flow=True) for x in v) + "]"
        return text if len(text) <= 72 else None
    if isinstance(v, dict) and 0 < len(v) <= 2 and all(_is_scalar(x) for x in v.values()):
        if any(k.startswith("#") for k in v):
            return None
        text = "{" + ", ".join(f"{_scalar(k, flow=True)}: {_scalar(x, flow=True)}" for k, x in v.items()) + "}"
        return text if len(text) <= 60 else None
    return None


def _emit_map(d: dict, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for k, v in d.items():
        if k.startswith("#"):
            for line in v.split("\n"):
                out.append(f"{pad}# {line}")
            continue
        key = _scalar(k)
        if isinstance(v, dict):
            if not v:
                out.append(f"{pad}{key}: {{}}")
            elif (f := _flow(v)) is not None and k in _FLOW_MAP_KEYS:
                out.append(f"{pad}{key}: {f}")
            else:
                out.append(f"{pad}{key}:")
                _emit_map(v, indent + 2, out)
        elif isinstance(v, list):
            if not v:
                out.append(f"{pad}{key}: []")
            elif (f := _flow(v)) is not None and len(v) <= 6:
                out.append(f"{pad}{key}: {f}")
            else:
                out.append(f"{pad}{key}:")
                _emit_seq(v, indent + 2, out)
        else:
            out.append(f"{pad}{key}: {_scalar(v)}")


def _emit_seq(items: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            # Leading comments go above the item's dash.
            while item and next(iter(item)).startswith("#"):
                first = next(iter(item))
                for line in item[first].split("\n"):
                    out.append(f"{pad}# {line}")
                item = {k: v for k, v in item.items() if k != first}
            sub: list[str] = []
            _emit_map(item, indent + 2, sub)
            sub[0] = pad + "- " + sub[0][indent + 2 :]
            out.extend(sub)
        elif isinstance(item, list) and item:
            out.append(pad + "-")
            _emit_seq(item, indent + 2, out)
        elif isinstance(item, dict):
            out.append(pad + "- {}")
        elif isinstance(item, list):
            out.append(pad + "- []")
        else:
            out.append(f"{pad}- {_scalar(item)}")


# Small maps written in flow style, as the sample estate writes them.
_FLOW_MAP_KEYS = {
    "exchange", "sharePoint", "teams", "alerts", "logs", "incidents", "dynamics365CdsActivities",
    "recurrence", "connectedVia", "collection", "MCAS", "WDATP", "WDATP_UNIFIED_SOLUTION", "Sentinel",
    "notificationsByRole", "lastRun",
}


def render_document(doc: dict) -> str:
    lines: list[str] = []
    _emit_map(doc, 0, lines)
    return "\n".join(lines) + "\n"


def render_file(header: str, docs: list[dict]) -> str:
    parts = []
    for i, doc in enumerate(docs):
        text = render_document(doc)
        if i == 0 and header:
            text = "".join(f"# {line}\n" for line in header.split("\n")) + text
        parts.append(text)
    return "---\n".join(parts)


# ---------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------

TENANT_NAMES = [
    ("contoso-health", "Contoso Health", "contosohealth.example"),
    ("northwind-hospital", "Northwind Community Hospital", "northwindhospital.example"),
    ("fabrikam-care", "Fabrikam Care Network", "fabrikamcare.example"),
    ("woodgrove-clinics", "Woodgrove Clinics", "woodgroveclinics.example"),
    ("tailspin-medical", "Tailspin Medical Group", "tailspinmedical.example"),
    ("adatum-labs", "Adatum Reference Laboratories", "adatumlabs.example"),
    ("litware-pharma", "Litware Pharmaceuticals", "litwarepharma.example"),
    ("proseware-imaging", "Proseware Imaging", "prosewareimaging.example"),
    ("wingtip-rehab", "Wingtip Rehabilitation", "wingtiprehab.example"),
    ("fourth-coffee-health", "Fourth Coffee Employee Health", "fourthcoffeehealth.example"),
]

# purpose: (holds PHI, management group, owner teams, weight)
PURPOSES = {
    "clinical": (True, "landing-zones/clinical", ["clinical-data", "clinical-infrastructure"], 14),
    "imaging": (True, "landing-zones/clinical", ["radiology-it"], 6),
    "lab": (True, "landing-zones/clinical", ["laboratory-systems"], 5),
    "patient-portal": (True, "landing-zones/online", ["app-engineering", "patient-experience"], 7),
    "research": (True, "landing-zones/research", ["research-computing"], 8),
    "genomics": (True, "landing-zones/research", ["research-computing", "genomics-platform"], 4),
    "analytics": (False, "landing-zones/corp", ["data-platform", "analytics-engineering"], 8),
    "corp-it": (False, "landing-zones/corp", ["corp-it", "end-user-computing"], 9),
    "finance": (False, "landing-zones/corp", ["finance-it"], 5),
    "hr": (False, "landing-zones/corp", ["hr-systems"], 3),
    "web": (False, "landing-zones/online", ["digital-marketing", "app-engineering"], 6),
    "shared-services": (False, "platform/management", ["cloud-platform"], 5),
    "connectivity": (False, "platform/connectivity", ["network-engineering"], 4),
    "dev": (False, "sandbox", ["app-engineering", "business-apps"], 10),
}
PURPOSE_NAMES = sorted(PURPOSES)

REGIONS = ["eastus", "eastus2", "centralus", "westus3", "northeurope", "westeurope", "uksouth", "swedencentral"]

DATA_STORE_KINDS = {
    "Microsoft.Storage/storageAccounts": "AzureStorage",
    "Microsoft.Sql/servers": "AzureSqlDatabase",
    "Microsoft.Sql/managedInstances": "AzureSqlManagedInstance",
    "Microsoft.DocumentDB/databaseAccounts": "AzureCosmosDb",
    "Microsoft.DBforPostgreSQL/flexibleServers": "AzurePostgreSql",
    "Microsoft.DBforMySQL/flexibleServers": "AzureMySql",
    "Microsoft.Synapse/workspaces": "AzureSynapseWorkspace",
    "Microsoft.Kusto/clusters": "AzureDataExplorer",
    "Microsoft.DataLakeStore/accounts": "AdlsGen1",
}

HEALTH_TYPES = {
    "Microsoft.HealthcareApis/workspaces",
    "Microsoft.HealthcareApis/workspaces/fhirservices",
    "Microsoft.HealthcareApis/workspaces/dicomservices",
    "Microsoft.HealthcareApis/services",
}

# ARM type, relative weight, name prefix
AZURE_TYPES = [
    ("Microsoft.Storage/storageAccounts", 14.0, "st"),
    ("Microsoft.Sql/servers", 5.0, "sql"),
    ("Microsoft.Sql/managedInstances", 0.6, "sqlmi"),
    ("Microsoft.DocumentDB/databaseAccounts", 2.5, "cosmos"),
    ("Microsoft.DBforPostgreSQL/flexibleServers", 2.5, "psql"),
    ("Microsoft.DBforMySQL/flexibleServers", 1.5, "mysql"),
    ("Microsoft.Synapse/workspaces", 0.8, "syn"),
    ("Microsoft.Kusto/clusters", 0.4, "adx"),
    ("Microsoft.DataLakeStore/accounts", 0.3, "adls"),
    ("Microsoft.KeyVault/vaults", 7.0, "kv"),
    ("Microsoft.Compute/virtualMachines", 12.0, "vm"),
    ("Microsoft.Compute/virtualMachineScaleSets", 1.5, "vmss"),
    ("Microsoft.Compute/disks", 8.0, "disk"),
    ("Microsoft.Network/networkInterfaces", 6.0, "nic"),
    ("Microsoft.Network/networkSecurityGroups", 4.0, "nsg"),
    ("Microsoft.Network/virtualNetworks", 3.0, "vnet"),
    ("Microsoft.Network/applicationGateways", 0.8, "agw"),
    ("Microsoft.Web/sites", 7.0, "app"),
    ("Microsoft.Web/serverFarms", 2.5, "asp"),
    ("Microsoft.ContainerService/managedClusters", 1.5, "aks"),
    ("Microsoft.ContainerRegistry/registries", 1.2, "acr"),
    ("Microsoft.HealthcareApis/workspaces", 0.8, "ahds"),
    ("Microsoft.HealthcareApis/workspaces/fhirservices", 1.2, "fhir"),
    ("Microsoft.HealthcareApis/workspaces/dicomservices", 0.5, "dicom"),
    ("Microsoft.HealthcareApis/services", 0.25, "fhirapi"),
    ("Microsoft.ManagedIdentity/userAssignedIdentities", 2.0, "id"),
    ("Microsoft.Insights/components", 1.5, "appi"),
    ("Microsoft.EventHub/namespaces", 1.0, "evhns"),
    ("Microsoft.ServiceBus/namespaces", 0.8, "sb"),
    ("Microsoft.Logic/workflows", 1.0, "logic"),
    ("Microsoft.DataFactory/factories", 0.8, "adf"),
    ("Microsoft.CognitiveServices/accounts", 0.6, "cog"),
    ("Microsoft.OperationalInsights/workspaces", 0.4, "log"),
]

IAAS_TYPES = {
    "Microsoft.Compute/virtualMachines",
    "Microsoft.Compute/virtualMachineScaleSets",
    "Microsoft.Compute/disks",
    "Microsoft.Network/networkInterfaces",
    "Microsoft.Network/virtualNetworks",
    "Microsoft.Network/networkSecurityGroups",
}

# Types without resource logs (the LOG-012 default exemptions).
NO_LOG_TYPES = {
    "Microsoft.Compute/virtualMachines",
    "Microsoft.Compute/virtualMachineScaleSets",
    "Microsoft.Compute/disks",
    "Microsoft.Network/networkInterfaces",
    "Microsoft.ManagedIdentity/userAssignedIdentities",
}

PLANS = ["CloudPosture", "VirtualMachines", "StorageAccounts", "SqlServers", "KeyVaults", "AppServices",
         "CosmosDbs", "OpenSourceRelationalDatabases", "Containers", "Arm"]

CLASSIFICATIONS = ["Public", "General", "Confidential", "Highly Confidential"]

HIPAA_INITIATIVE = "/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab"
HITRUST_CSF = "/providers/Microsoft.Authorization/policySetDefinitions/e0d47b75-5d99-442a-9d60-07f2595ab095"
MCSB_INITIATIVE = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
ISO_INITIATIVE = "/providers/Microsoft.Authorization/policySetDefinitions/89c6cddc-1c73-4ac1-b19c-54d1a15a42f2"

ASSESSMENTS = [
    ("Storage accounts should restrict network access", "High"),
    ("Accounts with owner permissions on Azure resources should be MFA enabled", "High"),
    ("Machines should have vulnerability findings resolved", "High"),
    ("SQL servers should have an Azure Active Directory administrator provisioned", "High"),
    ("Key vaults should have purge protection enabled", "Medium"),
    ("System updates should be installed on your machines", "High"),
    ("Diagnostic logs in Key Vault should be enabled", "Low"),
    ("Azure Cosmos DB accounts should have firewall rules", "Medium"),
    ("Web apps should only be accessible over HTTPS", "Medium"),
    ("Container images should have vulnerability findings resolved", "Critical"),
    ("Endpoint protection should be installed on your machines", "High"),
    ("Management ports of virtual machines should be protected with just-in-time network access control", "High"),
]

CONTROL_AREAS = [
    ("Physical datacenter", ["Badge access review SOC-DC-{n}", "Colocation provider SOC 2 Type 2 report DC-{n}"]),
    ("Physical hosts", ["CMDB hardware attestation HW-{n}", "Firmware baseline review FW-HOST-{n}"]),
    ("Physical network", ["Network segmentation review NET-{n}", "Cabling and switch inventory NET-INV-{n}"]),
    ("Operating system", ["WSUS patch compliance report OS-{n}", "CIS benchmark scan CIS-{n}"]),
    ("Network controls", ["Firewall rule review FW-{n}", "Micro-segmentation policy audit SEG-{n}"]),
    ("Applications", ["Application vulnerability scan APP-{n}", "Change advisory board record CAB-{n}"]),
    ("Client devices", ["Privileged access workstation standard PAW-{n}", "Intune compliance report MDM-{n}"]),
]

SERVER_ROLES = ["emr-app", "lab-interface", "pacs", "hl7-engine", "ad-dc", "file", "print", "web", "citrix",
                "backup", "sccm", "rad-app", "pharmacy", "billing", "scheduling", "iam-sync", "pv-shir"]
SERVER_OS = ["Windows Server 2016", "Windows Server 2019", "Windows Server 2022", "Windows Server 2025",
             "Red Hat Enterprise Linux 7", "Red Hat Enterprise Linux 8", "Red Hat Enterprise Linux 9",
             "Ubuntu 22.04 LTS", "SUSE Linux Enterprise Server 15"]
STORE_ENGINES = [("SqlServer", 45), ("Oracle", 15), ("FileShare", 14), ("PostgreSql", 8), ("MySql", 6),
                 ("SapHana", 4), ("Teradata", 3), ("Other", 5)]
STORE_ROLES = {"SqlServer": "sql", "Oracle": "ora", "FileShare": "fs", "PostgreSql": "pg", "MySql": "my",
               "SapHana": "hana", "Teradata": "td", "Other": "db"}
STORE_SOURCE_KINDS = {"SqlServer": "SqlServerDatabase", "Oracle": "Oracle", "PostgreSql": "PostgreSql",
                      "MySql": "MySql", "SapHana": "SapS4Hana", "Teradata": "Teradata"}
SITES = ["springfield", "shelbyville", "capital-city", "ogdenville", "north-haverbrook", "brockway"]

DATAVERSE_TABLES = [("contact", True), ("account", False), ("incident", True), ("msemr_careplan", True),
                    ("msemr_observation", True), ("msemr_appointmentemr", True), ("knowledgearticle", False),
                    ("systemuser", False), ("msemr_medicationrequest", True), ("lead", False)]
D365_APPS = ["Customer Service", "Care Management", "Sales", "Field Service", "Customer Insights - Journeys",
             "Patient Access", "Home Health"]

AWS_STORE_TYPES = ["S3", "S3", "S3", "RDS", "DynamoDB", "Redshift"]
GCP_STORE_TYPES = ["CloudStorage", "CloudStorage", "CloudSQL", "BigQuery", "Spanner"]


# ---------------------------------------------------------------------------------------
# Plan: how many documents of each kind, per tenant
# ---------------------------------------------------------------------------------------

def apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split total into len(weights) integers proportional to weights (largest remainder),
    each at least minimum (when total allows)."""
    n = len(weights)
    if n == 0:
        return []
    base = [minimum] * n if total >= minimum * n else [0] * n
    rest = total - sum(base)
    wsum = sum(weights) or 1.0
    raw = [rest * w / wsum for w in weights]
    ints = [math.floor(x) for x in raw]
    left = rest - sum(ints)
    order = sorted(range(n), key=lambda i: (-(raw[i] - ints[i]), i))
    for i in order[:left]:
        ints[i] += 1
    return [b + x for b, x in zip(base, ints)]


class Tenant:
    def __init__(self, idx: int):
        self.idx = idx
        self.subs: list[Sub] = []
        self.workspaces: list[dict] = []  # skeletons: name, id, role, onboarded
        self.clouds: list[dict] = []  # CloudAccount documents
        self.stores: list[tuple] = []  # (kind, key, doc, sub) of data stores
        self.onprem_stores: list[dict] = []
        self.env_ids: list[str] = []
        self.prod_env_ids: list[str] = []
        self.sites: list[str] = []
        self.purview_names: list[str] = []


class Sub:
    def __init__(self, idx: int, tenant: Tenant):
        self.idx = idx
        self.tenant = tenant
        self.resources: list[dict] = []
        self.connectors: list[dict] = []
        self.records_connectors = True


class Generator:
    def __init__(self, documents: int, seed: int, per_file: int, as_of: dt.date):
        self.n = documents
        self.seed = seed
        self.per_file = per_file
        self.as_of = as_of
        self.rng = random.Random(seed)
        self.counter = 0
        self.used_numbers: set[str] = set()
        self.files: list[tuple[str, str, list[dict]]] = []

    # -- randomness helpers -------------------------------------------------------------

    def p(self, prob: float) -> bool:
        return self.rng.random() < prob

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self.rng.random() * total
        for value, w in pairs:
            x -= w
            if x < 0:
                return value
        return pairs[-1][0]

    def guid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def digits(self, n: int) -> str:
        while True:
            s = str(self.rng.randrange(10 ** (n - 1), 10**n))
            if s not in self.used_numbers:
                self.used_numbers.add(s)
                return s

    def next_id(self) -> int:
        self.counter += 1
        return self.counter

    def date_ago(self, days: int) -> str:
        return (self.as_of - dt.timedelta(days=days)).isoformat()

    def time_ago(self, days: int) -> str:
        d = self.as_of - dt.timedelta(days=days)
        return f"{d.isoformat()}T{self.rng.randrange(24):02d}:{self.rng.randrange(60):02d}:00Z"

    def boolish(self, value: bool):
        """Azure returns some flags as "True"/"False" strings."""
        if self.p(0.3):
            return "True" if value else "False"
        return value

    # -- plan -------------------------------------------------------------------------

    def plan(self):
        n = self.n
        t_count = 1 if n < 200 else max(2, math.ceil(n / 20000))
        self.tenants = [Tenant(i) for i in range(t_count)]
        for t in self.tenants:
            if t.idx < len(TENANT_NAMES):
                t.slug, t.display, t.domain = TENANT_NAMES[t.idx]
            else:
                base = TENANT_NAMES[t.idx % len(TENANT_NAMES)]
                k = t.idx // len(TENANT_NAMES) + 1
                t.slug, t.display, t.domain = f"{base[0]}-{k}", f"{base[1]} {k}", f"{k}.{base[2]}"
            t.short = t.slug.split("-")[0]
            t.tenant_id = self.guid()
            # Tenant 0 follows the group baseline, tenant 1 was acquired and never
            # brought up to it; the others are somewhere in between.
            t.profile = "good" if t.idx == 0 else "bad" if t.idx == 1 else "mixed"
            t.weight = 1.0 if t.idx < 2 else 0.5 + self.rng.random()

        weights = [t.weight for t in self.tenants]
        subs = apportion(max(t_count, round(0.02 * n)), weights, 1)
        envs = apportion(max(t_count, round(0.05 * n)), weights, 1)
        clouds = apportion(round(0.02 * n), weights)
        servers = apportion(max(1, round(0.048 * n)), weights)
        stores = apportion(max(1, round(0.032 * n)), weights)
        for t, s, e, c, sv, st in zip(self.tenants, subs, envs, clouds, servers, stores):
            t.n_subs, t.n_envs, t.n_clouds, t.n_servers, t.n_stores = s, e, c, sv, st
            t.n_workspaces = 3 + s // 250
            t.n_purview = 1 if t.idx % 3 == 2 else 2
        fixed = sum(t.n_subs + t.n_envs + t.n_clouds + t.n_servers + t.n_stores + t.n_workspaces + t.n_purview + 1
                    for t in self.tenants)
        azure = n - fixed
        if azure < 0:
            raise SystemExit(f"gen_estate: --documents {n} is too small for the fixed documents ({fixed})")
        for t, a in zip(self.tenants, apportion(azure, weights)):
            t.n_azure = a

    # -- skeletons ----------------------------------------------------------------------

    def skeletons(self):
        sub_idx = 0
        for t in self.tenants:
            for k in range(t.n_subs):
                sub_idx += 1
                s = Sub(sub_idx, t)
                if k == 0:
                    s.purpose = "security"
                    s.phi, s.mg, s.owners = False, "platform/management", ["security-operations", "cloud-platform"]
                else:
                    s.purpose = self.weighted([(p, PURPOSES[p][3]) for p in PURPOSE_NAMES])
                    s.phi, s.mg, s.owners, _ = PURPOSES[s.purpose]
                    s.phi = s.phi and self.p(0.8)
                s.id = self.guid()
                s.name = f"{t.short}-{s.purpose}-{sub_idx:04d}"
                s.region = self.pick(REGIONS)
                s.production = s.purpose not in ("dev",) and self.p(0.85)
                t.subs.append(s)
            # Sentinel workspaces: the SOC workspace, a second onboarded one (an MSSP or
            # an operations team), one never onboarded (it receives Purview and resource
            # logs) and, in larger tenants, more of the kinds above.
            for k in range(t.n_workspaces):
                role = ["soc", "ops", "plain"][k] if k < 3 else self.pick(["ops", "plain", "unrecorded"])
                host = t.subs[0] if role == "soc" or len(t.subs) == 1 else t.subs[self.rng.randrange(len(t.subs))]
                name = {"soc": f"law-{t.short}-soc", "ops": f"law-{t.short}-ops", "plain": f"law-{t.short}-logs",
                        "unrecorded": f"law-{t.short}-legacy"}[role]
                name = f"{name}-{k + 1:02d}" if k >= 3 else name
                rg = "rg-soc" if role == "soc" else f"rg-{host.purpose}-monitoring"
                t.workspaces.append({
                    "name": name, "role": role, "sub": host,
                    "id": f"/subscriptions/{host.id}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{name}",
                    "onboarded": role in ("soc", "ops"),
                })
            t.soc = t.workspaces[0]
            t.plain_ws = [w for w in t.workspaces if w["role"] == "plain"] or [t.workspaces[0]]
            t.sites = SITES[: max(1, min(len(SITES), 1 + (t.n_servers + t.n_stores) // 300))]
            t.purview_names = [f"pv-{t.short}" if k == 0 else f"pv-{t.short}-research" for k in range(t.n_purview)]

    def log_target(self, t: Tenant) -> str:
        """The workspace a resource or subscription sends its logs to."""
        if self.p(0.7):
            return t.soc["id"]
        return self.pick(t.workspaces)["id"]

    # -- documents ----------------------------------------------------------------------

    def document(self, kind: str, name: str, owner: str | None, spec: dict, labels: dict | None = None,
                 comment: str | None = None, owner_gap_p: float = 0.03) -> dict:
        metadata: dict = {"name": name}
        if owner is not None and not self.p(owner_gap_p):
            metadata["owner"] = owner
        elif self.p(0.5):
            metadata["#"] = "The owner field was left out when this was added to the inventory."
        if labels:
            metadata["labels"] = labels
        doc: dict = {}
        if comment:
            doc["#"] = comment
        doc.update({"apiVersion": API_VERSION, "kind": kind, "metadata": metadata, "spec": spec})
        return doc

    def service_model(self, spec: dict, model: str, missing_p: float) -> None:
        if not self.p(missing_p):
            spec["serviceModel"] = model

    # Cloud accounts come first: subscriptions carry connectors to them.
    def cloud_accounts(self, t: Tenant) -> list[dict]:
        docs = []
        for _ in range(t.n_clouds):
            i = self.next_id()
            provider = "AWS" if self.p(0.65) else "GCP"
            hid = self.digits(12)
            purpose = self.pick(["research", "portal", "marketing", "lims", "analytics", "imaging", "billing"])
            name = f"{provider.lower()}-{t.short}-{purpose}-{i:06d}"
            spec: dict = {}
            self.service_model(spec, "iaas", 0.05)
            spec["provider"] = provider
            spec["hierarchyIdentifier"] = hid
            if self.p(0.7):
                spec["displayName"] = f"{t.display} {purpose}"
            stores = []
            for k in range(self.weighted([(0, 25), (1, 35), (2, 25), (3, 10), (5, 5)])):
                stype = self.pick(AWS_STORE_TYPES if provider == "AWS" else GCP_STORE_TYPES)
                store = {"type": stype, "name": f"{t.short}-{purpose}-{stype.lower()}-{i}-{k + 1}"}
                if not self.p(0.15):
                    store["dataClassification"] = self.weighted([(c, w) for c, w in zip(CLASSIFICATIONS, [1, 3, 4, 3])])
                stores.append(store)
            if stores or self.p(0.3):
                spec["dataStores"] = stores
            labels = {"data": "phi"} if purpose in ("lims", "imaging", "research") and self.p(0.6) else None
            doc = self.document("CloudAccount", name, self.pick(["research-computing", "cloud-platform",
                                                                  "digital-marketing", "laboratory-systems"]),
                                spec, labels)
            # Defender for Cloud connector (DEF-006) and Sentinel connector (SEN-009) fates.
            doc_state = {
                "defender": self.weighted([("cspm", 80), ("no-cspm", 7), ("no-offerings", 3), ("none", 10)]),
                "sentinel": self.weighted([("Enabled", 75), ("Disabled", 10), ("none", 15)]),
                "purview": bool(stores) and provider == "AWS" and self.p(0.7),
            }
            t.clouds.append({"doc": doc, "state": doc_state, "provider": provider, "hid": hid, "name": name})
            docs.append(doc)
        # Attach the Defender connectors to subscriptions of the tenant.
        for c in t.clouds:
            fate = c["state"]["defender"]
            if fate == "none":
                continue
            conn: dict = {"name": c["name"], "environmentName": c["provider"], "hierarchyIdentifier": c["hid"]}
            if self.p(0.5):
                conn["environmentData"] = {"environmentType": "AwsAccount" if c["provider"] == "AWS" else "GcpProject",
                                           "scanInterval": self.pick([4, 6, 12, 24])}
            suffix = "Aws" if c["provider"] == "AWS" else "Gcp"
            if fate == "cspm":
                offers = [self.pick([f"CspmMonitor{suffix}", f"DefenderCspm{suffix}"])]
                if self.p(0.5):
                    offers.append(f"DefenderForServers{suffix}")
                conn["offerings"] = [{"offeringType": o} for o in offers]
            elif fate == "no-cspm":
                conn["offerings"] = [{"offeringType": self.pick([f"DefenderForServers{suffix}",
                                                                  f"DefenderForContainers{suffix}"])}]
            self.pick(t.subs).connectors.append(conn)
        return docs

    # -- Azure resources ----------------------------------------------------------------

    def type_weights(self, phi: bool) -> list[tuple[str, float]]:
        out = []
        for typ, w, _ in AZURE_TYPES:
            if typ in HEALTH_TYPES:
                w = w * (4.0 if phi else 0.15)
            out.append((typ, w))
        return out

    def resource_diag(self, t: Tenant, typ: str):
        if typ in NO_LOG_TYPES:
            return None if self.p(0.9) else []
        r = self.rng.random()
        if r < 0.60:
            log = self.weighted([({"categoryGroup": "audit", "enabled": True}, 5),
                                 ({"categoryGroup": "allLogs", "enabled": True}, 3),
                                 ({"category": "AuditEvent", "enabled": True}, 2)])
            setting = {"name": self.pick(["to-soc", "audit-to-law", "diag-law", "send-to-sentinel"]),
                       "workspaceId": self.log_target(t), "logs": [dict(log)]}
            if self.p(0.4):
                setting["metrics"] = [{"category": "AllMetrics", "enabled": self.p(0.7)}]
            return [setting]
        if r < 0.66:
            return [{"name": "metrics-only", "workspaceId": self.log_target(t),
                     "logs": [{"categoryGroup": "allLogs", "enabled": False}],
                     "metrics": [{"category": "AllMetrics", "enabled": True}]}]
        if r < 0.70:
            return [{"name": "archive-to-storage",
                     "storageAccountId": f"/subscriptions/{t.subs[0].id}/resourceGroups/rg-archive/providers/Microsoft.Storage/storageAccounts/starchive{t.short}",
                     "logs": [{"categoryGroup": "audit", "enabled": True,
                               "retentionPolicy": {"enabled": True, "days": self.pick([30, 90, 365])}}]}]
        if r < 0.77:
            return []
        return None

    def resource_properties(self, t: Tenant, typ: str, name: str) -> dict | None:
        if self.p(0.06):
            return None
        pna = self.weighted([("Disabled", 55), ("Enabled", 40), ("SecuredByPerimeter", 5)])
        if typ == "Microsoft.Storage/storageAccounts":
            props = {"publicNetworkAccess": pna,
                     "minimumTlsVersion": self.weighted([("TLS1_2", 85), ("TLS1_0", 10), ("TLS1_1", 5)]),
                     "allowBlobPublicAccess": self.p(0.15), "supportsHttpsTrafficOnly": not self.p(0.05)}
            if self.p(0.2):
                props["isHnsEnabled"] = True
            return props
        if typ in ("Microsoft.Sql/servers", "Microsoft.Sql/managedInstances"):
            return {"publicNetworkAccess": pna, "minimalTlsVersion": self.pick(["1.2", "1.2", "1.1"]),
                    "version": "12.0", "administrators": {"azureADOnlyAuthentication": self.p(0.6)}}
        if typ == "Microsoft.KeyVault/vaults":
            return {"enableSoftDelete": True, "enablePurgeProtection": self.p(0.7),
                    "enableRbacAuthorization": self.p(0.6), "publicNetworkAccess": pna,
                    "sku": {"family": "A", "name": self.pick(["standard", "premium"])}}
        if typ == "Microsoft.Compute/virtualMachines":
            return {"hardwareProfile": {"vmSize": self.pick(["Standard_D4s_v5", "Standard_E8s_v5", "Standard_B2ms",
                                                             "Standard_NC6s_v3", "Standard_D2s_v5"])},
                    "storageProfile": {"osDisk": {"osType": self.pick(["Windows", "Linux"])}},
                    "securityProfile": {"securityType": self.pick(["TrustedLaunch", "Standard"])}}
        if typ == "Microsoft.Web/sites":
            return {"httpsOnly": not self.p(0.1), "publicNetworkAccess": pna,
                    "siteConfig": {"minTlsVersion": self.pick(["1.2", "1.2", "1.0"]), "ftpsState": self.pick(
                        ["Disabled", "FtpsOnly", "AllAllowed"])}}
        if typ == "Microsoft.DocumentDB/databaseAccounts":
            return {"publicNetworkAccess": pna, "disableLocalAuth": self.p(0.5),
                    "consistencyPolicy": {"defaultConsistencyLevel": self.pick(["Session", "Strong", "Eventual"])}}
        if typ in ("Microsoft.HealthcareApis/workspaces/fhirservices", "Microsoft.HealthcareApis/services"):
            props: dict = {}
            r = self.rng.random()
            if r < 0.6:
                props["publicNetworkAccess"] = "Disabled"
            elif r < 0.9:
                props["publicNetworkAccess"] = "Enabled"
            r = self.rng.random()
            if r < 0.15:
                props["corsConfiguration"] = {"origins": ["*"], "allowCredentials": False}
            elif r < 0.8:
                props["corsConfiguration"] = {"origins": [f"https://portal.{t.domain}"], "allowCredentials": False,
                                              "methods": ["GET", "POST"]}
            if typ == "Microsoft.HealthcareApis/workspaces/fhirservices":
                props["authenticationConfiguration"] = {
                    "authority": f"https://login.microsoftonline.com/{t.tenant_id}",
                    "audience": f"https://{name}.fhir.azurehealthcareapis.com", "smartProxyEnabled": False}
            return props
        if typ in HEALTH_TYPES:
            return {"publicNetworkAccess": pna} if self.p(0.9) else {}
        if typ == "Microsoft.ContainerService/managedClusters":
            return {"kubernetesVersion": self.pick(["1.29.7", "1.30.3", "1.31.1"]),
                    "apiServerAccessProfile": {"enablePrivateCluster": self.p(0.5)},
                    "aadProfile": {"managed": True, "enableAzureRBAC": self.p(0.7)}}
        if typ == "Microsoft.Compute/disks":
            return {"diskSizeGB": self.pick([32, 64, 128, 256, 512, 1024]),
                    "encryption": {"type": self.pick(["EncryptionAtRestWithPlatformKey",
                                                      "EncryptionAtRestWithCustomerKey"])}}
        if typ in ("Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforMySQL/flexibleServers"):
            return {"version": self.pick(["14", "15", "16", "8.0.21"]),
                    "network": {"publicNetworkAccess": pna}, "highAvailability": {"mode": self.pick(
                        ["Disabled", "ZoneRedundant"])}}
        return {"provisioningState": "Succeeded"} if self.p(0.5) else {"publicNetworkAccess": pna}

    def azure_resource(self, t: Tenant, s: Sub, typ: str, prefix: str, rgs: list[str]) -> dict:
        i = self.next_id()
        tag = s.purpose.replace("-", "")[:8]
        if prefix in ("st", "acr", "adls"):
            name = f"{prefix}{tag}{i:07d}"
        else:
            name = f"{prefix}-{s.purpose}-{i:07d}"
        rg = self.pick(rgs)
        provider = typ
        if typ in ("Microsoft.HealthcareApis/workspaces/fhirservices", "Microsoft.HealthcareApis/workspaces/dicomservices"):
            ws = f"ahds{tag}{s.idx:04d}"
            child = typ.rsplit("/", 1)[1]
            rid = f"/subscriptions/{s.id}/resourceGroups/{rg}/providers/Microsoft.HealthcareApis/workspaces/{ws}/{child}/{name}"
        else:
            rid = f"/subscriptions/{s.id}/resourceGroups/{rg}/providers/{provider}/{name}"
        spec: dict = {}
        self.service_model(spec, "iaas" if typ in IAAS_TYPES else "paas", 0.05)
        spec["type"] = typ
        spec["id"] = rid
        spec["location"] = s.region if self.p(0.9) else self.pick(REGIONS)
        if self.p(0.25):
            spec["subscriptionId"] = s.id
        store = typ in DATA_STORE_KINDS
        holds_data = store or typ in HEALTH_TYPES
        if holds_data and not self.p(0.15 if store else 0.4):
            spec["dataClassification"] = (self.weighted([("Highly Confidential", 7), ("Confidential", 3)]) if s.phi
                                          else self.weighted([(c, w) for c, w in zip(CLASSIFICATIONS, [1, 4, 4, 1])]))
        props = self.resource_properties(t, typ, name)
        if props is not None:
            spec["properties"] = props
        diag = self.resource_diag(t, typ)
        if typ == "Microsoft.Sql/servers":
            if self.p(0.35):
                diag = None
            r = self.rng.random()
            if r < 0.55:
                audit = {"state": "Enabled", "retentionDays": self.pick([0, 30, 90, 365])}
                if not self.p(0.12):
                    audit["isAzureMonitorTargetEnabled"] = self.boolish(self.p(0.8))
                spec["auditingSettings"] = audit
            elif r < 0.7:
                spec["auditingSettings"] = {"state": "Disabled"}
        if diag is not None:
            spec["diagnosticSettings"] = diag
        labels: dict = {}
        if holds_data and s.phi and self.p(0.7):
            labels["data"] = "phi" if self.p(0.95) else "PHI"
        if self.p(0.3):
            labels["environment"] = "production" if s.production else "development"
        if self.p(0.1):
            labels["costCenter"] = self.rng.randrange(1000, 9999)
        comment = None
        if typ == "Microsoft.HealthcareApis/services":
            comment = "Azure API for FHIR: the move to the FHIR service in Azure Health Data Services is not planned yet."
        doc = self.document("AzureResource", name, self.pick(s.owners), spec, labels or None, comment, 0.04)
        if store:
            kind = DATA_STORE_KINDS[typ]
            if kind == "AzureStorage" and props and props.get("isHnsEnabled"):
                kind = "AdlsGen2"
            t.stores.append(("azure", kind, rid, s, name))
        return doc

    # -- subscriptions --------------------------------------------------------------------

    def pricing(self, plan: str, free_p: float) -> dict | None:
        if self.p(0.07):
            return None
        if self.p(free_p):
            return {"pricingTier": "Free"}
        p: dict = {"pricingTier": "Standard"}
        if plan == "CloudPosture":
            if self.p(0.8):
                p["extensions"] = [{"name": "SensitiveDataDiscovery", "isEnabled": self.boolish(self.p(0.85))},
                                   {"name": "AgentlessVmScanning", "isEnabled": self.boolish(self.p(0.85))}]
        elif plan == "VirtualMachines":
            sp = self.weighted([("P2", 60), ("P1", 30), (None, 10)])
            if sp:
                p["subPlan"] = sp
        elif plan == "StorageAccounts":
            sp = self.weighted([("DefenderForStorageV2", 80), ("PerTransaction", 12), (None, 8)])
            if sp:
                p["subPlan"] = sp
            if sp == "DefenderForStorageV2" and self.p(0.85):
                p["extensions"] = [{"name": "OnUploadMalwareScanning", "isEnabled": self.boolish(self.p(0.8))},
                                   {"name": "SensitiveDataDiscovery", "isEnabled": self.boolish(self.p(0.8))}]
        elif plan == "KeyVaults":
            p["subPlan"] = "PerKeyVault"
        elif plan == "Arm":
            p["subPlan"] = self.pick(["PerApiCall", "PerSubscription"])
        elif plan == "Containers" and self.p(0.5):
            p["extensions"] = [{"name": "ContainerRegistriesVulnerabilityAssessments", "isEnabled": self.boolish(True)}]
        if self.p(0.1):
            p["resourcesCoverageStatus"] = self.pick(["FullyCovered", "PartiallyCovered"])
        return p

    def subscription(self, t: Tenant, s: Sub) -> dict:
        spec: dict = {}
        self.service_model(spec, "iaas" if s.purpose in ("research", "genomics", "connectivity") else "paas", 0.08)
        spec["subscriptionId"] = s.id
        if self.p(0.7):
            spec["displayName"] = f"{t.display} - {s.purpose.replace('-', ' ').title()} ({'Production' if s.production else 'Non-production'})"
        comment = None
        if self.p(0.06):
            comment = "The Defender for Cloud export of this subscription has not been added to the inventory yet."
        else:
            # Landing-zone subscriptions get the Defender baseline by policy; older ones
            # have some plans on; a few legacy ones run on the free tiers (~20% Free overall).
            free_p = self.weighted([(0.05, 60), (0.4, 30), (0.9, 10)])
            pricings = {}
            for plan in PLANS:
                p = self.pricing(plan, free_p)
                if p is not None:
                    pricings[plan] = p
            spec["pricings"] = pricings
        # Security contacts (DEF-008, DEF-009).
        r = self.rng.random()
        if r < 0.04:
            spec["securityContacts"] = []
        elif r < 0.92:
            contact: dict = {"name": "default"}
            if not self.p(0.03):
                contact["emails"] = "" if self.p(0.08) else self.pick(
                    [f"secops@{t.domain}", f"secops@{t.domain};cloud-platform@{t.domain}", f"soc@{t.domain}"])
            if not self.p(0.03):
                contact["isEnabled"] = self.p(0.93)
            if not self.p(0.04):
                sources = []
                if not self.p(0.05):
                    src = {"sourceType": "Alert"}
                    if not self.p(0.04):
                        src["minimalSeverity"] = self.weighted([("High", 40), ("Medium", 45), ("Low", 15)])
                    sources.append(src)
                if self.p(0.3):
                    sources.append({"sourceType": "AttackPath", "minimalRiskLevel": self.pick(["Critical", "High"])})
                contact["notificationsSources"] = sources
            r2 = self.rng.random()
            if r2 < 0.72:
                contact["notificationsByRole"] = {"state": "On", "roles": ["Owner"] if self.p(0.8) else ["Owner", "ServiceAdmin"]}
            elif r2 < 0.82:
                contact["notificationsByRole"] = {"state": "Off", "roles": []}
            elif r2 < 0.88:
                contact["notificationsByRole"] = {"state": "On", "roles": ["AccountAdmin"]}
            spec["securityContacts"] = [contact]
        # Continuous export (DEF-012).
        r = self.rng.random()
        if r < 0.05:
            spec["automations"] = []
        elif r < 0.90:
            auto: dict = {"name": "export-to-sentinel"}
            if not self.p(0.02):
                auto["isEnabled"] = self.p(0.95)
            auto["scopes"] = [{"scopePath": f"/subscriptions/{s.id}"}]
            sources = ["Alerts", "Assessments"] if self.p(0.88) else ["Alerts"]
            if self.p(0.3):
                sources.append("SecureScores")
            auto["sources"] = [{"eventSource": e} for e in sources]
            r2 = self.rng.random()
            if r2 < 0.8:
                target = t.soc["id"]
                if self.p(0.1):
                    target = target.lower()
                auto["actions"] = [{"actionType": "Workspace", "workspaceResourceId": target}]
            elif r2 < 0.9:
                auto["actions"] = [{"actionType": "Workspace", "workspaceResourceId": self.pick(t.workspaces)["id"]}]
            else:
                auto["actions"] = [{"actionType": "LogicApp",
                                    "logicAppResourceId": f"/subscriptions/{s.id}/resourceGroups/rg-ops/providers/Microsoft.Logic/workflows/la-alert-mail"}]
            spec["automations"] = [auto]
        # Security connectors (DEF-006); a few subscriptions do not record them.
        if s.connectors or not self.p(0.04):
            spec["securityConnectors"] = s.connectors
        else:
            s.records_connectors = False
        # Integrations (DEF-014).
        if not self.p(0.08):
            settings = {"MCAS": {"enabled": self.p(0.88)}}
            if not self.p(0.05):
                settings["WDATP"] = {"enabled": self.p(0.9)}
            if self.p(0.3):
                settings["Sentinel"] = {"enabled": True}
            spec["settings"] = settings
        # Activity log (LOG-013).
        r = self.rng.random()
        if r < 0.05:
            spec["diagnosticSettings"] = []
        elif r < 0.9:
            cats = ["Administrative", "Security", "Policy"]
            if self.p(0.12):
                cats.remove("Policy")
            if self.p(0.4):
                cats += ["Alert", "ServiceHealth"]
            spec["diagnosticSettings"] = [{"name": "activity-to-sentinel", "workspaceId": self.log_target(t),
                                           "logs": [{"category": c, "enabled": not (c == "Security" and self.p(0.05))}
                                                    for c in cats]}]
        # Policy (HLT-002).
        if not self.p(0.12):
            assignments = [{"name": "mcsb", "displayName": "Microsoft cloud security benchmark",
                            "policyDefinitionId": MCSB_INITIATIVE}]
            if self.p(0.6 if s.phi else 0.25):
                initiative = HIPAA_INITIATIVE if self.p(0.8) else HITRUST_CSF
                assignments.insert(0, {"name": "hipaa-hitrust", "displayName": "HITRUST/HIPAA",
                                       "policyDefinitionId": initiative})
            if self.p(0.2):
                assignments.append({"name": "iso-27001", "displayName": "ISO 27001:2013",
                                    "policyDefinitionId": ISO_INITIATIVE, "enforcementMode": "DoNotEnforce"})
            spec["policyAssignments"] = assignments
        # Secure score (DEF-010).
        r = self.rng.random()
        if r < 0.85:
            mx = self.pick([55, 58, 61])
            pct = round(0.3 + self.rng.random() * 0.65, 3)
            score = {"current": round(mx * pct, 1), "max": mx}
            if r < 0.75:
                score["percentage"] = pct
            spec["secureScore"] = score
        # Recommendations (DEF-011).
        if not self.p(0.1):
            assessments = []
            for title, severity in [self.pick(ASSESSMENTS) for _ in range(self.weighted([(0, 15), (1, 30), (2, 30), (4, 25)]))]:
                a: dict = {"name": self.guid(), "displayName": title}
                code = self.weighted([("Unhealthy", 60), ("Healthy", 35), ("NotApplicable", 5)])
                status: dict = {"code": code}
                if not self.p(0.05):
                    status["firstEvaluationDate"] = self.time_ago(self.rng.randrange(3, 400))
                if self.p(0.3):
                    status["statusChangeDate"] = self.time_ago(self.rng.randrange(1, 60))
                a["status"] = status
                if not self.p(0.05):
                    a["metadata"] = {"severity": severity}
                assessments.append(a)
            spec["assessments"] = assessments
        labels = {"environment": "production" if s.production else "development"}
        if s.phi:
            labels["data"] = "phi"
        return self.document("Subscription", s.name, self.pick(s.owners), spec, labels, comment, 0.04)

    # -- on-premises ----------------------------------------------------------------------

    def customer_controls(self) -> list | None:
        r = self.rng.random()
        if r < 0.15:
            return None
        if r < 0.2:
            return []
        areas = list(CONTROL_AREAS)
        mode = self.weighted([("fresh", 52), ("stale", 15), ("partial", 23), ("undated", 10)])
        if mode == "partial":
            for _ in range(self.rng.randrange(1, 4)):
                areas.pop(self.rng.randrange(len(areas)))
        stale_at = self.rng.randrange(len(areas)) if mode == "stale" else -1
        undated_at = self.rng.randrange(len(areas)) if mode == "undated" else -1
        out = []
        for k, (area, evidence) in enumerate(areas):
            c = {"area": area.lower() if self.p(0.04) else area,
                 "evidence": self.pick(evidence).format(n=self.rng.randrange(10, 999))}
            if k == stale_at:
                c["reviewedOn"] = self.date_ago(self.rng.randrange(400, 900))
            elif k != undated_at:
                c["reviewedOn"] = self.date_ago(self.rng.randrange(5, 330))
            out.append(c)
        return out

    def onprem(self, t: Tenant) -> tuple[dict, dict]:
        servers: dict = {site: [] for site in t.sites}
        stores: dict = {site: [] for site in t.sites}
        for _ in range(t.n_servers):
            i = self.next_id()
            site = self.pick(t.sites)
            role = self.pick(SERVER_ROLES)
            short = f"{role}{i:06d}"
            host = f"{short}.{site}.corp.{t.domain}"
            spec: dict = {}
            self.service_model(spec, "onprem", 0.7)
            spec["hostName"] = host
            if not self.p(0.05):
                spec["os"] = self.pick(SERVER_OS)
            comment = None
            if self.p(0.75):
                sub_id = t.subs[self.rng.randrange(len(t.subs))].id if not self.p(0.03) else self.guid()
                arc: dict = {"resourceId": f"/subscriptions/{sub_id}/resourceGroups/rg-arc-{site}/providers/Microsoft.HybridCompute/machines/{short}"}
                status = self.weighted([("Connected", 80), ("Disconnected", 8), ("Expired", 4), (None, 8)])
                if status:
                    arc["status"] = status
                spec["arcMachine"] = arc
            elif self.p(0.3):
                comment = "Not onboarded to Azure Arc."
            controls = self.customer_controls()
            if controls is not None:
                spec["customerControls"] = controls
            owner = self.pick(["clinical-infrastructure", "laboratory-systems", "datacenter-ops", "corp-it",
                               "radiology-it", "data-governance"])
            servers[site].append(self.document("OnPremServer", short, owner, spec, None, comment))
        for _ in range(t.n_stores):
            i = self.next_id()
            site = self.pick(t.sites)
            engine = self.weighted(STORE_ENGINES)
            short = f"{STORE_ROLES[engine]}{i:06d}"
            host = f"{short}.{site}.corp.{t.domain}"
            spec = {}
            self.service_model(spec, "onprem", 0.7)
            spec["hostName"] = host
            if not self.p(0.04):
                spec["engine"] = engine
            if engine != "FileShare" and self.p(0.8):
                spec["databases"] = [self.pick(["EMR", "Scheduling", "Billing", "LIS", "PACS", "HR", "Finance",
                                                "Pharmacy", "Research", "DataWarehouse"]) for _ in range(self.rng.randrange(1, 4))]
            if not self.p(0.2):
                spec["dataClassification"] = self.weighted([("Highly Confidential", 5), ("Confidential", 4), ("General", 1)])
            controls = self.customer_controls()
            if controls is not None:
                spec["customerControls"] = controls
            labels = {"data": "phi"} if self.p(0.4) else None
            owner = self.pick(["clinical-infrastructure", "laboratory-systems", "dba-team", "data-governance"])
            doc = self.document("OnPremDataStore", short, owner, spec, labels)
            stores[site].append(doc)
            t.stores.append(("onprem", STORE_SOURCE_KINDS.get(engine), host, None, short))
        return servers, stores

    # -- Power Platform ---------------------------------------------------------------------

    def environments(self, t: Tenant) -> list[dict]:
        docs = []
        for k in range(t.n_envs):
            i = self.next_id()
            spec: dict = {}
            self.service_model(spec, "saas", 0.85)
            labels = None
            comment = None
            if k == 0:
                name = f"{t.short}-default"
                env_id = f"Default-{t.tenant_id}"
                spec.update({"environmentId": env_id, "displayName": f"{t.display} (default)",
                             "environmentSku": "Default", "isDefault": True})
            else:
                sku = self.weighted([("Production", 45), ("Sandbox", 20), ("Developer", 15), ("Trial", 8),
                                     ("Teams", 7), (None, 5)])
                purpose = self.pick(["clinical-care", "patient-outreach", "care-coordination", "hr-onboarding",
                                     "facilities", "research-intake", "finance-approvals", "lab-orders", "apps"])
                name = f"{t.short}-{purpose}-{i:06d}"
                env_id = self.guid()
                spec["environmentId"] = env_id
                if self.p(0.8):
                    spec["displayName"] = f"{purpose.replace('-', ' ').title()} ({sku or 'unknown'})"
                if sku:
                    spec["environmentSku"] = sku
                else:
                    comment = "The environment type was not in the export."
                if self.p(0.7):
                    spec["isDefault"] = False
                if sku == "Production" and self.p(0.5):
                    spec["dynamics365Apps"] = sorted({self.pick(D365_APPS) for _ in range(self.rng.randrange(1, 3))})
                if self.p(0.25):
                    labels = {"data": "phi"}
                if self.p(0.7):
                    spec["dataClassification"] = self.weighted([(c, w) for c, w in zip(CLASSIFICATIONS, [1, 4, 3, 2])])
                if self.p(0.9 if sku == "Production" else 0.35):
                    spec["dataverse"] = self.dataverse()
                if sku == "Production":
                    t.prod_env_ids.append(env_id)
            t.env_ids.append(env_id)
            owner = self.pick(["business-apps", "patient-experience", "hr-systems", "finance-it", "citizen-developers"])
            docs.append(self.document("PowerPlatformEnvironment", name, owner, spec, labels, comment))
        return docs

    def dataverse(self) -> dict:
        dv: dict = {}
        if not self.p(0.1):
            dv["isauditenabled"] = self.p(0.82)
        if not self.p(0.1):
            dv["auditretentionperiodv2"] = self.weighted([(-1, 15), (2555, 15), (2190, 10), (365, 25), (180, 10),
                                                          (90, 15), (30, 10)])
        if not self.p(0.1):
            dv["isuseraccessauditenabled"] = self.p(0.78)
        if self.p(0.4):
            dv["useraccessauditinginterval"] = self.pick([1, 4, 24])
        if not self.p(0.1):
            dv["isreadauditenabled"] = self.p(0.55)
        if self.p(0.8):
            tables = []
            chosen = sorted({self.rng.randrange(len(DATAVERSE_TABLES)) for _ in range(self.rng.randrange(2, 6))})
            for ix in chosen:
                logical, sensitive = DATAVERSE_TABLES[ix]
                tbl: dict = {"LogicalName": logical}
                if self.p(0.9):
                    tbl["sensitive"] = sensitive
                if not self.p(0.05):
                    tbl["IsAuditEnabled"] = self.boolish(self.p(0.85))
                if self.p(0.5):
                    tbl["IsRetrieveAuditEnabled"] = self.boolish(self.p(0.6))
                    tbl["IsRetrieveMultipleAuditEnabled"] = self.boolish(self.p(0.4))
                tables.append(tbl)
            dv["tables"] = tables
        return dv

    # -- Sentinel -------------------------------------------------------------------------------

    def workspace(self, t: Tenant, w: dict) -> dict:
        role = w["role"]
        spec: dict = {}
        self.service_model(spec, "paas", 0.8)
        spec["workspaceResourceId"] = w["id"]
        if self.p(0.8):
            spec["customerId"] = self.guid()
        if self.p(0.6):
            spec["subscriptionId"] = w["sub"].id
        fresh = lambda: self.time_ago(1) if self.p(0.5) else self.time_ago(2)  # noqa: E731
        if role == "soc":
            spec["retentionInDays"] = self.pick([90, 180, 365]) if t.profile != "bad" else 30
            spec["onboardingStates"] = ["default"]
            tables = [
                {"name": "AuditLogs", "totalRetentionInDays": self.pick([365, 730]), "lastIngestionTime": fresh()},
                {"name": "SigninLogs", "totalRetentionInDays": self.pick([90, 730, 730]), "lastIngestionTime": fresh()},
                {"name": "OfficeActivity", "totalRetentionInDays": self.pick([365, 730]), "lastIngestionTime": fresh()},
                {"name": "SecurityAlert", "totalRetentionInDays": 365, "lastIngestionTime": fresh()},
                {"name": "AzureActivity", "totalRetentionInDays": -1, "retentionInDays": -1, "lastIngestionTime": fresh()},
                {"name": "PowerAppsActivity", "totalRetentionInDays": 365, "lastIngestionTime": fresh()},
                {"name": "PowerAutomateActivity", "totalRetentionInDays": 365, "lastIngestionTime": fresh()},
            ]
            if t.idx == 0:
                # The Power Platform admin connector stopped in the summer; Dataverse
                # activity arrives, but no analytics rule reads it.
                tables.append({"name": "PowerPlatformAdminActivity", "totalRetentionInDays": 365,
                               "lastIngestionTime": self.time_ago(self.rng.randrange(60, 150))})
                tables.append({"name": "DataverseActivity", "totalRetentionInDays": 730, "lastIngestionTime": fresh()})
            if any(c["provider"] == "AWS" for c in t.clouds):
                tables.append({"name": "AWSCloudTrail", "totalRetentionInDays": 365, "lastIngestionTime": fresh()})
            spec["tables"] = tables
            spec["dataConnectors"] = self.soc_connectors(t)
            spec["alertRules"] = self.soc_rules(t)
            spec["automationRules"] = [{"name": "triage-high",
                                        "displayName": "Assign high-severity incidents to the on-call analyst",
                                        "enabled": True, "actions": [{"actionType": "ModifyProperties"}]}]
            if t.profile != "bad" or self.p(0.5):
                spec["automationRules"].append({
                    "name": "notify-soc", "enabled": t.profile != "bad",
                    "actions": [{"actionType": "RunPlaybook",
                                 "logicAppResourceId": f"/subscriptions/{w['sub'].id}/resourceGroups/rg-soc/providers/Microsoft.Logic/workflows/la-notify-soc"}]})
            owner = "security-operations"
        elif role == "ops":
            spec["retentionInDays"] = self.pick([30, 30, 90])
            spec["onboardingStates"] = ["default"]
            tables = [{"name": "AzureActivity", "totalRetentionInDays": 90, "lastIngestionTime": fresh()},
                      {"name": "SecurityAlert", "totalRetentionInDays": 90, "lastIngestionTime": fresh()}]
            r = self.rng.random()
            if r < 0.4:
                tables.append({"name": "SigninLogs", "totalRetentionInDays": 90, "lastIngestionTime": fresh()})
            elif r < 0.7:
                tables.append({"name": "AuditLogs", "lastIngestionTime": fresh()})
            spec["tables"] = tables
            connectors = [{"name": "office365", "kind": "Office365", "tenantId": t.tenant_id,
                           "dataTypes": {"exchange": {"state": "Enabled"}, "sharePoint": {"state": "Disabled"},
                                         "teams": {"state": "Disabled"}}}]
            picks = sorted({self.rng.randrange(len(t.subs)) for _ in range(min(3, len(t.subs)))})
            for ix in picks:
                s = t.subs[ix]
                connectors.append({"name": f"mdc-{s.name}", "kind": "AzureSecurityCenter", "subscriptionId": s.id,
                                   "dataTypes": {"alerts": {"state": "Enabled"}}})
            spec["dataConnectors"] = connectors
            rules = [{"name": "mdc-incidents", "kind": "MicrosoftSecurityIncidentCreation", "enabled": True,
                      "productFilter": "Azure Security Center"}]
            if self.p(0.6):
                rules.insert(0, {"name": "fusion", "kind": "Fusion", "enabled": False})
            if self.p(0.3):
                rules.append({"name": "mail-forwarding-external", "kind": "Scheduled", "enabled": True,
                              "requiredDataConnectors": [{"connectorId": "Office365", "dataTypes": ["OfficeActivity"]}]})
            spec["alertRules"] = rules
            r = self.rng.random()
            if t.profile != "mixed":
                # The baseline tenant's second workspace has only a disabled rule; the
                # acquired tenant's export does not record its automation rules.
                r = 0.5 if t.profile == "good" else 0.9
            if r < 0.35:
                spec["automationRules"] = []
            elif r < 0.7:
                spec["automationRules"] = [{"name": "mssp-ticket", "enabled": False,
                                            "actions": [{"actionType": "RunPlaybook"}]}]
            owner = self.pick(["managed-security-provider", "cloud-platform", "it-operations"])
        else:
            if role == "unrecorded":
                spec["#"] = "Whether Sentinel is onboarded here was not captured by the export."
            else:
                spec["retentionInDays"] = self.pick([30, 30, 90, 180])
                spec["onboardingStates"] = []
            if self.p(0.6):
                spec["tables"] = [{"name": "AzureDiagnostics", "totalRetentionInDays": 30,
                                   "lastIngestionTime": fresh()},
                                  {"name": "AuditLogs", "totalRetentionInDays": self.pick([30, 365])}]
            owner = self.pick(["cloud-platform", "data-governance", "it-operations"])
        return self.document("SentinelWorkspace", w["name"], owner, spec)

    def soc_connectors(self, t: Tenant) -> list[dict]:
        conns: list[dict] = [
            {"name": "office365", "kind": "Office365", "tenantId": t.tenant_id,
             "dataTypes": {"exchange": {"state": "Enabled"}, "sharePoint": {"state": "Enabled"},
                           "teams": {"state": "Disabled"}}},
            {"name": "entra-id-protection", "kind": "AzureActiveDirectory", "tenantId": t.tenant_id,
             "dataTypes": {"alerts": {"state": "Enabled" if t.profile != "bad" else "Disabled"}}},
            {"name": "microsoft-defender-xdr", "kind": "MicrosoftThreatProtection", "tenantId": t.tenant_id,
             "dataTypes": {"incidents": {"state": "Enabled"}}},
            {"name": "purview-information-protection", "kind": "MicrosoftPurviewInformationProtection",
             "tenantId": t.tenant_id, "dataTypes": {"logs": {"state": "Disabled"}}},
        ]
        if t.idx == 0:
            conns.append({"name": "dynamics365", "kind": "Dynamics365", "tenantId": t.tenant_id,
                          "dataTypes": {"dynamics365CdsActivities": {"state": "Enabled"}}})
        # Defender for Cloud alerts of most subscriptions (SEN-007).
        for s in t.subs:
            fate = self.weighted([("Enabled", 85), ("Disabled", 4), ("unstated", 3), ("none", 8)])
            if fate == "none":
                continue
            c: dict = {"name": f"mdc-{s.name}", "kind": "AzureSecurityCenter", "subscriptionId": s.id}
            if fate != "unstated":
                c["dataTypes"] = {"alerts": {"state": fate}}
            conns.append(c)
        # AWS CloudTrail and GCP audit logs (SEN-009).
        for cloud in t.clouds:
            state = cloud["state"]["sentinel"]
            if state == "none":
                continue
            if cloud["provider"] == "AWS":
                conns.append({"name": f"aws-cloudtrail-{cloud['hid']}", "kind": "AmazonWebServicesS3",
                              "roleArn": f"arn:aws:iam::{cloud['hid']}:role/OIDC_MicrosoftSentinelRole",
                              "dataTypes": {"logs": {"state": state}}})
            else:
                conns.append({"name": f"gcp-audit-{cloud['hid']}", "kind": "GCP", "projectNumber": cloud["hid"],
                              "connectorDefinitionName": "GCPAuditLogsDefinition",
                              "dataTypes": {"logs": {"state": state}}})
        return conns

    def soc_rules(self, t: Tenant) -> list[dict]:
        rules = [
            {"name": "fusion", "kind": "Fusion", "enabled": t.profile != "bad"},
            {"name": "mdc-incidents", "kind": "MicrosoftSecurityIncidentCreation", "enabled": True,
             "productFilter": "Azure Security Center"},
            {"name": "idp-incidents", "kind": "MicrosoftSecurityIncidentCreation", "enabled": True,
             "productFilter": "Azure Active Directory Identity Protection"},
            {"name": "mail-forwarding-external", "displayName": "Mailbox forwarding to an external domain",
             "kind": "Scheduled", "enabled": True,
             "requiredDataConnectors": [{"connectorId": "Office365", "dataTypes": ["OfficeActivity"]}]},
        ]
        if any(c["provider"] == "AWS" for c in t.clouds):
            rules.append({"name": "aws-root-activity", "displayName": "AWS root account activity", "kind": "Scheduled",
                          "enabled": True, "requiredDataConnectors": [{"connectorId": "AWSS3", "dataTypes": ["AWSCloudTrail"]}]})
        if any(c["provider"] == "GCP" for c in t.clouds):
            rules.append({"name": "gcp-iam-changes", "displayName": "GCP IAM policy changes", "kind": "Scheduled",
                          "enabled": True, "requiredDataConnectors": [{"connectorId": "GCP"}]})
        return rules

    # -- Purview --------------------------------------------------------------------------------

    def purview(self, t: Tenant, k: int, name: str, sources_in: list[tuple]) -> dict:
        clean = (t.idx == 0 and k == 0) or (t.profile == "mixed" and self.p(0.4))
        host_sub = t.subs[0]
        spec: dict = {}
        self.service_model(spec, "paas", 0.8)
        spec["id"] = f"/subscriptions/{host_sub.id}/resourceGroups/rg-governance/providers/Microsoft.Purview/accounts/{name}"
        if clean:
            spec["publicNetworkAccess"] = "Disabled"
            spec["managedResourcesPublicNetworkAccess"] = "Disabled"
        elif self.p(0.8):
            spec["publicNetworkAccess"] = self.pick(["Enabled", "NotSpecified"])
        # Diagnostic settings go to the governance workspace, which is not a Sentinel workspace.
        if clean or self.p(0.4):
            spec["diagnosticSettings"] = [{"name": "purview-audit", "workspaceId": t.plain_ws[0]["id"],
                                           "logs": [{"categoryGroup": self.pick(["audit", "allLogs"]), "enabled": True}]}]
        elif self.p(0.5):
            spec["diagnosticSettings"] = [{"name": "purview-metrics", "workspaceId": t.plain_ws[0]["id"],
                                           "logs": [{"category": "ScanStatusLogEvent", "enabled": False}],
                                           "metrics": [{"category": "AllMetrics", "enabled": True}]}]
        else:
            spec["diagnosticSettings"] = []
        shirs = [f"shir-{site}-1" for site in t.sites]
        runtimes = [{"name": s, "kind": "SelfHosted"} for s in shirs]
        runtimes.append({"name": "AutoResolveIntegrationRuntime", "kind": "Managed"})
        spec["integrationRuntimes"] = runtimes
        if clean:
            rulesets = [{"name": "health-data", "kind": "AzureStorage", "excludedSystemClassifications": []},
                        {"name": "pii-strict", "kind": "SqlServer", "excludedSystemClassifications": []}]
        else:
            rulesets = [
                {"#": "Excludes SSNs so that a legacy record number column stops being flagged.",
                 "name": "health-data", "kind": "AzureStorage",
                 "excludedSystemClassifications": ["MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER"]},
                {"name": "pii-strict", "kind": "SqlServer",
                 "excludedSystemClassifications": ["MICROSOFT.MISCELLANEOUS.IPADDRESS"]},
                {"name": "finance-only", "kind": "AzureSqlDatabase"},
            ]
        spec["scanRulesets"] = rulesets
        custom_names = ["health-data", "pii-strict"] if clean else ["health-data", "pii-strict", "finance-only",
                                                                    "legacy-ruleset"]
        sources = []
        used: dict = {}
        onprem_seen = False
        for origin, kind, key, sub, short in sources_in:
            base = short
            used[base] = used.get(base, 0) + 1
            sname = base if used[base] == 1 else f"{base}-{used[base]}"
            src: dict = {"name": sname, "kind": kind}
            if origin == "azure":
                src["resourceId"] = key.lower() if self.p(0.05) else key
            elif origin == "onprem":
                if kind == "SqlServerDatabase":
                    src["serverEndpoint"] = key
                else:
                    src["host"] = key
            else:  # aws
                src["awsAccountId"] = key
            if self.p(0.2):
                src["collection"] = {"referenceName": self.pick([name, f"{name}-clinical", f"{name}-research"])}
            scans = self.scans(clean, origin, kind, custom_names, shirs)
            if origin == "onprem" and not clean and not onprem_seen and scans:
                # Every messy account has at least one on-premises scan on no runtime.
                onprem_seen = True
                scans[0].pop("connectedVia", None)
            if scans is not None:
                src["scans"] = scans
            sources.append(src)
        spec["dataSources"] = sources
        return self.document("PurviewAccount", name, "data-governance", spec, {"data": "phi"} if t.idx == 0 else None)

    def scans(self, clean: bool, origin: str, kind: str, custom_names: list[str], shirs: list[str]) -> list | None:
        if not clean:
            r = self.rng.random()
            if r < 0.03:
                return None
            if r < 0.07:
                return []
        n = 1 if clean or self.p(0.85) else 2
        out = []
        for j in range(n):
            scan: dict = {"name": self.pick(["weekly-full", "weekly", "monthly", "daily-incremental"]) + (f"-{j + 1}" if j else "")}
            r = self.rng.random()
            if clean:
                system = r < 0.6
            else:
                system = r < 0.55
            if system or (not clean and r >= 0.95):
                scan["scanRulesetName"] = kind
                if clean or r < 0.95:
                    scan["scanRulesetType"] = "System"
            else:
                scan["scanRulesetName"] = self.pick(custom_names) if not clean else "health-data"
                scan["scanRulesetType"] = "Custom"
            if origin == "onprem":
                if clean:
                    scan["connectedVia"] = {"referenceName": self.pick(shirs)}
                else:
                    via = self.weighted([("shir", 76), (None, 10), ("managed", 7), ("unknown", 7)])
                    if via == "shir":
                        scan["connectedVia"] = {"referenceName": self.pick(shirs)}
                    elif via == "managed":
                        scan["connectedVia"] = {"referenceName": "AutoResolveIntegrationRuntime"}
                    elif via == "unknown":
                        scan["connectedVia"] = {"referenceName": "shir-legacy-dc"}
            elif origin == "azure" and self.p(0.3):
                scan["connectedVia"] = {"referenceName": "AutoResolveIntegrationRuntime"}
            if clean or not self.p(0.12):
                freq = self.weighted([("Week", 60), ("Month", 25), ("Day", 15)])
                scan["trigger"] = {"recurrence": {"frequency": freq, "interval": 1},
                                   "scanLevel": self.pick(["Full", "Incremental"])}
            if clean:
                scan["lastRun"] = {"status": "Succeeded", "endTime": self.time_ago(self.rng.randrange(1, 15))}
            else:
                fate = self.weighted([("recent", 68), ("old", 8), ("Failed", 7), ("CompletedWithExceptions", 3),
                                      ("InProgress", 2), ("Queued", 1), ("missing", 7), ("no-end", 4)])
                if fate == "recent":
                    scan["lastRun"] = {"status": "Succeeded", "endTime": self.time_ago(self.rng.randrange(1, 28))}
                elif fate == "old":
                    scan["lastRun"] = {"status": "Succeeded", "endTime": self.time_ago(self.rng.randrange(45, 300))}
                elif fate == "no-end":
                    scan["lastRun"] = {"status": "Succeeded"}
                elif fate != "missing":
                    scan["lastRun"] = {"status": fate, "endTime": self.time_ago(self.rng.randrange(1, 40))}
            out.append(scan)
        return out

    # -- Tenant ---------------------------------------------------------------------------------

    def choose(self, t: Tenant) -> str:
        """good / bad / missing for one tenant setting."""
        if t.profile == "good":
            return "good"
        if t.profile == "bad":
            return "bad"
        return self.weighted([("good", 55), ("bad", 30), ("missing", 15)])

    def tenant(self, t: Tenant) -> dict:
        spec: dict = {}
        self.service_model(spec, "saas", 0.3)
        spec["tenantId"] = t.tenant_id
        spec["displayName"] = t.display
        spec["primaryDomain"] = t.domain
        c = self.choose(t)
        if c == "missing":
            spec["adminAuditLogConfig"] = {"AdminAuditLogEnabled": True}
        else:
            spec["adminAuditLogConfig"] = {"UnifiedAuditLogIngestionEnabled": c == "good", "AdminAuditLogEnabled": True}
        c = self.choose(t)
        if c == "good":
            spec["unifiedAuditLogRetentionPolicies"] = [
                {"Name": "clinical-activity-3y", "Enabled": True, "RetentionDuration": self.pick(["TwelveMonths", "ThreeYears"]),
                 "RecordTypes": ["CRM", "MicrosoftTeams", "TeamsHealthcare", "PowerAppsApp", "MicrosoftFlow"], "Priority": 10},
                {"Name": "dlp-1y", "Enabled": True, "RetentionDuration": "TwelveMonths",
                 "RecordTypes": ["ComplianceDLPExchange", "ComplianceDLPSharePoint", "DLPEndpoint"], "Priority": 20}]
        elif c == "bad":
            spec["unifiedAuditLogRetentionPolicies"] = [
                {"Name": "activity-6m", "Enabled": True, "RetentionDuration": "SixMonths",
                 "RecordTypes": ["CRM", "MicrosoftTeams"], "Priority": 10},
                {"Name": "exec-mailboxes-10y", "Enabled": True, "RetentionDuration": "TenYears",
                 "RecordTypes": ["ExchangeItem"], "UserIds": [f"ceo@{t.domain}"], "Priority": 5}]
        c = self.choose(t)
        if c != "missing":
            spec["organizationConfig"] = {"AuditDisabled": c == "bad"}
        c = self.choose(t)
        if c != "missing":
            plans = ["EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1", "AAD_PREMIUM"]
            if c == "good":
                plans = ["M365_ADVANCED_AUDITING", "ATP_ENTERPRISE", "ADALLOM_S_STANDALONE", "AAD_PREMIUM_P2"]
            spec["servicePlans"] = plans
        c = self.choose(t)
        if c != "missing":
            spec["dlpCompliancePolicies"] = [{
                "Name": "PHI protection", "Mode": "Enable" if c == "good" else "TestWithNotifications",
                "ExchangeLocation": ["All"], "SharePointLocation": ["All"], "OneDriveLocation": ["All"],
                "TeamsLocation": ["All"],
                "SensitiveInformationTypes": ["U.S. Social Security Number (SSN)", "Drug Enforcement Agency (DEA) Number"]}]
        c = self.choose(t)
        if c != "missing":
            logs = [{"category": "AuditLogs", "enabled": True}, {"category": "SignInLogs", "enabled": c == "good"}]
            if c == "good":
                logs.append({"category": "NonInteractiveUserSignInLogs", "enabled": True})
            spec["entraDiagnosticSettings"] = [{"name": "entra-to-sentinel", "workspaceId": t.soc["id"], "logs": logs}]
        c = self.choose(t)
        pp: dict = {"tenantSettings": {"disableEnvironmentCreationByNonAdminUsers": c == "good",
                                       "disableTrialEnvironmentCreationByNonAdminUsers": c == "good",
                                       "disablePortalsCreationByNonAdminUsers": True,
                                       "powerPlatform": {"powerApps": {"disableShareWithEveryone": c != "bad"}}},
                    "tenantIsolation": {"isDisabled": c == "bad"}}
        if c == "good":
            pp["dlpPolicies"] = [{"name": self.guid(), "displayName": "Tenant baseline", "environmentType": "AllEnvironments",
                                  "defaultConnectorsClassification": "Blocked",
                                  "connectorGroups": [{"classification": "Confidential", "connectors": [
                                      {"id": "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps"},
                                      {"id": "/providers/Microsoft.PowerApps/apis/shared_office365"}]}]}]
        elif c == "bad":
            listed = t.prod_env_ids[:3] or t.env_ids[1:2] or ["00000000-0000-4000-8000-000000000000"]
            pp["dlpPolicies"] = [{"name": self.guid(), "displayName": "Clinical environments",
                                  "environmentType": "OnlyEnvironments", "environments": [{"name": e} for e in listed],
                                  "connectorGroups": [{"classification": "Blocked", "connectors": [
                                      {"id": "/providers/Microsoft.PowerApps/apis/shared_dropbox"}]}]}]
        spec["powerPlatform"] = pp
        c = self.choose(t)
        if c == "good":
            spec["defenderForCloudApps"] = {"appConnectors": [
                {"app": "Office365", "status": "Connected", "components": ["EntraID", "Office365Activities", "Office365Files"]},
                {"app": "PowerBI", "status": "Connected"}, {"app": "Dynamics365", "status": "Connected"}]}
        elif c == "bad":
            spec["defenderForCloudApps"] = {"appConnectors": [
                {"app": "Office365", "status": "Connected"}, {"app": "Dynamics365", "status": "Disconnected"}]}
        c = self.choose(t)
        if c == "good":
            spec["attestationReviews"] = [{"title": "Microsoft Azure and Microsoft 365 SOC 2 Type 2 reports",
                                           "source": "Service Trust Portal",
                                           "reviewedOn": self.date_ago(self.rng.randrange(20, 200)),
                                           "reviewer": "compliance-office"}]
        elif c == "bad":
            spec["attestationReviews"] = [{"title": "Microsoft Azure ISO 27001 certificate", "source": "Service Trust Portal",
                                           "reviewedOn": self.date_ago(self.rng.randrange(500, 900)),
                                           "serviceModels": ["iaas", "paas"]}]
        labels = {"data": "phi"} if t.idx == 0 or self.p(0.5) else None
        return self.document("Tenant", t.slug, "security-operations", spec, labels, owner_gap_p=0.0)

    # -- files ----------------------------------------------------------------------------------

    def add_files(self, directory: str, stem: str, header: str, docs: list[dict], width: int = 3) -> None:
        k = self.per_file
        for j in range(0, len(docs), k):
            self.files.append((f"{directory}/{stem}-{j // k + 1:0{width}d}.yaml", header if j == 0 else "", docs[j:j + k]))

    def build(self) -> list[tuple[str, str, list[dict]]]:
        self.plan()
        self.skeletons()
        total_subs = sum(t.n_subs for t in self.tenants)
        width = max(4, len(str(total_subs)))
        for t in self.tenants:
            tdir = f"tenant-{t.idx + 1:02d}"
            # Multicloud accounts (first: subscriptions carry connectors to them).
            cloud_docs = self.cloud_accounts(t)
            aws = [d for d, c in zip(cloud_docs, t.clouds) if c["provider"] == "AWS"]
            gcp = [d for d, c in zip(cloud_docs, t.clouds) if c["provider"] == "GCP"]
            self.add_files(f"{tdir}/multicloud", "aws", f"AWS accounts of {t.display}.", aws)
            self.add_files(f"{tdir}/multicloud", "gcp", f"GCP projects of {t.display}.", gcp)
            for c in t.clouds:
                if c["state"]["purview"]:
                    t.stores.append(("aws", "AmazonAccount", c["hid"], None, c["name"]))
            # Azure resources, spread over the subscriptions with a long tail.
            sub_weights = [0.0 if self.p(0.05) else self.rng.paretovariate(1.5) for _ in t.subs]
            if not any(sub_weights):
                sub_weights = [1.0] * len(t.subs)
            for s, count in zip(t.subs, apportion(t.n_azure, sub_weights)):
                pairs = self.type_weights(s.phi)
                rgs = [f"rg-{s.purpose}-{x}" for x in self.rng.sample(["app", "data", "network", "shared", "compute", "web"], 3)]
                prefixes = {typ: prefix for typ, _, prefix in AZURE_TYPES}
                for _ in range(count):
                    typ = self.weighted(pairs)
                    s.resources.append(self.azure_resource(t, s, typ, prefixes[typ], rgs))
            # On-premises.
            servers, stores = self.onprem(t)
            for site in t.sites:
                self.add_files(f"{tdir}/onprem/{site}", "servers", f"Servers in the {site} datacenter (CMDB export).", servers[site])
                self.add_files(f"{tdir}/onprem/{site}", "datastores", f"Databases and file stores in the {site} datacenter.", stores[site])
            # Power Platform.
            envs = self.environments(t)
            self.add_files(f"{tdir}/m365/power-platform", "envs",
                           "Power Platform environments (Get-AdminPowerAppEnvironment) with their Dataverse\n"
                           "organization audit settings (GET /api/data/v9.2/organizations).", envs)
            # Subscriptions with their resources, packed by management group.
            by_mg: dict[str, list[tuple[Sub, dict]]] = {}
            for s in t.subs:
                stream = by_mg.setdefault(s.mg, [])
                stream.append((s, self.subscription(t, s)))
                stream.extend((s, r) for r in s.resources)
            for mg in sorted(by_mg):
                stream = by_mg[mg]
                names: set[str] = set()
                for j in range(0, len(stream), self.per_file):
                    chunk = stream[j:j + self.per_file]
                    stem = f"sub-{chunk[0][0].idx:0{width}d}"
                    name, n = stem, 1
                    while name in names:
                        n += 1
                        name = f"{stem}.{n}"
                    names.add(name)
                    header = (f"Subscriptions of management group {mg} and their resources (az account list,\n"
                              "az resource list, az security pricing list, az monitor diagnostic-settings list).")
                    self.files.append((f"{tdir}/azure/{mg}/{name}.yaml", header, [d for _, d in chunk]))
            # Sentinel.
            ws_docs = [self.workspace(t, w) for w in t.workspaces]
            self.add_files(f"{tdir}/security", "sentinel", "Log Analytics workspaces with (or meant for) Microsoft Sentinel.",
                           ws_docs, width=2)
            # Purview: most data stores are registered, split over the tenant's accounts.
            per_account: list[list[tuple]] = [[] for _ in t.purview_names]
            for entry in t.stores:
                origin, kind = entry[0], entry[1]
                if kind is None or not self.p(0.85 if origin != "aws" else 1.0):
                    continue
                sub = entry[3]
                k = (sub.idx if sub is not None else self.rng.randrange(1000)) % len(per_account)
                per_account[k].append(entry)
            for k, name in enumerate(t.purview_names):
                doc = self.purview(t, k, name, per_account[k])
                self.files.append((f"{tdir}/security/purview-{k + 1:02d}.yaml",
                                   "Microsoft Purview account with its Data Map sources and scans.", [doc]))
            # The tenant last: it names the SOC workspace and the environments.
            self.files.append((f"{tdir}/m365/tenant.yaml",
                               f"The Microsoft 365 / Entra ID tenant of {t.display}, as exported from Exchange Online,\n"
                               "Security & Compliance and Power Platform admin PowerShell.", [self.tenant(t)]))
        total = sum(len(d) for _, _, d in self.files)
        if total != self.n:
            raise SystemExit(f"gen_estate: internal error: planned {self.n} documents, generated {total}")
        self.files.sort(key=lambda f: f[0])
        return self.files


# ---------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------

def prepare_out(out: Path, force: bool) -> None:
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SystemExit(f"gen_estate: {out} exists and is not a directory")
    if not out.exists():
        out.mkdir(parents=True)
        return
    entries = sorted(out.iterdir())
    if not entries:
        return
    if not force:
        raise SystemExit(f"gen_estate: {out} is not empty; choose an empty directory or pass --force")
    # Only an earlier estate is removed: directories of .yaml/.yml files, no links.
    for root, dirs, files in os.walk(out):
        for name in dirs + files:
            p = Path(root) / name
            if p.is_symlink():
                raise SystemExit(f"gen_estate: refusing to clear {out}: {p} is a symbolic link")
        for name in files:
            if not name.endswith((".yaml", ".yml")):
                raise SystemExit(f"gen_estate: refusing to clear {out}: {Path(root) / name} is not an estate file")
    for p in entries:
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a deterministic steward estate for benchmarking.")
    ap.add_argument("--documents", type=int, required=True, help=f"number of documents (at least {MIN_DOCUMENTS})")
    ap.add_argument("--out", type=Path, required=True, help="output directory (empty or absent)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--per-file", type=int, default=50, help="most documents per file (default 50)")
    ap.add_argument("--as-of", default="2026-11-25", help="date the estate's ages are relative to (default 2026-11-25)")
    ap.add_argument("--force", action="store_true", help="empty a DIR that holds an earlier estate first")
    args = ap.parse_args(argv)
    if args.documents < MIN_DOCUMENTS:
        ap.error(f"--documents must be at least {MIN_DOCUMENTS}")
    if args.per_file < 1:
        ap.error("--per-file must be at least 1")
    try:
        as_of = dt.date.fromisoformat(args.as_of)
    except ValueError:
        ap.error("--as-of must be YYYY-MM-DD")
    files = Generator(args.documents, args.seed, args.per_file, as_of).build()
    prepare_out(args.out, args.force)
    for rel, header, docs in files:
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render_file(header, docs))
    print(f"gen_estate: wrote {sum(len(d) for _, _, d in files)} documents in {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
