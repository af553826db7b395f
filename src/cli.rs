//! The command line, as clap definitions only. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::{Party, Severity};
use crate::report::{Output, parse_output};
use crate::shard::Shard;

const EXIT_CODES: &str = "\
Exit codes:
  0  no failing findings
  1  failing findings (or, for `steward test`, a failing test)
  2  an error: unreadable or invalid input, a rule that does not compile or evaluate, bad usage";

/// `--version`: the binary's version and the catalog built into it.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\nbuilt-in catalog ",
    env!("STEWARD_CATALOG_VERSION"),
    ", ",
    env!("STEWARD_CATALOG_RULES"),
    " rules"
);

/// Check an estate inventory against Microsoft's shared-responsibility security
/// guidance, with every gap mapped to the party and team that own it.
#[derive(Debug, Parser)]
#[command(
    name = "steward",
    version,
    long_version = LONG_VERSION,
    after_help = EXIT_CODES,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print only results and errors: no notes or warnings on stderr.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say more on stderr: the configuration and rules in use, what was read, every test.
    #[arg(long, short, global = true)]
    pub verbose: bool,

    /// Configuration file (default: steward.yaml in the current directory or its parents).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// When to colour the text output (NO_COLOR in the environment also turns it off).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate the rules over inventory files and directories and report the findings.
    #[command(after_help = "Examples:\n  steward check inventory/\n  steward check inventory/ --format json --as-of 2026-06-30\n  steward check inventory/ --format github --format sarif=steward.sarif --format markdown=summary.md\n  steward check inventory/ --fail-on high --fail-on-party customer,shared\n  steward check inventory/ --rules policies/\n  steward check inventory/ --baseline .steward-baseline.json --changed-since origin/main\n  steward check inventory/ --shard 2/4 --shard-out shards/2.json   # one of four CI jobs\n  steward check inventory/ --merge-from shards/ --format sarif=steward.sarif\n\n".to_owned() + EXIT_CODES)]
    Check(CheckArgs),
    /// Print the exact `{"input": ..., "data": ...}` the rules are evaluated against,
    /// for `opa eval` or debugging.
    #[command(
        after_help = "Example:\n  steward input inventory/ > estate.json\n  opa eval -d rules/ -i <(jq .input estate.json) ..."
    )]
    Input(InputArgs),
    /// Run the Rego unit tests (`test_` rules in *_test.rego files).
    #[command(
        after_help = "Examples:\n  steward test            # the built-in catalog\n  steward test rules/     # a catalog directory on disk"
    )]
    Test(TestArgs),
    /// Print the shared-responsibility matrix; given an inventory, as a heat-map of
    /// failing findings per area and service model.
    #[command(after_help = "Examples:\n  steward matrix\n  steward matrix inventory/")]
    Matrix(MatrixArgs),
    /// Write the posture report: score, responsibility heat-map, scores by party, area
    /// and team, the fixes that gain the most, and every finding.
    #[command(
        after_help = "Examples:\n  steward report inventory/ --html posture.html\n  steward report inventory/ --markdown posture.md --as-of 2026-06-30"
    )]
    Report(ReportArgs),
    /// List the rules of the catalog.
    #[command(
        after_help = "Examples:\n  steward rules\n  steward rules --framework mcsb\n  steward rules --format json"
    )]
    Rules(RulesArgs),
    /// Explain a rule: what it checks, why, how to fix it, and examples.
    #[command(after_help = "Example:\n  steward explain LOG-001")]
    Explain(ExplainArgs),
    /// Scaffold an organisational rule: the rule, its tests and good/bad examples.
    #[command(
        after_help = "Example:\n  steward new-rule ORG-001 --kind Subscription --domain tagging --name environment_label_missing --out .\n  steward test rules/"
    )]
    NewRule(NewRuleArgs),
    /// Show the effective configuration and where each value comes from.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Record today's failing findings so that checks gate only on new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Turn exports of the services themselves into inventory files (docs/importing.md).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Start an inventory repository: a commented steward.yaml, one example document per
    /// kind, editor schemas, a pre-commit hook and a CI workflow. Never overwrites a file.
    #[command(after_help = "Example:\n  steward init my-estate\n  cd my-estate && steward check inventory/")]
    Init(InitArgs),
    /// Print a JSON Schema, for editors and other tools.
    #[command(
        after_help = "Examples:\n  steward schema inventory > .steward/inventory.schema.json\n  steward schema config"
    )]
    Schema(SchemaArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  steward completions bash > ~/.local/share/bash-completion/completions/steward\n  steward completions zsh > ~/.zfunc/_steward\n  steward completions fish > ~/.config/fish/completions/steward.fish\n  steward completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a directory;
    /// generated from the same definitions as --help.
    #[command(
        after_help = "Examples:\n  steward man > steward.1 && man -l steward.1\n  steward man --out /usr/local/share/man/man1"
    )]
    Man(ManArgs),
    /// Write the rule pages (one per rule and an index) into a directory.
    #[command(after_help = "Example:\n  steward docs --out docs/rules")]
    Docs(DocsArgs),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A Microsoft 365 tenant export by CISA's ScubaGear (ProviderSettingsExport.json):
    /// Tenant and PowerPlatformEnvironment documents.
    #[command(
        after_help = "Example:\n  steward import scubagear M365BaselineConformance/ProviderSettingsExport.json -o inventory/m365"
    )]
    Scubagear(ImportArgs),
    /// Azure Resource Manager, Resource Graph and Log Analytics responses (files, or
    /// directories of .json files): Subscription, AzureResource, SentinelWorkspace,
    /// PurviewAccount and CloudAccount documents.
    #[command(after_help = "Example:\n  steward import azure exports/azure -o inventory/azure")]
    Azure(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export files (or, for azure, directories of them).
    #[arg(required = true, value_name = "EXPORT")]
    pub paths: Vec<PathBuf>,

    /// The directory to write the inventory files into (created if needed). Files an
    /// import wrote are rewritten; any other file is never overwritten.
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,

    /// Owners, labels and service models (default: DIR/steward-overlay.yaml when it exists).
    #[arg(long, value_name = "FILE")]
    pub overlay: Option<PathBuf>,

    /// The date written as each document's `steward.dev/imported-on` (YYYY-MM-DD; default today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// `--import SOURCE=PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSource {
    pub scubagear: bool,
    pub path: PathBuf,
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    text.parse()
}

