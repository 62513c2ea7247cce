//! Published worked examples for the coefficients, with their published values.

use super::*;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

fn table(cells: &[(usize, u8, u8)]) -> Vec<(u8, u8)> {
    cells
        .iter()
        .flat_map(|&(n, a, b)| std::iter::repeat_n((a, b), n))
        .collect()
}

/// Cohen (1960), "A coefficient of agreement for nominal scales", p. 45: kappa = .492.
/// The same table is in `DKPro` Agreement's `coding/Cohen1960Test.java` (`createExample2`).
#[test]
fn cohen_1960_page_45() {
    let pairs = table(&[
        (88, 1, 1),
        (14, 1, 2),
        (18, 1, 3),
        (10, 2, 1),
        (40, 2, 2),
        (10, 2, 3),
        (2, 3, 1),
        (6, 3, 2),
        (12, 3, 3),
    ]);
    close(cohen_kappa(&pairs).unwrap(), 0.492, 0.001);
}

/// Krippendorff (1995), p. 57, example A digitised; `DKPro`'s `unitizing/Krippendorff1995Test.java`
/// (`testDigitizedAgreement`) gives Cohen's kappa .385.
#[test]
fn cohen_krippendorff_1995_digitised() {
    let bertha = "001111111100001111110000";
    let bill = "000011110000000110000000";
    let pairs: Vec<(char, char)> = bertha.chars().zip(bill.chars()).collect();
    close(cohen_kappa(&pairs).unwrap(), 0.385, 0.001);
}

#[test]
fn cohen_hand_computed_and_degenerate() {
    // 4 items: a/a, a/b, b/b, b/b. p_o = 3/4; p_e = (2·1 + 2·3)/16 = 1/2; kappa = 1/2.
    let pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")];
    close(cohen_kappa(&pairs).unwrap(), 0.5, 1e-12);
    assert_eq!(cohen_kappa::<u8>(&[]), None);
    assert_eq!(cohen_kappa(&[("a", "a"), ("a", "a")]), None);
}

/// Fleiss (1971), as worked on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters,
/// 5 categories; P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
#[test]
fn fleiss_1971_wikipedia_example() {
    let counts = vec![
        vec![0, 0, 0, 0, 14],
        vec![0, 2, 6, 4, 2],
        vec![0, 0, 3, 5, 6],
        vec![0, 3, 9, 2, 0],
        vec![2, 2, 8, 1, 1],
        vec![7, 7, 0, 0, 0],
        vec![3, 2, 6, 3, 0],
        vec![2, 5, 3, 2, 2],
        vec![6, 5, 2, 1, 0],
        vec![0, 2, 2, 3, 7],
    ];
    close(fleiss_kappa(&counts).unwrap(), 0.210, 0.0005);
}

#[test]
fn fleiss_rejects_uneven_rows() {
    assert_eq!(fleiss_kappa(&[vec![2, 0], vec![1, 0]]), None);
    assert_eq!(fleiss_kappa::<Vec<usize>>(&[]), None);
    // Two coders: Fleiss' kappa is Scott's pi. Agree, agree, disagree on a/b:
    // p_o = 2/3, p_e = (3/6)² + (3/6)² = 1/2, kappa = 1/3.
    close(
        fleiss_kappa(&[vec![2, 0], vec![0, 2], vec![1, 1]]).unwrap(),
        1.0 / 3.0,
        1e-12,
    );
}

fn unit(coder: usize, start: u64, length: u64) -> UnitizedSpan {
    UnitizedSpan {
        coder,
        start,
        length,
    }
}

fn category_alpha(units: &[UnitizedSpan], begin: u64, length: u64) -> (f64, f64, f64) {
    let (observed, expected) = unitizing_disagreement(units, 2, begin, length).unwrap();
    (observed, expected, alpha_from(observed, expected).unwrap())
}

/// `DKPro` Agreement, `unitizing/UnitizingAgreementTest.java` (`testAgreement`): one coder marks
/// 1..9, the other 2, 4 and 6 on a continuum of 10: `D_O` = .9100, `D_E` = .5351, alpha = −.7003.
#[test]
fn unitizing_dkpro_example() {
    let units = [unit(0, 1, 8), unit(1, 2, 1), unit(1, 4, 1), unit(1, 6, 1)];
    let (observed, expected, alpha) = category_alpha(&units, 0, 10);
    close(observed, 0.9100, 0.0001);
    close(expected, 0.5351, 0.0001);
    close(alpha, -0.7003, 0.0001);
}

/// Krippendorff (2004), Content Analysis, p. 254, as in `DKPro` Agreement's
/// `unitizing/Krippendorff2004Test.java`: `alpha_c` = .7286, `alpha_k` = 1, overall alpha = .8591.
#[test]
fn unitizing_krippendorff_2004() {
    let c = [
        unit(0, 225, 70),
        unit(0, 370, 30),
        unit(1, 220, 80),
        unit(1, 355, 20),
        unit(1, 400, 20),
    ];
    let k = [
        unit(0, 180, 60),
        unit(0, 300, 50),
        unit(1, 180, 60),
        unit(1, 300, 50),
    ];
    let (observed_c, expected_c, alpha_c) = category_alpha(&c, 150, 300);
    close(observed_c, 0.0144, 0.0001);
    close(expected_c, 0.0532, 0.0001);
    close(alpha_c, 0.7286, 0.0001);
    let (observed_k, expected_k, alpha_k) = category_alpha(&k, 150, 300);
    close(observed_k, 0.0, 0.0001);
    close(expected_k, 0.0490, 0.0001);
    close(alpha_k, 1.0, 0.0001);
    let overall = alpha_from(
        f64::midpoint(observed_c, observed_k),
        f64::midpoint(expected_c, expected_k),
    );
    close(overall.unwrap(), 0.8591, 0.0005);
}

