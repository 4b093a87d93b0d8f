//! `sanctions-screen`: the native command line.
//!
//! Exit codes: 0 no match; 1 at least one match (an alert to review);
//! 2 the command or query was invalid (nothing screened); 3 a batch finished
//! but some rows could not be screened (their errors are in the output).

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sanctions_screen::matching::ScreenSettings;

#[derive(Parser)]
#[command(
    name = "sanctions-screen",
    version,
    about = "Screen applicants' names and companies against official sanctions lists, offline."
)]
struct Cli {
    /// Screen against the list files in DIR (a folder `fetch-lists` wrote:
    /// the publishers' files and their sources.json) instead of the lists
    /// built in. They are checked and parsed as the build does; the DPRK
    /// IT-worker notices, which are built in only, are then left out.
    #[arg(long, global = true, value_name = "DIR")]
    lists_dir: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Screen one applicant.
    Screen {
        /// The applicant's name, in any order (`Song-hwa Jong`, `JONG, Song Hwa`).
        #[arg(long)]
        name: Option<String>,
        /// The company the applicant claims to work for.
        #[arg(long)]
        company: Option<String>,
        /// Date of birth, YYYY-MM-DD or YYYY.
        #[arg(long)]
        dob: Option<String>,
        /// Country, as an ISO code (KP) or a name.
        #[arg(long)]
        country: Option<String>,
        /// A wallet (digital-currency) address, matched exactly; repeat for several.
        #[arg(long)]
        wallet: Vec<String>,
        /// A passport, national ID, tax or registration number; repeat for several.
        #[arg(long = "id-number")]
        id_number: Vec<String>,
        /// A phone number with its country code (+98 21 ...); repeat for several.
        #[arg(long)]
        phone: Vec<String>,
        /// An e-mail address: its domain is compared with listed domains; repeat for several.
        #[arg(long)]
        email: Vec<String>,
        /// A website (portfolio, previous employer's site), by its domain; repeat for several.
        #[arg(long)]
        website: Vec<String>,
        /// A company the applicant says they worked for, screened as a company; repeat for several.
        #[arg(long)]
        employer: Vec<String>,
        #[command(flatten)]
        options: ScreenSettings,
        /// Print JSON (the fields are documented in the README).
        #[arg(long)]
        json: bool,
    },
    /// Screen every row of a CSV (header name,company[,dob,country,wallet,id_number,phone,email,website,employer]) or JSONL file.
    Batch {
        file: std::path::PathBuf,
        /// Write results here (`.csv` for CSV, otherwise JSONL); standard output when absent.
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
        /// How FILE is written; by default from its extension (.csv, .jsonl,
        /// .ndjson), else from its first line (`{` is JSONL).
        #[arg(long, value_parser = ["csv", "jsonl"])]
        format: Option<String>,
        /// A column (CSV) or key (JSONL) to carry through to the output
        /// unscreened, such as an applicant id; repeat for several. Any other
        /// column is an error.
        #[arg(long = "keep", value_name = "COLUMN")]
        keep: Vec<String>,
        /// Screen on this many threads (default: one per core). The output
        /// is in input order whatever the number.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        #[command(flatten)]
        options: ScreenSettings,
    },
    /// Show the embedded lists: dates, counts, source files and their sha256.
    Lists {
        #[arg(long)]
        json: bool,
        /// Print every embedded entry, one JSON object a line, with its list's id
        /// (for audits, and for benchmarks that must sample the same entries).
        #[arg(long, conflicts_with = "json")]
        entries: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::use_lists_dir(cli.lists_dir.clone());
    let result = match cli.command {
        Command::Screen {
            name,
            company,
            dob,
            country,
            wallet,
            id_number,
            phone,
            email,
            website,
            employer,
            options,
            json,
        } => cli::screen::run(
            sanctions_screen::Query {
                name,
                company,
                dob,
                country,
                wallet,
                id_number,
                phone,
                email,
                website,
                employer,
            },
            &options,
            json,
        ),
        Command::Batch {
            file,
            output,
            format,
            keep,
            jobs,
            options,
        } => cli::batch::run(
            &cli::batch::BatchArgs {
                jobs: jobs.map(usize::from),
                file: &file,
                output: output.as_deref(),
                format: format.map(|f| {
                    if f == "jsonl" {
                        sanctions_screen::batch::Format::Jsonl
                    } else {
                        sanctions_screen::batch::Format::Csv
                    }
                }),
                keep: &keep,
            },
            &options,
        ),
        Command::Lists { json, entries } => cli::lists::run(json, entries),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!(
                "sanctions-screen: {}",
                sanctions_screen::output::visible(&message)
            );
            ExitCode::from(cli::EXIT_INVALID)
        }
    }
}
