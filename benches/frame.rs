//! Frame times of the real app, headless: two 50,000-word articles side by side with 5,000
//! annotations, while scrolling and while the window is resized.
//!
//! Run with `cargo bench --bench frame`. Targets: a scrolling frame under 4 ms of CPU and a
//! resize frame under 16 ms, in release. Each frame is `run_ui` plus `tessellate`.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use eframe::egui;
use lateral::app::{App, AppConfig};
use lateral::io::save_project;
use lateral::model::synthetic_project;
use std::time::{Duration, Instant};

const WIDTH: f32 = 1400.0;
const HEIGHT: f32 = 900.0;

fn input(width: f32, events: Vec<egui::Event>, time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, HEIGHT),
        )),
        events,
        time: Some(time),
        ..Default::default()
    }
}

/// Runs one frame and returns its CPU time.
fn frame(ctx: &egui::Context, app: &mut App, raw: egui::RawInput) -> Duration {
    let start = Instant::now();
    let mut output = ctx.run_ui(raw, |ui| app.frame_ui(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    std::hint::black_box(primitives);
    let elapsed = start.elapsed();
    output.textures_delta.clear();
    elapsed
}

fn stats(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = ms(times[times.len() / 2]);
    let p95 = ms(times[times.len() * 95 / 100]);
    let max = ms(*times.last().expect("frames"));
    (median, p95, max)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.ron");
    let project = synthetic_project(2, 50_000, 5_000, 7);
    save_project(&project, &path).expect("save");
    let ctx = egui::Context::default();
    let mut app = App::new(&ctx, Some(&path), AppConfig::in_folder(dir.path()));
    let mut time = 0.0;
    // Warm up: fonts, first layouts.
    for _ in 0..5 {
        time += 1.0 / 60.0;
        frame(&ctx, &mut app, input(WIDTH, Vec::new(), time));
    }
    let over_first_column = egui::pos2(450.0, 450.0);
    let scroll: Vec<Duration> = (0..300)
        .map(|i| {
            time += 1.0 / 60.0;
            let events = vec![
                egui::Event::PointerMoved(over_first_column),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, if i < 200 { -120.0 } else { 120.0 }),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: egui::Modifiers::NONE,
                },
            ];
            frame(&ctx, &mut app, input(WIDTH, events, time))
        })
        .collect();
    let offsets = app.column_scroll_offsets();
    assert!(
        offsets[0] > 1000.0,
        "the first column scrolled: {offsets:?}"
    );
    let resize: Vec<Duration> = (0..200)
        .map(|i| {
            time += 1.0 / 60.0;
            let width = WIDTH - (i % 100) as f32 * 4.0;
            frame(&ctx, &mut app, input(width, Vec::new(), time))
        })
        .collect();
    let idle: Vec<Duration> = (0..100)
        .map(|_| {
            time += 1.0 / 60.0;
            frame(&ctx, &mut app, input(WIDTH, Vec::new(), time))
        })
        .collect();
    println!("scrolled the first column to {:.0} points", offsets[0]);
    println!("frame: 2 articles x 50,000 words side by side, 5,000 annotations, 1400x900");
    println!("| frames | median | p95 | max | target |");
    println!("| --- | --- | --- | --- | --- |");
    for (name, times, target) in [
        ("scrolling (300)", scroll, "< 4 ms"),
        ("resizing (200)", resize, "< 16 ms"),
        ("idle (100)", idle, ""),
    ] {
        let (median, p95, max) = stats(times);
        println!("| {name} | {median:.2} ms | {p95:.2} ms | {max:.2} ms | {target} |");
    }
}