/// Krippendorff (1995), p. 57, examples A–D, as in `DKPro` Agreement's
/// `unitizing/Krippendorff1995Test.java` (`testAgreement`, `createExample`).
#[test]
fn unitizing_krippendorff_1995() {
    let stretched = |units: &[(usize, u64, u64)], stretch: u64| -> Vec<UnitizedSpan> {
        units
            .iter()
            .map(|&(c, s, l)| unit(c, s * stretch, l * stretch))
            .collect()
    };
    let a = [(0, 2, 8), (0, 14, 6), (1, 4, 4), (1, 15, 2)];
    let b = [
        (0, 0, 18),
        (1, 0, 2),
        (1, 2, 1),
        (1, 3, 1),
        (1, 4, 1),
        (1, 5, 1),
        (1, 6, 3),
        (1, 9, 1),
    ];
    let c = [
        (0, 2, 6),
        (0, 10, 2),
        (0, 14, 4),
        (0, 20, 2),
        (1, 0, 2),
        (1, 4, 4),
        (1, 10, 4),
        (1, 16, 2),
        (1, 20, 2),
    ];
    let d = [
        (0, 0, 2),
        (0, 2, 8),
        (0, 10, 4),
        (0, 14, 6),
        (0, 20, 4),
        (1, 0, 4),
        (1, 4, 4),
        (1, 8, 7),
        (1, 15, 2),
        (1, 17, 7),
    ];
    let published = [
        (&a[..], 0.03125, 0.06990, 0.553),
        (&b[..], 2.26736, 1.17731, -0.926),
        (&c[..], 0.02777, 0.08642, 0.679),
        (&d[..], 0.38715, 0.41445, 0.066),
    ];
    for (units, observed, expected, alpha) in published {
        let (actual_observed, _, _) = category_alpha(&stretched(units, 1), 0, 24);
        close(actual_observed, observed, 0.00001);
        let stretch = 1_200_000 / 24;
        let (_, actual_expected, actual_alpha) =
            category_alpha(&stretched(units, stretch), 0, 24 * stretch);
        close(actual_expected, expected, 0.005);
        close(actual_alpha, alpha, 0.02);
    }
}

/// `DKPro`'s `testSingleAnnotationUnit` (alpha 0) and `testEmptyAnnotationSet` (no value).
#[test]
fn unitizing_degenerate_studies() {
    let (observed, expected) = unitizing_disagreement(&[unit(0, 0, 1)], 3, 0, 20).unwrap();
    close(alpha_from(observed, expected).unwrap(), 0.0, 1e-9);
    assert_eq!(unitizing_disagreement(&[], 3, 0, 20), None);
}

#[test]
fn unitizing_identical_coders_agree_fully() {
    let units = [unit(0, 2, 3), unit(1, 2, 3), unit(0, 10, 4), unit(1, 10, 4)];
    let (observed, _, alpha) = category_alpha(&units, 0, 20);
    close(observed, 0.0, 1e-12);
    close(alpha, 1.0, 1e-12);
}

/// `DKPro`'s observed disagreement as written: coder pair by coder pair, each unit against the
/// units it meets, or its squared length when it lies in the other coder's gap.
fn pairwise_observed(units: &[UnitizedSpan], num_coders: usize, length: u64) -> f64 {
    let mut total = 0.0;
    for a in 0..num_coders {
        for b in a + 1..num_coders {
            for (first, second) in [(a, b), (b, a)] {
                for u in units.iter().filter(|u| u.coder == first) {
                    let (us, ue) = (u.start, u.start + u.length);
                    let met: Vec<&UnitizedSpan> = units
                        .iter()
                        .filter(|v| v.coder == second && v.start < ue && us < v.start + v.length)
                        .collect();
                    if met.is_empty() {
                        total += (u.length * u.length) as f64;
                    } else if first == a {
                        for v in met {
                            total += section_distance((us, ue), (v.start, v.start + v.length));
                        }
                    }
                }
            }
        }
    }
    let l = length as f64;
    2.0 * total / ((num_coders * (num_coders - 1)) as f64 * l * l)
}

#[test]
fn unitizing_sweep_equals_pairwise_definition() {
    let mut rng = crate::agreement::synthetic::SplitMix::new(11);
    for _ in 0..200 {
        let num_coders = 2 + rng.below(4);
        let mut units = Vec::new();
        for coder in 0..num_coders {
            let mut position = rng.below(5) as u64;
            while position < 90 {
                let length = 1 + rng.below(12) as u64;
                if rng.chance(0.6) {
                    units.push(unit(coder, position, length.min(100 - position)));
                }
                position += length + rng.below(6) as u64;
            }
        }
        let Some((observed, _)) = unitizing_disagreement(&units, num_coders, 0, 100) else {
            continue;
        };
        close(observed, pairwise_observed(&units, num_coders, 100), 1e-12);
    }
}
