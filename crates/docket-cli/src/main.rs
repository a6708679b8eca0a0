//! # docket
//!
//! The command-line front end of docket. It parses arguments, sets up logging and progress,
//! and calls the library crates; it holds no logic of its own that a library user would miss.

mod explain;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, Parser, Subcommand};
use docket_pipeline::{default_registry, run_job_blocking, Job, Progress, RunOptions};

/// mimalloc: records cross threads (reader, workers, merger), and glibc's allocator serializes
/// such frees on an arena lock; measured in docs/BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code for a run that failed (bad job file, unreadable source, ...).
const EXIT_FAILURE: u8 = 1;
/// Exit code for a strict-mode run that met a bad record (the data is bad, not the job).
const EXIT_STRICT_REJECT: u8 = 3;

/// A failure with the exit code it maps to.
struct Failure {
    message: String,
    code: u8,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure {
            message,
            code: EXIT_FAILURE,
        }
    }
}

#[derive(Parser)]
#[command(
    name = "docket",
    version,
    about = "Regulatory enforcement events, deduplicated, with provenance"
)]
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
    /// Show an event with every source and sentence, from a SQLite export.
    Explain {
        /// The event id (or a unique prefix of it).
        event_id: String,
        /// The SQLite database.
        #[arg(long, default_value = "out/docket.sqlite")]
        db: PathBuf,
    },
    /// Catalogue look-ups.
    Catalogue {
        #[command(subcommand)]
        command: CatalogueCommand,
    },
    /// Score the text extractor against the gold annotations in FIXTURES/gold.
    Eval {
        /// The fixtures folder (holding gold/ and the documents it names).
        #[arg(default_value = "fixtures")]
        fixtures: PathBuf,
        /// Also list every missed gold event and every spurious prediction.
        #[arg(long)]
        details: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum CatalogueCommand {
    /// Show how a name resolves against the built-in catalogue, try by try.
    Lookup {
        /// The name.
        name: String,
    },
    /// List the names no catalogue entry resolved, from a SQLite export, as catalogue stubs.
    Unresolved {
        /// The SQLite database.
        #[arg(long, default_value = "out/docket.sqlite")]
        db: PathBuf,
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
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// The callback the runner calls with its progress.
type ProgressReport = Arc<dyn Fn(Progress) + Send + Sync>;

/// A progress bar by bytes on stderr, or nothing when stderr is not a terminal.
fn progress_bar() -> Option<(indicatif::ProgressBar, ProgressReport)> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    let handle = bar.clone();
    let report = Arc::new(move |p: Progress| {
        handle.set_length(p.bytes_total.max(p.bytes_read));
        handle.set_position(p.bytes_read);
    });
    Some((bar, report))
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Ingest {
            job,
            strict,
            threads,
        } => {
            let job = Job::load(&job).map_err(|e| e.to_string())?;
            let bar = progress_bar();
            let options = RunOptions {
                strict,
                threads,
                progress: bar.as_ref().map(|(_, report)| Arc::clone(report)),
                ..RunOptions::default()
            };
            let outcome = run_job_blocking(&job, &default_registry(), &options);
            if let Some((bar, _)) = bar {
                bar.finish_and_clear();
            }
            let summary = outcome.map_err(|e| Failure {
                code: match e {
                    docket_pipeline::PipelineError::StrictReject { .. } => EXIT_STRICT_REJECT,
                    _ => EXIT_FAILURE,
                },
                message: e.to_string(),
            })?;
            print!("{summary}");
            Ok(())
        }
        Command::Validate { job } => {
            let job = Job::load(&job).map_err(|e| e.to_string())?;
            let registry = default_registry();
            for spec in &job.sources {
                let factory = registry.get(&spec.common.kind).ok_or_else(|| {
                    job.source_error(
                        &spec.name,
                        format!("`kind` {:?} is not a registered adapter", spec.common.kind),
                    )
                    .to_string()
                })?;
                let context = docket_source::SourceContext::new(
                    spec.name.as_str(),
                    job.base_dir.clone(),
                    job.limits,
                );
                factory
                    .build(spec.adapter.clone(), &context)
                    .map_err(|e| job.source_error(&spec.name, e.to_string()).to_string())?;
                println!("source {}: ok ({})", spec.name, spec.common.kind);
            }
            for (name, export) in &job.exports {
                println!(
                    "export {name}: {:?} -> {}",
                    export.kind,
                    export.path.display()
                );
            }
            println!("job {} is valid", job.job.name);
            Ok(())
        }
        Command::Explain { event_id, db } => Ok(explain::explain(&db, &event_id)?),
        Command::Catalogue {
            command: CatalogueCommand::Lookup { name },
        } => {
            let resolver =
                docket_normalize::Resolver::with_built_in(None).map_err(|e| e.to_string())?;
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
                        println!(
                            "parent:    {parent} (ultimate: {})",
                            resolver.catalogue().ultimate_parent(&actor.id)
                        );
                    }
                }
                None => println!(
                    "actor:     unresolved, id x:{}",
                    docket_normalize::name::slug(&name)
                ),
            }
            if let Some(score) = resolution.score {
                println!("score:     {score} (fuzzy similarity)");
            }
            if let Some((actor, score, reason)) = resolution.near_miss {
                println!(
                    "near miss: {} ({}), similarity {score}, refused: {reason}",
                    actor.id, actor.name
                );
            }
            Ok(())
        }
        Command::Catalogue {
            command: CatalogueCommand::Unresolved { db },
        } => Ok(explain::unresolved(&db)?),
        Command::Eval { fixtures, details } => {
            let report = docket_eval::evaluate(&fixtures).map_err(|e| e.to_string())?;
            print!("{report}");
            if details {
                print!("\n{}", report.details());
            }
            Ok(())
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "docket", &mut std::io::stdout());
            Ok(())
        }
    }
}
