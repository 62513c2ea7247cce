//! The attribution detector on the German news quotation attribution dataset.
//!
//! `cargo run --release --example eval_attribution -- DIR [--reserved]`, where DIR is a
//! clone of <https://github.com/uhh-lt/german-news-quotation-attribution-2024> (CC BY-NC-SA:
//! it is read, never committed). Without `--reserved` the development parts `data/train`
//! and `data/dev` are measured; `data/test` is kept for independent measurement.

use lateral::eval::attribution::evaluate;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: eval_attribution DIR [--reserved]");
        return ExitCode::FAILURE;
    };
    let parts: &[&str] = if args.any(|a| a == "--reserved") {
        &["test"]
    } else {
        &["train", "dev"]
    };
    for part in parts {
        let path = std::path::Path::new(&dir).join("data").join(part);
        match evaluate(&path) {
            Ok(report) => {
                println!("{}", path.display());
                println!("{report}");
            }
            Err(error) => {
                eprintln!("could not read {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