fn parse_import(text: &str) -> Result<ImportSource, String> {
    let (source, path) = text
        .split_once('=')
        .filter(|(_, p)| !p.is_empty())
        .ok_or_else(|| format!("expected SOURCE=PATH (scubagear=FILE or azure=DIR), found {text:?}"))?;
    let scubagear = match source {
        "scubagear" => true,
        "azure" => false,
        other => {
            return Err(format!(
                "unknown import source {other:?} (one of: scubagear, azure)"
            ));
        }
    };
    Ok(ImportSource {
        scubagear,
        path: PathBuf::from(path),
    })
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Inventory files and directories; with them, each cell counts failing findings.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("outputs").required(true).multiple(true).args(["html", "markdown"])))]
pub struct ReportArgs {
    /// Inventory files and directories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the report as one self-contained HTML file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// Write the report as Markdown tables.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to set up (created if needed).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// The schemas steward can print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    /// Inventory documents.
    Inventory,
    /// steward.yaml and waivers files.
    Config,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[arg(value_enum)]
    pub name: SchemaName,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write steward.1 and steward-COMMAND.1 for every command into this directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule ID, e.g. LOG-001 (case-insensitive).
    pub id: String,

    #[command(flatten)]
    pub source: RuleSource,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every setting in effect: rule directories, disabled rules and packs,
    /// severities and parameters, each with its origin (default or file:line:column).
    #[command(after_help = "Example:\n  steward config show")]
    Show,
}

#[derive(Debug, Args)]
pub struct NewRuleArgs {
    /// The new rule's ID, e.g. ORG-001 (never reuse an ID).
    pub id: String,

    /// The document kind the rule judges.
    #[arg(long)]
    pub kind: String,

    /// The project directory: the rule goes to DIR/rules/<domain>/, its examples to
    /// DIR/testdata/rules/<ID>/. Existing files are never overwritten.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,

    /// The rule's domain (its directory and package segment).
    #[arg(long, default_value = "custom")]
    pub domain: String,

    /// The rule's file name, naming the bad condition (default: the ID in lower case).
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Directory to write into (created if needed).
    #[arg(long, value_name = "DIR", default_value = "docs/rules")]
    pub out: PathBuf,
}

/// Ways to group the rule list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Framework {
    /// Microsoft cloud security benchmark controls.
    Mcsb,
}

/// Where the rules come from.
#[derive(Debug, Args)]
pub struct RuleSource {
    /// A directory of organisational rules to load beside the built-in catalog (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,

    /// Do not load the built-in catalog; only the rules given with --rules.
    #[arg(long)]
    pub no_builtin: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Inventory files and directories (directories are searched for .yaml, .yml and .json).
    #[arg(required_unless_present = "imports", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format, to stdout or `FORMAT=PATH` to a file; repeatable, so one run can
    /// write several: text, json, sarif, junit, github, azure, markdown, csv.
    #[arg(long = "format", value_name = "FORMAT[=PATH]", value_parser = parse_output, default_value = "text")]
    pub formats: Vec<Output>,

    /// The least severe failing finding that makes the exit status 1 (critical, high,
    /// medium, low, info); findings below it are reported as not gating.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = Severity::Low)]
    pub fail_on: Severity,

    /// Only findings owned by these parties gate (comma-separated: customer, shared, microsoft).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PARTY")]
    pub fail_on_party: Vec<Party>,

    /// Print how long each phase took (load, compile, evaluate, assess, report) and each
    /// rule, slowest first, to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Gate only on failing findings not recorded in this baseline (`steward baseline
    /// create`); recorded ones are reported as unchanged, fixed and stale entries listed.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Report and gate only findings in documents added or changed since this git
    /// revision; the whole estate is still evaluated.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,

