//! Measuring Lateral's engines on published gold data, for tests and `examples/`.

pub mod attribution;
pub mod deplain;
pub mod insciout;
pub mod pages;
