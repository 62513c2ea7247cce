//! Sentence alignment on DEplain-web's manually aligned document pairs.
//!
//! `cargo run --release --example eval_deplain -- DIR [--reserved]`, where DIR is a clone of
//! <https://github.com/rstodden/DEPlain>. Without `--reserved` the development pairs (odd
//! `pair_id`, CC BY 4.0 or CC BY-SA 3.0) are measured; the even ones are kept for
//! independent measurement.

use lateral::eval::deplain::{Part, evaluate};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: eval_deplain DIR [--reserved]");
        return ExitCode::FAILURE;
    };
    let part = if args.any(|a| a == "--reserved") {
        Part::Reserved
    } else {
        Part::Development
    };
    match evaluate(std::path::Path::new(&dir), part) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("could not read {error}");
            ExitCode::FAILURE
        }
    }
}
