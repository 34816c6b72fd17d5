//! The report's charts as inline SVG, drawn with `plotters`: compliance per agency as
//! horizontal bars (each labelled with its percentage, so colour is never the only
//! sign), and assignments received and first responses met on time per week. Text in
//! the SVG is plain `<text>`: the page's own fonts render it, nothing is fetched.

use crate::domain::monev::Figures;
use crate::i18n::Lang;
use plotters::prelude::*;

const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
const GRID: RGBColor = RGBColor(0xd1, 0xd5, 0xdb);
const GOOD: RGBColor = RGBColor(0x2f, 0x85, 0x5a);
const FAIR: RGBColor = RGBColor(0xc0, 0x8a, 0x1e);
const POOR: RGBColor = RGBColor(0xc5, 0x30, 0x30);
const RECEIVED: RGBColor = RGBColor(0x9c, 0xb3, 0xd4);
const ON_TIME: RGBColor = RGBColor(0x2f, 0x85, 0x5a);

/// Why a chart could not be drawn.
fn failed<E: std::fmt::Display>(e: E) -> String {
    format!("chart: {e}")
}

/// Compliance with the first-response clock per agency, best first, as percentages.
/// `label` names an agency in the chart (its code: names are long).
pub fn compliance_bars(f: &Figures) -> Result<String, String> {
    let n = f.agencies.len().max(1);
    let height = (44 + 22 * n).min(900) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (520, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let labels: Vec<String> = f
            .agencies
            .iter()
            .map(|a| crate::text::line(&a.agency))
            .collect();
        let mut chart = ChartBuilder::on(&root)
            .margin_top(8)
            .margin_right(48)
            .margin_bottom(4)
            .x_label_area_size(28)
            .y_label_area_size(130)
            .build_cartesian_2d(0f64..100f64, (0..n - 1).into_segmented())
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(INK)
            .x_labels(6)
            .x_label_formatter(&|x| format!("{x:.0}%"))
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => (n - 1)
                    .checked_sub(*i)
                    .and_then(|j| labels.get(j))
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style(("sans-serif", 14).into_font().color(&INK))
            .draw()
            .map_err(failed)?;
        // Rank 1 at the top: segment n - 1.
        let top = |i: usize| n - 1 - i;
        let bars = f.agencies.iter().enumerate().map(|(i, a)| {
            let i = top(i);
            let pct = a.first_response.compliance.map_or(0.0, |x| x * 100.0);
            let colour = match pct {
                p if p >= 80.0 => GOOD,
                p if p >= 50.0 => FAIR,
                _ => POOR,
            };
            let mut bar = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(i)),
                    (pct, SegmentValue::Exact(i + 1)),
                ],
                colour.filled(),
            );
            bar.set_margin(4, 4, 0, 0);
            bar
        });
        chart.draw_series(bars).map_err(failed)?;
        let values = f.agencies.iter().enumerate().map(|(i, a)| {
            let i = top(i);
            let (x, text) = match a.first_response.compliance {
                Some(c) => (c * 100.0, format!("{:.1}%", c * 100.0)),
                None => (0.0, "–".to_owned()),
            };
            Text::new(
                text,
                (x + 1.0, SegmentValue::CenterOf(i)),
                ("sans-serif", 12).into_font().color(&INK).pos(
                    plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Left,
                        plotters::style::text_anchor::VPos::Center,
                    ),
                ),
            )
        });
        chart.draw_series(values).map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(tidy(svg))
}

/// Assignments received per week (bars) and first responses met on time (a line).
pub fn weekly(f: &Figures, lang: Lang) -> Result<String, String> {
    let weeks = &f.weeks;
    let n = weeks.len().max(1);
    let top = weeks.iter().map(|w| w.received).max().unwrap_or(0).max(4) as f64 * 1.45;
    let (received, on_time) = lang.monev_series();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (520, 210)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let labels: Vec<String> = weeks
            .iter()
            .map(|w| w.week_start.format("%d/%m").to_string())
            .collect();
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .margin_right(16)
            .x_label_area_size(28)
            .y_label_area_size(40)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0f64..top)
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(INK)
            .x_labels(n)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_labels(5)
            .y_label_formatter(&|y| format!("{y:.0}"))
            .label_style(("sans-serif", 14).into_font().color(&INK))
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(weeks.iter().enumerate().map(|(i, w)| {
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0.0),
                        (SegmentValue::Exact(i + 1), w.received as f64),
                    ],
                    RECEIVED.filled(),
                );
                bar.set_margin(0, 0, 6, 6);
                bar
            }))
            .map_err(failed)?
            .label(received)
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], RECEIVED.filled()));
        chart
            .draw_series(LineSeries::new(
                weeks
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (SegmentValue::CenterOf(i), w.first_on_time as f64)),
                ON_TIME.stroke_width(3),
            ))
            .map_err(failed)?
            .label(on_time)
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 12, y)], ON_TIME.stroke_width(3)));
        chart
            .draw_series(weeks.iter().enumerate().map(|(i, w)| {
                Circle::new(
                    (SegmentValue::CenterOf(i), w.first_on_time as f64),
                    4,
                    ON_TIME.filled(),
                )
            }))
            .map_err(failed)?;
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font(("sans-serif", 13).into_font().color(&INK))
            .draw()
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(tidy(svg))
}

/// Drops the XML prolog (the SVG goes inside the page) and lets it scale to the page.
fn tidy(svg: String) -> String {
    let body = match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg.as_str(),
    };
    body.replacen("<svg ", "<svg class=\"chart\" role=\"img\" ", 1)
}
