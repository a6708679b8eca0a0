//! The HTML report: one self-contained page with a timeline of events per target group, a
//! legend and filters, and every event's sources and quotes.
//!
//! The page is built from strings: inline CSS, an inline SVG with one `circle.event-mark` per
//! event, and a few lines of plain JavaScript for the filters. It loads nothing (a
//! Content-Security-Policy forbids any request) and carries no time stamp, so the same events
//! give the same bytes. Every text from the input is HTML-escaped, and only `http(s)` URLs
//! become links.
//!
//! The sink keeps the events in memory until [`EventSink::finish`]: a report is for reading,
//! and a page of a few thousand events is already a long one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use docket_core::{ActionKind, Event, Precision, ACTION_KINDS};
use jiff::civil::Date;

use crate::{AtomicFile, EventSink, ExportError};

/// Collects events and writes the report on [`EventSink::finish`].
#[derive(Debug)]
pub struct HtmlSink {
    path: PathBuf,
    title: String,
    events: Vec<Event>,
}

impl HtmlSink {
    /// Starts a report at `path`, titled after the job. Nothing is written until `finish`.
    pub fn create(path: &Path, job: &str) -> Result<Self, ExportError> {
        Ok(HtmlSink {
            path: path.to_path_buf(),
            title: job.to_string(),
            events: Vec::new(),
        })
    }
}

impl EventSink for HtmlSink {
    fn write_event(&mut self, event: &Event) -> Result<(), ExportError> {
        self.events.push(event.clone());
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), ExportError> {
        self.stage()?.publish()
    }

    fn stage(self: Box<Self>) -> Result<crate::Staged, ExportError> {
        let page = render_report(&self.title, &self.events);
        let mut file = AtomicFile::create(&self.path)?;
        let path = self.path.clone();
        std::io::Write::write_all(file.writer(), page.as_bytes())
            .map_err(|error| ExportError::Io { path, error })?;
        file.stage()
    }
}

/// Escapes text for HTML content and double- or single-quoted attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The colour of an action (a fixed palette, in the order of [`ACTION_KINDS`]).
fn colour(action: ActionKind) -> &'static str {
    match action {
        ActionKind::Fine => "#d62728",
        ActionKind::Settlement => "#ff7f0e",
        ActionKind::Investigation => "#1f77b4",
        ActionKind::Summons => "#17becf",
        ActionKind::Warning => "#bcbd22",
        ActionKind::Censure => "#9467bd",
        ActionKind::Order => "#8c564b",
        ActionKind::Suspension => "#e377c2",
        ActionKind::Removal => "#7f7f7f",
        ActionKind::Ban => "#222222",
        ActionKind::Charge => "#2ca02c",
        ActionKind::Ruling => "#393b79",
        ActionKind::Apology => "#6baed6",
        ActionKind::Other => "#b0b0b0",
    }
}

/// `1234567.5` -> `1,234,567.5`.
fn group_digits(value: &str) -> String {
    let (sign, rest) = value.strip_prefix('-').map_or(("", value), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The first and last day a date covers (a year or a month covers all its days).
fn period(event: &Event) -> Option<(Date, Date)> {
    let value = event.date.as_ref()?.value?;
    let year = value.year_part();
    let month = value.month_part().and_then(|m| i8::try_from(m).ok());
    let day = value.day_part().and_then(|d| i8::try_from(d).ok());
    match (month, day) {
        (Some(m), Some(d)) => Date::new(year, m, d).ok().map(|d| (d, d)),
        (Some(m), None) => Date::new(year, m, 1).ok().map(|d| (d, d.last_of_month())),
        _ => Date::new(year, 1, 1).ok().map(|d| (d, d.last_of_year())),
    }
}

fn days_between(from: Date, to: Date) -> f64 {
    to.duration_since(from).as_secs() as f64 / 86_400.0
}

/// One event placed on the page.
struct Placed<'a> {
    event: &'a Event,
    /// Position in the input, for stable ordering.
    index: usize,
    period: Option<(Date, Date)>,
}

/// Events of one target group.
struct Group<'a> {
    key: String,
    label: String,
    events: Vec<Placed<'a>>,
}

