//! Web-page import on Mozilla Readability's test pages.
//!
//! `cargo run --release --example eval_pages -- DIR [--all]`, where DIR is the
//! `test/test-pages` folder of <https://github.com/mozilla/readability>. Without `--all`
//! only the development pages (names beginning with a digit or a–m) are measured.

use lateral::eval::pages::{PageSet, evaluate};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: eval_pages DIR [--all]");
        return ExitCode::FAILURE;
    };
    let set = if args.any(|a| a == "--all") {
        PageSet::All
    } else {
        PageSet::Development
    };
    match evaluate(std::path::Path::new(&dir), set) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("could not read {dir}: {error}");
            ExitCode::FAILURE
        }
    }
}
