//! The benchmark's figures and targets: a table on the terminal, and
//! `target/bench/report.md` with a hand-drawn SVG chart of our/peer ratios.

use std::fmt::Write as _;

/// What a target asks of a measurement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Goal {
    /// The measured value itself must be at most this.
    AtMost(f64),
    /// Ours / peer must be at most this.
    RatioAtMost(f64),
    /// Ours / peer must be at least this.
    RatioAtLeast(f64),
    /// Ours / peer must be below this.
    RatioBelow(f64),
    /// Ours minus the peer's must be at least this (for scores such as
    /// MRR, where a ratio hides how far apart two figures are).
    MarginAtLeast(f64),
}

/// One target line: a measured figure, its peer, and the goal.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// What is measured, such as "Index bytes (gzip), GNOME en".
    pub(crate) name: String,
    /// The unit of `measured` and of the peer's figure.
    pub(crate) unit: &'static str,
    pub(crate) goal: Goal,
    /// Our figure, or why it could not be measured.
    pub(crate) measured: Result<f64, String>,
    /// The peer's name and figure, when the goal compares with one.
    pub(crate) peer: Option<(String, Result<f64, String>)>,
    /// Whether a bigger figure is better (for the chart's legend).
    pub(crate) higher_is_better: bool,
}

/// Whether a target is met.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Status {
    Met,
    Missed,
    NotMeasured(String),
}

impl Target {
    /// Ours / peer, when both were measured.
    pub(crate) fn ratio(&self) -> Option<f64> {
        let ours = self.measured.as_ref().ok()?;
        let peer = self.peer.as_ref()?.1.as_ref().ok()?;
        (*peer != 0.0).then(|| ours / peer)
    }

    /// The peer's figure, when it was measured.
    fn peer_value(&self) -> Option<f64> {
        self.peer.as_ref()?.1.as_ref().ok().copied()
    }

    /// Where the goal puts the ratio ours / peer, for the chart's tick.
    fn goal_ratio(&self) -> Option<f64> {
        match self.goal {
            Goal::RatioAtMost(g) | Goal::RatioAtLeast(g) | Goal::RatioBelow(g) => Some(g),
            Goal::MarginAtLeast(x) => {
                let peer = self.peer_value()?;
                (peer != 0.0).then(|| (peer + x) / peer)
            }
            Goal::AtMost(_) => None,
        }
    }

    pub(crate) fn status(&self) -> Status {
        let ours = match &self.measured {
            Ok(v) => *v,
            Err(why) => return Status::NotMeasured(why.clone()),
        };
        let met = match self.goal {
            Goal::AtMost(limit) => ours <= limit,
            Goal::MarginAtLeast(x) => {
                let Some(peer) = self.peer_value() else {
                    let why = match self.peer.as_ref().map(|p| &p.1) {
                        Some(Err(why)) => format!("peer not measured: {why}"),
                        _ => "no peer figure".to_string(),
                    };
                    return Status::NotMeasured(why);
                };
                // A hair of tolerance: 0.85 - 0.80 is 0.04999… in floating point.
                ours - peer >= x - 1e-9
            }
            Goal::RatioAtMost(_) | Goal::RatioAtLeast(_) | Goal::RatioBelow(_) => {
                let Some(ratio) = self.ratio() else {
                    let why = match self.peer.as_ref().map(|p| &p.1) {
                        Some(Err(why)) => format!("peer not measured: {why}"),
                        _ => "no peer figure".to_string(),
                    };
                    return Status::NotMeasured(why);
                };
                match self.goal {
                    Goal::RatioAtMost(x) => ratio <= x,
                    Goal::RatioAtLeast(x) => ratio >= x,
                    Goal::RatioBelow(x) => ratio < x,
                    Goal::AtMost(_) | Goal::MarginAtLeast(_) => unreachable!("handled above"),
                }
            }
        };
        if met { Status::Met } else { Status::Missed }
    }

