//! The timeline strip: the listed articles on a date axis, coloured by outlet, so a trainer
//! sees who published first. A day is a dot, a month or season a bar over its days.

use super::theme;
use crate::model::{ArticleId, Project, Timeline};
use crate::text::PubDate;
use eframe::egui;
use jiff::ToSpan;
use jiff::civil::Date;

/// Height of one lane.
const LANE: f32 = 10.0;
/// Height of the axis labels under the lanes.
const AXIS: f32 = 14.0;

/// Draws `timeline`; returns the article whose mark was clicked. With `legend`, the outlets
/// and their colours follow below.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    project: &Project,
    timeline: &Timeline,
    dark: bool,
    legend: bool,
) -> Option<ArticleId> {
    let width = ui.available_width().max(60.0);
    let height = LANE * timeline.lanes.max(1) as f32 + AXIS + 4.0;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let inner = rect.shrink2(egui::vec2(6.0, 0.0));
    let span_days = days(timeline.first, timeline.last).max(1) as f32;
    // One day more at the end, so that the last day has a width.
    let x = |date: Date| {
        inner.left() + inner.width() * days(timeline.first, date) as f32 / (span_days + 1.0)
    };
    let axis_y = rect.top() + LANE * timeline.lanes.max(1) as f32 + 2.0;
    let weak = ui.visuals().weak_text_color();
    painter.line_segment(
        [
            egui::pos2(inner.left(), axis_y),
            egui::pos2(inner.right(), axis_y),
        ],
        egui::Stroke::new(1.0, weak),
    );
    for (date, label) in ticks(timeline.first, timeline.last, inner.width()) {
        let tx = x(date);
        painter.line_segment(
            [egui::pos2(tx, axis_y), egui::pos2(tx, axis_y + 3.0)],
            egui::Stroke::new(1.0, weak),
        );
        painter.text(
            egui::pos2(tx + 2.0, axis_y + 2.0),
            egui::Align2::LEFT_TOP,
            label,
            egui::FontId::proportional(10.0),
            weak,
        );
    }
    let mut clicked = None;
    for entry in &timeline.entries {
        let Some(article) = project.article(entry.article_id) else {
            continue;
        };
        let colour = theme::outlet_colour(entry.outlet, dark);
        let top = rect.top() + LANE * entry.lane as f32 + 1.0;
        let (left, right) = (x(entry.date.first), x(next_day(entry.date.last)));
        let mark = if entry.date.is_day() {
            let centre = egui::pos2(f32::midpoint(left, right), top + LANE / 2.0 - 1.0);
            painter.circle_filled(centre, 4.0, colour);
            egui::Rect::from_center_size(centre, egui::vec2(10.0, LANE))
        } else {
            let bar = egui::Rect::from_min_max(
                egui::pos2(left, top + 1.0),
                egui::pos2(right.max(left + 4.0), top + LANE - 3.0),
            );
            painter.rect_filled(bar, 2.0, colour.gamma_multiply(0.6));
            bar.expand2(egui::vec2(0.0, 1.5))
        };
        let response = ui
            .interact(
                mark,
                ui.make_persistent_id(("timeline", entry.article_id)),
                egui::Sense::click(),
            )
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        let label = describe(article, entry.date);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.hovered() {
            painter.rect_stroke(
                mark.expand(1.0),
                2.0,
                egui::Stroke::new(1.0, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        let response = response.on_hover_text(&label);
        if response.clicked() {
            clicked = Some(entry.article_id);
        }
    }
    if legend {
        ui.horizontal_wrapped(|ui| {
            for (index, outlet) in timeline.outlets.iter().enumerate() {
                let (swatch, _) =
                    ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(swatch.center(), 4.0, theme::outlet_colour(index, dark));
                ui.label(
                    egui::RichText::new(if outlet.is_empty() {
                        "no outlet"
                    } else {
                        outlet
                    })
                    .small(),
                );
            }
            if !timeline.undated.is_empty() {
                ui.label(
                    egui::RichText::new(format!(
                        "· {} without a date",
                        crate::text::count(timeline.undated.len(), "article", "articles")
                    ))
                    .small()
                    .weak(),
                );
            }
        });
    }
    clicked
}

/// "Title — Outlet — date as written (read as …)".
fn describe(article: &crate::model::Article, date: PubDate) -> String {
    let meta = &article.meta;
    let mut parts = vec![meta.title.clone()];
    if !meta.outlet.is_empty() {
        parts.push(meta.outlet.clone());
    }
    let written = meta.date.clone().unwrap_or_default();
    let read = date.to_string();
    parts.push(if written == read {
        written
    } else {
        format!("{written} ({read})")
    });
    parts.join(" — ")
}

fn days(a: Date, b: Date) -> i32 {
    a.until(b).map_or(0, |span| span.get_days())
}

fn next_day(date: Date) -> Date {
    date.checked_add(1.day()).unwrap_or(date)
}

/// Axis labels that fit `width`: years, months or days, whichever the range calls for.
fn ticks(first: Date, last: Date, width: f32) -> Vec<(Date, String)> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let fits = ((width / 46.0).floor() as i32).max(1);
    let total = days(first, last).max(1);
    let mut out = Vec::new();
    if total > 730 {
        let years = i32::from(last.year() - first.year()) + 1;
        let step = (years + fits - 1) / fits;
        let mut year = first.year();
        while year <= last.year() {
            if let Ok(date) = Date::new(year, 1, 1)
                && date >= first
            {
                out.push((date, year.to_string()));
            }
            year += i16::try_from(step.max(1)).unwrap_or(1);
        }
        if out.is_empty() {
            out.push((first, first.year().to_string()));
        }
    } else if total > 45 {
        let months = total / 30 + 1;
        let step = ((months + fits - 1) / fits).max(1);
        let mut date = first.first_of_month();
        let mut index = 0;
        while date <= last {
            if date >= first && index % step == 0 {
                let label = if date.month() == 1 || out.is_empty() {
                    format!("{} {}", MONTHS[(date.month() - 1) as usize], date.year())
                } else {
                    MONTHS[(date.month() - 1) as usize].to_owned()
                };
                out.push((date, label));
            }
            index += 1;
            let Ok(next) = date.checked_add(1.month()) else {
                break;
            };
            date = next;
        }
    } else {
        let step = ((total + fits) / fits).max(1);
        let mut date = first;
        while date <= last {
            out.push((
                date,
                format!("{} {}", date.day(), MONTHS[(date.month() - 1) as usize]),
            ));
            let Ok(next) = date.checked_add(step.days()) else {
                break;
            };
            date = next;
        }
    }
    out
}