/// The group of an event: its first target's top parent (following known parents up, at most
/// eight levels), or the target itself; events without targets share one group.
fn group_key(event: &Event, parents: &BTreeMap<&str, &str>) -> String {
    let Some(target) = event.targets.first() else {
        return String::new();
    };
    let mut key = target.parent.as_deref().unwrap_or(&target.id);
    for _ in 0..8 {
        match parents.get(key) {
            Some(&parent) if parent != key => key = parent,
            _ => break,
        }
    }
    key.to_string()
}

fn groups<'a>(events: &'a [Event]) -> Vec<Group<'a>> {
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    let mut parents: BTreeMap<&str, &str> = BTreeMap::new();
    for event in events {
        for actor in event.actor.iter().chain(&event.targets) {
            names.entry(&actor.id).or_insert(&actor.name);
            if let Some(parent) = &actor.parent {
                parents.entry(&actor.id).or_insert(parent);
            }
        }
    }
    let mut by_key: BTreeMap<String, Vec<Placed<'a>>> = BTreeMap::new();
    for (index, event) in events.iter().enumerate() {
        let placed = Placed {
            event,
            index,
            period: period(event),
        };
        by_key
            .entry(group_key(event, &parents))
            .or_default()
            .push(placed);
    }
    let mut groups: Vec<Group<'a>> = by_key
        .into_iter()
        .map(|(key, mut events)| {
            events.sort_by_key(|p| {
                (
                    p.period.is_none(),
                    p.period.map(|(start, _)| start),
                    p.index,
                )
            });
            let label = match names.get(key.as_str()) {
                _ if key.is_empty() => "(no target)".to_string(),
                Some(name) => name.to_string(),
                None => key.clone(),
            };
            Group { key, label, events }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.key.cmp(&b.key))
    });
    groups
}

/// The attributes the filters read, shared by a mark and its details entry.
fn filter_attributes(placed: &Placed<'_>) -> String {
    let e = placed.event;
    let actor = e.actor.as_ref().map_or("-", |a| a.id.as_str());
    let (start, end) = placed
        .period
        .map_or((String::new(), String::new()), |(s, e)| {
            (s.to_string(), e.to_string())
        });
    format!(
        " data-action=\"{}\" data-actor=\"{}\" data-start=\"{start}\" data-end=\"{end}\"",
        e.action.as_str(),
        esc(actor)
    )
}

fn amount_text(event: &Event) -> Option<String> {
    event
        .amount
        .as_ref()
        .map(|a| format!("{} {}", group_digits(&a.value.to_string()), a.currency))
}

fn date_text(event: &Event) -> String {
    match &event.date {
        Some(d) => match d.value {
            Some(v) => v.to_string(),
            None => format!("undated ({})", d.text),
        },
        None => "undated".to_string(),
    }
}

/// A one-line description: date, action, actor, targets, amount.
fn headline(event: &Event) -> String {
    let actor = event
        .actor
        .as_ref()
        .map_or("(unknown actor)", |a| a.name.as_str());
    let targets = if event.targets.is_empty() {
        "(no target)".to_string()
    } else {
        event
            .targets
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut line = format!(
        "{} · {} · {actor} → {targets}",
        date_text(event),
        event.action.as_str()
    );
    if let Some(amount) = amount_text(event) {
        line.push_str(" · ");
        line.push_str(&amount);
    }
    line
}

/// Radius of a mark: 4 px, growing with the order of magnitude of the amount (currencies are not
/// converted), up to 9 px.
fn radius(event: &Event) -> f64 {
    let value = event
        .amount
        .as_ref()
        .map_or(0.0, |a| a.value.to_string().parse::<f64>().unwrap_or(0.0));
    if value >= 1.0 {
        (4.0 + value.log10() * 0.5).min(9.0)
    } else {
        4.0
    }
}

const WIDTH: f64 = 1200.0;
const LABEL_X: f64 = 8.0;
const PLOT_X0: f64 = 250.0;
const PLOT_X1: f64 = 1070.0;
const UNDATED_X: f64 = 1140.0;
const AXIS_H: f64 = 34.0;
const LANE_H: f64 = 14.0;
const ROW_PAD: f64 = 10.0;
const MAX_LANES: usize = 12;

/// The time axis: the span of all dated events, a little padded.
struct Axis {
    start: Date,
    days: f64,
}

impl Axis {
    fn new<'a>(periods: impl Iterator<Item = (Date, Date)> + 'a) -> Option<Axis> {
        let mut bounds: Option<(Date, Date)> = None;
        for (start, end) in periods {
            bounds = Some(match bounds {
                None => (start, end),
                Some((s, e)) => (s.min(start), e.max(end)),
            });
        }
        let (start, end) = bounds?;
        let days = days_between(start, end).max(1.0);
        Some(Axis { start, days })
    }

    fn x(&self, date: Date) -> f64 {
        PLOT_X0 + (PLOT_X1 - PLOT_X0) * (days_between(self.start, date) / self.days)
    }

    fn end(&self) -> f64 {
        self.days
    }
}