    /// The goal in words, such as "≤ 0.5× Pagefind".
    pub(crate) fn goal_text(&self) -> String {
        let peer = self.peer.as_ref().map_or("peer", |p| p.0.as_str());
        match self.goal {
            Goal::AtMost(limit) => format!("≤ {} {}", number(limit), self.unit),
            Goal::RatioAtMost(x) => format!("≤ {}× {peer}", number(x)),
            Goal::RatioAtLeast(1.0) => format!("at least {peer}'s"),
            Goal::RatioAtLeast(x) => format!("≥ {}× {peer}", number(x)),
            Goal::RatioBelow(1.0) => format!("below {peer}"),
            Goal::RatioBelow(x) => format!("< {}× {peer}", number(x)),
            Goal::MarginAtLeast(x) => format!("≥ {peer} + {}", number(x)),
        }
    }

    /// A figure with its unit; unitless figures (MRR) get three decimals.
    fn value(&self, v: f64) -> String {
        if self.unit.is_empty() {
            format!("{v:.3}")
        } else {
            format!("{} {}", number(v), self.unit)
        }
    }

    /// The line printed for this target.
    pub(crate) fn line(&self) -> String {
        let measured = self
            .measured
            .as_ref()
            .map_or_else(|_| "—".to_string(), |v| self.value(*v));
        let peer = match &self.peer {
            None => "peer —".to_string(),
            Some((name, Ok(v))) => format!("{name} {}", self.value(*v)),
            Some((name, Err(_))) => format!("{name} not measured"),
        };
        let ratio = self
            .ratio()
            .map_or_else(|| "—".to_string(), |r| format!("{}×", number(r)));
        let status = match self.status() {
            Status::Met => "MET".to_string(),
            Status::Missed => "MISSED".to_string(),
            Status::NotMeasured(why) => format!("not measured: {why}"),
        };
        format!(
            "{}: measured {measured}, {peer}, ratio {ratio}, target {} → {status}",
            self.name,
            self.goal_text()
        )
    }
}

/// A figure that has no target of its own, shown in the table.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    pub(crate) section: String,
    pub(crate) what: String,
    pub(crate) value: String,
}

/// Everything the benchmark found.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) figures: Vec<Figure>,
    pub(crate) targets: Vec<Target>,
    pub(crate) environment: Vec<(String, String)>,
    /// Free-form Markdown sections appended to the report.
    pub(crate) details: Vec<(String, String)>,
}

impl Report {
    pub(crate) fn figure(
        &mut self,
        section: &str,
        what: impl Into<String>,
        value: impl Into<String>,
    ) {
        let (what, value) = (what.into(), value.into());
        println!("xtask: bench: {section}: {what}: {value}");
        self.figures.push(Figure {
            section: section.to_string(),
            what,
            value,
        });
    }

    /// Records that a step failed, and goes on.
    pub(crate) fn not_measured(&mut self, section: &str, why: &anyhow::Error) {
        self.figure(section, "not measured", format!("{why:#}"));
    }

    /// The terminal summary: the figures, then one line per target.
    pub(crate) fn print(&self) {
        println!("\n{}", "=".repeat(72));
        println!("Benchmark figures");
        let width = self
            .figures
            .iter()
            .map(|f| f.section.len() + f.what.len() + 3)
            .max()
            .unwrap_or(20)
            .min(60);
        for f in &self.figures {
            let label = format!("{} · {}", f.section, f.what);
            println!("  {label:<width$}  {}", f.value);
        }
        println!("\nTargets");
        for t in &self.targets {
            println!("  {}", t.line());
        }
        let met = self
            .targets
            .iter()
            .filter(|t| t.status() == Status::Met)
            .count();
        let missed = self
            .targets
            .iter()
            .filter(|t| t.status() == Status::Missed)
            .count();
        let unmeasured = self.targets.len() - met - missed;
        println!("\n{met} met, {missed} missed, {unmeasured} not measured");
    }

