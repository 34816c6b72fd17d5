//! The `sigap` binary: parse the command line, run a headless command (the terminal
//! UI arrives with its own module), and turn errors into one sentence and an exit code.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

use clap::Parser;
use sigap::cli::{Cli, run};

fn main() {
    // Installs the panic and error report hooks; a failure to install only loses the
    // pretty panic report.
    let _ = color_eyre::install();
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) if e.downcast_ref::<sigap::cli::ReaderGone>().is_some() => {
            sigap::cli::ReaderGone::CODE
        }
        Err(e) => {
            let chain: Vec<String> = e
                .chain()
                .map(|c| sigap::text::line(&c.to_string()))
                .collect();
            eprintln!("sigap: {}", chain.join(": "));
            1
        }
    };
    std::process::exit(code);
}
