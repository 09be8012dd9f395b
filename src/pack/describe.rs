//! What a pack knows, in words: for messages, `explain` and reports.

use super::{Known, QuantityBound, Trend};

pub fn describe_known(known: &Known) -> String {
    match known {
        Known::Since(d) => format!("since {d}"),
        Known::Date(d) => format!("on {}", d.text),
        Known::Quantity(q) => {
            let bound = match q.bound {
                QuantityBound::Exact(n) => match q.tolerance {
                    Some(_) => number(n),
                    None => format!("exactly {}", number(n)),
                },
                QuantityBound::AtLeast(n) => format!("at least {}", number(n)),
                QuantityBound::AtMost(n) => format!("at most {}", number(n)),
                QuantityBound::Range(a, b) => format!("between {} and {}", number(a), number(b)),
                QuantityBound::Approx(n) => format!("about {}", number(n)),
            };
            // The tolerance the check applies (approx defaults to 5 %).
            let tolerance = match (&q.bound, q.tolerance) {
                (QuantityBound::Approx(_), t) => Some(t.unwrap_or(0.05)),
                (_, t) => t,
            };
            let bound = match tolerance {
                Some(t) if t > 0.0 => {
                    format!("{bound} (± {}%)", number((t * 1000.0).round() / 10.0))
                }
                _ => bound,
            };
            let as_of = q.as_of.map(|d| format!(" as of {d}")).unwrap_or_default();
            let trend = match q.trend {
                Trend::Stable => "",
                Trend::Increasing => ", increasing",
                Trend::Decreasing => ", decreasing",
            };
            format!("{bound}{as_of}{trend}")
        }
    }
}

pub fn number(n: f64) -> String {
    crate::expr::format_amount(n)
}