    /// The Markdown report, linking `chart`.
    pub(crate) fn markdown(&self, chart: &str) -> String {
        let mut md = String::from("# Benchmark: `cargo xtask bench`\n\n");
        md.push_str(
            "A benchmark, not a test: every peer is measured in the same run on the same machine, \
             and the targets are those of issue 3.\n\n",
        );
        let _ = writeln!(md, "![our/peer ratios]({chart})\n");
        md.push_str("## Targets\n\n| Target | Ours | Peer | Ratio | Goal | Status |\n|---|---|---|---|---|---|\n");
        for t in &self.targets {
            let ours = t
                .measured
                .as_ref()
                .map_or_else(|_| "—".to_string(), |v| t.value(*v));
            let peer = match &t.peer {
                None => "—".to_string(),
                Some((name, Ok(v))) => format!("{name}: {}", t.value(*v)),
                Some((name, Err(why))) => format!("{name}: not measured ({why})"),
            };
            let ratio = t
                .ratio()
                .map_or_else(|| "—".to_string(), |r| format!("{}×", number(r)));
            let status = match t.status() {
                Status::Met => "**MET**".to_string(),
                Status::Missed => "**MISSED**".to_string(),
                Status::NotMeasured(why) => format!("not measured: {why}"),
            };
            let _ = writeln!(
                md,
                "| {} | {ours} | {} | {ratio} | {} | {status} |",
                t.name,
                cell(&peer),
                t.goal_text()
            );
        }
        md.push_str("\n## Figures\n\n| Section | What | Value |\n|---|---|---|\n");
        for f in &self.figures {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                cell(&f.section),
                cell(&f.what),
                cell(&f.value)
            );
        }
        for (title, body) in &self.details {
            let _ = write!(md, "\n## {title}\n\n{body}\n");
        }
        md.push_str("\n## Environment\n\n");
        for (k, v) in &self.environment {
            let _ = writeln!(md, "- {k}: {}", v.trim());
        }
        md
    }

    /// Horizontal bars of our/peer ratios, one per target that has both
    /// figures, with a dashed line at 1× and a black tick at the target's
    /// ratio. Green bars meet their target, red ones miss it.
    pub(crate) fn svg(&self) -> String {
        let bars: Vec<(&Target, f64)> = self
            .targets
            .iter()
            .filter_map(|t| Some((t, t.ratio()?)))
            .collect();
        let (label_w, bar_w, row_h, top) = (400.0, 380.0, 46.0, 50.0);
        let scale_max = bars.iter().map(|(_, r)| *r).fold(2.0f64, f64::max).min(4.0);
        let x = |r: f64| label_w + bar_w * (r.min(scale_max) / scale_max);
        let height = top + row_h * bars.len().max(1) as f64 + 40.0;
        let width = label_w + bar_w + 130.0;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
             font-family=\"system-ui, sans-serif\" font-size=\"13\">\n\
             <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n\
             <text x=\"12\" y=\"24\" font-size=\"16\" font-weight=\"600\">Ours ÷ peer, measured in the same run</text>\n\
             <text x=\"12\" y=\"40\" font-size=\"11\" fill=\"#666\">green: target met · red: missed · black tick: target ratio · dashed: 1×</text>\n"
        );
        if bars.is_empty() {
            svg.push_str("<text x=\"12\" y=\"70\">No ratio could be measured.</text>\n");
        }
        for (i, (t, ratio)) in bars.iter().enumerate() {
            let y = top + row_h * i as f64;
            let colour = if t.status() == Status::Met {
                "#2e7d32"
            } else {
                "#c62828"
            };
            let better = if t.higher_is_better {
                "higher is better"
            } else {
                "lower is better"
            };
            let peer = t.peer.as_ref().map_or("peer", |p| p.0.as_str());
            let goal = match t.goal {
                Goal::AtMost(_) => format!(" · target {} (absolute)", t.goal_text()),
                _ => String::new(),
            };
            let _ = writeln!(
                svg,
                "<text x=\"12\" y=\"{}\">{}</text>",
                y + 16.0,
                xml(&t.name)
            );
            let _ = writeln!(
                svg,
                "<text x=\"12\" y=\"{}\" font-size=\"11\" fill=\"#666\">vs {} · {better}{}</text>",
                y + 31.0,
                xml(peer),
                xml(&goal)
            );
            let _ = writeln!(
                svg,
                "<rect x=\"{label_w}\" y=\"{}\" width=\"{:.1}\" height=\"22\" fill=\"{colour}\"/>",
                y + 8.0,
                (x(*ratio) - label_w).max(1.0)
            );
            let tick = t.goal_ratio().map(x);
            if let Some(gx) = tick {
                let _ = writeln!(
                    svg,
                    "<line x1=\"{gx:.1}\" x2=\"{gx:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"3\"/>",
                    y + 4.0,
                    y + 34.0
                );
            }
            let suffix = if *ratio > scale_max {
                " (off scale)"
            } else {
                ""
            };
            let text_x = x(*ratio).max(tick.unwrap_or(0.0)) + 6.0;
            let _ = writeln!(
                svg,
                "<text x=\"{text_x:.1}\" y=\"{}\">{}×{suffix}</text>",
                y + 24.0,
                number(*ratio)
            );
        }
        let bottom = top + row_h * bars.len().max(1) as f64;
        let one = x(1.0);
        let _ = writeln!(
            svg,
            "<line x1=\"{one:.1}\" x2=\"{one:.1}\" y1=\"{top}\" y2=\"{bottom}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n\
             <line x1=\"{label_w}\" x2=\"{label_w}\" y1=\"{top}\" y2=\"{bottom}\" stroke=\"#888\"/>\n\
             <text x=\"{:.1}\" y=\"{}\" fill=\"#666\">1×</text>\n\
             <text x=\"{label_w}\" y=\"{}\" fill=\"#666\">0</text>\n\
             <text x=\"{:.1}\" y=\"{}\" fill=\"#666\" text-anchor=\"end\">{}×</text>",
            one - 8.0,
            bottom + 18.0,
            bottom + 18.0,
            label_w + bar_w,
            bottom + 18.0,
            number(scale_max)
        );
        svg.push_str("</svg>\n");
        svg
    }
}