    /// Import exports in memory and check them with the inventory (repeatable):
    /// scubagear=FILE or azure=PATH. Nothing is written.
    #[arg(long = "import", value_name = "SOURCE=PATH", value_parser = parse_import)]
    pub imports: Vec<ImportSource>,

    /// The overlay for --import (default: ./steward-overlay.yaml when it exists).
    #[arg(long, value_name = "FILE", requires = "imports")]
    pub overlay: Option<PathBuf>,

    /// Evaluate only shard K of N: every Nth rule, from the Kth. The report covers
    /// those rules; with --shard-out, N jobs' results merge into one run's report.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,

    /// Also write this run's rule results to FILE, for --merge-from.
    #[arg(long, value_name = "FILE")]
    pub shard_out: Option<PathBuf>,

    /// Evaluate nothing: take every rule's results from these --shard-out files (or
    /// directories of them) and report exactly as one unsharded run would.
    #[arg(long, value_name = "FILE|DIR", value_delimiter = ',', conflicts_with_all = ["shard", "shard_out"])]
    pub merge_from: Vec<PathBuf>,

    #[command(flatten)]
    pub run: RunArgs,
}

/// What every command that evaluates the rules shares: the date, the waivers, the
/// limits and the rules themselves.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Judge ages (reviews, scans) as of this date instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,

    #[command(flatten)]
    pub waivers: WaiverSource,

    #[command(flatten)]
    pub limits: LimitArgs,

    #[command(flatten)]
    pub source: RuleSource,
}

/// Bounds on what a run may spend, so hostile inputs and runaway rules cannot hang or
/// exhaust a CI machine; breaching one is an error that names it.
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Wall-clock seconds one rule may run before its outcome is an error.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub rule_timeout: u64,

    /// Memory the run may use while rules evaluate, in MiB; a rule that crosses it is an error.
    #[arg(long, value_name = "MIB", default_value_t = 4096, value_parser = clap::value_parser!(u64).range(64..))]
    pub memory_limit: u64,

    /// Inventory files larger than this many MiB are refused.
    #[arg(long, value_name = "MIB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_file_size: u64,

    /// Threads evaluating rules (default: one per core); the results never depend on it.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    pub jobs: Option<u64>,
}

impl LimitArgs {
    pub fn engine(&self) -> crate::engine::Limits {
        crate::engine::Limits {
            rule_timeout: std::time::Duration::from_secs(self.rule_timeout),
            memory: self.memory_limit << 20,
        }
    }

    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_size << 20
    }
}

/// Where waivers come from, beyond steward.yaml.
#[derive(Debug, Args)]
pub struct WaiverSource {
    /// A waivers file (a mapping with a `waivers` list), in addition to steward.yaml's (repeatable).
    #[arg(long = "waivers", value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Ignore every waiver, so findings show as they are (for audits).
    #[arg(long, conflicts_with = "files")]
    pub no_waivers: bool,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Record the current failing findings, so later checks gate only on new ones.
    #[command(
        after_help = "Example:\n  steward baseline create inventory/ -o .steward-baseline.json\n  steward check inventory/ --baseline .steward-baseline.json"
    )]
    Create(BaselineCreateArgs),
}

#[derive(Debug, Args)]
pub struct BaselineCreateArgs {
    /// Inventory files and directories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The baseline file to write.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Inventory files and directories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The evaluation date to put in data.steward (YYYY-MM-DD; default today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,

    #[command(flatten)]
    pub source: RuleSource,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Catalog directories to test (laid out like rules/); the built-in catalog when omitted.
    #[arg(value_name = "DIR")]
    pub paths: Vec<PathBuf>,

    /// The evaluation date tests run at, so date-dependent tests are reproducible.
    #[arg(long, value_name = "DATE", default_value = "2026-01-01")]
    pub as_of: String,

    /// Run only the tests whose `package.name` matches this regular expression
    /// (fixture checks are named `fixture.<ID>.good` and `fixture.<ID>.bad`).
    #[arg(long, value_name = "REGEX")]
    pub run: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Text)]
    pub format: TestFormat,

    /// Report line coverage of the rules and helpers by the tests.
    #[arg(long)]
    pub coverage: bool,

    /// Fail (exit 1) when total coverage is below this percentage; implies --coverage.
    #[arg(long, value_name = "PCT")]
    pub coverage_threshold: Option<f64>,
}

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Output formats of `steward test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    Text,
    /// JUnit XML, for CI test reports.
    Junit,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// The action; `list` is the only one and the default (`steward rules list`).
    #[arg(value_parser = ["list"], value_name = "ACTION", hide_possible_values = true)]
    pub action: Option<String>,

    /// Group the rules by the controls of a framework.
    #[arg(long, value_enum)]
    pub framework: Option<Framework>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    #[command(flatten)]
    pub source: RuleSource,
}
