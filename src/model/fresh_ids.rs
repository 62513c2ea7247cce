//! Where new ids come from: random numbers that two people adding work independently (two git
//! branches, two copies of a class project) do not both pick, and that never wrap.
//!
//! An id is a 53-bit number (so that JSON readers that hold numbers as doubles keep it exact),
//! drawn from a per-process sequence: a random starting point run through a bijection of the
//! 53-bit range. Within one process the sequence never repeats, so ids handed out before the
//! project holds them cannot collide either; across processes two ids collide with a chance
//! of about one in 2^53 per pair. Ids already in the project are skipped.
//!
//! The starting point comes from the standard library's `RandomState`, whose keys the
//! operating system's random source seeds, mixed with the time and the process id; no extra
//! crate is needed for numbers that only have to be unpredictable enough not to collide.
//! Setting the environment variable `LATERAL_ID_SEED` to a number makes the sequence
//! reproducible (for scripted runs and golden files).

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// New ids are below this bound (2^53, the largest integer a double holds exactly).
pub const ID_BOUND: u64 = 1 << 53;

/// The environment variable that fixes the id sequence, for reproducible runs.
pub const ID_SEED_VARIABLE: &str = "LATERAL_ID_SEED";

const MASK: u64 = ID_BOUND - 1;

static SEED: OnceLock<u64> = OnceLock::new();
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new id value for which `in_use` is false; never 0, always below [`ID_BOUND`].
pub(crate) fn fresh_value(in_use: impl Fn(u64) -> bool) -> u64 {
    let seed = *SEED.get_or_init(initial_seed);
    loop {
        let step = COUNTER.fetch_add(1, Ordering::Relaxed);
        let value = mix53(seed.wrapping_add(step) & MASK);
        if value != 0 && !in_use(value) {
            return value;
        }
    }
}

/// One more than the largest of `values` (1 if there are none), or a [`fresh_value`] when that
/// would reach [`ID_BOUND`]: sequential ids stay short, and none wraps.
pub(crate) fn next_or_fresh(
    values: impl Iterator<Item = u64>,
    in_use: impl Fn(u64) -> bool,
) -> u64 {
    match values.max().unwrap_or(0).checked_add(1) {
        Some(next) if next < ID_BOUND => next,
        _ => fresh_value(in_use),
    }
}

fn initial_seed() -> u64 {
    if let Some(seed) = std::env::var(ID_SEED_VARIABLE)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        return seed;
    }
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(since_epoch) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since_epoch.as_nanos());
    }
    hasher.finish()
}

/// A bijection of the 53-bit range (xor-shifts and odd multipliers modulo 2^53), so distinct
/// inputs give distinct ids.
fn mix53(mut x: u64) -> u64 {
    x ^= x >> 29;
    x = x.wrapping_mul(0x00BF_5847_6D1C_E4E5) & MASK;
    x ^= x >> 26;
    x = x.wrapping_mul(0x0094_D049_BB13_3111) & MASK;
    x ^= x >> 27;
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn mixing_is_a_bijection_on_a_sample() {
        let outputs: HashSet<u64> = (0..100_000u64).map(|x| mix53(x << 20)).collect();
        assert_eq!(outputs.len(), 100_000);
        assert!(outputs.iter().all(|&x| x < ID_BOUND));
    }

    #[test]
    fn sequential_ids_never_wrap() {
        assert_eq!(next_or_fresh([3, 1].into_iter(), |_| false), 4);
        assert_eq!(next_or_fresh(std::iter::empty(), |_| false), 1);
        let after_max = next_or_fresh([u64::MAX].into_iter(), |v| v == u64::MAX);
        assert!(after_max != 0 && after_max < ID_BOUND);
    }

    #[test]
    fn fresh_values_never_repeat_and_skip_those_in_use() {
        let first = fresh_value(|_| false);
        let values: HashSet<u64> = (0..10_000).map(|_| fresh_value(|v| v == first)).collect();
        assert_eq!(values.len(), 10_000);
        assert!(!values.contains(&first));
        assert!(values.iter().all(|&v| v != 0 && v < ID_BOUND));
    }
}
