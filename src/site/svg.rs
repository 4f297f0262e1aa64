//! Charts as inline SVG: no script, no external resource, readable without colour (every bar
//! and point carries its number as text or a `<title>`).

use super::escape;
use chrono::NaiveDate;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;

fn open(label: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-label=\"{}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">",
        escape(label)
    )
}

/// A bar chart of labelled counts.
pub fn histogram(label: &str, bins: &[(&str, usize)]) -> String {
    let mut out = open(label);
    let max = bins.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / bins.len().max(1) as f64;
    let axis_y = TOP + plot_h;
    out.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#5b6670\"/>",
        WIDTH - RIGHT
    ));
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#5b6670\">{max}</text>",
        LEFT - 6.0,
        TOP + 4.0
    ));
    for (i, (name, count)) in bins.iter().enumerate() {
        let h = plot_h * (*count as f64) / (max as f64);
        let x = LEFT + slot * i as f64 + slot * 0.15;
        let w = slot * 0.7;
        let y = axis_y - h;
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#1f5fa8\"><title>{}: {count}</title></rect>",
            escape(name)
        ));
        let cx = x + w / 2.0;
        if *count > 0 {
            out.push_str(&format!(
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>",
                y - 4.0
            ));
        }
        out.push_str(&format!(
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#5b6670\">{}</text>",
            axis_y + 18.0,
            escape(name)
        ));
    }
    out.push_str("</svg>");
    out
}

/// A step line of a count over time.
pub fn step_line(label: &str, points: &[(NaiveDate, usize)]) -> String {
    let mut out = open(label);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let axis_y = TOP + plot_h;
    out.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#5b6670\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{axis_y}\" stroke=\"#5b6670\"/>",
        WIDTH - RIGHT
    ));
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5b6670\">no action items yet</text></svg>",
            WIDTH / 2.0,
            HEIGHT / 2.0
        ));
        return out;
    };
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
    let span = (last.0 - first.0).num_days().max(1) as f64;
    let x_of = |d: NaiveDate| LEFT + plot_w * ((d - first.0).num_days() as f64) / span;
    let y_of = |n: usize| axis_y - plot_h * (n as f64) / (max as f64);
    let mut path = String::new();
    let mut previous: Option<f64> = None;
    for (date, open) in points {
        let (x, y) = (x_of(*date), y_of(*open));
        match previous {
            None => path.push_str(&format!("M{x:.1},{y:.1}")),
            Some(py) => path.push_str(&format!(" L{x:.1},{py:.1} L{x:.1},{y:.1}")),
        }
        previous = Some(y);
    }
    out.push_str(&format!(
        "<path d=\"{path}\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>"
    ));
    for (date, open) in points {
        out.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#1f5fa8\"><title>{date}: {open} open</title></circle>",
            x_of(*date),
            y_of(*open)
        ));
    }
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#5b6670\">{max}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#5b6670\">0</text>",
        LEFT - 6.0,
        TOP + 4.0,
        LEFT - 6.0,
        axis_y
    ));
    out.push_str(&format!(
        "<text x=\"{LEFT}\" y=\"{:.1}\" fill=\"#5b6670\">{}</text><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#5b6670\">{}</text>",
        axis_y + 18.0,
        first.0,
        WIDTH - RIGHT,
        axis_y + 18.0,
        last.0
    ));
    out.push_str("</svg>");
    out
}
