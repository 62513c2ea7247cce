//! The comparison engine on InSciOut's paper / press-release conclusion pairs.
//!
//! `cargo run --release --example eval_insciout -- DIR [--reserved]`, where DIR is a clone of
//! <https://github.com/copenlu/scientific-exaggeration-detection>. Without `--reserved` only
//! the development part, `data/insciout_train.jsonl`, is measured; `insciout_test.jsonl` is
//! kept for independent measurement.

use lateral::eval::insciout::{evaluate, read_pairs};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: eval_insciout DIR [--reserved]");
        return ExitCode::FAILURE;
    };
    let part = if args.any(|a| a == "--reserved") {
        "insciout_test.jsonl"
    } else {
        "insciout_train.jsonl"
    };
    let path = std::path::Path::new(&dir).join("data").join(part);
    match read_pairs(&path) {
        Ok(pairs) => {
            println!("{}", path.display());
            print!("{}", evaluate(&pairs));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("could not read {error}");
            ExitCode::FAILURE
        }
    }
}
