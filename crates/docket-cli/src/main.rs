//! # docket
//!
//! The command-line front end of docket. It parses arguments, sets up logging and calls the
//! pipeline; it holds no logic of its own that a library user would miss.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use docket_pipeline::{default_registry, run_job_blocking, Job, RunOptions};

/// mimalloc: records cross threads (reader, workers, merger), and glibc's allocator serializes
/// such frees on an arena lock; measured in docs/BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code for a run that failed (bad job file, unreadable source, strict reject).
const EXIT_FAILURE: u8 = 1;
/// Exit code for wrong command-line usage (clap's own).
const _EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(name = "docket", version, about = "Regulatory enforcement events, deduplicated, with provenance")]
struct Cli {
    /// More log output (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run an ingestion job.
    Ingest {
        /// The job file.
        job: PathBuf,
        /// Fail at the first rejected record.
        #[arg(long)]
        strict: bool,
        /// Worker threads for parsing and normalizing (default: the number of cores).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Check a job file, its paths and mappings, without reading any record.
    Validate {
        /// The job file.
        job: PathBuf,
    },
    /// Catalogue look-ups.
    Catalogue {
        #[command(subcommand)]
        command: CatalogueCommand,
    },
}

#[derive(Subcommand)]
enum CatalogueCommand {
    /// Show how a name resolves against the built-in catalogue.
    Lookup {
        /// The name.
        name: String,
    },
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Ingest { job, strict, threads } => {
            let job = Job::load(&job).map_err(|e| e.to_string())?;
            let options = RunOptions {
                strict,
                threads,
                ..RunOptions::default()
            };
            let summary = run_job_blocking(&job, &default_registry(), &options).map_err(|e| e.to_string())?;
            print!("{summary}");
            Ok(())
        }
        Command::Validate { job } => {
            let job = Job::load(&job).map_err(|e| e.to_string())?;
            let registry = default_registry();
            for spec in &job.sources {
                let factory = registry
                    .get(&spec.common.kind)
                    .ok_or_else(|| job.source_error(&spec.name, format!("unknown kind `{}`", spec.common.kind)).to_string())?;
                let context = docket_source::SourceContext::new(spec.name.as_str(), job.base_dir.clone(), job.limits);
                factory.build(spec.adapter.clone(), &context).map_err(|e| e.to_string())?;
                println!("source {}: ok ({})", spec.name, spec.common.kind);
            }
            for (name, export) in &job.exports {
                println!("export {name}: {:?} -> {}", export.kind, export.path.display());
            }
            println!("job {} is valid", job.job.name);
            Ok(())
        }
        Command::Catalogue { command: CatalogueCommand::Lookup { name } } => {
            let resolver = docket_normalize::Resolver::with_built_in(None).map_err(|e| e.to_string())?;
            let folded = docket_normalize::name::fold_name(&name);
            let base = docket_normalize::name::base_name(&folded);
            println!("name:      {name}");
            println!("folded:    {folded}");
            println!("base name: {base}");
            let resolution = resolver.resolve(&name);
            println!("method:    {}", resolution.method.as_str());
            match resolution.actor {
                Some(actor) => {
                    println!("actor:     {} ({}, {})", actor.id, actor.name, actor.kind);
                    if let Some(parent) = &actor.parent {
                        println!("parent:    {parent} (ultimate: {})", resolver.catalogue().ultimate_parent(&actor.id));
                    }
                }
                None => println!("actor:     unresolved, id x:{}", docket_normalize::name::slug(&name)),
            }
            Ok(())
        }
    }
}