/// Bytes as kilobytes (1000 bytes), with [`number`]'s rounding.
pub(crate) fn kb(bytes: u64) -> String {
    number(bytes as f64 / 1000.0)
}

/// A number with three significant digits or so.
pub(crate) fn number(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 {
        "0".to_string()
    } else if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 0.1 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(goal: Goal, ours: f64, peer: Option<f64>) -> Target {
        Target {
            name: "t".into(),
            unit: "ms",
            goal,
            measured: Ok(ours),
            peer: peer.map(|p| ("Peer".to_string(), Ok(p))),
            higher_is_better: false,
        }
    }

    #[test]
    fn goals_compare_as_stated() {
        assert_eq!(target(Goal::AtMost(1.0), 0.9, None).status(), Status::Met);
        assert_eq!(
            target(Goal::AtMost(1.0), 1.1, None).status(),
            Status::Missed
        );
        assert_eq!(
            target(Goal::RatioAtMost(0.5), 50.0, Some(100.0)).status(),
            Status::Met
        );
        assert_eq!(
            target(Goal::RatioAtLeast(1.0), 50.0, Some(100.0)).status(),
            Status::Missed
        );
        assert_eq!(
            target(Goal::RatioBelow(1.0), 1.0, Some(1.0)).status(),
            Status::Missed
        );
        assert!(matches!(
            target(Goal::RatioBelow(1.0), 1.0, None).status(),
            Status::NotMeasured(_)
        ));
        assert_eq!(
            target(Goal::MarginAtLeast(0.05), 0.85, Some(0.80)).status(),
            Status::Met
        );
        assert_eq!(
            target(Goal::MarginAtLeast(0.05), 0.84, Some(0.80)).status(),
            Status::Missed
        );
        assert!(matches!(
            target(Goal::MarginAtLeast(0.05), 0.9, None).status(),
            Status::NotMeasured(_)
        ));
    }

    #[test]
    fn the_chart_is_one_svg_element() {
        let report = Report {
            targets: vec![target(Goal::RatioAtMost(0.5), 1.0, Some(4.0))],
            ..Report::default()
        };
        let svg = report.svg();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("0.25×"));
    }
}