/// Axis labels and grid lines: every year, and every month when the axis spans under four years.
fn axis_svg(out: &mut String, axis: &Axis, height: f64) {
    let first = axis.start.year();
    let mut year = first;
    let monthly = axis.end() < 4.0 * 366.0;
    while let Ok(jan) = Date::new(year, 1, 1) {
        if days_between(axis.start, jan) > axis.end() {
            break;
        }
        for month in 1..=12i8 {
            let Ok(day) = Date::new(year, month, 1) else {
                continue;
            };
            let offset = days_between(axis.start, day);
            if offset < 0.0 || offset > axis.end() {
                continue;
            }
            let x = axis.x(day);
            if month == 1 {
                let _ = write!(
                    out,
                    "<line class=\"grid year\" x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{height:.1}\"/><text class=\"tick\" x=\"{x:.1}\" y=\"16\">{year}</text>",
                    top = AXIS_H - 10.0
                );
            } else if monthly {
                let _ = write!(
                    out,
                    "<line class=\"grid month\" x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{height:.1}\"/><text class=\"tick minor\" x=\"{x:.1}\" y=\"28\">{}</text>",
                    month_abbreviation(month),
                    top = AXIS_H - 4.0
                );
            }
        }
        year += 1;
    }
    if first == axis.start.year() && axis.start.month() != 1 {
        let x = PLOT_X0;
        let _ = write!(
            out,
            "<text class=\"tick\" x=\"{x:.1}\" y=\"16\">{first}</text>"
        );
    }
}

fn month_abbreviation(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[usize::try_from(month - 1).unwrap_or(0).min(11)]
}

/// One group's row: its band and label go to `back` (drawn under the grid), its marks, laid out
/// in lanes so that they do not overlap, to `front`. Returns the row's height.
fn row_svg(
    back: &mut String,
    front: &mut String,
    group: &Group<'_>,
    group_index: usize,
    axis: Option<&Axis>,
    top: f64,
) -> f64 {
    let mut lanes: Vec<f64> = Vec::new();
    let mut marks = String::new();
    let mut undated = 0usize;
    for placed in &group.events {
        let e = placed.event;
        let r = radius(e);
        let (cx, span) = match (placed.period, axis) {
            (Some((start, end)), Some(axis)) => {
                let (x0, x1) = (axis.x(start), axis.x(end));
                ((x0 + x1) / 2.0, (x1 - x0 > 2.0).then_some((x0, x1)))
            }
            _ => {
                undated += 1;
                (
                    UNDATED_X + ((undated - 1) % 5) as f64 * 2.0 * 5.0 - 20.0,
                    None,
                )
            }
        };
        // a mark takes its own width, or its period's bar, in its lane
        let (left, right) = span.map_or((cx - r, cx + r), |(x0, x1)| {
            (x0.min(cx - r), x1.max(cx + r))
        });
        let lane = match lanes.iter().position(|&end| left > end + 1.0) {
            Some(lane) => lane,
            None if lanes.len() < MAX_LANES => {
                lanes.push(f64::MIN);
                lanes.len() - 1
            }
            None => placed.index % MAX_LANES,
        };
        lanes[lane] = lanes[lane].max(right);
        let cy = top + ROW_PAD / 2.0 + LANE_H / 2.0 + lane as f64 * LANE_H;
        let fill = colour(e.action);
        let _ = write!(marks, "<g class=\"event\"{}>", filter_attributes(placed));
        if let Some((x0, x1)) = span {
            let _ = write!(
                marks,
                "<line class=\"period\" x1=\"{x0:.1}\" y1=\"{cy:.1}\" x2=\"{x1:.1}\" y2=\"{cy:.1}\" stroke=\"{fill}\"/>"
            );
        }
        let _ = write!(
            marks,
            "<a href=\"#d-{id}\"><circle class=\"event-mark\" data-event-id=\"{id}\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\"><title>{tip}</title></circle></a></g>",
            id = esc(&e.id),
            tip = esc(&headline(e)),
        );
    }
    let height = lanes.len().max(1) as f64 * LANE_H + ROW_PAD;
    let shade = if group_index % 2 == 0 {
        "row even"
    } else {
        "row odd"
    };
    let _ = write!(
        back,
        "<rect class=\"{shade}\" x=\"0\" y=\"{top:.1}\" width=\"{WIDTH}\" height=\"{height:.1}\"/><a href=\"#g-{group_index}\"><text class=\"label\" x=\"{LABEL_X}\" y=\"{ly:.1}\">{label}<title>{label} ({n} events)</title></text></a>",
        ly = top + ROW_PAD / 2.0 + LANE_H / 2.0 + 4.0,
        label = esc(&truncate(&group.label, 34)),
        n = group.events.len(),
    );
    let _ = write!(
        front,
        "<g class=\"group\" data-group=\"{}\">{marks}</g>",
        esc(&group.key)
    );
    height
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(chars - 1).collect();
    out.push('…');
    out
}

