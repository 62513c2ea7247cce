//! Measuring Lateral's engines on published gold data, for tests and `examples/`.

pub mod attribution;
pub mod deplain;
pub mod insciout;
pub mod pages;

/// `n / of`, or 0 when `of` is 0.
fn ratio(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}