fn details_html(out: &mut String, groups: &[Group<'_>]) {
    out.push_str("<section id=\"details\"><h2>Events and their sources</h2>\n");
    for (index, group) in groups.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"group-details\" id=\"g-{index}\"><h3>{} <small>({} event{})</small></h3><ol>",
            esc(&group.label),
            group.events.len(),
            if group.events.len() == 1 { "" } else { "s" }
        );
        for placed in &group.events {
            event_html(out, placed);
        }
        out.push_str("</ol></section>\n");
    }
    out.push_str("</section>\n");
}

fn link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(url))
    } else {
        esc(url)
    }
}

fn event_html(out: &mut String, placed: &Placed<'_>) {
    let e = placed.event;
    let _ = write!(
        out,
        "<li class=\"detail\" id=\"d-{id}\"{attrs}><div class=\"head\"><span class=\"swatch\" style=\"background:{fill}\"></span> {headline}</div>",
        id = esc(&e.id),
        attrs = filter_attributes(placed),
        fill = colour(e.action),
        headline = esc(&headline(e)),
    );
    let actor = match &e.actor {
        Some(a) => format!("{} <code>{}</code>", esc(&a.name), esc(&a.id)),
        None => "(unknown)".to_string(),
    };
    let targets = e
        .targets
        .iter()
        .map(|t| {
            let parent = t.parent.as_ref().map_or(String::new(), |p| {
                format!(", part of <code>{}</code>", esc(p))
            });
            format!("{} <code>{}</code>{parent}", esc(&t.name), esc(&t.id))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let _ = write!(
        out,
        "<dl><dt>actor</dt><dd>{actor}</dd><dt>targets</dt><dd>{}</dd>",
        if targets.is_empty() {
            "(none)".to_string()
        } else {
            targets
        }
    );
    if let Some(count) = e.target_count {
        let _ = write!(out, "<dt>target count</dt><dd>{count}</dd>");
    }
    if let Some(date) = &e.date {
        let precision = match date.precision {
            Some(Precision::Day) => "day",
            Some(Precision::Month) => "month",
            Some(Precision::Year) => "year",
            None => "unresolved",
        };
        let _ = write!(
            out,
            "<dt>date</dt><dd>{} ({precision}; written “{}”)</dd>",
            esc(&date_text(e)),
            esc(&date.text)
        );
    }
    if let (Some(amount), Some(text)) = (&e.amount, amount_text(e)) {
        let role = serde_json::to_value(amount.role)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<dt>amount</dt><dd>{} ({role}; written “{}”)</dd>",
            esc(&text),
            esc(&amount.text)
        );
    }
    if let Some(summary) = &e.summary {
        let _ = write!(out, "<dt>summary</dt><dd>{}</dd>", esc(summary));
    }
    if let Some(reference) = &e.reference {
        let _ = write!(out, "<dt>ref</dt><dd>{}</dd>", esc(reference));
    }
    if let Some(url) = &e.url {
        let _ = write!(out, "<dt>url</dt><dd>{}</dd>", link(url));
    }
    let _ = write!(
        out,
        "<dt>id</dt><dd><code>{}</code> · confidence {}",
        esc(&e.id),
        e.confidence
    );
    if !e.flags.is_empty() {
        let _ = write!(out, " · flags: {}", esc(&e.flags.join(", ")));
    }
    out.push_str("</dd></dl><ul class=\"sources\">");
    for s in &e.sources {
        let span = s
            .span
            .map_or(String::new(), |[a, b]| format!(", bytes {a}–{b}"));
        let _ = write!(
            out,
            "<li><code>{}</code> {} record {}{span}",
            esc(&s.source),
            esc(&s.uri),
            s.record
        );
        if let Some(quote) = &s.quote {
            let _ = write!(out, "<blockquote>{}</blockquote>", esc(quote));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></li>\n");
}

const STYLE: &str = "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:16px 24px;color:#222;max-width:1240px}\
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}h3{font-size:15px;margin:18px 0 6px}\
.meta{color:#555;margin:0 0 12px}\
#filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-start;margin-bottom:10px}\
#filters fieldset{border:1px solid #ccc;border-radius:6px;padding:4px 10px;margin:0}\
#filters legend{font-size:12px;color:#555}\
#filters label{margin-right:10px;white-space:nowrap}\
.swatch{display:inline-block;width:11px;height:11px;border-radius:50%;vertical-align:-1px}\
#shown{color:#555;align-self:center}\
svg{display:block;border:1px solid #ddd;background:#fff}\
.row.even{fill:#f7f7f7}.row.odd{fill:#fff}\
.grid{stroke:#ddd;stroke-width:1}.grid.month{stroke:#eee;stroke-dasharray:2 3}\
.tick{font-size:11px;fill:#555}.tick.minor{font-size:9px;fill:#999}\
.label{font-size:12px;fill:#222}\
.period{stroke-width:3;stroke-opacity:.35;stroke-linecap:round}\
.event-mark{stroke:#fff;stroke-width:1;fill-opacity:.9}\
.event-mark:hover{stroke:#000;stroke-width:2}\
.undated-head{font-size:11px;fill:#555}\
.note{color:#666;font-size:12px}\
ol{padding-left:22px}\
.detail{margin:10px 0;padding:6px 8px;border-left:3px solid #eee}\
.detail:target{background:#fff6d5;border-left-color:#e0a800}\
.detail dl{display:grid;grid-template-columns:110px 1fr;gap:1px 8px;margin:4px 0}\
.detail dt{color:#666}.detail dd{margin:0}\
.sources{margin:4px 0;padding-left:18px}\
blockquote{margin:2px 0 6px 0;padding:2px 8px;border-left:3px solid #ccc;color:#333;font-style:italic}\
code{font-size:12px;color:#444}";

/// Filtering: hides the marks and details entries whose action is unticked, whose actor is not
/// the one chosen, or whose period lies outside the dates given. The address can preset the
/// filters: `report.html?hide=fine,charge&actor=ID&from=2021-01-01&to=2021-06-30`.
const SCRIPT: &str = r#"(function () {
  var form = document.getElementById('filters');
  var items = document.querySelectorAll('g.event, li.detail');
  function apply() {
    var actions = {};
    form.querySelectorAll('input[name=action]').forEach(function (c) { actions[c.value] = c.checked; });
    var actor = form.elements.actor.value, from = form.elements.from.value, to = form.elements.to.value;
    var shown = 0, total = 0;
    items.forEach(function (el) {
      var d = el.dataset, start = d.start, end = d.end;
      var ok = actions[d.action] !== false && (!actor || d.actor === actor) &&
        (!from || (end && end >= from)) && (!to || (start && start <= to));
      el.style.display = ok ? '' : 'none';
      if (el.tagName.toLowerCase() === 'g') { total++; if (ok) shown++; }
    });
    document.getElementById('shown').textContent = shown + ' of ' + total + ' events shown';
  }
  // filters can also come from the address: ?hide=fine,charge&actor=ID&from=YYYY-MM-DD&to=YYYY-MM-DD
  var query = new URLSearchParams(location.search);
  (query.get('hide') || '').split(',').forEach(function (a) {
    form.querySelectorAll('input[name=action]').forEach(function (c) { if (c.value === a) c.checked = false; });
  });
  ['actor', 'from', 'to'].forEach(function (k) { if (query.has(k)) form.elements[k].value = query.get(k); });
  form.addEventListener('change', apply);
  form.addEventListener('input', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  document.body.setAttribute('data-marks', String(document.querySelectorAll('circle.event-mark').length));
  apply();
})();"#;

/// Renders the report for `events` (in the order given), titled `title`.
pub fn render_report(title: &str, events: &[Event]) -> String {
    let groups = groups(events);
    let axis = Axis::new(
        groups
            .iter()
            .flat_map(|g| g.events.iter().filter_map(|p| p.period)),
    );
    let mut out = String::with_capacity(4096 + events.len() * 1500);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"generator\" content=\"docket\"><title>docket: {t}</title><style>{STYLE}</style></head>\n<body>\n<h1>docket report: {t}</h1>\n",
        t = esc(title)
    );
    let dated = groups
        .iter()
        .flat_map(|g| &g.events)
        .filter(|p| p.period.is_some())
        .count();
    let range = match &axis {
        Some(axis) => {
            let end = groups
                .iter()
                .flat_map(|g| &g.events)
                .filter_map(|p| p.period.map(|(_, e)| e))
                .max();
            format!(
                ", from {} to {}",
                axis.start,
                end.map_or(String::new(), |e| e.to_string())
            )
        }
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} events in {} target groups; {dated} dated{range}.</p>",
        events.len(),
        groups.len()
    );

    // filters and legend
    let mut action_counts: BTreeMap<ActionKind, usize> = BTreeMap::new();
    let mut actors: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for e in events {
        *action_counts.entry(e.action).or_default() += 1;
        let (id, name) = e
            .actor
            .as_ref()
            .map_or(("-", "(no actor)"), |a| (a.id.as_str(), a.name.as_str()));
        actors
            .entry(id.to_string())
            .or_insert_with(|| (name.to_string(), 0))
            .1 += 1;
    }
    out.push_str(
        "<form id=\"filters\" onsubmit=\"return false\"><fieldset><legend>Action (colour)</legend>",
    );
    for kind in ACTION_KINDS
        .iter()
        .filter(|k| action_counts.contains_key(k))
    {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"action\" value=\"{a}\" checked> <span class=\"swatch\" style=\"background:{c}\"></span> {a} ({n})</label>",
            a = kind.as_str(),
            c = colour(*kind),
            n = action_counts.get(kind).copied().unwrap_or(0)
        );
    }
    out.push_str("</fieldset><fieldset><legend>Actor</legend><select name=\"actor\"><option value=\"\">all actors</option>");
    let mut actor_list: Vec<(&String, &(String, usize))> = actors.iter().collect();
    actor_list.sort_by(|a, b| {
        b.1 .1
            .cmp(&a.1 .1)
            .then_with(|| a.1 .0.cmp(&b.1 .0))
            .then_with(|| a.0.cmp(b.0))
    });
    for (id, (name, n)) in actor_list {
        let _ = write!(
            out,
            "<option value=\"{}\">{} ({n})</option>",
            esc(id),
            esc(name)
        );
    }
    out.push_str(
        "</select></fieldset><fieldset><legend>Date</legend><label>from <input type=\"date\" name=\"from\"></label>\
<label>to <input type=\"date\" name=\"to\"></label></fieldset><button type=\"reset\">reset</button><output id=\"shown\"></output></form>\n",
    );
    out.push_str(
        "<p class=\"note\">One row per target group (the first target's parent group when known), one mark per event, \
coloured by action. A mark's size grows with the order of magnitude of its amount (currencies are not converted); a bar \
spans the month or year of a date known only to that precision. Click a mark for its sources.</p>\n",
    );

    // the timeline: row bands, then the grid, then the marks
    let (mut back, mut front) = (String::new(), String::new());
    let mut top = AXIS_H;
    for (index, group) in groups.iter().enumerate() {
        top += row_svg(&mut back, &mut front, group, index, axis.as_ref(), top);
    }
    let height = top + 6.0;
    let _ = write!(
        out,
        "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"timeline of events per target group\">"
    );
    out.push_str(&back);
    match &axis {
        Some(axis) => axis_svg(&mut out, axis, height),
        None => {
            let _ = write!(
                out,
                "<text class=\"tick\" x=\"{PLOT_X0}\" y=\"16\">no event has a date</text>"
            );
        }
    }
    let _ = write!(
        out,
        "<line class=\"grid\" x1=\"{x}\" y1=\"{AXIS_H}\" x2=\"{x}\" y2=\"{height:.0}\"/><text class=\"undated-head\" x=\"{tx}\" y=\"16\">undated</text>",
        x = UNDATED_X - 35.0,
        tx = UNDATED_X - 25.0
    );
    out.push_str(&front);
    out.push_str("</svg>\n");
    details_html(&mut out, &groups);
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use docket_core::{ActorRef, Amount, AmountRole, DateValue, Decimal, PartialDate, SourceRef};

    fn actor(id: &str, name: &str, parent: Option<&str>) -> ActorRef {
        // through serde, as an export reads it, so that optional fields keep their defaults
        let json = serde_json::json!({"id": id, "name": name, "kind": "company", "resolved": true, "parent": parent});
        serde_json::from_value(json).unwrap()
    }

    fn event(id: &str, action: ActionKind, target: ActorRef, date: Option<&str>) -> Event {
        let mut e = Event::new(action);
        e.id = id.into();
        e.targets = vec![target];
        e.date = date.map(|d| DateValue::resolved(d.parse::<PartialDate>().unwrap(), d));
        e.sources = vec![SourceRef {
            source: "s".into(),
            uri: "a.txt".into(),
            record: 1,
            span: Some([3, 9]),
            quote: Some("<b>quoted</b> & \"said\"".into()),
        }];
        e
    }

    #[test]
    fn groups_roll_up_to_the_top_parent_and_text_is_escaped() {
        let events = vec![
            event(
                "ev-1",
                ActionKind::Fine,
                actor("ucweb", "UCWeb", Some("alibaba")),
                Some("2021-03-18"),
            ),
            event(
                "ev-2",
                ActionKind::Summons,
                actor("alibaba", "Alibaba Group", Some("alibaba-holding")),
                Some("2021-04"),
            ),
            event(
                "ev-3",
                ActionKind::Ban,
                actor("x:other", "Other <script>", None),
                None,
            ),
        ];
        let page = render_report("t<&>", &events);
        assert_eq!(page.matches("<circle class=\"event-mark\"").count(), 3);
        // ucweb -> alibaba -> alibaba-holding (unnamed: shown by id), in one group of two
        assert!(page.contains("data-group=\"alibaba-holding\""), "{page}");
        assert_eq!(page.matches("data-group=").count(), 2);
        assert!(page.contains("Other &lt;script&gt;"));
        assert!(!page.contains("Other <script>"));
        assert!(page.contains("&lt;b&gt;quoted&lt;/b&gt; &amp; &quot;said&quot;"));
        assert!(page.contains("docket report: t&lt;&amp;&gt;"));
        // the month-precision date gets a bar over its month
        assert_eq!(page.matches("<line class=\"period\"").count(), 1);
        assert_eq!(render_report("t<&>", &events), page, "deterministic");
    }

    #[test]
    fn only_web_links_are_links_and_amounts_are_grouped() {
        let mut e = event(
            "ev-1",
            ActionKind::Fine,
            actor("a", "A", None),
            Some("2020"),
        );
        e.url = Some("javascript:alert(1)".into());
        e.amount = Some(Amount::new(
            Decimal::new(123456789, 1),
            "EUR",
            AmountRole::Penalty,
            "€12.3m",
        ));
        let page = render_report("t", &[e]);
        assert!(!page.contains("href=\"javascript"));
        assert!(page.contains("12,345,678.9 EUR"));
        assert_eq!(group_digits("1000"), "1,000");
        assert_eq!(group_digits("-100"), "-100");
    }
}
